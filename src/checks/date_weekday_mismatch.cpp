// date/weekday-mismatch: "5일(수)" when the 5th is a Tuesday.
//
// Korean papers note the weekday after a date ("5일(화)", "5일 화요일"); a wrong one usually
// comes from last year's calendar or a date edited without its note. The date is resolved from
// what is written and, for a date without its year, the publication date. The fix rewrites the
// weekday, since a date is more often checked against its source than its weekday is; the
// message names both so the editor can decide. Weekdays that define the date ("지난주 화요일")
// cannot disagree with it. See docs/checks/date/weekday-mismatch.md.

#include <fmt/format.h>

#include <string>

#include "checks/all_checks.h"
#include "checks/facts.h"
#include "extract/date.h"
#include "text/document.h"
#include "text/utf8.h"

namespace factlint {
namespace {

constexpr RuleInfo kRule{"date/weekday-mismatch", Severity::warning,
                         Message{"the weekday written after a date is not that date's weekday",
                                 "날짜 뒤에 쓴 요일이 실제 요일과 다름"},
                         true};

constexpr std::string_view kWeekdaySyllables[] = {"월", "화", "수", "목", "금", "토", "일"};
constexpr std::string_view kWeekdayNames[] = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                              "Friday", "Saturday", "Sunday"};

/// The span of the weekday syllable inside a date: "(화)", "(화요일)" or " 화요일" ends it.
std::optional<Span> weekday_span(std::string_view text, const extract::DateExpr& d) {
  const std::string_view s = text.substr(d.begin, d.end - d.begin);
  std::size_t at;
  if (s.ends_with(")")) {
    at = s.rfind('(');
    if (at == std::string_view::npos) return std::nullopt;
    ++at;
    while (at < s.size() && s[at] == ' ') ++at;
  } else if (s.ends_with("요일") && s.size() > 9) {
    at = utf8::previous(s, s.size() - 6);
  } else {
    return std::nullopt;
  }
  if (at + 3 > s.size() || s.substr(at, 3) != kWeekdaySyllables[*d.weekday_written]) {
    return std::nullopt;
  }
  return Span{d.begin + at, d.begin + at + 3};
}

class WeekdayMismatchCheck final : public Check {
 public:
  std::span<const RuleInfo> rules() const override { return {&kRule, 1}; }
  FactSet facts_read() const override { return Fact::dates; }

  void run(const Document& doc, const LintContext& context, Emitter& out) const override {
    if (!out.enabled(kRule)) return;
    const std::string_view text = doc.text();
    std::unique_ptr<DocumentFacts> own;
    const DocumentFacts& facts = facts_of(doc, context, own);
    for (const extract::DateExpr& d : facts.dates()) {
      if (!d.weekday_written || !d.resolved || !d.day) continue;
      if (d.kind == extract::DateKind::relative && d.relative.ends_with("주")) continue;
      const int actual = d.resolved->weekday();
      const int written = *d.weekday_written;
      if (actual == written) continue;
      const auto weekday = weekday_span(text, d);
      if (!weekday) continue;
      const CivilDate& date = *d.resolved;
      std::string message =
          context.lang == Lang::ko
              ? fmt::format("{}년 {}월 {}일은 {}요일이 아니라 {}요일입니다", date.year, date.month,
                            date.day, kWeekdaySyllables[written], kWeekdaySyllables[actual])
              : fmt::format("{} is a {}, not a {}: write '{}'", date.iso(), kWeekdayNames[actual],
                            kWeekdayNames[written], kWeekdaySyllables[actual]);
      if (Diagnostic* diag = out.report(kRule, {d.begin, d.end}, std::move(message))) {
        diag->fix.push_back({*weekday, std::string(kWeekdaySyllables[actual])});
      }
    }
  }
};

}  // namespace

std::unique_ptr<Check> make_weekday_mismatch_check() {
  return std::make_unique<WeekdayMismatchCheck>();
}

}  // namespace factlint
