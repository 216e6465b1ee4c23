#!/usr/bin/env bash
# The micro-benchmarks still build and run: every benchmark once, briefly, over the corpus, each
# reporting a rate. It measures nothing (timings come from bench/); it keeps bench/micro from
# rotting while the code it calls changes. Skipped (77) without the corpus.
# Usage: micro-bench-test.sh FACTLINT_BENCH CORPUS_DIR
set -euo pipefail
bench=$1
corpus="$2/wikinews-ko/articles.jsonl"
[ -f "$corpus" ] || { echo "micro-bench-test: no corpus at $corpus: skipped"; exit 77; }
out=$(FACTLINT_CORPUS="$corpus" "$bench" --benchmark_min_time=0.001 --benchmark_format=json \
  2>/dev/null)
printf '%s' "$out" | python3 -c '
import json, sys
want = ["BM_DocumentText", "BM_DocumentCrlf", "BM_DocumentNfd", "BM_DocumentMarkdown",
        "BM_MatcherDefaultPacks", "BM_MatcherHousePack/1000", "BM_MatcherHousePack/50000",
        "BM_ExtractNumbers", "BM_ExtractDates", "BM_ExtractQuotes",
        "BM_LintAllRules"]
ran = {b["name"]: b.get("bytes_per_second", 0) for b in json.load(sys.stdin)["benchmarks"]}
bad = [w for w in want if not ran.get(w, 0) > 0]
if bad:
    sys.exit("micro-bench-test: no rate from " + ", ".join(bad))
'
echo "micro-bench-test: ok"
