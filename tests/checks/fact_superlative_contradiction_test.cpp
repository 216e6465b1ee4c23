#include <catch2/catch.hpp>

#include "checks/all_checks.h"
#include "dated_runner.h"

using factlint::test::run_dated;

namespace {
const auto kCheck = factlint::make_superlative_check();
}

TEST_CASE("a superlative tied by a peer in the same sentence", "[superlative][facts]") {
  const auto run = run_dated(*kCheck,
                             "미국을 100%로 놓고 볼 경우 중국은 92.5%로 가장 가깝게 따라잡았으며 "
                             "유럽은 92.5%, 한국은 88.9%의 수준을 보였다.\n");
  REQUIRE(run.found.size() == 1);
  const auto& d = run.found[0];
  CHECK(d.rule == "fact/superlative-contradiction");
  CHECK(run.text(d.span) == "92.5%로 가장");
  CHECK(d.message ==
        "'가장' does not fit the figures of the same sentence: 중국 92.5%, 유럽 92.5%");
  REQUIRE(d.related.size() == 1);
  CHECK(run.text(d.related[0].span) == "92.5%");
  CHECK(d.related[0].span.begin > d.span.end);
  CHECK(d.related[0].message == "the same value");
}

TEST_CASE("a larger or smaller peer, following the superlative's direction",
          "[superlative][facts]") {
  auto run = run_dated(*kCheck,
                       "한빛전자의 점유율은 31%로 최대였으며, 누리텔레콤의 점유율은 35%, "
                       "다온소프트의 점유율은 20%였다.\n",
                       factlint::test::kPublished, factlint::Lang::ko);
  REQUIRE(run.found.size() == 1);
  CHECK(run.text(run.found[0].span) == "31%로 최대");
  CHECK(run.found[0].message ==
        "'최대'라는 표현이 같은 문장의 수치와 어긋납니다: 한빛전자 31%, 누리텔레콤 35%");
  CHECK(run.found[0].related[0].message == "더 큰 값");
  run = run_dated(*kCheck, "실업률은 세종이 1.8%로 가장 낮았고 제주가 1.5%, 강원이 2.4%였다.\n");
  REQUIRE(run.found.size() == 1);
  CHECK(run.found[0].related.size() == 1);
  CHECK(run.text(run.found[0].related[0].span) == "1.5%");
  CHECK(run.found[0].related[0].message == "a smaller value");
  // 가장 with a direction we cannot read: only a tie contradicts it.
  CHECK(run_dated(*kCheck, "서울은 60%로 가장 눈에 띄었고 부산은 70%였다.\n").found.empty());
  CHECK(run_dated(*kCheck, "서울은 60%로 가장 눈에 띄었고 부산은 60%였다.\n").found.size() == 1);
}

TEST_CASE("1위 and 최고 are superlatives too", "[superlative][facts]") {
  CHECK(run_dated(*kCheck, "한빛은 40%로 1위였고 누리는 45%였다.\n").found.size() == 1);
  CHECK(run_dated(*kCheck, "한빛은 40%로 최고치를 기록했고 누리는 45%였다.\n").found.size() == 1);
}

TEST_CASE("figures that agree with the superlative, or are not its peers, stay silent",
          "[superlative][facts]") {
  for (const char* text : {
           "서울은 71.2%로 가장 높았고 부산은 68.4%, 대구는 61.2%였다.\n",
           "서울과 부산은 68.4%로 가장 높았고 대구는 61.2%였다.\n",         // named together
           "서울은 68.4%로 부산과 함께 가장 높았고 부산은 68.4%였다.\n",    // shared
           "한빛의 점유율은 31%로 최대였고 누리의 매출 비중은 35%였다.\n",  // another measure
           "한빛은 31%로 가장 높았고 누리는 35명이었다.\n",                 // another unit
           "한빛은 최대 30%를 할인하며 누리는 40%를 할인한다.\n",           // a bound
           "누리 최고경영자는 매출이 20% 늘 것이라며 경쟁사는 25%를 내다봤다.\n",
           "한빛은 40%로 가장 높았다. 누리는 45%였다.\n",                // another sentence
           "한빛은 30% 늘어 증가율이 가장 높았고 누리는 35% 늘었다.\n",  // changes
       }) {
    INFO(text);
    CHECK(run_dated(*kCheck, text).found.empty());
  }
}
