#!/usr/bin/env bash
# Does factlint's time grow linearly with hostile input? Each input is generated at size n and
# 4n and linted (all default rules, --format line, --format pretty and --diff); the ratio of the times
# should be near 4, and a quadratic step shows up as a ratio near 16. The last column is the peak
# memory at 4n.
#
#   bench/scaling.sh [N]        N: base size in repetitions (default 100000)
#
# Needs a release build in build/ (scripts/setup.sh) and python3. A benchmark, not a test: it
# prints numbers and fails only when factlint itself fails.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bin=${FACTLINT_BIN:-"$here/build/factlint"}
n=${1:-100000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
[ -x "$bin" ] || { echo "scaling: build factlint first (scripts/setup.sh)" >&2; exit 2; }

# make INPUT N FILE: writes the hostile input INPUT with size parameter N.
make_input() {
  python3 - "$1" "$2" "$3" <<'PY'
import random, sys
kind, n, path = sys.argv[1], int(sys.argv[2]), sys.argv[3]
if kind == "long-line":        # one line, a decimal-comma finding every 20 bytes
    data = "점수는 88,9%다. " * n
elif kind == "open-quotes":    # opening quotes, never closed
    data = "“" * n
elif kind == "straight-quotes":
    data = "\"" * n
elif kind == "nested-quote.md":
    data = ">" * (n // 10) + " 점수는 88,9%다.\n"
elif kind == "nested-list.md":
    data = "- " * (n // 10) + "점수는 88,9%다.\n"
elif kind == "many-lines":     # short paragraphs, a finding in each
    data = "성장률은 2,5%였다. 김 장관은 \"늘리겠다\"고 말했다.\n\n" * (n // 5)
elif kind == "random":
    random.seed(n)
    pieces = ["가", "나", " ", "\n", "1", ",", ".", "%", "“", "”", "\"", "년", "월", "일", "#", ">", "-"]
    data = "".join(random.choice(pieces) for _ in range(n * 4))
open(path, "w", encoding="utf-8").write(data)
PY
}

measure() {
  # CPU time (user + system), so that other load on the machine does not skew the ratio, and
  # peak RSS in MiB.
  # Exit code 1 is --diff's "there are fixes"; 2 is a failure.
  local rc=0
  /usr/bin/time -f "%U %S %M" -o "$work/t" "$bin" --fail-on none "$@" >/dev/null 2>&1 || rc=$?
  [ "$rc" -le 1 ] || { echo "scaling: factlint failed on $*" >&2; exit 1; }
  tail -n 1 "$work/t" | awk '{ printf "%s %.1f\n", $1 + $2, $3 / 1024 }'
}

printf '%-18s %-7s %10s %10s %10s %8s %12s\n' input format MB_at_n cpu_s_n cpu_s_4n ratio \
  RSS_MiB_4n
for kind in long-line open-quotes straight-quotes nested-quote.md nested-list.md many-lines random; do
  ext=.txt; [[ $kind == *.md ]] && ext=
  make_input "$kind" "$n" "$work/small-$kind$ext"
  make_input "$kind" $((4 * n)) "$work/large-$kind$ext"
  mb=$(awk -v b="$(stat -c %s "$work/small-$kind$ext")" 'BEGIN { printf "%.2f", b / 1048576 }')
  for format in line pretty diff; do
    args=(--format "$format")
    [ "$format" = diff ] && args=(--diff)  # the fixes as a unified diff
    read -r a _ < <(measure "${args[@]}" "$work/small-$kind$ext")
    read -r b rss < <(measure "${args[@]}" "$work/large-$kind$ext")
    awk -v k="$kind" -v f="$format" -v m="$mb" -v a="$a" -v b="$b" -v r="$rss" 'BEGIN {
      printf "%-18s %-7s %10s %10.2f %10.2f %8.1f %12s\n", k, f, m, a, b, (a > 0.05 ? b / a : 0), r }'
  done
done
