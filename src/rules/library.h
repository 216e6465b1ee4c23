#pragma once
/// The rule packs of a run, loaded and compiled once per process: the built-in packs (the TOML
/// files of rules/) and the user packs that configs name with `packs = [...]`. Each distinct
/// set of packs is compiled once, whatever the number of files linted: the built-in packs into
/// one automaton, the packs a config adds into another (see CompiledPacks).

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "checks/registry.h"
#include "config/config.h"
#include "lint/linter.h"
#include "rules/pack.h"

namespace factlint {

class CompiledPacks;

/// Where the built-in packs are: $FACTLINT_RULES_DIR when set (an error if it is not a folder),
/// else `<folder of the executable>/../share/factlint/rules` (an installed copy), else the
/// source tree's rules/ (a build that was not installed). nullopt when none exists.
std::variant<std::optional<std::filesystem::path>, UserError> find_builtin_rules_dir();

/// load_pack() for a pack a config names, kept parsed between runs: the first run that reads a
/// pack stores it in the cache folder (see docs/rule-packs.md), keyed by the pack's bytes and by
/// this build, and later runs read it from there instead of parsing its TOML again.
std::variant<Pack, UserError> load_house_pack(const std::string& path);

/// Every *.toml below `dir`, sorted, so that packs load in a fixed order.
std::vector<std::string> pack_files(const std::filesystem::path& dir);

/// What a file is linted with: the rules it may name and the linter that runs them.
struct RuleSetup {
  RuleCatalog catalog;             ///< Built-in checks and every pack rule.
  std::vector<const Pack*> packs;  ///< Built-in packs first, then the config's.
  std::shared_ptr<const CompiledPacks> compiled;
  std::unique_ptr<Linter> linter;

  /// The pack rule with this id (and its pack), or nullptr.
  const PackRule* find_pack_rule(std::string_view id, const Pack** pack = nullptr) const;
};

class PackLibrary {
 public:
  /// Loads and checks the built-in packs: every *.toml below `dir` (none when nullopt).
  static std::variant<std::unique_ptr<PackLibrary>, UserError> load(
      const std::optional<std::filesystem::path>& dir);

  /// Finds the built-in packs (find_builtin_rules_dir) and loads them.
  static std::variant<std::unique_ptr<PackLibrary>, UserError> load_installed();

  /// Packs given directly (tests): `builtin` plays the part of the built-in packs.
  /// `matcher_tables`: their matcher as saved at build time (see rules/pack_blob.h), if any.
  static std::variant<std::unique_ptr<PackLibrary>, UserError> from_packs(
      std::vector<Pack> builtin, std::string_view matcher_tables = {});

  /// The rules and linter without user packs.
  const RuleSetup& builtin() const;

  /// The rules and linter for a file under `config`: loads the config's packs (once per
  /// process) and checks the rule ids of its [rules] that only those packs can define.
  std::variant<const RuleSetup*, UserError> setup(const Config& config);

 private:
  PackLibrary() = default;
  std::optional<UserError> add_builtin_setup(std::string_view matcher_tables);
  std::variant<const Pack*, UserError> user_pack(const Config& config, const PackRef& ref);
  /// The automaton of `user` after the built-in packs, read from the pack cache when an
  /// earlier run stored it for the same packs, else compiled (and stored).
  std::shared_ptr<const CompiledPacks> compile_user_packs(const std::vector<const Pack*>& user);

  std::vector<std::unique_ptr<Pack>> builtin_packs_;
  std::map<std::string, std::variant<std::unique_ptr<Pack>, UserError>> user_packs_;
  std::map<std::string, std::variant<std::unique_ptr<RuleSetup>, UserError>> setups_;
};

}  // namespace factlint
