#!/usr/bin/env bash
# Installs what factlint needs, builds it with its tests, and runs the whole suite through CTest.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
"$here/scripts/setup.sh"
ctest --test-dir "${FACTLINT_BUILD_DIR:-$here/build}" --output-on-failure -j "$(nproc)"
