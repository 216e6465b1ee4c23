#include <catch2/catch.hpp>

#include "check_runner.h"
#include "checks/all_checks.h"

using factlint::test::run_check;

namespace {
const auto kCheck = factlint::make_unbalanced_quote_check();
}

TEST_CASE("an opening mark never closed in its paragraph is reported", "[unbalanced-quote]") {
  const auto run =
      run_check(*kCheck, "위원장은 “결정은 번복되지 않는다고 말했다.\n\n다음 문단이다.\n");
  REQUIRE(run.found.size() == 1);
  CHECK(run.text(run.found[0].span) == "“");
  CHECK(run.found[0].message ==
        "“ opened here is never closed in its paragraph: add ” where the quotation ends");
  CHECK(run.found[0].fix.empty());
}

TEST_CASE("a quotation re-opened in the next paragraph continues", "[unbalanced-quote]") {
  CHECK(
      run_check(*kCheck, "“첫 문단이다.\n\n“둘째 문단이다.\n\n“셋째에서 닫는다.”\n").found.empty());
  CHECK(run_check(*kCheck, "‘첫 줄이다.\n‘둘째 줄에서 닫는다.’\n").found.empty());
  CHECK(run_check(*kCheck, "그는 “이 인용은 줄이\n바뀌어도 이어진다”고 했다.\n").found.empty());
  // The last paragraph must close it.
  CHECK(run_check(*kCheck, "“첫 문단이다.\n\n“둘째 문단도 닫지 않는다.\n").found.size() == 1);
}

TEST_CASE("a straight mark without a partner is reported where the pairing breaks",
          "[unbalanced-quote]") {
  const std::string text =
      "그는 \"아니다\"라고 했고 \"청와대를 돌려드린 뒤 그러면서, \"국익이 있다\"고 말했다.\n";
  const auto run = run_check(*kCheck, text);
  REQUIRE(run.found.size() == 1);
  CHECK(run.found[0].span.begin == text.find("\"청와대"));
  CHECK(run.found[0].message ==
        "this \" has no partner in its paragraph: add the closing mark or delete it");
}

TEST_CASE("straight single marks, apostrophes and mixed pairs are not reported",
          "[unbalanced-quote]") {
  CHECK(run_check(*kCheck, "존스(Jones')의 'rock 발언과 ’90년대 이야기.\n").found.empty());
  CHECK(run_check(*kCheck, "그는 “요금은 동결한다\"고 했다.\n").found.empty());
  CHECK(run_check(*kCheck, "키 5'11\"의 선수.\n").found.empty());
}

TEST_CASE("unbalanced-quote speaks Korean", "[unbalanced-quote]") {
  const auto run =
      run_check(*kCheck, "그는 ‘최후 통첩을 말했다.\n", "test.txt", factlint::Lang::ko);
  REQUIRE(run.found.size() == 1);
  CHECK(run.found[0].message ==
        "여기서 연 따옴표(‘)를 문단이 끝나도록 닫지 않았습니다: 인용이 끝나는 곳에 ’를 넣으세요");
}
