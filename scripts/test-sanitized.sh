#!/usr/bin/env bash
# Builds factlint and its tests with clang, AddressSanitizer and UndefinedBehaviorSanitizer in a
# separate build folder (build-fuzz/, shared with fuzz/run.sh so that CI compiles the sanitized
# code once for both) and runs the whole suite there. Any leak, memory error or undefined
# behaviour fails the run. -O1 -g1 keeps the build and the run short enough for CI.
# Needs what scripts/setup.sh and fuzz/setup.sh install.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${FACTLINT_FUZZ_BUILD_DIR:-"$here/build-fuzz"}
"$here/fuzz/setup.sh"
launcher=()
command -v ccache >/dev/null 2>&1 && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
cmake -S "$here" -B "$build" -DCMAKE_CXX_COMPILER=clang++-14 -DCMAKE_BUILD_TYPE=Debug \
  -DCMAKE_CXX_FLAGS_DEBUG="-O1 -g1" -DFACTLINT_BUILD_FUZZERS=ON "${launcher[@]}" >&2
cmake --build "$build" -j "$(nproc)" >&2
# The SARIF validator is the same npm package as in the main build; reuse it when present.
main_tools=${FACTLINT_BUILD_DIR:-"$here/build"}/tools
if [ ! -e "$build/tools" ] && [ -d "$main_tools" ]; then ln -s "$main_tools" "$build/tools"; fi
export ASAN_OPTIONS=halt_on_error=1:detect_leaks=1:abort_on_error=0:strict_string_checks=1:detect_stack_use_after_return=1
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
ctest --test-dir "$build" --output-on-failure -j "$(nproc)"
