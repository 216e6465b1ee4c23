#include <catch2/catch.hpp>

#include "check_runner.h"
#include "checks/all_checks.h"

using factlint::test::run_check;

namespace {
const auto kCheck = factlint::make_whitespace_check();
}

TEST_CASE("trailing spaces and runs of spaces are reported with fixes", "[whitespace]") {
  const auto run = run_check(*kCheck, "구청은  공사를 시작했다. \t\n다음 줄.\n");
  REQUIRE(run.found.size() == 2);
  CHECK(run.found[0].message == "2 spaces between words: write one");
  CHECK(run.found[0].severity == factlint::Severity::info);
  CHECK(run.fixed(run.found[0]) == "구청은 공사를 시작했다. \t\n다음 줄.\n");
  CHECK(run.found[1].message == "spaces at the end of the line: delete them");
  CHECK(run.text(run.found[1].span) == " \t");
  CHECK(run.fixed(run.found[1]) == "구청은  공사를 시작했다.\n다음 줄.\n");
}

TEST_CASE("indentation and tab alignment are left alone", "[whitespace]") {
  CHECK(run_check(*kCheck, "    들여쓴 줄.\n\t탭 들여쓰기.\n항목\t\t금액\n항목 \t 금액\n")
            .found.empty());
}

TEST_CASE("a line of only spaces is reported whole", "[whitespace]") {
  const auto run = run_check(*kCheck, "첫 줄.\n   \n끝 줄.\n");
  REQUIRE(run.found.size() == 1);
  CHECK(run.text(run.found[0].span) == "   ");
}

TEST_CASE("Markdown hard breaks and blanked markup are not text", "[whitespace]") {
  CHECK(run_check(*kCheck, "첫 줄.  \n둘째 줄.\n", "article.md").found.empty());
  CHECK(run_check(*kCheck, "첫 줄.  \n둘째 줄.\n", "article.txt").found.size() == 1);
  // **…** and `…` become spaces in the analysis text; only the typed double space counts.
  const auto run = run_check(*kCheck, "점유율은 **4.5%**로 `코드` 뒤  늘었다.\n", "article.md");
  REQUIRE(run.found.size() == 1);
  CHECK(run.found[0].message == "2 spaces between words: write one");
}
