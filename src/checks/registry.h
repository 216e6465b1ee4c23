#pragma once
/// The built-in checks, listed explicitly in registry.cpp (sorted by rule id).

#include <memory>
#include <string_view>
#include <vector>

#include "checks/check.h"

namespace factlint {

std::vector<std::unique_ptr<Check>> make_builtin_checks();

/// Every rule of every built-in check, sorted by id.
const std::vector<RuleInfo>& builtin_rules();

/// The rule with this id, or nullptr.
const RuleInfo* find_builtin_rule(std::string_view id);

/// Every rule a run knows: the built-in checks' and those of the loaded rule packs. Rule ids in
/// configs and on the command line are validated against it, and --list-rules prints it.
class RuleCatalog {
 public:
  /// The built-in rules.
  RuleCatalog() : rules_(builtin_rules()) {}
  /// Adds a rule whose strings outlive the catalog (a pack rule); keeps the list sorted.
  void add(const RuleInfo& rule);
  /// The rule with this id, or nullptr.
  const RuleInfo* find(std::string_view id) const;
  /// Sorted by id.
  const std::vector<RuleInfo>& rules() const { return rules_; }

 private:
  std::vector<RuleInfo> rules_;
};

}  // namespace factlint
