// Hostile input: files no editor writes but a linter still meets (a whole article on one line,
// binary junk, runaway quotes, pathological Markdown). None may crash, hang or take time that
// grows faster than the input; CTest's timeout on every test is the hang guard, and
// bench/scaling.sh measures growth. Findings are asserted exactly where they are meaningful.

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <random>

#include "robust_support.h"
#include "support.h"

namespace fs = std::filesystem;
using namespace factlint;
using factlint::test::check_invariants;
using factlint::test::describe;
using factlint::test::lint_all;
using factlint::test::make_document;
using factlint::test::report;

namespace {

// Sanitized builds run 10-20 times slower; they get inputs a tenth the size (still far past any
// buffer or checkpoint size) and the plain build checks the full sizes.
#if defined(__SANITIZE_ADDRESS__)
constexpr std::size_t kScale = 10;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr std::size_t kScale = 10;
#else
constexpr std::size_t kScale = 1;
#endif
#else
constexpr std::size_t kScale = 1;
#endif

// 12 code points, 20 bytes; "88,9%" starts at its 5th code point.
const std::string kUnit = "점수는 88,9%다. ";
const std::string kUnitFixed = "점수는 88.9%다. ";

std::size_t count_rule(const std::vector<Diagnostic>& ds, std::string_view rule) {
  return static_cast<std::size_t>(
      std::count_if(ds.begin(), ds.end(), [&](const Diagnostic& d) { return d.rule == rule; }));
}

std::string repeat(const std::string& s, std::size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (std::size_t i = 0; i < n; ++i) out += s;
  return out;
}

std::string to_nfd(const std::string& s) {
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(err);
  REQUIRE(U_SUCCESS(err));
  icu::UnicodeString out = nfd->normalize(icu::UnicodeString::fromUTF8(s), err);
  REQUIRE(U_SUCCESS(err));
  std::string bytes;
  out.toUTF8String(bytes);
  return bytes;
}

std::string to_crlf(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\n' && (i == 0 || s[i - 1] != '\r')) out += '\r';
    out += s[i];
  }
  return out;
}

/// Lints `doc` with every output format and fixes it; nothing may crash and every result must
/// keep the invariants. Returns the findings.
std::vector<Diagnostic> exercise(const Document& doc) {
  const auto found = lint_all(doc);
  check_invariants(doc, found);
  for (Format f :
       {Format::pretty, Format::line, Format::json, Format::sarif, Format::github, Format::rdjsonl})
    report(doc, found, f);
  const FixResult fixed = fix_all(test::default_linter(), doc, LintContext{}, {});
  auto again = Document::from_bytes(doc.path(), fixed.text, doc.format());
  REQUIRE(std::holds_alternative<Document>(again));
  check_invariants(std::get<Document>(again), lint_all(std::get<Document>(again)));
  return found;
}

}  // namespace

TEST_CASE("a 10 MB line without a line end, findings all along it", "[hostile]") {
  const std::size_t n = 10 * 1024 * 1024 / kUnit.size() / kScale;
  const Document doc = make_document(repeat(kUnit, n));
  REQUIRE(doc.line_count() == 1);
  const auto found = lint_all(doc);
  CHECK(count_rule(found, "number/decimal-separator") == n);
  // Every finding is located (the column count from the line start used to make this quadratic).
  std::size_t k = 0;
  for (const Diagnostic& d : found) {
    if (d.rule != "number/decimal-separator") continue;
    const Location loc = locate(doc, d.span);
    if (loc.start != Position{1, k * 12 + 5} || loc.byte_offset != k * kUnit.size() + 10) {
      FAIL_CHECK("finding " << k << " at column " << loc.start.column << ", byte "
                            << loc.byte_offset);
      break;
    }
    ++k;
  }
  CHECK(k == n);
  // The line reporter prints one line per finding plus the summary-free end.
  CHECK(report(doc, found, Format::line).lines == found.size());
  // The pretty reporter shows a window of the line, never the whole line.
  const auto pretty = report(doc, found, Format::pretty);
  CHECK(pretty.longest < 400);
  CHECK(pretty.lines >= 4 * n);
  CHECK(apply_fixes(doc, found).text == repeat(kUnitFixed, n - 1) + "점수는 88.9%다.");
}

