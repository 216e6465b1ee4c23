#include <catch2/catch.hpp>
#include <string>

#include "check_runner.h"
#include "checks/all_checks.h"

using factlint::test::run_check;

namespace {
const auto kCheck = factlint::make_name_variant_check();
}

TEST_CASE("a spaced name among joined ones is reported, fixed with the particle kept",
          "[name-variant]") {
  const auto run = run_check(*kCheck,
                             "오픈AI는 새 모델을 냈다. 업계는 오픈 AI가 앞서 있다고 본다. "
                             "오픈AI의 경쟁사도 바쁘다.\n");
  REQUIRE(run.found.size() == 1);
  const auto& d = run.found[0];
  CHECK(d.rule == "consistency/name-variant");
  CHECK(run.text(d.span) == "오픈 AI");
  CHECK(d.message ==
        "'오픈 AI' here but '오픈AI' elsewhere in the article (2 times): write '오픈AI'");
  REQUIRE(d.related.size() == 1);
  CHECK(d.related[0].span.begin == 0);  // The first 오픈AI.
  CHECK(run.fixed(d) ==
        "오픈AI는 새 모델을 냈다. 업계는 오픈AI가 앞서 있다고 본다. 오픈AI의 경쟁사도 바쁘다.\n");
}

TEST_CASE("the key removes spaces and folds Latin case", "[name-variant]") {
  const auto run = run_check(*kCheck, "OpenAI는 OpenAI의 계획을 밝혔다. Openai는 답하지 않았다.\n");
  REQUIRE(run.found.size() == 1);
  CHECK(run.text(run.found[0].span) == "Openai");
  CHECK(run.fixed(run.found[0]).find("OpenAI는 답하지") != std::string::npos);
}

TEST_CASE("a capital on the first letter only is not a second spelling", "[name-variant]") {
  CHECK(run_check(*kCheck, "제호는 The Herald이고 본문은 the Herald로 쓴다.\n").found.empty());
}

TEST_CASE("a lowercase English word is not a spelling of an acronym", "[name-variant]") {
  CHECK(run_check(*kCheck, "US 달러가 올랐다. 광고 문구는 Follow us였다. US 국채도 올랐다.\n")
            .found.empty());
}

TEST_CASE("ties go to the spelling written first", "[name-variant]") {
  const auto run = run_check(*kCheck, "NHK월드가 보도했다. NHK 월드는 이어 속보를 냈다.\n");
  REQUIRE(run.found.size() == 1);
  CHECK(run.text(run.found[0].span) == "NHK 월드");
}

TEST_CASE("a name written one way only is silent", "[name-variant]") {
  CHECK(run_check(*kCheck, "챗 GPT가 나왔다. 챗 GPT는 인기다.\n").found.empty());
}

TEST_CASE("Hangul names fire only when they look transliterated and stand together",
          "[name-variant]") {
  const auto run =
      run_check(*kCheck, "딥마인드는 연구소다. 딥 마인드 출신이 많다. 딥마인드가 밝혔다.\n");
  REQUIRE(run.found.size() == 1);
  CHECK(run.text(run.found[0].span) == "딥 마인드");
  // Ordinary compounds and adverbs are spaced both ways legitimately.
  CHECK(run_check(*kCheck, "한국 경제가 둔화했다. 한국경제 연구진이 분석했다.\n").found.empty());
  CHECK(run_check(*kCheck, "의심할 여지없이 옳다. 의심할 여지 없이 그렇다.\n").found.empty());
  // A part that also stands alone makes the spaced form a phrase, not a name.
  CHECK(run_check(*kCheck,
                  "러브라이브가 흥행했다. 러브 라이브 공연이 열렸다. 라이브 무대도 있었다.\n")
            .found.empty());
}

TEST_CASE("compounds of a common noun and dependent nouns are not names", "[name-variant]") {
  CHECK(run_check(*kCheck, "K2 전차가 나왔다. K2전차는 강하다. 전차 부대가 움직였다.\n")
            .found.empty());
  CHECK(run_check(*kCheck, "MBC 측은 부인했다. MBC측 제작진도 같았다.\n").found.empty());
}

