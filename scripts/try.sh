#!/usr/bin/env bash
# Installs what factlint needs, builds it, and lints the bundled sample article.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
"$here/scripts/setup.sh"
status=0
"$here/build/factlint" --format pretty "$here/fixtures/sample/article.txt" || status=$?
# The sample is written with mistakes in it, so exit code 1 (findings) is the expected result.
if [ "$status" -gt 1 ]; then
  echo "factlint failed with exit code $status" >&2
  exit "$status"
fi
