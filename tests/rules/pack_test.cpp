// Loading rule packs: a valid pack, and every mistake reported as path:line:col with a message
// that says what to write instead.

#include "rules/pack.h"

#include <catch2/catch.hpp>
#include <string>

#include "checks/registry.h"

using namespace factlint;

namespace {

const std::string kHeader = R"([pack]
id = "house"
language = "ko"
description = { ko = "시험용 팩", en = "A test pack" }
)";

const std::string kRule = R"(
[[rule]]
id = "house/loanword"
kind = "substitution"
severity = "warning"
message = { ko = "'{wrong}' 대신 '{right}'", en = "write '{right}' for '{wrong}'" }
entries = [
  { wrong = "제미니", right = "제미나이" },
]
)";

Pack parse(const std::string& text) {
  auto parsed = parse_pack(text, "house.toml");
  if (auto* error = std::get_if<UserError>(&parsed)) FAIL(error->format());
  return std::get<Pack>(std::move(parsed));
}

std::string error_of(const std::string& text) {
  auto parsed = parse_pack(text, "house.toml");
  REQUIRE(std::holds_alternative<UserError>(parsed));
  return std::get<UserError>(parsed).format();
}

UserError user_error(const std::string& text) {
  auto parsed = parse_pack(text, "house.toml");
  REQUIRE(std::holds_alternative<UserError>(parsed));
  return std::get<UserError>(parsed);
}

/// kHeader + kRule with `from` replaced by `to` in the rule.
std::string with(const std::string& from, const std::string& to) {
  std::string rule = kRule;
  const std::size_t at = rule.find(from);
  REQUIRE(at != std::string::npos);
  rule.replace(at, from.size(), to);
  return kHeader + rule;
}

}  // namespace

TEST_CASE("a pack loads with defaults filled in", "[rules][pack]") {
  const Pack pack = parse(kHeader + R"(
[[rule]]
id = "house/banned"
kind = "existence"
severity = "info"
message = { ko = "'{wrong}' 금지", en = "'{wrong}' is banned" }
reference = "사내 표기 원칙 3조"
fires = ["이 표현은 쓰지 맙시다."]
silent = ["다른 표현을 씁시다."]
entries = [
  { wrong = "  몇   일 ", match = "anywhere", note = { ko = "메모", en = "note" } },
  { wrong = "오픈 AI", right = "오픈AI", reference = "회사 공식 표기" },
]
)");
  CHECK(pack.id == "house");
  CHECK(pack.language == "ko");
  CHECK(pack.description.en == "A test pack");
  CHECK_FALSE(pack.particles.has_value());
  REQUIRE(pack.rules.size() == 1);
  const PackRule& rule = pack.rules[0];
  CHECK(rule.id == "house/banned");
  CHECK(rule.kind == RuleKind::existence);
  CHECK(rule.severity == Severity::info);
  CHECK(rule.position == Position{7, 6});
  CHECK(rule.reference == "사내 표기 원칙 3조");
  REQUIRE(rule.fires.size() == 1);
  CHECK(rule.fires[0].position.line == 12);
  REQUIRE(rule.entries.size() == 2);
  CHECK(rule.entries[0].wrong == "몇 일");  // White space collapsed and trimmed.
  CHECK(rule.entries[0].match == MatchMode::anywhere);
  CHECK(rule.entries[0].note.ko == "메모");
  CHECK(rule.entries[1].match == MatchMode::word);  // The default.
  CHECK(rule.entries[1].right == "오픈AI");         // A suggestion for an existence rule.
  CHECK(pack.summary(rule).ko == "시험용 팩");      // No rule description: the pack's.
}

TEST_CASE("pack text is normalized to NFC", "[rules][pack]") {
  // 덧 as three conjoining jamo.
  const Pack pack = parse(with("제미니", "\xE1\x84\x83\xE1\x85\xA5\xE1\x86\xBA붙혔"));
  CHECK(pack.rules[0].entries[0].wrong == "덧붙혔");
}

TEST_CASE("particles may be set per pack", "[rules][pack]") {
  std::string header = kHeader;
  header.insert(header.find("description"), "particles = [\"는\", \"가\"]\n");
  const Pack pack = parse(header + kRule);
  REQUIRE(pack.particles.has_value());
  CHECK(*pack.particles == std::vector<std::string>{"는", "가"});
}

