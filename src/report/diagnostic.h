#pragma once
/// What a check reports. Spans are byte offsets into the document's analysis text; only the
/// report layer turns them into lines, columns and display widths.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "report/shared_text.h"
#include "text/span.h"

namespace factlint {

enum class Severity { info = 0, warning = 1, error = 2 };

std::string_view to_string(Severity severity);
/// "info", "warning" or "error".
std::optional<Severity> parse_severity(std::string_view text);

/// One replacement: the bytes of `span` become `replacement`.
struct Edit {
  Span span;
  std::string replacement;
};

/// Another place in the same document that explains the finding ("first written here").
struct Related {
  Span span;
  SharedText message;
};

struct Diagnostic {
  /// "category/name": a view of the rule's id in its RuleInfo, which the rule catalog (built-in
  /// checks and loaded packs) keeps for the whole run; a run may hold a diagnostic per
  /// character of a hostile input, so the id is not copied into each.
  std::string_view rule;
  Severity severity = Severity::warning;
  /// Repeats of a message in a run share one buffer (see Emitter::report).
  SharedText message;
  Span span;
  std::vector<Related> related;
  std::vector<Edit> fix;  ///< Empty when there is no safe fix; edits never overlap.
};

}  // namespace factlint
