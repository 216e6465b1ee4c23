// --fix must never lose text. When the fixed file cannot be written (a full disk, a file or
// folder without write permission, an immutable file) factlint exits 2 with
// `path:1:1: error: cannot apply fixes: ...`, the original stays byte for byte as it was and no
// temporary file is left next to it. And fixing is a closure: the fixed text of every fixture
// and every corpus article has no fixable finding left, so fixing it again changes nothing.

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/json.hpp>
#include <catch2/catch.hpp>
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "extract/civil_date.h"
#include "robust_support.h"
#include "support.h"

namespace fs = std::filesystem;
using namespace factlint;

namespace {

constexpr uid_t kNobody = 65534;

// An article with two fixable findings, long enough that the fixed copy (about 1.5 KB) does not
// fit under a 1 KiB file-size limit.
std::string draft() {
  std::string text = "= 통신사\n= 통신사\n\n성장률은 2,5%였다.\n";
  for (int i = 0; i < 40; ++i) text += "회의는 예정대로 열렸다.\n";
  return text;
}

struct Child {
  int exit_code = -1;
  std::string err;
};

struct ChildOptions {
  rlim_t file_size_limit = RLIM_INFINITY;
  bool as_nobody = false;
};

/// Runs `factlint --fix --lang en FILE` in `dir` in a child process set up as `options` say.
Child run_fix(const fs::path& dir, const std::string& file, ChildOptions options = {}) {
  const fs::path err_path =
      fs::temp_directory_path() / ("factlint-fix-err-" + std::to_string(getpid()));
  const pid_t pid = fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    const int err = open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    const int null = open("/dev/null", O_RDWR);
    if (err < 0 || null < 0 || chdir(dir.c_str()) != 0) _exit(120);
    dup2(null, 0);
    dup2(null, 1);
    dup2(err, 2);
    if (options.as_nobody && (setgid(kNobody) != 0 || setuid(kNobody) != 0)) _exit(121);
    if (options.file_size_limit != RLIM_INFINITY) {
      // What a full disk looks like to a writer: write() fails with EFBIG instead of a signal.
      std::signal(SIGXFSZ, SIG_IGN);
      const rlimit limit{options.file_size_limit, options.file_size_limit};
      if (setrlimit(RLIMIT_FSIZE, &limit) != 0) _exit(122);
    }
    const char* argv[] = {FACTLINT_BINARY, "--fix", "--lang",     "en",
                          "--format",      "line",  file.c_str(), nullptr};
    const char* envp[] = {"PATH=/usr/bin:/bin", nullptr};
    execve(FACTLINT_BINARY, const_cast<char* const*>(argv), const_cast<char* const*>(envp));
    _exit(123);
  }
  int status = 0;
  REQUIRE(waitpid(pid, &status, 0) == pid);
  Child c;
  c.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -WTERMSIG(status);
  c.err = test::read_file(err_path.string());
  fs::remove(err_path);
  return c;
}

fs::path make_dir() { return test::make_temp_dir("safety"); }

std::vector<std::string> entries(const fs::path& dir) {
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

void write(const fs::path& p, const std::string& bytes) {
  std::ofstream(p, std::ios::binary) << bytes;
}

/// The failed run's promises: exit 2, the error on standard error, the file untouched, nothing
/// left behind.
void check_refused(const Child& c, const fs::path& dir, const std::string& message) {
  INFO("stderr: " << c.err);
  CHECK(c.exit_code == 2);
  CHECK(c.err.find("draft.txt:1:1: error: cannot apply fixes: " + message) != std::string::npos);
  CHECK(test::read_file((dir / "draft.txt").string()) == draft());
  CHECK(entries(dir) == std::vector<std::string>{"draft.txt"});
}

}  // namespace

