#pragma once
/// `.gitignore`-style exclude patterns, for `exclude = [...]` in .factlint.toml and --exclude.
///
///   *        any run of characters except '/'
///   ?        one character (code point) except '/'
///   [a-z]    a character class; [!...] or [^...] negates it
///   **       in "**/x", "x/**" or "x/**/y": any number of folders (also none)
///   \x       x literally
///   dir/     a trailing '/' matches folders only
///   a/b      a '/' at the start or in the middle anchors the pattern to its base folder;
///            without one the pattern matches a name at any depth
///   !p       re-includes what an earlier pattern excluded (the last matching pattern wins)

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace factlint {

/// Whether `text` (a '/'-separated relative path) matches the glob `pattern` as a whole.
bool glob_match(std::string_view pattern, std::string_view text);

/// One compiled pattern line.
struct ExcludePattern {
  std::string glob;  ///< Without '!', the leading '/' and the trailing '/'.
  bool negated = false;
  bool dir_only = false;
  bool anchored = false;  ///< Matched against the whole relative path, not just the name.

  /// nullopt for a pattern that can match nothing ("", "!", "/").
  static std::optional<ExcludePattern> parse(std::string_view text);
  /// Whether the pattern matches `relative` (a path below the base folder, '/'-separated).
  bool matches(std::string_view relative, bool is_dir) const;
};

/// An ordered list of patterns that share a base folder.
class ExcludeList {
 public:
  ExcludeList() = default;
  /// `base` is made absolute; patterns apply to paths below it.
  explicit ExcludeList(const std::filesystem::path& base);

  /// Adds a pattern line; false when it can match nothing.
  bool add(std::string_view pattern);
  bool empty() const { return patterns_.empty(); }

  /// true (excluded), false (re-included by a '!' pattern) or nullopt (no pattern matched) for
  /// `absolute` (an absolute, normalised path).
  std::optional<bool> decide(const std::filesystem::path& absolute, bool is_dir) const;

 private:
  std::filesystem::path base_;
  std::vector<ExcludePattern> patterns_;
};

}  // namespace factlint
