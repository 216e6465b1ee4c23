#!/usr/bin/env bash
# Installs what factlint needs, builds it with its tests and micro-benchmarks, and runs the whole
# suite through CTest.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
"$here/scripts/setup.sh"
# The micro-benchmarks are built and run once too (briefly: the suite checks that they work, it
# does not time them).
build=${FACTLINT_BUILD_DIR:-$here/build}
cmake -S "$here" -B "$build" -DFACTLINT_BUILD_BENCHMARKS=ON >&2
cmake --build "$build" -j "$(nproc)" --target factlint_bench >&2
ctest --test-dir "$build" --output-on-failure -j "$(nproc)"
