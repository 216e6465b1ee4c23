// End-to-end tests of the command line: exit codes, error messages, formats and options.

#include <boost/json.hpp>
#include <catch2/catch.hpp>

#include "support.h"

using factlint::test::run_factlint;

namespace {
const std::string kFixtures = FACTLINT_FIXTURES_DIR;
const std::string kDecimal = "한국의 점수는 88,9%였다.\n";
}  // namespace

TEST_CASE("invalid UTF-8 is an error with a position, exit 2, other files still linted", "[cli]") {
  const auto r = run_factlint({"--format", "line", "--lang", "en", "text/invalid-utf8.bin",
                               "number/decimal-separator/fires.txt"},
                              kFixtures);
  CHECK(r.exit_code == 2);
  CHECK(r.err.starts_with("text/invalid-utf8.bin:3:7: error: invalid UTF-8 byte 0xFF\n"));
  CHECK(r.out.find("number/decimal-separator/fires.txt:1:") != std::string::npos);
}

TEST_CASE("a missing file is an error, exit 2", "[cli]") {
  const auto r = run_factlint({"--format", "line", "no-such-file.txt"}, kFixtures);
  CHECK(r.exit_code == 2);
  CHECK(r.err.starts_with("no-such-file.txt:1:1: error: no such file or directory\n"));
}

TEST_CASE("stdin is read with -", "[cli]") {
  const auto r = run_factlint({"--format", "line", "--lang", "en", "-"}, ".", kDecimal);
  CHECK(r.exit_code == 1);
  CHECK(r.out ==
        "-:1:9: warning: decimal point written as a comma: write '88.9%' "
        "[number/decimal-separator]\n");
}

TEST_CASE("the exit code follows --fail-on", "[cli]") {
  CHECK(run_factlint({"--format", "line", "--fail-on", "error", "-"}, ".", kDecimal).exit_code ==
        0);
  CHECK(run_factlint({"--format", "line", "--fail-on", "none", "-"}, ".", kDecimal).exit_code == 0);
  CHECK(run_factlint({"--format", "line", "--fail-on", "info", "-"}, ".", kDecimal).exit_code == 1);
  CHECK(run_factlint({"--format", "line", "-"}, ".", "깨끗한 문장이다.\n").exit_code == 0);
}

TEST_CASE("a rule's severity can be changed or turned off with --rule", "[cli]") {
  auto r = run_factlint({"--format", "line", "--lang", "en", "--rule",
                         "number/decimal-separator=error", "--rule", "duplicate/caption=off", "-"},
                        ".", kDecimal);
  CHECK(r.exit_code == 1);
  CHECK(r.out.find(": error: ") != std::string::npos);
  r = run_factlint({"--format", "line", "--rule", "number/decimal-separator=off", "-"}, ".",
                   kDecimal);
  CHECK(r.exit_code == 0);
  CHECK(r.out.empty());
  r = run_factlint({"--rule", "number/no-such-rule=off", "-"}, ".", kDecimal);
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("unknown rule 'number/no-such-rule'") != std::string::npos);
}

TEST_CASE("usage errors exit 2", "[cli]") {
  CHECK(run_factlint({"--format", "xml", "-"}, ".", kDecimal).exit_code == 2);
  CHECK(run_factlint({"--published", "2024-02-30", "-"}, ".", kDecimal).exit_code == 2);
  CHECK(run_factlint({}, ".").exit_code == 2);
  CHECK(run_factlint({"--version"}, ".").out == std::string("factlint ") + FACTLINT_VERSION + "\n");
}

