#include "text/document.h"

#include <catch2/catch.hpp>

#include "support.h"
#include "text/utf8.h"
#include "text/width.h"

using factlint::Document;
using factlint::LoadError;
using factlint::Position;
using factlint::Span;
using factlint::test::make_document;

namespace {
std::size_t find(const Document& doc, std::string_view needle) {
  const std::size_t at = doc.text().find(needle);
  REQUIRE(at != std::string_view::npos);
  return at;
}
}  // namespace

TEST_CASE("invalid UTF-8 is reported at the offending byte", "[document]") {
  auto loaded = Document::from_bytes("a.txt", "첫 줄\n둘째 \xFF 줄\n");
  const auto* error = std::get_if<LoadError>(&loaded);
  REQUIRE(error != nullptr);
  CHECK(error->position == Position{2, 4});
  CHECK(error->message == "invalid UTF-8 byte 0xFF");
}

TEST_CASE("ill-formed sequences are invalid", "[document][utf8]") {
  using factlint::utf8::find_invalid;
  CHECK_FALSE(find_invalid("abc 가나다 \xF0\x9F\x98\x80"));
  CHECK(find_invalid("\xC0\xAF") == 0u);          // Overlong '/'.
  CHECK(find_invalid("ab\xED\xA0\x80") == 2u);    // A surrogate.
  CHECK(find_invalid("ab\xEA\xB0") == 2u);        // Truncated 가.
  CHECK(find_invalid("\xF4\x90\x80\x80") == 0u);  // Above U+10FFFF.
  CHECK(find_invalid("12345678\x80") == 8u);      // Stray continuation after the ASCII fast path.
  // Around the Hangul fast path (U+AC00..U+D79F by its bytes).
  CHECK_FALSE(
      find_invalid("\xEA\xAF\xBF\xEA\xB0\x80\xED\x9E\xA3\xED\x9F\xBF"));  // ꯿가힣 U+D7FF
  CHECK(find_invalid("가\xEA\xB0") == 3u);        // Truncated after a syllable.
  CHECK(find_invalid("가\xEB\x41\x80") == 3u);    // Second byte not a continuation byte.
  CHECK(find_invalid("가\xEA\xB0\xC0") == 3u);    // Third byte not a continuation byte.
  CHECK(find_invalid("ab  \xED\xA0\x80") == 4u);  // A surrogate after two ASCII bytes.
}

TEST_CASE("validate hands over every code point but ASCII and common syllables", "[utf8]") {
  std::vector<std::pair<char32_t, std::size_t>> seen;
  auto note = [&](char32_t cp, std::size_t at) { seen.emplace_back(cp, at); };
  CHECK_FALSE(factlint::utf8::validate(std::string_view("a가\u201C힣é漢\U0001F600"), note));
  CHECK(seen == std::vector<std::pair<char32_t, std::size_t>>{
                    {0x201C, 4}, {0xD7A3, 7}, {0xE9, 10}, {0x6F22, 12}, {0x1F600, 15}});
}

TEST_CASE("BOM, CRLF and CR keep LF positions", "[document]") {
  const std::string lf = "가나\n다라 마\n";
  for (const std::string& variant :
       {lf, std::string("\xEF\xBB\xBF") + lf, std::string("가나\r\n다라 마\r\n"),
        std::string("가나\r다라 마\r")}) {
    const Document doc = make_document(variant);
    CHECK(doc.text() == lf);
    CHECK(doc.line_count() == 2);
    const std::size_t at = find(doc, "마");
    CHECK(doc.position(at) == Position{2, 4});
    // The original byte offset points at the same character in the original bytes.
    CHECK(doc.original().substr(doc.to_original(at), 3) == "마");
  }
}

TEST_CASE("NFD text is analysed as NFC and reported at original positions", "[document]") {
  // "덧붐 88,9%" with both syllables decomposed into conjoining jamo.
  const std::string nfd =
      "\xE1\x84\x83\xE1\x85\xA5\xE1\x86\xBA"  // 덧
      "\xE1\x84\x87\xE1\x85\xAE\xE1\x86\xB7"  // 붐
      " 88,9%";
  const Document doc = make_document(nfd);
  CHECK(doc.text().size() < nfd.size());
  const std::size_t comma = find(doc, ",");
  // Columns count the original code points: 6 jamo + space + "88" -> the comma is column 10.
  CHECK(doc.position(comma) == Position{1, 10});
  CHECK(doc.original()[doc.to_original(comma)] == ',');
  // A span over the first composed syllable covers its three jamo in the original.
  CHECK(doc.to_original(0) == 0u);
  CHECK(doc.to_original(3, true) == 9u);
}

