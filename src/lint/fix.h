#pragma once
/// Applying fixes: turning diagnostics' edits into new file contents, writing them safely, and
/// showing them as a unified diff.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "checks/check.h"
#include "report/diagnostic.h"

namespace factlint {

class Document;
class Linter;

struct FixResult {
  std::string text;          ///< The original bytes with the accepted edits applied.
  std::size_t applied = 0;   ///< Diagnostics whose fix was applied.
  std::size_t deferred = 0;  ///< Fixes left out because they overlap an applied one.
};

/// Applies every diagnostic's fix to the document's original bytes. A diagnostic's edits are
/// taken all together or not at all; one that overlaps an edit already taken is deferred (lint
/// the result again to apply it). Positions outside the changed regions keep their bytes, so
/// CRLF line ends, a BOM and untouched NFD text survive a fix unchanged.
FixResult apply_fixes(const Document& doc, const std::vector<Diagnostic>& diagnostics);

/// Lints and fixes repeatedly until no fix is left (at most a few rounds: deferred fixes are
/// applied in the next), so that fixing the result again changes nothing.
FixResult fix_all(const Linter& linter, const Document& doc, const LintContext& context,
                  const RuleSeverities& severities);

/// Replaces the file at `path` with `bytes` so that it is either entirely old or entirely new:
/// a temporary file in the same folder is written, flushed to disk and renamed over the
/// original (a symlink is followed and its target replaced; permissions are kept). Returns an
/// error message and leaves the original untouched on any failure.
std::optional<std::string> write_atomically(const std::string& path, std::string_view bytes);

/// A unified diff (3 lines of context) from `before` to `after`, both labelled PATH (apply it
/// with `patch -p0`); empty when they are equal.
std::string unified_diff(std::string_view path, std::string_view before, std::string_view after);

}  // namespace factlint
