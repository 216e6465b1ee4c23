// Inputs the fuzz targets (fuzz/) found crashing, kept exactly as found, with the behaviour that
// is right for them. They fail loudly only under the sanitizers (scripts/test-sanitized.sh), which
// CI runs; the plain build still checks the results.

#include <catch2/catch.hpp>
#include <string>

#include "robust_support.h"
#include "support.h"

using namespace factlint;
using factlint::test::lint_all;
using factlint::test::make_document;

TEST_CASE("Markdown autolink whose href md4c builds and frees (fuzz_document)",
          "[fuzz][markdown]") {
  // md4c passes a link's href in a buffer it frees when enter_span returns; the href was kept as
  // a string_view and compared with the link's text later: a heap use after free.
  const std::string crash = std::string(
      "---\n??????????://exa.mpl`eo\n```\n코\ndate\0\0\0\0\0\0\0\0"
      "3-06\n---\n"
      "# 링크](http://example.com)/&//첫\x04//////////?????]",
      110);
  const Document doc = make_document(crash, "crash.md");
  // Front matter, the autolink and the ? run are blanked; the heading's word stays.
  CHECK(doc.text().find("링크") != std::string_view::npos);
  CHECK(doc.text().find("http") == std::string_view::npos);
  test::check_invariants(doc, lint_all(doc));
}

TEST_CASE("HTML of one space: positions are in the original, after removed markup (fuzz_document)",
          "[fuzz][html]") {
  // The space is markup-only whitespace, removed from the prose; the (empty) first line of the
  // prose begins after it, at column 2 of the file. The fuzz target wrongly required column 1.
  auto loaded = Document::from_bytes("fuzz", " ", Document::Format::html);
  REQUIRE(std::holds_alternative<Document>(loaded));
  const Document& doc = std::get<Document>(loaded);
  REQUIRE(doc.line_count() == 1);
  CHECK(doc.line_of(doc.line(0).begin) == 0);
  CHECK(doc.position(doc.line(0).begin) == Position{1, 2});
}

TEST_CASE("Markdown line that begins after a NUL: the NUL is blanked, not removed (fuzz_document)",
          "[fuzz][markdown]") {
  // md4c reported the line end after the autolinks as text, so the NUL opening the next line
  // looked like inline markup between two pieces of prose and was removed: the line's first
  // character then sat at column 2 of the file. A gap at the start of a line is blanked.
  const std::string crash("http://.c(ftp://.c\n\0\x01", 21);
  auto loaded = Document::from_bytes("fuzz", crash, Document::Format::markdown);
  REQUIRE(std::holds_alternative<Document>(loaded));
  const Document& doc = std::get<Document>(loaded);
  REQUIRE(doc.line_count() == 2);
  CHECK(doc.text() == std::string("                  \n \x01", 21));
  CHECK(doc.position(doc.line(1).begin) == Position{2, 1});
  CHECK(doc.to_original(doc.line(1).begin) == 19);
}

TEST_CASE("fixes of an HTML document named without .html edit the right bytes (fuzz_lint)",
          "[fuzz][html][fix]") {
  // fix_all reloaded the text between rounds with the format of its name ("fuzz": plain text),
  // so fixes found in the HTML reading landed at plain-text offsets, inside another character.
  const std::string html = std::string("\0\0<p>항목 0,5배</p>\n", 22);
  auto loaded = Document::from_bytes("fuzz", html, Document::Format::html);
  REQUIRE(std::holds_alternative<Document>(loaded));
  const FixResult fixed = fix_all(test::default_linter(), std::get<Document>(loaded), {}, {});
  CHECK(fixed.applied == 1);
  CHECK(fixed.text == std::string("\0\0<p>항목 0.5배</p>\n", 22));
}

TEST_CASE("two identical HTML figcaptions on one line: reported, no line deletion (fuzz_lint)",
          "[fuzz][html][duplicate]") {
  // The deletion fix for an adjacent repeat took the previous line's end; with both captions on
  // line 1 that was line(-1).
  const std::string html =
      "<figure><figcaption>사진 설명</figcaption></figure>"
      "<figure><figcaption>사진 설명</figcaption></figure>";
  auto loaded = Document::from_bytes("draft.html", html, Document::Format::html);
  REQUIRE(std::holds_alternative<Document>(loaded));
  const Document& doc = std::get<Document>(loaded);
  const auto found = lint_all(doc);
  REQUIRE(found.size() == 1);
  CHECK(found[0].rule == "duplicate/caption");
  CHECK(doc.position(found[0].span.begin) == Position{1, 68});
  CHECK(found[0].fix.empty());
  test::check_invariants(doc, found);
}
