#pragma once
/// `.factlint.toml`: per-rule severities and the publication date.
///
///   published = 2024-03-06          # or "2024-03-06"
///   [rules]
///   "number/decimal-separator" = "error"   # "error" | "warning" | "info" | "off"
///
/// Found by walking up from each file's folder (like .editorconfig), or given with --config.

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "checks/check.h"
#include "extract/civil_date.h"
#include "text/document.h"

namespace factlint {

/// A problem the user can fix: a bad config, an unreadable or invalid file. Printed as
/// `path:line:col: error: message`; the run exits with code 2.
struct UserError {
  std::string path;
  Position position;
  std::string message;
  std::string format() const;
};

struct Config {
  std::string path;  ///< Empty for the built-in defaults.
  RuleSeverities rules;
  std::optional<CivilDate> published;
};

/// Parses config text. Unknown keys, unknown rule ids and bad values are errors with the
/// position of the offending value, so that a typo never silently disables nothing.
std::variant<Config, UserError> parse_config(std::string_view text, const std::string& path);

/// Reads and parses a config file.
std::variant<Config, UserError> load_config(const std::string& path);

/// The nearest `.factlint.toml` in `dir` or one of its parents, or nullopt.
std::optional<std::filesystem::path> find_config(const std::filesystem::path& dir);

/// Parses "ID=SEVERITY" as given to --rule (SEVERITY: off|info|warning|error); the rule id must
/// be known. Returns an error message on failure.
std::optional<std::string> parse_rule_override(std::string_view text, RuleSeverities& into);

}  // namespace factlint