TEST_CASE("fixing on a full disk leaves the original intact", "[fix][safety]") {
  const fs::path dir = make_dir();
  write(dir / "draft.txt", draft());
  REQUIRE(draft().size() > 1024);
  check_refused(run_fix(dir, "draft.txt", {.file_size_limit = 1024}), dir,
                "cannot write the fixed file: File too large");
  // With room enough the same run succeeds.
  const Child ok = run_fix(dir, "draft.txt", {.file_size_limit = 1 << 20});
  CHECK(ok.exit_code == 0);
  CHECK(test::read_file((dir / "draft.txt").string())
            .starts_with("= 통신사\n\n성장률은 2.5%였다.\n"));
  fs::remove_all(dir);
}

TEST_CASE("fixing on a real full file system leaves the original intact", "[fix][safety]") {
  // A small tmpfs filled to the last block. Mounting needs root (CI runs as root).
  const fs::path dir = make_dir();
  const std::string mount = "mount -t tmpfs -o size=64k tmpfs " + dir.string() + " 2>/dev/null";
  if (geteuid() != 0 || std::system(mount.c_str()) != 0) {
    WARN("cannot mount a tmpfs here (needs root); skipped");
    fs::remove_all(dir);
    return;
  }
  struct Unmount {
    fs::path dir;
    ~Unmount() {
      std::system(("umount " + dir.string()).c_str());
      fs::remove_all(dir);
    }
  } unmount{dir};
  write(dir / "draft.txt", draft());
  {
    // Fill every free block: write until the file system says it is full.
    const int fd = open((dir / "filler").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    REQUIRE(fd >= 0);
    const std::string block(4096, 'x');
    while (::write(fd, block.data(), block.size()) > 0) {
    }
    const std::string byte(1, 'x');
    while (::write(fd, byte.data(), 1) > 0) {
    }
    CHECK(errno == ENOSPC);
    close(fd);
  }
  const Child c = run_fix(dir, "draft.txt");
  INFO("stderr: " << c.err);
  CHECK(c.exit_code == 2);
  CHECK(c.err.find("draft.txt:1:1: error: cannot apply fixes: ") != std::string::npos);
  CHECK(c.err.find("No space left on device") != std::string::npos);
  CHECK(test::read_file((dir / "draft.txt").string()) == draft());
  CHECK(entries(dir) == std::vector<std::string>{"draft.txt", "filler"});
  // Once there is room again the same run succeeds.
  fs::remove(dir / "filler");
  const Child ok = run_fix(dir, "draft.txt");
  CHECK(ok.exit_code == 0);
  CHECK(test::read_file((dir / "draft.txt").string())
            .starts_with("= 통신사\n\n성장률은 2.5%였다.\n"));
  CHECK(entries(dir) == std::vector<std::string>{"draft.txt"});
}

TEST_CASE("fixing a file or folder without write permission", "[fix][safety]") {
  // Root may write anything: the child then gives up root and runs as nobody.
  const bool root = geteuid() == 0;
  const ChildOptions options{.as_nobody = root};
  const fs::path dir = make_dir();
  chmod(dir.c_str(), 0755);
  write(dir / "draft.txt", draft());
  chmod((dir / "draft.txt").c_str(), 0444);
  check_refused(run_fix(dir, "draft.txt", options), dir, "cannot write file: Permission denied");
  // A writable file in a folder that is not: the temporary file cannot be made.
  chmod((dir / "draft.txt").c_str(), 0644);
  if (root) REQUIRE(chown((dir / "draft.txt").c_str(), kNobody, kNobody) == 0);
  chmod(dir.c_str(), 0555);
  check_refused(run_fix(dir, "draft.txt", options), dir,
                "cannot create a temporary file next to it: Permission denied");
  chmod(dir.c_str(), 0755);
  fs::remove_all(dir);
}

TEST_CASE("fixing an immutable file", "[fix][safety]") {
  const fs::path dir = make_dir();
  write(dir / "draft.txt", draft());
  const std::string chattr = "chattr +i " + (dir / "draft.txt").string() + " 2>/dev/null";
  if (std::system(chattr.c_str()) != 0) {
    WARN(
        "chattr +i is not possible here (needs root and a file system with the attribute); "
        "skipped");
    fs::remove_all(dir);
    return;
  }
  const Child c = run_fix(dir, "draft.txt");
  std::system(("chattr -i " + (dir / "draft.txt").string()).c_str());
  check_refused(c, dir, "cannot write file: Operation not permitted");
  fs::remove_all(dir);
}

namespace {

/// Fixes `doc` and checks the result: it loads, has no finding with a fix left, and fixing it
/// again changes nothing.
void check_fix_closure(const Document& doc, const LintContext& context) {
  const Linter& linter = test::default_linter();
  const FixResult once = fix_all(linter, doc, context, {});
  auto loaded = Document::from_bytes(doc.path(), once.text, doc.format());
  REQUIRE(std::holds_alternative<Document>(loaded));
  const Document& fixed = std::get<Document>(loaded);
  const auto left = linter.lint(fixed, context, {});
  for (const Diagnostic& d : left) {
    if (d.fix.empty()) continue;
    FAIL_CHECK("fixable finding left after --fix: " << d.rule << " at "
                                                    << locate(fixed, d.span).start.line << ":"
                                                    << locate(fixed, d.span).start.column);
  }
  const FixResult twice = fix_all(linter, fixed, context, {});
  CHECK(twice.applied == 0);
  CHECK(twice.text == once.text);
}

}  // namespace

TEST_CASE("the fixed text of every fixture has no fixable finding left", "[fix][fixtures]") {
  std::size_t fixtures = 0, fixed = 0;
  for (const auto& entry : fs::recursive_directory_iterator(FACTLINT_FIXTURES_DIR)) {
    const auto ext = entry.path().extension();
    if (!entry.is_regular_file() || (ext != ".txt" && ext != ".md")) continue;
    INFO(entry.path().string());
    auto loaded = Document::from_bytes(entry.path().filename().string(),
                                       test::read_file(entry.path().string()));
    if (!std::holds_alternative<Document>(loaded)) continue;
    const Document& doc = std::get<Document>(loaded);
    ++fixtures;
    if (fix_all(test::default_linter(), doc, {}, {}).applied > 0) ++fixed;
    check_fix_closure(doc, {});
  }
  CHECK(fixtures > 40);
  CHECK(fixed >= 5);  // Fixtures with something to fix, so the closure is tested.
}

TEST_CASE("the fixed text of every corpus article has no fixable finding left", "[fix][corpus]") {
  // FACTLINT_CORPUS_DIR in the environment points at another copy of ../shared/corpus.
  const char* root = std::getenv("FACTLINT_CORPUS_DIR");
  const fs::path corpus =
      fs::path(root != nullptr ? root : FACTLINT_CORPUS_DIR) / "wikinews-ko" / "articles.jsonl";
  if (!fs::exists(corpus)) {
    WARN("corpus not found at " << corpus << "; skipped");
    return;
  }
  std::ifstream in(corpus);
  std::size_t articles = 0;
  for (std::string line; std::getline(in, line);) {
    const auto article = boost::json::parse(line).as_object();
    const std::string id(article.at("id").as_string());
    INFO(id);
    std::string text = std::string(article.at("title").as_string()) + "\n\n" +
                       std::string(article.at("text").as_string()) + "\n";
    const Document doc = test::make_document(std::move(text), id);
    LintContext context;
    context.published = CivilDate::parse_iso(std::string(article.at("published").as_string()));
    check_fix_closure(doc, context);
    ++articles;
  }
  CHECK(articles > 600);
}

TEST_CASE("running --fix twice changes the file once", "[fix][cli]") {
  const fs::path dir = make_dir();
  write(dir / "draft.txt", draft());
  const Child first = run_fix(dir, "draft.txt");
  CHECK(first.exit_code == 0);
  CHECK(first.err.find("fixed 2 problems") != std::string::npos);
  const std::string once = test::read_file((dir / "draft.txt").string());
  CHECK(once != draft());
  const Child second = run_fix(dir, "draft.txt");
  CHECK(second.exit_code == 0);
  CHECK(second.err.find("fixed") == std::string::npos);
  CHECK(test::read_file((dir / "draft.txt").string()) == once);
  CHECK(entries(dir) == std::vector<std::string>{"draft.txt"});
  fs::remove_all(dir);
}
