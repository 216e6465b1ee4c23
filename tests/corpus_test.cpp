// Precision on real news: every article of the Korean Wikinews corpus (../shared/corpus, read at
// test time, never copied into the repository) is linted with all default rules. Edited,
// published news should produce almost nothing; each finding that remains must be one an
// editor agreed with, listed in tests/corpus-reviewed.txt as `id:line:column: rule` with a
// comment saying why. A new finding fails the test until it is reviewed (fix the check, or
// add the line). Skipped when the corpus is absent.

#include <fmt/format.h>

#include <boost/json.hpp>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>

#include "lint/linter.h"
#include "report/location.h"
#include "rules/library.h"
#include "support.h"

namespace fs = std::filesystem;

namespace {

std::set<std::string> reviewed_findings() {
  std::set<std::string> reviewed;
  std::ifstream in(fs::path(FACTLINT_FIXTURES_DIR).parent_path() / "tests" / "corpus-reviewed.txt");
  for (std::string line; std::getline(in, line);) {
    if (const auto hash = line.find(" #"); hash != std::string::npos) line.resize(hash);
    while (!line.empty() && line.back() == ' ') line.pop_back();
    if (!line.empty() && line[0] != '#') reviewed.insert(line);
  }
  return reviewed;
}

}  // namespace

TEST_CASE("real news stays clean except for reviewed findings", "[corpus]") {
  const fs::path corpus = fs::path(FACTLINT_CORPUS_DIR) / "wikinews-ko" / "articles.jsonl";
  if (!fs::exists(corpus)) {
    WARN("corpus not found at " << corpus << "; skipped");
    return;
  }
  const std::set<std::string> reviewed = reviewed_findings();
  // Every default rule: the built-in checks and the built-in rule packs.
  auto library = factlint::PackLibrary::load_installed();
  REQUIRE(std::holds_alternative<std::unique_ptr<factlint::PackLibrary>>(library));
  const factlint::Linter& linter =
      *std::get<std::unique_ptr<factlint::PackLibrary>>(library)->builtin().linter;
  std::ifstream in(corpus);
  std::size_t articles = 0;
  std::set<std::string> found;
  for (std::string line; std::getline(in, line);) {
    const auto article = boost::json::parse(line).as_object();
    const std::string id(article.at("id").as_string());
    // The same shape as bench/run.sh and a newsroom export: title, blank line, body.
    std::string text = std::string(article.at("title").as_string()) + "\n\n" +
                       std::string(article.at("text").as_string()) + "\n";
    const factlint::Document doc = factlint::test::make_document(std::move(text), id);
    factlint::LintContext context;
    context.published =
        factlint::CivilDate::parse_iso(std::string(article.at("published").as_string()));
    for (const auto& d : linter.lint(doc, context, {})) {
      const auto at = factlint::locate(doc, d.span).start;
      found.insert(fmt::format("{}:{}:{}: {}", id, at.line, at.column, d.rule));
    }
    ++articles;
  }
  CHECK(articles > 600);
  for (const std::string& f : found) {
    INFO("unreviewed finding on real news: " << f);
    CHECK(reviewed.count(f) == 1);
  }
  for (const std::string& r : reviewed) {
    INFO("reviewed finding no longer reported (remove it from tests/corpus-reviewed.txt): " << r);
    CHECK(found.count(r) == 1);
  }
}
