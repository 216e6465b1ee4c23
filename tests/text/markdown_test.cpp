#include "text/markdown.h"

#include <catch2/catch.hpp>

#include "support.h"

using factlint::Document;
using factlint::Span;
using factlint::test::make_document;

namespace {
std::string rewritten(std::string text) {
  factlint::OffsetMap map;
  factlint::rewrite_markdown(text, map);
  return text;
}
}  // namespace

TEST_CASE("markdown: only prose survives, inline markup goes, the rest is blanked", "[markdown]") {
  // Emphasis marks are removed; inline code becomes spaces byte for byte (`코드` is 8 bytes).
  CHECK(rewritten("# 제목\n\n본문 **굵게** `코드` 끝.\n") ==
        "  제목\n\n본문 굵게 " + std::string(8, ' ') + " 끝.\n");
  CHECK(rewritten("```\n3,5%\n```\n뒤\n") == "   \n    \n   \n뒤\n");
  // A link keeps its text; its brackets and target go.
  CHECK(rewritten("[링크 글](https://a.b/c,5%) 뒤\n") == " 링크 글 뒤\n");
  // A URL shown as text stays blanked, so the words around it stay apart.
  CHECK(rewritten("주소 https://a.b/x,5% 끝\n") == "주소                  끝\n");
  CHECK(rewritten("가 &amp; 나\n") == "가       나\n");
  // Markup inside a word: the word is read whole.
  CHECK(rewritten("오픈*AI*는 \\*별표\n") == "오픈AI는 *별표\n");
  // Table cells stay apart.
  CHECK(rewritten("| 가 | 나 |\n|---|---|\n| 1 | 2 |\n") ==
        "  가   나  \n" + std::string(9, ' ') + "\n  1   2  \n");
  // Suppression comments stay readable; other HTML does not.
  CHECK(rewritten("<!-- factlint-disable-next-line number/decimal-separator -->\n본문\n") ==
        "<!-- factlint-disable-next-line number/decimal-separator -->\n본문\n");
  CHECK(rewritten("<!-- 메모 -->\n본문\n") == std::string(15, ' ') + "\n본문\n");
}

TEST_CASE("markdown: front matter gives the title as prose and the date", "[markdown]") {
  std::string text = "---\ntitle: \"수출 4,5% 증가\"\ndate: 2024-03-06\n---\n본문\n";
  factlint::OffsetMap map;
  const auto layout = factlint::rewrite_markdown(text, map);
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
