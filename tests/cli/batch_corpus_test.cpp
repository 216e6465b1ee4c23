// Batch mode at archive scale: every article of the corpus (../shared/corpus, read at test time,
// never copied into the repository) goes through `factlint batch` in a shell pipe, and every
// result must come back in order with exactly the diagnostics `factlint --format json` gives
// for the same article as a file. Skipped when the corpus is absent.

#include <unistd.h>

#include <boost/json.hpp>
#include <catch2/catch.hpp>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "support.h"

namespace fs = std::filesystem;
using factlint::test::run_factlint;

namespace {

std::string quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

/// Runs `command` through the shell and returns its standard output.
std::string read_pipe(const std::string& command, int& status) {
  std::string out;
  FILE* pipe = popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  char buffer[1 << 16];
  for (std::size_t n; (n = fread(buffer, 1, sizeof buffer, pipe)) > 0;) out.append(buffer, n);
  status = pclose(pipe);
  return out;
}

}  // namespace

TEST_CASE("batch over the corpus through a pipe equals linting file by file", "[batch][corpus]") {
  // FACTLINT_CORPUS_DIR in the environment points at the corpus from another checkout.
  const char* env = std::getenv("FACTLINT_CORPUS_DIR");
  const fs::path corpus =
      fs::path(env != nullptr ? env : FACTLINT_CORPUS_DIR) / "wikinews-ko" / "articles.jsonl";
  if (!fs::exists(corpus)) {
    WARN("corpus not found at " << corpus << "; skipped");
    return;
  }
  const fs::path dir = factlint::test::make_temp_dir("batch");
  fs::create_directory(dir / "articles");
  // Each article as a file (title, blank line, body, as a newsroom export has it) and as one
  // JSON line with the same text; ids are the file names, so both runs are in the same order.
  std::ifstream in(corpus);
  std::ofstream jsonl(dir / "batch.jsonl", std::ios::binary);
  std::vector<std::string> ids;
  for (std::string line; std::getline(in, line);) {
    const auto article = boost::json::parse(line).as_object();
    const std::string text = std::string(article.at("title").as_string()) + "\n\n" +
                             std::string(article.at("text").as_string()) + "\n";
    char id[16];
    std::snprintf(id, sizeof id, "%05zu", ids.size());
    ids.emplace_back(id);
    std::ofstream(dir / "articles" / (ids.back() + ".txt"), std::ios::binary) << text;
    jsonl << boost::json::serialize(boost::json::object{{"id", ids.back()}, {"text", text}})
          << '\n';
  }
  jsonl.close();
  REQUIRE(ids.size() > 600);

  const auto files = run_factlint({"--format", "json", "--lang", "en", "articles"}, dir.string());
  REQUIRE(files.exit_code != 2);
  const auto by_file = boost::json::parse(files.out).as_object().at("files").as_array();
  REQUIRE(by_file.size() == ids.size());

  int status = 0;
  const std::string batch =
      read_pipe("cd " + quote(dir.string()) + " && cat batch.jsonl | env -u LC_ALL -u LANG " +
                    quote(FACTLINT_BINARY) + " batch --lang en",
                status);
  CHECK(WEXITSTATUS(status) == files.exit_code);
  std::size_t index = 0;
  std::size_t with_findings = 0;
  std::istringstream lines(batch);
  for (std::string line; std::getline(lines, line); ++index) {
    REQUIRE(index < ids.size());
    const auto result = boost::json::parse(line).as_object();
    INFO("article " << ids[index]);
    CHECK(result.at("id").as_string() == ids[index]);
    const auto& file = by_file[index].as_object();
    CHECK(file.at("path").as_string() == "articles/" + ids[index] + ".txt");
    CHECK(result.at("diagnostics") == file.at("diagnostics"));
    if (!result.at("diagnostics").as_array().empty()) ++with_findings;
  }
  CHECK(index == ids.size());
  // Several articles at once: the same lines in the same order.
  int parallel_status = 0;
  const std::string parallel =
      read_pipe("cd " + quote(dir.string()) + " && cat batch.jsonl | env -u LC_ALL -u LANG " +
                    quote(FACTLINT_BINARY) + " batch --lang en -j 3",
                parallel_status);
  CHECK(parallel == batch);
  CHECK(parallel_status == status);
  CHECK(with_findings > 0);  // The comparison covers real diagnostics, not only empty lists.
  fs::remove_all(dir);
}
