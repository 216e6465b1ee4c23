#include <catch2/catch.hpp>

#include "checks/all_checks.h"
#include "dated_runner.h"

using factlint::test::run_dated;

namespace {
const auto kCheck = factlint::make_invalid_date_check();
}

TEST_CASE("impossible dates are reported with the length of the month", "[date-invalid][facts]") {
  const auto run = run_dated(*kCheck,
                             "회의는 2월 30일 열렸다. 13월 총회. 2023년 2월 29일 임명. "
                             "지난달 30일 의결. 4월 31일까지 접수.\n");
  REQUIRE(run.found.size() == 5);
  CHECK(run.found[0].rule == "date/invalid");
  CHECK(run.text(run.found[0].span) == "2월 30일");
  CHECK(run.found[0].message == "'2월 30일' is not a date: February has at most 29 days");
  CHECK(run.found[1].message == "'13월' is not a date: months run from 1 to 12");
  CHECK(run.found[2].message == "'2023년 2월 29일' is not a date: February 2023 has 28 days");
  // 지난달 is February 2024 for an article of 6 March 2024.
  CHECK(run.found[3].message == "'지난달 30일' is not a date: February 2024 has 29 days");
  CHECK(run.found[4].message == "'4월 31일' is not a date: April has at most 30 days");
  CHECK(run.found[0].fix.empty());
}

TEST_CASE("messages in Korean", "[date-invalid][facts]") {
  const auto run = run_dated(*kCheck, "2023년 2월 29일 임명. 13월 총회.\n",
                             factlint::test::kPublished, factlint::Lang::ko);
  REQUIRE(run.found.size() == 2);
  CHECK(run.found[0].message == "'2023년 2월 29일'은 없는 날짜입니다: 2023년 2월은 28일까지입니다");
  CHECK(run.found[1].message == "'13월'은 없는 날짜입니다: 달은 1월부터 12월까지입니다");
}

TEST_CASE("real dates, the 13월 idiom and bare days stay silent", "[date-invalid][facts]") {
  CHECK(run_dated(*kCheck, "2024년 2월 29일은 윤일이다. 지난 29일 발표. 30일 본회의.\n")
            .found.empty());
  CHECK(run_dated(*kCheck, "연말정산은 '13월의 월급'이라 불린다.\n").found.empty());
  // A bare day that fits no month near publication is more often an earlier month's day.
  CHECK(run_dated(*kCheck, "30일 열린 회의.\n", factlint::CivilDate{2024, 2, 10}).found.empty());
  // Without a publication date, 지난달 30일 cannot be placed and is not reported.
  CHECK(run_dated(*kCheck, "지난달 30일 의결.\n", std::nullopt).found.empty());
}
