// File-level errors (unreadable, invalid UTF-8, bad config, missing path) in machine formats.

#include <boost/json.hpp>
#include <catch2/catch.hpp>

#include "support.h"

using factlint::test::run_factlint;

namespace {
const std::string kFixtures = FACTLINT_FIXTURES_DIR;
}  // namespace

TEST_CASE("json lists every file-level error in a top-level errors array", "[cli][json]") {
  const auto r = run_factlint({"--format", "json", "--lang", "en", "text/invalid-utf8.bin",
                               "no-such-folder", "number/decimal-separator/silent.txt"},
                              kFixtures);
  CHECK(r.exit_code == 2);
  CHECK(r.out ==
        "{\"tool\":\"factlint\",\"version\":\"" FACTLINT_VERSION
        "\",\"column_unit\":\"unicode_code_points\",\"files\":[\n"
        "{\"path\":\"text/invalid-utf8.bin\",\"error\":{\"line\":3,\"column\":7,"
        "\"message\":\"invalid UTF-8 byte 0xFF\"},\"diagnostics\":[]},\n"
        "{\"path\":\"number/decimal-separator/silent.txt\",\"error\":null,\"diagnostics\":[]}\n"
        "],\"errors\":[\n"
        "{\"path\":\"no-such-folder\",\"line\":1,\"column\":1,"
        "\"message\":\"no such file or directory\"},\n"
        "{\"path\":\"text/invalid-utf8.bin\",\"line\":3,\"column\":7,"
        "\"message\":\"invalid UTF-8 byte 0xFF\"}\n"
        "]}\n");
  const auto clean =
      run_factlint({"--format", "json", "number/decimal-separator/silent.txt"}, kFixtures);
  CHECK(clean.out.ends_with("\n],\"errors\":[]}\n"));
}

TEST_CASE("a bad --config still gives a json document with the error", "[cli][json]") {
  const auto r = run_factlint(
      {"--format", "json", "--config", "config-errors/bad-severity.toml", "-"}, kFixtures, "글\n");
  CHECK(r.exit_code == 2);
  CHECK(r.out ==
        "{\"tool\":\"factlint\",\"version\":\"" FACTLINT_VERSION
        "\",\"column_unit\":\"unicode_code_points\",\"files\":[\n],\"errors\":[\n"
        "{\"path\":\"config-errors/bad-severity.toml\",\"line\":3,\"column\":23,"
        "\"message\":\"rule 'duplicate/caption': unknown severity 'loud' (expected off, info, "
        "warning or error)\"}\n]}\n");
}

TEST_CASE("sarif: file-level errors are tool execution notifications", "[cli][sarif]") {
  const auto r = run_factlint({"--format", "sarif", "--lang", "en", "text/invalid-utf8.bin",
                               "no-such-folder", "number/decimal-separator/silent.txt"},
                              kFixtures);
  CHECK(r.exit_code == 2);
  const auto log = boost::json::parse(r.out);
  const auto& run = log.at("runs").at(0);
  CHECK(run.at("results").as_array().empty());
  CHECK(boost::json::serialize(run.at("invocations")) ==
        "[{\"executionSuccessful\":false,\"toolExecutionNotifications\":["
        "{\"level\":\"error\",\"message\":{\"text\":\"no such file or directory\"},"
        "\"locations\":[{\"physicalLocation\":{\"artifactLocation\":{\"uri\":\"no-such-folder\","
        "\"uriBaseId\":\"SRCROOT\"},\"region\":{\"startLine\":1,\"startColumn\":1}}}]},"
        "{\"level\":\"error\",\"message\":{\"text\":\"invalid UTF-8 byte 0xFF\"},"
        "\"locations\":[{\"physicalLocation\":{\"artifactLocation\":{\"uri\":"
        "\"text/invalid-utf8.bin\",\"uriBaseId\":\"SRCROOT\"},"
        "\"region\":{\"startLine\":3,\"startColumn\":7}}}]}]}]");
  const auto clean =
      run_factlint({"--format", "sarif", "number/decimal-separator/silent.txt"}, kFixtures);
  CHECK_FALSE(boost::json::parse(clean.out).at("runs").at(0).as_object().contains("invocations"));
}

TEST_CASE("sarif: a bad --config is a notification at the config's position", "[cli][sarif]") {
  const auto r = run_factlint(
      {"--format", "sarif", "--config", "config-errors/bad-severity.toml", "-"}, kFixtures, "글\n");
  CHECK(r.exit_code == 2);
  const auto log = boost::json::parse(r.out);
  const auto& run = log.at("runs").at(0);
  const auto& note = run.at("invocations").at(0).at("toolExecutionNotifications").at(0);
  CHECK(boost::json::serialize(note.at("locations")) ==
        "[{\"physicalLocation\":{\"artifactLocation\":{\"uri\":"
        "\"config-errors/bad-severity.toml\",\"uriBaseId\":\"SRCROOT\"},"
        "\"region\":{\"startLine\":3,\"startColumn\":23}}}]");
  CHECK(run.at("invocations").at(0).at("executionSuccessful") == false);
}

