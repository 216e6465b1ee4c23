#include "extract/number.h"

#include <catch2/catch.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace factlint::extract {
namespace {

using Kind = NumberUnitKind;

/// The single number in `text`; fails the test when there is not exactly one.
Number only(std::string_view text) {
  const std::vector<Number> numbers = find_numbers(text);
  INFO("text: " << text);
  REQUIRE(numbers.size() == 1);
  return numbers[0];
}

/// The bytes each number covers, for compact expectations.
std::vector<std::string> spans(std::string_view text) {
  std::vector<std::string> out;
  for (const Number& n : find_numbers(text)) {
    out.emplace_back(text.substr(n.begin, n.end - n.begin));
  }
  return out;
}

TEST_CASE("plain numbers, decimals and thousands separators", "[number]") {
  Number n = only("투표율은 88.9로 집계됐다");
  CHECK(n.value == Approx(88.9));
  CHECK(n.unit.empty());
  CHECK(n.kind == Kind::none);

  n = only("관객 1,000명이 모였다");
  CHECK(n.value == 1000);
  CHECK(n.unit == "명");
  CHECK(n.kind == Kind::count);
  CHECK_FALSE(n.comma_decimal);

  n = only("입장료는 12,345원이다");
  CHECK(n.value == 12345);
  CHECK(n.unit == "원");
  CHECK(n.kind == Kind::currency);
  CHECK_FALSE(n.comma_decimal);

  n = only("가입자는 2,400만 명을 넘었다");
  CHECK(n.value == 24'000'000);
  CHECK(n.unit == "명");

  n = only("총 1,234,567개");
  CHECK(n.value == 1'234'567);
  CHECK(n.unit == "개");
}

TEST_CASE("byte offsets cover prefix, number, unit and suffix", "[number]") {
  const std::string_view text = "조사 대상의 약 30%가 찬성했다";
  const Number n = only(text);
  CHECK(text.substr(n.begin, n.end - n.begin) == "약 30%");
  CHECK(n.begin == std::string_view("조사 대상의 ").size());
  CHECK(n.end == std::string_view("조사 대상의 약 30%").size());

  const std::string_view counted = "지원자는 10여 명에 그쳤다";
  const Number m = only(counted);
  CHECK(counted.substr(m.begin, m.end - m.begin) == "10여 명");

  CHECK(spans("정원의 100명가량, 10% 안팎") == std::vector<std::string>{"100명가량", "10% 안팎"});
}

TEST_CASE("percentages and percentage points", "[number]") {
  CHECK(only("지지율 45%").kind == Kind::percent);
  Number n = only("점유율 31.2％를 기록");
  CHECK(n.unit == "%");
  CHECK(n.value == Approx(31.2));
  n = only("응답자 60퍼센트가");
  CHECK(n.unit == "%");
  CHECK(n.kind == Kind::percent);

  n = only("실업률이 0.3%p 올랐다");
  CHECK(n.unit == "%p");
  CHECK(n.kind == Kind::percent_point);
  CHECK(only("1.5퍼센트포인트 하락").unit == "%p");
  CHECK(only("2%포인트 상승").unit == "%p");

  // 포인트 is a percentage point only after a percentage in the same sentence.
  const std::vector<Number> rates = find_numbers("금리는 3.5%에서 5%로 1.5포인트 올랐다.");
  REQUIRE(rates.size() == 3);
  CHECK(rates[2].unit == "%p");
  CHECK(rates[2].kind == Kind::percent_point);
  const std::vector<Number> index = find_numbers("물가는 2% 올랐다. 코스피는 20포인트 내렸다.");
  REQUIRE(index.size() == 2);
  CHECK(index[1].unit == "포인트");
  CHECK(index[1].kind == Kind::other);
}

TEST_CASE("decimal comma before fraction units only", "[number]") {
  Number n = only("한국은 88,9%의 기술 수준을 보였다");
  CHECK(n.comma_decimal);
  CHECK(n.value == Approx(88.9));
  CHECK(n.unit == "%");

  n = only("매출이 1,5배 늘었다");
  CHECK(n.comma_decimal);
  CHECK(n.value == Approx(1.5));
  CHECK(n.kind == Kind::multiplier);

  CHECK(only("격차는 0,7%p로 줄었다").comma_decimal);
  CHECK_FALSE(only("1,000%").comma_decimal);

  // "2,3개" is "two or three": a list, never a decimal.
  const std::vector<Number> list = find_numbers("사과 2,3개를 샀다");
  REQUIRE(list.size() == 2);
  CHECK(list[0].value == 2);
  CHECK_FALSE(list[0].comma_decimal);
  CHECK(list[1].value == 3);
  CHECK(list[1].unit == "개");
  // A decimal would not end in zero: 20,30% is "20 or 30 percent".
  CHECK(spans("20,30% 수준") == std::vector<std::string>{"20", "30%"});
  CHECK(spans("3,4위전") == std::vector<std::string>{"3", "4위"});
}

TEST_CASE("Korean place values and mixed forms", "[number]") {
  CHECK(only("1조2000억 원").value == 1.2e12);
  CHECK(only("1조 2000억 원").value == 1.2e12);
  CHECK(only("1조 2000억 원").unit == "원");
  CHECK(only("3만5천 명").value == 35'000);
  CHECK(only("1억1천만 달러").value == 110'000'000);
  CHECK(only("1억1천만 달러").unit == "달러");
  CHECK(only("5천만").value == 50'000'000);
  CHECK(only("300만").value == 3'000'000);
  CHECK(only("2억 달러").value == 200'000'000);
  CHECK(only("3천 명").value == 3000);
  CHECK(only("3천500만 원").value == 35'000'000);
  CHECK(only("1억 5,279만원").value == 152'790'000);
  CHECK(only("7천 6백 60만원").value == 76'600'000);
  CHECK(only("1.5억").value == 150'000'000);

  Number n = only("이재민이 10만여 명에 이른다");
  CHECK(n.value == 100'000);
  CHECK(n.approximate);
  CHECK(n.unit == "명");

  n = only("27만 2300여 명이 대피했다");
  CHECK(n.value == 272'300);
  CHECK(n.approximate);

  // After a space a one-digit tail is not part of the amount, and 조 before 항 is an article.
  const std::vector<Number> law = find_numbers("법 2조 1항");
  REQUIRE(law.size() == 2);
  CHECK(law[0].value == 2);
  CHECK(law[0].unit == "조");
  CHECK(law[1].unit == "항");
}

TEST_CASE("approximations", "[number]") {
  Number n = only("약 30%");
  CHECK(n.approximate);
  CHECK(n.value == 30);
  n = only("30여 개국이 참가");
  CHECK(n.approximate);
  CHECK(n.unit == "개국");
  CHECK(n.value == 30);
  CHECK(only("100명가량").approximate);
  CHECK(only("10% 안팎").approximate);
  CHECK(only("3% 정도의 효과").approximate);
  CHECK(only("1년여 만에").approximate);
  CHECK(only("대략 2천 명").approximate);
  // Bounds are not approximations.
  CHECK_FALSE(only("30% 이상").approximate);
  CHECK_FALSE(only("5명 미만").approximate);
}

TEST_CASE("ranges", "[number]") {
  Number n = only("격차를 1~2년 안에 좁힌다");
  CHECK(n.value == 1);
  REQUIRE(n.range_end);
  CHECK(*n.range_end == 2);
  CHECK(n.unit == "년");

  n = only("10∼20%");
  CHECK(n.value == 10);
  CHECK(*n.range_end == 20);
  CHECK(n.kind == Kind::percent);

  n = only("3-4배");
  CHECK(n.kind == Kind::multiplier);
  CHECK(*n.range_end == 4);

  n = only("1∼2%p");
  CHECK(n.unit == "%p");
  CHECK(*n.range_end == 2);

  n = only("10%~20%");
  CHECK(n.value == 10);
  CHECK(*n.range_end == 20);

  // The place value of the upper bound carries to the lower one.
  n = only("1~2만 명");
  CHECK(n.value == 10'000);
  CHECK(*n.range_end == 20'000);
  n = only("1천~2천만 원");
  CHECK(n.value == 10'000'000);
  CHECK(*n.range_end == 20'000'000);

  n = only("약 5 ~ 7개");
  CHECK(n.approximate);
  CHECK(*n.range_end == 7);

  // A hyphen without a unit is a score or a code, not a range.
  CHECK(find_numbers("한국이 3-2로 이겼다").empty());
  CHECK(find_numbers("2023-2024 시즌").empty());
}

TEST_CASE("ordinals", "[number]") {
  Number n = only("미국 제44대 대통령");
  CHECK(n.value == 44);
  CHECK(n.ordinal);
  CHECK(n.kind == Kind::ordinal);
  CHECK(n.unit == "대");

  n = only("44번째 생일");
  CHECK(n.ordinal);
  CHECK(n.unit == "번째");
  CHECK(only("리그 2위").ordinal);
  CHECK(only("제7호 태풍").unit == "호");
  CHECK(only("형법 제 250조").value == 250);
  // 제9조 is article 9, not 9 trillion.
  CHECK(only("제9조의").value == 9);
  CHECK(only("제3세계").unit.empty());
  // 2위원회 is two committees.
  CHECK_FALSE(only("2위원회").ordinal);
}

TEST_CASE("currencies and multipliers", "[number]") {
  CHECK(only("10유로").unit == "유로");
  CHECK(only("500엔").kind == Kind::currency);
  CHECK(only("20위안").unit == "위안");

  Number n = only("기업 가치는 $1.5 billion이다");
  CHECK(n.value == 1.5e9);
  CHECK(n.unit == "달러");
  CHECK(n.kind == Kind::currency);
  CHECK(only("US$ 300").value == 300);

  n = only("3.5배 늘었다");
  CHECK(n.value == Approx(3.5));
  CHECK(n.kind == Kind::multiplier);
}

TEST_CASE("units after a space must end the word", "[number]") {
  CHECK(only("300만 원").unit == "원");
  CHECK(only("3 명이 다쳤다").unit == "명");
  CHECK(only("100 km").unit == "km");
  // "개혁" and "일본" are words, not 개 and 일.
  CHECK(only("3 개혁안").unit.empty());
  CHECK(only("5 일본 기업").unit.empty());
  // 5만 원권 is a banknote: the number stays, the unit does not.
  CHECK(only("5만 원권").unit.empty());
}

TEST_CASE("digits inside names and codes yield nothing", "[number]") {
  CHECK(find_numbers("A380 여객기").empty());
  CHECK(find_numbers("GPT-4를 넘어서는 모델").empty());
  CHECK(find_numbers("IE9와 HTML5").empty());
  CHECK(find_numbers("COVID-19, 코로나-19").empty());
  CHECK(find_numbers("코로나19 확진자").empty());
  CHECK(find_numbers("5G 통신과 3D 프린터").empty());
  CHECK(find_numbers("2024-03-05").empty());
  CHECK(find_numbers("2024.3.5").empty());
  CHECK(find_numbers("010-1234-5678").empty());
  CHECK(find_numbers("오전 7:30, 1/2").empty());
  CHECK(find_numbers("6·25 전쟁").empty());
  CHECK(find_numbers("수천 명, 수십억 원").empty());
}

TEST_CASE("calendar parts are numbers with calendar units", "[number]") {
  CHECK(spans("2024년 3월 5일") == std::vector<std::string>{"2024년", "3월", "5일"});
  CHECK(only("30세").unit == "세");
  CHECK(only("5일간").unit == "일");
}

TEST_CASE("parse_number takes exactly one expression", "[number]") {
  const std::optional<Number> n = parse_number(" 1조 2000억 원 ");
  REQUIRE(n);
  CHECK(n->value == 1.2e12);
  CHECK(n->begin == 1);
  REQUIRE(parse_number("88,9%"));
  CHECK(parse_number("88,9%")->comma_decimal);
  CHECK_FALSE(parse_number(""));
  CHECK_FALSE(parse_number("없음"));
  CHECK_FALSE(parse_number("30% 이상"));
  CHECK_FALSE(parse_number("3명과 4명"));
  // Without a sentence around it 포인트 has no percentage context.
  REQUIRE(parse_number("1.5포인트"));
  CHECK(parse_number("1.5포인트")->unit == "포인트");
}

}  // namespace
}  // namespace factlint::extract
