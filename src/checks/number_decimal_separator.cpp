// number/decimal-separator: a decimal fraction written with a comma ("88,9%" for 88.9%).
//
// Korean uses the period as the decimal point and the comma only to group thousands, so a comma
// followed by exactly three digits is a thousands separator and anything else between digits is
// suspect. A comma between small numbers is also how Korean writes "two or three" (2,3개) or a
// list (3,4월, 30,40대), so the check fires only before units that measure a quantity with a
// fraction: percent, percentage points and multiples. See docs/checks/number/decimal-separator.md.

#include <fmt/format.h>

#include <array>
#include <string>

#include "checks/all_checks.h"
#include "text/document.h"
#include "text/utf8.h"

namespace factlint {
namespace {

constexpr RuleInfo kRule{"number/decimal-separator", Severity::warning,
                         Message{"decimal fraction written with a comma (88,9% for 88.9%)",
                                 "소수점을 쉼표로 쓴 수 (88.9%를 88,9%로 씀)"},
                         true};

/// Units after which a number is a measured quantity that can have a fraction.
/// "%p" is covered by "%" (the fix keeps whatever follows the digits).
constexpr std::array<std::string_view, 8> kFractionUnits = {
    "%",  "\xEF\xBC\x85" /* ％ */, "퍼센트",  "프로", "포인트",
    "배", "\xE2\x84\x83" /* ℃ */,  "\xC2\xB0" /* ° */};

bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }

/// Length of the fraction unit at `text[pos]` after optional spaces, or 0.
std::size_t unit_length(std::string_view text, std::size_t pos) {
  std::size_t at = pos;
  while (at < text.size() && text[at] == ' ') ++at;
  for (std::string_view unit : kFractionUnits) {
    if (text.substr(at).starts_with(unit)) {
      std::size_t end = at + unit.size();
      if (unit == "%" && end < text.size() && text[end] == 'p') ++end;  // %p
      return end - pos;
    }
  }
  return 0;
}

class DecimalSeparatorCheck final : public Check {
 public:
  std::span<const RuleInfo> rules() const override { return {&kRule, 1}; }

  void run(const Document& doc, const LintContext& context, Emitter& out) const override {
    if (!out.enabled(kRule)) return;
    const std::string_view t = doc.text();
    for (std::size_t comma = t.find(','); comma != std::string_view::npos;
         comma = t.find(',', comma + 1)) {
      if (comma == 0 || !is_ascii_digit(t[comma - 1])) continue;
      std::size_t begin = comma;
      while (begin > 0 && is_ascii_digit(t[begin - 1])) --begin;
      std::size_t end = comma + 1;
      while (end < t.size() && is_ascii_digit(t[end])) ++end;
      const std::size_t int_digits = comma - begin;
      const std::size_t frac_digits = end - comma - 1;
      if (frac_digits == 0 || frac_digits > 2 || int_digits > 3) continue;
      // Part of a longer number or list: "1,234,5", "1,2,3%", "v2.1,5", "A1,5".
      if (begin > 0) {
        const char before = t[begin - 1];
        const bool latin = (before >= 'A' && before <= 'Z') || (before >= 'a' && before <= 'z');
        if (before == ',' || before == '.' || before == '-' || latin) continue;
      }
      if (end < t.size() && (t[end] == ',' || t[end] == '.')) continue;
      // "20,30%" reads as a list of two round numbers; a decimal would be written 20.3.
      if (frac_digits == 2 && t[end - 1] == '0') continue;
      const std::size_t unit = unit_length(t, end);
      if (unit == 0) continue;
      const std::string number(t.substr(begin, int_digits));
      const std::string fraction(t.substr(comma + 1, frac_digits));
      const std::string corrected = number + "." + fraction + std::string(t.substr(end, unit));
      auto message = context.lang == Lang::ko
                         ? fmt::format("소수점은 쉼표가 아니라 마침표로 씁니다: '{}'", corrected)
                         : fmt::format("decimal point written as a comma: write '{}'", corrected);
      if (Diagnostic* d = out.report(kRule, {begin, end + unit}, std::move(message))) {
        d->fix.push_back({{comma, comma + 1}, "."});
      }
    }
  }
};

}  // namespace

std::unique_ptr<Check> make_decimal_separator_check() {
  return std::make_unique<DecimalSeparatorCheck>();
}

}  // namespace factlint
