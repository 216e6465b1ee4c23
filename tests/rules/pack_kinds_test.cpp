// The consistency and spacing rule kinds: the first variant of a set wins and later ones point
// back to it; a dependent noun is reported only in the context its rule gives.

#include <catch2/catch.hpp>
#include <string>

#include "lint/linter.h"
#include "rules/library.h"
#include "rules/pack.h"
#include "support.h"

using namespace factlint;

namespace {

const std::string kPack = R"([pack]
id = "house"
language = "ko"
description = { ko = "시험용 팩", en = "A test pack" }

[[rule]]
id = "house/names"
kind = "consistency"
severity = "warning"
message = { ko = "앞에서 '{right}'(으)로 썼습니다: '{wrong}'", en = "'{wrong}': written '{right}' before" }
variants = [
  ["오픈AI", "OpenAI"],
  ["로케트", "로켓"],
  ["Google", "구글"],
]

[[rule]]
id = "house/su"
kind = "spacing"
severity = "warning"
message = { ko = "띄어 씁니다: '{wrong}' → '{right}'", en = "'{wrong}' → '{right}'" }
nouns = ["수"]
after = ["ㄹ"]
then = ["", "가", "도", " 있*", " 없*"]
next = ["있", "없"]
except = ["실수"]

[[rule]]
id = "house/ending"
kind = "substitution"
severity = "warning"
message = { ko = "'{wrong}' → '{right}'", en = "'{wrong}' → '{right}'" }
entries = [{ wrong = "됬", right = "됐", match = "anywhere" }]

[[rule]]
id = "house/ji"
kind = "spacing"
severity = "warning"
message = { ko = "띄어 씁니다: '{wrong}' → '{right}'", en = "'{wrong}' → '{right}'" }
nouns = ["지"]
after = ["ㄴ"]
then = [""]
next = ["#년", "오래"]
)";

const RuleSetup& setup() {
  static const auto library = [] {
    auto pack = parse_pack(kPack, "house.toml");
    if (auto* e = std::get_if<UserError>(&pack)) FAIL(e->format());
    std::vector<Pack> packs;
    packs.push_back(std::get<Pack>(std::move(pack)));
    auto loaded = PackLibrary::from_packs(std::move(packs));
    REQUIRE(std::holds_alternative<std::unique_ptr<PackLibrary>>(loaded));
    return std::get<std::unique_ptr<PackLibrary>>(std::move(loaded));
  }();
  return library->builtin();
}

std::vector<Diagnostic> lint(const std::string& text) {
  const Document doc = test::make_document(text);
  auto found = setup().linter->lint(doc, LintContext{}, {});
  std::erase_if(found, [](const Diagnostic& d) { return !d.rule.starts_with("house/"); });
  return found;
}

std::string slice(const std::string& text, Span span) {
  return text.substr(span.begin, span.size());
}

/// The text with every finding's fix applied.
std::string fixed(const std::string& text) {
  std::string out;
  std::size_t at = 0;
  for (const Diagnostic& d : lint(text)) {
    for (const Edit& e : d.fix) {
      out += text.substr(at, e.span.begin - at) + e.replacement;
      at = e.span.end;
    }
  }
  return out + text.substr(at);
}

}  // namespace

TEST_CASE("consistency: the first variant wins and later ones point to it", "[rules][kinds]") {
  const std::string text =
      "OpenAI는 모델을 냈다. 오픈AI가 밝혔다. OpenAI도 그랬다. 오픈AI의 발표다.";
  const auto found = lint(text);
  REQUIRE(found.size() == 2);
  CHECK(found[0].rule == "house/names");
  CHECK(found[0].message == "'오픈AI': written 'OpenAI' before");
  CHECK(slice(text, found[0].span) == "오픈AI");
  REQUIRE(found[0].related.size() == 1);
  CHECK(found[0].related[0].span == Span{0, 6});
  CHECK(found[0].related[0].message == "first spelled here");
  CHECK(slice(text, found[1].span) == "오픈AI");
  CHECK(fixed(text) == "OpenAI는 모델을 냈다. OpenAI가 밝혔다. OpenAI도 그랬다. OpenAI의 발표다.");
}

TEST_CASE("consistency: one spelling throughout, or a gloss in brackets, is silent",
          "[rules][kinds]") {
  CHECK(lint("오픈AI는 모델을 냈다. 오픈AI가 밝혔다.").empty());
  CHECK(lint("오픈AI(OpenAI)는 모델을 냈다. 오픈AI가 밝혔다.").empty());
  CHECK(lint("오픈AI는 모델을 냈다. 구글이 따라왔다.").empty());
}

