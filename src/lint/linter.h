#pragma once
/// Runs every built-in check (and the rule packs given to it) over a document, then drops the
/// findings that factlint comments in the document silence (see lint/suppression.h). A lint
/// run is a pure function of the document, the context (language, publication date), the rule
/// packs and the rule severities.

#include <memory>
#include <string_view>
#include <vector>

#include "checks/check.h"

namespace factlint {

class Linter {
 public:
  Linter();
  /// The built-in checks followed by `extra_checks` (the rule-pack check).
  explicit Linter(std::vector<std::unique_ptr<Check>> extra_checks);
  ~Linter();
  Linter(const Linter&) = delete;
  Linter& operator=(const Linter&) = delete;

  /// Findings sorted by position, then rule id.
  std::vector<Diagnostic> lint(const Document& doc, const LintContext& context,
                               const RuleSeverities& severities) const;

 private:
  std::vector<std::unique_ptr<Check>> checks_;
  std::vector<std::string_view> known_rules_;  ///< Every rule of checks_, sorted.
  /// The order the checks run in: checks_ as given, or, when the speakers are extracted on a
  /// second thread, the checks that read them last, so that they wait for it as little as
  /// possible.
  struct Order {
    std::vector<const Check*> checks;
    /// The shared facts to drop after each check: those no later check reads.
    std::vector<FactSet> release_after;
  };
  static Order plan_order(const std::vector<std::unique_ptr<Check>>& checks, bool speakers_last);
  Order in_order_, speakers_last_;
};

}  // namespace factlint
