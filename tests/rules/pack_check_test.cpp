// The pack check: messages with {wrong}/{right}, spans on the word without its particle, and
// fixes that repair the particle when the replacement ends in a different sound.

#include "rules/pack_check.h"

#include <fmt/format.h>

#include <catch2/catch.hpp>
#include <string>

#include "lint/linter.h"
#include "rules/library.h"
#include "support.h"
#include "text/utf8.h"

using namespace factlint;

namespace {

const std::string kPack = R"([pack]
id = "house"
language = "ko"
description = { ko = "시험용 팩", en = "A test pack" }

[[rule]]
id = "house/loanword"
kind = "substitution"
severity = "warning"
message = { ko = "'{wrong}'을(를) '{right}'(으)로", en = "write '{right}' for '{wrong}'" }
entries = [
  { wrong = "제미니", right = "제미나이" },
  { wrong = "로케트", right = "로켓" },
  { wrong = "케잌", right = "케이크" },
  { wrong = "핸드폰", right = "휴대전화" },
  { wrong = "전자우편", right = "이메일" },
  { wrong = "알콜", right = "알코올" },
  { wrong = "챗 GPT", right = "챗GPT", note = { ko = "회사 표기", en = "The company's spelling." } },
  { wrong = "Gemini", right = "제미나이" },
  { wrong = "덧붙혔", right = "덧붙였", match = "stem" },
]

[[rule]]
id = "house/banned"
kind = "existence"
severity = "error"
message = { ko = "'{wrong}'은(는) 쓰지 않습니다", en = "do not write '{wrong}'" }
entries = [
  { wrong = "아무튼" },
]
)";

const RuleSetup& setup() {
  static const auto library = [] {
    auto pack = parse_pack(kPack, "house.toml");
    REQUIRE(std::holds_alternative<Pack>(pack));
    std::vector<Pack> packs;
    packs.push_back(std::get<Pack>(std::move(pack)));
    auto loaded = PackLibrary::from_packs(std::move(packs));
    REQUIRE(std::holds_alternative<std::unique_ptr<PackLibrary>>(loaded));
    return std::get<std::unique_ptr<PackLibrary>>(std::move(loaded));
  }();
  return library->builtin();
}

std::vector<Diagnostic> lint(const std::string& text, Lang lang = Lang::en,
                             const RuleSeverities& severities = {}) {
  const Document doc = test::make_document(text);
  return setup().linter->lint(doc, LintContext{lang, std::nullopt}, severities);
}

/// The text after applying the first finding's fix.
std::string fixed(const std::string& text) {
  const Document doc = test::make_document(text);
  const auto found = setup().linter->lint(doc, LintContext{}, {});
  REQUIRE_FALSE(found.empty());
  std::string out;
  std::size_t at = 0;
  for (const Edit& e : found[0].fix) {
    out += text.substr(at, e.span.begin - at) + e.replacement;
    at = e.span.end;
  }
  return out + text.substr(at);
}

}  // namespace

TEST_CASE("a substitution reports the word with a message and a fix", "[rules][pack-check]") {
  const std::string text = "구글은 제미니를 공개했다.";
  const auto found = lint(text);
  REQUIRE(found.size() == 1);
  const Diagnostic& d = found[0];
  CHECK(d.rule == "house/loanword");
  CHECK(d.severity == Severity::warning);
  CHECK(d.message == "write '제미나이' for '제미니'");
  // The span is the word only; the particle 를 is not part of it.
  CHECK(text.substr(d.span.begin, d.span.size()) == "제미니");
  REQUIRE(d.fix.size() == 1);
  CHECK(d.fix[0].span == d.span);
  CHECK(d.fix[0].replacement == "제미나이");
  CHECK(lint(text, Lang::ko)[0].message == "'제미니'을(를) '제미나이'(으)로");
}

TEST_CASE("a note is appended to the message", "[rules][pack-check]") {
  const auto found = lint("챗 GPT가 답했다.");
  REQUIRE(found.size() == 1);
  CHECK(found[0].message == "write '챗GPT' for '챗 GPT' The company's spelling.");
  CHECK(lint("챗 GPT가 답했다.", Lang::ko)[0].message == "'챗 GPT'을(를) '챗GPT'(으)로 회사 표기");
}

TEST_CASE("an existence rule reports without a fix", "[rules][pack-check]") {
  const auto found = lint("아무튼 결과는 같다.");
  REQUIRE(found.size() == 1);
  CHECK(found[0].rule == "house/banned");
  CHECK(found[0].severity == Severity::error);
  CHECK(found[0].message == "do not write '아무튼'");
  CHECK(found[0].fix.empty());
}

