// Parsing arbitrary bytes as a rule pack; a pack that loads is compiled and run over a short
// article, whose findings must keep the usual invariants.

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "common.h"
#include "rules/pack.h"

using namespace factlint;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto parsed = parse_pack(text, "fuzz.toml");
  if (auto* error = std::get_if<UserError>(&parsed)) {
    fuzz::require(error->position.line >= 1 && !error->message.empty(), "pack error");
    return 0;
  }
  std::vector<Pack> packs;
  packs.push_back(std::get<Pack>(std::move(parsed)));
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
