// The Aho–Corasick matcher and its match modes: eojeol boundaries, particles, literals of
// several eojeol, overlapping literals, and NFD input through Document.

#include "rules/matcher.h"

#include <catch2/catch.hpp>
#include <random>
#include <string>
#include <vector>

#include "support.h"

using namespace factlint;

namespace {

const ParticleSet& particles() {
  static const ParticleSet set;
  return set;
}

/// The texts (and particles) matched by `literal` in `mode`, leftmost-longest.
std::vector<std::string> find(std::string_view text, std::vector<Pattern> patterns,
                              bool resolve = true) {
  for (Pattern& p : patterns) p.particles = &particles();
  const Matcher matcher(std::move(patterns));
  std::vector<Match> found;
  matcher.find_all(text, found);
  if (resolve) keep_leftmost_longest(found);
  std::vector<std::string> out;
  for (const Match& m : found) {
    std::string s(text.substr(m.span.begin, m.span.size()));
    if (!m.particles.empty()) {
      s += "+" + std::string(text.substr(m.particles.begin, m.particles.size()));
    }
    out.push_back(s);
  }
  return out;
}

std::vector<std::string> find(std::string_view text, std::string literal, MatchMode mode) {
  return find(text, {Pattern{std::move(literal), mode, nullptr}});
}

using Strings = std::vector<std::string>;

}  // namespace

TEST_CASE("word: starts an eojeol and ends it or takes particles", "[rules][matcher]") {
  const auto word = [](std::string_view text) { return find(text, "제미니", MatchMode::word); };
  CHECK(word("제미니") == Strings{"제미니"});
  CHECK(word("구글 제미니 출시") == Strings{"제미니"});
  CHECK(word("제미니는 새 모델이다") == Strings{"제미니+는"});
  CHECK(word("제미니와 챗GPT") == Strings{"제미니+와"});
  CHECK(word("제미니에서는") == Strings{"제미니+에서는"});
  CHECK(word("제미니로도") == Strings{"제미니+로도"});
  CHECK(word("제미니였다고") == Strings{"제미니+였다고"});
  CHECK(word("제미니라는 이름") == Strings{"제미니+라는"});
  CHECK(word("제미니이다") == Strings{"제미니+이다"});  // The copula may keep its 이.
  // Opening punctuation before, any punctuation after.
  CHECK(word("(제미니)") == Strings{"제미니"});
  CHECK(word("“제미니”가") == Strings{"제미니+가"});  // The particle goes with the word.
  CHECK(word("‘제미니’는") == Strings{"제미니+는"});
  CHECK(word("(제미니)와") == Strings{"제미니+와"});
  CHECK(word("“제미니”, 챗GPT") == Strings{"제미니"});
  CHECK(word("「제미니」") == Strings{"제미니"});
  CHECK(word("제미니, 챗GPT") == Strings{"제미니"});
  CHECK(word("제미니·챗GPT") == Strings{"제미니"});
  CHECK(word("제미니-2") == Strings{"제미니"});
  // Inside a longer word.
  CHECK(word("구제미니").empty());
  CHECK(word("제미니아").empty());
  CHECK(word("제미니스트").empty());
  CHECK(word("X제미니").empty());
  CHECK(word("제미니Pro").empty());
  // A particle that needs a final consonant cannot follow a vowel.
  CHECK(word("제미니은").empty());
  CHECK(word("제미니을").empty());
}