TEST_CASE("pack errors say path:line:col", "[rules][pack]") {
  // TOML syntax.
  CHECK(error_of("[pack\n").starts_with("house.toml:1:"));
  CHECK(error_of(kHeader + "[[rule]]\nid = \"a/b\"\nkind = \n") ==
        "house.toml:7:8: error: Error while parsing key-value pair: expected value, saw '\\n'");
  // Structure.
  CHECK(error_of(kRule) == "house.toml:1:1: error: missing key 'pack' in [pack]");
  CHECK(error_of(kHeader) == "house.toml:1:1: error: a pack needs at least one [[rule]]");
  CHECK(error_of("rules = 1\n" + kHeader + kRule) ==
        "house.toml:1:1: error: unknown key 'rules' at the top of a pack (expected pack, rule)");
  // A key after [pack] belongs to [pack], as TOML has it.
  CHECK(error_of(kHeader + "rules = 1\n" + kRule) ==
        "house.toml:5:1: error: unknown key 'rules' in [pack] (expected id, language, "
        "description, particles)");
  CHECK(error_of("[pack]\nid = \"x\"\n" + kRule) ==
        "house.toml:1:1: error: missing key 'language' in [pack]");
  CHECK(error_of(kHeader + "[[rule]]\nid = \"a/b\"\n") ==
        "house.toml:5:1: error: missing key 'kind' in [[rule]] 'a/b'");
  // Unknown keys and values.
  CHECK(error_of(with("severity = \"warning\"", "severity = \"warning\"\nlevel = 2")) ==
        "house.toml:10:1: error: unknown key 'level' in [[rule]] (expected id, kind, severity, "
        "message, description, reference, fires, silent, entries)");
  CHECK(error_of(with("\"substitution\"", "\"replace\"")) ==
        "house.toml:8:8: error: unknown kind 'replace' (expected substitution, existence, "
        "consistency or spacing)");
  CHECK(error_of(with("\"warning\"", "\"loud\"")) ==
        "house.toml:9:12: error: unknown severity 'loud' (expected error, warning or info)");
  CHECK(error_of(with("right = \"제미나이\" }", "right = \"제미나이\", match = \"prefix\" }")) ==
        "house.toml:12:44: error: unknown match 'prefix' (expected word, stem, exact or anywhere)");
  CHECK(error_of(with("right = \"제미나이\" }", "right = \"제미나이\", mtach = \"word\" }")) ==
        "house.toml:12:36: error: unknown key 'mtach' in an entry (expected wrong, right, match, "
        "reference, note, conjugate, skip)");
  CHECK(error_of(with("{wrong}' 대신", "{wrnog}' 대신")) ==
        "house.toml:10:11: error: message: unknown placeholder '{wrnog}' (expected {wrong} or "
        "{right})");
  CHECK(error_of(with("en = \"write", "\"en\" = 3, zh = \"write")) ==
        "house.toml:10:54: error: unknown key 'zh' in message (expected ko, en)");
  CHECK(error_of(with(", en = \"write '{right}' for '{wrong}'\"", "")) ==
        "house.toml:10:11: error: missing key 'en' in message");
  // Ids.
  CHECK(error_of(with("house/loanword", "Loanword")) ==
        "house.toml:7:6: error: rule id 'Loanword': expected category/name in lowercase letters, "
        "digits and '-' (e.g. spelling/verb-conjugation)");
  CHECK(error_of(kHeader + kRule + kRule) ==
        "house.toml:16:6: error: duplicate rule id 'house/loanword' (first defined at line 7)");
  // Entries.
  CHECK(
      error_of(with("{ wrong = \"제미니\", right = \"제미나이\" }", "{ right = \"제미나이\" }")) ==
      "house.toml:12:3: error: entry without 'wrong'");
  CHECK(error_of(with(", right = \"제미나이\"", "")) ==
        "house.toml:12:3: error: entry '제미니' without 'right'");
  CHECK(error_of(with("right = \"제미나이\"", "right = \"제미니\"")) ==
        "house.toml:12:28: error: right: same as wrong");
  CHECK(error_of(with("wrong = \"제미니\"", "wrong = \"  \"")) ==
        "house.toml:12:13: error: wrong: must not be empty");
  CHECK(error_of(kHeader + kRule.substr(0, kRule.find("entries")) + "entries = []\n") ==
        "house.toml:11:11: error: entries: expected a non-empty array of { wrong = ..., ... } "
        "tables");
  CHECK(error_of(with("  { wrong = \"제미니\", right = \"제미나이\" },",
                      "  { wrong = \"제미니\", right = \"제미나이\" },\n"
                      "  { wrong = \"제미니\", right = \"재미나이\" },")) ==
        "house.toml:13:3: error: duplicate entry '제미니' in rule 'house/loanword'");
}

