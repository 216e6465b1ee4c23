// The built-in packs compiled at build time (rules/pack_blob.h): the image the executable
// carries is exactly what the TOML files give, the matcher tables read back find what a built
// matcher finds, and packs edited after the build are parsed from TOML again.

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "checks/registry.h"
#include "rules/library.h"
#include "rules/matcher.h"
#include "rules/pack_blob.h"
#include "rules/pack_check.h"

namespace fs = std::filesystem;
using namespace factlint;

namespace {

std::vector<std::string> hits(const Matcher& matcher, std::string_view text) {
  std::vector<Match> found;
  matcher.find_all(text, found);
  std::vector<std::string> out;
  for (const Match& m : found) {
    out.push_back(std::to_string(m.pattern) + ":" +
                  std::string(text.substr(m.span.begin, m.span.size())));
  }
  return out;
}

}  // namespace

TEST_CASE("the executable's pack image is the packs of rules/ compiled", "[rules][pack-image]") {
  const fs::path dir = fs::path(FACTLINT_SOURCE_DIR) / "rules";
  std::vector<PackSource> sources;
  std::vector<Pack> packs;
  for (const std::string& file : pack_files(dir)) {
    auto text = read_file(file);
    REQUIRE(text);
    auto parsed = parse_pack(*text, file);
    REQUIRE(std::holds_alternative<Pack>(parsed));
    const std::string relative = fs::path(file).lexically_relative(dir).generic_string();
    sources.push_back({relative, content_hash(*text)});
    packs.push_back(std::get<Pack>(std::move(parsed)));
    packs.back().path = relative;
  }
  REQUIRE(!packs.empty());
  std::vector<const Pack*> pointers;
  for (const Pack& p : packs) pointers.push_back(&p);
  const CompiledPacks compiled(pointers);
  // Byte for byte: a stale or lossy image fails here.
  const bool same = save_pack_image(sources, packs, compiled.matcher()) == builtin_pack_image();
  INFO("the image differs from rules/: rebuild (cmake --build) after editing a pack");
  CHECK(same);

  auto image = read_pack_image(builtin_pack_image());
  REQUIRE(image);
  CHECK(image->sources == sources);
  REQUIRE(image->packs.size() == packs.size());
  CHECK(image->packs.front().rules.front().id == packs.front().rules.front().id);
}

TEST_CASE("saved matcher tables find what the built matcher finds", "[rules][pack-image]") {
  const ParticleSet particles;
  const std::vector<Pattern> patterns = {
      {"챗 GPT", MatchMode::word, &particles},
      {"됬", MatchMode::anywhere, &particles},
      {"덧붙혔", MatchMode::stem, &particles},
      {"구지", MatchMode::exact, &particles},
  };
  const Matcher built(patterns);
  std::string tables;
  built.save(tables);
  const Matcher adopted(patterns, tables);
  const std::string text = "챗  GPT는 잘 됬다. 그가 덧붙혔다. 구지 갈 필요는 없다. 챗 GPT";
  CHECK(hits(adopted, text) == hits(built, text));
  CHECK(hits(adopted, text).size() == 5);
  CHECK(adopted.state_count() == built.state_count());

  // Tables of other patterns are not used: the matcher builds its own.
  const std::vector<Pattern> fewer(patterns.begin(), patterns.begin() + 2);
  const Matcher rebuilt(fewer, tables);
  CHECK(hits(rebuilt, text) == hits(Matcher(fewer), text));
  const Matcher from_junk(patterns, std::string_view("junk"));
  CHECK(hits(from_junk, text) == hits(built, text));
}

TEST_CASE("saved tables with sparse states are read back and damaged ones are rebuilt",
          "[rules][pack-image]") {
  const ParticleSet particles;
  const std::vector<Pattern> patterns = {
      {"챗 GPT", MatchMode::word, &particles},
      {"덧붙혔", MatchMode::stem, &particles},
      {"붙혔다", MatchMode::anywhere, &particles},
      {"구지", MatchMode::exact, &particles},
  };
  const Matcher built(patterns, 0, 40);  // the root and a few states with rows
  REQUIRE(built.dense_state_count() < built.state_count());
  std::string tables;
  built.save(tables);
  const Matcher adopted(patterns, tables);
  const std::string text = "챗\u3000 GPT는 그가 덧붙혔다고 했다. 구지 갈 필요는 없다. 챗 GPT";
  CHECK(hits(adopted, text) == hits(built, text));
  CHECK(hits(adopted, text).size() == 5);
  CHECK(adopted.dense_state_count() == built.dense_state_count());

  // The last failure link pointed past its state: the tables are refused and a matcher of
  // full rows is built instead.
  std::string damaged = tables;
  const std::uint32_t far = 1000000;
  std::memcpy(damaged.data() + damaged.size() - sizeof far, &far, sizeof far);
  const Matcher rebuilt(patterns, damaged);
  CHECK(rebuilt.dense_state_count() == rebuilt.state_count());
  CHECK(hits(rebuilt, text) == hits(built, text));
}