TEST_CASE("messages follow --lang, then LC_ALL, LC_MESSAGES, LANG", "[cli]") {
  auto r = run_factlint({"--format", "line", "--lang", "ko", "-"}, ".", kDecimal);
  CHECK(r.out.find("소수점은 쉼표가 아니라 마침표로 씁니다: '88.9%'") != std::string::npos);
  const std::string korean = "-:1:9: warning: 소수점은 쉼표가 아니라 마침표로 씁니다: '88.9%'";
  const std::string english = "-:1:9: warning: decimal point written as a comma: write '88.9%'";
  auto out = [&](std::vector<std::string> env, std::vector<std::string> args = {}) {
    args.insert(args.end(), {"--format", "line", "-"});
    return run_factlint(args, ".", kDecimal, env).out;
  };
  CHECK(out({}).starts_with(english));
  CHECK(out({"LANG=ko_KR.UTF-8"}).starts_with(korean));
  CHECK(out({"LC_MESSAGES=ko_KR.UTF-8", "LANG=en_US.UTF-8"}).starts_with(korean));
  CHECK(out({"LC_ALL=en_US.UTF-8", "LC_MESSAGES=ko_KR.UTF-8"}).starts_with(english));
  CHECK(out({"LANG=ko_KR.UTF-8"}, {"--lang", "en"}).starts_with(english));
}

TEST_CASE("a malformed config is path:line:col: error, exit 2", "[cli]") {
  const auto r =
      run_factlint({"--config", "config-errors/bad-severity.toml", "-"}, kFixtures, kDecimal);
  CHECK(r.exit_code == 2);
  CHECK(r.err ==
        "config-errors/bad-severity.toml:3:23: error: rule 'duplicate/caption': "
        "unknown severity 'loud' (expected off, info, warning or error)\n");
  const auto syntax =
      run_factlint({"--config", "config-errors/syntax.toml", "-"}, kFixtures, kDecimal);
  CHECK(syntax.exit_code == 2);
  CHECK(syntax.err.starts_with("config-errors/syntax.toml:2:"));
}

TEST_CASE("json output has positions, related spans and fixes", "[cli][json]") {
  const auto r = run_factlint({"--format", "json", "--lang", "en", "duplicate/caption/fires.txt",
                               "number/decimal-separator/fires.txt"},
                              kFixtures);
  CHECK(r.exit_code == 1);
  const boost::json::value doc = boost::json::parse(r.out);
  CHECK(doc.at("column_unit").as_string() == "unicode_code_points");
  const auto& files = doc.at("files").as_array();
  REQUIRE(files.size() == 2);
  const auto& caption = files[0].at("diagnostics").as_array().at(0).as_object();
  CHECK(caption.at("rule").as_string() == "duplicate/caption");
  CHECK(caption.at("line").as_int64() == 2);
  CHECK(caption.at("column").as_int64() == 1);
  CHECK(caption.at("end_line").as_int64() == 2);
  CHECK(caption.at("end_column").as_int64() == 8);
  CHECK(caption.at("byte_offset").as_int64() == 18);
  CHECK(caption.at("byte_length").as_int64() == 17);
  const auto& related = caption.at("related").as_array().at(0).as_object();
  CHECK(related.at("line").as_int64() == 1);
  CHECK(related.at("message").as_string() == "first written here");
  const auto& decimal = files[1].at("diagnostics").as_array().at(0).as_object();
  const auto& edit = decimal.at("fix").as_array().at(0).as_object();
  CHECK(edit.at("replacement").as_string() == ".");
  CHECK(edit.at("line").as_int64() == 1);
  CHECK(edit.at("column").as_int64() == 20);
  CHECK(edit.at("end_column").as_int64() == 21);
}

TEST_CASE("pretty output aligns the caret by display width", "[cli][pretty]") {
  const auto r =
      run_factlint({"--format", "pretty", "--color", "never", "--lang", "en", "-"}, ".", kDecimal);
  CHECK(r.out ==
        "-:1:9: warning: decimal point written as a comma: write '88.9%' "
        "[number/decimal-separator]\n"
        "1 | 한국의 점수는 88,9%였다.\n"
        "  |               ^~~~~\n"
        "  = help: '88,9%' → '88.9%'\n");
}

TEST_CASE("rules are listed and explained", "[cli]") {
  const auto list = run_factlint({"--list-rules", "--lang", "en"}, ".");
  CHECK(list.exit_code == 0);
  CHECK(list.out.find("number/decimal-separator") != std::string::npos);
  CHECK(list.out.find("duplicate/caption") != std::string::npos);
  const auto page = run_factlint({"--explain", "number/decimal-separator"}, ".");
  CHECK(page.exit_code == 0);
  CHECK(page.out.starts_with("# number/decimal-separator"));
  CHECK(run_factlint({"--explain", "nope/nothing"}, ".").exit_code == 2);
}
