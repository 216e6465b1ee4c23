#pragma once
/// Rule packs: rules written as data (TOML) instead of code. A pack holds rules of a few kinds
/// (substitution, existence); each rule lists literal entries that the engine finds in one pass.
/// The format is documented in docs/rule-packs.md; every mistake in a pack is a UserError with
/// the position of the offending key or value.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "config/config.h"
#include "io/file.h"  // read_file, which pack users read packs with
#include "report/diagnostic.h"
#include "report/lang.h"
#include "rules/matcher.h"

namespace factlint {

class RuleCatalog;

enum class RuleKind {
  substitution,  ///< `wrong` should be written as `right`; fixable.
  existence,     ///< `wrong` should not be written at all.
  consistency,   ///< Variant sets: a document keeps the first variant it uses.
  spacing,       ///< A dependent noun written onto the word before it (할수 → 할 수).
};

std::string_view to_string(RuleKind kind);
std::string_view to_string(MatchMode mode);

/// A text in both message languages.
struct Localized {
  std::string en;
  std::string ko;
  std::string_view in(Lang lang) const { return lang == Lang::ko ? ko : en; }
  bool empty() const { return en.empty() && ko.empty(); }
};

struct PackEntry {
  std::string wrong;  ///< NFC; white space runs collapsed to one space.
  std::string right;  ///< NFC. Existence rules: an optional suggestion, never a fix.
  MatchMode match = MatchMode::word;
  std::string reference;  ///< Empty: the rule's reference applies.
  Localized note;         ///< Appended to the message when set.
  Position position;
  std::uint32_t group = 0;  ///< Consistency rules: which variant set the entry belongs to.
};

/// The context that makes a spacing rule's nouns dependent nouns written onto the word before.
/// See docs/kinds/spacing.md.
struct SpacingContext {
  /// The syllable right before the noun: "ㄹ" or "ㄴ" (any syllable with that final consonant)
  /// or a syllable written out ("는", "던").
  std::vector<std::string> after;
  /// What may follow the noun up to the end of the eojeol: "" nothing, "X" exactly X, "X*"
  /// anything starting with X; a leading space means the fix also puts a space before X.
  std::vector<std::string> then;
  /// Words that end in the noun and are one word (실수, 날것): the eojeol up to and including the
  /// noun must not end with one of them.
  std::vector<std::string> except;
  /// When set, the next eojeol must start with one of these ("#" stands for a digit).
  std::vector<std::string> next;
};

/// A sentence from `fires` or `silent`, checked by the test suite.
struct PackExample {
  std::string text;  ///< NFC.
  Position position;
};

struct PackRule {
  std::string id;  ///< "category/name"
  RuleKind kind = RuleKind::substitution;
  Severity severity = Severity::warning;
  Localized message;      ///< May use {wrong} and {right}.
  Localized description;  ///< One line for --list-rules; the pack's when not set.
  std::string reference;
  std::vector<PackExample> fires;
  std::vector<PackExample> silent;
  std::vector<PackEntry> entries;
  SpacingContext spacing;  ///< Spacing rules only.
  Position position;       ///< Of its id.
};

struct Pack {
  std::string path;  ///< As given to the loader; used in error messages.
  std::string id;
  std::string language;
  Localized description;
  /// Particles for `word` matching; nullopt means the engine's default_particles().
  std::optional<std::vector<std::string>> particles;
  std::vector<PackRule> rules;

  /// The rule's one-line summary: its description, else the pack's.
  const Localized& summary(const PackRule& rule) const {
    return rule.description.empty() ? description : rule.description;
  }
};

/// Parses and validates one pack. `path` is only used in errors.
std::variant<Pack, UserError> parse_pack(std::string_view text, const std::string& path);

/// Reads and parses a pack file.
std::variant<Pack, UserError> load_pack(const std::string& path);

/// Checks that no rule id of `packs` is already in `known` or repeats across the packs.
std::optional<UserError> check_unique_ids(const std::vector<const Pack*>& packs,
                                          const RuleCatalog& known);

}  // namespace factlint
