#include "lint/suppression.h"

#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <string>

#include "text/document.h"

namespace factlint {

namespace {

enum class Action { disable, enable, disable_next_line };

struct Directive {
  Action action;
  std::size_t line;                    ///< 0-based line of the comment.
  std::size_t target_line = 0;         ///< disable_next_line: the line it silences.
  std::vector<std::string> selectors;  ///< Empty: every rule.
  std::vector<std::size_t> offsets;    ///< Of each selector in the line.
};

std::string_view trim(std::string_view s) {
  const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r'; };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return s;
}

/// Parses "<!-- factlint-ACTION [RULE[, RULE...]] -->" filling the whole (trimmed) line.
std::optional<Directive> parse_directive(std::string_view line, std::size_t index) {
  const char* const line_start = line.data();
  line = trim(line);
  if (!line.starts_with("<!--") || !line.ends_with("-->") || line.size() < 7) return std::nullopt;
  std::string_view body = trim(line.substr(4, line.size() - 7));
  Directive d{Action::disable, index, 0, {}, {}};
  // Longest name first: "factlint-disable" is a prefix of "factlint-disable-next-line".
  constexpr std::pair<std::string_view, Action> kActions[] = {
      {"factlint-disable-next-line", Action::disable_next_line},
      {"factlint-disable", Action::disable},
      {"factlint-enable", Action::enable},
  };
  bool found = false;
  for (const auto& [name, action] : kActions) {
    if (!body.starts_with(name)) continue;
    const std::string_view rest = body.substr(name.size());
    if (!rest.empty() && rest.front() != ' ' && rest.front() != '\t') continue;
    d.action = action;
    body = rest;
    found = true;
    break;
  }
  if (!found) return std::nullopt;
  std::string current;
  for (std::size_t i = 0; i <= body.size(); ++i) {
    const char c = i < body.size() ? body[i] : ' ';
    if (c == ',' || c == ' ' || c == '\t') {
      if (!current.empty()) {
        d.offsets.push_back(static_cast<std::size_t>(body.data() + i - line_start) -
                            current.size());
        d.selectors.push_back(std::move(current));
      }
      current.clear();
    } else {
      current += c;
    }
  }
  return d;
}

bool names(const Directive& d, std::string_view rule) {
  if (d.selectors.empty()) return true;
  return std::any_of(d.selectors.begin(), d.selectors.end(),
                     [&](const std::string& s) { return selector_matches(s, rule); });
}

/// Whether `rule` is silenced on `line` given the directives in document order.
bool silenced(const std::vector<Directive>& directives, std::string_view rule, std::size_t line) {
  bool off = false;
  for (const Directive& d : directives) {
    if (d.line >= line) break;
    if (!names(d, rule)) continue;
    if (d.action == Action::disable) off = true;
    if (d.action == Action::enable) off = false;
    if (d.action == Action::disable_next_line && d.target_line == line) return true;
  }
  return off;
}

bool names_any(std::string_view selector, std::span<const std::string_view> known) {
  if (std::binary_search(known.begin(), known.end(), selector)) return true;
  // A category: the rules that start with it are one sorted run.
  const std::string category =
      selector.ends_with('/') ? std::string(selector) : std::string(selector) + "/";
  auto it = std::lower_bound(known.begin(), known.end(), std::string_view(category));
  return it != known.end() && it->starts_with(category);
}

constexpr RuleInfo kUnknownRule{
    "factlint/unknown-rule", Severity::warning,
    Message{"a factlint comment names a rule that does not exist, so it silences nothing",
            "factlint 주석이 없는 규칙을 가리켜 아무것도 끄지 못함"},
    false};

class UnknownRuleCheck final : public Check {
 public:
  std::span<const RuleInfo> rules() const override { return {&kUnknownRule, 1}; }
  void run(const Document&, const LintContext&, Emitter&) const override {}
};

}  // namespace

const RuleInfo& unknown_rule_info() { return kUnknownRule; }

std::unique_ptr<Check> make_unknown_rule_check() { return std::make_unique<UnknownRuleCheck>(); }

void report_unknown_rules(const Document& doc, std::span<const std::string_view> known,
                          const LintContext& context, Emitter& out) {
  if (!out.enabled(kUnknownRule) || doc.text().find("factlint-") == std::string_view::npos) return;
  for (std::size_t i = 0; i < doc.line_count(); ++i) {
    const std::string_view line = doc.line_text(i);
    const auto d = parse_directive(line, i);
    if (!d) continue;
    const std::size_t line_begin = static_cast<std::size_t>(line.data() - doc.text().data());
    for (std::size_t k = 0; k < d->selectors.size(); ++k) {
      const std::string& selector = d->selectors[k];
      if (names_any(selector, known)) continue;
      const std::size_t begin = line_begin + d->offsets[k];
      out.report(kUnknownRule, Span{begin, begin + selector.size()},
                 context.lang == Lang::ko
                     ? fmt::format("factlint 주석의 '{}'은(는) 없는 규칙이어서 아무것도 끄지 "
                                   "않습니다 (factlint --list-rules 참고)",
                                   selector)
                     : fmt::format("unknown rule '{}' in a factlint comment: it silences nothing "
                                   "(see factlint --list-rules)",
                                   selector));
    }
  }
}

bool selector_matches(std::string_view selector, std::string_view rule) {
  if (selector == rule) return true;
  if (selector.ends_with('/')) return rule.starts_with(selector);
  return rule.size() > selector.size() && rule.starts_with(selector) &&
         rule[selector.size()] == '/';
}

void apply_suppressions(const Document& doc, std::vector<Diagnostic>& diagnostics) {
  if (diagnostics.empty() || doc.text().find("factlint-") == std::string_view::npos) return;
  std::vector<Directive> directives;
  std::vector<bool> is_directive(doc.line_count(), false);
  for (std::size_t i = 0; i < doc.line_count(); ++i) {
    if (auto d = parse_directive(doc.line_text(i), i)) {
      directives.push_back(std::move(*d));
      is_directive[i] = true;
    }
  }
  if (directives.empty()) return;
  // disable-next-line silences the next line that is not itself a directive, so that several
  // comments can stack above one line.
  for (Directive& d : directives) {
    d.target_line = d.line + 1;
    while (d.target_line < doc.line_count() && is_directive[d.target_line]) ++d.target_line;
  }
  std::erase_if(diagnostics, [&](const Diagnostic& diag) {
    const std::size_t line = doc.line_of(diag.span.begin);
    return is_directive[line] || silenced(directives, diag.rule, line);
  });
}

}  // namespace factlint