TEST_CASE("paragraphs are blocks of non-blank lines", "[document]") {
  const Document doc = make_document("= 캡션\n= 캡션\n\n첫 문단이다.\n  \n둘째 문단.\n");
  REQUIRE(doc.paragraphs().size() == 3);
  CHECK(doc.paragraphs()[0].first_line == 0);
  CHECK(doc.paragraphs()[0].last_line == 1);
  CHECK(doc.slice(doc.paragraphs()[0].span) == "= 캡션\n= 캡션");
  CHECK(doc.slice(doc.paragraphs()[2].span) == "둘째 문단.");
}

TEST_CASE("sentences end at terminal punctuation followed by a space, or at a line end",
          "[document]") {
  const Document doc = make_document(
      "성장률은 3.5%였다. 그는 “잘될 것이다.”라며 웃었다. 정말인가? 그렇다!\n제목 없는 줄\n");
  std::vector<std::string_view> got;
  for (Span s : doc.sentences()) got.push_back(doc.slice(s));
  CHECK(got == std::vector<std::string_view>{"성장률은 3.5%였다.",
                                             "그는 “잘될 것이다.”라며 웃었다.", "정말인가?",
                                             "그렇다!", "제목 없는 줄"});
  CHECK(doc.sentences_in(doc.paragraphs()[0].span).size() == 5);
  CHECK(doc.sentences_in(Span{0, doc.line(0).end}).size() == 4);
}

TEST_CASE("words are whitespace-delimited eojeol", "[document]") {
  const Document doc = make_document("오픈 AI가\u00A0소라를  공개했다.");
  std::vector<std::string_view> got;
  for (Span w : doc.words(Span{0, doc.text().size()})) got.push_back(doc.slice(w));
  CHECK(got == std::vector<std::string_view>{"오픈", "AI가", "소라를", "공개했다."});
  // Every kind of white space separates words; other characters with the same lead bytes do not.
  const Document spaced = make_document(
      "“가”\u3000나\u2003다\t라\n마\u202F바\u205F사\u1680아 ·자\u2010차\u3001카 \u00A1");
  got.clear();
  for (Span w : spaced.words(Span{0, spaced.text().size()})) got.push_back(spaced.slice(w));
  CHECK(got == std::vector<std::string_view>{"“가”", "나", "다", "라", "마", "바", "사", "아",
                                             "·자\u2010차\u3001카", "\u00A1"});
}

TEST_CASE("display width: Hangul and CJK are two cells, combining marks none", "[width]") {
  using factlint::display_width;
  CHECK(display_width(std::string_view("abc")) == 3u);
  CHECK(display_width(std::string_view("한국어")) == 6u);
  CHECK(display_width(std::string_view("中文")) == 4u);
  CHECK(display_width(std::string_view("％")) == 2u);
  CHECK(display_width(std::string_view("e\xCC\x81")) == 1u);  // e + combining acute
  CHECK(display_width(std::string_view("\xE1\x84\x83\xE1\x85\xA5\xE1\x86\xBA")) == 2u);  // NFD 덧
}

TEST_CASE("code points are counted in every alignment", "[utf8]") {
  using factlint::utf8::count_code_points;
  const std::string text = "aé한😀 가나다라마바사 xyz 漢字\u00A0끝";
  std::size_t expected = 0;
  for (std::size_t i = 0; i < text.size();) {
    factlint::utf8::decode(text, i);
    ++expected;
  }
  for (std::size_t start = 0; start < 8; ++start) {
    std::size_t from = 0;
    for (std::size_t k = 0; k < start && from < text.size(); ++k) {
      from += factlint::utf8::sequence_length(static_cast<unsigned char>(text[from]));
    }
    const std::string_view tail = std::string_view(text).substr(from);
    CHECK(count_code_points(tail) == expected - start);
  }
}

