// The CI formats: SARIF structure and fingerprints, GitHub annotation escaping, reviewdog's
// byte columns. (tests/validate-sarif.sh runs Microsoft's validator over the SARIF.)

#include <boost/json.hpp>
#include <catch2/catch.hpp>

#include "support.h"

using factlint::test::run_factlint;

namespace {
const std::string kFixtures = FACTLINT_FIXTURES_DIR;
}  // namespace

TEST_CASE("sarif: rules, code-point regions, fixes and stable fingerprints", "[cli][sarif]") {
  const auto r =
      run_factlint({"--format", "sarif", "--lang", "en", "duplicate/caption/fires.txt"}, kFixtures);
  CHECK(r.exit_code == 1);
  const auto log = boost::json::parse(r.out).as_object();
  CHECK(log.at("version").as_string() == "2.1.0");
  const auto& run = log.at("runs").as_array().at(0).as_object();
  CHECK(run.at("columnKind").as_string() == "unicodeCodePoints");
  const auto& rules = run.at("tool").at("driver").at("rules").as_array();
  bool caption_rule = false;
  for (const auto& rule : rules) {
    if (rule.at("id").as_string() != "duplicate/caption") continue;
    caption_rule = true;
    CHECK(rule.at("helpUri").as_string().ends_with("docs/checks/duplicate/caption.md"));
    CHECK(rule.at("help").at("markdown").as_string().starts_with("# duplicate/caption"));
  }
  CHECK(caption_rule);
  const auto& results = run.at("results").as_array();
  REQUIRE(results.size() == 2);
  const auto& first = results[0].as_object();
  CHECK(first.at("ruleId").as_string() == "duplicate/caption");
  CHECK(first.at("level").as_string() == "warning");
  const auto& location = first.at("locations").at(0).at("physicalLocation");
  CHECK(location.at("artifactLocation").at("uri").as_string() == "duplicate/caption/fires.txt");
  CHECK(location.at("region").at("startLine").as_int64() == 2);
  CHECK(location.at("region").at("endColumn").as_int64() == 8);
  CHECK(first.at("relatedLocations").at(0).at("physicalLocation").at("region").at("startLine") ==
        1);
  CHECK(first.at("fixes")
            .at(0)
            .at("artifactChanges")
            .at(0)
            .at("replacements")
            .at(0)
            .at("insertedContent")
            .at("text")
            .as_string()
            .empty());
  // The fingerprint depends on the text, not the line: the same run gives the same value and
  // the two different captions differ.
  const auto again = boost::json::parse(
      run_factlint({"--format", "sarif", "duplicate/caption/fires.txt"}, kFixtures).out);
  const auto fp = [](const boost::json::value& v) {
    return v.at("partialFingerprints").at("factlintFingerprint/v1").as_string();
  };
  CHECK(fp(results[0]) == fp(again.at("runs").at(0).at("results").at(0)));
  CHECK(fp(results[0]) != fp(results[1]));
}

TEST_CASE("github annotations escape their values", "[cli][github]") {
  const auto r =
      run_factlint({"--format", "github", "--lang", "en", "-"}, ".", "한국의 점수는 88,9%였다.\n");
  CHECK(r.exit_code == 1);
  CHECK(r.out ==
        "::warning file=-,line=1,endLine=1,col=9,endColumn=14,title=number/decimal-separator::"
        "decimal point written as a comma: write '88.9%25'\n");
}

TEST_CASE("rdjsonl columns are UTF-8 bytes and fixes become suggestions", "[cli][rdjsonl]") {
  const auto r =
      run_factlint({"--format", "rdjsonl", "--lang", "en", "-"}, ".", "한국의 점수는 88,9%였다.\n");
  CHECK(r.exit_code == 1);
  const auto d = boost::json::parse(r.out).as_object();
  CHECK(d.at("severity").as_string() == "WARNING");
  CHECK(d.at("code").at("value").as_string() == "number/decimal-separator");
  // "한국의 점수는 " is 6 Hangul syllables (18 bytes) and 2 spaces: the number starts at byte 21.
  CHECK(d.at("location").at("range").at("start").at("column").as_int64() == 21);
  CHECK(d.at("location").at("range").at("end").at("column").as_int64() == 26);
  const auto& suggestion = d.at("suggestions").at(0);
  CHECK(suggestion.at("text").as_string() == ".");
  CHECK(suggestion.at("range").at("start").at("column").as_int64() == 23);
  CHECK(suggestion.at("range").at("end").at("column").as_int64() == 24);
}

TEST_CASE("sarif and json are written as they go and stay whole documents", "[cli][sarif]") {
  // Results are written one at a time and the notifications after them: a run with both, and
  // one with neither, must still parse, with everything in its place.
  const auto both = run_factlint(
      {"--format", "sarif", "--lang", "en", "duplicate/caption/fires.txt", "no-such-file.txt"},
      kFixtures);
  CHECK(both.exit_code == 2);
  const auto log = boost::json::parse(both.out).as_object();
  const auto& run = log.at("runs").as_array().at(0).as_object();
  CHECK(run.at("results").as_array().size() == 2);
  const auto& notes = run.at("invocations").at(0).at("toolExecutionNotifications").as_array();
  REQUIRE(notes.size() == 1);
  CHECK(notes[0]
            .at("locations")
            .at(0)
            .at("physicalLocation")
            .at("artifactLocation")
            .at("uri")
            .as_string() == "no-such-file.txt");

  const auto none = run_factlint({"--format", "sarif", "no-such-file.txt"}, kFixtures);
  CHECK(none.exit_code == 2);
  const auto empty = boost::json::parse(none.out).as_object();
  CHECK(empty.at("runs").at(0).at("results").as_array().empty());

  const auto json = run_factlint(
      {"--format", "json", "--lang", "en", "duplicate/caption/fires.txt", "no-such-file.txt"},
      kFixtures);
  CHECK(json.exit_code == 2);
  const auto doc = boost::json::parse(json.out).as_object();
  const auto& files = doc.at("files").as_array();
  REQUIRE(files.size() == 1);
  CHECK(files[0].at("path").as_string() == "duplicate/caption/fires.txt");
  CHECK(files[0].at("diagnostics").as_array().size() == 2);
  CHECK(doc.at("errors").as_array().size() == 1);
}

TEST_CASE("with --diff the diff is printed alone, whatever the format", "[cli][fix]") {
  for (const char* format : {"json", "sarif", "github", "rdjsonl", "line"}) {
    INFO(format);
    const auto r = run_factlint({"--diff", "--format", format, "sample/article.txt"}, kFixtures);
    CHECK(r.exit_code == 1);  // there are fixes
    CHECK(r.out.starts_with("--- sample/article.txt\n+++ sample/article.txt\n@@ "));
    CHECK(r.out.find("\"tool\"") == std::string::npos);
    CHECK(r.out.find("$schema") == std::string::npos);
    // A file that cannot be read is an error on stderr, not a report on stdout.
    const auto missing =
        run_factlint({"--diff", "--format", format, "no-such-file.txt"}, kFixtures);
    CHECK(missing.exit_code == 2);
    CHECK(missing.out.empty());
    CHECK(missing.err.find("no-such-file.txt") != std::string::npos);
  }
}
