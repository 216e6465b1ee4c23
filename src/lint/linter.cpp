#include "lint/linter.h"

#include <algorithm>
#include <numeric>
#include <span>

#include "checks/facts.h"
#include "checks/registry.h"
#include "lint/published.h"
#include "lint/suppression.h"
#include "text/document.h"
#include "text/html.h"

namespace factlint {

namespace {

/// In HTML and Markdown a fix edits the source through markup (and HTML character references):
/// one that touches them is withheld (the finding stays), so that `--fix` never breaks a tag, an
/// emphasis or a link. In HTML a replacement is escaped so that it stays text.
void keep_fixes_off_markup(const Document& doc, std::vector<Diagnostic>& found) {
  const bool html = doc.format() == Document::Format::html;
  for (Diagnostic& d : found) {
    const bool touches = std::any_of(d.fix.begin(), d.fix.end(), [&](const Edit& e) {
      return edit_touches_markup(doc.blanked(), e.span);
    });
    if (touches) {
      d.fix.clear();
      continue;
    }
    if (!html) continue;
    for (Edit& e : d.fix) {
      std::string escaped;
      for (char c : e.replacement) {
        escaped += c == '&' ? "&amp;" : c == '<' ? "&lt;" : c == '>' ? "&gt;" : std::string(1, c);
      }
      e.replacement = std::move(escaped);
    }
  }
}

std::vector<std::string_view> rule_ids(const std::vector<std::unique_ptr<Check>>& checks) {
  std::vector<std::string_view> ids;
  for (const auto& check : checks) {
    for (const RuleInfo& rule : check->rules()) ids.push_back(rule.id);
  }
  std::sort(ids.begin(), ids.end());
  return ids;
}

/// Sorts findings by position, then rule id, keeping the order of equal ones, as
/// std::stable_sort would but without its buffer of half the findings (a hostile text can hold a
/// finding every few bytes): the order is sorted as indices, then the findings are moved into it
/// in place, one cycle of the permutation at a time.
void sort_findings(std::vector<Diagnostic>& found) {
  auto before = [](const Diagnostic& a, const Diagnostic& b) {
    if (a.span.begin != b.span.begin) return a.span.begin < b.span.begin;
    if (a.span.end != b.span.end) return a.span.end < b.span.end;
    return a.rule < b.rule;
  };
  if (std::is_sorted(found.begin(), found.end(), before)) return;
  // order[i]: the finding that goes to place i.
  std::vector<std::size_t> order(found.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    if (before(found[a], found[b])) return true;
    if (before(found[b], found[a])) return false;
    return a < b;
  });
  for (std::size_t i = 0; i < order.size(); ++i) {
    if (order[i] == i) continue;
    Diagnostic first = std::move(found[i]);
    std::size_t place = i;
    while (order[place] != i) {
      const std::size_t from = order[place];
      found[place] = std::move(found[from]);
      order[place] = place;
      place = from;
    }
    found[place] = std::move(first);
    order[place] = place;
  }
}

/// The checks that read the speakers of quotations, which the linter may extract on a second
/// thread.
constexpr FactSet kSpeakerFacts = Fact::attributions | Fact::people;

bool reads_speakers(const Check& check) {
  return (check.facts_read().bits & kSpeakerFacts.bits) != 0;
}

/// Documents shorter than this are linted on one thread: a thread costs more than it saves.
constexpr std::size_t kSecondThreadBytes = std::size_t{1} << 18;

}  // namespace

/// `checks` in order, or with those that read the speakers moved to the end, and for each
/// check the facts that no check after it reads.
Linter::Order Linter::plan_order(const std::vector<std::unique_ptr<Check>>& checks,
                                 bool speakers_last) {
  Order order;
  for (const bool speakers : {false, true}) {
    for (const auto& check : checks) {
      if (!speakers_last ? !speakers : reads_speakers(*check) == speakers) {
        order.checks.push_back(check.get());
      }
    }
  }
  order.release_after.resize(order.checks.size());
  FactSet later;  // read by a check after the one looked at
  for (std::size_t i = order.checks.size(); i-- > 0;) {
    const FactSet reads = order.checks[i]->facts_read();
    for (const Fact fact : kAllFacts) {
      if (reads.has(fact) && !later.has(fact)) {
        order.release_after[i] = order.release_after[i] | fact;
      }
    }
    later = later | reads;
  }
  return order;
}

Linter::Linter()
    : checks_(make_builtin_checks()),
      known_rules_(rule_ids(checks_)),
      in_order_(plan_order(checks_, false)),
      speakers_last_(plan_order(checks_, true)) {}

Linter::Linter(std::vector<std::unique_ptr<Check>> extra_checks) : Linter() {
  for (auto& check : extra_checks) checks_.push_back(std::move(check));
  known_rules_ = rule_ids(checks_);
  in_order_ = plan_order(checks_, false);
  speakers_last_ = plan_order(checks_, true);
}

Linter::~Linter() = default;

std::vector<Diagnostic> Linter::lint(const Document& doc, const LintContext& context,
                                     const RuleSeverities& severities) const {
  std::vector<Diagnostic> found;
  Emitter emitter(severities, found);
  // A date the run was given wins; otherwise the article's own front matter or dateline.
  LintContext resolved = context;
  if (auto published = resolve_published(doc, context.published)) {
    resolved.published = published->date;
  }
  // Built once here and shared, so checks that read the same facts extract them only once; each
  // is dropped after its last reader.
  DocumentFacts facts(doc, resolved.published);
  resolved.facts = &facts;
  // With a core to spare, a long document's speakers (the most expensive fact) are extracted
  // while the checks that do not read them run. Only when a check will read them: each skips
  // its work when its rules are off.
  const bool background =
      context.spare_core && doc.text().size() >= kSecondThreadBytes &&
      std::any_of(checks_.begin(), checks_.end(), [&](const auto& check) {
        const std::span<const RuleInfo> rules = check->rules();
        return reads_speakers(*check) &&
               std::any_of(rules.begin(), rules.end(),
                           [&](const RuleInfo& rule) { return emitter.enabled(rule); });
      });
  if (background) facts.extract_quote_facts_in_background();
  const Order& order = background ? speakers_last_ : in_order_;
  for (std::size_t i = 0; i < order.checks.size(); ++i) {
    order.checks[i]->run(doc, resolved, emitter);
    for (const Fact fact : kAllFacts) {
      if (order.release_after[i].has(fact)) facts.release(fact);
    }
  }
  apply_suppressions(doc, found);
  // After the suppressions, which drop every finding on a comment line.
  report_unknown_rules(doc, known_rules_, resolved, emitter);
  sort_findings(found);
  // Two rules may catch the same mistake (a name variant that is also a misspelled company
  // name): one finding with the same span and the same fix is enough.
  auto same_fix = [](const Diagnostic& a, const Diagnostic& b) {
    if (a.span != b.span || a.fix.empty() || a.fix.size() != b.fix.size()) return false;
    for (std::size_t i = 0; i < a.fix.size(); ++i) {
      if (a.fix[i].span != b.fix[i].span || a.fix[i].replacement != b.fix[i].replacement) {
        return false;
      }
    }
    return true;
  };
  found.erase(std::unique(found.begin(), found.end(), same_fix), found.end());
  if (doc.format() != Document::Format::text) keep_fixes_off_markup(doc, found);
  return found;
}

}  // namespace factlint
