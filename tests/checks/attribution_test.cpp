// The attribution checks: unattributed-quote, title-mismatch and name-variant. The articles are
// written for these tests.

#include <catch2/catch.hpp>

#include "check_runner.h"
#include "checks/all_checks.h"

using factlint::Lang;
using factlint::test::run_check;

namespace {
const auto kUnattributed = factlint::make_unattributed_quote_check();
const auto kTitleMismatch = factlint::make_title_mismatch_check();
const auto kNameVariant = factlint::make_attribution_name_variant_check();
}  // namespace

TEST_CASE("a quoted sentence with nobody to say it is reported", "[attribution]") {
  const std::string text =
      "도서관이 야간 개방을 늘린다. “밤늦게 공부할 곳이 생겨서 다행이다.” 연장은 다음 달부터다.\n";
  const auto run = run_check(*kUnattributed, text);
  REQUIRE(run.found.size() == 1);
  CHECK(run.text(run.found[0].span) == "“밤늦게 공부할 곳이 생겨서 다행이다.”");
  CHECK(run.found[0].message ==
        "direct quotation with no speaker in or next to its sentence: say who said it");
  const auto ko = run_check(*kUnattributed, text, "test.txt", Lang::ko);
  REQUIRE(ko.found.size() == 1);
  CHECK(ko.found[0].message == "누가 한 말인지 알 수 없는 직접 인용문: 발화자를 밝히세요");
}

TEST_CASE("attributed speech, terms and headlines are not reported", "[attribution]") {
  const char* silent[] = {
      "도서관장 오세린 씨는 “밤늦게 공부할 곳이 생겼다”고 말했다.\n",
      "도서관이 야간 개방을 늘린다. “밤늦게 공부할 곳이 생겼다.” 이용자 정다온 씨는 이렇게 "
      "말했다.\n",
      "오세린 관장은 기자들과 만났다. “밤늦게 공부할 곳이 생겼다.”\n",
      "도서관은 “책 읽는 밤”이라는 행사를 연다. 소설 “밤의 도서관”도 전시한다.\n",
      "관장 “밤늦게 공부할 곳이 생겼다”\n",
      "그는 올해를 ‘책 읽는 해’로 정했다.\n",
  };
  for (const char* text : silent) {
    INFO(text);
    CHECK(run_check(*kUnattributed, text).found.empty());
  }
}

TEST_CASE("one person with two ranks is reported on the later title", "[attribution]") {
  const std::string text =
      "김도윤 해양수산부 차관은 현장을 찾았다.\n"
      "이어 김도윤 장관은 “예산을 늘리겠다”고 말했다.\n";
  const auto run = run_check(*kTitleMismatch, text);
  REQUIRE(run.found.size() == 1);
  CHECK(run.text(run.found[0].span) == "장관");
  CHECK(run.found[0].message == "김도윤 is '장관' here but '해양수산부 차관' on line 1");
  REQUIRE(run.found[0].related.size() == 1);
  CHECK(run.text(run.found[0].related[0].span) == "해양수산부 차관");
  const auto ko = run_check(*kTitleMismatch, text, "test.txt", Lang::ko);
  REQUIRE(ko.found.size() == 1);
  CHECK(ko.found[0].message ==
        "김도윤의 직함이 1행에서는 '해양수산부 차관', 여기서는 '장관'입니다");
}

TEST_CASE("titles that can both be true are not reported", "[attribution]") {
  const char* silent[] = {
      "김도윤 전 장관은 강연했다. 김도윤 차관 시절의 일이다.\n",
      "정하윤 의원은 법안을 냈다. 정하윤 위원장은 회의를 열었다.\n",
      "김도윤 차관은 현장을 찾았다. 김 장관은 따로 회의를 열었다.\n",
      "김도윤 교수는 발표했다. 김도윤 교수는 토론도 했다.\n",
  };
  for (const char* text : silent) {
    INFO(text);
    CHECK(run_check(*kTitleMismatch, text).found.empty());
  }
}

TEST_CASE("a name spelled two ways is reported where the minority spelling is used",
          "[attribution]") {
  const std::string text =
      "노바텍의 부사장 세르게이 쿠즈네초프는 “수요가 늘고 있다”고 말했다.\n"
      "쿠즈네쵸프 부사장은 “협력을 넓히겠다”고 덧붙였다. 쿠즈네초프 부사장은 면담도 했다.\n";
  const auto run = run_check(*kNameVariant, text);
  REQUIRE(run.found.size() == 1);
  CHECK(run.text(run.found[0].span) == "쿠즈네쵸프");
  CHECK(run.found[0].message ==
        "'쿠즈네쵸프' is spelled '쿠즈네초프' elsewhere (2 uses, first on line 1)");
  REQUIRE(run.found[0].related.size() == 1);
  CHECK(run.text(run.found[0].related[0].span) == "쿠즈네초프");
  const auto ko = run_check(*kNameVariant, text, "test.txt", Lang::ko);
  REQUIRE(ko.found.size() == 1);
  CHECK(ko.found[0].message ==
        "이름 표기가 다릅니다: 여기서는 '쿠즈네쵸프', 1행 등 2곳에서는 '쿠즈네초프'");
}

TEST_CASE("names that differ by more than a wavering sound are two people", "[attribution]") {
  const char* silent[] = {
      "김민수 소장은 “듣겠다”고 말했다. 김민서 박사는 “기대한다”고 말했다.\n",
      "푸틴 대통령은 “답하겠다”고 말했다. 푸친 대통령은 언급하지 않았다.\n",
      "쿠즈네초프 부사장은 “늘고 있다”고 말했다. 쿠즈네쵸프라는 회사도 있다.\n",
  };
  for (const char* text : silent) {
    INFO(text);
    CHECK(run_check(*kNameVariant, text).found.empty());
  }
}