TEST_CASE("consistency: the fix repairs the particle, or is left out", "[rules][kinds]") {
  // 로케트 has no final consonant, 로켓 has one: 이 → 가.
  CHECK(fixed("로케트가 떴다. 로켓이 또 떴다.") == "로케트가 떴다. 로케트가 또 떴다.");
  // Google's final sound is unknown, so the particle after 구글 cannot be chosen: no fix.
  const auto found = lint("Google은 답했다. 구글이 또 답했다.");
  REQUIRE(found.size() == 1);
  CHECK(found[0].fix.empty());
  CHECK(fixed("Google은 답했다. 구글 발표.") == "Google은 답했다. Google 발표.");
}

TEST_CASE("spacing: a dependent noun after an adnominal form", "[rules][kinds]") {
  const std::string text = "누구나 신청할수 있다.";
  const auto found = lint(text);
  REQUIRE(found.size() == 1);
  CHECK(found[0].rule == "house/su");
  CHECK(found[0].message == "'신청할수' → '신청할 수'");
  CHECK(slice(text, found[0].span) == "신청할수");
  CHECK(fixed(text) == "누구나 신청할 수 있다.");
  CHECK(fixed("누구나 신청할수있다.") == "누구나 신청할 수 있다.");
  CHECK(fixed("참을수가 없다.") == "참을 수가 없다.");
  CHECK(fixed("고향을 떠난지 3년이 됐다.") == "고향을 떠난 지 3년이 됐다.");
  CHECK(fixed("떠난지 오래다.") == "떠난 지 오래다.");
}

TEST_CASE("spacing: silent outside its context", "[rules][kinds]") {
  CHECK(lint("시간이 갈수록 늘었다.").empty());  // then: 록 is not listed
  CHECK(lint("사소한 실수가 있었다.").empty());  // except
  CHECK(lint("수가 늘었다.").empty());           // nothing before the noun
  CHECK(lint("호수가 얼었다.").empty());         // 호 has no ㄹ
  CHECK(lint("신청할수 있는지 묻자 갈수 없다고 했다.").size() == 2);
  CHECK(lint("혼자 칠수 조차 없다.").empty());  // bare, and the next word is not 있/없
  CHECK(lint("그가 옳은지 모른다.").empty());   // next: not a length of time
  CHECK(lint("떠난지 3개월.").empty());         // #년 wants 년 after the number
}

TEST_CASE("consistency and spacing rules are checked when a pack loads", "[rules][kinds]") {
  const std::string head =
      "[pack]\nid = \"p\"\nlanguage = \"ko\"\ndescription = { ko = \"팩\", en = \"pack\" }\n"
      "[[rule]]\nid = \"p/r\"\nseverity = \"warning\"\nmessage = { ko = \"메\", en = \"m\" }\n";
  auto error = [&](const std::string& body) {
    auto parsed = parse_pack(head + body, "p.toml");
    REQUIRE(std::holds_alternative<UserError>(parsed));
    return std::get<UserError>(parsed).format();
  };
  CHECK(error("kind = \"consistency\"\nvariants = [[\"챗GPT\"]]\n") ==
        "p.toml:10:13: error: variants: each set needs at least two spellings, e.g. [\"챗GPT\", "
        "\"ChatGPT\"]");
  CHECK(error("kind = \"consistency\"\nvariants = [[\"챗GPT\", \"챗GPT\"]]\n") ==
        "p.toml:10:22: error: variants: '챗GPT' twice in one set");
  CHECK(error("kind = \"consistency\"\nentries = [{ wrong = \"a\" }]\n") ==
        "p.toml:10:1: error: unknown key 'entries' in a consistency [[rule]] (expected id, kind, "
        "severity, message, description, reference, fires, silent, variants)");
  CHECK(error("kind = \"spacing\"\nnouns = [\"수\"]\nafter = [\"ㅁ\"]\nthen = [\"\"]\n") ==
        "p.toml:11:9: error: after: 'ㅁ': expected \"ㄹ\", \"ㄴ\" or one Hangul syllable");
  CHECK(error("kind = \"spacing\"\nnouns = [\"su\"]\nafter = [\"ㄹ\"]\nthen = [\"\"]\n") ==
        "p.toml:10:10: error: nouns: 'su' is not a word in Hangul");
  CHECK(error("kind = \"spacing\"\nnouns = [\"수\"]\nafter = [\"ㄹ\"]\nthen = [\"도 있 다\"]\n") ==
        "p.toml:12:9: error: then: '도 있 다': at most one space");
  CHECK(error("kind = \"lexicon\"\n") ==
        "p.toml:9:8: error: unknown kind 'lexicon' (expected substitution, existence, "
        "consistency or spacing)");
}

TEST_CASE("a substitution inside a word names the whole word", "[rules][kinds]") {
  const std::string text = "일이 잘 안됬다고 했다.";
  const auto found = lint(text);
  REQUIRE(found.size() == 1);
  CHECK(found[0].message == "'안됬다고' → '안됐다고'");
  CHECK(slice(text, found[0].span) == "됬");
  CHECK(fixed(text) == "일이 잘 안됐다고 했다.");
}
