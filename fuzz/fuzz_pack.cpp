// Parsing arbitrary bytes as a rule pack; a pack that loads is compiled and run over a short
// article, whose findings must keep the usual invariants. Its entries are also compiled with
// every state sparse but the root, which must find exactly what full rows find.

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "common.h"
#include "rules/matcher.h"
#include "rules/pack.h"

using namespace factlint;

namespace {

/// The pack's entries, run over the article and over the entries themselves, the same with one
/// row of full transitions as with all of them.
void check_sparse_matcher(const Pack& pack, std::string_view article) {
  const ParticleSet particles = pack.particles ? ParticleSet(*pack.particles) : ParticleSet();
  std::vector<Pattern> patterns;
  std::string text(article);
  static const std::string_view kGlue[] = {" ", "  ", "\u3000", "\t", "", "\n", "\u00a0 "};
  std::string_view previous;
  for (const PackRule& rule : pack.rules) {
    for (const PackEntry& entry : rule.entries) {
      patterns.push_back(Pattern{entry.wrong, entry.match, &particles});
      text += entry.wrong;
      text += kGlue[text.size() % std::size(kGlue)];
      // The start of the entry before running into this one: a match that begins inside a
      // partial one, found only through the failure links.
      if (!previous.empty()) {
        std::size_t cut = previous.size() / 2;
        while (cut > 0 && (static_cast<unsigned char>(previous[cut]) & 0xC0) == 0x80) --cut;
        text += previous.substr(0, cut);
        text += entry.wrong;
        text += kGlue[text.size() % std::size(kGlue)];
      }
      previous = entry.wrong;
    }
  }
  const Matcher full(patterns, 0, std::size_t{1} << 30);
  const Matcher sparse(patterns, 0, 1);
  std::vector<Match> expected, found;
  full.find_all(text, expected);
  sparse.find_all(text, found);
  fuzz::require(found.size() == expected.size(), "sparse matcher: match count");
  for (std::size_t i = 0; i < found.size(); ++i) {
    fuzz::require(found[i].pattern == expected[i].pattern && found[i].span == expected[i].span &&
                      found[i].particles == expected[i].particles,
                  "sparse matcher: match");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto parsed = parse_pack(text, "fuzz.toml");
  if (auto* error = std::get_if<UserError>(&parsed)) {
    fuzz::require(error->position.line >= 1 && !error->message.empty(), "pack error");
    return 0;
  }
  std::vector<Pack> packs;
  packs.push_back(std::get<Pack>(std::move(parsed)));
  check_sparse_matcher(packs.back(),
                       "정부는 3일 회의를 열었다. 김 장관은 \"예산을 늘리겠다\"고 말했다.");
  auto library = PackLibrary::from_packs(std::move(packs));
  if (!std::holds_alternative<std::unique_ptr<PackLibrary>>(library)) return 0;
  static const Document doc = std::get<Document>(
      Document::from_bytes("a.txt",
                           "정부는 3일 회의를 열었다. 김 장관은 \"예산을 늘리겠다\"고 말했다.\n\n"
                           "성장률은 2,5%였다. 참석자는 100명이었다.\n"));
  const Linter& linter = *std::get<std::unique_ptr<PackLibrary>>(library)->builtin().linter;
  const auto found = linter.lint(doc, LintContext{}, {});
  fuzz::check_findings(doc, found);
  apply_fixes(doc, found);
  return 0;
}