TEST_CASE("pack errors have a Korean message too", "[rules][pack]") {
  // Keys, ids and TOML syntax stay as written; `message` stays English.
  UserError e = user_error(with("severity = \"warning\"", "severity = \"warning\"\nlevel = 2"));
  CHECK(e.text(Lang::ko) ==
        "[[rule]]에 알 수 없는 키 'level' (id, kind, severity, message, description, reference, "
        "fires, silent, entries 중 하나)");
  CHECK(e.message ==
        "unknown key 'level' in [[rule]] (expected id, kind, severity, message, description, "
        "reference, fires, silent, entries)");
  CHECK(e.format(Lang::ko) ==
        "house.toml:10:1: error: [[rule]]에 알 수 없는 키 'level' (id, kind, severity, message, "
        "description, reference, fires, silent, entries 중 하나)");
  CHECK(e.text(Lang::en) == e.message);
  e = user_error(with("en = \"write", "\"en\" = 3, zh = \"write"));
  CHECK(e.text(Lang::ko) == "message에 알 수 없는 키 'zh' (ko, en 중 하나)");
  CHECK(e.message == "unknown key 'zh' in message (expected ko, en)");
  // Missing keys.
  e = user_error("[pack]\nid = \"x\"\n" + kRule);
  CHECK(e.text(Lang::ko) == "[pack]에 'language' 키가 없습니다");
  CHECK(e.message == "missing key 'language' in [pack]");
  e = user_error(kHeader + "[[rule]]\nid = \"a/b\"\n");
  CHECK(e.text(Lang::ko) == "[[rule]] 'a/b'에 'kind' 키가 없습니다");
  CHECK(e.message == "missing key 'kind' in [[rule]] 'a/b'");
  // Values.
  e = user_error(with("\"warning\"", "\"loud\""));
  CHECK(e.text(Lang::ko) == "severity: 알 수 없는 수준 'loud' (error, warning, info 중 하나)");
  CHECK(e.message == "unknown severity 'loud' (expected error, warning or info)");
  e = user_error(with("{wrong}' 대신", "{wrnog}' 대신"));
  CHECK(e.text(Lang::ko) == "message: 알 수 없는 자리 표시자 '{wrnog}' ({wrong}, {right} 중 하나)");
  // Ids.
  e = user_error(kHeader + kRule + kRule);
  CHECK(e.text(Lang::ko) == "규칙 id 'house/loanword': 7행에 이미 정의되어 있습니다");
  CHECK(e.message == "duplicate rule id 'house/loanword' (first defined at line 7)");
  e = user_error(with("house/loanword", "Loanword"));
  CHECK(e.text(Lang::ko) ==
        "규칙 id 'Loanword': 영문 소문자, 숫자, '-'로 된 category/name 형식이어야 합니다 (예: "
        "spelling/verb-conjugation)");
  // Entries.
  e = user_error(with(", right = \"제미나이\"", ""));
  CHECK(e.format(Lang::ko) == "house.toml:12:3: error: 항목 '제미니'에 'right' 키가 없습니다");
  CHECK(e.message == "entry '제미니' without 'right'");
  e = user_error(with("right = \"제미나이\" }", "right = \"제미나이\", match = \"prefix\" }"));
  CHECK(e.text(Lang::ko) == "match: 알 수 없는 값 'prefix' (word, stem, exact, anywhere 중 하나)");
  e = user_error(with("right = \"제미나이\"", "right = \"제미니\""));
  CHECK(e.text(Lang::ko) == "right: wrong과 같습니다");
  CHECK(e.message == "right: same as wrong");
  e = user_error(with("  { wrong = \"제미니\", right = \"제미나이\" },",
                      "  { wrong = \"제미니\", right = \"제미나이\" },\n"
                      "  { wrong = \"제미니\", right = \"재미나이\" },"));
  CHECK(e.text(Lang::ko) == "항목 '제미니': 규칙 'house/loanword'에 이미 있습니다");
  CHECK(e.message == "duplicate entry '제미니' in rule 'house/loanword'");
  // TOML syntax: toml++'s description stays English.
  e = user_error(kHeader + "[[rule]]\nid = \"a/b\"\nkind = \n");
  CHECK(e.format(Lang::ko) ==
        "house.toml:7:8: error: TOML 문법 오류: Error while parsing key-value pair: expected "
        "value, saw '\\n'");
  CHECK(e.message == "Error while parsing key-value pair: expected value, saw '\\n'");
}

