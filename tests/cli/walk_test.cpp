// Folder walks: excludes from the config and --exclude, symlink loops, sorted order.

#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "support.h"

using factlint::test::run_factlint;
namespace fs = std::filesystem;

namespace {

const std::string kFinding = "점수는 88,9%였다.\n";

/// A scratch folder removed at the end of the test.
struct TempTree {
  fs::path root;
  TempTree() : root(factlint::test::make_temp_dir("walk")) {}
  ~TempTree() {
    std::error_code ec;
    fs::permissions(root / "locked", fs::perms::owner_all, ec);
    fs::remove_all(root, ec);
  }
  void write(const std::string& relative, const std::string& text = kFinding) const {
    fs::create_directories((root / relative).parent_path());
    std::ofstream(root / relative, std::ios::binary) << text;
  }
};

/// The files named in line-format output, in order.
std::string files_in(const std::string& out) {
  std::string files;
  std::size_t at = 0;
  while (at < out.size()) {
    const std::size_t end = out.find('\n', at);
    files += out.substr(at, out.find(':', at) - at) + "\n";
    at = end == std::string::npos ? out.size() : end + 1;
  }
  return files;
}

}  // namespace

TEST_CASE("config excludes follow .gitignore rules relative to the config", "[cli][walk]") {
  TempTree t;
  t.write(".factlint.toml", "exclude = [\"drafts/old/\", \"*.tmp.md\", \"!keep.tmp.md\"]\n");
  t.write("a.md");
  t.write("b.tmp.md");
  t.write("keep.tmp.md");
  t.write("drafts/old/x.md");
  t.write("drafts/older/x.md");
  t.write("drafts/new/y.txt");
  t.write("drafts/new/old/z.md");  // Anchored "drafts/old/" does not reach here.
  t.write("drafts/new/c.tmp.md");
  t.write(".hidden/h.md");
  const auto r = run_factlint({"--format", "line", "."}, t.root.string());
  CHECK(r.exit_code == 1);
  CHECK(files_in(r.out) ==
        "./a.md\n./drafts/new/old/z.md\n./drafts/new/y.txt\n./drafts/older/x.md\n"
        "./keep.tmp.md\n");
  // From a subfolder the patterns stay relative to the config's folder.
  const auto sub = run_factlint({"--format", "line", "new", "old"}, (t.root / "drafts").string());
  CHECK(files_in(sub.out) == "new/old/z.md\nnew/y.txt\nold/x.md\n");
}

TEST_CASE("the --exclude option is relative to the working directory and overrides the config",
          "[cli][walk]") {
  TempTree t;
  t.write(".factlint.toml", "exclude = [\"*.tmp.md\"]\n");
  t.write("a.md");
  t.write("b.tmp.md");
  t.write("sub/c.md");
  t.write("sub/d.txt");
  auto r =
      run_factlint({"--format", "line", "--exclude", "sub/*.md", "--exclude", "!b.tmp.md", "."},
                   t.root.string());
  CHECK(files_in(r.out) == "./a.md\n./b.tmp.md\n./sub/d.txt\n");
  r = run_factlint({"--format", "line", "--exclude", "c.md", "sub"}, t.root.string());
  CHECK(files_in(r.out) == "sub/d.txt\n");
}

TEST_CASE("files named on the command line are linted even when excluded", "[cli][walk]") {
  TempTree t;
  t.write(".factlint.toml", "exclude = [\"*.tmp.md\"]\n");
  t.write("b.tmp.md");
  const auto r =
      run_factlint({"--format", "line", "--exclude", "b.tmp.md", "b.tmp.md"}, t.root.string());
  CHECK(r.exit_code == 1);
  CHECK(files_in(r.out) == "b.tmp.md\n");
}

TEST_CASE("a bad exclude in the config is an error with its position", "[cli][walk]") {
  TempTree t;
  t.write(".factlint.toml", "exclude = [\"ok.md\", 3]\n");
  t.write("a.md");
  const auto r = run_factlint({"--format", "line", "a.md"}, t.root.string());
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("/.factlint.toml:1:21: error: exclude: expected a pattern such as "
                   "\"*.tmp.md\" (a string)\n") != std::string::npos);
}

TEST_CASE("symlink loops do not trap the walk, and broken links are errors", "[cli][walk]") {
  TempTree t;
  t.write("a.md");
  t.write("sub/b.md");
  fs::create_directory_symlink("..", t.root / "sub" / "up");
  fs::create_directory_symlink("loop", t.root / "loop");
  fs::create_symlink("self.md", t.root / "self.md");
  fs::create_symlink("a.md", t.root / "z-link.md");
  fs::create_symlink("nowhere", t.root / "gone.txt");
  const auto r = run_factlint({"--format", "line", "."}, t.root.string());
  CHECK(r.exit_code == 2);
  CHECK(files_in(r.out) == "./a.md\n./sub/b.md\n./z-link.md\n");
  CHECK(r.err.find("./gone.txt:1:1: error: cannot read file: No such file or directory\n") !=
        std::string::npos);
  CHECK(r.err.find("./self.md:1:1: error: cannot read file: Too many levels of symbolic links\n") !=
        std::string::npos);
}

TEST_CASE("an unreadable folder is an error and the rest is still linted", "[cli][walk]") {
  if (geteuid() == 0) return;  // root reads every folder.
  TempTree t;
  t.write("a.md");
  t.write("locked/b.md");
  fs::permissions(t.root / "locked", fs::perms::none);
  const auto r = run_factlint({"--format", "line", "."}, t.root.string());
  CHECK(r.exit_code == 2);
  CHECK(files_in(r.out) == "./a.md\n");
  CHECK(r.err.starts_with("./locked:1:1: error: cannot read directory: Permission denied\n"));
}
