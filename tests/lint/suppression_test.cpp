// Comments that silence findings: next line, ranges, rule lists and category prefixes.

#include "lint/suppression.h"

#include <catch2/catch.hpp>
#include <string>

#include "lint/linter.h"
#include "report/location.h"
#include "rules/library.h"
#include "support.h"

using namespace factlint;

namespace {

const std::string kPack = R"([pack]
id = "house"
language = "ko"
description = { ko = "시험용 팩", en = "A test pack" }

[[rule]]
id = "house/loanword"
kind = "substitution"
severity = "warning"
message = { ko = "'{right}'", en = "'{right}'" }
entries = [{ wrong = "제미니", right = "제미나이" }]

[[rule]]
id = "house/spacing"
kind = "substitution"
severity = "warning"
message = { ko = "'{right}'", en = "'{right}'" }
entries = [{ wrong = "그 동안", right = "그동안" }]

[[rule]]
id = "style/banned"
kind = "existence"
severity = "info"
message = { ko = "'{wrong}'", en = "'{wrong}'" }
entries = [{ wrong = "아무튼" }]
)";

const Linter& linter() {
  static const auto library = [] {
    std::vector<Pack> packs;
    packs.push_back(std::get<Pack>(parse_pack(kPack, "house.toml")));
    return std::get<std::unique_ptr<PackLibrary>>(PackLibrary::from_packs(std::move(packs)));
  }();
  return *library->builtin().linter;
}

/// "LINE:rule" for each finding.
std::vector<std::string> findings(const std::string& text) {
  const Document doc = test::make_document(text);
  std::vector<std::string> out;
  for (const Diagnostic& d : linter().lint(doc, LintContext{}, {})) {
    out.push_back(std::to_string(locate(doc, d.span).start.line) + ":" + std::string(d.rule));
  }
  return out;
}

using Strings = std::vector<std::string>;

// Three lines that each fire every rule once.
const std::string kLine = "아무튼 제미니는 그 동안 조용했다.\n";

}  // namespace

TEST_CASE("without comments everything is reported", "[suppression]") {
  CHECK(findings(kLine) == Strings{"1:style/banned", "1:house/loanword", "1:house/spacing"});
}

TEST_CASE("disable-next-line silences the line after it", "[suppression]") {
  CHECK(findings("<!-- factlint-disable-next-line house/loanword -->\n" + kLine + kLine) ==
        Strings{"2:style/banned", "2:house/spacing", "3:style/banned", "3:house/loanword",
                "3:house/spacing"});
  // No rule: every rule.
  CHECK(findings("<!-- factlint-disable-next-line -->\n" + kLine + kLine).size() == 3);
  // Several rules, separated by commas and/or spaces.
  CHECK(findings("<!-- factlint-disable-next-line house/loanword, style/banned -->\n" + kLine) ==
        Strings{"2:house/spacing"});
  CHECK(findings("<!-- factlint-disable-next-line house/loanword style/banned -->\n" + kLine) ==
        Strings{"2:house/spacing"});
  // Comments stack above one line.
  CHECK(findings("<!-- factlint-disable-next-line house/loanword -->\n"
                 "<!-- factlint-disable-next-line style/banned -->\n" +
                 kLine) == Strings{"3:house/spacing"});
  // Only the next line: a blank line in between means the comment silences the blank line.
  CHECK(findings("<!-- factlint-disable-next-line -->\n\n" + kLine).size() == 3);
}

TEST_CASE("a category silences every rule in it", "[suppression]") {
  CHECK(findings("<!-- factlint-disable-next-line house/ -->\n" + kLine) ==
        Strings{"2:style/banned"});
  CHECK(findings("<!-- factlint-disable-next-line house -->\n" + kLine) ==
        Strings{"2:style/banned"});
  // A category is a whole segment: "hou" is not "house" (and is reported as unknown).
  CHECK(
      findings("<!-- factlint-disable-next-line hou -->\n" + kLine) ==
      Strings{"1:factlint/unknown-rule", "2:style/banned", "2:house/loanword", "2:house/spacing"});
  CHECK(selector_matches("house/", "house/loanword"));
  CHECK(selector_matches("house", "house/loanword"));
  CHECK(selector_matches("house/loanword", "house/loanword"));
  CHECK_FALSE(selector_matches("house/loan", "house/loanword"));
  CHECK_FALSE(selector_matches("houses", "house/loanword"));
}

