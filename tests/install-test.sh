#!/usr/bin/env bash
# `cmake --install` into a scratch prefix: the installed binary lints with its installed rule
# packs, the man page renders and lists every option, and the bash completion completes options
# and their values. Usage: install-test.sh BUILD_DIR FIXTURES_DIR
set -euo pipefail
build=$1 fixtures=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "install-test: $*" >&2; exit 1; }

cmake --install "$build" --prefix "$work/prefix" >/dev/null
bin="$work/prefix/bin/factlint"
[ -x "$bin" ] || fail "no bin/factlint"
[ -f "$work/prefix/share/man/man1/factlint.1" ] || fail "no share/man/man1/factlint.1"
completion="$work/prefix/share/bash-completion/completions/factlint"
[ -f "$completion" ] || fail "no share/bash-completion/completions/factlint"

# The installed binary lints a fixture with the installed packs (not the source tree's): a rule
# pack removed from the prefix disappears from --list-rules.
unset FACTLINT_RULES_DIR
cd "$fixtures"
set +e
out=$("$bin" --format line --lang en number/decimal-separator/fires.txt 2>/dev/null)
status=$?
set -e
[ "$status" -eq 1 ] || fail "installed factlint exited $status on a fixture with findings"
[ "$out" = "$(cat number/decimal-separator/fires.expected)" ] || fail "installed output differs from fires.expected"
before=$("$bin" --list-rules --lang en | wc -l)
pack=$(cd "$work/prefix/share/factlint/rules" && find . -name '*.toml' | sort | head -1)
[ -n "$pack" ] || fail "no rule packs installed"
rm "$work/prefix/share/factlint/rules/$pack"
after=$("$bin" --list-rules --lang en | wc -l)
[ "$after" -lt "$before" ] || fail "the installed binary does not read its installed packs"

# The man page: the roff structure, every option of --help, and it renders.
man=$work/prefix/share/man/man1/factlint.1
head -1 "$man" | grep -q '^\.TH FACTLINT 1 ' || fail "man page does not start with .TH"
for section in NAME SYNOPSIS DESCRIPTION OPTIONS "EXIT STATUS"; do
  grep -q "^\.SH $section\$" "$man" || fail "man page has no $section section"
done
options=$("$bin" --help | grep -oE -- '--[a-z][a-z-]+' | sort -u)
[ -n "$options" ] || fail "no options in --help"
for o in $options; do
  grep -qF -- "\\fB${o//-/\\-}\\fR" "$man" || fail "man page misses $o"
done
if command -v groff >/dev/null; then
  rendered=$(groff -man -Tutf8 -P-cbou "$man" 2>"$work/groff.err")
  [ ! -s "$work/groff.err" ] || { cat "$work/groff.err" >&2; fail "groff warnings"; }
  grep -q -- "--format" <<<"$rendered" || fail "rendered man page has no --format"
fi

# The completion script, sourced in a plain bash.
complete_words() {  # complete_words WORD... : what completing the last word offers
  bash --norc --noprofile -c '
    source "$1"; shift
    COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}
    _factlint
    printf "%s\n" "${COMPREPLY[@]}"' _ "$completion" "$@"
}
[ "$(complete_words factlint --for)" = "--format" ] || fail "--for does not complete to --format"
[ "$(complete_words factlint --format '' | sort | tr '\n' ' ')" = "github json line pretty rdjsonl sarif " ] ||
  fail "--format values: $(complete_words factlint --format '' | tr '\n' ' ')"
[ "$(complete_words factlint --lang '' | sort | tr '\n' ' ')" = "en ko " ] || fail "--lang values"
[ "$(complete_words "$bin" --explain number/dec)" = "number/decimal-separator" ] ||
  fail "--explain does not complete rule ids"
[ "$(complete_words "$bin" --rule number/dec)" = "number/decimal-separator=" ] ||
  fail "--rule does not complete rule ids"
[ "$(complete_words factlint number/decimal-separator/fir | sort | tr '\n' ' ')" = \
  "number/decimal-separator/fires.expected number/decimal-separator/fires.txt " ] ||
  fail "paths are not completed"
echo "install-test: installed binary, packs, man page and completion OK"