TEST_CASE("pairs need two adjacent words on one line with nothing between", "[name-variant]") {
  CHECK(run_check(*kCheck, "오픈AI가 밝혔다. 행사는 오픈\nAI 세미나였다.\n").found.empty());
  CHECK(run_check(*kCheck, "오픈AI가 밝혔다. 주제는 오픈, AI였다. 오픈의 AI도 있다.\n")
            .found.empty());
}

TEST_CASE("Markdown markup blanked into spaces does not split a name", "[name-variant]") {
  CHECK(run_check(*kCheck, "누리AI가 밝혔다. 행사는 **누리**AI가 열었다.\n", "article.md")
            .found.empty());
}

TEST_CASE("English lines keep their own spelling", "[name-variant]") {
  CHECK(
      run_check(*kCheck,
                "시민단체는 CCTV 설치를 요청했다.\nThe group asked for more cctv cameras nearby.\n")
          .found.empty());
}

TEST_CASE("the Korean message names the main spelling", "[name-variant]") {
  const auto run = run_check(*kCheck, "코트디부아르가 이겼다. 코트 디부아르 팬들이 환호했다.\n",
                             "test.txt", factlint::Lang::ko);
  REQUIRE(run.found.size() == 1);
  CHECK(run.found[0].message ==
        "기사의 다른 곳에서는 '코트디부아르' 표기를 씁니다(1회): '코트디부아르' 표기로 통일하세요");
}

namespace {
// name_variant.cpp analyses a long line kWindowWords (4096) eojeol at a time; these positions
// put a spaced pair on each side of and across the first two window boundaries.
constexpr std::size_t kPairPositions[] = {4094, 4095, 4096, 4097, 8190, 8191, 8192, 8193};

/// One line of `words` eojeol: 오픈AI는 first, 오픈AI의 last, 오픈 AI가 at `pair`, filler
/// Hangul eojeol elsewhere.
std::string long_line(std::size_t pair, std::size_t words) {
  std::string text = "오픈AI는";
  for (std::size_t i = 1; i < words - 1; ++i) {
    text += i == pair ? " 오픈" : i == pair + 1 ? " AI가" : " 가나";
  }
  return text + " 오픈AI의\n";
}
}  // namespace

TEST_CASE("a spaced name across the windows of a long line is found as on short lines",
          "[name-variant]") {
  for (const std::size_t pair : kPairPositions) {
    CAPTURE(pair);
    const std::string text = long_line(pair, 8300);
    const auto run = run_check(*kCheck, text);
    REQUIRE(run.found.size() == 1);
    const auto& d = run.found[0];
    CHECK(run.text(d.span) == "오픈 AI");
    CHECK(d.message ==
          "'오픈 AI' here but '오픈AI' elsewhere in the article (2 times): write '오픈AI'");
    REQUIRE(d.related.size() == 1);
    CHECK(d.related[0].span.begin == 0);
    REQUIRE(d.fix.size() == 1);
    CHECK(d.fix[0].replacement == "오픈AI");

    // Every space but the one inside the pair made a line end: short lines, the same offsets.
    std::string short_lines = text;
    const std::size_t inside = text.find("오픈 AI") + std::string_view("오픈").size();
    for (std::size_t i = 0; i < short_lines.size(); ++i) {
      if (short_lines[i] == ' ' && i != inside) short_lines[i] = '\n';
    }
    const auto short_run = run_check(*kCheck, short_lines);
    REQUIRE(short_run.found.size() == 1);
    const auto& s = short_run.found[0];
    CHECK(s.span.begin == d.span.begin);
    CHECK(s.span.end == d.span.end);
    CHECK(s.message == d.message);
    CHECK(s.related[0].span.begin == d.related[0].span.begin);
    CHECK(s.related[0].span.end == d.related[0].span.end);
    CHECK(run.fixed(d) == std::string(text).replace(d.span.begin, d.span.size(), "오픈AI"));
  }
}

TEST_CASE("a long line is English by the words of the whole line", "[name-variant]") {
  // The pair is in the first window, the English words in the next ones.
  std::string text = long_line(10, 100);
  text.pop_back();
  for (int i = 0; i < 5000; ++i) text += " word";
  CHECK(run_check(*kCheck, text + "\n").found.empty());
  // Fewer Latin words than Hangul ones: a Korean line.
  for (int i = 0; i < 5000; ++i) text += " 가나";
  CHECK(run_check(*kCheck, text + "\n").found.size() == 1);
}
