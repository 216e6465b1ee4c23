#include "config/exclude.h"

#include <catch2/catch.hpp>

using namespace factlint;

namespace {
/// Whether `patterns` (base /base) exclude /base/`relative`.
std::optional<bool> decide(std::vector<std::string> patterns, const std::string& relative,
                           bool is_dir = false) {
  ExcludeList list("/base");
  for (const auto& p : patterns) REQUIRE(list.add(p));
  return list.decide(std::filesystem::path("/base") / relative, is_dir);
}
}  // namespace

TEST_CASE("glob: * and ? stay inside one path segment", "[exclude]") {
  CHECK(glob_match("*.md", "a.md"));
  CHECK(glob_match("*.md", ".md"));
  CHECK_FALSE(glob_match("*.md", "a/b.md"));
  CHECK_FALSE(glob_match("*.md", "a.mdx"));
  CHECK(glob_match("a?c", "abc"));
  CHECK_FALSE(glob_match("a?c", "a/c"));
  CHECK_FALSE(glob_match("a?c", "ac"));
  CHECK(glob_match("초안?.md", "초안1.md"));
  CHECK(glob_match("?안.md", "초안.md"));  // '?' is one code point, not one byte.
  CHECK_FALSE(glob_match("??안.md", "초안.md"));
  CHECK(glob_match("a*b*c", "axxbyyc"));
  CHECK_FALSE(glob_match("a*b*c", "axxbyy"));
  CHECK(glob_match("a**b", "axyb"));  // '**' inside a name is a plain '*'.
  CHECK_FALSE(glob_match("a**b", "ax/yb"));
}

TEST_CASE("glob: ** spans folders only as a whole segment", "[exclude]") {
  CHECK(glob_match("**/x.md", "x.md"));
  CHECK(glob_match("**/x.md", "a/b/x.md"));
  CHECK_FALSE(glob_match("**/x.md", "a/bx.md"));
  CHECK(glob_match("a/**", "a/b"));
  CHECK(glob_match("a/**", "a/b/c.md"));
  CHECK_FALSE(glob_match("a/**", "a"));
  CHECK_FALSE(glob_match("a/**", "ab/c"));
  CHECK(glob_match("a/**/b", "a/b"));
  CHECK(glob_match("a/**/b", "a/x/y/b"));
  CHECK_FALSE(glob_match("a/**/b", "a/xb"));
}

TEST_CASE("glob: character classes, ranges, negation and escapes", "[exclude]") {
  CHECK(glob_match("[abc].md", "b.md"));
  CHECK_FALSE(glob_match("[abc].md", "d.md"));
  CHECK(glob_match("[a-c]x", "bx"));
  CHECK_FALSE(glob_match("[a-c]x", "dx"));
  CHECK(glob_match("[!a-c]x", "dx"));
  CHECK(glob_match("[^a-c]x", "dx"));
  CHECK_FALSE(glob_match("[!a-c]x", "ax"));
  CHECK_FALSE(glob_match("[!a]x", "/x"));    // Never matches '/'.
  CHECK(glob_match("[]]", "]"));             // ']' first is literal.
  CHECK(glob_match("[가-힣].md", "한.md"));  // Ranges are code points.
  CHECK_FALSE(glob_match("[가-힣].md", "A.md"));
  CHECK(glob_match("[ab", "[ab"));  // An unclosed '[' is literal.
  CHECK(glob_match("\\*.md", "*.md"));
  CHECK_FALSE(glob_match("\\*.md", "a.md"));
  CHECK(glob_match("a\\?", "a?"));
}

TEST_CASE("exclude patterns: names match at any depth, slashes anchor to the base", "[exclude]") {
  CHECK(decide({"*.tmp.md"}, "x.tmp.md") == true);
  CHECK(decide({"*.tmp.md"}, "a/b/x.tmp.md") == true);
  CHECK(decide({"*.tmp.md"}, "x.md") == std::nullopt);
  CHECK(decide({"old"}, "a/old", true) == true);
  CHECK(decide({"drafts/old"}, "drafts/old", true) == true);
  CHECK(decide({"drafts/old"}, "x/drafts/old", true) == std::nullopt);
  CHECK(decide({"/old"}, "old", true) == true);
  CHECK(decide({"/old"}, "a/old", true) == std::nullopt);
  CHECK(decide({"a/*.md"}, "a/x.md") == true);
  CHECK(decide({"a/*.md"}, "a/b/x.md") == std::nullopt);
}

TEST_CASE("exclude patterns: a trailing slash matches folders only", "[exclude]") {
  CHECK(decide({"drafts/old/"}, "drafts/old", true) == true);
  CHECK(decide({"drafts/old/"}, "drafts/old", false) == std::nullopt);
  CHECK(decide({"old/"}, "a/old", true) == true);
  CHECK(decide({"old/"}, "a/old", false) == std::nullopt);
}

TEST_CASE("exclude patterns: the last matching pattern wins, ! re-includes", "[exclude]") {
  CHECK(decide({"*.md", "!keep.md"}, "keep.md") == false);
  CHECK(decide({"*.md", "!keep.md"}, "a/keep.md") == false);
  CHECK(decide({"*.md", "!keep.md"}, "drop.md") == true);
  CHECK(decide({"!keep.md", "*.md"}, "keep.md") == true);
  CHECK(decide({"\\!bang.md"}, "!bang.md") == true);
}

TEST_CASE("exclude patterns: paths outside the base never match, and empty patterns are refused",
          "[exclude]") {
  ExcludeList list("/base/sub");
  REQUIRE(list.add("*.md"));
  CHECK(list.decide("/base/x.md", false) == std::nullopt);
  CHECK(list.decide("/base/sub/x.md", false) == true);
  CHECK(list.decide("/base/sub", true) == std::nullopt);
  CHECK_FALSE(list.add(""));
  CHECK_FALSE(list.add("!"));
  CHECK_FALSE(list.add("/"));
}
