#include "lint/fix.h"

#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>

#include "lint/linter.h"
#include "support.h"

using namespace factlint;
using factlint::test::make_document;
using factlint::test::read_file;
using factlint::test::run_factlint;

namespace {

std::string fixed(const std::string& text, const std::string& path = "article.txt") {
  const Linter linter;
  const Document doc = make_document(text, path);
  return fix_all(linter, doc, LintContext{}, {}).text;
}

std::filesystem::path temp_dir() { return test::make_temp_dir("fix"); }

void write(const std::filesystem::path& p, const std::string& bytes) {
  std::ofstream(p, std::ios::binary) << bytes;
}

}  // namespace

TEST_CASE("fixes change only their own bytes", "[fix]") {
  CHECK(fixed("점수는 88,9%다.\n") == "점수는 88.9%다.\n");
  // CRLF line ends and a BOM survive.
  CHECK(fixed("\xEF\xBB\xBF첫 줄\r\n점수는 88,9%다.\r\n") ==
        "\xEF\xBB\xBF첫 줄\r\n점수는 88.9%다.\r\n");
  // Decomposed text outside the edit stays decomposed.
  const std::string nfd_word = "\xE1\x84\x83\xE1\x85\xA5\xE1\x86\xBA";  // 덧 as three jamo
  CHECK(fixed(nfd_word + " 88,9%\n") == nfd_word + " 88.9%\n");
  // A caption pasted twice loses its second copy, line end included.
  CHECK(fixed("= 통신사\r\n= 통신사\r\n\r\n본문이다.\r\n") == "= 통신사\r\n\r\n본문이다.\r\n");
  CHECK(fixed("본문이다.\n= 통신사\n= 통신사") == "본문이다.\n= 통신사");
}

TEST_CASE("Markdown fixes never break emphasis, links or code", "[fix][markdown]") {
  // A fix inside an emphasis or a link text keeps the markup around it.
  CHECK(fixed("점수는 **88,9%**였다. [3,5%](https://a.b/c,5) 증가.\n", "a.md") ==
        "점수는 **88.9%**였다. [3.5%](https://a.b/c,5) 증가.\n");
  // With the packs: a fix across markup would delete it, so the finding stays and its fix is
  // withheld; the fix inside the emphasis is made.
  const auto r =
      run_factlint({"--stdin-filename", "a.md", "--fix", "--format", "line", "--lang", "en"}, ".",
                   "회사는 오픈 *AI* 모델을 공개했다. 그는 **덧붙혔다**.\n");
  CHECK(r.out == "회사는 오픈 *AI* 모델을 공개했다. 그는 **덧붙였다**.\n");
  CHECK(
      r.err.starts_with("a.md:1:5: warning: The official Korean name is '오픈AI', not '오픈 "
                        "AI'. [loanword/company-name]\n"));
  CHECK(r.exit_code == 1);
  // Markup inside a word does not split it: 오픈*AI*는 reads 오픈AI는, which is right.
  const auto inside =
      run_factlint({"--stdin-filename", "a.md", "--format", "line"}, ".", "오픈*AI*는 좋다.\n");
  CHECK(inside.out.empty());
  CHECK(inside.exit_code == 0);
}

TEST_CASE("fixing twice is the same as fixing once", "[fix]") {
  for (const std::string& text :
       {std::string("= 사진\n= 사진\n= 사진\n\n3,5배와 1,5%\n"), std::string("0,5%p 0,7%p\n")}) {
    const std::string once = fixed(text);
    CHECK(fixed(once) == once);
  }
  CHECK(fixed("= 사진\n= 사진\n= 사진\n") == "= 사진\n");
}

TEST_CASE("unified diff", "[fix][diff]") {
  CHECK(unified_diff("a.txt", "same\n", "same\n").empty());
  CHECK(unified_diff("a.txt", "1\n2\n3\n4\n5\n6\n7\n8\n9\n", "1\n2\n3\n4\nfive\n6\n7\n8\n9\n") ==
        "--- a.txt\n+++ a.txt\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n");
  CHECK(unified_diff("b.txt", "x", "y") ==
        "--- b.txt\n+++ b.txt\n@@ -1,1 +1,1 @@\n-x\n\\ No newline at end of file\n+y\n"
        "\\ No newline at end of file\n");
  // Two changes far apart make two hunks.
  std::string before, after;
  for (int i = 1; i <= 20; ++i) {
    before += std::to_string(i) + "\n";
    after += (i == 2 || i == 18 ? "x" : std::to_string(i)) + "\n";
  }
  const std::string diff = unified_diff("c.txt", before, after);
  CHECK(diff.find("@@ -1,5 +1,5 @@") != std::string::npos);
  CHECK(diff.find("@@ -15,6 +15,6 @@") != std::string::npos);
}

