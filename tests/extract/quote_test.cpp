// Quotations, speakers and verbs of saying (extract/quote.h). Every sentence here is written for
// this test in the forms Korean news uses.

#include "extract/quote.h"

#include <catch2/catch.hpp>
#include <string>
#include <string_view>

using factlint::extract::Attribution;
using factlint::extract::find_attributions;
using factlint::extract::find_people;
using factlint::extract::SpeakerKind;

namespace {

std::string_view slice(std::string_view text, std::size_t begin, std::size_t end) {
  return text.substr(begin, end - begin);
}

std::string_view quoted(std::string_view text, const Attribution& a) {
  return slice(text, a.quote.text_begin, a.quote.text_end);
}

/// The only attribution of `text`; fails unless there is exactly one.
Attribution only(std::string_view text) {
  const auto all = find_attributions(text);
  REQUIRE(all.size() == 1);
  return all[0];
}

}  // namespace

TEST_CASE("a speaker introduced with an apposition before the name", "[quote]") {
  const std::string text =
      "지난 3일 국내 배터리 업체 한빛에너지의 창업자이자 산업정책위원회 위원인 도우진은 "
      "방송 인터뷰에서 “전고체 전지는 5년 안에 상용화될 것이다.”라고 짚었다.";
  const Attribution a = only(text);
  REQUIRE(a.speaker);
  CHECK(a.speaker->name == "도우진");
  CHECK(a.speaker->title == "한빛에너지의 창업자이자 산업정책위원회 위원");
  CHECK(slice(text, a.speaker->title_begin, a.speaker->title_end) ==
        "한빛에너지의 창업자이자 산업정책위원회 위원");
  CHECK(slice(text, a.speaker->begin, a.speaker->end) == "도우진");
  CHECK(a.speaker->kind == SpeakerKind::person);
  CHECK(a.verb == "짚었다");
  CHECK(slice(text, a.verb_begin, a.verb_end) == "짚었다");
  CHECK(a.quotative == "라고");
  CHECK(a.speech);
  CHECK_FALSE(a.speaker_by_reference);
  CHECK(quoted(text, a) == "전고체 전지는 5년 안에 상용화될 것이다.");
  CHECK(a.quote.open_mark == U'“');
  CHECK(a.quote.depth == 0);
}

TEST_CASE("a foreign name in two words after its title", "[quote]") {
  const std::string text =
      "로봇 기업 아스트라의 공동 창업자 미하일 소콜로프는 “우리는 준비됐다.”며 “경쟁은 이제 "
      "시작이다.”라고 덧붙였다.";
  const auto all = find_attributions(text);
  REQUIRE(all.size() == 2);
  for (const Attribution& a : all) {
    REQUIRE(a.speaker);
    CHECK(a.speaker->name == "미하일 소콜로프");
    CHECK(a.speaker->title == "아스트라의 공동 창업자");
    CHECK(a.verb == "덧붙였다");
  }
  CHECK(all[0].quotative == "며");
  CHECK(all[1].quotative == "라고");
}

TEST_CASE("name and title in the usual orders", "[quote]") {
  struct Case {
    std::string text, name, title, verb;
  };
  const Case cases[] = {
      {"외교부 박서연 차관은 “협상은 끝나지 않았다”고 말했다.", "박서연", "외교부 차관", "말했다"},
      {"박서연 외교부 차관은 “협상은 끝나지 않았다”고 밝혔다.", "박서연", "외교부 차관", "밝혔다"},
      {"에릭 도르너 독일 경제장관은 “관세는 해법이 아니다”라고 강조했다.", "에릭 도르너",
       "독일 경제장관", "강조했다"},
      {"한정우 시장이 “예산은 충분하다”고 반박했다.", "한정우", "시장", "반박했다"},
      {"회사원 이모(34) 씨는 “출근길이 두 배로 길어졌다”고 토로했다.", "이모", "회사원 씨",
       "토로했다"},
      {"세종대 물리학과 오지환 교수는 “측정 오차는 크지 않다”고 설명했다.", "오지환",
       "세종대 물리학과 교수", "설명했다"},
      {"“계획대로 진행하겠다”고 남궁민재 대표는 말했다.", "남궁민재", "대표", "말했다"},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    const Attribution a = only(c.text);
    REQUIRE(a.speaker);
    CHECK(a.speaker->name == c.name);
    CHECK(a.speaker->title == c.title);
    CHECK(a.verb == c.verb);
    CHECK(a.speaker->kind == SpeakerKind::person);
  }
}

