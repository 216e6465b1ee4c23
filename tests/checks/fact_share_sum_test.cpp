#include <catch2/catch.hpp>

#include "checks/all_checks.h"
#include "dated_runner.h"

using factlint::test::run_dated;

namespace {
const auto kCheck = factlint::make_share_sum_check();
}

TEST_CASE("listed shares over 100%", "[share-sum][facts]") {
  const auto run = run_dated(*kCheck, "여론조사에서 찬성 48%, 반대 41%, 모름 23%로 나타났다.\n");
  REQUIRE(run.found.size() == 1);
  const auto& d = run.found[0];
  CHECK(d.rule == "fact/share-sum");
  CHECK(run.text(d.span) == "48%, 반대 41%, 모름 23%");
  CHECK(d.message == "the shares listed add up to 112%, more than 100%: 48% + 41% + 23%");
  const auto ko = run_dated(*kCheck, "점유율은 한빛 45.2%, 누리 38.5%, 다온 19.1%였다.\n",
                            factlint::test::kPublished, factlint::Lang::ko);
  REQUIRE(ko.found.size() == 1);
  CHECK(ko.found[0].message ==
        "나열한 비율을 더하면 102.8%로 100%를 넘습니다: 45.2% + 38.5% + 19.1%");
  CHECK(run_dated(*kCheck, "응답자의 52%가 '만족', 31%가 '보통', 27%가 '불만족'이라고 답했다.\n")
            .found.size() == 1);
  CHECK(run_dated(*kCheck, "지지율은 한빛 40%와 누리 35%, 다온 30%였다.\n").found.size() == 1);
}

TEST_CASE("rounding is allowed half a point per part", "[share-sum][facts]") {
  // 33.4 + 33.3 + 33.6 = 100.3 ≤ 101.5.
  CHECK(run_dated(*kCheck, "점유율은 한빛 33.4%, 누리 33.3%, 다온 33.6%였다.\n").found.empty());
  CHECK(run_dated(*kCheck, "점유율은 한빛 34%, 누리 34%, 다온 33.6%였다.\n").found.size() == 1);
}

TEST_CASE("percentages that are not parts of one whole stay silent", "[share-sum][facts]") {
  for (const char* text : {
           "찬성 48%, 반대 41%, 모름 11%로 나타났다.\n",                      // 100
           "찬성 48%, 반대 61%로 나타났다.\n",                                // two parts only
           "서울 60%, 부산 55%, 대구 58%였다.\n",                             // no share word
           "남성의 60%, 여성의 55%, 청년의 58%가 찬성했다.\n",                // rates of groups
           "남성 60%, 여성 55%, 전체 58%가 찬성했다.\n",                      // the whole is listed
           "찬성 응답은 20대(61%)와 30대(58%), 40대(52%)에서 높았다.\n",      // rates in brackets
           "복수 응답에서 '가격' 62%, '품질' 48%, '디자인' 30%가 꼽혔다.\n",  // several answers
           "점유율은 한빛 45%에서 52%로, 누리 30%에서 28%로, 다온 25%에서 20%로 바뀌었다.\n",
           "점유율이 한빛 40%, 누리 35%, 다온 30% 늘었다.\n",   // changes
           "점유율은 한빛 40%였다. 누리 35%, 다온 30%였다.\n",  // two sentences
       }) {
    INFO(text);
    CHECK(run_dated(*kCheck, text).found.empty());
  }
}
