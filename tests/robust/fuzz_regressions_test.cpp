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
