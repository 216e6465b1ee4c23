// The whole run on arbitrary bytes: load as text, Markdown and HTML, lint with every default rule,
// check the findings, apply the fixes (which must stay in bounds and never overlap), lint the
// fixed text again, and require that fixing converges.

#include <cstddef>
#include <cstdint>
#include <string>

#include "common.h"

using namespace factlint;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  const Linter& linter = fuzz::default_linter();
  LintContext context;
  context.published = CivilDate{2024, 2, 29};
  for (Document::Format format :
       {Document::Format::text, Document::Format::markdown, Document::Format::html}) {
    auto loaded = Document::from_bytes("fuzz", bytes, format);
    if (!std::holds_alternative<Document>(loaded)) continue;
    const Document& doc = std::get<Document>(loaded);
    const auto found = linter.lint(doc, context, {});
    fuzz::check_findings(doc, found);
    const FixResult fixed = fix_all(linter, doc, context, {});
    auto again = Document::from_bytes("fuzz", fixed.text, format);
    // Fixes replace whole characters with valid UTF-8, so the result must load.
    fuzz::require(std::holds_alternative<Document>(again), "fixed text loads");
    const Document& fixed_doc = std::get<Document>(again);
    const auto left = linter.lint(fixed_doc, context, {});
    fuzz::check_findings(fixed_doc, left);
    if (fixed.applied > 0 && fixed.deferred == 0) {
      const FixResult twice = fix_all(linter, fixed_doc, context, {});
      fuzz::require(twice.text == fixed.text, "fixing twice equals fixing once");
    }
  }
  return 0;
}
