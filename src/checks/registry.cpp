#include "checks/registry.h"

#include <algorithm>

#include "checks/all_checks.h"
#include "lint/suppression.h"

namespace factlint {

std::vector<std::unique_ptr<Check>> make_builtin_checks() {
  std::vector<std::unique_ptr<Check>> checks;
  checks.push_back(make_duplicate_check());
  checks.push_back(make_decimal_separator_check());
  checks.push_back(make_number_unit_spacing_check());
  checks.push_back(make_name_variant_check());
  checks.push_back(make_quote_style_check());
  checks.push_back(make_unbalanced_quote_check());
  checks.push_back(make_whitespace_check());
  checks.push_back(make_invalid_date_check());
  checks.push_back(make_weekday_mismatch_check());
  checks.push_back(make_date_tense_check());
  checks.push_back(make_superlative_check());
  checks.push_back(make_conflicting_figures_check());
  checks.push_back(make_share_sum_check());
  checks.push_back(make_unattributed_quote_check());
  checks.push_back(make_title_mismatch_check());
  checks.push_back(make_attribution_name_variant_check());
  checks.push_back(make_unknown_rule_check());
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

void RuleCatalog::add(const RuleInfo& rule) {
  auto at = std::lower_bound(rules_.begin(), rules_.end(), rule.id,
                             [](const RuleInfo& r, std::string_view id) { return r.id < id; });
  rules_.insert(at, rule);
}

const RuleInfo* RuleCatalog::find(std::string_view id) const {
  auto at = std::lower_bound(rules_.begin(), rules_.end(), id,
                             [](const RuleInfo& r, std::string_view key) { return r.id < key; });
  return at != rules_.end() && at->id == id ? &*at : nullptr;
}

}  // namespace factlint
