#include <catch2/catch.hpp>

#include "check_runner.h"
#include "checks/all_checks.h"

using factlint::test::run_check;

namespace {
const auto kCheck = factlint::make_quote_style_check();
}

TEST_CASE("straight quotes among curly ones are converted by position", "[quote-style]") {
  const auto run = run_check(
      *kCheck, "그는 “좋다”고 했다. 그녀는 \"싫다\"며 떠났다. 그들은 “다시 보자”고 했다.\n");
  REQUIRE(run.found.size() == 1);
  const auto& d = run.found[0];
  CHECK(run.text(d.span) == "\"");
  CHECK(d.message == "\"…\" here but “…” elsewhere in the article (2 times): write “…”");
  REQUIRE(d.related.size() == 1);
  CHECK(run.text(d.related[0].span) == "“");
  CHECK(run.fixed(d) == "그는 “좋다”고 했다. 그녀는 “싫다”며 떠났다. 그들은 “다시 보자”고 했다.\n");
}

TEST_CASE("single and double marks are counted separately", "[quote-style]") {
  const auto run = run_check(*kCheck, "‘가’와 ‘나’는 'AI+ 행동'과 다르다. 그는 \"맞다\"고 했다.\n");
  REQUIRE(run.found.size() == 1);
  CHECK(run.fixed(run.found[0]).starts_with("‘가’와 ‘나’는 ‘AI+ 행동’과"));
}

TEST_CASE("the majority style wins, curly on a tie", "[quote-style]") {
  auto run = run_check(*kCheck, "\"하나\"와 \"둘\"과 “셋”이 있다.\n");
  REQUIRE(run.found.size() == 1);
  CHECK(run.text(run.found[0].span) == "“");
  CHECK(run.fixed(run.found[0]) == "\"하나\"와 \"둘\"과 \"셋\"이 있다.\n");
  run = run_check(*kCheck, "\"하나\"와 “둘”이 있다.\n");
  REQUIRE(run.found.size() == 1);
  CHECK(run.text(run.found[0].span) == "\"");
}

TEST_CASE("a quotation closed with another mark is reported and fixed", "[quote-style]") {
  const auto run = run_check(*kCheck, "시장은 “요금은 올리지 않겠다\"고 약속했다.\n");
  REQUIRE(run.found.size() == 1);
  CHECK(run.found[0].message == "quotation opened with “ but closed with \": write “…”");
  CHECK(run.fixed(run.found[0]) == "시장은 “요금은 올리지 않겠다”고 약속했다.\n");
}

TEST_CASE("no fix where the neighbours contradict the pairing", "[quote-style]") {
  // The straight pair runs from a closing position to the end of the line.
  const auto run = run_check(*kCheck, "“가”라고 했다. 끝났다\" 그리고 \"\n");
  REQUIRE(run.found.size() == 1);
  CHECK(run.found[0].fix.empty());
}

TEST_CASE("apostrophes, primes and one style alone are silent", "[quote-style]") {
  CHECK(run_check(*kCheck, "오닐(O'Neal)은 키 7'1\"이다. 그는 “Don't”라고 했다. ’90년대 스타다.\n")
            .found.empty());
  CHECK(run_check(*kCheck, "\"하나\"와 '둘'이 있다.\n").found.empty());
}

TEST_CASE("quote-style speaks Korean", "[quote-style]") {
  const auto run = run_check(*kCheck, "“가”와 \"나\"가 있다.\n", "test.txt", factlint::Lang::ko);
  REQUIRE(run.found.size() == 1);
  CHECK(run.found[0].message == "기사의 다른 곳에서는 “…”를 씁니다(1회): \"…\" 대신 “…”로 쓰세요");
}
