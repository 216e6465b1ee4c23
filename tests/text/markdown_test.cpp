#include "text/markdown.h"

#include <catch2/catch.hpp>

#include "support.h"

using factlint::Document;
using factlint::Span;
using factlint::test::make_document;

namespace {
std::string blanked(std::string text) {
  factlint::blank_markdown(text);
  return text;
}
}  // namespace

TEST_CASE("markdown: only prose survives, in place", "[markdown]") {
  // Markup and code become spaces byte for byte ("** `코드` " is 12 bytes).
  CHECK(blanked("# 제목\n\n본문 **굵게** `코드` 끝.\n") ==
        "  제목\n\n본문   굵게" + std::string(12, ' ') + "끝.\n");
  CHECK(blanked("```\n3,5%\n```\n뒤\n") == "   \n    \n   \n뒤\n");
  CHECK(blanked("[링크 글](https://a.b/c,5%) 뒤\n") == " 링크 글                    뒤\n");
  CHECK(blanked("주소 https://a.b/x,5% 끝\n") == "주소                  끝\n");
  CHECK(blanked("가 &amp; 나\n") == "가       나\n");
  // Suppression comments stay readable; other HTML does not.
  CHECK(blanked("<!-- factlint-disable-next-line number/decimal-separator -->\n본문\n") ==
        "<!-- factlint-disable-next-line number/decimal-separator -->\n본문\n");
  CHECK(blanked("<!-- 메모 -->\n본문\n") == std::string(15, ' ') + "\n본문\n");
}

TEST_CASE("markdown: front matter gives the title as prose and the date", "[markdown]") {
  std::string text = "---\ntitle: \"수출 4,5% 증가\"\ndate: 2024-03-06\n---\n본문\n";
  const auto layout = factlint::blank_markdown(text);
  REQUIRE(layout.front_matter);
  REQUIRE(layout.title);
  CHECK(text.substr(layout.title->begin, layout.title->size()) == "수출 4,5% 증가");
  CHECK(layout.date == "2024-03-06");
  CHECK(text.find("date") == std::string::npos);  // Other keys are not prose.
}

TEST_CASE("markdown documents: blocks are paragraphs, wrapped lines one sentence", "[markdown]") {
  const Document doc =
      make_document("첫 문장이\n이어진다. 둘째 문장.\n- 항목 하나\n- 항목 둘\n", "a.md");
  CHECK(doc.format() == Document::Format::markdown);
  REQUIRE(doc.paragraphs().size() == 3);
  CHECK(doc.paragraphs()[0].first_line == 0);
  CHECK(doc.paragraphs()[0].last_line == 1);
  std::vector<std::string_view> sentences;
  for (Span s : doc.sentences()) sentences.push_back(doc.slice(s));
  CHECK(sentences == std::vector<std::string_view>{"첫 문장이\n이어진다.", "둘째 문장.",
                                                   "항목 하나", "항목 둘"});
  // Positions are those of the file, markup included.
  const Document md = make_document("**굵은** 4,5%\n", "b.md");
  const std::size_t at = md.text().find("4,5");
  CHECK(md.position(at) == factlint::Position{1, 8});
  CHECK(md.touches_blanked(Span{0, 2}));
  CHECK_FALSE(md.touches_blanked(Span{at, at + 3}));
}
