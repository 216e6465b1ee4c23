#!/usr/bin/env bash
# Start-up and memory with a house pack of growing size: what an editor waits for when the
# newsroom's config names its own word list.
#
#   bench/house-packs.sh [ENTRIES...]      default: 0 10 1000 5000 20000 50000
#
# For each size it writes a pack of that many substitution entries (words of two to five
# syllables drawn from the syllables of the corpus, each with a different replacement) and a
# config that names it, then times one article of about 5 KB end to end (hyperfine when it is
# installed, else the mean of 20 runs; runs after the first read the pack from the cache) and
# reads the peak RSS, and times the 10 MB text with it.
# Needs a release build in build/ and /usr/bin/time.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
. "$here/bench/lib.sh"
bench_start bench
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(0 10 1000 5000 20000 50000)
bench_prepare "$corpus" "$work"
# Parsed packs are cached in the scratch folder, not the home folder; the timed runs come after
# the first, as an editor's do.
export FACTLINT_CACHE_DIR="$work/cache"
big=$(bench_sized "$work" 10)

# The article closest to 5 KB.
article=$(python3 - "$work/articles" <<'PY'
import os, sys
d = sys.argv[1]
files = [os.path.join(d, f) for f in os.listdir(d)]
print(min(files, key=lambda p: abs(os.path.getsize(p) - 5000)))
PY
)

# house-N.toml and config-N.toml for every size.
python3 - "$work" "${sizes[@]}" <<'PY'
import collections, os, random, sys
work, sizes = sys.argv[1], [int(n) for n in sys.argv[2:]]
text = open(os.path.join(work, "all.txt"), encoding="utf-8").read()
counts = collections.Counter(c for c in text if "\uac00" <= c <= "\ud7a3")
syllables = [s for s, _ in counts.most_common(1500)]
for n in sizes:
    rng = random.Random(n)
    pack = os.path.join(work, f"house-{n}.toml")
    with open(pack, "w", encoding="utf-8") as f:
        f.write('[pack]\nid = "house"\nlanguage = "ko"\n'
                'description = { ko = "본사 표기", en = "House style" }\n\n')
        if n > 0:
            f.write('[[rule]]\nid = "style/house"\nkind = "substitution"\nseverity = "warning"\n'
                    "message = { ko = \"본사 표기는 '{right}'입니다.\", "
                    "en = \"House style is '{right}'.\" }\n"
                    'reference = "house style guide"\nentries = [\n')
            seen = set()
            while len(seen) < n:
                wrong = "".join(rng.choice(syllables) for _ in range(rng.randint(2, 5)))
                right = wrong[:-1] + rng.choice(syllables)
                if wrong in seen or right == wrong:
                    continue
                seen.add(wrong)
                f.write(f'  {{ wrong = "{wrong}", right = "{right}" }},\n')
            f.write("]\n")
    with open(os.path.join(work, f"config-{n}.toml"), "w", encoding="utf-8") as f:
        f.write(f'packs = ["house-{n}.toml"]\n' if n > 0 else "packs = []\n")
PY

one_run_ms() {  # mean wall time of the article run, in ms
  if command -v hyperfine >/dev/null; then
    hyperfine -N -w 3 -r 20 --export-json "$work/h.json" -i "$*" >/dev/null 2>&1
    python3 -c "import json,sys; print('%.1f' % (json.load(open(sys.argv[1]))['results'][0]['mean'] * 1000))" "$work/h.json"
  else
    python3 - "$@" <<'PY'
import subprocess, sys, time
t = time.perf_counter()
for _ in range(20):
    subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
print("%.1f" % ((time.perf_counter() - t) / 20 * 1000))
PY
  fi
}

printf 'article: %s (%s bytes)\n' "$(basename "$article")" "$(stat -c %s "$article")"
printf '%-10s %12s %12s %12s %12s %12s\n' entries pack_KiB article_ms article_MiB 10MB_s 10MB_MiB
for n in "${sizes[@]}"; do
  config="$work/config-$n.toml"
  ms=$(one_run_ms "$bin" --config "$config" --fail-on none "$article")
  read -r _ kib < <(bench_measure "$work/time" "$bin" --config "$config" --fail-on none "$article")
  read -r secs bkib < <(bench_measure "$work/time" "$bin" --config "$config" --fail-on none "$big")
  awk -v n="$n" -v pack="$(stat -c %s "$work/house-$n.toml")" -v ms="$ms" -v kib="$kib" \
    -v secs="$secs" -v bkib="$bkib" \
    'BEGIN { printf "%-10s %12d %12s %12.1f %12s %12.1f\n", n, pack / 1024, ms, kib / 1024, secs, bkib / 1024 }'
done
