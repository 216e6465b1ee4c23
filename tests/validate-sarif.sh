#!/usr/bin/env bash
# Validates factlint's SARIF with Microsoft's SARIF validator (npm @microsoft/sarif-multitool,
# installed into the build tree by scripts/setup.sh): schema and best-practice rules, no errors
# allowed. Usage: validate-sarif.sh FACTLINT_BINARY FIXTURES_DIR TOOLS_DIR
set -euo pipefail
bin=$1 fixtures=$2 tools=$3
validator="$tools/node_modules/.bin/sarif-multitool"
[ -x "$validator" ] || { echo "validate-sarif: $validator missing; run scripts/setup.sh" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$fixtures"
status=0
# Every fixture at once (relative paths), one run with absolute paths, one with a load error and a
# missing path, one with a bad config (notifications only), and an HTML draft alone.
"$bin" --format sarif --lang en . >"$work/all.sarif" || true
"$bin" --format sarif --lang ko "$fixtures/sample/article.txt" >"$work/absolute.sarif" || true
"$bin" --format sarif text/invalid-utf8.bin no-such-folder sample/article.txt >"$work/error.sarif" 2>/dev/null || true
"$bin" --format sarif --config config-errors/bad-severity.toml sample/article.txt >"$work/config.sarif" 2>/dev/null || true
"$bin" --format sarif --lang ko html/article.html >"$work/html.sarif" || true
for f in "$work"/*.sarif; do
  "$validator" validate "$f" -o "$f.report" >"$f.log" 2>&1 || true
  if grep -E ": error [A-Z]+[0-9]+|: error SARIF|ERR[0-9]+" "$f.log"; then
    echo "validate-sarif: $(basename "$f") has errors" >&2
    status=1
  fi
  grep -q "Analysis completed successfully" "$f.log" || { cat "$f.log" >&2; status=1; }
done
[ "$status" -eq 0 ] && echo "validate-sarif: 4 SARIF logs valid"
exit "$status"
