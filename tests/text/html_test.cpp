#include "text/html.h"

#include <catch2/catch.hpp>

#include "lint/fix.h"
#include "lint/linter.h"
#include "lint/published.h"
#include "report/location.h"
#include "support.h"

using namespace factlint;
using factlint::test::make_document;

namespace {

Document html(std::string text) { return make_document(std::move(text), "draft.html"); }

std::vector<std::string> block_texts(const Document& doc) {
  std::vector<std::string> out;
  for (const Paragraph& p : doc.paragraphs()) out.emplace_back(doc.slice(p.span));
  return out;
}

std::string fixed(const std::string& text) {
  const Linter linter;
  return fix_all(linter, html(text), LintContext{}, {}).text;
}

}  // namespace

TEST_CASE("html: markup is removed, lines and prose stay", "[html]") {
  const Document doc = html("<p>정부<b>는</b>\n발표했다.</p>\n<p>둘째 &amp; 셋째</p>\n");
  CHECK(doc.format() == Document::Format::html);
  CHECK(doc.text() == "정부는\n발표했다.\n둘째 & 셋째\n");
  CHECK(doc.line_count() == 3);
  CHECK(block_texts(doc) == std::vector<std::string>{"정부는\n발표했다.", "둘째 & 셋째"});
}

TEST_CASE("html: non-prose content is left out", "[html]") {
  const Document doc = html(
      "<head><style>a{}</style><script>x=1</script></head><body><p title=\"속성\">본문</p>"
      "<!-- 메모 --><template>틀</template><noscript>안내</noscript><pre>코드</pre>"
      "<code>코드</code></body>");
  CHECK(block_texts(doc) == std::vector<std::string>{"본문"});
}

TEST_CASE("html: blocks split at block elements and br, not at inline ones", "[html]") {
  const Document doc =
      html("<div>가<span>나</span><br>다<p>라</p><ul><li>마</li><li>바</li></ul></div>");
  CHECK(block_texts(doc) == std::vector<std::string>{"가나", "다", "라", "마", "바"});
  // Blocks on one line stay separate words.
  CHECK(doc.text() == "가나 다 라 마 바");
}

TEST_CASE("html: the title is the headline only without an h1", "[html]") {
  CHECK(block_texts(html("<title>제목</title><p>본문</p>")) ==
        std::vector<std::string>{"제목", "본문"});
  CHECK(block_texts(html("<title>제목</title><h1>큰 제목</h1><p>본문</p>")) ==
        std::vector<std::string>{"큰 제목", "본문"});
}

TEST_CASE("html: character references keep positions in the original", "[html]") {
  const Document doc = html("<p>&#xAC00;&amp;&nbsp;3,5%</p>");
  CHECK(doc.text() == "가&\u00A03,5%");
  const std::size_t at = doc.text().find("3,5%");
  const Location loc = locate(doc, {at, at + 4});
  CHECK(loc.start.column == 23);  // After "<p>&#xAC00;&amp;&nbsp;" (22 characters).
  CHECK(loc.byte_offset == 22);
  CHECK(loc.byte_length == 4);
  CHECK(loc.end.column == 27);  // Before "</p>".
  // Unknown named references are left out rather than guessed.
  CHECK(html("<p>가&zzz;나</p>").text() == "가나");
  // Numeric references in 0x80-0x9F are windows-1252, as in HTML5.
  CHECK(html("<p>&#147;가&#148; &#150;</p>").text() == "“가” –");
  // A literal ampersand is text; a line end written as a reference is a space.
  CHECK(html("<p>R&D&#10;끝</p>").text() == "R&D 끝");
}

TEST_CASE("html: figcaption text is a caption", "[html]") {
  const Document doc = html("<figure><figcaption>부두 모습</figcaption></figure>\n<p>본문</p>");
  REQUIRE(doc.captions().size() == 1);
  CHECK(doc.slice(doc.captions()[0]) == "부두 모습");
}

TEST_CASE("html: the publication date comes from the page's meta data", "[html]") {
  auto date = [](std::string text) {
    auto found = find_published(html(std::move(text)));
    return found ? found->date.iso() : std::string("none");
  };
  CHECK(date("<meta property=\"article:published_time\" content=\"2024-03-06T09:00:00+09:00\">"
             "<meta name=\"date\" content=\"2020-01-01\"><p>본문</p>") == "2024-03-06");
  CHECK(date("<meta name=\"date\" content=\"2024-05-02\"><p>본문</p>") == "2024-05-02");
  CHECK(date("<article><header><time datetime=\"2024-07-01\">7월 1일</time></header>"
             "<p>본문</p></article>") == "2024-07-01");
  // A <time> in the body is a reported event, not the article's date.
  CHECK(date("<article><p>행사는 <time datetime=\"2024-09-09\">9일</time> 열린다.</p></article>") ==
        "none");
}

TEST_CASE("html: fixes edit the source, never its markup", "[html][fix]") {
  CHECK(fixed("<p>비율은 <b>4,5%</b>다.</p>\n") == "<p>비율은 <b>4.5%</b>다.</p>\n");
  CHECK(fixed("<p>R&amp;D  &#xAC00; 4,5%</p>\n") == "<p>R&amp;D &#xAC00; 4.5%</p>\n");
  // The comma sits in its own element: the fix would cross markup, so it is withheld.
  const std::string split = "<p>비율은 4<b>,</b>5%다.</p>\n";
  CHECK(fixed(split) == split);
  const Linter linter;
  const auto found = linter.lint(html(split), LintContext{}, {});
  REQUIRE(found.size() == 1);
  CHECK(found[0].rule == "number/decimal-separator");
  CHECK(found[0].fix.empty());
}

TEST_CASE("html: spaces that markup leaves are not findings", "[html]") {
  const Linter linter;
  for (const char* text : {
           "<p>가 <b> 나</b></p>\n",                      // Spaces on both sides of a tag.
           "<p>가</p>    <p>나</p>\n",                    // Spaces between blocks.
           "<p><span>가</span>   <span>나</span></p>\n",  // Layout between inline tags.
           "<p>문장이다. </p>\n  <p>다음</p>\n",          // Space before an end tag.
           "<p title='\"인용\"'>“따옴표”</p>\n",          // Quotes in attributes.
       }) {
    INFO(text);
    CHECK(linter.lint(html(text), LintContext{}, {}).empty());
  }
}
