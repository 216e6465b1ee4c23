#include "checks/check.h"

namespace factlint {

bool Emitter::enabled(const RuleInfo& rule) const {
  auto it = severities_.find(rule.id);
  return it == severities_.end() || it->second.has_value();
}

Diagnostic* Emitter::report(const RuleInfo& rule, Span span, std::string message) {
  Severity severity = rule.default_severity;
  if (auto it = severities_.find(rule.id); it != severities_.end()) {
    if (!it->second) return nullptr;
    severity = *it->second;
  }
  out_.push_back(Diagnostic{std::string(rule.id), severity, std::move(message), span, {}, {}});
  return &out_.back();
}

}  // namespace factlint
