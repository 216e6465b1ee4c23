#include "lint/published.h"

#include <catch2/catch.hpp>
#include <string>

#include "support.h"
#include "text/document.h"

namespace factlint {
namespace {

using test::make_document;

/// The date a document states about itself as YYYY-MM-DD and its source, or "-".
std::string stated(std::string text, std::string path = "article.txt") {
  const Document doc = make_document(std::move(text), std::move(path));
  const auto found = find_published(doc);
  if (!found) return "-";
  const char* source = found->source == PublishedSource::front_matter ? "front-matter"
                       : found->source == PublishedSource::dateline   ? "dateline"
                                                                      : "given";
  return found->date.iso() + " " + source;
}

std::string dateline(std::string_view line) {
  const auto found = parse_dateline(line);
  if (!found) return "-";
  return found->first.iso() + " [" +
         std::string(line.substr(found->second.begin, found->second.size())) + "]";
}

TEST_CASE("Korean CMS datelines", "[published][facts]") {
  CHECK(dateline("입력 2024.03.06 10:00") == "2024-03-06 [2024.03.06]");
  CHECK(dateline("입력 2024-03-06") == "2024-03-06 [2024-03-06]");
  CHECK(dateline("2024-03-06 등록") == "2024-03-06 [2024-03-06]");
  CHECK(dateline("2024-03-06 10:00:12 등록") == "2024-03-06 [2024-03-06]");
  CHECK(dateline("기사입력 2024.03.06.") == "2024-03-06 [2024.03.06.]");
  CHECK(dateline("승인 2024.03.06") == "2024-03-06 [2024.03.06]");
  CHECK(dateline("발행일 2024.03.06") == "2024-03-06 [2024.03.06]");
  CHECK(dateline("입력 : 2024년 3월 6일") == "2024-03-06 [2024년 3월 6일]");
  CHECK(dateline("김누리 기자 | 입력 2024.03.06 10:00 | 수정 2024.03.07 09:30") ==
        "2024-03-06 [2024.03.06]");
}

TEST_CASE("dates that do not say when the article went out", "[published][facts]") {
  CHECK(dateline("수정 2024.03.07 09:30") == "-");       // a later edit
  CHECK(dateline("2024년 3월 6일 입력된 자료") == "-");  // 입력 is part of a verb
  CHECK(dateline("데이터입력 2024.03.06") == "-");       // 입력 inside another word
  CHECK(dateline("입력 3월 6일") == "-");                // no year
  CHECK(dateline("2024.03.06 행사") == "-");
}

TEST_CASE("the document's own date: front matter first, then a dateline", "[published][facts]") {
  CHECK(stated("---\ntitle: 제목\ndate: 2024-03-06\n---\n본문이다.\n") ==
        "2024-03-06 front-matter");
  CHECK(stated("---\ndate: 2024-03-06T10:00:00+09:00\n---\n본문이다.\n") ==
        "2024-03-06 front-matter");
  CHECK(stated("---\ndate: \"2024-03-06\"\n---\n입력 2024.03.01\n") == "2024-03-06 front-matter");
  // A front matter date that is not a date gives way to the dateline.
  CHECK(stated("---\ndate: 어제\n---\n입력 2024.03.01\n") == "2024-03-01 dateline");
  CHECK(stated("제목\n입력 2024.03.06 10:00\n\n본문이다.\n") == "2024-03-06 dateline");
  CHECK(stated("본문이다.\n\n2024-03-06 10:00 등록\n") == "2024-03-06 dateline");
  CHECK(stated("본문이다.\n") == "-");
}

TEST_CASE("a dateline counts only in the first or last five lines", "[published][facts]") {
  std::string text = "제목\n";
  for (int i = 0; i < 12; ++i) text += "본문 " + std::to_string(i) + "이다.\n";
  CHECK(stated(text + "입력 2024.03.06\n") == "2024-03-06 dateline");
  std::string middle = "제목\n";
  for (int i = 0; i < 6; ++i) middle += "본문이다.\n";
  middle += "입력 2024.03.06\n";
  for (int i = 0; i < 6; ++i) middle += "본문이다.\n";
  CHECK(stated(middle) == "-");
}

TEST_CASE("a date the run was given wins over the document", "[published][facts]") {
  const Document doc = make_document("입력 2024.03.06\n본문이다.\n");
  const auto given = resolve_published(doc, CivilDate{2024, 1, 2});
  REQUIRE(given);
  CHECK(given->date.iso() == "2024-01-02");
  CHECK(given->source == PublishedSource::given);
  const auto own = resolve_published(doc, std::nullopt);
  REQUIRE(own);
  CHECK(own->date.iso() == "2024-03-06");
  CHECK(doc.slice(own->span) == "2024.03.06");
}

TEST_CASE("Markdown front matter comes from the Markdown front end", "[published][facts]") {
  CHECK(stated("---\ndate: 2024-03-06\n---\n본문이다.\n", "article.md") ==
        "2024-03-06 front-matter");
}

}  // namespace
}  // namespace factlint
