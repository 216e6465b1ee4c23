// Micro-benchmarks of the parts a lint run spends its time in: loading the document model (plain
// text, CRLF, decomposed Hangul, Markdown), the rule-pack matcher over the default packs and
// over a house word list (scanning and compiling), each extractor and the whole lint. Each reports
// bytes/second over real Korean news, read at run time from $FACTLINT_CORPUS (the articles.jsonl of
// the Wikinews corpus; by default
// ../shared/corpus/wikinews-ko/articles.jsonl next to the source tree) and never stored here.
//
//   cmake -S . -B build-bench -DCMAKE_BUILD_TYPE=Release -DFACTLINT_BUILD_BENCHMARKS=ON
//   cmake --build build-bench --target factlint_bench && build-bench/factlint_bench

#include <benchmark/benchmark.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <boost/json.hpp>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "extract/date.h"
#include "extract/number.h"
#include "extract/quote.h"
#include "lint/linter.h"
#include "rules/library.h"
#include "rules/matcher.h"
#include "rules/pack_check.h"
#include "text/document.h"
#include "text/utf8.h"

namespace fs = std::filesystem;
using namespace factlint;

namespace {

fs::path corpus_path() {
  if (const char* env = std::getenv("FACTLINT_CORPUS")) return env;
  return fs::path(FACTLINT_SOURCE_DIR) / ".." / "shared" / "corpus" / "wikinews-ko" /
         "articles.jsonl";
}

/// Every article as "title, blank line, body", one after another (the shape of bench/run.sh).
const std::string& corpus_text() {
  static const std::string text = [] {
    std::ifstream in(corpus_path());
    if (!in) {
      std::fprintf(stderr, "factlint_bench: no corpus at %s (set FACTLINT_CORPUS)\n",
                   corpus_path().c_str());
      std::exit(2);
    }
    std::string all;
    for (std::string line; std::getline(in, line);) {
      const auto article = boost::json::parse(line).as_object();
      all += std::string(article.at("title").as_string()) + "\n\n" +
             std::string(article.at("text").as_string()) + "\n\n";
    }
    return all;
  }();
  return text;
}

const std::string& crlf_text() {
  static const std::string text = [] {
    std::string out;
    for (char c : corpus_text()) {
      if (c == '\n') out += '\r';
      out += c;
    }
    return out;
  }();
  return text;
}

const std::string& nfd_text() {
  static const std::string text = [] {
    UErrorCode err = U_ZERO_ERROR;
    const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(err);
    std::string out;
    nfd->normalize(icu::UnicodeString::fromUTF8(corpus_text()), err).toUTF8String(out);
    return out;
  }();
  return text;
}

/// The corpus as Markdown: titles as headings, and some emphasis and links in the prose.
const std::string& markdown_text() {
  static const std::string text = [] {
    std::string out = "---\ndate: 2024-03-06\n---\n";
    bool title = true;
    std::size_t line = 0;
    for (std::size_t i = 0, next; i < corpus_text().size(); i = next + 1) {
      next = corpus_text().find('\n', i);
      if (next == std::string::npos) next = corpus_text().size();
      const std::string_view l(corpus_text().data() + i, next - i);
      if (l.empty()) {
        out += '\n';
        continue;
      }
      if (title) out += "# ";
      out += l;
      if (++line % 5 == 0) out += " **강조** [링크](https://example.com/a) `code`";
      out += '\n';
      title = false;
      if (next + 2 < corpus_text().size() && corpus_text()[next + 1] == '\n' &&
          corpus_text()[next + 2] == '\n')
        title = true;
    }
    return out;
  }();
  return text;
}

Document load(const std::string& bytes, Document::Format format) {
  return std::get<Document>(Document::from_bytes("bench", bytes, format));
}

const Document& corpus_document() {
  static const Document doc = load(corpus_text(), Document::Format::text);
  return doc;
}

const PackLibrary& library() {
  static const auto lib = PackLibrary::load_installed();
  return *std::get<std::unique_ptr<PackLibrary>>(lib);
}

void load_benchmark(benchmark::State& state, const std::string& bytes, Document::Format format) {
  for (auto _ : state) benchmark::DoNotOptimize(load(bytes, format));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes.size()));
}

void BM_DocumentText(benchmark::State& s) {
  load_benchmark(s, corpus_text(), Document::Format::text);
}
void BM_DocumentCrlf(benchmark::State& s) {
  load_benchmark(s, crlf_text(), Document::Format::text);
}
void BM_DocumentNfd(benchmark::State& s) { load_benchmark(s, nfd_text(), Document::Format::text); }
void BM_DocumentMarkdown(benchmark::State& s) {
  load_benchmark(s, markdown_text(), Document::Format::markdown);
}

