// `--stdin-filename NAME`: a draft piped in from an editor or a CMS hook is reported under NAME,
// read in NAME's format and linted with the config of NAME's folder.

#include <boost/json.hpp>
#include <catch2/catch.hpp>

#include "support.h"

using factlint::test::run_factlint;

namespace {
const std::string kFixtures = FACTLINT_FIXTURES_DIR;
const std::string kHtml = "<p>비율은 <b>4,5%</b>다.  끝</p>\n";
}  // namespace

TEST_CASE("stdin: NAME is shown and picks the format", "[cli][stdin]") {
  const auto r =
      run_factlint({"--stdin-filename", "news/a.html", "--format", "line", "--lang", "en", "-"},
                   kFixtures, kHtml);
  CHECK(r.exit_code == 1);
  CHECK(r.out ==
        "news/a.html:1:11: warning: decimal point written as a comma: write '4.5%' "
        "[number/decimal-separator]\n"
        "news/a.html:1:21: info: 2 spaces between words: write one [typography/whitespace]\n");
  // Without a path, --stdin-filename reads stdin too. As text, the tags are text as well.
  const auto text =
      run_factlint({"--stdin-filename", "a.txt", "--format", "line"}, kFixtures, "<p>4,5%</p>\n");
  CHECK(text.out ==
        "a.txt:1:4: warning: decimal point written as a comma: write '4.5%' "
        "[number/decimal-separator]\n");
}

TEST_CASE("stdin: the config is found from NAME's folder", "[cli][stdin]") {
  // fixtures/config/.factlint.toml makes number/decimal-separator an error.
  const auto r = run_factlint({"--stdin-filename", "config/draft.txt", "--format", "line"},
                              kFixtures, "증가율은 4,5%다.\n");
  CHECK(r.exit_code == 1);
  CHECK(r.out ==
        "config/draft.txt:1:6: error: decimal point written as a comma: write '4.5%' "
        "[number/decimal-separator]\n");
}

TEST_CASE("stdin: --fix writes the fixed text to stdout, the report to stderr", "[cli][stdin]") {
  const auto r =
      run_factlint({"--stdin-filename", "a.html", "--fix", "--format", "line", "--lang", "en"},
                   kFixtures, kHtml + "<p>남은 “따옴표</p>\n");
  CHECK(r.out == "<p>비율은 <b>4.5%</b>다. 끝</p>\n<p>남은 “따옴표</p>\n");
  CHECK(r.err.find("a.html:2:7: warning: ") != std::string::npos);
  CHECK(r.err.find("fixed 2 problems") != std::string::npos);
  CHECK(r.exit_code == 1);
  // Nothing to fix: the text comes back unchanged, exit 0.
  const auto clean = run_factlint({"--stdin-filename", "a.txt", "--fix"}, kFixtures, "문장.\n");
  CHECK(clean.out == "문장.\n");
  CHECK(clean.exit_code == 0);
  // Input that cannot be linted is not lost.
  const auto bad = run_factlint({"--stdin-filename", "a.txt", "--fix"}, kFixtures, "가\xFF\n");
  CHECK(bad.out == "가\xFF\n");
  CHECK(bad.err.find("a.txt:1:2: error: invalid UTF-8 byte 0xFF") != std::string::npos);
  CHECK(bad.exit_code == 2);
}

TEST_CASE("stdin: --fix with a machine format leaves a report its program can read",
          "[cli][stdin]") {
  // The report shares stderr with nothing else: no human "fixed" line after the document.
  for (const char* format : {"json", "sarif"}) {
    INFO(format);
    const auto r = run_factlint(
        {"--stdin-filename", "a.html", "--fix", "--format", format, "--lang", "en", "-"}, kFixtures,
        kHtml + "<p>남은 “따옴표</p>\n");
    CHECK(r.out == "<p>비율은 <b>4.5%</b>다. 끝</p>\n<p>남은 “따옴표</p>\n");
    CHECK(r.exit_code == 1);
    std::error_code ec;
    const boost::json::value report = boost::json::parse(r.err, ec);
    CHECK_FALSE(ec);
    CHECK(r.err.find("factlint: fixed") == std::string::npos);
  }
}

TEST_CASE("stdin: --diff prints the fixes under NAME", "[cli][stdin]") {
  const auto r = run_factlint({"--stdin-filename", "a.html", "--diff", "-"}, kFixtures, kHtml);
  CHECK(r.exit_code == 1);
  CHECK(r.out ==
        "--- a.html\n+++ a.html\n@@ -1,1 +1,1 @@\n"
        "-<p>비율은 <b>4,5%</b>다.  끝</p>\n"
        "+<p>비율은 <b>4.5%</b>다. 끝</p>\n");
}

TEST_CASE("stdin: byte columns of an HTML draft start at the line, not after its markup",
          "[cli][stdin][html]") {
  const auto r = run_factlint({"--stdin-filename", "a.html", "--format", "rdjsonl"}, kFixtures,
                              "<p>비율 4,5%</p>\n");
  // "<p>비율 " is 10 bytes: the number spans byte columns 11 to 15, before "</p>".
  CHECK(r.out.find(R"("range":{"start":{"line":1,"column":11},"end":{"line":1,"column":15}})") !=
        std::string::npos);
  CHECK(
      r.out.find(
          R"("suggestions":[{"range":{"start":{"line":1,"column":12},"end":{"line":1,"column":13}},"text":"."}])") !=
      std::string::npos);
}

TEST_CASE("stdin: facts reads NAME's format and config", "[cli][stdin][facts-cli]") {
  // fixtures/fact/.factlint.toml gives the publication date; .html reads the tags as markup.
  const auto r = run_factlint({"facts", "--stdin-filename", "fact/draft.html", "--format", "json"},
                              kFixtures, "<p>점유율은 <b>31%</b>였다.</p>\n");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const auto root = boost::json::parse(r.out).as_object();
  CHECK(root.at("path") == "fact/draft.html");
  CHECK(root.at("published").at("date") == "2024-03-06");
  CHECK(root.at("published").at("source") == "config");
  const auto& numbers = root.at("numbers").as_array();
  REQUIRE(numbers.size() == 1);
  CHECK(numbers[0].at("text") == "31%");
  CHECK(numbers[0].at("column") == 12);  // a column of the HTML source
  // Without a name and without a path there is nothing to read.
  const auto none = run_factlint({"facts"}, kFixtures, "");
  CHECK(none.exit_code == 2);
  CHECK(none.err == "factlint facts: error: no article (give a file, or - for stdin)\n");
}
