// `factlint facts`: the numbers and dates of an article as JSON and as a table.

#include <boost/json.hpp>
#include <catch2/catch.hpp>
#include <string>

#include "support.h"

using factlint::test::run_factlint;

namespace {
const std::string kFixtures = FACTLINT_FIXTURES_DIR;
}  // namespace

TEST_CASE("facts as JSON: figures with their subjects", "[facts-cli][facts]") {
  const auto r = run_factlint(
      {"facts", "--format", "json", "fact/superlative-contradiction/fires.txt"}, kFixtures);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const auto root = boost::json::parse(r.out).as_object();
  CHECK(root.at("path") == "fact/superlative-contradiction/fires.txt");
  CHECK(root.at("column_unit") == "unicode_code_points");
  // fixtures/fact/.factlint.toml gives the date.
  CHECK(root.at("published").at("date") == "2024-03-06");
  CHECK(root.at("published").at("source") == "config");
  const auto& numbers = root.at("numbers").as_array();
  REQUIRE(numbers.size() == 9);
  const auto& first = numbers[0].as_object();
  CHECK(first.at("line") == 1);
  CHECK(first.at("column") == 14);
  CHECK(first.at("end_column") == 19);
  CHECK(first.at("text") == "68.4%");
  CHECK(first.at("value").as_double() == 68.4);
  CHECK(first.at("range_end").is_null());
  CHECK(first.at("unit") == "%");
  CHECK(first.at("kind") == "percent");
  CHECK(first.at("approximate") == false);
  CHECK(first.at("subject") == "서울");
  CHECK(numbers[1].at("subject") == "부산");
  CHECK(numbers[3].at("subject") == "한빛전자의 점유율");
  CHECK(numbers[3].at("value") == 31);
  CHECK(numbers[6].at("subject") == "세종");
  // Shortest decimal form, not boost::json's exponent form.
  CHECK(r.out.find("\"value\":68.4,") != std::string::npos);
  CHECK(root.at("dates").as_array().empty());
}

TEST_CASE("facts as JSON: dates resolved against the publication date", "[facts-cli][facts]") {
  const auto r = run_factlint(
      {"facts", "--format", "json", "--published", "2024-03-09", "date/tense/fires.txt"},
      kFixtures);
  REQUIRE(r.exit_code == 0);
  const auto root = boost::json::parse(r.out).as_object();
  // --published wins over the folder's config.
  CHECK(root.at("published").at("date") == "2024-03-09");
  CHECK(root.at("published").at("source") == "option");
  const auto& dates = root.at("dates").as_array();
  REQUIRE(dates.size() == 4);
  CHECK(dates[0].at("text") == "오는 4일");
  CHECK(dates[0].at("relative") == "오는");
  CHECK(dates[0].at("resolved") == "2024-04-04");
  CHECK(dates[1].at("text") == "지난 8일");
  CHECK(dates[1].at("resolved") == "2024-03-08");
  CHECK(dates[2].at("text") == "7일");
  CHECK(dates[2].at("relative").is_null());
  CHECK(dates[2].at("year").is_null());
  CHECK(dates[2].at("day") == 7);
  CHECK(dates[2].at("resolved") == "2024-03-07");
  CHECK(dates[3].at("year") == 2024);
  CHECK(dates[3].at("line") == 4);
  CHECK(dates[3].at("column") == 6);
  CHECK(dates[3].at("invalid") == false);
}

TEST_CASE("facts as a table, with the date from a dateline", "[facts-cli][facts]") {
  const auto r = run_factlint({"facts", "--lang", "en", "published/dateline.txt"}, kFixtures);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out ==
        "published: 2024-03-06 (dateline)\n"
        "\n"
        "numbers (2)\n"
        "  where  written  value  unit  kind   approx  subject\n"
        "  4:9    4일      4      일    other\n"
        "  5:5    5일      5      일    other          정부\n"
        "\n"
        "dates (4)\n"
        "  where  written     resolved    relative  note\n"
        "  2:13   2024.03.06  2024-03-06\n"
        "  2:35   2024.03.07  2024-03-07\n"
        "  4:6    오는 4일    2024-04-04  오는\n"
        "  5:5    5일(수)     2024-03-05            weekday: 수 ≠ 화\n"
        "\n"
        "quotes (0)\n"
        "  where  quote  speaker  title  verb\n");
}

TEST_CASE("facts without a publication date leaves relative dates open", "[facts-cli][facts]") {
  const auto r = run_factlint({"facts", "--lang", "ko", "-"}, "/", "지난달 28일 발표했다.\n");
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.starts_with("발행일: 알 수 없음 (상대 날짜는 풀지 않음)\n"));
  CHECK(r.out.find("\n  1:1   지난달 28일        지난달\n") != std::string::npos);
}

TEST_CASE("facts usage and input errors exit 2", "[facts-cli][facts]") {
  CHECK(run_factlint({"facts"}, kFixtures).exit_code == 2);
  CHECK(run_factlint({"facts", "--format", "xml", "published/dateline.txt"}, kFixtures).exit_code ==
        2);
  const auto bad_date = run_factlint({"facts", "--published", "2024-13-01", "-"}, kFixtures);
  CHECK(bad_date.exit_code == 2);
  CHECK(bad_date.err == "factlint: error: --published: expected YYYY-MM-DD, got '2024-13-01'\n");
  const auto missing = run_factlint({"facts", "no-such-file.txt"}, kFixtures);
  CHECK(missing.exit_code == 2);
  CHECK(missing.err.starts_with("no-such-file.txt:1:1: error: "));
}

TEST_CASE("facts lists quotes with speaker, title and verb", "[facts][quote]") {
  const auto r = factlint::test::run_factlint(
      {"facts", "--format", "json", "-"}, ".",
      "한빛연구소 소장인 김민수 박사는 “내년에는 격차를 줄일 수 있다”고 말했다.\n");
  REQUIRE(r.exit_code == 0);
  const auto quotes = boost::json::parse(r.out).at("quotes").as_array();
  REQUIRE(quotes.size() == 1);
  CHECK(quotes[0].at("text").as_string() == "내년에는 격차를 줄일 수 있다");
  CHECK(quotes[0].at("speaker").as_string() == "김민수");
  CHECK(quotes[0].at("verb").as_string() == "말했다");
  CHECK(quotes[0].at("line").as_int64() == 1);
}