TEST_CASE("tables read from a damaged file never lead outside them or report what is not written",
          "[rules][pack-image]") {
  // A cache file may be damaged in any way. Each of these tables has one word of it changed;
  // reading them must not crash or hang (the sanitizer build checks every access), and whatever
  // they find must be a match the intact tables find: a match is only reported where its
  // literal is written.
  const ParticleSet particles;
  const std::vector<Pattern> patterns = {
      {"챗 GPT", MatchMode::word, &particles},     {"덧붙혔", MatchMode::stem, &particles},
      {"붙혔다", MatchMode::anywhere, &particles}, {"구지", MatchMode::exact, &particles},
      {"오픈 AI", MatchMode::word, &particles},    {"AI", MatchMode::word, &particles},
  };
  const std::string text =
      "챗\u3000 GPT는 그가 덧붙혔다고 했다. 구지 갈 필요는 없다. 챗 GPT와 오픈  AI, AI가 "
      "덧붙혔다.\t오픈\tAI 챗GPT";
  for (const std::size_t dense : {std::size_t{40}, Matcher::kDenseEntries}) {
    const Matcher built(patterns, 0, dense);
    std::string tables;
    built.save(tables);
    const auto intact = hits(built, text);
    REQUIRE(intact.size() >= 8);
    std::uint64_t state = 12345;
    auto random = [&] {
      state = state * 6364136223846793005u + 1442695040888963407u;
      return static_cast<std::uint32_t>(state >> 33);
    };
    std::size_t adopted = 0;
    // The layout save() writes: six numbers (the third the number of byte classes, the sixth
    // that of the states with a row), two tables of 256 classes, then the full table.
    std::uint32_t head[6];
    std::memcpy(head, tables.data(), sizeof head);
    const std::size_t rows_at = sizeof head + 2 * 256 * sizeof(std::uint16_t) + 4;
    for (int round = 0; round < 3000; ++round) {
      std::string damaged = tables;
      std::size_t word = random() % (damaged.size() / 4);
      std::uint32_t value = 0;
      if (round % 3 == 0) {
        // An entry of the full table that leads to another row, one that reports or not: a
        // change no check of the shape can see.
        word = rows_at / 4 + random() % (head[5] * head[2]);
        value = random() % head[5] * head[2] | (random() % 2 == 0 ? 0x80000000u : 0);
      } else {
        const std::uint32_t values[] = {random(), random() % 64, 0, 0xFFFFFFFFu, random() % 4096};
        value = values[round % 5];
      }
      std::memcpy(damaged.data() + word * 4, &value, 4);
      const Matcher read(patterns, damaged, 0, dense, Matcher::Source::file);
      adopted += read.adopted() ? 1 : 0;
      for (const std::string& hit : hits(read, text)) {
        INFO("round " << round << ", word " << word << ", value " << value << ": " << hit);
        CHECK(std::find(intact.begin(), intact.end(), hit) != intact.end());
      }
    }
    CHECK(adopted > 100);  // most changes keep the shape: the entries themselves were checked
  }
}

TEST_CASE("read_pack_image rejects what is not an image", "[rules][pack-image]") {
  CHECK_FALSE(read_pack_image(""));
  CHECK_FALSE(read_pack_image("factlint-packs-0 and more"));
  const std::string_view real = builtin_pack_image();
  REQUIRE(real.size() > 100);
  CHECK_FALSE(read_pack_image(real.substr(0, real.size() / 2)));
}

TEST_CASE("packs edited after the build are read from TOML", "[rules][pack-image]") {
  const fs::path source = fs::path(FACTLINT_SOURCE_DIR) / "rules";
  const fs::path dir = fs::temp_directory_path() / "factlint-pack-image-test";
  fs::remove_all(dir);
  fs::copy(source, dir, fs::copy_options::recursive);
  const std::string spelling = (dir / "ko" / "spelling.toml").string();
  {
    auto loaded = PackLibrary::load(dir);
    REQUIRE(std::holds_alternative<std::unique_ptr<PackLibrary>>(loaded));
    const RuleSetup& rules = std::get<std::unique_ptr<PackLibrary>>(loaded)->builtin();
    // Loaded from the image, the packs still name the files they came from.
    CHECK(rules.packs.size() == pack_files(dir).size());
    bool named = false;
    for (const Pack* p : rules.packs) named = named || p->path == spelling;
    CHECK(named);
  }
  const std::size_t lines = [&] {
    std::ifstream in(spelling);
    std::size_t n = 0;
    for (std::string line; std::getline(in, line);) ++n;
    return n;
  }();
  std::ofstream(spelling, std::ios::app) << "[[rule]]\nid = \"Bad Id\"\n";
  auto loaded = PackLibrary::load(dir);
  REQUIRE(std::holds_alternative<UserError>(loaded));
  const UserError& error = std::get<UserError>(loaded);
  CHECK(error.path == spelling);
  CHECK(error.position.line == lines + 2);
  fs::remove_all(dir);
}
