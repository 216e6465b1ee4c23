// The cache of parsed house packs: a pack a config names is stored once parsed and read back on
// later runs; an edited pack is parsed again; a cache that cannot be written changes nothing.

#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "rules/library.h"
#include "rules/matcher.h"
#include "rules/pack.h"
#include "rules/pack_blob.h"
#include "rules/pack_check.h"
#include "support.h"

namespace fs = std::filesystem;
using namespace factlint;

namespace {

std::string house_pack(const std::string& wrong, const std::string& right) {
  return R"([pack]
id = "desk"
language = "ko"
description = { ko = "데스크 표기", en = "Desk style" }

[[rule]]
id = "style/desk-word"
kind = "substitution"
severity = "warning"
message = { ko = "'{right}'(으)로", en = "write '{right}'" }
entries = [
  { wrong = ")" +
         wrong + R"(", right = ")" + right + R"(" },
]
)";
}

void write(const fs::path& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

/// The cache files of one kind: ".pack" (a parsed pack) or ".matcher" (a config's automaton).
std::vector<fs::path> cached_files(const fs::path& cache, const std::string& kind = ".pack") {
  std::vector<fs::path> files;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(cache / "packs", ec)) {
    if (e.path().extension() == kind) files.push_back(e.path());
  }
  return files;
}

/// A draft folder of its own per test: CTest runs test cases side by side.
struct Folder {
  fs::path root;
  explicit Folder(const std::string& name)
      : root(fs::temp_directory_path() /
             ("factlint-pack-cache-" + name + "-" + std::to_string(getpid()))) {
    fs::remove_all(root);
    fs::create_directories(root / "draft");
    write(root / "draft" / ".factlint.toml", "packs = [\"desk.toml\"]\n");
    write(root / "draft" / "a.txt", "그는 노트북을 샀다. 랩탑은 비쌌다.\n");
  }
  ~Folder() { fs::remove_all(root); }
  fs::path cache() const { return root / "cache"; }
  /// Writes the config's pack: 노트북 → 랩톱, which finds kDeskFinding in a.txt.
  void write_desk_pack() const {
    write(root / "draft" / "desk.toml", house_pack("노트북", "랩톱"));
  }
  test::RunResult lint(const fs::path& cache) const {
    return test::run_factlint({"--format", "line", "a.txt"}, (root / "draft").string(), "",
                              {"FACTLINT_CACHE_DIR=" + cache.string()});
  }
};

const std::string kDeskFinding = "a.txt:1:4: warning: write '랩톱' [style/desk-word]";

}  // namespace

TEST_CASE("a house pack is cached parsed and read back while its bytes stay the same",
          "[rules][pack-cache]") {
  const Folder f("reuse");
  const fs::path cache = f.cache();
  f.write_desk_pack();
  const std::string& finding = kDeskFinding;

  const test::RunResult first = f.lint(cache);
  CHECK(first.exit_code == 1);
  CHECK(first.out.find(finding) != std::string::npos);
  const std::vector<fs::path> stored = cached_files(cache);
  REQUIRE(stored.size() == 1);

  // What the cache holds is what a later run uses: put another pack under the same key.
  auto other = parse_pack(house_pack("랩탑", "노트북 컴퓨터"), "other.toml");
  REQUIRE(std::holds_alternative<Pack>(other));
  std::vector<Pack> packs;
  packs.push_back(std::get<Pack>(std::move(other)));
  const std::string text = test::read_file((f.root / "draft" / "desk.toml").string());
  const Matcher none{std::vector<Pattern>{}};
  write(stored[0], save_pack_image({PackSource{"", content_hash(text)}}, packs, none));
  const test::RunResult second = f.lint(cache);
  CHECK(second.out.find("a.txt:1:13: warning: write '노트북 컴퓨터' [style/desk-word]") !=
        std::string::npos);
  CHECK(second.out.find(finding) == std::string::npos);

  // An edited pack has other bytes: it is parsed again and cached beside the old one.
  write(f.root / "draft" / "desk.toml", house_pack("노트북", "랩톱") + "# edited\n");
  const test::RunResult third = f.lint(cache);
  CHECK(third.out.find(finding) != std::string::npos);
  CHECK(cached_files(cache).size() == 2);

  // A damaged cache file is not used.
  for (const fs::path& file : cached_files(cache)) write(file, "factlint-packs-5 damaged");
  const test::RunResult fourth = f.lint(cache);
  CHECK(fourth.out == first.out);
}

TEST_CASE("no cache folder, or one that cannot be written, changes nothing",
          "[rules][pack-cache]") {
  const Folder f("off");
  f.write_desk_pack();
  const test::RunResult off = f.lint("");  // FACTLINT_CACHE_DIR set but empty: no cache
  CHECK(off.exit_code == 1);
  CHECK(off.out.find("write '랩톱'") != std::string::npos);
  // The cache folder is a file: nothing can be stored under it.
  write(f.root / "blocked", "");
  const test::RunResult blocked = f.lint(f.root / "blocked");
  CHECK(blocked.exit_code == off.exit_code);
  CHECK(blocked.out == off.out);
  CHECK(blocked.err == off.err);
}

TEST_CASE("the automaton of a config's packs is cached too and rebuilt when damaged",
          "[rules][pack-cache]") {
  const Folder f("matcher");
  const fs::path cache = f.cache();
  f.write_desk_pack();
  const test::RunResult first = f.lint(cache);
  CHECK(first.out.find(kDeskFinding) != std::string::npos);
  const std::vector<fs::path> stored = cached_files(cache, ".matcher");
  REQUIRE(stored.size() == 1);
  const auto size = fs::file_size(stored[0]);

  // A later run uses what the file holds: with the tables of an automaton of another word
  // (샀다) in their place, the pack's word is no longer found.
  auto library = PackLibrary::load_installed();
  REQUIRE(std::holds_alternative<std::unique_ptr<PackLibrary>>(library));
  const std::size_t builtin =
      std::get<std::unique_ptr<PackLibrary>>(library)->builtin().compiled->pattern_count();
  const ParticleSet particles;
  std::vector<Pattern> other{Pattern{"샀다", MatchMode::word, &particles}};
  const Matcher matcher(std::move(other), static_cast<std::uint32_t>(builtin),
                        CompiledPacks::kAddedDenseEntries);
  std::string tables;
  matcher.save(tables);
  write(stored[0], tables);
  const test::RunResult second = f.lint(cache);
  CHECK(second.out.find("[style/desk-word]") == std::string::npos);
  CHECK(second.out.find("[loanword/transliteration]") != std::string::npos);  // built-in: as before

  // A damaged file is not used, and is written again.
  write(stored[0], "damaged");
  const test::RunResult third = f.lint(cache);
  CHECK(third.out == first.out);
  CHECK(fs::file_size(stored[0]) == size);
  CHECK(cached_files(cache, ".matcher").size() == 1);
}