TEST_CASE("institutions, roles and groups speak too", "[quote]") {
  struct Case {
    std::string text, name;
    SpeakerKind kind;
  };
  const Case cases[] = {
      {"통계청은 “고용률이 두 달 연속 올랐다”고 밝혔다.", "통계청", SpeakerKind::organization},
      {"중국 정부는 “협력을 강화할 것이다”라고 강조했다.", "중국 정부", SpeakerKind::organization},
      {"업계의 한 관계자는 “재고가 쌓이고 있다”고 전했다.", "업계의 한 관계자", SpeakerKind::role},
      {"현지 주민들은 “밤새 물이 차올랐다”고 말했다.", "주민들", SpeakerKind::group},
      {"응답자의 42%가 “물가가 가장 걱정된다”고 답했다.", "응답자의 42%", SpeakerKind::group},
      {"지역 상인회에서는 “매출이 절반으로 줄었다”고 주장했다.", "상인회",
       SpeakerKind::organization},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    const Attribution a = only(c.text);
    REQUIRE(a.speaker);
    CHECK(a.speaker->name == c.name);
    CHECK(a.speaker->kind == c.kind);
  }
}

TEST_CASE("references are linked to the person met before", "[quote]") {
  const std::string text =
      "김민수 국토교통부 차관은 15일 현장을 찾았다. 그는 “안전이 최우선이다”라고 말했다.\n"
      "이날 회의에는 업계 관계자들도 참석했다. 김 차관은 “다음 달 대책을 내놓겠다”고 "
      "덧붙였다.\n"
      "한 시민단체 관계자는 “늦은 조치”라고 비판했다. 이 관계자는 “더 기다릴 수 없다”고 "
      "말했다.";
  const auto all = find_attributions(text);
  REQUIRE(all.size() == 4);
  REQUIRE(all[0].speaker);
  CHECK(all[0].speaker->name == "김민수");
  CHECK(all[0].speaker->title == "국토교통부 차관");
  CHECK(all[0].speaker_by_reference);
  CHECK(slice(text, all[0].speaker->begin, all[0].speaker->end) == "그");
  REQUIRE(all[1].speaker);
  CHECK(all[1].speaker->name == "김민수");
  CHECK(all[1].speaker_by_reference);
  CHECK(slice(text, all[1].speaker->begin, all[1].speaker->end) == "김 차관");
  CHECK(all[1].verb == "덧붙였다");
  REQUIRE(all[3].speaker);
  CHECK(all[3].speaker->name == "한 시민단체 관계자");
  CHECK(all[3].speaker->kind == SpeakerKind::role);
  CHECK(all[3].speaker_by_reference);
}

TEST_CASE("a family name alone refers to the full foreign name", "[quote]") {
  const std::string text =
      "영국 환경단체 그린웨이브의 대표 에마 콜린스는 “시간이 없다”고 말했다. 콜린스는 "
      "“정부가 답해야 한다”고 촉구했다.";
  const auto all = find_attributions(text);
  REQUIRE(all.size() == 2);
  REQUIRE(all[1].speaker);
  CHECK(all[1].speaker->name == "에마 콜린스");
  CHECK(all[1].speaker->title == "그린웨이브의 대표");
  CHECK(all[1].verb == "촉구했다");
}

TEST_CASE("an unnamed subject is taken from the sentences around", "[quote]") {
  const std::string text =
      "정하린 환경부 장관은 기자간담회를 열었다. “규제를 늦출 생각은 없다.” 이어 “기업도 "
      "준비할 시간이 있었다”고 덧붙였다.\n"
      "“이번 겨울이 고비가 될 것이다.” 기상청 예보관 류승호 씨는 이렇게 말했다.";
  const auto all = find_attributions(text);
  REQUIRE(all.size() == 3);
  for (std::size_t i = 0; i < 2; ++i) {
    REQUIRE(all[i].speaker);
    CHECK(all[i].speaker->name == "정하린");
    CHECK(all[i].speaker_from_context);
    CHECK(all[i].speech);
  }
  CHECK(all[0].verb.empty());
  CHECK(all[1].verb == "덧붙였다");
  REQUIRE(all[2].speaker);
  CHECK(all[2].speaker->name == "류승호");
  CHECK(all[2].speaker_from_context);
}

