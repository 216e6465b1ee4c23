#include <catch2/catch.hpp>

#include "checks/all_checks.h"
#include "dated_runner.h"

using factlint::test::run_dated;

namespace {
const auto kCheck = factlint::make_date_tense_check();
}

TEST_CASE("오는 with a day that has passed", "[date-tense][facts]") {
  const auto run = run_dated(*kCheck, "시는 오는 4일 공청회를 연다고 밝혔다.\n");
  REQUIRE(run.found.size() == 1);
  const auto& d = run.found[0];
  CHECK(d.rule == "date/tense");
  CHECK(d.severity == factlint::Severity::info);
  CHECK(run.text(d.span) == "오는 4일");
  CHECK(d.message ==
        "'오는 4일': 2024-03-04 had already passed at publication (2024-03-06, 2 "
        "days later)");
  // The publication day itself.
  CHECK(run_dated(*kCheck, "오는 6일 연다.\n").found[0].message ==
        "'오는 6일': 2024-03-06 is the publication date itself");
  // With its month: a month either side.
  CHECK(run_dated(*kCheck, "오는 2월 20일 연다.\n").found.size() == 1);
}

TEST_CASE("지난 with a day still to come", "[date-tense][facts]") {
  const auto run = run_dated(*kCheck, "협회는 지난 8일 총회를 열었다.\n",
                             factlint::test::kPublished, factlint::Lang::ko);
  REQUIRE(run.found.size() == 1);
  CHECK(run.found[0].message ==
        "'지난 8일'(2024-03-08): 발행일(2024-03-06)보다 2일 뒤로 아직 오지 않았습니다");
  // "지난 12일" on the 6th is how papers name the 12th of last month... sometimes; not reported.
  CHECK(run_dated(*kCheck, "지난 12일 열었다.\n").found.empty());
  CHECK(run_dated(*kCheck, "지난 3월 20일 열었다.\n").found.size() == 1);
}

TEST_CASE("a coming day told in the past tense", "[date-tense][facts]") {
  auto run = run_dated(*kCheck, "다온전자는 7일 새 노트북을 공개했다.\n");
  REQUIRE(run.found.size() == 1);
  CHECK(run.text(run.found[0].span) == "7일");
  CHECK(run.found[0].message ==
        "'7일' (2024-03-07) is 1 day after publication (2024-03-06) but is told in the past tense");
  CHECK(run_dated(*kCheck, "구청은 2024년 3월 12일 설명회를 마쳤다.\n").found.size() == 1);
  CHECK(run_dated(*kCheck, "내일 발표했다.\n").found.size() == 1);
}

TEST_CASE("future events reported in the past tense stay silent", "[date-tense][facts]") {
  for (const char* text : {
           "다온전자는 7일 새 노트북을 공개한다고 밝혔다.\n",  // quotation
           "구청은 12일 열릴 설명회 일정을 공개했다.\n",       // future modifier
           "발사는 8일로 연기됐다.\n",                         // a target date
           "협회는 7일까지 신청을 받았다.\n",                  // a deadline
           "회의는 8일 열릴 예정이었다.\n",                    // a plan
           "12일 개막하기로 결정했다.\n",                      // a decision
           "시는 오는 12일 공청회를 연다고 밝혔다.\n",         // 오는 is future by itself
           "협회는 지난 28일 총회를 열었다.\n",                // late last month
           "위원회는 4일 회의를 열었다.\n",                    // past
       }) {
    INFO(text);
    CHECK(run_dated(*kCheck, text).found.empty());
  }
  // A bare day beyond the publication week may be an earlier month's day in a story of the past.
  CHECK(run_dated(*kCheck, "25일 발표했다.\n").found.empty());
  // A partial date in a paragraph about another year takes that year, not the publication's.
  CHECK(
      run_dated(*kCheck, "2018년 4월 23일 사고가 났다. 공사는 7월 17일 시작됐다.\n").found.empty());
  // 이날 repeats a date named before it; that date is where a finding belongs.
  CHECK(run_dated(*kCheck, "이날 발표했다.\n", factlint::CivilDate{2024, 3, 6}).found.empty());
  CHECK(run_dated(*kCheck, "오는 4일 연다.\n", std::nullopt).found.empty());
}
