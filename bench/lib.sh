# Shared by the bench scripts: where the corpus and the binary are, and how the inputs are built.
# Source it after setting `here` to the repository root.

# The corpus sits next to the repository (or next to the folder of worktrees).
bench_corpus() {
  local corpus=${FACTLINT_CORPUS:-} dir
  if [ -z "$corpus" ]; then
    for dir in "$here/../shared" "$here/../../shared"; do
      [ -f "$dir/corpus/wikinews-ko/articles.jsonl" ] && corpus="$dir/corpus/wikinews-ko/articles.jsonl" && break
    done
  fi
  echo "${corpus:-"$here/../shared/corpus/wikinews-ko/articles.jsonl"}"
}

# bench_start NAME: sets corpus, bin and work (a scratch folder, removed when the script exits)
# for the bench script NAME, or stops it when the corpus or the build is missing.
bench_start() {
  corpus=$(bench_corpus)
  bin=${FACTLINT_BIN:-"$here/build/factlint"}
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  [ -f "$corpus" ] || { echo "$1: no corpus at $corpus" >&2; exit 2; }
  [ -x "$bin" ] || { echo "$1: build factlint first (scripts/setup.sh)" >&2; exit 2; }
}

# bench_prepare CORPUS WORK: writes WORK/all.txt (every article, title first) and
# WORK/articles/ID.txt (one file per article).
bench_prepare() {
  python3 - "$1" "$2" <<'PY'
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
}

# bench_sized WORK MB: prints the path of a file of MB mebibytes made by repeating WORK/all.txt,
# cut at a line end so that it stays valid UTF-8.
bench_sized() {
  local file="$1/corpus-$2MB.txt"
  if [ ! -f "$file" ]; then
    : >"$file"
    while [ "$(stat -c %s "$file")" -lt $(($2 * 1024 * 1024)) ]; do cat "$1/all.txt" >>"$file"; done
    python3 - "$file" $(($2 * 1024 * 1024)) <<'PY'
import sys
p, n = sys.argv[1], int(sys.argv[2])
data = open(p, "rb").read()[:n]
open(p, "wb").write(data[: data.rfind(b"\n") + 1])
PY
  fi
  echo "$file"
}

# bench_measure OUT CMD...: runs CMD under /usr/bin/time; prints "seconds peak_kib".
bench_measure() {
  local out=$1
  shift
  /usr/bin/time -f "%e %M" -o "$out" "$@" >/dev/null 2>&1 || true
  tail -n 1 "$out"  # time writes "Command exited with non-zero status N" first
}
