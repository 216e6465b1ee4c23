#include "config/config.h"

#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "support.h"

using namespace factlint;

namespace {
UserError error_of(std::string_view text) {
  auto parsed = parse_config(text, "cfg.toml");
  REQUIRE(std::holds_alternative<UserError>(parsed));
  return std::get<UserError>(parsed);
}
}  // namespace

TEST_CASE("config: severities and publication date", "[config]") {
  auto parsed = parse_config(
      "published = 2024-03-06\n[rules]\n\"duplicate/paragraph\" = \"off\"\n"
      "\"number/decimal-separator\" = \"error\"\n",
      "cfg.toml");
  REQUIRE(std::holds_alternative<Config>(parsed));
  const Config& c = std::get<Config>(parsed);
  CHECK(c.published == CivilDate{2024, 3, 6});
  REQUIRE(c.rules.count("duplicate/paragraph") == 1);
  CHECK_FALSE(c.rules.at("duplicate/paragraph").has_value());
  CHECK(c.rules.at("number/decimal-separator") == Severity::error);
  auto quoted = parse_config("published = \"2024-02-29\"\n", "cfg.toml");
  CHECK(std::get<Config>(quoted).published == CivilDate{2024, 2, 29});
}

TEST_CASE("config errors carry the position of the offending value", "[config]") {
  UserError e = error_of("[rules]\n\"number/decimal-separatr\" = \"off\"\n");
  CHECK(e.format() ==
        "cfg.toml:2:29: error: unknown rule 'number/decimal-separatr' (see factlint --list-rules)");
  e = error_of("publish = 2024-03-06\n");
  CHECK(e.format() ==
        "cfg.toml:1:11: error: unknown setting 'publish' (expected published, packs, exclude or "
        "rules)");
  e = error_of("published = \"2023-02-29\"\n");
  CHECK(e.format() == "cfg.toml:1:13: error: published: expected a date such as 2024-03-06");
  e = error_of("[rules]\n\"duplicate/caption\" = 3\n");
  CHECK(e.format() ==
        "cfg.toml:2:23: error: rule 'duplicate/caption': expected a string such as \"off\"");
  e = error_of("rules = 1\n");
  CHECK(e.format() == "cfg.toml:1:9: error: rules: expected a table ([rules])");
  e = error_of("[rules\n");
  CHECK(e.position.line == 1);
  CHECK(e.format().starts_with("cfg.toml:1:"));
}

TEST_CASE("the nearest .factlint.toml wins", "[config]") {
  const std::filesystem::path root = test::make_temp_dir("cfg");
  std::filesystem::create_directories(root / "desk" / "politics");
  std::ofstream(root / ".factlint.toml") << "";
  std::ofstream(root / "desk" / ".factlint.toml") << "";
  CHECK(find_config(root / "desk" / "politics") == root / "desk" / ".factlint.toml");
  CHECK(find_config(root) == root / ".factlint.toml");
  std::filesystem::remove_all(root);
}

TEST_CASE("rule overrides from the command line", "[config]") {
  RuleSeverities s;
  CHECK_FALSE(parse_rule_override("duplicate/caption=info", s));
  CHECK(s.at("duplicate/caption") == Severity::info);
  CHECK(
      parse_rule_override("duplicate/caption", s) ==
      std::optional<std::string>("--rule 'duplicate/caption': expected ID=off|info|warning|error"));
  CHECK(parse_rule_override("duplicate/caption=loud", s).has_value());
}
