#!/usr/bin/env bash
# Rewrites every fixtures/**/*.expected from the current build; review `git diff fixtures/` after.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cmake --build "$here/build" -j "$(nproc)"
FACTLINT_UPDATE_GOLDEN=1 "$here/build/factlint_tests" "[golden]"
git -C "$here" status --short fixtures/
