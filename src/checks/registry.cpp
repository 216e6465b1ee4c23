#include "checks/registry.h"

#include <algorithm>

#include "checks/all_checks.h"

namespace factlint {

std::vector<std::unique_ptr<Check>> make_builtin_checks() {
  std::vector<std::unique_ptr<Check>> checks;
  checks.push_back(make_duplicate_check());
  checks.push_back(make_decimal_separator_check());
  return checks;
}

const std::vector<RuleInfo>& builtin_rules() {
  static const std::vector<RuleInfo> rules = [] {
    std::vector<RuleInfo> all;
    for (const auto& check : make_builtin_checks()) {
      for (const RuleInfo& rule : check->rules()) all.push_back(rule);
    }
    std::sort(all.begin(), all.end(),
              [](const RuleInfo& a, const RuleInfo& b) { return a.id < b.id; });
    return all;
  }();
  return rules;
}

const RuleInfo* find_builtin_rule(std::string_view id) {
  for (const RuleInfo& rule : builtin_rules()) {
    if (rule.id == id) return &rule;
  }
  return nullptr;
}

}  // namespace factlint