/// Scans the corpus with `matcher` and reports the rate and the matches of one scan.
void scan_benchmark(benchmark::State& state, const Matcher& matcher) {
  const std::string_view text = corpus_document().text();
  std::vector<Match> found;
  for (auto _ : state) {
    found.clear();
    matcher.find_all(text, found);
    benchmark::DoNotOptimize(found.data());
  }
  state.counters["matches"] = static_cast<double>(found.size());
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}

void BM_MatcherDefaultPacks(benchmark::State& state) {
  const Matcher& matcher = library().builtin().compiled->matcher();
  scan_benchmark(state, matcher);
  state.counters["states"] = static_cast<double>(matcher.state_count());
  state.counters["rows"] = static_cast<double>(matcher.dense_state_count());
}

/// A house word list of `n` entries, as bench/house-packs.sh writes them: words of two to five
/// syllables drawn from the 1,500 syllables the corpus uses most, each entry different.
const std::vector<Pattern>& house_patterns(std::size_t n) {
  static std::map<std::size_t, std::vector<Pattern>> made;
  static const ParticleSet particles;
  auto& patterns = made[n];
  if (!patterns.empty()) return patterns;
  std::unordered_map<char32_t, std::size_t> counts;
  const std::string& text = corpus_text();
  for (std::size_t i = 0; i < text.size();) {
    const char32_t c = utf8::decode(text, i);
    if (c >= 0xAC00 && c <= 0xD7A3) ++counts[c];
  }
  std::vector<std::pair<std::size_t, char32_t>> by_count;
  for (const auto& [c, k] : counts) by_count.emplace_back(k, c);
  std::sort(by_count.rbegin(), by_count.rend());
  by_count.resize(std::min<std::size_t>(by_count.size(), 1500));
  std::mt19937 rng(static_cast<std::uint32_t>(n));
  std::unordered_set<std::string> seen;
  while (patterns.size() < n) {
    std::string word;
    const int length = std::uniform_int_distribution<int>(2, 5)(rng);
    for (int k = 0; k < length; ++k) {
      utf8::append(word, by_count[rng() % by_count.size()].second);
    }
    if (seen.insert(word).second) patterns.push_back(Pattern{word, MatchMode::word, &particles});
  }
  return patterns;
}

/// Scanning the corpus with a config's house pack of state.range(0) entries (the built-in
/// packs are scanned apart, as in a lint run).
void BM_MatcherHousePack(benchmark::State& state) {
  const Matcher matcher(house_patterns(static_cast<std::size_t>(state.range(0))), 0,
                        CompiledPacks::kAddedDenseEntries);
  scan_benchmark(state, matcher);
  state.counters["states"] = static_cast<double>(matcher.state_count());
  state.counters["rows"] = static_cast<double>(matcher.dense_state_count());
}

/// Compiling that pack's automaton: what a run pays for it at start-up, besides reading the
/// pack's TOML.
void BM_MatcherBuildHousePack(benchmark::State& state) {
  const std::vector<Pattern>& patterns = house_patterns(static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) {
    const Matcher matcher(patterns, 0, CompiledPacks::kAddedDenseEntries);
    benchmark::DoNotOptimize(matcher.state_count());
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * patterns.size()));
}

template <class Extract>
void extract_benchmark(benchmark::State& state, Extract extract) {
  const std::string_view text = corpus_document().text();
  std::size_t count = 0;
  for (auto _ : state) {
    auto found = extract(text);
    count = found.size();
    benchmark::DoNotOptimize(found.data());
  }
  state.counters["found"] = static_cast<double>(count);
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}

void BM_ExtractNumbers(benchmark::State& s) {
  extract_benchmark(s, [](std::string_view t) { return extract::find_numbers(t); });
}
void BM_ExtractDates(benchmark::State& s) {
  extract_benchmark(s, [](std::string_view t) {
    return extract::find_dates(t, CivilDate{2024, 3, 6});
  });
}
void BM_ExtractQuotes(benchmark::State& s) { extract_benchmark(s, extract::find_attributions); }

void BM_LintAllRules(benchmark::State& state) {
  const Linter& linter = *library().builtin().linter;
  for (auto _ : state) benchmark::DoNotOptimize(linter.lint(corpus_document(), LintContext{}, {}));
  state.SetBytesProcessed(
      static_cast<std::int64_t>(state.iterations() * corpus_document().text().size()));
}

}  // namespace

BENCHMARK(BM_DocumentText)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_DocumentCrlf)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_DocumentNfd)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_DocumentMarkdown)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_MatcherDefaultPacks)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_MatcherHousePack)->Arg(1000)->Arg(50000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_MatcherBuildHousePack)->Arg(1000)->Arg(50000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ExtractNumbers)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ExtractDates)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ExtractQuotes)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_LintAllRules)->Unit(benchmark::kMillisecond);

BENCHMARK_MAIN();