namespace {

/// Applies a unified diff of one file to `before`, as patch does, checking every context and
/// removed line against it.
std::string apply_diff(const std::string& before, const std::string& diff) {
  auto split = [](const std::string& text) {
    std::vector<std::string> lines;  // without their line ends
    std::size_t start = 0;
    for (std::size_t end; (end = text.find('\n', start)) != std::string::npos; start = end + 1) {
      lines.push_back(text.substr(start, end - start));
    }
    if (start < text.size()) lines.push_back(text.substr(start));
    return lines;
  };
  const std::vector<std::string> old_lines = split(before);
  const bool old_ends = before.empty() || before.back() == '\n';
  const std::vector<std::string> d = split(diff);
  std::string out;
  std::size_t next = 0;  // the first line of `before` not copied yet
  auto copy_old = [&](std::size_t line) {
    out += old_lines[line];
    if (line + 1 < old_lines.size() || old_ends) out += '\n';
  };
  for (std::size_t k = 2; k < d.size();) {  // after the two file lines
    std::size_t old_start = 0, old_count = 0, new_start = 0, new_count = 0;
    REQUIRE(std::sscanf(d[k].c_str(), "@@ -%zu,%zu +%zu,%zu @@", &old_start, &old_count, &new_start,
                        &new_count) == 4);
    const std::size_t first = old_count == 0 ? old_start : old_start - 1;
    REQUIRE(first >= next);
    for (; next < first; ++next) copy_old(next);
    for (++k; k < d.size() && !d[k].starts_with("@@ "); ++k) {
      const char op = d[k][0];
      const std::string text = d[k].substr(1);
      const bool ends = !(k + 1 < d.size() && d[k + 1].starts_with("\\ "));
      if (op == ' ' || op == '-') {
        REQUIRE(next < old_lines.size());
        CHECK(old_lines[next] == text);
        ++next;
      }
      if (op == ' ' || op == '+') out += text + (ends ? "\n" : "");
      if (!ends) ++k;
    }
  }
  for (; next < old_lines.size(); ++next) copy_old(next);
  return out;
}

}  // namespace

TEST_CASE("unified diff of long texts: cut at unique lines, correct when none is", "[fix][diff]") {
  // 3,000 lines of prose-like unique lines, blank lines between, and changes spread through:
  // past the length matched in one piece, so the texts are cut at their unique lines.
  std::string before, after;
  for (int i = 0; i < 3000; ++i) {
    const std::string line = "문장 " + std::to_string(i) + "번은 그대로다.\n";
    before += line + "\n";
    if (i % 97 == 5) {
      after += "문장 " + std::to_string(i) + "번을 고쳤다.\n\n";
    } else if (i % 211 == 7) {
      after += "\n";  // a line deleted
    } else {
      after += line + "\n";
    }
  }
  after += "끝에 더한 줄\n";
  const std::string diff = unified_diff("long.txt", before, after);
  CHECK(apply_diff(before, diff) == after);
  // Each change is its own hunk of one removed and one added line (or one removed line).
  std::size_t hunks = 0, removed = 0, added = 0;
  for (std::size_t pos = 0; (pos = diff.find('\n', pos)) != std::string::npos; ++pos) {
    if (diff.compare(pos + 1, 3, "@@ ") == 0) ++hunks;
    if (std::string_view(diff).substr(pos + 1).starts_with("-문")) ++removed;
    if (std::string_view(diff).substr(pos + 1).starts_with("+문")) ++added;
  }
  const std::size_t changed = 31, deleted = 15;  // i % 97 == 5 and i % 211 == 7 below 3000
  CHECK(removed == changed + deleted);
  CHECK(added == changed);
  CHECK(hunks <= changed + deleted + 1);

  // Nothing unique to cut at: the stretch is shown removed and added whole, and still applies.
  std::string same, other;
  for (int i = 0; i < 1500; ++i) {
    same += "같은 줄\n";
    other += i % 2 == 0 ? "같은 줄\n" : "다른 줄\n";
  }
  CHECK(apply_diff(same, unified_diff("same.txt", same, other)) == other);
}

