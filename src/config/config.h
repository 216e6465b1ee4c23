#pragma once
/// `.factlint.toml`: per-rule severities, the publication date and extra rule packs.
///
///   published = 2024-03-06          # or "2024-03-06"
///   packs = ["house-style.toml"]    # rule packs, relative to this file
///   exclude = ["drafts/old/", "*.tmp.md", "!keep.md"]   # .gitignore-style, relative to this file
///   [rules]
///   "number/decimal-separator" = "error"   # "error" | "warning" | "info" | "off"
///
/// Found by walking up from each file's folder (like .editorconfig), or given with --config.

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "checks/check.h"
#include "checks/registry.h"
#include "config/exclude.h"
#include "extract/civil_date.h"
#include "text/document.h"

namespace factlint {

/// A problem the user can fix: a bad config, an unreadable or invalid file. Printed as
/// `path:line:col: error: message`; the run exits with code 2.
struct UserError {
  UserError() = default;
  UserError(std::string path, Position position, std::string message, std::string message_ko = {})
      : path(std::move(path)),
        position(position),
        message(std::move(message)),
        message_ko(std::move(message_ko)) {}

  std::string path;
  Position position;
  std::string message;  ///< In English.
  /// In Korean, with keys, ids and TOML syntax left as written (config, rule packs, files,
  /// UTF-8, the command line). When empty, `message` is shown.
  std::string message_ko;
  std::string_view text(Lang lang) const {
    return lang == Lang::ko && !message_ko.empty() ? message_ko : message;
  }
  /// The same error with its message in `lang`, for reporters that print `message`.
  UserError in(Lang lang) const { return {path, position, std::string(text(lang)), {}}; }
  std::string format(Lang lang = Lang::en) const;
};

/// A rule pack named in a config's `packs`.
struct PackRef {
  std::string path;   ///< Resolved against the config's folder.
  Position position;  ///< Where the config names it.
};

struct Config {
  std::string path;  ///< Empty for the built-in defaults.
  RuleSeverities rules;
  std::optional<CivilDate> published;
  std::vector<PackRef> packs;
  /// `exclude`: what folder walks skip, relative to the config's folder (see config/exclude.h).
  ExcludeList exclude;
  /// Ids in [rules] that are not known yet but may be defined by `packs`, with their positions;
  /// checked once the packs are loaded (PackLibrary::setup).
  std::map<std::string, Position, std::less<>> pack_rule_ids;
};

/// Parses config text. Unknown keys, unknown rule ids and bad values are errors with the
/// position of the offending value, so that a typo never silently disables nothing. Rule ids
/// are checked against `known` (the built-in rules and packs); when the config names `packs`,
/// ids unknown here are left in `pack_rule_ids` for the packs to define.
std::variant<Config, UserError> parse_config(std::string_view text, const std::string& path,
                                             const RuleCatalog& known = RuleCatalog());

/// Reads and parses a config file.
std::variant<Config, UserError> load_config(const std::string& path,
                                            const RuleCatalog& known = RuleCatalog());

/// The nearest `.factlint.toml` in `dir` or one of its parents, or nullopt.
std::optional<std::filesystem::path> find_config(const std::filesystem::path& dir);

/// Parses "ID=SEVERITY" as given to --rule (SEVERITY: off|info|warning|error); the rule id must
/// be in `known`. Returns an error message on failure.
std::optional<std::string> parse_rule_override(std::string_view text, RuleSeverities& into,
                                               const RuleCatalog& known = RuleCatalog());

}  // namespace factlint
