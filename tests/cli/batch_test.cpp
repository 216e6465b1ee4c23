// `factlint batch`: the JSON Lines contract (docs/batch.md), line by line with exact output.

#include <catch2/catch.hpp>

#include "support.h"

using factlint::test::run_factlint;

namespace {

const std::string kFixtures = FACTLINT_FIXTURES_DIR;

std::string decimal(int column, int offset, const char* kind = "4.5%") {
  return "{\"rule\":\"number/decimal-separator\",\"severity\":\"warning\",\"message\":\"decimal "
         "point written as a comma: write '" +
         std::string(kind) + "'\",\"line\":1,\"column\":" + std::to_string(column) +
         ",\"end_line\":1,\"end_column\":" + std::to_string(column + 4) +
         ",\"byte_offset\":" + std::to_string(offset) +
         ",\"byte_length\":4,\"related\":[],\"fix\":[{\"line\":1,\"column\":" +
         std::to_string(column + 1) +
         ",\"end_line\":1,\"end_column\":" + std::to_string(column + 2) +
         ",\"byte_offset\":" + std::to_string(offset + 1) +
         ",\"byte_length\":1,\"replacement\":\".\"}]}";
}

}  // namespace

TEST_CASE("batch: one result line per article, ids echoed as given", "[cli][batch]") {
  const auto r = run_factlint({"batch", "--lang", "en"}, kFixtures,
                              "{\"id\": 7, \"text\": \"증가율은 4,5%다.\"}\n"
                              "{\"id\": \"기사-2\", \"text\": \"문장.\"}\n"
                              "\n"
                              "{\"id\": {\"desk\": \"경제\", \"n\": 3}, \"text\": \"4,5%\"}\n");
  CHECK(r.exit_code == 1);
  CHECK(r.out == "{\"id\":7,\"diagnostics\":[" + decimal(6, 13) +
                     "]}\n"
                     "{\"id\":\"기사-2\",\"diagnostics\":[]}\n"
                     "{\"id\":{\"desk\":\"경제\",\"n\":3},\"diagnostics\":[" +
                     decimal(1, 0) + "]}\n");
  CHECK(r.err.empty());
}

TEST_CASE("batch: a bad line is reported and the run goes on", "[cli][batch]") {
  const auto r = run_factlint({"batch", "--lang", "en"}, kFixtures,
                              "{\"id\": 1, \"text\": \"문장.\"\n"
                              "{\"id\": 2}\n"
                              "{\"id\": 3, \"text\": \"가\xFF\"}\n"
                              "{\"id\": 4, \"text\": \"x\", \"format\": \"pdf\"}\n"
                              "[5]\n"
                              "{\"id\": 6, \"text\": \"문장.\"}\n");
  CHECK(r.exit_code == 2);
  CHECK(r.out ==
        "{\"error\":{\"line\":1,\"message\":\"malformed JSON: incomplete JSON\"}}\n"
        "{\"id\":2,\"error\":{\"line\":2,\"message\":\"\\\"text\\\" is missing or not a "
        "string\"}}\n"
        "{\"id\":3,\"error\":{\"line\":3,\"message\":\"\\\"text\\\" 1:2: invalid UTF-8 byte "
        "0xFF\"}}\n"
        "{\"id\":4,\"error\":{\"line\":4,\"message\":\"\\\"format\\\" must be \\\"text\\\", "
        "\\\"markdown\\\" or \\\"html\\\"\"}}\n"
        "{\"error\":{\"line\":5,\"message\":\"a line must be a JSON object\"}}\n"
        "{\"id\":6,\"diagnostics\":[]}\n");
  // In parallel the results are the same, in the same order.
  const auto parallel = run_factlint({"batch", "--lang", "en", "-j", "3"}, kFixtures,
                                     "{\"id\": 1, \"text\": \"문장.\"\n"
                                     "{\"id\": 2}\n"
                                     "{\"id\": 3, \"text\": \"가\xFF\"}\n"
                                     "{\"id\": 4, \"text\": \"x\", \"format\": \"pdf\"}\n"
                                     "[5]\n"
                                     "{\"id\": 6, \"text\": \"문장.\"}\n");
  CHECK(parallel.out == r.out);
  CHECK(parallel.exit_code == 2);
  // Errors speak the run's language.
  const auto ko = run_factlint({"batch", "--lang", "ko"}, kFixtures, "{\"id\": 2}\n");
  CHECK(ko.out ==
        "{\"id\":2,\"error\":{\"line\":1,\"message\":\"\\\"text\\\"이 없거나 문자열이 "
        "아닙니다\"}}\n");
}

