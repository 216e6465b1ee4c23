#!/usr/bin/env bash
# Runs the factlint steps of the workflows in docs/ci.md (the blocks after a
# `<!-- ci-docs-test: NAME -->` marker) on tests/ci-docs/drafts with the built binary, as a
# GitHub runner would run them, and checks what the docs promise: the SARIF validates, the
# annotations are exactly tests/ci-docs/github.expected, and the exit codes are as described.
# Usage: ci-docs.sh FACTLINT_BINARY SOURCE_DIR TOOLS_DIR
set -euo pipefail
bin=$1 src=$2 tools=$3
fail() { echo "ci-docs: $*" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
unset LC_ALL LC_MESSAGES LANG CI

# The `run:` line with factlint in the YAML block that follows the marker NAME.
step() {
  awk -v name="$1" '
    $0 ~ "<!-- ci-docs-test: " name " " { marked = 1; next }
    marked && /^```/ { if (inside) exit; inside = 1; next }
    inside && /run: [^#]*factlint/ { sub(/^[^r]*run: /, ""); print; n++ }
    END { if (n != 1) exit 1 }' "$src/docs/ci.md" || fail "no single factlint step after marker '$1' in docs/ci.md"
}
sarif_step=$(step sarif)
github_step=$(step github)
echo "ci-docs: sarif step:  $sarif_step"
echo "ci-docs: github step: $github_step"

# A checkout with the drafts and factlint built at build/factlint, as the workflows assume.
setup() {
  rm -rf "$work/repo"
  mkdir -p "$work/repo/build"
  cp -r "$src/tests/ci-docs/drafts" "$work/repo/drafts"
  ln -s "$(realpath "$bin")" "$work/repo/build/factlint"
}
run_step() { (cd "$work/repo" && bash -e -o pipefail -c "$1"); }

# Code scanning: findings keep the step green and give a valid SARIF log.
setup
run_step "$sarif_step" || fail "sarif step failed on drafts with findings (exit $?)"
[ -s "$work/repo/factlint.sarif" ] || fail "sarif step wrote no factlint.sarif"
grep -q '"ruleId":"number/decimal-separator"' "$work/repo/factlint.sarif" || fail "no results in SARIF"
validator="$tools/node_modules/.bin/sarif-multitool"
[ -x "$validator" ] || fail "$validator missing; run scripts/setup.sh"
"$validator" validate "$work/repo/factlint.sarif" -o "$work/report" >"$work/validate.log" 2>&1 || true
if grep -E ": error [A-Z]+[0-9]+|: error SARIF|ERR[0-9]+" "$work/validate.log" ||
  ! grep -q "Analysis completed successfully" "$work/validate.log"; then
  cat "$work/validate.log" >&2
  fail "factlint.sarif does not validate"
fi
# ... and a real error (exit 2) turns it red.
printf 'ok\n\xff\n' >"$work/repo/drafts/broken.txt"
if run_step "$sarif_step" 2>/dev/null; then fail "sarif step stayed green on an invalid file"; fi
grep -q '"executionSuccessful":false' "$work/repo/factlint.sarif" || fail "no failed invocation in SARIF"

# Annotations: exactly the expected lines; an error finding fails the step with exit 1.
setup
set +e
out=$(run_step "$github_step")
status=$?
set -e
[ "$status" -eq 1 ] || fail "github step exited $status, expected 1 (an error finding)"
diff -u "$src/tests/ci-docs/github.expected" <(printf '%s\n' "$out") || fail "annotations differ"
# Warnings alone annotate without failing the step.
rm -r "$work/repo/drafts/sports"
out=$(run_step "$github_step") || fail "github step failed with warnings only"
[ "$out" = "$(head -1 "$src/tests/ci-docs/github.expected")" ] || fail "warning-only annotations differ"
# An unreadable file fails it with exit 2 and an ::error annotation.
printf 'ok\n\xff\n' >"$work/repo/drafts/broken.txt"
set +e
out=$(run_step "$github_step")
status=$?
set -e
[ "$status" -eq 2 ] || fail "github step exited $status on an invalid file, expected 2"
grep -qx '::error file=drafts/broken.txt,line=2,col=1,title=factlint::invalid UTF-8 byte 0xFF' <<<"$out" ||
  fail "no ::error annotation for the invalid file: $out"

# The pre-commit hook the docs show exists with the documented id and file pattern.
hooks="$src/.pre-commit-hooks.yaml"
grep -qx -- '- id: factlint' "$hooks" || fail ".pre-commit-hooks.yaml has no factlint hook"
grep -qx '  entry: factlint' "$hooks" || fail "hook entry is not factlint"
grep -qx '  language: system' "$hooks" || fail "hook language is not system"
grep -qxF '  files: \.(txt|md|markdown|html?)$' "$hooks" || fail "hook files pattern differs"
grep -q -- '- id: factlint' "$src/docs/ci.md" || fail "docs/ci.md does not show the hook"
echo "ci-docs: the workflows in docs/ci.md behave as documented"