TEST_CASE("word: particles must fit the sound before them", "[rules][matcher]") {
  const auto word = [](std::string_view text) { return find(text, "그 중", MatchMode::word); };
  CHECK(word("그 중 하나") == Strings{"그 중"});
  CHECK(word("그 중에서도") == Strings{"그 중+에서도"});
  CHECK(word("그 중이다") == Strings{"그 중+이다"});
  CHECK(word("그 중 가장") == Strings{"그 중"});
  // Longer words that start with 중: 중고 (not 중 + the copula 고), 중요한, 중간, 중학생.
  CHECK(word("그 중고 매장").empty());
  CHECK(word("그 중요한 자료").empty());
  CHECK(word("그 중간 지점").empty());
  CHECK(word("그 중가 상품").empty());  // 가 only follows a vowel.
  // Particles stack only in the ways Korean stacks them.
  CHECK(find("지난 주요 사건", "지난 주", MatchMode::word).empty());
  CHECK(find("이 날들이", "이 날", MatchMode::word).empty());
  CHECK(find("이 날은", "이 날", MatchMode::word) == Strings{"이 날+은"});
}

TEST_CASE("a literal of several eojeol matches any run of horizontal space", "[rules][matcher]") {
  const auto gpt = [](std::string_view text) { return find(text, "챗 GPT", MatchMode::word); };
  CHECK(gpt("챗 GPT가") == Strings{"챗 GPT+가"});
  CHECK(gpt("챗  GPT") == Strings{"챗  GPT"});
  CHECK(gpt("챗\tGPT") == Strings{"챗\tGPT"});
  CHECK(gpt("챗\xC2\xA0GPT") == Strings{"챗\xC2\xA0GPT"});              // NBSP
  CHECK(gpt("챗\xE3\x80\x80GPT") == Strings{"챗\xE3\x80\x80GPT"});      // Ideographic space
  CHECK(gpt("챗 \xE2\x80\x83 GPT") == Strings{"챗 \xE2\x80\x83 GPT"});  // A mixed run
  CHECK(gpt("챗\nGPT").empty());                                        // Never across a line end.
  CHECK(gpt("챗GPT").empty());
  CHECK(gpt("챗 GPTs").empty());
  // A space in the text that is not in the literal still breaks it.
  CHECK(find("오픈 AI", "오픈AI", MatchMode::anywhere).empty());
  // Curly quotes (E2 80 9C) share a lead byte with the U+2000 spaces and are not spaces.
  CHECK(gpt("“챗 GPT”") == Strings{"챗 GPT"});
}

TEST_CASE("stem: starts an eojeol, anything may follow", "[rules][matcher]") {
  const auto stem = [](std::string_view text) { return find(text, "덧붙혔", MatchMode::stem); };
  CHECK(stem("덧붙혔다") == Strings{"덧붙혔"});
  CHECK(stem("그는 덧붙혔고") == Strings{"덧붙혔"});
  CHECK(stem("\"덧붙혔다\"") == Strings{"덧붙혔"});
  CHECK(stem("새덧붙혔다").empty());
}

TEST_CASE("exact: the whole eojeol apart from punctuation", "[rules][matcher]") {
  const auto exact = [](std::string_view text) { return find(text, "AI", MatchMode::exact); };
  CHECK(exact("AI") == Strings{"AI"});
  CHECK(exact("생성형 AI 시대") == Strings{"AI"});
  CHECK(exact("(AI)") == Strings{"AI"});
  CHECK(exact("“AI”.") == Strings{"AI"});
  CHECK(exact("AI가").empty());
  CHECK(exact("AI칩").empty());
  CHECK(exact("오픈AI").empty());
  CHECK(exact("AI-2").empty());
}

TEST_CASE("anywhere: any substring", "[rules][matcher]") {
  const auto any = [](std::string_view text) { return find(text, "있을것", MatchMode::anywhere); };
  CHECK(any("있을것이라고") == Strings{"있을것"});
  CHECK(any("할수있을것") == Strings{"있을것"});
  CHECK(any("있을 것").empty());
}

