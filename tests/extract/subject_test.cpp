#include "extract/subject.h"

#include <catch2/catch.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace factlint::extract {
namespace {

/// The subject of the figure written as `figure` in `text`, as "owner의 modifier word/particle"
/// ("-" when there is none).
std::string subject_of(std::string_view text, std::string_view figure) {
  const std::size_t at = text.find(figure);
  REQUIRE(at != std::string_view::npos);
  const std::optional<Subject> s = find_subject(text, at);
  if (!s) return "-";
  std::string out;
  const auto slice = [&](Span span) { return text.substr(span.begin, span.size()); };
  if (s->owner) out += std::string(slice(*s->owner)) + "의 ";
  if (s->modifier) out += std::string(slice(*s->modifier)) + " ";
  return out + std::string(slice(s->word)) + "/" + s->particle;
}

TEST_CASE("the topic or subject particle before a figure marks its subject", "[subject][facts]") {
  const std::string_view seed_like =
      "비교하면 중국은 92.5%로 가장 높았고 유럽은 92.5%, 한국은 88.9%였다.";
  CHECK(subject_of(seed_like, "92.5%로") == "중국/은");
  CHECK(subject_of(seed_like, "92.5%,") == "유럽/은");
  CHECK(subject_of(seed_like, "88.9%") == "한국/은");
  CHECK(subject_of("참가자가 1,200명이었다", "1,200명") == "참가자/가");
  CHECK(subject_of("한빛전자는 30%를 차지했다", "30%") == "한빛전자/는");
  // Latin letters and digits take either form of the particle.
  CHECK(subject_of("A사는 30%, B사가 25%였다", "30%") == "A사/는");
  CHECK(subject_of("GPT는 30%", "30%") == "GPT/는");
}

TEST_CASE("a particle that does not fit the last sound is no particle", "[subject][facts]") {
  // 화웨이 ends in a vowel, so its 이 is part of the name.
  CHECK(subject_of("화웨이 30%", "30%") == "화웨이/");
  // 넘는 (넘 + 는) is a verb form: 는 never follows a final consonant.
  CHECK(subject_of("기준을 넘는 30%", "30%") == "-");
}

TEST_CASE("a bare noun right before a figure is its subject", "[subject][facts]") {
  CHECK(subject_of("참가자 1,300명 가운데", "1,300명") == "참가자/");
  CHECK(subject_of("찬성 48%, 반대 41%", "41%") == "반대/");
  CHECK(subject_of("‘찬성’은 48%", "48%") == "찬성/은");
  CHECK(subject_of("외국인 300명", "300명") == "외국인/");
}

TEST_CASE("owners and modifiers are kept apart from the subject word", "[subject][facts]") {
  CHECK(subject_of("미국의 점유율은 30%다", "30%") == "미국의 점유율/은");
  CHECK(subject_of("국내 참가자는 900명", "900명") == "국내 참가자/는");
  const std::string_view text = "미국의 점유율은 30%다";
  const auto s = find_subject(text, text.find("30%"));
  REQUIRE(s);
  CHECK(text.substr(s->name().begin, s->name().size()) == "미국");
  REQUIRE(s->measure());
  CHECK(text.substr(s->measure()->begin, s->measure()->size()) == "점유율");
}

TEST_CASE("words between a subject and its figure that qualify the figure are skipped",
          "[subject][facts]") {
  CHECK(subject_of("참가자는 모두 1,200명", "1,200명") == "참가자/는");
  CHECK(subject_of("매출은 지난해 100억 원", "100억") == "매출/은");
  CHECK(subject_of("신규 확진자는 총 1,132명", "1,132명") == "신규 확진자/는");
}

TEST_CASE("objects, comparisons, verb forms, pronouns and times are no subject",
          "[subject][facts]") {
  CHECK(subject_of("기술수준을 100%로 놓고", "100%") == "-");
  CHECK(subject_of("지난해보다 30% 늘었다", "30%") == "-");
  CHECK(subject_of("이 회사에 달하는 30%", "30%") == "-");
  CHECK(subject_of("그 비율은 많은 30%", "30%") == "-");
  CHECK(subject_of("이는 30%에 이른다", "30%") == "-");
  // 최대 makes the figure a bound, so whatever came before it is not said to be 30%.
  CHECK(subject_of("할인은 최대 30%", "30%") == "-");
  CHECK(subject_of("둘은 각각 30%, 40%였다", "30%") == "-");
  CHECK(subject_of("전체의 30%", "30%") == "-");
  CHECK(subject_of("모레인 23일", "23일") == "-");
  CHECK(subject_of("지난달 28일", "28일") == "-");
  CHECK(subject_of("2023년은 30%", "30%") == "-");
}

TEST_CASE("the search stops at the limit", "[subject][facts]") {
  const std::string_view text = "중국은 늘었다. 30%였다";
  CHECK_FALSE(find_subject(text, text.find("30%"), text.find("30%")));
  // Without the limit the word before is "늘었다.", a predicate, not a subject either.
  CHECK(find_subject(text, text.find("30%"), 0) == std::nullopt);
}

}  // namespace
}  // namespace factlint::extract
