// The pack cache's files, damaged: a cache file is bytes on the user's disk that any run may
// read back. The input is read as a pack image, and as changes to the saved tables of a small
// automaton: (offset, value) pairs written over them. Reading either must never crash or hang,
// and tables that are read must find no match the intact ones do not find: a match is reported
// only where its literal is written.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "common.h"
#include "rules/matcher.h"
#include "rules/pack_blob.h"

using namespace factlint;

namespace {

const ParticleSet& particles() {
  static const ParticleSet set;
  return set;
}

std::vector<Pattern> patterns() {
  return {
      {"챗 GPT", MatchMode::word, &particles()},     {"덧붙혔", MatchMode::stem, &particles()},
      {"붙혔다", MatchMode::anywhere, &particles()}, {"구지", MatchMode::exact, &particles()},
      {"오픈 AI", MatchMode::word, &particles()},    {"AI", MatchMode::word, &particles()},
      {"로케트", MatchMode::word, &particles()},     {"케트", MatchMode::anywhere, &particles()}};
}

constexpr std::string_view kText =
    "챗\u3000 GPT는 그가 덧붙혔다고 했다. 구지 갈 필요는 없다. 챗 GPT와 오픈  AI, AI가 "
    "덧붙혔다.\t오픈\tAI 챗GPT 로케트를 쏘았다. 로케트는 케트";

std::vector<std::string> hits(const Matcher& matcher) {
  std::vector<Match> found;
  matcher.find_all(kText, found);
  std::vector<std::string> out;
  for (const Match& m : found) {
    out.push_back(std::to_string(m.pattern) + ":" + std::to_string(m.span.begin) + "-" +
                  std::to_string(m.span.end) + "/" + std::to_string(m.particles.end));
  }
  std::sort(out.begin(), out.end());
  return out;
}

/// The intact tables with a budget of full rows (some states sparse, or all rows), and what
/// they find.
struct Intact {
  std::string tables;
  std::vector<std::string> found;
  explicit Intact(std::size_t dense) {
    const Matcher built(patterns(), 0, dense);
    built.save(tables);
    found = hits(built);
  }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  // As a parsed pack: rejected or read whole, never a crash.
  if (auto image = read_pack_image(input)) {
    std::size_t entries = 0;
    for (const Pack& pack : image->packs) {
      for (const PackRule& rule : pack.rules) entries += rule.entries.size();
    }
    fuzz::require(entries <= size, "an image holds no more entries than bytes");
  }
  if (size == 0) return 0;
  static const Intact sparse(40), full(Matcher::kDenseEntries);
  const Intact& base = data[0] % 2 == 0 ? sparse : full;
  std::string tables = base.tables;
  if (data[0] % 4 >= 2) {
    tables.assign(input.substr(1));  // the bytes themselves, as a file damaged beyond shape
  } else {
    for (std::size_t i = 1; i + 8 <= size; i += 8) {
      std::uint32_t offset = 0, value = 0;
      std::memcpy(&offset, data + i, 4);
      std::memcpy(&value, data + i + 4, 4);
      const std::size_t at = offset % (tables.size() / 4) * 4;
      std::memcpy(tables.data() + at, &value, 4);
    }
  }
  const Matcher read(patterns(), tables, 0, data[0] % 2 == 0 ? 40 : Matcher::kDenseEntries,
                     Matcher::Source::file);
  for (const std::string& hit : hits(read)) {
    fuzz::require(std::binary_search(base.found.begin(), base.found.end(), hit),
                  "damaged tables: a match the intact ones do not find");
  }
  return 0;
}
