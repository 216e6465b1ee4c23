#include "text/particles.h"

#include <catch2/catch.hpp>
#include <string>

namespace {
std::string stem(std::string_view word) {
  return std::string(word.substr(0, factlint::particles::stem_length(word)));
}
}  // namespace

TEST_CASE("a trailing particle is split off", "[particles]") {
  CHECK(stem("오픈AI가") == "오픈AI");
  CHECK(stem("딥마인드의") == "딥마인드");
  CHECK(stem("서울에서는") == "서울");
  CHECK(stem("책으로") == "책");
  CHECK(stem("누리봇이라는") == "누리봇");
  CHECK(stem("NuriBot이라는") == "NuriBot");
}

TEST_CASE("particles that alternate by sound split only after the matching syllable",
          "[particles]") {
  CHECK(stem("화웨이") == "화웨이");  // 이 after a vowel is part of the name.
  CHECK(stem("사이라는") == "사이");  // 이라는 does not fit after 사; 라는 does.
  CHECK(stem("카메라로") == "카메라");
  CHECK(stem("서울로") == "서울");    // 로 after ㄹ.
  CHECK(stem("한국로") == "한국로");  // 로 after another final consonant does not fit.
  CHECK(stem("마인드는") == "마인드");
  CHECK(stem("마인드은") == "마인드은");
}

TEST_CASE("after Latin letters and digits either form of a particle splits", "[particles]") {
  CHECK(stem("GPT를") == "GPT");
  CHECK(stem("GPT을") == "GPT");
  CHECK(stem("K2가") == "K2");
  CHECK(stem("K2이") == "K2");
}

TEST_CASE("a word is never reduced to nothing, and risky endings stay", "[particles]") {
  CHECK(stem("가") == "가");
  CHECK(stem("에서") == "에서");
  CHECK(stem("하노이나") == "하노이나");  // 나 is left out of the list on purpose.
  CHECK(stem("") == "");
}
