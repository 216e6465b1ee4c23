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

}  // namespace factlint