TEST_CASE("overlapping literals: every hit, then leftmost-longest", "[rules][matcher]") {
  // The classic Aho–Corasick case: outputs reached through failure links.
  const std::vector<Pattern> classic = {{"he", MatchMode::anywhere, nullptr},
                                        {"she", MatchMode::anywhere, nullptr},
                                        {"his", MatchMode::anywhere, nullptr},
                                        {"hers", MatchMode::anywhere, nullptr}};
  CHECK(find("ushers", classic, false) == Strings{"she", "he", "hers"});
  CHECK(find("ushers", classic) == Strings{"she"});
  // The longer of two literals that start at the same place wins.
  const std::vector<Pattern> nested = {{"오픈 AI", MatchMode::word, nullptr},
                                       {"오픈", MatchMode::word, nullptr}};
  CHECK(find("오픈 AI가 오픈 행사를", nested) == Strings{"오픈 AI+가", "오픈"});
  // The one that starts first wins over one it overlaps.
  const std::vector<Pattern> chained = {{"가나", MatchMode::anywhere, nullptr},
                                        {"나다", MatchMode::anywhere, nullptr}};
  CHECK(find("가나다", chained) == Strings{"가나"});
  // One literal in two modes: both fit, both are kept (two rules claim the same text).
  const std::vector<Pattern> twice = {{"몇일", MatchMode::word, nullptr},
                                      {"몇일", MatchMode::anywhere, nullptr}};
  CHECK(find("몇일 뒤", twice) == Strings{"몇일", "몇일"});
  // A literal that starts with punctuation brings its own boundary.
  CHECK(find("값(원)", "(원)", MatchMode::word) == Strings{"(원)"});
}

TEST_CASE("no patterns, empty text, text without hits", "[rules][matcher]") {
  CHECK(find("아무것도 없다", {}).empty());
  CHECK(find("", "제미니", MatchMode::word).empty());
  CHECK(find("제미", "제미니", MatchMode::word).empty());
}

TEST_CASE("NFD text is matched through the document's NFC text", "[rules][matcher]") {
  // "그는 덧붙혔다" with 덧붙혔 decomposed into conjoining jamo (as pasted from macOS).
  const std::string nfd =
      "그는 "
      "\xE1\x84\x83\xE1\x85\xA5\xE1\x86\xBA"  // 덧
      "\xE1\x84\x87\xE1\x85\xAE\xE1\x87\x80"  // 붙
      "\xE1\x84\x92\xE1\x85\xA7\xE1\x86\xBB"  // 혔
      "다";
  const Document doc = test::make_document(nfd);
  const Matcher matcher({Pattern{"덧붙혔", MatchMode::stem, &particles()}});
  std::vector<Match> found;
  matcher.find_all(doc.text(), found);
  REQUIRE(found.size() == 1);
  CHECK(doc.slice(found[0].span) == "덧붙혔");
  CHECK(doc.position(found[0].span.begin) == Position{1, 4});
  // The span covers all nine jamo of the original.
  CHECK(doc.to_original(found[0].span.begin) == 7u);
  CHECK(doc.to_original(found[0].span.end, true) == 7u + 27u);
}

TEST_CASE("the automaton is one table over byte classes", "[rules][matcher]") {
  const Matcher matcher({Pattern{"가나", MatchMode::anywhere, nullptr},
                         Pattern{"가다", MatchMode::anywhere, nullptr}});
  // Root, the three bytes of 가, then 나 (EB 82 98) and 다 (EB 8B A4), which share their lead byte.
  CHECK(matcher.state_count() == 1 + 3 + 3 + 3 - 1);
}

TEST_CASE("find_all keeps only the matches its filter accepts, as they are found",
          "[rules][matcher]") {
  std::vector<Pattern> patterns{Pattern{"오픈", MatchMode::anywhere, &particles()},
                                Pattern{"오픈AI", MatchMode::anywhere, &particles()},
                                Pattern{"AI", MatchMode::anywhere, &particles()}};
  const Matcher matcher(std::move(patterns));
  const std::string text = "오픈AI와 오픈 소스 AI";
  std::vector<Match> all;
  matcher.find_all(text, all);
  REQUIRE(all.size() == 5u);  // 오픈, 오픈AI, AI in the name; 오픈; AI.
  // Without the second pattern: what erasing its matches afterwards would leave, in order.
  std::vector<Match> kept;
  const std::uint32_t dropped = 1;
  matcher.find_all(
      text, kept,
      [](const void* context, const Match& m) {
        return m.pattern != *static_cast<const std::uint32_t*>(context);
      },
      &dropped);
  std::erase_if(all, [&](const Match& m) { return m.pattern == dropped; });
  REQUIRE(kept.size() == all.size());
  for (std::size_t i = 0; i < kept.size(); ++i) {
    CHECK(kept[i].pattern == all[i].pattern);
    CHECK(kept[i].span == all[i].span);
  }
}

