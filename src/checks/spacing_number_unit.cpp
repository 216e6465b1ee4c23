// spacing/number-unit: a noun written onto a number and its unit ("10년후" for "10년 후").
//
// After a number with a unit of time or age, 후, 전, 뒤, 동안, 이상, 이하, 미만, 이내, 이후, 이전
// and the dependent noun 만 (of elapsed time, "3년 만에") are nouns of their own and are written
// apart (한글 맞춤법 제42항: 의존 명사는 띄어 쓴다; 제2항: 문장의 각 단어는 띄어 씀). Suffixes such
// as 간 (10년간), 여 (10년여), 째, 쯤, 가량 and 께 are written attached and are left alone. The
// noun must end the word or be followed by a particle, so "100년전쟁" (a name) stays silent. See
// docs/checks/spacing/number-unit.md.

#include <fmt/format.h>

#include <array>
#include <string>

#include "checks/all_checks.h"
#include "extract/scan.h"
#include "text/document.h"
#include "text/utf8.h"

namespace factlint {
namespace {

constexpr RuleInfo kRule{"spacing/number-unit", Severity::warning,
                         Message{"a noun written onto a number and its unit (10년후 for 10년 후)",
                                 "수와 단위 뒤의 명사를 붙여 씀 (10년 후를 10년후로 씀)"},
                         true};

constexpr std::string_view kUnits[] = {"개월", "주일", "시간", "년", "달", "주",
                                       "일",   "분",   "초",   "세", "살"};
/// Most numbers have another unit or none: its first syllable settles that without the list.
constexpr extract::scan::FirstSyllables kUnitStarts(kUnits);
// 만 only with the particles of elapsed time (만에, 만의, 만이다), checked below.
constexpr std::array<std::string_view, 11> kNouns = {"동안", "이상", "이하", "미만", "이내", "이후",
                                                     "이전", "후",   "전",   "뒤",   "만"};
// What may follow the noun inside the same word: particles and the copula.
constexpr std::array<std::string_view, 28> kParticles = {
    "에서는", "에서도", "에서", "에는", "에도", "에야", "에만", "부터", "까지", "으로",
    "로",     "이다",   "이었", "였",   "인",   "이",   "가",   "은",   "는",   "을",
    "를",     "의",     "에",   "도",   "만",   "과",   "와",   "이며"};

bool is_word_end(std::string_view t, std::size_t at) {
  if (at >= t.size()) return true;
  std::size_t i = at;
  const char32_t cp = utf8::decode(t, i);
  return cp == '\n' || utf8::is_space(cp) ||
         !(utf8::is_hangul_syllable(cp) || utf8::is_digit(cp) ||
           (cp < 0x80 && std::isalpha(static_cast<int>(cp))));
}

/// Length of the particles after the noun (possibly zero) when the word ends there; npos when
/// something else continues the word (a compound such as 100년전쟁).
std::size_t particle_tail(std::string_view t, std::size_t at) {
  if (is_word_end(t, at)) return 0;
  for (std::string_view p : kParticles) {
    if (extract::scan::starts_with(t.substr(at), p)) {
      const std::size_t end = at + p.size();
      if (is_word_end(t, end)) return p.size();
      for (std::string_view q : kParticles) {  // Two stacked particles: 후에도, 전부터는.
        if (extract::scan::starts_with(t.substr(end), q) && is_word_end(t, end + q.size()))
          return p.size() + q.size();
      }
    }
  }
  return std::string_view::npos;
}

class NumberUnitSpacingCheck final : public Check {
 public:
  std::span<const RuleInfo> rules() const override { return {&kRule, 1}; }

  void run(const Document& doc, const LintContext& context, Emitter& out) const override {
    if (!out.enabled(kRule)) return;
    const std::string_view t = doc.text();
    std::size_t i = 0;
    while ((i = utf8::find_digit(t, i)) < t.size()) {
      const std::size_t number = i;
      while (i < t.size() && ((t[i] >= '0' && t[i] <= '9') || t[i] == ',' || t[i] == '.')) ++i;
      if (!kUnitStarts.starts(t.substr(i))) continue;
      std::string_view unit;
      for (std::string_view u : kUnits) {
        if (extract::scan::starts_with(t.substr(i), u)) {
          unit = u;
          break;
        }
      }
      if (unit.empty()) continue;
      const std::size_t noun_at = i + unit.size();
      for (std::string_view noun : kNouns) {
        if (!extract::scan::starts_with(t.substr(noun_at), noun)) continue;
        const std::size_t after = noun_at + noun.size();
        const std::size_t tail = particle_tail(t, after);
        if (tail == std::string_view::npos) break;
        // 만 is the dependent noun only before 에/의/이다 ("3년만에"); "3일만" means "only 3 days".
        if (noun == "만" && tail == 0) break;
        const std::string written(t.substr(number, noun_at - number));
        auto message = context.lang == Lang::ko
                           ? fmt::format("'{}'와(과) '{}'는 띄어 씁니다: '{} {}'", written, noun,
                                         written, noun)
                           : fmt::format("write a space before '{}': '{} {}'", noun, written, noun);
        if (Diagnostic* d = out.report(kRule, {number, after}, std::move(message))) {
          d->fix.push_back({{noun_at, noun_at}, " "});
        }
        break;
      }
      i = noun_at;
    }
  }
};

}  // namespace

std::unique_ptr<Check> make_number_unit_spacing_check() {
  return std::make_unique<NumberUnitSpacingCheck>();
}

}  // namespace factlint
