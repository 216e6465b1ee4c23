#pragma once
/// Runs every built-in check over a document. A lint run is a pure function of the document,
/// the context (language, publication date) and the rule severities.

#include <memory>
#include <vector>

#include "checks/check.h"

namespace factlint {

class Linter {
 public:
  Linter();
  ~Linter();
  Linter(const Linter&) = delete;
  Linter& operator=(const Linter&) = delete;

  /// Findings sorted by position, then rule id.
  std::vector<Diagnostic> lint(const Document& doc, const LintContext& context,
                               const RuleSeverities& severities) const;

 private:
  std::vector<std::unique_ptr<Check>> checks_;
};

}  // namespace factlint