TEST_CASE("particles stay when the final sound stays", "[rules][pack-check]") {
  CHECK(fixed("제미니와 챗GPT") == "제미나이와 챗GPT");
  CHECK(fixed("제미니는 빠르다") == "제미나이는 빠르다");
  CHECK(fixed("제미니가 이겼다") == "제미나이가 이겼다");
  CHECK(fixed("제미니로 만든") == "제미나이로 만든");
  CHECK(fixed("제미니라고 불린다") == "제미나이라고 불린다");
  CHECK(fixed("챗 GPT가 답했다") == "챗GPT가 답했다");  // T is 티: a vowel either way.
  CHECK(fixed("알콜로 소독") == "알코올로 소독");       // ㄹ either way.
  CHECK(fixed("제미니에서는") == "제미나이에서는");     // 에서 does not alternate.
  // The copula after a vowel may keep its 이; a vowel-final replacement leaves it alone.
  CHECK(fixed("제미니이다") == "제미나이이다");
}

TEST_CASE("particles follow a replacement that gains a final consonant", "[rules][pack-check]") {
  CHECK(fixed("로케트는 날았다") == "로켓은 날았다");
  CHECK(fixed("로케트가 날았다") == "로켓이 날았다");
  CHECK(fixed("로케트를 쐈다") == "로켓을 쐈다");
  CHECK(fixed("로케트와 위성") == "로켓과 위성");
  CHECK(fixed("로케트로 보냈다") == "로켓으로 보냈다");
  CHECK(fixed("로케트로도 못 간다") == "로켓으로도 못 간다");
  CHECK(fixed("로케트라고 했다") == "로켓이라고 했다");
  CHECK(fixed("로케트다.") == "로켓이다.");
  CHECK(fixed("로케트였다.") == "로켓이었다.");
  CHECK(fixed("로케트에서") == "로켓에서");
}

TEST_CASE("a particle after closing quotes goes with the quoted word", "[rules][pack-check]") {
  CHECK(fixed("“로케트”는 날았다") == "“로켓”은 날았다");
  CHECK(fixed("‘케잌’이라는 말") == "‘케이크’라는 말");
  CHECK(fixed("(핸드폰)으로") == "(휴대전화)로");
  CHECK(fixed("“제미니”라고") == "“제미나이”라고");
}

TEST_CASE("particles follow a replacement that loses its final consonant", "[rules][pack-check]") {
  CHECK(fixed("케잌은 달다") == "케이크는 달다");
  CHECK(fixed("케잌이 있다") == "케이크가 있다");
  CHECK(fixed("케잌을 샀다") == "케이크를 샀다");
  CHECK(fixed("케잌과 빵") == "케이크와 빵");
  CHECK(fixed("케잌으로 만든") == "케이크로 만든");
  CHECK(fixed("케잌이라는 말") == "케이크라는 말");
  CHECK(fixed("핸드폰으로 찍었다") == "휴대전화로 찍었다");
}

TEST_CASE("ㄹ takes 로 where other final consonants take 으로", "[rules][pack-check]") {
  CHECK(fixed("전자우편으로 보냈다") == "이메일로 보냈다");
  CHECK(fixed("전자우편을 보냈다") == "이메일을 보냈다");  // 을/를 treats ㄹ as a consonant.
  CHECK(fixed("전자우편은 편하다") == "이메일은 편하다");
}

TEST_CASE("an unreadable original defers to the replacement", "[rules][pack-check]") {
  // How "Gemini" is read is not known from its spelling; the particle is fitted to 제미나이.
  CHECK(fixed("Gemini는 빠르다") == "제미나이는 빠르다");
  CHECK(fixed("Gemini은 빠르다") == "제미나이는 빠르다");
}

TEST_CASE("the fix edits the word and the particle as two edits", "[rules][pack-check]") {
  const std::string text = "로케트는 날았다";
  const auto found = lint(text);
  REQUIRE(found.size() == 1);
  REQUIRE(found[0].fix.size() == 2);
  CHECK(text.substr(found[0].fix[0].span.begin, found[0].fix[0].span.size()) == "로케트");
  CHECK(found[0].fix[0].replacement == "로켓");
  CHECK(text.substr(found[0].fix[1].span.begin, found[0].fix[1].span.size()) == "는");
  CHECK(found[0].fix[1].replacement == "은");
}

TEST_CASE("stem entries replace the stem and keep the ending", "[rules][pack-check]") {
  CHECK(fixed("그는 이렇게 덧붙혔다.") == "그는 이렇게 덧붙였다.");
}

TEST_CASE("rules turned off report nothing and hide nothing", "[rules][pack-check]") {
  CHECK(lint("제미니와 로케트", Lang::en, {{"house/loanword", std::nullopt}}).empty());
  const auto found = lint("아무튼 제미니", Lang::en, {{"house/banned", Severity::info}});
  REQUIRE(found.size() == 2);
  CHECK(found[0].severity == Severity::info);
}

TEST_CASE("pack rules are in the catalog with their summaries", "[rules][pack-check]") {
  const RuleInfo* rule = setup().catalog.find("house/loanword");
  REQUIRE(rule != nullptr);
  CHECK(rule->default_severity == Severity::warning);
  CHECK(rule->fixable);
  CHECK(rule->summary.en == "A test pack");
  CHECK_FALSE(setup().catalog.find("house/banned")->fixable);
  CHECK(setup().catalog.find("number/decimal-separator") != nullptr);  // Built-ins stay.
}

