#pragma once
/// Comments that silence findings, written on a line of their own in .txt and .md alike:
///
///   <!-- factlint-disable-next-line spelling/verb-conjugation, loanword/ -->
///   <!-- factlint-disable style/ -->   ...   <!-- factlint-enable style/ -->
///
/// No rule means every rule; "category/" (or "category") means every rule of that category. See
/// docs/suppression.md.

#include <memory>
#include <span>
#include <string_view>
#include <vector>

#include "checks/check.h"
#include "report/diagnostic.h"

namespace factlint {

class Document;

/// factlint/unknown-rule: a factlint comment names a rule (or category) that no check or loaded
/// pack has, so it silences nothing; most often a typo.
const RuleInfo& unknown_rule_info();

/// The check that owns factlint/unknown-rule, so that the rule is listed, configurable and
/// explained like any other. It reports nothing itself: only the linter knows every rule of a
/// run, and calls report_unknown_rules().
std::unique_ptr<Check> make_unknown_rule_check();

/// Reports every selector of a factlint comment in `doc` that names none of `known` (rule ids,
/// sorted), at the selector.
void report_unknown_rules(const Document& doc, std::span<const std::string_view> known,
                          const LintContext& context, Emitter& out);

/// Removes the findings that a factlint comment in `doc` silences, and any finding that starts
/// on such a comment line (the comments are not article text).
void apply_suppressions(const Document& doc, std::vector<Diagnostic>& diagnostics);

/// True when `selector` (a rule id, "category/" or "category") names `rule`.
bool selector_matches(std::string_view selector, std::string_view rule);

}  // namespace factlint
