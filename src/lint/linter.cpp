#include "lint/linter.h"

#include <algorithm>

#include "checks/facts.h"
#include "checks/registry.h"
#include "lint/published.h"
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
  // A date the run was given wins; otherwise the article's own front matter or dateline.
  LintContext resolved = context;
  if (auto published = resolve_published(doc, context.published)) {
    resolved.published = published->date;
  }
  // Built once here and shared, so checks that read the same facts extract them only once.
  const DocumentFacts facts(doc, resolved.published);
  resolved.facts = &facts;
  for (const auto& check : checks_) check->run(doc, resolved, emitter);
  apply_suppressions(doc, found);
  std::stable_sort(found.begin(), found.end(), [](const Diagnostic& a, const Diagnostic& b) {
    if (a.span.begin != b.span.begin) return a.span.begin < b.span.begin;
    if (a.span.end != b.span.end) return a.span.end < b.span.end;
    return a.rule < b.rule;
  });
  // Two rules may catch the same mistake (a name variant that is also a misspelled company
  // name): one finding with the same span and the same fix is enough.
  auto same_fix = [](const Diagnostic& a, const Diagnostic& b) {
    if (a.span != b.span || a.fix.empty() || a.fix.size() != b.fix.size()) return false;
    for (std::size_t i = 0; i < a.fix.size(); ++i) {
      if (a.fix[i].span != b.fix[i].span || a.fix[i].replacement != b.fix[i].replacement) {
        return false;
      }
    }
    return true;
  };
  found.erase(std::unique(found.begin(), found.end(), same_fix), found.end());
  return found;
}

}  // namespace factlint