TEST_CASE("an existence rule that shows {right} needs it in every entry", "[rules][pack]") {
  const std::string rule = R"(
[[rule]]
id = "house/banned"
kind = "existence"
severity = "info"
message = { ko = "'{wrong}' 대신 '{right}' 등", en = "consider '{right}' for '{wrong}'" }
entries = [
  { wrong = "회의를 갖" },
]
)";
  CHECK(error_of(kHeader + rule) == "house.toml:12:3: error: entry '회의를 갖' without 'right'");
}

TEST_CASE("rule ids are unique across packs and built-in rules", "[rules][pack]") {
  const Pack first = parse(kHeader + kRule);
  Pack second = first;
  second.path = "other.toml";
  const RuleCatalog builtin;
  CHECK_FALSE(check_unique_ids({&first}, builtin));
  auto error = check_unique_ids({&first, &second}, builtin);
  REQUIRE(error);
  CHECK(error->format() ==
        "other.toml:7:6: error: rule id 'house/loanword' is already defined in house.toml");
  Pack clash = parse(with("house/loanword", "number/decimal-separator"));
  error = check_unique_ids({&clash}, builtin);
  REQUIRE(error);
  CHECK(error->format() ==
        "house.toml:7:6: error: rule id 'number/decimal-separator' is already defined");
  CHECK(error->text(Lang::ko) == "규칙 id 'number/decimal-separator': 이미 정의되어 있습니다");
  error = check_unique_ids({&first, &second}, builtin);
  REQUIRE(error);
  CHECK(error->text(Lang::ko) == "규칙 id 'house/loanword': house.toml에 이미 정의되어 있습니다");
}

TEST_CASE("a pack file that cannot be read", "[rules][pack]") {
  auto loaded = load_pack("/nonexistent/house.toml");
  REQUIRE(std::holds_alternative<UserError>(loaded));
  CHECK(std::get<UserError>(loaded).format() ==
        "/nonexistent/house.toml:1:1: error: cannot read rule pack: No such file or directory");
  CHECK(std::get<UserError>(loaded).text(Lang::ko) ==
        "규칙 팩 파일을 읽을 수 없습니다: 파일이나 폴더가 없습니다");
}

TEST_CASE("conjugate and {ㄹ} entries expand when the pack loads", "[rules][pack]") {
  const std::string head =
      "[pack]\nid = \"p\"\nlanguage = \"ko\"\ndescription = { ko = \"팩\", en = \"pack\" }\n"
      "[[rule]]\nid = \"p/r\"\nkind = \"substitution\"\nseverity = \"warning\"\n"
      "message = { ko = \"메\", en = \"m\" }\n";
  auto parsed =
      parse_pack(head +
                     "entries = [\n"
                     "  { wrong = \"가르키다\", right = \"가리키다\", conjugate = \"regular\" },\n"
                     "  { wrong = \"{ㄹ}께\", right = \"{ㄹ}게\", match = \"anywhere\", skip = "
                     "[\"들\"] },\n]\n",
                 "p.toml");
  REQUIRE(std::holds_alternative<Pack>(parsed));
  const auto& entries = std::get<Pack>(parsed).rules[0].entries;
  // 16 forms of 가르키다, and 398 syllables with a final ㄹ (399 less 들).
  REQUIRE(entries.size() == 16 + 398);
  CHECK(entries[0].wrong == "가르키고");
  CHECK(entries[0].right == "가리키고");
  CHECK(entries[0].match == MatchMode::stem);
  CHECK(entries[12].wrong == "가르켰");
  CHECK(entries[12].right == "가리켰");
  bool has_deul = false, has_hal = false;
  for (const PackEntry& e : entries) {
    has_deul = has_deul || e.wrong == "들께";
    has_hal = has_hal || (e.wrong == "할께" && e.right == "할게");
  }
  CHECK_FALSE(has_deul);
  CHECK(has_hal);

  auto error = [&](const std::string& entry) {
    auto bad = parse_pack(head + "entries = [\n  " + entry + ",\n]\n", "p.toml");
    REQUIRE(std::holds_alternative<UserError>(bad));
    return std::get<UserError>(bad).format();
  };
  CHECK(error("{ wrong = \"가르키\", right = \"가리키\", conjugate = \"regular\" }") ==
        "p.toml:11:47: error: conjugate: '가르키' and '가리키' must be Hangul words ending in 다");
  CHECK(error("{ wrong = \"가르키다\", right = \"가리키다\", conjugate = \"odd\" }") ==
        "p.toml:11:49: error: unknown conjugate 'odd' (expected regular or reu)");
  CHECK(error("{ wrong = \"{ㄹ}께\", right = \"게\", match = \"anywhere\" }") ==
        "p.toml:11:3: error: right: must use {ㄹ} where wrong does");
}
