#!/usr/bin/env bash
# The build-time pack compiler: a broken built-in pack stops it with exit code 2 and a
# `path:line:col: error:` line in the language of the environment, as factlint's own errors.
# Usage: compile-packs-test.sh COMPILE_PACKS
set -euo pipefail
tool=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "compile-packs-test: $*" >&2; exit 1; }
mkdir -p "$work/rules"
printf '[pack]\nid = 3\n' >"$work/rules/broken.toml"

run() {  # run LANG: prints stderr, checks the exit code and that nothing was written
  local status=0 err
  err=$(env -u LC_ALL -u LC_MESSAGES LANG="$1" "$tool" "$work/rules" "$work/image.bin" \
    "$work/image.cpp" 2>&1 >/dev/null) || status=$?
  [ "$status" = 2 ] || fail "LANG=$1: exit code $status, not 2"
  [ ! -e "$work/image.bin" ] || fail "LANG=$1: an image was written"
  printf '%s\n' "$err"
}
en=$(run C.UTF-8)
ko=$(run ko_KR.UTF-8)
[ "$en" = "$work/rules/broken.toml:2:6: error: id: expected a string" ] || fail "English: $en"
[ "$ko" = "$work/rules/broken.toml:2:6: error: id: 문자열이어야 합니다" ] || fail "Korean: $ko"
echo "compile-packs-test: ok"