TEST_CASE("terms, titles and slogans in marks are not speech", "[quote]") {
  const std::string text =
      "정부는 올해를 ‘도약의 해’로 정했다. 시민단체는 “함께 사는 도시”라는 구호를 내걸었다. "
      "그는 이를 “조용한 혁명”이라고 불렀다. 보고서 “국내 전력망의 미래”가 나왔다.";
  const auto all = find_attributions(text);
  REQUIRE(all.size() == 4);
  for (const Attribution& a : all) {
    INFO(quoted(text, a));
    CHECK_FALSE(a.speech);
    CHECK_FALSE(a.speaker);
  }
  CHECK(all[0].quote.open_mark == U'‘');
  CHECK(all[1].quotative == "라는");
}

TEST_CASE("a quotation inside another one has depth 1 and no speaker", "[quote]") {
  const std::string text = "노조 측은 “사측은 ‘검토 중’이라는 말만 되풀이했다”고 비판했다.";
  const auto all = find_attributions(text);
  REQUIRE(all.size() == 2);
  CHECK(all[0].quote.depth == 0);
  REQUIRE(all[0].speaker);
  CHECK(all[0].speaker->name == "노조 측");
  CHECK(all[1].quote.depth == 1);
  CHECK(quoted(text, all[1]) == "검토 중");
  CHECK_FALSE(all[1].speaker);
}

TEST_CASE("straight marks, corner brackets and a quotative after a space", "[quote]") {
  const std::string text =
      "배우 한지원 씨는 \"무대가 그리웠다\" 라고 말했다. 「지금이 아니면 늦는다」고 윤태오 "
      "감독은 말했다. 김 작가는 O’Neil의 말을 인용했다.";
  const auto all = find_attributions(text);
  REQUIRE(all.size() == 2);
  REQUIRE(all[0].speaker);
  CHECK(all[0].speaker->name == "한지원");
  CHECK(all[0].quotative == "라고");
  CHECK(all[0].quote.open_mark == U'"');
  CHECK(all[1].quote.open_mark == U'「');
  REQUIRE(all[1].speaker);
  CHECK(all[1].speaker->name == "윤태오");
}

TEST_CASE("marks typed the wrong way round still pair", "[quote]") {
  const std::string text =
      "구청 관계자는 \"공사는 예정대로 간다“며 ”주민 설명회도 열겠다“고 말했다.";
  const auto all = find_attributions(text);
  REQUIRE(all.size() == 2);
  CHECK(quoted(text, all[0]) == "공사는 예정대로 간다");
  CHECK(quoted(text, all[1]) == "주민 설명회도 열겠다");
  CHECK(all[1].speaker->name == "구청 관계자");
}

TEST_CASE("a verb in two words and a noun of saying", "[quote]") {
  const std::string text =
      "최윤아 의원은 “법안을 다시 내겠다”고 말하기도 했다. 최 의원은 “통과를 낙관한다”는 "
      "입장을 밝혔다.";
  const auto all = find_attributions(text);
  REQUIRE(all.size() == 2);
  CHECK(all[0].verb == "말하기도 했다");
  CHECK(all[1].verb == "밝혔다");
  CHECK(all[1].quotative == "는");
  CHECK(all[1].speech);
  CHECK(all[1].speaker->name == "최윤아");
}

TEST_CASE("the seed article's speakers", "[quote]") {
  // The two speaker forms of the article in ../shared/seed, in sentences of our own.
  const std::string text =
      "지난달 25일 중국의 사이버 보안업체 치후 360의 창업자이자 전국인민회의 위원인 "
      "저우훙이는 현지 매체와의 인터뷰에서 “격차는 줄어들 것이다.”라고 짚었다.\n"
      "딥마인드의 공동 창업자 무스타파 술레이만은 블룸버그와의 인터뷰에서 “나는 "
      "낙관한다. 경쟁은 건강하다.”라며 “시간이 걸릴 것”이라고 말했다.";
  const auto all = find_attributions(text);
  REQUIRE(all.size() == 3);
  CHECK(all[0].speaker->name == "저우훙이");
  CHECK(all[0].speaker->title == "치후 360의 창업자이자 전국인민회의 위원");
  CHECK(all[1].speaker->name == "무스타파 술레이만");
  CHECK(all[1].speaker->title == "딥마인드의 공동 창업자");
  CHECK(all[1].verb == "말했다");
  CHECK(all[2].quotative == "이라고");
}

