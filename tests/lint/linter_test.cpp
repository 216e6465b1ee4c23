#include "lint/linter.h"

#include <catch2/catch.hpp>

#include "rules/library.h"
#include "support.h"

using namespace factlint;

TEST_CASE("one mistake caught by two rules is reported once", "[linter]") {
  auto library = PackLibrary::load_installed();
  REQUIRE(std::holds_alternative<std::unique_ptr<PackLibrary>>(library));
  const Linter& linter = *std::get<std::unique_ptr<PackLibrary>>(library)->builtin().linter;
  // "오픈 AI" is both a name variant of 오픈AI in this article and a misspelled company name.
  const Document doc =
      test::make_document("오픈AI는 새 모델을 냈다. 오픈AI가 밝혔다. 오픈 AI의 발표다.\n");
  const auto found = linter.lint(doc, LintContext{}, {});
  REQUIRE(found.size() == 1);
  CHECK(found[0].rule == "consistency/name-variant");
  CHECK(doc.slice(found[0].span) == "오픈 AI");
}