namespace {

/// Random literals and texts over a few characters, so that literals overlap and share
/// prefixes and suffixes, with white space of every kind the matcher folds into one space.
struct RandomCase {
  std::vector<Pattern> patterns;
  std::string text;
};

RandomCase random_case(std::mt19937& rng) {
  static const std::vector<std::string> kLetters = {"가", "나", "다", "가", "a", "b"};
  static const std::vector<std::string> kFill = {"가",     "나", "다",     "a",      "b", " ",
                                                 "  ",     "\t", "\u3000", "\u00a0", ".", "라",
                                                 "\u2002", "\n", "는",     "c"};
  auto pick = [&](const std::vector<std::string>& from) {
    return from[std::uniform_int_distribution<std::size_t>(0, from.size() - 1)(rng)];
  };
  const MatchMode modes[] = {MatchMode::anywhere, MatchMode::anywhere, MatchMode::word,
                             MatchMode::stem, MatchMode::exact};
  RandomCase c;
  const int count = std::uniform_int_distribution<int>(1, 60)(rng);
  for (int i = 0; i < count; ++i) {
    std::string literal = pick(kLetters);
    const int length = std::uniform_int_distribution<int>(0, 6)(rng);
    for (int k = 0; k < length; ++k) {
      // A single space inside, never two in a row nor at the end.
      if (literal.back() != ' ' && k + 1 < length && rng() % 5 == 0) literal += ' ';
      literal += pick(kLetters);
    }
    c.patterns.push_back(Pattern{literal, modes[rng() % 5], &particles()});
  }
  const int length = std::uniform_int_distribution<int>(0, 400)(rng);
  for (int k = 0; k < length; ++k) c.text += pick(kFill);
  return c;
}

}  // namespace

TEST_CASE("states without a row of the full table find exactly what full rows find",
          "[rules][matcher]") {
  std::mt19937 rng(20261129);
  std::size_t sparse_seen = 0, matches_seen = 0;
  for (int round = 0; round < 300; ++round) {
    const RandomCase c = random_case(rng);
    const Matcher dense(c.patterns, 0, std::size_t{1} << 30);
    REQUIRE(dense.dense_state_count() == dense.state_count());
    std::vector<Match> expected;
    dense.find_all(c.text, expected);
    matches_seen += expected.size();
    // Only the root with a row, a few rows, about half of them.
    for (const std::size_t rows : {std::size_t{1}, std::size_t{4}, dense.state_count() / 2}) {
      const Matcher hybrid(c.patterns, 7, rows * 16);
      REQUIRE(hybrid.state_count() == dense.state_count());
      sparse_seen += hybrid.state_count() - hybrid.dense_state_count();
      std::vector<Match> found;
      hybrid.find_all(c.text, found);
      INFO("round " << round << ", " << rows << " rows, text: " << c.text);
      REQUIRE(found.size() == expected.size());
      for (std::size_t i = 0; i < found.size(); ++i) {
        CHECK(found[i].pattern == expected[i].pattern + 7);
        CHECK(found[i].span == expected[i].span);
        CHECK(found[i].particles == expected[i].particles);
      }
    }
  }
  // The cases did reach sparse states and find things.
  CHECK(sparse_seen > 10000);
  CHECK(matches_seen > 10000);
}
