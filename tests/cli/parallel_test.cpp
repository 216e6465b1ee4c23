// -j N: a parallel run prints byte for byte what a sequential one prints, in every format.

#include <unistd.h>

#include <boost/json.hpp>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "support.h"

using factlint::test::run_factlint;
namespace fs = std::filesystem;

namespace {

/// Writes up to `limit` corpus articles into `dir` as files spread over subfolders: half as
/// Markdown with their publication date in the front matter, half as plain text. Returns how
/// many were written (0 when the corpus is missing).
std::size_t write_corpus(const fs::path& dir, std::size_t limit) {
  std::ifstream in(fs::path(FACTLINT_CORPUS_DIR) / "wikinews-ko" / "articles.jsonl");
  std::size_t n = 0;
  for (std::string line; n < limit && std::getline(in, line); ++n) {
    const auto a = boost::json::parse(line).as_object();
    const fs::path folder = dir / ("section-" + std::to_string(n % 7));
    fs::create_directories(folder);
    const std::string id(a.at("id").as_string());
    const std::string title(a.at("title").as_string());
    const std::string text(a.at("text").as_string());
    if (n % 2 == 0) {
      std::ofstream(folder / (id + ".md"), std::ios::binary)
          << "---\ndate: " << a.at("published").as_string().c_str() << "\n---\n# " << title
          << "\n\n"
          << text << "\n";
    } else {
      std::ofstream(folder / (id + ".txt"), std::ios::binary) << title << "\n\n" << text << "\n";
    }
  }
  return n;
}

}  // namespace

TEST_CASE("parallel output is byte-identical to sequential output in every format",
          "[cli][parallel]") {
  const fs::path root = factlint::test::make_temp_dir("parallel");
  const std::size_t written = write_corpus(root / "corpus", 300);
  if (written == 0) {
    fs::remove_all(root);
    WARN("corpus not found; skipped");
    return;
  }
  // Findings with fixes, an invalid file and a missing path, among the articles.
  std::ofstream(root / "corpus" / "section-3" / "zz-fixable.txt", std::ios::binary)
      << "점수는 88,9%였다.\n\n사진=홍길동 기자\n사진=홍길동 기자\n";
  std::ofstream(root / "corpus" / "section-5" / "bad.txt", std::ios::binary) << "ok\n\xff\n";
  for (const std::string format : {"line", "json", "sarif", "github", "rdjsonl", "pretty"}) {
    INFO("format " << format);
    const std::vector<std::string> args = {"--format", format,  "--lang", "en",
                                           "--color",  "never", "corpus", "missing-folder"};
    auto with_jobs = [&](const std::string& jobs) {
      std::vector<std::string> a = {"-j", jobs};
      a.insert(a.end(), args.begin(), args.end());
      return run_factlint(a, root.string());
    };
    const auto sequential = with_jobs("1");
    CHECK(sequential.exit_code == 2);
    CHECK_FALSE(sequential.out.empty());
    for (int round = 0; round < 3; ++round) {
      const auto parallel = with_jobs("4");
      CHECK(parallel.exit_code == sequential.exit_code);
      CHECK(parallel.out == sequential.out);
      CHECK(parallel.err == sequential.err);
    }
  }
  // --diff prints each file's fixes in input order too.
  const auto diff_sequential = run_factlint({"-j", "1", "--diff", "corpus"}, root.string());
  CHECK(diff_sequential.out.find("zz-fixable.txt") != std::string::npos);
  for (int round = 0; round < 3; ++round) {
    const auto diff_parallel = run_factlint({"-j", "4", "--diff", "corpus"}, root.string());
    CHECK(diff_parallel.exit_code == diff_sequential.exit_code);
    CHECK(diff_parallel.out == diff_sequential.out);
    CHECK(diff_parallel.err == diff_sequential.err);
  }
  fs::remove_all(root);
}

TEST_CASE("the progress bar is drawn only on request when stderr is not a terminal",
          "[cli][progress]") {
  const std::string fixture = std::string(FACTLINT_FIXTURES_DIR) + "/sample/article.txt";
  const auto plain = run_factlint({"--format", "pretty", "--lang", "en", fixture});
  CHECK(plain.err.find('\r') == std::string::npos);
  const auto forced = run_factlint({"--format", "pretty", "--lang", "en", "--progress", fixture});
  CHECK(forced.out == plain.out);
  // One frame, erased before the summary.
  CHECK(forced.err.starts_with("\r[########################################] 1/1 files, "));
  CHECK(forced.err.find("\x1b[K\r\x1b[Kfactlint: ") != std::string::npos);
  const auto off = run_factlint({"--format", "pretty", "--no-progress", fixture}, ".", "", {"CI="});
  CHECK(off.err.find('\r') == std::string::npos);
}