TEST_CASE("find_people lists people with titles wherever they stand", "[quote]") {
  const std::string text =
      "정부는 이날 김민수 국토교통부 차관을 단장으로 임명했다. 윤서진 교수와 함께 "
      "현장을 점검한다. 그는 “서두르겠다”고 말했다.";
  const auto people = find_people(text);
  REQUIRE(people.size() == 2);
  CHECK(people[0].name == "김민수");
  CHECK(people[0].title == "국토교통부 차관");
  CHECK(people[1].name == "윤서진");
  CHECK(people[1].title == "교수");
}

TEST_CASE("speaker kinds have names for listings", "[quote]") {
  CHECK(factlint::extract::to_string(SpeakerKind::person) == "person");
  CHECK(factlint::extract::to_string(SpeakerKind::organization) == "organization");
}

TEST_CASE("no quotation, no attribution", "[quote]") {
  CHECK(find_attributions("").empty());
  CHECK(find_attributions("따옴표가 없는 문장이다.").empty());
  CHECK(find_attributions("열리기만 한 “따옴표").empty());
}

TEST_CASE("a long text is read in windows with the same result as article by article", "[quote]") {
  // Every quotation forms its speaker within the article, so each copy of it in a long text
  // must read exactly like the article alone, wherever the windows of the reader fall.
  const std::string article =
      "시립도서관 박현우 관장은 “야간 열람실을 다음 달부터 자정까지 연다”고 밝혔다. "
      "그는 “시험 기간에 자리가 모자란다는 민원이 많았다”고 덧붙였다. "
      "“주말에도 같은 시간까지 연다.” 박 관장은 이렇게 말했다.\n"
      "이용자들은 운영 시간을 총무팀에 문의했다. “평일과 주말 모두 같습니다”라고 답했다.\n"
      "구청 대변인 김소라 씨는 “예산은 이미 확보했다”고 말했다.\n\n";
  const auto one = factlint::extract::find_quote_facts(article);
  REQUIRE(one.attributions.size() == 5);
  REQUIRE(one.people.size() >= 2);
  std::string text;
  std::size_t copies = 0;
  while (text.size() < (std::size_t{5} << 19)) {  // 2.5 MB: windows of 1 MB, then 256 KB
    text += article;
    ++copies;
  }
  const auto all = factlint::extract::find_quote_facts(text);
  REQUIRE(all.attributions.size() == copies * one.attributions.size());
  REQUIRE(all.people.size() == copies * one.people.size());
  std::size_t mismatches = 0;
  for (std::size_t c = 0; c < copies; ++c) {
    const std::size_t shift = c * article.size();
    for (std::size_t i = 0; i < one.attributions.size(); ++i) {
      const Attribution& a = one.attributions[i];
      const Attribution& b = all.attributions[c * one.attributions.size() + i];
      const bool same = b.quote.begin == a.quote.begin + shift &&
                        b.quote.end == a.quote.end + shift && b.speech == a.speech &&
                        b.verb == a.verb && b.speaker.has_value() == a.speaker.has_value() &&
                        (!a.speaker || (b.speaker->name == a.speaker->name &&
                                        b.speaker->title == a.speaker->title &&
                                        b.speaker->begin == a.speaker->begin + shift)) &&
                        b.speaker_by_reference == a.speaker_by_reference &&
                        b.speaker_from_context == a.speaker_from_context;
      if (!same) ++mismatches;
    }
    for (std::size_t i = 0; i < one.people.size(); ++i) {
      const auto& a = one.people[i];
      const auto& b = all.people[c * one.people.size() + i];
      if (b.begin != a.begin + shift || b.name != a.name || b.title != a.title) ++mismatches;
    }
  }
  CHECK(mismatches == 0);
}

