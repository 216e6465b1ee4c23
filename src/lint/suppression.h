#pragma once
/// Comments that silence findings, written on a line of their own in .txt and .md alike:
///
///   <!-- factlint-disable-next-line spelling/verb-conjugation, loanword/ -->
///   <!-- factlint-disable style/ -->   ...   <!-- factlint-enable style/ -->
///
/// No rule means every rule; "category/" (or "category") means every rule of that category. See
/// docs/suppression.md.

#include <string_view>
#include <vector>

#include "report/diagnostic.h"

namespace factlint {

class Document;

/// Removes the findings that a factlint comment in `doc` silences, and any finding that starts
/// on such a comment line (the comments are not article text).
void apply_suppressions(const Document& doc, std::vector<Diagnostic>& diagnostics);

/// True when `selector` (a rule id, "category/" or "category") names `rule`.
bool selector_matches(std::string_view selector, std::string_view rule);

}  // namespace factlint