TEST_CASE("the pretty reporter cuts an overlong line to a window around the finding",
          "[hostile][pretty]") {
  const std::string line = repeat("가", 100000) + " 88,9% " + repeat("나", 100000) + "\n";
  const Document doc = make_document(line);
  const auto found = lint_all(doc);
  REQUIRE(describe(doc, found) ==
          std::vector<std::string>{"1:100002 number/decimal-separator: decimal point written as "
                                   "a comma: write '88.9%'"});
  std::ostringstream out;
  ReportOptions options;
  options.format = Format::pretty;
  options.width = 40;
  auto reporter = make_reporter(options, out);
  reporter->add({doc.path(), &doc, found, std::nullopt});
  reporter->finish();
  // 40 columns - gutter (1) - " | " (3) = 36 cells: a quarter (9) before the finding, then as
  // much as fits with room for both "..." marks (3 + 9 + 5 + 1 + 7 * 2 + 3 = 35; an eighth 나
  // would make 37).
  CHECK(out.str() ==
        "test.txt:1:100002: warning: decimal point written as a comma: write '88.9%' "
        "[number/decimal-separator]\n"
        "1 | ...가가가가 88,9% 나나나나나나나...\n"
        "  |             ^~~~~\n"
        "  = help: '88,9%' → '88.9%'\n");
}

TEST_CASE("200,000 opening quotes", "[hostile]") {
  const std::size_t n = 200000 / kScale;
  const Document doc = make_document(repeat("“", n));
  const auto found = exercise(doc);
  // Each one opens a quotation that is never closed, except the last two, which read as a
  // pair written with the wrong closing mark.
  CHECK(count_rule(found, "typography/unbalanced-quote") == n - 2);
  CHECK(count_rule(found, "typography/quote-style") == 1);
  CHECK(found.size() == n - 1);
  // 200,001 straight quotes: one has no partner.
  const Document straight = make_document(repeat("\"", n + 1));
  CHECK(describe(straight, exercise(straight)) ==
        std::vector<std::string>{fmt::format("1:{} typography/unbalanced-quote: this \" has no "
                                             "partner in its paragraph: add the closing mark or "
                                             "delete it",
                                             n + 1)});
}

TEST_CASE("NUL bytes are ordinary characters", "[hostile]") {
  const Document doc = make_document(std::string("a\0b 점수는 88,9%\0\n\0", 22));
  CHECK(describe(doc, exercise(doc)) ==
        std::vector<std::string>{
            "1:9 number/decimal-separator: decimal point written as a comma: write '88.9%'"});
}

TEST_CASE("random bytes never crash the linter", "[hostile]") {
  // Mostly the material of real drafts (Hangul, digits, punctuation, quotes, Markdown marks,
  // line ends) with raw bytes mixed in, so that many inputs are valid UTF-8 and get linted.
  const std::vector<std::string> pieces = {"가",
                                           "나",
                                           "다",
                                           "는",
                                           "을",
                                           " ",
                                           " ",
                                           "\n",
                                           "\r\n",
                                           "\r",
                                           "\n\n",
                                           "1",
                                           "9",
                                           "0",
                                           ",",
                                           ".",
                                           "%",
                                           "%p",
                                           "배",
                                           "명",
                                           "년",
                                           "월",
                                           "일",
                                           "“",
                                           "”",
                                           "‘",
                                           "’",
                                           "\"",
                                           "'",
                                           "「",
                                           "」",
                                           "(",
                                           ")",
                                           "#",
                                           ">",
                                           "-",
                                           "*",
                                           "`",
                                           "```",
                                           "[",
                                           "]",
                                           "http://x.y/",
                                           "\t",
                                           "\xEF\xBB\xBF",
                                           "\xE1\x84\x83\xE1\x85\xA5",
                                           "e\xCC\x81",
                                           "2024년 2월 30일",
                                           "3.5배",
                                           "50%",
                                           std::string(1, '\0'),
                                           "라고 말했다",
                                           "김 장관은",
                                           "<!-- factlint-disable -->"};
  std::mt19937 rng(20240229);
  std::size_t loaded = 0;
  for (std::size_t round = 0; round < 3000 / kScale; ++round) {
    std::string bytes;
    const std::size_t length = rng() % 400;
    // One input in four gets raw bytes (most of those are then invalid UTF-8).
    const bool raw = round % 4 == 0;
    for (std::size_t i = 0; i < length; ++i) {
      if (raw && rng() % 16 == 0)
        bytes += static_cast<char>(rng() % 256);
      else
        bytes += pieces[rng() % pieces.size()];
    }
    for (const char* path : {"random.txt", "random.md"}) {
      INFO("round " << round << " " << path);
      auto result = Document::from_bytes(path, bytes);
      if (auto* error = std::get_if<LoadError>(&result)) {
        CHECK(error->position.line >= 1);
        CHECK(error->position.column >= 1);
        CHECK_FALSE(error->message.empty());
        continue;
      }
      ++loaded;
      exercise(std::get<Document>(result));
    }
  }
  CHECK(loaded > 4000 / kScale);  // The inputs are not all rejected as invalid UTF-8.
}

