#pragma once
/// The interface every built-in check implements, and what a check may use while it runs.

#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "extract/civil_date.h"
#include "report/diagnostic.h"
#include "report/lang.h"

namespace factlint {

class Document;
class DocumentFacts;

/// A rule a check can report: its id, default severity and a one-line summary.
struct RuleInfo {
  std::string_view id;  ///< "category/name"
  Severity default_severity = Severity::warning;
  Message summary;
  bool fixable = false;
};

/// Per-rule severity chosen by config and command line; nullopt turns a rule off.
using RuleSeverities = std::map<std::string, std::optional<Severity>, std::less<>>;

/// The facts a DocumentFacts extracts and shares (checks/facts.h). Each check says which it
/// reads, so that the linter can drop a fact once its last reader has run: a long document's
/// attributions, dates and figures are then never all held at once.
enum class Fact : unsigned {
  quotations = 1,
  attributions = 2,
  people = 4,
  dates = 8,
  figures = 16
};

/// A set of facts: Fact::dates | Fact::figures.
struct FactSet {
  unsigned bits = 0;
  constexpr FactSet() = default;
  constexpr FactSet(Fact f) : bits(static_cast<unsigned>(f)) {}  // implicit: a set of one
  constexpr bool has(Fact f) const { return (bits & static_cast<unsigned>(f)) != 0; }
  friend constexpr FactSet operator|(FactSet a, FactSet b) {
    FactSet both;
    both.bits = a.bits | b.bits;
    return both;
  }
};
constexpr FactSet operator|(Fact a, Fact b) { return FactSet(a) | FactSet(b); }
inline constexpr Fact kAllFacts[] = {Fact::quotations, Fact::attributions, Fact::people,
                                     Fact::dates, Fact::figures};

/// Everything about a run that is not the document itself.
struct LintContext {
  Lang lang = Lang::en;
  std::optional<CivilDate> published;
  /// Facts extracted from the document being linted, shared by the checks (checks/facts.h);
  /// set by the linter. Checks reach it through facts_of(), which builds them when it is null.
  const DocumentFacts* facts = nullptr;
  /// The run leaves a core free for this document (one file linted with two or more jobs): a
  /// long document's quotations are attributed on a second thread while the other checks run.
  /// The findings are the same either way.
  bool spare_core = false;
};

/// Collects a check's findings, applying the configured severity and dropping rules turned off.
class Emitter {
 public:
  Emitter(const RuleSeverities& severities, std::vector<Diagnostic>& out)
      : severities_(severities), out_(out) {}

  /// False when the rule is turned off: a check may skip work it would only report there.
  bool enabled(const RuleInfo& rule) const;

  /// Adds a finding and returns it so the caller can attach related spans and a fix; returns
  /// nullptr (and records nothing) when the rule is off. A message already reported in this run
  /// is not stored again: the finding shares the earlier one's text.
  Diagnostic* report(const RuleInfo& rule, Span span, std::string message);

 private:
  const RuleSeverities& severities_;
  std::vector<Diagnostic>& out_;
  /// The severity report() last looked up, and for which rule: checks report one rule many
  /// times in a row, and the lookup compares rule ids.
  const RuleInfo* last_rule_ = nullptr;
  std::optional<Severity> last_severity_;
  /// Every message reported so far, once each.
  std::unordered_set<SharedText, SharedTextHash, std::equal_to<>> messages_;
};

class Check {
 public:
  virtual ~Check() = default;
  /// The rules this check reports (most checks report one).
  virtual std::span<const RuleInfo> rules() const = 0;
  virtual void run(const Document& doc, const LintContext& context, Emitter& out) const = 0;
  /// The shared facts run() reads through LintContext::facts. The linter drops each fact after
  /// the last check that declares it, so a check that reads one it does not declare makes the
  /// fact be extracted again (a test counts extractions).
  virtual FactSet facts_read() const { return {}; }
};

}  // namespace factlint