TEST_CASE("disable and enable bracket a range", "[suppression]") {
  CHECK(findings(kLine + "<!-- factlint-disable house/loanword -->\n" + kLine + kLine +
                 "<!-- factlint-enable house/loanword -->\n" + kLine) ==
        Strings{"1:style/banned", "1:house/loanword", "1:house/spacing", "3:style/banned",
                "3:house/spacing", "4:style/banned", "4:house/spacing", "6:style/banned",
                "6:house/loanword", "6:house/spacing"});
  // Everything off, then one rule back on.
  CHECK(findings("<!-- factlint-disable -->\n" + kLine +
                 "<!-- factlint-enable house/spacing -->\n" + kLine) == Strings{"4:house/spacing"});
  // An unclosed disable lasts to the end of the file.
  CHECK(findings(kLine + "<!-- factlint-disable style -->\n" + kLine + kLine).size() == 3 + 2 + 2);
  // enable without rules turns everything back on.
  CHECK(findings("<!-- factlint-disable house/ -->\n<!-- factlint-enable -->\n" + kLine).size() ==
        3);
}

TEST_CASE("only comments on their own line count", "[suppression]") {
  CHECK(findings("아무튼 제미니는 <!-- factlint-disable-next-line -->\n" + kLine).size() == 2 + 3);
  CHECK(findings("<!-- factlint-disable-next-line --> 아무튼\n" + kLine).size() == 1 + 3);
  CHECK(findings("<!-- factlint-ignore -->\n" + kLine).size() == 3);  // Not a directive.
  CHECK(findings("<!-- factlint-disablex -->\n" + kLine).size() == 3);
  // Indentation and CRLF line ends are fine.
  CHECK(findings("  <!--factlint-disable-next-line-->  \r\n" + kLine).empty());
}

TEST_CASE("findings on the comment lines themselves are dropped", "[suppression]") {
  // The rule id inside a comment is not article text: no style/banned or house/loanword there,
  // only the warning that no rule has that id.
  CHECK(
      findings("<!-- factlint-disable-next-line 아무튼 -->\n" + kLine) ==
      Strings{"1:factlint/unknown-rule", "2:style/banned", "2:house/loanword", "2:house/spacing"});
  CHECK(findings("<!-- factlint-enable 제미니 -->\n") == Strings{"1:factlint/unknown-rule"});
}

TEST_CASE("a comment naming an unknown rule is a warning at the rule id", "[suppression]") {
  const std::string text =
      "<!-- factlint-disable-next-line house/loanwords, style/banned -->\n" + kLine;
  const Document doc = test::make_document(text);
  const auto found = linter().lint(doc, LintContext{}, {});
  REQUIRE(found.size() == 3);
  CHECK(found[0].rule == "factlint/unknown-rule");
  CHECK(found[0].severity == Severity::warning);
  CHECK(text.substr(found[0].span.begin, found[0].span.size()) == "house/loanwords");
  CHECK(found[0].message ==
        "unknown rule 'house/loanwords' in a factlint comment: it silences nothing (see factlint "
        "--list-rules)");
  CHECK(linter().lint(doc, LintContext{Lang::ko, std::nullopt}, {})[0].message ==
        "factlint 주석의 'house/loanwords'은(는) 없는 규칙이어서 아무것도 끄지 않습니다 "
        "(factlint --list-rules 참고)");
  // The line below is not silenced for the misspelled rule.
  CHECK(findings(text) ==
        Strings{"1:factlint/unknown-rule", "2:house/loanword", "2:house/spacing"});
  // Unknown categories too; known rules, categories and built-in rules are fine.
  CHECK(findings("<!-- factlint-disable nosuch/ -->\n") == Strings{"1:factlint/unknown-rule"});
  CHECK(findings("<!-- factlint-disable house -->\n<!-- factlint-enable house/ -->\n"
                 "<!-- factlint-disable-next-line number/decimal-separator -->\n"
                 "<!-- factlint-disable -->\n")
            .empty());
  // It can be turned off like any rule.
  CHECK(linter()
            .lint(doc, LintContext{}, RuleSeverities{{"factlint/unknown-rule", std::nullopt}})
            .size() == 2);
}
