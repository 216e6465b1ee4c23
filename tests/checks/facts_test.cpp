// The per-document cache of extracted facts (checks/facts.h): it returns what the extractors
// return, and checks find the linter's shared instance through facts_of(). The article is
// written for this test.

#include "checks/facts.h"

#include <catch2/catch.hpp>

#include "support.h"

using factlint::CivilDate;
using factlint::DocumentFacts;
using factlint::Fact;
using factlint::LintContext;

namespace {
const std::string kArticle =
    "시청이 3월 5일(화) 새 도서관을 연다.\n"
    "\n"
    "김민수 시장은 “주민 1,200명이 매일 쓸 수 있는 공간이 생겼다”고 말했다. 그는 “예산은 "
    "30억 원이 들었다”고 덧붙였다. 지난 28일 공사가 끝났고 개관은 오는 12일이다.\n"
    "찬성은 48%, 반대는 52%로 나타났다.\n";
}  // namespace

TEST_CASE("the shared facts are what the extractors find", "[facts]") {
  const auto doc = factlint::test::make_document(kArticle);
  const CivilDate published{2024, 3, 4};
  const DocumentFacts facts(doc, published);

  const auto quotations = factlint::quotes::find_quotations(doc);
  REQUIRE(facts.quotations().size() == quotations.size());
  CHECK(facts.quotations().size() == 2);
  for (std::size_t i = 0; i < quotations.size(); ++i) {
    CHECK(facts.quotations()[i].open == quotations[i].open);
    CHECK(facts.quotations()[i].close == quotations[i].close);
  }

  const auto attributions = factlint::extract::find_attributions(doc.text());
  REQUIRE(facts.attributions().size() == attributions.size());
  CHECK(attributions.size() == 2);
  for (std::size_t i = 0; i < attributions.size(); ++i) {
    CHECK(facts.attributions()[i].quote.begin == attributions[i].quote.begin);
    CHECK(facts.attributions()[i].verb == attributions[i].verb);
    REQUIRE(facts.attributions()[i].speaker.has_value() == attributions[i].speaker.has_value());
    if (attributions[i].speaker) {
      CHECK(facts.attributions()[i].speaker->name == attributions[i].speaker->name);
    }
  }
  const auto people = factlint::extract::find_people(doc.text());
  REQUIRE(facts.people().size() == people.size());
  REQUIRE(!people.empty());
  for (std::size_t i = 0; i < people.size(); ++i) {
    CHECK(facts.people()[i].begin == people[i].begin);
    CHECK(facts.people()[i].name == people[i].name);
    CHECK(facts.people()[i].title == people[i].title);
  }

  const auto dates = factlint::extract::find_dates(doc.text(), published);
  REQUIRE(facts.dates().size() == dates.size());
  CHECK(dates.size() == 3);
  for (std::size_t i = 0; i < dates.size(); ++i) {
    CHECK(facts.dates()[i].begin == dates[i].begin);
    CHECK(facts.dates()[i].resolved == dates[i].resolved);
  }

  std::size_t figures = 0;
  for (std::size_t s = 0; s < doc.sentences().size(); ++s) {
    const auto expected = factlint::extract::find_figures(doc.text(), doc.sentences()[s]);
    const auto cached = facts.figures(s);
    REQUIRE(cached.size() == expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
      CHECK(cached[i].number.begin == expected[i].number.begin);
      CHECK(cached[i].number.value == expected[i].number.value);
      CHECK(cached[i].change == expected[i].change);
    }
    figures += cached.size();
  }
  CHECK(figures == 8);  // 3월, 5일, 1,200명, 30억 원, 28일, 12일, 48%, 52%
}

TEST_CASE("checks use the linter's facts only for the same document and date", "[facts]") {
  const auto doc = factlint::test::make_document(kArticle);
  const auto other = factlint::test::make_document(kArticle);
  const DocumentFacts shared(doc, CivilDate{2024, 3, 4});
  LintContext context;
  context.published = CivilDate{2024, 3, 4};
  context.facts = &shared;

  std::unique_ptr<DocumentFacts> own;
  CHECK(&factlint::facts_of(doc, context, own) == &shared);
  CHECK(own == nullptr);

  const DocumentFacts& for_other = factlint::facts_of(other, context, own);
  CHECK(&for_other != &shared);
  CHECK(&for_other.document() == &other);

  context.published = CivilDate{2024, 3, 20};
  const DocumentFacts& redated = factlint::facts_of(doc, context, own);
  CHECK(&redated != &shared);
  CHECK(redated.published() == context.published);

  context.facts = nullptr;
  const DocumentFacts& alone = factlint::facts_of(doc, context, own);
  CHECK(&alone == own.get());
}

TEST_CASE("a released fact is freed and extracted again when read", "[facts]") {
  const auto doc = factlint::test::make_document(kArticle);
  DocumentFacts facts(doc, CivilDate{2024, 3, 4});
  for (const Fact fact : factlint::kAllFacts) {
    CHECK_FALSE(facts.holds(fact));
    CHECK(facts.extractions(fact) == 0);
  }
  const std::size_t attributions = facts.attributions().size();
  const std::size_t people = facts.people().size();
  const std::size_t dates = facts.dates().size();
  const std::size_t figures = facts.figures(2).size();
  CHECK(facts.extractions(Fact::attributions) == 1);
  CHECK(facts.extractions(Fact::people) == 1);  // read with the attributions, once

  // The attributions go; the people read with them stay.
  facts.release(Fact::attributions);
  CHECK_FALSE(facts.holds(Fact::attributions));
  REQUIRE(facts.holds(Fact::people));
  CHECK(facts.people().size() == people);
  CHECK(facts.extractions(Fact::people) == 1);
  CHECK(facts.attributions().size() == attributions);
  CHECK(facts.extractions(Fact::attributions) == 2);

  facts.release(Fact::dates);
  facts.release(Fact::figures);
  CHECK_FALSE(facts.holds(Fact::dates));
  CHECK_FALSE(facts.holds(Fact::figures));
  CHECK(facts.dates().size() == dates);
  CHECK(facts.figures(2).size() == figures);
  CHECK(facts.extractions(Fact::dates) == 2);
  CHECK(facts.extractions(Fact::figures) == 2);
  CHECK(facts.extractions(Fact::quotations) == 0);  // never read
}
