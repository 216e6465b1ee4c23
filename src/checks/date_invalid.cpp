// date/invalid: a date that cannot exist (2월 30일, 13월, 2023년 2월 29일, 지난달 30일 in March).
//
// The date extractor marks these; this check words the finding. A bare day that fits no month
// near publication ("30일" in a February article) is left alone: Korean papers write a bare day
// for the publication week, so it is more often a day of an earlier month in a story about the
// past than an impossible date. "13월의 월급" (the year-end tax refund) is an idiom, not a date.
// See docs/checks/date/invalid.md.

#include <fmt/format.h>

#include <string>

#include "checks/all_checks.h"
#include "checks/facts.h"
#include "extract/date.h"
#include "text/document.h"
#include "text/hangul.h"

namespace factlint {
namespace {

constexpr RuleInfo kRule{
    "date/invalid", Severity::warning,
    Message{"a date that does not exist (2월 30일, 13월)", "존재하지 않는 날짜 (2월 30일, 13월)"},
    false};

constexpr std::string_view kMonthNames[] = {"January",   "February", "March",    "April",
                                            "May",       "June",     "July",     "August",
                                            "September", "October",  "November", "December"};

std::string explain(const extract::DateExpr& d, Lang lang) {
  const int month = *d.month;
  if (month < 1 || month > 12) {
    return lang == Lang::ko ? "달은 1월부터 12월까지입니다" : "months run from 1 to 12";
  }
  if (d.year) {
    const int days = days_in_month(*d.year, month);
    return lang == Lang::ko
               ? fmt::format("{}년 {}월은 {}일까지입니다", *d.year, month, days)
               : fmt::format("{} {} has {} days", kMonthNames[month - 1], *d.year, days);
  }
  const int days = days_in_month(2000, month);  // a leap year: the most days a month can have
  return lang == Lang::ko ? fmt::format("{}월은 {}일까지입니다", month, days)
                          : fmt::format("{} has at most {} days", kMonthNames[month - 1], days);
}

class InvalidDateCheck final : public Check {
 public:
  std::span<const RuleInfo> rules() const override { return {&kRule, 1}; }
  FactSet facts_read() const override { return Fact::dates; }

  void run(const Document& doc, const LintContext& context, Emitter& out) const override {
    if (!out.enabled(kRule)) return;
    const std::string_view text = doc.text();
    std::unique_ptr<DocumentFacts> own;
    const DocumentFacts& facts = facts_of(doc, context, own);
    for (const extract::DateExpr& d : facts.dates()) {
      if (!d.invalid || !d.month) continue;
      if (*d.month == 13 && text.substr(d.end).starts_with("의")) continue;
      const std::string_view written = text.substr(d.begin, d.end - d.begin);
      std::string message;
      if (context.lang == Lang::ko) {
        const auto coda = hangul::final_coda(written).value_or(hangul::Coda::other);
        message = fmt::format("'{}'{} 없는 날짜입니다: {}", written,
                              hangul::fit_particles("은", coda), explain(d, context.lang));
      } else {
        message = fmt::format("'{}' is not a date: {}", written, explain(d, context.lang));
      }
      out.report(kRule, {d.begin, d.end}, std::move(message));
    }
  }
};

}  // namespace

std::unique_ptr<Check> make_invalid_date_check() { return std::make_unique<InvalidDateCheck>(); }

}  // namespace factlint
