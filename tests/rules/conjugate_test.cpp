// Conjugated forms for `conjugate` entries: contraction of -어/-아 and the past, ㅡ dropping,
// 르 verbs, 하다, stems with a final consonant and ㄹ stems.

#include "rules/conjugate.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

using namespace factlint;

namespace {

/// The forms after the eleven "stem + ending" ones: -어, past, -ㄴ, -ㄹ, -ㅂ.
std::vector<std::string> tail(std::string_view verb, Conjugation kind = Conjugation::regular) {
  const auto forms = conjugate(verb, kind);
  REQUIRE(forms);
  REQUIRE(forms->size() == 16);
  return std::vector<std::string>(forms->begin() + 11, forms->end());
}

using Strings = std::vector<std::string>;

}  // namespace

TEST_CASE("conjugate: contracted forms of vowel stems", "[rules][conjugate]") {
  CHECK(tail("치루다") == Strings{"치뤄", "치뤘", "치룬", "치룰", "치룹"});
  CHECK(tail("치르다") == Strings{"치러", "치렀", "치른", "치를", "치릅"});
  CHECK(tail("덧붙이다") == Strings{"덧붙여", "덧붙였", "덧붙인", "덧붙일", "덧붙입"});
  CHECK(tail("보다") == Strings{"봐", "봤", "본", "볼", "봅"});
  CHECK(tail("되다") == Strings{"돼", "됐", "된", "될", "됩"});
  CHECK(tail("삼가다") == Strings{"삼가", "삼갔", "삼간", "삼갈", "삼갑"});
  CHECK(tail("하다") == Strings{"해", "했", "한", "할", "합"});
  CHECK(tail("담그다") == Strings{"담가", "담갔", "담근", "담글", "담급"});
  CHECK(tail("부르다", Conjugation::reu) == Strings{"불러", "불렀", "부른", "부를", "부릅"});
}

TEST_CASE("conjugate: stems with a final consonant", "[rules][conjugate]") {
  CHECK(tail("먹다") == Strings{"먹어", "먹었", "먹은", "먹을", "먹습"});
  CHECK(tail("잡다") == Strings{"잡아", "잡았", "잡은", "잡을", "잡습"});
  CHECK(tail("만들다") == Strings{"만들어", "만들었", "만든", "만들", "만듭"});
}

TEST_CASE("conjugate: the stem before endings that leave it alone", "[rules][conjugate]") {
  const auto forms = conjugate("치루다", Conjugation::regular);
  REQUIRE(forms);
  CHECK((*forms)[0] == "치루고");
  CHECK((*forms)[10] == "치루도록");
  CHECK_FALSE(conjugate("치루", Conjugation::regular));
  CHECK_FALSE(conjugate("GPT다", Conjugation::regular));
  CHECK_FALSE(conjugate("다", Conjugation::regular));
}