TEST_CASE("github: a missing path is an error annotation", "[cli][github]") {
  const auto r = run_factlint({"--format", "github", "no-such-folder"}, kFixtures);
  CHECK(r.exit_code == 2);
  CHECK(r.out ==
        "::error file=no-such-folder,line=1,col=1,title=factlint::no such file or directory\n");
}

TEST_CASE("the summary line counts the files that failed instead of saying no problems", "[cli]") {
  const auto clean = run_factlint(
      {"--lang", "en", "text/invalid-utf8.bin", "number/decimal-separator/silent.txt"}, kFixtures);
  CHECK(clean.exit_code == 2);
  CHECK(clean.err ==
        "text/invalid-utf8.bin:3:7: error: invalid UTF-8 byte 0xFF\n"
        "factlint: no problems in 1 file checked; 1 file failed (errors above)\n");
  const auto none = run_factlint({"--lang", "en", "no-such-folder"}, kFixtures);
  CHECK(none.exit_code == 2);
  CHECK(none.err ==
        "no-such-folder:1:1: error: no such file or directory\n"
        "factlint: nothing checked: 1 file failed (errors above)\n");
  const auto found =
      run_factlint({"--lang", "en", "no-such-folder", "text/invalid-utf8.bin",
                    "number/decimal-separator/fires.txt", "number/decimal-separator/silent.txt"},
                   kFixtures);
  CHECK(found.exit_code == 2);
  CHECK(found.err.ends_with(
      "\nfactlint: 0 errors, 7 warnings in 1 file (2 checked); 2 files failed (errors above)\n"));
  const auto all_good =
      run_factlint({"--lang", "en", "number/decimal-separator/silent.txt"}, kFixtures);
  CHECK(all_good.err == "factlint: no problems (1 file checked)\n");
}

TEST_CASE("the Korean summary line counts the files that failed", "[cli]") {
  const auto clean = run_factlint(
      {"--lang", "ko", "text/invalid-utf8.bin", "number/decimal-separator/silent.txt"}, kFixtures);
  CHECK(clean.err.ends_with(
      "\nfactlint: 검사한 파일 1개에는 문제 없음, 파일 1개는 실패 (위 오류 참고)\n"));
  const auto none = run_factlint({"--lang", "ko", "no-such-folder"}, kFixtures);
  CHECK(none.err.ends_with("\nfactlint: 검사한 파일 없음, 파일 1개는 실패 (위 오류 참고)\n"));
  const auto found = run_factlint(
      {"--lang", "ko", "text/invalid-utf8.bin", "number/decimal-separator/fires.txt"}, kFixtures);
  CHECK(
      found.err.ends_with("\nfactlint: 오류 0개, 경고 7개, 참고 0개 (파일 1개 중 1개), 파일 1개는 "
                          "실패 (위 오류 참고)\n"));
}

TEST_CASE("file-level errors are written in Korean under --lang ko", "[cli]") {
  const auto r =
      run_factlint({"--lang", "ko", "no-such-folder", "text/invalid-utf8.bin"}, kFixtures);
  CHECK(r.exit_code == 2);
  CHECK(r.err ==
        "no-such-folder:1:1: error: 그런 파일이나 폴더가 없습니다\n"
        "text/invalid-utf8.bin:3:7: error: UTF-8로 읽을 수 없는 바이트 0xFF\n"
        "factlint: 검사한 파일 없음, 파일 2개는 실패 (위 오류 참고)\n");
  const auto json = run_factlint({"--format", "json", "--lang", "ko", "no-such-folder"}, kFixtures);
  CHECK(
      json.out.ends_with("\"errors\":[\n{\"path\":\"no-such-folder\",\"line\":1,\"column\":1,"
                         "\"message\":\"그런 파일이나 폴더가 없습니다\"}\n]}\n"));
  const auto config = run_factlint(
      {"--lang", "ko", "--config", "config-errors/bad-severity.toml", "-"}, kFixtures, "글\n");
  CHECK(config.exit_code == 2);
  CHECK(config.err ==
        "config-errors/bad-severity.toml:3:23: error: 규칙 'duplicate/caption': 알 수 없는 수준 "
        "'loud' (off, info, warning, error 중 하나)\n");
  const auto published =
      run_factlint({"--lang", "ko", "--published", "2024-13-01", "-"}, kFixtures, "글\n");
  CHECK(published.exit_code == 2);
  CHECK(published.err ==
        "factlint: error: --published: YYYY-MM-DD 형식의 날짜여야 합니다: '2024-13-01'\n");
}
