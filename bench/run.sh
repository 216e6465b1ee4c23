#!/usr/bin/env bash
# Throughput and peak memory of factlint over real Korean news (../shared/corpus by default).
#
#   bench/run.sh [SIZE_MB...]        default sizes: 1 10 100
#
# For each size it builds one text file by repeating the corpus articles, then times
# `factlint --format line` (all default rules on) on one core (-j 1) and with every core (the
# default: a long file's quotations are attributed on a second thread) next to `wc -m` on the
# same file, and prints MB/s and peak RSS. It also lints a folder of ~2,000 article files (the
# corpus three times) with -j 1 and with every core.
# Needs a release build in build/ (scripts/setup.sh makes one) and /usr/bin/time.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
. "$here/bench/lib.sh"
bench_start bench
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1 10 100)
bench_prepare "$corpus" "$work"
measure() { bench_measure "$work/time" "$@"; }

printf '%-28s %10s %10s %10s %12s %8s %10s\n' input MB factlint_s MB/s peak_RSS_MiB RSS/MB wc_m_MB/s
for mb in "${sizes[@]}"; do
  file=$(bench_sized "$work" "$mb")
  bytes=$(stat -c %s "$file")
  read -r wsecs _ < <(measure wc -m "$file")
  for jobs in 1 "$(nproc)"; do
    read -r secs kib < <(measure "$bin" --format line --fail-on none -j "$jobs" "$file")
    awk -v name="$(basename "$file"), -j $jobs" -v b="$bytes" -v s="$secs" -v k="$kib" \
      -v w="$wsecs" 'BEGIN {
      mbs = b / 1048576; printf "%-28s %10.1f %10.3f %10.1f %12.1f %8.1f %10s\n", name, mbs, s,
        (s > 0 ? mbs / s : 0), k / 1024, k / 1024 / mbs,
        (w > 0 ? sprintf("%.1f", mbs / w) : "<0.01 s") }'
  done
done
# A folder of ~2,000 article-sized files (the corpus three times), on one core and on all.
mkdir "$work/folder"
for copy in 1 2 3; do
  for f in "$work"/articles/*.txt; do cp "$f" "$work/folder/$copy-$(basename "$f")"; done
done
bytes=$(cat "$work"/folder/*.txt | wc -c)
n=$(ls "$work/folder" | wc -l)
for jobs in 1 "$(nproc)"; do
  read -r secs kib < <(measure "$bin" --format line --fail-on none -j "$jobs" "$work/folder")
  awk -v b="$bytes" -v s="$secs" -v k="$kib" -v name="$n files, -j $jobs" 'BEGIN {
    mbs = b / 1048576; printf "%-28s %10.1f %10.3f %10.1f %12.1f %8.1f\n", name, mbs, s,
      (s > 0 ? mbs / s : 0), k / 1024, k / 1024 / mbs }'
done
