#!/usr/bin/env bash
# Throughput and peak memory of factlint over real Korean news (../shared/corpus by default).
#
#   bench/run.sh [SIZE_MB...]        default sizes: 1 10 100
#
# For each size it builds one text file by repeating the corpus articles, then times
# `factlint --format line` (all default rules on) next to `wc -m` on the same file, and prints
# MB/s and peak RSS. It also lints the corpus as one file per article (a folder of ~650 files).
# Needs a release build in build/ (scripts/setup.sh makes one) and /usr/bin/time.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# The corpus sits next to the repository (or next to the folder of worktrees).
corpus=${FACTLINT_CORPUS:-}
if [ -z "$corpus" ]; then
  for dir in "$here/../shared" "$here/../../shared"; do
    [ -f "$dir/corpus/wikinews-ko/articles.jsonl" ] && corpus="$dir/corpus/wikinews-ko/articles.jsonl" && break
  done
fi
corpus=${corpus:-"$here/../shared/corpus/wikinews-ko/articles.jsonl"}
bin=${FACTLINT_BIN:-"$here/build/factlint"}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
[ -f "$corpus" ] || { echo "bench: no corpus at $corpus" >&2; exit 2; }
[ -x "$bin" ] || { echo "bench: build factlint first (scripts/setup.sh)" >&2; exit 2; }
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1 10 100)

python3 - "$corpus" "$work" <<'PY'
import json, os, sys
corpus, work = sys.argv[1], sys.argv[2]
os.makedirs(os.path.join(work, "articles"))
with open(corpus, encoding="utf-8") as f, open(os.path.join(work, "all.txt"), "w", encoding="utf-8") as all_:
    for line in f:
        a = json.loads(line)
        text = a["title"] + "\n\n" + a["text"] + "\n"
        all_.write(text + "\n")
        with open(os.path.join(work, "articles", a["id"] + ".txt"), "w", encoding="utf-8") as one:
            one.write(text)
PY

# Runs a command under /usr/bin/time; prints "seconds peak_kib".
measure() {
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" >/dev/null 2>&1 || true
  cat "$work/time"
}

printf '%-22s %10s %10s %10s %12s %8s %10s\n' input MB factlint_s MB/s peak_RSS_MiB RSS/MB wc_m_MB/s
for mb in "${sizes[@]}"; do
  file="$work/corpus-${mb}MB.txt"
  target=$((mb * 1024 * 1024))
  : >"$file"
  while [ "$(stat -c %s "$file")" -lt "$target" ]; do cat "$work/all.txt" >>"$file"; done
  truncate -s "$target" "$file"
  # Cut at the last line end so the file stays valid UTF-8.
  python3 - "$file" <<'PY'
import sys
p = sys.argv[1]
data = open(p, "rb").read()
open(p, "wb").write(data[: data.rfind(b"\n") + 1])
PY
  bytes=$(stat -c %s "$file")
  read -r secs kib < <(measure "$bin" --format line --fail-on none "$file")
  read -r wsecs _ < <(measure wc -m "$file")
  awk -v name="$(basename "$file")" -v b="$bytes" -v s="$secs" -v k="$kib" -v w="$wsecs" 'BEGIN {
    mbs = b / 1048576; printf "%-22s %10.1f %10.3f %10.1f %12.1f %8.1f %10.1f\n", name, mbs, s,
      (s > 0 ? mbs / s : 0), k / 1024, k / 1024 / mbs, (w > 0 ? mbs / w : 0) }'
done
bytes=$(cat "$work"/articles/*.txt | wc -c)
read -r secs kib < <(measure "$bin" --format line --fail-on none "$work/articles")
awk -v b="$bytes" -v s="$secs" -v k="$kib" -v n="$(ls "$work/articles" | wc -l)" 'BEGIN {
  mbs = b / 1048576; printf "%-22s %10.1f %10.3f %10.1f %12.1f %8.1f\n", n " article files", mbs, s,
    (s > 0 ? mbs / s : 0), k / 1024, k / 1024 / mbs }'
