#include "extract/figure.h"

#include <catch2/catch.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace factlint::extract {
namespace {

/// "text:subject:change" for each figure of `text` taken as one sentence.
std::vector<std::string> figures(std::string_view text) {
  std::vector<std::string> out;
  for (const Figure& f : find_figures(text, {0, text.size()})) {
    std::string s(text.substr(f.number.begin, f.number.end - f.number.begin));
    s += ":";
    if (f.subject) s += text.substr(f.subject->word.begin, f.subject->word.size());
    s += f.change ? ":change" : ":level";
    out.push_back(std::move(s));
  }
  return out;
}

TEST_CASE("figures carry their subjects and offsets into the whole text", "[figure][facts]") {
  CHECK(figures("중국은 92.5%로 가장 높았고 유럽은 92.5%였다.") ==
        std::vector<std::string>{"92.5%:중국:level", "92.5%:유럽:level"});
  const std::string_view text = "앞 문장이다. 참가자는 1,200명이었다.";
  const auto found = find_figures(text, {text.find("참가자"), text.size()});
  REQUIRE(found.size() == 1);
  CHECK(text.substr(found[0].number.begin, found[0].number.end - found[0].number.begin) ==
        "1,200명");
}

TEST_CASE("changes are told apart from levels", "[figure][facts]") {
  CHECK(figures("매출은 30% 늘었다.") == std::vector<std::string>{"30%:매출:change"});
  CHECK(figures("매출은 30%나 증가했다.") == std::vector<std::string>{"30%:매출:change"});
  CHECK(figures("참가자는 1,300명으로 늘었다.") ==
        std::vector<std::string>{"1,300명:참가자:change"});
  CHECK(figures("참가자는 1,000명에서 1,200명으로 바뀌었다.") ==
        std::vector<std::string>{"1,000명:참가자:change", "1,200명::change"});
  CHECK(figures("지니계수는 0.1% 각각 상승했다.") ==
        std::vector<std::string>{"0.1%:지니계수:change"});
  CHECK(figures("점유율은 30%로 가장 높았다.") == std::vector<std::string>{"30%:점유율:level"});
}

}  // namespace
}  // namespace factlint::extract
