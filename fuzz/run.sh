#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (ASan + UBSan) in build-fuzz/ (where
# scripts/test-sanitized.sh also builds the sanitized test suite) and runs each for a bounded
# time on its seed corpus (fuzz/corpus/<target>/).
#
#   fuzz/run.sh [SECONDS_PER_TARGET] [TARGET...]     default: 30 seconds, every target
#
# New inputs that reach new code go to build-fuzz/corpus/<target>/ (the seeds stay as they
# are); a crash stops the run with exit 1 and leaves the input as build-fuzz/crash-<target>-*.
# Turn a crash into a regression test in tests/ before fixing it.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
seconds=${1:-30}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(fuzz_document fuzz_extract fuzz_config fuzz_pack fuzz_cache fuzz_lint)
build=${FACTLINT_FUZZ_BUILD_DIR:-"$here/build-fuzz"}
# A fixed seed by default, so that a CI run explores the same inputs each time it sees the same
# code; FACTLINT_FUZZ_SEED=0 lets libFuzzer pick one (for longer local runs).
seed=${FACTLINT_FUZZ_SEED:-1}
"$here/fuzz/setup.sh"
launcher=()
command -v ccache >/dev/null 2>&1 && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
cmake -S "$here" -B "$build" -DCMAKE_CXX_COMPILER=clang++-14 -DCMAKE_BUILD_TYPE=Debug \
  -DCMAKE_CXX_FLAGS_DEBUG="-O1 -g1" -DFACTLINT_BUILD_FUZZERS=ON "${launcher[@]}" >&2
cmake --build "$build" -j "$(nproc)" --target "${targets[@]}" >&2
export ASAN_OPTIONS=halt_on_error=1:detect_leaks=1
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
status=0
for t in "${targets[@]}"; do
  mkdir -p "$build/corpus/$t"
  echo "fuzz: $t for ${seconds}s" >&2
  if ! "$build/fuzz/$t" -seed="$seed" -max_total_time="$seconds" -max_len=8192 -timeout=20 -rss_limit_mb=4096 \
      -print_final_stats=1 -artifact_prefix="$build/crash-$t-" \
      "$build/corpus/$t" "$here/fuzz/corpus/$t" 2>"$build/$t.log"; then
    tail -n 60 "$build/$t.log" >&2
    echo "fuzz: $t FAILED (input saved as $build/crash-$t-*)" >&2
    status=1
  else
    grep -E "stat::number_of_executed_units|cov:" "$build/$t.log" | tail -n 2 >&2 || true
  fi
done
exit $status