TEST_CASE("Markdown nested 10,000 levels deep", "[hostile][markdown]") {
  const std::string sentence = "점수는 88,9%다.\n";
  const std::string decimal =
      "number/decimal-separator: decimal point written as a comma: write '88.9%'";
  for (const auto& [prefix, column] :
       {std::pair{repeat(">", 10000) + " ", 10006}, std::pair{repeat("- ", 10000), 20005},
        std::pair{repeat("> - ", 5000), 20005}, std::pair{repeat("1. ", 10000), 30005}}) {
    const Document doc = make_document(prefix + sentence, "deep.md");
    CHECK(describe(doc, exercise(doc)) ==
          std::vector<std::string>{fmt::format("1:{} {}", column, decimal)});
  }
}

TEST_CASE("an empty file and a file of only a BOM", "[hostile]") {
  for (const std::string& bytes : {std::string(), std::string("\xEF\xBB\xBF")}) {
    for (const char* path : {"empty.txt", "empty.md"}) {
      const Document doc = make_document(bytes, path);
      CHECK(doc.text().empty());
      CHECK(exercise(doc).empty());
      CHECK(fix_all(test::default_linter(), doc, LintContext{}, {}).text == bytes);
    }
  }
}

TEST_CASE("decomposed (NFD) and CRLF copies of every fixture get the same findings",
          "[hostile][fixtures]") {
  const fs::path root = FACTLINT_FIXTURES_DIR;
  std::size_t fixtures = 0, findings = 0;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    const auto ext = entry.path().extension();
    if (!entry.is_regular_file() || (ext != ".txt" && ext != ".md")) continue;
    const std::string name = fs::relative(entry.path(), root).string();
    INFO(name);
    const std::string text = test::read_file(entry.path().string());
    auto as_document = [&](std::string bytes) {
      return Document::from_bytes(name, std::move(bytes));
    };
    auto original = as_document(text);
    if (!std::holds_alternative<Document>(original)) continue;  // Fixtures of load errors.
    const Document& doc = std::get<Document>(original);
    const auto expected = lint_all(doc);
    ++fixtures;
    findings += expected.size();
    // CRLF: the same lines and columns, and the fix keeps CRLF.
    const Document crlf = make_document(to_crlf(text), name);
    CHECK(describe(crlf, lint_all(crlf)) == describe(doc, expected));
    CHECK(fix_all(test::default_linter(), crlf, LintContext{}, {}).text ==
          to_crlf(fix_all(test::default_linter(), doc, LintContext{}, {}).text));
    // NFD: the same findings on the same lines; columns count the original's code points, so
    // compare the text each finding covers (composed again) instead.
    const Document nfd = make_document(to_nfd(text), name);
    const auto decomposed = lint_all(nfd);
    REQUIRE(decomposed.size() == expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
      CHECK(decomposed[i].rule == expected[i].rule);
      CHECK(decomposed[i].message == expected[i].message);
      CHECK(locate(nfd, decomposed[i].span).start.line == locate(doc, expected[i].span).start.line);
      CHECK(nfd.slice(decomposed[i].span) == doc.slice(expected[i].span));
    }
  }
  CHECK(fixtures > 40);
  CHECK(findings > 100);
}

TEST_CASE("columns far into a line count code points exactly", "[hostile][document]") {
  // Lines that cross the 4 KiB checkpoints of the column index at every alignment, with a BOM,
  // CRLF and decomposed syllables in front: the column must equal a plain count.
  const std::string nfd = "\xE1\x84\x83\xE1\x85\xA5\xE1\x86\xBA";  // 덧 as three jamo
  for (std::size_t shift = 0; shift < 4; ++shift) {
    std::string text = "\xEF\xBB\xBF첫 줄\r\n" + std::string(shift, 'a');
    std::size_t column = 1 + shift;
    for (int i = 0; text.size() < 9000; ++i) {
      text += i % 7 == 0 ? nfd : i % 3 == 0 ? std::string("x") : std::string("가");
      column += i % 7 == 0 ? 3 : 1;
    }
    text += " 88,9%";
    column += 1;
    const Document doc = make_document(text);
    CHECK(describe(doc, lint_all(doc)) ==
          std::vector<std::string>{fmt::format(
              "2:{} number/decimal-separator: decimal point written as a comma: write '88.9%'",
              column)});
  }
}
