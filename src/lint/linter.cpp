#include "lint/linter.h"

#include <algorithm>

#include "checks/registry.h"
#include "lint/suppression.h"
#include "text/document.h"

namespace factlint {

Linter::Linter() : checks_(make_builtin_checks()) {}

Linter::Linter(std::vector<std::unique_ptr<Check>> extra_checks) : Linter() {
  for (auto& check : extra_checks) checks_.push_back(std::move(check));
}

Linter::~Linter() = default;

std::vector<Diagnostic> Linter::lint(const Document& doc, const LintContext& context,
                                     const RuleSeverities& severities) const {
  std::vector<Diagnostic> found;
  Emitter emitter(severities, found);
  for (const auto& check : checks_) check->run(doc, context, emitter);
  apply_suppressions(doc, found);
  std::stable_sort(found.begin(), found.end(), [](const Diagnostic& a, const Diagnostic& b) {
    if (a.span.begin != b.span.begin) return a.span.begin < b.span.begin;
    if (a.span.end != b.span.end) return a.span.end < b.span.end;
    return a.rule < b.rule;
  });
  return found;
}

}  // namespace factlint