TEST_CASE("a text with no line breaks is read in stretches with the same result", "[quote]") {
  // A pasted text with no line breaks is cut after a sentence end every 64 KB or so, so that
  // the words held at once stay bounded; each copy must still read like the article alone.
  const std::string article =
      "시립도서관 박현우 관장은 “야간 열람실을 다음 달부터 자정까지 연다”고 밝혔다. "
      "그는 “시험 기간에 자리가 모자란다는 민원이 많았다”고 덧붙였다. "
      "“주말에도 같은 시간까지 연다.” 박 관장은 이렇게 말했다. "
      "이용자들은 운영 시간을 총무팀에 문의했다. “평일과 주말 모두 같습니다”라고 답했다. "
      "구청 대변인 김소라 씨는 “예산은 이미 확보했다”고 말했다. ";
  const auto one = factlint::extract::find_quote_facts(article);
  REQUIRE(one.attributions.size() == 5);
  REQUIRE(one.people.size() >= 2);
  std::string text;
  std::size_t copies = 0;
  while (text.size() < (std::size_t{5} << 19)) {  // 2.5 MB on one line
    text += article;
    ++copies;
  }
  const auto all = factlint::extract::find_quote_facts(text);
  REQUIRE(all.attributions.size() == copies * one.attributions.size());
  REQUIRE(all.people.size() == copies * one.people.size());
  std::size_t mismatches = 0;
  for (std::size_t c = 0; c < copies; ++c) {
    const std::size_t shift = c * article.size();
    for (std::size_t i = 0; i < one.attributions.size(); ++i) {
      const Attribution& a = one.attributions[i];
      const Attribution& b = all.attributions[c * one.attributions.size() + i];
      const bool same = b.quote.begin == a.quote.begin + shift && b.verb == a.verb &&
                        b.speaker.has_value() == a.speaker.has_value() &&
                        (!a.speaker || (b.speaker->name == a.speaker->name &&
                                        b.speaker->begin == a.speaker->begin + shift)) &&
                        b.speaker_from_context == a.speaker_from_context;
      if (!same) ++mismatches;
    }
    for (std::size_t i = 0; i < one.people.size(); ++i) {
      const auto& a = one.people[i];
      const auto& b = all.people[c * one.people.size() + i];
      if (b.begin != a.begin + shift || b.name != a.name) ++mismatches;
    }
  }
  CHECK(mismatches == 0);
}

TEST_CASE("a line with no sentence end or space is cut without losing a quotation after it",
          "[quote]") {
  std::string text(300000, 'x');  // no '.', no space: cut at a character boundary
  const std::size_t at = text.size();
  text += " 김민수 장관은 “예산을 늘리겠다”고 말했다.";
  const auto all = find_attributions(text);
  REQUIRE(all.size() == 1);
  REQUIRE(all[0].speaker);
  CHECK(all[0].speaker->name == "김민수");
  CHECK(all[0].speaker->begin == at + 1);
  CHECK(all[0].verb == "말했다");
}

TEST_CASE("words are split at every kind of white space, and a bracket stays in its word",
          "[quote]") {
  // A no-break space, an ideographic space, a tab and a thin space separate words as a space
  // does; long sentences make the words span the scanner's blocks of sixteen bytes.
  for (const std::string_view space : {" ", "\u00A0", "\u3000", "\t", "\u2009", "  "}) {
    const std::string s(space);
    const std::string text = "산업통상자원부의" + s + "김민수" + s + "차관은" + s + "어제" + s +
                             "오후" + s + "기자들과" + s + "만나" + s +
                             "“수출 지원책을 다음 달까지 마련하겠다”고" + s + "말했다.";
    INFO("space U+" << std::hex << static_cast<int>(static_cast<unsigned char>(s[0])));
    const Attribution a = only(text);
    REQUIRE(a.speaker);
    CHECK(a.speaker->name == "김민수");
    CHECK(a.speaker->title == "산업통상자원부의 차관");
    CHECK(a.verb == "말했다");
  }
  // A bracketed note inside the word before the particle: the particle still marks the name.
  const std::string text = "에스알(SR)은 “열차 운행을 늘리겠다”고 밝혔다.";
  const Attribution a = only(text);
  REQUIRE(a.speaker);
  CHECK(a.speaker->name == "에스알");
}
