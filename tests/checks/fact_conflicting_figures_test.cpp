#include <catch2/catch.hpp>

#include "checks/all_checks.h"
#include "dated_runner.h"

using factlint::test::run_dated;

namespace {
const auto kCheck = factlint::make_conflicting_figures_check();
}

TEST_CASE("one subject, one unit, two values", "[conflicting-figures][facts]") {
  const auto run = run_dated(*kCheck,
                             "축제가 열렸다.\n\n참가자는 1,200명이었다.\n\n"
                             "참가자 1,300명 가운데 절반이 가족이었다.\n");
  REQUIRE(run.found.size() == 1);
  const auto& d = run.found[0];
  CHECK(d.rule == "fact/conflicting-figures");
  CHECK(d.severity == factlint::Severity::info);
  CHECK(run.text(d.span) == "1,300명");
  CHECK(d.message == "참가자: 1,300명 here but 1,200명 on line 3");
  REQUIRE(d.related.size() == 1);
  CHECK(run.text(d.related[0].span) == "1,200명");
}

TEST_CASE("owners are part of the subject, with a Korean message", "[conflicting-figures][facts]") {
  const auto run = run_dated(*kCheck,
                             "한빛시의 재정자립도는 41.3%다. 누리시의 재정자립도는 38.2%다. "
                             "한편 한빛시의 재정자립도는 43.1%에 그쳤다.\n",
                             factlint::test::kPublished, factlint::Lang::ko);
  REQUIRE(run.found.size() == 1);
  CHECK(run.found[0].message == "한빛시의 재정자립도: 여기서는 43.1%, 1행에서는 41.3%");
}

TEST_CASE("figures that may all be right stay silent", "[conflicting-figures][facts]") {
  for (const char* text : {
           "참가자는 1,200명이었다. 지난해 참가자는 1,000명이었다.\n",          // another time
           "참가자는 1,200명이었다. 참가자는 당초 1,000명이었다.\n",            // a revision
           "참가자는 1,200명이었다. 참가자는 3월 1,000명이었다.\n",             // a date
           "국내 참가자는 900명이었다. 해외 참가자는 300명이었다.\n",           // modifiers
           "참가자는 1,200명이었다. 참가자 1,200명 가운데 절반이 왔다.\n",      // same value
           "참가자는 1,200명이었다. 참가자는 1,300명 이상이었다.\n",            // a bound
           "참가자는 1,200명이었다. 참가자는 약 1,300명이었다.\n",              // approximate
           "참가자는 1,200명이었다. 참가자는 1,300명으로 늘었다.\n",            // a change
           "참가자는 1,200명이었다. 참가자는 총 1,300명이었다.\n",              // a total
           "서울 457명, 경기 250명이다. 서울 300명, 경기 100명이 퇴원했다.\n",  // breakdowns
           "응답자 40%는 찬성했다. 응답자 35%는 반대했다.\n",  // parts of a population
           "관한 발명이 6건이다. 대한 발명이 3건이다.\n",      // narrowed subjects
           "참가자는 12일이었다. 참가자는 13일이었다.\n",      // times
       }) {
    INFO(text);
    CHECK(run_dated(*kCheck, text).found.empty());
  }
}
