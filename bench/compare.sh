#!/usr/bin/env bash
# factlint next to `wc -m` and textlint with a prh dictionary, in the same run on the same files.
#
#   bench/compare.sh [SIZE_MB]        default size: 1
#
# The prh dictionary is made from factlint's own packs (every written `wrong` -> `right` entry of
# rules/ko/*.toml, about 1,300), so both tools look for the same words; factlint is timed twice:
# with its pack rules only (the same job as prh) and with every default rule and fact check.
# textlint and textlint-rule-prh are installed from npm (pinned versions) into
# ${FACTLINT_BENCH_CACHE:-~/.cache/factlint-bench} the first time; a benchmark, not a test.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
. "$here/bench/lib.sh"
bench_start compare
cache=${FACTLINT_BENCH_CACHE:-"${XDG_CACHE_HOME:-$HOME/.cache}/factlint-bench"}
mb=${1:-1}
command -v npm >/dev/null || { echo "compare: needs npm (apt-get install npm)" >&2; exit 2; }

textlint="$cache/node_modules/.bin/textlint"
if [ ! -x "$textlint" ]; then
  mkdir -p "$cache"
  npm install --prefix "$cache" --no-audit --no-fund --silent textlint@15.8.0 \
    textlint-rule-prh@6.1.0 >&2
fi

python3 - "$here/rules" "$work/prh.yml" <<'PY'
import glob, json, os, sys, tomllib
rules, seen = [], set()
for path in sorted(glob.glob(os.path.join(sys.argv[1], "**", "*.toml"), recursive=True)):
    with open(path, "rb") as f:
        for rule in tomllib.load(f).get("rule", []):
            for e in rule.get("entries", []):
                wrong, right = e.get("wrong"), e.get("right")
                if isinstance(wrong, str) and isinstance(right, str) and wrong not in seen:
                    seen.add(wrong)
                    rules.append((wrong, right))
with open(sys.argv[2], "w", encoding="utf-8") as out:
    out.write("version: 1\nrules:\n")
    for wrong, right in rules:
        dump = lambda s: json.dumps(s, ensure_ascii=False)
        out.write(f"  - expected: {dump(right)}\n    pattern: {dump(wrong)}\n")
print(f"prh dictionary: {len(rules)} entries from {sys.argv[1]}", file=sys.stderr)
PY
printf '{"rules": {"prh": {"rulePaths": ["%s"]}}}\n' "$work/prh.yml" >"$work/textlintrc.json"

bench_prepare "$corpus" "$work"
file=$(bench_sized "$work" "$mb")
measure() { bench_measure "$work/time" "$@"; }
pack_only=()
for rule in $("$bin" --list-rules | awk '$1 ~ /\// {print $1}'); do
  case "$rule" in
    spelling/* | spacing/* | loanword/* | style/* | consistency/*) ;;
    *) pack_only+=(--rule "$rule=off") ;;
  esac
done

printf '%-34s %10s %10s %12s\n' "tool on $(basename "$file") / article folder" seconds MB/s peak_RSS_MiB
row() {  # row NAME BYTES CMD...
  local name=$1 bytes=$2
  shift 2
  read -r secs kib < <(measure "$@")
  awk -v n="$name" -v b="$bytes" -v s="$secs" -v k="$kib" 'BEGIN {
    printf "%-34s %10.2f %10.2f %12.1f\n", n, s, (s > 0 ? b / 1048576 / s : 0), k / 1024 }'
}
bytes=$(stat -c %s "$file")
row "wc -m" "$bytes" wc -m "$file"
row "factlint, pack rules only" "$bytes" "$bin" --format line --fail-on none -j 1 "${pack_only[@]}" "$file"
row "factlint, all rules and checks" "$bytes" "$bin" --format line --fail-on none -j 1 "$file"
row "textlint + prh" "$bytes" "$textlint" --config "$work/textlintrc.json" "$file"
bytes=$(cat "$work"/articles/*.txt | wc -c)
n=$(ls "$work/articles" | wc -l)
row "factlint, $n files, -j 1" "$bytes" "$bin" --format line --fail-on none -j 1 "$work/articles"
row "factlint, $n files, all cores" "$bytes" "$bin" --format line --fail-on none "$work/articles"
row "textlint + prh, $n files" "$bytes" "$textlint" --config "$work/textlintrc.json" "$work/articles"
