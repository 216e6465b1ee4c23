#include "text/quotes.h"

#include <catch2/catch.hpp>
#include <string>

#include "support.h"
#include "text/document.h"

using factlint::quotes::find_quotations;
using factlint::quotes::Kind;
using factlint::quotes::Quotation;
using factlint::quotes::Role;
using factlint::quotes::role_by_position;
using factlint::quotes::Style;
using factlint::test::make_document;

namespace {

/// Each quotation as "O…C" with its marks, "O" alone when unclosed, "O+" when continued.
std::vector<std::string> shapes(const std::string& text) {
  const factlint::Document doc = make_document(text);
  std::vector<std::string> out;
  for (const Quotation& q : find_quotations(doc)) {
    std::string s(doc.slice(q.open));
    if (q.close) s += "…" + std::string(doc.slice(*q.close));
    if (q.continued) s += "+";
    out.push_back(s);
  }
  return out;
}

using V = std::vector<std::string>;

}  // namespace

TEST_CASE("a mark's role comes from its neighbours", "[quotes]") {
  CHECK(role_by_position(' ', U'가') == Role::opening);
  CHECK(role_by_position(0, 'A') == Role::opening);
  CHECK(role_by_position('(', U'가') == Role::opening);
  CHECK(role_by_position(U'다', ' ') == Role::closing);
  CHECK(role_by_position(U'다', 0) == Role::closing);
  CHECK(role_by_position(U'다', ',') == Role::closing);
  CHECK(role_by_position('.', U'라') == Role::closing);    // .”라고
  CHECK(role_by_position(U'는', U'안') == Role::unknown);  // 그는"안녕
  CHECK(role_by_position(' ', ' ') == Role::unknown);
}

TEST_CASE("quotations pair within a paragraph, by kind and style", "[quotes]") {
  CHECK(shapes("그는 “안녕”이라고 했고 ‘좋다’고 했다.\n") == V{"“…”", "‘…’"});
  CHECK(shapes("그는 \"안녕\"이라고 했고 'AI+ 행동'을 말했다.\n") == V{"\"…\"", "'…'"});
  CHECK(shapes("“그가 ‘됐다’고 했다”고 전했다.\n") == V{"“…”", "‘…’"});
  CHECK(shapes("그는\"안녕\"이라고 했다.\n") == V{"\"…\""});  // Alternation between letters.
}

TEST_CASE("apostrophes, primes and year abbreviations are not quotation marks", "[quotes]") {
  CHECK(shapes("오닐(O'Neal)과 O’Neil은 “Don't”라고 했다.\n") == V{"“…”"});
  CHECK(shapes("키 5'11\"의 선수와 7'1\"의 선수가 30' 뛰었다.\n").empty());
  CHECK(shapes("’90년대와 '90s, ‘07~’11년을 돌아봤다.\n").empty());
  CHECK(shapes("Jones' 발언이 있었다.\n").empty());
  CHECK(shapes("O‘Neil의 발언이 있었다.\n").empty());
}

TEST_CASE("a quotation closed with a different mark is one quotation", "[quotes]") {
  const factlint::Document doc =
      make_document("그는 “요금은 동결한다\"고 했다. ‘매미(MAEMI)‘ 수준이다.\n");
  const auto found = find_quotations(doc);
  REQUIRE(found.size() == 2);
  CHECK(found[0].style == Style::curly);
  CHECK(found[0].kind == Kind::double_mark);
  REQUIRE(found[0].close);
  CHECK_FALSE(found[0].close_matches);
  CHECK(doc.slice(*found[0].close) == "\"");
  REQUIRE(found[1].close);
  CHECK_FALSE(found[1].close_matches);
  CHECK(shapes("그는 \"요금은 동결한다”고 했다.\n") == V{"\"…”"});
}

TEST_CASE("unclosed quotations and the multi-paragraph convention", "[quotes]") {
  // Re-opened in the next paragraph: continued.
  CHECK(shapes("“첫 문단이다.\n\n“둘째 문단이다.”\n") == V{"“+", "“…”"});
  // Not re-opened: unclosed.
  CHECK(shapes("“첫 문단이다.\n\n둘째 문단이다.\n") == V{"“"});
  // One paragraph per line: a line that ends a sentence ends the quotation's paragraph.
  CHECK(shapes("“첫 줄이다.\n“둘째 줄이다.”\n") == V{"“+", "“…”"});
  CHECK(shapes("“첫 줄이다.\n둘째 줄이다.”\n") == V{"“"});
  // A hard-wrapped line that stops mid-sentence does not.
  CHECK(shapes("그는 “이 인용은 줄이\n바뀌어도 이어진다”고 했다.\n") == V{"“…”"});
}

TEST_CASE("a straight mark that can only open ends the one left open", "[quotes]") {
  const std::string text =
      "그는 \"아니다\"라고 했고 \"청와대를 돌려드린 뒤 그러면서, \"국익이 있다\"고 말했다.\n";
  const factlint::Document doc = make_document(text);
  const auto found = find_quotations(doc);
  REQUIRE(found.size() == 3);
  CHECK(found[1].open.begin == text.find("\"청와대"));
  CHECK_FALSE(found[1].close);
  CHECK(found[2].close);
}
