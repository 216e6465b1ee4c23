#include <catch2/catch.hpp>

#include "checks/all_checks.h"
#include "dated_runner.h"

using factlint::test::run_dated;

namespace {
const auto kCheck = factlint::make_weekday_mismatch_check();
}

TEST_CASE("a wrong weekday is reported and fixed", "[weekday-mismatch][facts]") {
  const auto run = run_dated(*kCheck, "정부는 5일(수) 국무회의에서 의결했다.\n");
  REQUIRE(run.found.size() == 1);
  const auto& d = run.found[0];
  CHECK(d.rule == "date/weekday-mismatch");
  CHECK(run.text(d.span) == "5일(수)");
  CHECK(d.message == "2024-03-05 is a Tuesday, not a Wednesday: write '화'");
  CHECK(run.fixed(d) == "정부는 5일(화) 국무회의에서 의결했다.\n");
}

TEST_CASE("every weekday notation is fixed in place", "[weekday-mismatch][facts]") {
  auto run = run_dated(*kCheck, "투표는 2024년 4월 10일 화요일에 한다.\n");
  REQUIRE(run.found.size() == 1);
  CHECK(run.fixed(run.found[0]) == "투표는 2024년 4월 10일 수요일에 한다.\n");
  run = run_dated(*kCheck, "박람회는 3월 8일 (토요일)부터 열린다.\n");
  REQUIRE(run.found.size() == 1);
  CHECK(run.fixed(run.found[0]) == "박람회는 3월 8일 (금요일)부터 열린다.\n");
  run = run_dated(*kCheck, "축제는 16(금)~17일(일) 열린다.\n");
  REQUIRE(run.found.size() == 1);
  CHECK(run.text(run.found[0].span) == "16(금)");
  CHECK(run.fixed(run.found[0]) == "축제는 16(토)~17일(일) 열린다.\n");
}

TEST_CASE("Korean message", "[weekday-mismatch][facts]") {
  const auto run =
      run_dated(*kCheck, "5일(수) 의결했다.\n", factlint::test::kPublished, factlint::Lang::ko);
  REQUIRE(run.found.size() == 1);
  CHECK(run.found[0].message == "2024년 3월 5일은 수요일이 아니라 화요일입니다");
}

TEST_CASE("right weekdays, weekday-defined dates and unknown years stay silent",
          "[weekday-mismatch][facts]") {
  CHECK(run_dated(*kCheck, "5일(화) 의결. 2024년 4월 10일 수요일 투표. 지난주 목요일 회의.\n")
            .found.empty());
  // 3월 5일 has no year without a publication date, so its weekday cannot be known.
  CHECK(run_dated(*kCheck, "3월 5일(수) 의결.\n", std::nullopt).found.empty());
  // A full date needs none.
  CHECK(run_dated(*kCheck, "2024년 3월 5일(수) 의결.\n", std::nullopt).found.size() == 1);
}
