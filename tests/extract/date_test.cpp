#include "extract/date.h"

#include <catch2/catch.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace factlint::extract {
namespace {

/// 2024-03-06, a Wednesday.
const CivilDate kPublished{2024, 3, 6};

/// The single date in `text`; fails the test when there is not exactly one.
DateExpr only(std::string_view text, std::optional<CivilDate> published = kPublished) {
  const std::vector<DateExpr> dates = find_dates(text, published);
  INFO("text: " << text);
  REQUIRE(dates.size() == 1);
  return dates[0];
}

/// The resolved date of the single date in `text` as YYYY-MM-DD, or "-".
std::string resolved(std::string_view text, std::optional<CivilDate> published = kPublished) {
  const DateExpr d = only(text, published);
  return d.resolved ? d.resolved->iso() : "-";
}

std::vector<std::string> spans(std::string_view text) {
  std::vector<std::string> out;
  for (const DateExpr& d : find_dates(text, kPublished)) {
    out.emplace_back(text.substr(d.begin, d.end - d.begin));
  }
  return out;
}

TEST_CASE("full absolute dates in every spelling", "[date]") {
  const std::string_view text = "회의는 2024년 3월 5일에 열렸다";
  const DateExpr d = only(text);
  CHECK(text.substr(d.begin, d.end - d.begin) == "2024년 3월 5일");
  CHECK(d.year == 2024);
  CHECK(d.month == 3);
  CHECK(d.day == 5);
  CHECK(d.kind == DateKind::absolute);
  CHECK(d.relative.empty());
  CHECK(resolved(text) == "2024-03-05");

  CHECK(resolved("2024년3월5일") == "2024-03-05");
  CHECK(resolved("공고일 2024.3.5") == "2024-03-05");
  CHECK(resolved("공고일 2024. 3. 5.") == "2024-03-05");
  CHECK(resolved("(2020.06.26.)") == "2020-06-26");
  CHECK(resolved("기준일 2024-03-05") == "2024-03-05");
  CHECK(resolved("2024/3/5") == "2024-03-05");
  CHECK(resolved("’12.11.30.까지") == "2012-11-30");
  CHECK(resolved("'24.3.5") == "2024-03-05");
  // A full date resolves without a publication date.
  CHECK(resolved("2008년 11월 4일", std::nullopt) == "2008-11-04");
}

TEST_CASE("partial dates take the year and month of publication", "[date]") {
  DateExpr d = only("3월 5일 발표했다");
  CHECK_FALSE(d.year);  // as written
  CHECK(d.month == 3);
  CHECK(d.resolved->iso() == "2024-03-05");

  d = only("정부는 5일 밝혔다");
  CHECK(d.day == 5);
  CHECK_FALSE(d.month);
  CHECK(d.resolved->iso() == "2024-03-05");

  // Bare days stay in the publication month unless the neighbouring month's day is within
  // a week of publication.
  CHECK(resolved("25일 열린다") == "2024-03-25");
  CHECK(resolved("28일 발표했다", CivilDate{2024, 3, 2}) == "2024-02-28");
  CHECK(resolved("2일 열린다", CivilDate{2024, 3, 30}) == "2024-04-02");
  CHECK(only("30일 열린다", CivilDate{2024, 2, 10}).invalid);

  // Month and day: no more than two months ahead, no more than ten months back.
  CHECK(resolved("12월 25일") == "2023-12-25");
  CHECK(resolved("5월 1일") == "2024-05-01");
  CHECK(resolved("1월 5일", CivilDate{2024, 12, 28}) == "2025-01-05");

  // Without a publication date nothing partial resolves.
  d = only("3월 5일", std::nullopt);
  CHECK_FALSE(d.resolved);
  CHECK_FALSE(d.invalid);

  d = only("2024년 3월");
  CHECK(d.year == 2024);
  CHECK(d.month == 3);
  CHECK_FALSE(d.day);
  CHECK_FALSE(d.resolved);
}

TEST_CASE("weekday notes", "[date]") {
  DateExpr d = only("3월 5일(화) 열린 회의");
  CHECK(d.weekday_written == 1);
  CHECK(d.resolved->weekday() == 1);
  const std::string_view text = "5일(화요일) 오전";
  d = only(text);
  CHECK(d.weekday_written == 1);
  CHECK(text.substr(d.begin, d.end - d.begin) == "5일(화요일)");
  CHECK(only("5일 (일)").weekday_written == 6);
  CHECK(only("8일 금요일에").weekday_written == 4);
  CHECK_FALSE(only("5일(현지시간)").weekday_written);
  // The note is recorded as written; whether it is right is for the checks to say.
  d = only("28일(화)", CivilDate{2024, 3, 2});
  CHECK(d.weekday_written == 1);
  CHECK(d.resolved->weekday() == 2);
}

TEST_CASE("relative years, months and weeks", "[date]") {
  DateExpr d = only("지난달 28일 발표한 보고서");
  CHECK(d.kind == DateKind::relative);
  CHECK(d.relative == "지난달");
  CHECK(d.year == 2024);
  CHECK(d.month == 2);
  CHECK(d.day == 28);
  CHECK(d.resolved->iso() == "2024-02-28");

  d = only("지난해 7월 워싱턴포스트는");
  CHECK(d.relative == "지난해");
  CHECK(d.year == 2023);
  CHECK(d.month == 7);
  CHECK_FALSE(d.resolved);

  d = only("내년 1월부터");
  CHECK(d.year == 2025);
  CHECK(d.month == 1);
  CHECK(only("작년 3월 1일").resolved->iso() == "2023-03-01");
  CHECK(only("올해가 적응의 해").year == 2024);
  CHECK(resolved("이번 달 10일") == "2024-03-10");
  CHECK(resolved("다음 달 3일") == "2024-04-03");
  CHECK(only("지난달 출시된").month == 2);

  d = only("지난주 화요일");
  CHECK(d.weekday_written == 1);
  CHECK(d.resolved->iso() == "2024-02-27");
  CHECK(resolved("다음 주 월요일") == "2024-03-11");
  CHECK(resolved("이번 주 금요일에") == "2024-03-08");

  // Without a publication date only what is written survives.
  d = only("지난달 28일", std::nullopt);
  CHECK(d.day == 28);
  CHECK_FALSE(d.month);
  CHECK_FALSE(d.resolved);
}

TEST_CASE("days counted from publication", "[date]") {
  CHECK(resolved("어제 열린") == "2024-03-05");
  CHECK(resolved("오늘") == "2024-03-06");
  CHECK(resolved("내일부터") == "2024-03-07");
  CHECK(resolved("그저께") == "2024-03-04");
  CHECK(resolved("모레까지") == "2024-03-08");

  DateExpr d = only("오는 12일 개최");
  CHECK(d.relative == "오는");
  CHECK(d.resolved->iso() == "2024-03-12");
  CHECK(resolved("지난 4일") == "2024-03-04");
  CHECK(resolved("지난 28일") == "2024-02-28");
  CHECK(resolved("오는 2일") == "2024-04-02");
  CHECK(resolved("지난 3월 5일") == "2024-03-05");
  CHECK(resolved("오는 3월 5일") == "2025-03-05");
  CHECK(only("지난 5월").year == 2023);
  CHECK(only("지난 5일(화)").weekday_written == 1);
}

TEST_CASE("이날 refers to the last resolved date", "[date]") {
  std::vector<DateExpr> dates =
      find_dates("5일 회의가 열렸다. 이날 오후 발표가 있었다.", kPublished);
  REQUIRE(dates.size() == 2);
  CHECK(dates[1].relative == "이날");
  CHECK(dates[1].resolved->iso() == "2024-03-05");

  dates = find_dates("지난달 28일 보고서가 나왔다. 같은 날 기자회견도 열렸다.", kPublished);
  REQUIRE(dates.size() == 2);
  CHECK(dates[1].resolved->iso() == "2024-02-28");

  CHECK(resolved("이날 발표") == "2024-03-06");
  CHECK(resolved("이 날 오전") == "2024-03-06");
  CHECK_FALSE(only("이날", std::nullopt).resolved);
}

TEST_CASE("dates that cannot exist are flagged", "[date]") {
  DateExpr d = only("2월 30일");
  CHECK(d.invalid);
  CHECK_FALSE(d.resolved);
  CHECK(only("13월").invalid);
  CHECK(only("4월 31일").invalid);
  CHECK(only("2023년 2월 29일").invalid);
  CHECK_FALSE(only("2024년 2월 29일").invalid);
  CHECK(only("지난달 30일").invalid);  // February 2024 has 29 days
  CHECK(only("2월 29일", CivilDate{2025, 3, 1}).invalid);
  CHECK_FALSE(only("2월 29일", std::nullopt).invalid);
}

TEST_CASE("ranges give one expression per date", "[date]") {
  std::vector<DateExpr> dates = find_dates("4월 7~8일 휴무", kPublished);
  REQUIRE(dates.size() == 2);
  CHECK(dates[0].month == 4);
  CHECK(dates[0].day == 7);
  CHECK(dates[1].month == 4);
  CHECK(dates[1].day == 8);
  CHECK(dates[1].resolved->iso() == "2024-04-08");

  dates = find_dates("지난달 11∼29일", kPublished);
  REQUIRE(dates.size() == 2);
  CHECK(dates[0].resolved->iso() == "2024-02-11");
  CHECK(dates[1].resolved->iso() == "2024-02-29");
  CHECK(dates[1].relative == "지난달");

  CHECK(spans("9∼10월 사이") == std::vector<std::string>{"9", "10월"});
  CHECK(spans("2019~2020년") == std::vector<std::string>{"2019", "2020년"});
  CHECK(spans("2006.7.~2007.6.") == std::vector<std::string>{"2006.7.", "2007.6."});
  CHECK(spans("16(일)~18일(화)") == std::vector<std::string>{"16(일)", "18일(화)"});
}

TEST_CASE("years alone", "[date]") {
  const DateExpr d = only("2024년 예산");
  CHECK(d.year == 2024);
  CHECK_FALSE(d.month);
  CHECK_FALSE(d.resolved);
  CHECK(only("1990년생").year == 1990);
  CHECK(only("2020년 전후").year == 2020);
}

TEST_CASE("durations, counts and other non-dates yield nothing", "[date]") {
  CHECK(find_dates("5일간 열린다", kPublished).empty());
  CHECK(find_dates("5일 동안", kPublished).empty());
  CHECK(find_dates("30일 만에 복귀", kPublished).empty());
  CHECK(find_dates("3일 연속 하락", kPublished).empty());
  CHECK(find_dates("5일 전에 예약", kPublished).empty());
  CHECK(find_dates("3일째 농성", kPublished).empty());
  CHECK(find_dates("올림픽 2일차", kPublished).empty());
  CHECK(find_dates("3개월", kPublished).empty());
  CHECK(find_dates("1~2년", kPublished).empty());
  CHECK(find_dates("2024년형 모델", kPublished).empty());
  CHECK(find_dates("1990년대", kPublished).empty());
  CHECK(find_dates("2000년 전 유물", kPublished).empty());
  CHECK(find_dates("30세 남성", kPublished).empty());
  CHECK(find_dates("제5일", kPublished).empty());
  CHECK(find_dates("약 5일", kPublished).empty());
  CHECK(find_dates("최대 30일", kPublished).empty());
  CHECK(find_dates("매년 3월 1일", kPublished).empty());
  CHECK(find_dates("24시간 365일", kPublished).empty());
  CHECK(find_dates("45일", kPublished).empty());
  CHECK(find_dates("버전 2.6.32, 192.168.0.1, 1.2.3", kPublished).empty());
  CHECK(find_dates("수치는 2024.3 수준", kPublished).empty());
  CHECK(find_dates("GPT-4 출시", kPublished).empty());
  CHECK(find_dates("지난 2년간", kPublished).empty());
  CHECK(find_dates("오는 사람", kPublished).empty());
  CHECK(find_dates("오늘날 모레노는 그제야 어제오늘", kPublished).empty());
}

TEST_CASE("a date after a space keeps 전국 and 후보 apart from durations", "[date]") {
  CHECK(spans("5일 전국에서") == std::vector<std::string>{"5일"});
  CHECK(spans("5일 후보 등록") == std::vector<std::string>{"5일"});
}

}  // namespace
}  // namespace factlint::extract
