// Rule packs through the command line: built-in packs found at run time, user packs named by a
// config, pack rule ids in --rule, --list-rules and --explain, and pack errors with exit 2.

#include <catch2/catch.hpp>
#include <string>

#include "support.h"

using factlint::test::run_factlint;

namespace {

const std::string kTestdata = std::string(FACTLINT_SOURCE_DIR) + "/tests/rules/testdata";
const std::string kBuiltin = "FACTLINT_RULES_DIR=" + kTestdata + "/builtin";
const std::string kRocket = "새 로케트가 발사됐다.\n";

}  // namespace

TEST_CASE("built-in packs come from FACTLINT_RULES_DIR", "[cli][packs]") {
  const auto r =
      run_factlint({"--format", "line", "--lang", "en", "-"}, kTestdata, kRocket, {kBuiltin});
  CHECK(r.exit_code == 1);
  CHECK(r.out == "-:1:3: warning: write '로켓', not '로케트' [test/loanword]\n");
  const auto ko =
      run_factlint({"--format", "line", "--lang", "ko", "-"}, kTestdata, kRocket, {kBuiltin});
  CHECK(ko.out == "-:1:3: warning: '로케트' 대신 '로켓'(으)로 씁니다. [test/loanword]\n");
}

TEST_CASE("pack rules take --rule like built-in ones", "[cli][packs]") {
  auto r = run_factlint({"--format", "line", "--rule", "test/loanword=off", "-"}, kTestdata,
                        kRocket, {kBuiltin});
  CHECK(r.exit_code == 0);
  CHECK(r.out.empty());
  r = run_factlint({"--format", "line", "--rule", "test/loanword=error", "-"}, kTestdata, kRocket,
                   {kBuiltin});
  CHECK(r.out.find(": error: ") != std::string::npos);
  r = run_factlint({"--rule", "test/loanwords=off", "-"}, kTestdata, kRocket, {kBuiltin});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("unknown rule 'test/loanwords'") != std::string::npos);
}

TEST_CASE("rule listing and explanations include pack rules", "[cli][packs]") {
  const auto list = run_factlint({"--list-rules", "--lang", "en"}, kTestdata, "", {kBuiltin});
  CHECK(list.exit_code == 0);
  CHECK(list.out.find("test/loanword                warning  A loanword test rule (fixable)\n") !=
        std::string::npos);
  CHECK(list.out.find("number/decimal-separator") != std::string::npos);
  const auto page = run_factlint({"--explain", "test/loanword"}, kTestdata, "", {kBuiltin});
  CHECK(page.exit_code == 0);
  CHECK(page.out.starts_with("# test/loanword\n\n**Default:** warning"));
  CHECK(page.out.find("**Pack:** test-builtin (test.toml)") != std::string::npos);
  CHECK(page.out.find("- 새 로케트가 발사됐다.") != std::string::npos);
  CHECK(page.out.find("## Entries (2)") != std::string::npos);
  CHECK(page.out.find("| 케잌 | 케이크 | word | 외래어 표기법 제1장 제4항 |") != std::string::npos);
  // A config's packs are listed and explained with --config.
  const auto house =
      run_factlint({"--list-rules", "--config", "house/.factlint.toml"}, kTestdata, "", {kBuiltin});
  CHECK(house.out.find("house/banned") != std::string::npos);
  CHECK(run_factlint({"--explain", "house/banned", "--config", "house/.factlint.toml"}, kTestdata,
                     "", {kBuiltin})
            .out.starts_with("# house/banned"));
}

TEST_CASE("a config adds its own packs and sets their severities", "[cli][packs]") {
  // Found as the nearest .factlint.toml of the file.
  auto r = run_factlint({"--format", "line", "--lang", "en", "house/article.txt"}, kTestdata, "",
                        {kBuiltin});
  CHECK(r.exit_code == 1);
  CHECK(r.out ==
        "house/article.txt:1:1: error: do not write '아무튼' in copy [house/banned]\n"
        "house/article.txt:1:7: info: write '로켓', not '로케트' [test/loanword]\n");
  // Given with --config, its pack rules are valid in --rule.
  r = run_factlint(
      {"--format", "line", "--config", "house/.factlint.toml", "--rule", "house/banned=off", "-"},
      kTestdata, "아무튼 좋다.\n", {kBuiltin});
  CHECK(r.exit_code == 0);
  CHECK(r.out.empty());
}

TEST_CASE("pack errors are path:line:col and exit 2", "[cli][packs]") {
  auto r = run_factlint({"-"}, kTestdata, kRocket, {"FACTLINT_RULES_DIR=" + kTestdata + "/broken"});
  CHECK(r.exit_code == 2);
  CHECK(r.err == kTestdata +
                     "/broken/bad.toml:12:42: error: unknown match 'prefix' (expected word, stem, "
                     "exact or anywhere)\n");
  r = run_factlint({"-"}, kTestdata, kRocket, {"FACTLINT_RULES_DIR=/nonexistent/rules"});
  CHECK(r.exit_code == 2);
  CHECK(r.err == "/nonexistent/rules:1:1: error: FACTLINT_RULES_DIR: not a folder of rule packs\n");
  // A config that names a missing pack, or a rule no pack defines.
  r = run_factlint({"--config", "missing-pack.toml", "-"}, kTestdata, kRocket, {kBuiltin});
  CHECK(r.exit_code == 2);
  CHECK(r.err ==
        "missing-pack.toml:2:10: error: cannot read rule pack 'no-such-pack.toml': No such file or "
        "directory\n");
  r = run_factlint({"--config", "unknown-rule.toml", "-"}, kTestdata, kRocket, {kBuiltin});
  CHECK(r.exit_code == 2);
  CHECK(r.err ==
        "unknown-rule.toml:5:24: error: unknown rule 'house/no-such-rule' (see factlint "
        "--list-rules)\n");
  // A user pack may not redefine a rule id.
  r = run_factlint({"--format", "line", "clash/x.txt"}, kTestdata, "", {kBuiltin});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("clash/clash.toml:7:6: error: rule id 'test/loanword' is already defined") !=
        std::string::npos);
}

TEST_CASE("pack errors are in Korean under --lang ko", "[cli][packs]") {
  // A house pack named by the config, with a misspelt key in an entry.
  auto r = run_factlint({"--lang", "ko", "--config", "broken-house/.factlint.toml", "-"}, kTestdata,
                        kRocket, {kBuiltin});
  CHECK(r.exit_code == 2);
  CHECK(r.err ==
        "broken-house/house.toml:13:20: error: 항목에 알 수 없는 키 'mtach' (wrong, right, match, "
        "reference, note, conjugate, skip 중 하나)\n");
  r = run_factlint({"--lang", "en", "--config", "broken-house/.factlint.toml", "-"}, kTestdata,
                   kRocket, {kBuiltin});
  CHECK(r.exit_code == 2);
  CHECK(r.err ==
        "broken-house/house.toml:13:20: error: unknown key 'mtach' in an entry (expected wrong, "
        "right, match, reference, note, conjugate, skip)\n");
}

TEST_CASE("the help line names a repaired particle with the word", "[cli][packs]") {
  const auto r = run_factlint({"--format", "pretty", "--color", "never", "--lang", "en", "-"},
                              kTestdata, kRocket, {kBuiltin});
  CHECK(r.out ==
        "-:1:3: warning: write '로켓', not '로케트' [test/loanword]\n"
        "1 | 새 로케트가 발사됐다.\n"
        "  |    ^~~~~~\n"
        "  = help: '로케트가' → '로켓이'\n");
}