namespace {

/// A pack whose entries overlap the test pack's: a longer word at the same start, a shorter
/// one, and the same literal under another rule.
const std::string kMorePack = R"([pack]
id = "desk"
language = "ko"
description = { ko = "데스크 팩", en = "A desk pack" }

[[rule]]
id = "desk/phrase"
kind = "substitution"
severity = "warning"
message = { ko = "'{right}'", en = "write '{right}'" }
entries = [
  { wrong = "덧붙혔다고", right = "덧붙였다고" },
  { wrong = "제미", right = "제미나", match = "anywhere" },
]

[[rule]]
id = "desk/banned"
kind = "existence"
severity = "info"
message = { ko = "'{wrong}' 금지", en = "no '{wrong}'" }
entries = [
  { wrong = "아무튼" },
]
)";

Pack parsed(const std::string& toml, const std::string& path) {
  auto pack = parse_pack(toml, path);
  REQUIRE(std::holds_alternative<Pack>(pack));
  return std::get<Pack>(std::move(pack));
}

std::vector<std::string> pack_findings(const std::shared_ptr<const CompiledPacks>& compiled,
                                       const std::string& text) {
  std::vector<std::unique_ptr<Check>> checks;
  checks.push_back(make_pack_check(compiled));
  const Linter linter(std::move(checks));
  const Document doc = test::make_document(text);
  std::vector<std::string> out;
  for (const Diagnostic& d : linter.lint(doc, LintContext{}, {})) {
    if (d.rule.starts_with("house/") || d.rule.starts_with("desk/") || d.rule.starts_with("big/")) {
      out.push_back(fmt::format("{} {}-{} {}", d.rule, d.span.begin, d.span.end, d.message.view()));
    }
  }
  return out;
}

}  // namespace

TEST_CASE("packs added to a compiled set find what one set of all of them finds",
          "[rules][pack-check]") {
  const Pack house = parsed(kPack, "house.toml");
  const Pack desk = parsed(kMorePack, "desk.toml");
  auto base = std::make_shared<const CompiledPacks>(std::vector<const Pack*>{&house});
  const auto added = std::make_shared<const CompiledPacks>(base, std::vector<const Pack*>{&desk});
  const auto whole = std::make_shared<const CompiledPacks>(std::vector<const Pack*>{&house, &desk});
  CHECK(added->pattern_count() == whole->pattern_count());
  CHECK(added->rules().size() == whole->rules().size());
  CHECK(added->matcher().pattern_count() == 3);  // only the desk pack's entries are compiled

  // 덧붙혔다고: the desk's longer word wins over the house stem at the same start; 제미니가: the
  // house word wins over the desk's shorter one; 아무튼: both rules report it.
  const std::string text = "그는 덧붙혔다고 한다. 제미니가 아무튼 이겼다.";
  const std::vector<std::string> expected = {
      "desk/phrase 7-22 write '덧붙였다고'",
      "house/loanword 31-40 write '제미나이' for '제미니'",
      "desk/banned 44-53 no '아무튼'",
      "house/banned 44-53 do not write '아무튼'",
  };
  CHECK(pack_findings(added, text) == expected);
  CHECK(pack_findings(whole, text) == expected);
}

TEST_CASE("a large added pack keeps rows only near the root and still finds its words",
          "[rules][pack-check]") {
  // 20,000 words of four syllables over 200 syllables: about 30,000 states.
  std::string toml = R"([pack]
id = "big"
language = "ko"
description = { ko = "큰 팩", en = "A big pack" }

[[rule]]
id = "big/word"
kind = "existence"
severity = "info"
message = { ko = "'{wrong}'", en = "'{wrong}'" }
entries = [
)";
  auto syllable = [](unsigned n) {
    std::string s;
    utf8::append(s, static_cast<char32_t>(0xAC00 + 28 * (n % 200)));
    return s;
  };
  std::vector<std::string> words;
  for (unsigned i = 0; i < 20000; ++i) {
    words.push_back(syllable(i * 7919) + syllable(i * 104729) + syllable(i) + syllable(i / 200));
    toml += fmt::format("  {{ wrong = \"{}\" }},\n", words.back());
  }
  toml += "]\n";
  const Pack house = parsed(kPack, "house.toml");
  const Pack big = parsed(toml, "big.toml");
  auto base = std::make_shared<const CompiledPacks>(std::vector<const Pack*>{&house});
  const auto added = std::make_shared<const CompiledPacks>(base, std::vector<const Pack*>{&big});
  CHECK(base->matcher().dense_state_count() == base->matcher().state_count());
  CHECK(added->matcher().state_count() > 25000);
  CHECK(added->matcher().dense_state_count() < added->matcher().state_count() / 5);
  const std::string text = "오늘 " + words[12345] + "와 " + words[7] + " 제미니.";
  const std::vector<std::string> expected = {
      fmt::format("big/word 7-19 '{}'", words[12345]),
      fmt::format("big/word 23-35 '{}'", words[7]),
      "house/loanword 36-45 write '제미나이' for '제미니'",
  };
  CHECK(pack_findings(added, text) == expected);
}