TEST_CASE("find_digit finds the first ASCII digit at every position and byte value", "[utf8]") {
  using factlint::utf8::find_digit;
  // Every byte value once, then a digit at each offset of a 40-byte block, so the digit falls
  // in every lane of the sixteen-byte scan and in the byte-wise tail.
  std::string all;
  for (int b = 0; b < 256; ++b) {
    if (b < '0' || b > '9') all.push_back(static_cast<char>(b));
  }
  CHECK(find_digit(all, 0) == all.size());
  for (std::size_t at = 0; at < 40; ++at) {
    for (char digit : {'0', '9'}) {
      std::string text(40, '\xEA');
      text[at] = digit;
      for (std::size_t from = 0; from <= at; from += 7) CHECK(find_digit(text, from) == at);
      CHECK(find_digit(text, at + 1) == text.size());
    }
  }
  CHECK(find_digit("", 0) == 0u);
  CHECK(find_digit("가격 3,000원", 0) == 7u);
}

TEST_CASE("NFC is detected around combining marks without missing a decomposition", "[document]") {
  // Already NFC, with combining marks that have no composed form (Thai vowel, e + macron below).
  for (const std::string& nfc : {std::string("가격 \xE0\xB8\x81\xE0\xB8\xB8 끝"),
                                 std::string("e\xCC\xB1 x"), std::string("\xCC\x81 start")}) {
    const Document doc = make_document(nfc);
    CHECK(doc.text() == nfc);
  }
  // Decomposed forms next to stable text are composed.
  CHECK(make_document("abc e\xCC\x81 d").text() == "abc \xC3\xA9 d");
  CHECK(make_document("\xE1\x84\x80\xE1\x85\xA1\xE1\x86\xA8 x").text() == "각 x");
  CHECK(make_document("가\xE1\x86\xA8 x").text() == "각 x");  // LV syllable + trailing jamo.
  // A combining mark that is fine, then one that composes: the second window decides.
  CHECK(make_document("\xEF\xBB\xBF가\r\n\xE0\xB8\x81\xE0\xB8\xB8 e\xCC\x81").text() ==
        "가\n\xE0\xB8\x81\xE0\xB8\xB8 \xC3\xA9");
  // A mark right after the BOM and right after a CRLF line end.
  for (const std::string& nfc :
       {std::string("\xEF\xBB\xBF\xCC\x81 a"), std::string("a\r\n\xCC\x81 b")}) {
    const Document doc = make_document(nfc);
    CHECK(doc.text().find("\xCC\x81") != std::string_view::npos);
  }
}

TEST_CASE("space_length agrees with is_space", "[utf8]") {
  using namespace factlint::utf8;
  for (char32_t cp :
       {U' ', U'\t', U'\n', U'\u00A0', U'\u1680', U'\u2000', U'\u2005', U'\u200A', U'\u202F',
        U'\u205F', U'\u3000', U'a', U'가', U'\u200B', U'\u2010', U'\u00A1', U'\u3001'}) {
    std::string s;
    append(s, cp);
    const bool space = cp == '\n' || is_space(cp);
    CHECK(space_length(s, 0) == (space ? s.size() : 0));
  }
}

TEST_CASE("columns on a line longer than the position index step", "[document]") {
  // 5,000 syllables (15,000 bytes) on line 2 after a BOM and a CRLF line end, with a decomposed
  // syllable (NFD, 6 bytes) in the middle: columns count code points of the original.
  std::string line;
  for (int i = 0; i < 2500; ++i) line += "가";
  line += "\xE1\x84\x80\xE1\x85\xA1";  // 가 as two jamo: two code points in the original
  for (int i = 0; i < 2500; ++i) line += "나";
  line += "x";
  const std::string text =
      "\xEF\xBB\xBF"
      "제목\r\n" +
      line + "\r\n";
  const auto doc = factlint::test::make_document(text);
  const std::size_t x = doc.text().find('x');
  CHECK(doc.position(x) == Position{2, 5003});
  CHECK(doc.position(doc.text().find("나")) == Position{2, 2503});
  CHECK(doc.position(doc.line(1).begin + 3 * 1000) == Position{2, 1001});
}