TEST_CASE("batch: format picks the front end", "[cli][batch]") {
  const auto r = run_factlint(
      {"batch", "--lang", "en"}, kFixtures,
      "{\"id\": \"md\", \"format\": \"markdown\", \"text\": \"`4,5%` 코드\"}\n"
      "{\"id\": \"html\", \"format\": \"html\", \"text\": \"<p title=\\\"4,5%\\\">4,5%</p>\"}\n"
      "{\"id\": \"text\", \"text\": \"<p title=\\\"1\\\">4,5%</p>\"}\n");
  CHECK(r.out ==
        "{\"id\":\"md\",\"diagnostics\":[]}\n"
        "{\"id\":\"html\",\"diagnostics\":[" +
            decimal(17, 16) +
            "]}\n"
            "{\"id\":\"text\",\"diagnostics\":[" +
            decimal(14, 13) + "]}\n");
}

TEST_CASE("batch: published per article, --published as the default", "[cli][batch]") {
  // "내일" on a Monday written as a past event: the date checks need the publication date.
  const std::string text = "내일(3일) 행사가 열렸다.";
  const std::string lines = "{\"id\": 1, \"text\": \"" + text +
                            "\", \"published\": \"2024-03-02\"}\n"
                            "{\"id\": 2, \"text\": \"" +
                            text + "\"}\n";
  const auto given = run_factlint({"batch", "--lang", "en", "--fail-on", "none"}, kFixtures, lines);
  const auto defaulted =
      run_factlint({"batch", "--lang", "en", "--fail-on", "none", "--published", "2024-03-02"},
                   kFixtures, lines);
  CHECK(given.exit_code == 0);
  REQUIRE(given.out.find('\n') != std::string::npos);
  const std::string first = given.out.substr(0, given.out.find('\n'));
  const std::string second = given.out.substr(given.out.find('\n') + 1);
  // The dated article gets date findings; the undated one none, until --published dates it.
  CHECK(first.find("\"rule\":\"date/") != std::string::npos);
  CHECK(second == "{\"id\":2,\"diagnostics\":[]}\n");
  CHECK(defaulted.out.substr(defaulted.out.find('\n') + 1) ==
        "{\"id\":2" + first.substr(first.find(',')) + "\n");
  const auto bad = run_factlint({"batch"}, kFixtures,
                                "{\"id\": 1, \"text\": \"x\", \"published\": \"3월 2일\"}\n");
  CHECK(bad.out ==
        "{\"id\":1,\"error\":{\"line\":1,\"message\":\"\\\"published\\\" must be a date "
        "written YYYY-MM-DD\"}}\n");
}

TEST_CASE("batch: --fail-on and --rule apply as in a normal run", "[cli][batch]") {
  const std::string line = "{\"id\": 1, \"text\": \"증가율은 4,5%다.\"}\n";
  CHECK(run_factlint({"batch", "--fail-on", "error"}, kFixtures, line).exit_code == 0);
  const auto off =
      run_factlint({"batch", "--rule", "number/decimal-separator=off"}, kFixtures, line);
  CHECK(off.exit_code == 0);
  CHECK(off.out == "{\"id\":1,\"diagnostics\":[]}\n");
  const auto unknown = run_factlint({"batch", "--rule", "no/such=off"}, kFixtures, line);
  CHECK(unknown.exit_code == 2);
  CHECK(unknown.out.empty());
}