TEST_CASE("unified diff of random long texts applies back to the new text", "[fix][diff]") {
  // Lines drawn from a few repeated ones and many unique ones, edited at random: every path of
  // the matching (exact stretches, cuts at unique lines, stretches shown whole) must still give
  // a diff that turns the old text into the new one.
  std::mt19937 random(20261129);
  for (int round = 0; round < 12; ++round) {
    const int lines = 600 + static_cast<int>(random() % 2400);
    const unsigned repeated = 1 + random() % 8;  // how often a line is one of a few
    std::string before, after;
    for (int i = 0; i < lines; ++i) {
      const std::string line = random() % 10 < repeated ? "반복 " + std::to_string(random() % 4)
                                                        : "줄 " + std::to_string(i);
      before += line + "\n";
      switch (random() % 20) {
        case 0:  // changed
          after += line + " 고침\n";
          break;
        case 1:  // deleted
          break;
        case 2:  // a line added after it
          after += line + "\n새 줄 " + std::to_string(random() % 3) + "\n";
          break;
        default:
          after += line + "\n";
      }
    }
    if (round % 3 == 0) before.pop_back();  // no line end at the end of the file
    INFO("round " << round);
    CHECK(apply_diff(before, unified_diff("r.txt", before, after)) == after);
  }
}

TEST_CASE("write_atomically replaces the file or leaves it untouched", "[fix]") {
  const auto dir = temp_dir();
  const auto file = dir / "article.txt";
  write(file, "old");
  chmod(file.c_str(), 0640);
  REQUIRE_FALSE(write_atomically(file.string(), "new"));
  CHECK(read_file(file.string()) == "new");
  struct stat st {};
  stat(file.c_str(), &st);
  CHECK((st.st_mode & 0777) == 0640);
  // Through a symlink the target is replaced and the link kept.
  const auto link = dir / "link.txt";
  std::filesystem::create_symlink(file, link);
  REQUIRE_FALSE(write_atomically(link.string(), "via link"));
  CHECK(std::filesystem::is_symlink(link));
  CHECK(read_file(file.string()) == "via link");
  // No leftover temporary files.
  std::size_t entries = 0;
  for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(dir)) ++entries;
  CHECK(entries == 2);
  if (geteuid() != 0) {  // Root ignores permission bits.
    chmod(dir.c_str(), 0500);
    CHECK(write_atomically(file.string(), "lost").has_value());
    chmod(dir.c_str(), 0700);
    CHECK(read_file(file.string()) == "via link");
  }
  std::filesystem::remove_all(dir);
}

TEST_CASE("fixes are written with --fix and shown with --diff", "[fix][cli]") {
  const auto dir = temp_dir();
  const auto file = dir / "draft.txt";
  const std::string draft = "= 통신사\n= 통신사\n\n성장률은 2,5%였다.\n";
  write(file, draft);
  auto r = run_factlint({"--format", "line", "--lang", "en", "--diff", "draft.txt"}, dir.string());
  CHECK(r.exit_code == 1);
  CHECK(r.out ==
        "--- draft.txt\n+++ draft.txt\n@@ -1,4 +1,3 @@\n = 통신사\n-= 통신사\n \n-성장률은 "
        "2,5%였다.\n"
        "+성장률은 2.5%였다.\n");
  CHECK(read_file(file.string()) == draft);
  r = run_factlint({"--format", "line", "--lang", "en", "--fix", "draft.txt"}, dir.string());
  CHECK(r.exit_code == 0);
  CHECK(r.out.empty());
  CHECK(r.err.find("fixed 2 problems") != std::string::npos);
  CHECK(read_file(file.string()) == "= 통신사\n\n성장률은 2.5%였다.\n");
  r = run_factlint({"--diff", "draft.txt"}, dir.string());
  CHECK(r.exit_code == 0);
  CHECK(r.out.empty());
  // Standard input is fixed to standard output (see tests/cli/stdin_test.cpp).
  r = run_factlint({"--fix", "-"}, dir.string(), "2,5%\n");
  CHECK(r.exit_code == 0);
  CHECK(r.out == "2.5%\n");
  std::filesystem::remove_all(dir);
}
