#include "checks/check.h"

namespace factlint {

bool Emitter::enabled(const RuleInfo& rule) const {
  auto it = severities_.find(rule.id);
  return it == severities_.end() || it->second.has_value();
}

Diagnostic* Emitter::report(const RuleInfo& rule, Span span, std::string message) {
  if (&rule != last_rule_) {
    last_rule_ = &rule;
    last_severity_ = rule.default_severity;
    if (auto it = severities_.find(rule.id); it != severities_.end()) last_severity_ = it->second;
  }
  if (!last_severity_) return nullptr;
  auto known = messages_.find(std::string_view(message));
  if (known == messages_.end()) known = messages_.emplace(std::move(message)).first;
  out_.push_back(Diagnostic{rule.id, *last_severity_, *known, span, {}, {}});
  return &out_.back();
}

}  // namespace factlint
