// fact/share-sum: shares of one whole listed in one sentence that add up to more than 100%
// ("찬성 48%, 반대 41%, 모름 23%").
//
// Percentages in one sentence are often not parts of one whole: rates of different groups
// ("남성 60%, 여성 55%"), levels against a reference ("중국 92.5%, 유럽 92.5%"), changes, or
// answers where several could be chosen. So the check needs a sentence that speaks of shares
// (점유율, 비중, 차지, 응답, 찬성, 지지율, 득표율 ...), no change or multiple-answer wording, and
// at least three percentages listed together (joined by commas, 와/과 or 및). Each part may be
// rounded by up to half a point, so the sum must pass 100 + 0.5 × parts. See
// docs/checks/fact/share-sum.md.

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <span>
#include <string>
#include <vector>

#include "checks/all_checks.h"
#include "checks/facts.h"
#include "extract/figure.h"
#include "extract/scan.h"
#include "text/document.h"

namespace factlint {
namespace {

constexpr RuleInfo kRule{"fact/share-sum", Severity::warning,
                         Message{"shares of one whole that add up to more than 100%",
                                 "한 전체를 나눈 비율의 합이 100%를 넘음"},
                         false};

/// Words that say the percentages divide one whole.
constexpr std::string_view kShareWords[] = {"점유율", "비중",   "차지",   "응답",   "찬성",
                                            "반대",   "지지율", "지지도", "득표율", "득표",
                                            "구성비", "답했",   "답변"};

/// Words that say they do not: changes, multiple answers, comparisons.
constexpr std::string_view kNotShares[] = {"복수", "중복", "포인트", "대비", "증가", "감소", "상승",
                                           "하락", "늘었", "늘어",   "늘려", "줄었", "줄어", "줄여",
                                           "올랐", "내렸", "떨어",   "급증", "급감", "성장", "확대",
                                           "축소", "인상", "인하",   "보다", "각각"};

/// Subjects that name a group or the whole, whose figure is a rate rather than a part.
constexpr std::string_view kGroups[] = {"남성", "여성", "남자", "여자", "전체",
                                        "평균", "전국", "합계", "총"};

/// At most this many words between two listed parts ("48%, 반대 41%").
constexpr std::size_t kMaxWordsBetween = 3;

bool contains_any(std::string_view s, std::span<const std::string_view> words) {
  for (std::string_view w : words) {
    if (extract::scan::contains(s, w)) return true;
  }
  return false;
}

/// Whether the text between two percentages lists them: a comma, or a word ending in 와/과
/// or the word 및, and only a few words.
bool listed_together(const Document& doc, Span between) {
  std::size_t words = 0;
  bool joined = false;
  doc.for_each_word(between, [&](Span w) {
    ++words;
    const std::string_view s = doc.slice(w);
    joined = joined || s.find(',') != std::string_view::npos || s.ends_with("와") ||
             s.ends_with("과") || s == "및";
  });
  const std::string_view s = doc.slice(between);
  joined = joined || s.starts_with(",") || s.starts_with("와") || s.starts_with("과");
  return joined && words <= kMaxWordsBetween + 1;
}

std::string format_value(double v) { return fmt::format("{:g}", v); }

class ShareSumCheck final : public Check {
 public:
  std::span<const RuleInfo> rules() const override { return {&kRule, 1}; }
  FactSet facts_read() const override { return Fact::figures; }

  void run(const Document& doc, const LintContext& context, Emitter& out) const override {
    if (!out.enabled(kRule)) return;
    std::unique_ptr<DocumentFacts> own;
    const DocumentFacts& facts = facts_of(doc, context, own);
    const std::vector<Span>& sentences = doc.sentences();
    for (std::size_t index = 0; index < sentences.size(); ++index) {
      const Span sentence = sentences[index];
      const std::string_view s = doc.slice(sentence);
      const std::span<const extract::BareFigure> bare = facts.figures(index);
      // A finding needs three parts, which is rarer than the words below and, with the figures
      // of the document found once for all checks, cheaper to test.
      if (std::count_if(bare.begin(), bare.end(), [&](const extract::BareFigure& f) {
            return may_be_part(doc, f.number, f.change);
          }) < 3) {
        continue;
      }
      if (s.find('%') == std::string_view::npos && !extract::scan::contains(s, "퍼센트")) {
        continue;
      }
      if (!contains_any(s, kShareWords) || contains_any(s, kNotShares)) continue;
      check_sentence(doc, context, out, facts.figures_with_subjects(index));
    }
  }

 private:
  /// Whether `f` may be one of the parts check_sentence adds up.
  static bool may_be_part(const Document& doc, const extract::Number& n, bool change) {
    // "20대(26.9%)": a figure in parentheses is a rate of the group named before it.
    const bool parenthesized = n.begin > 0 && doc.text()[n.begin - 1] == '(';
    return n.kind == extract::NumberUnitKind::percent && !n.range_end && !change && !parenthesized;
  }

  static void check_sentence(const Document& doc, const LintContext& context, Emitter& out,
                             std::span<const extract::Figure> figures) {
    std::vector<const extract::Figure*> run;
    const auto flush = [&] {
      if (run.size() >= 3 && parts_of_one_whole(doc, run)) report_if_over(context, out, run);
      run.clear();
    };
    for (const extract::Figure& f : figures) {
      const extract::Number& n = f.number;
      if (!may_be_part(doc, n, f.change)) {
        flush();
        continue;
      }
      if (!run.empty() && !listed_together(doc, {run.back()->number.end, n.begin})) flush();
      run.push_back(&f);
    }
    flush();
  }

  /// "남성의 60%, 여성의 55%", "남성 60%, 여성 55%, 전체 58%": rates of groups, not parts.
  static bool parts_of_one_whole(const Document& doc,
                                 const std::vector<const extract::Figure*>& parts) {
    std::size_t owned = 0;
    for (const extract::Figure* f : parts) {
      std::string_view before = doc.text().substr(0, f->number.begin);
      while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
      if (before.ends_with("의")) ++owned;
      if (f->subject) {
        const std::string_view word = doc.slice(f->subject->word);
        for (std::string_view group : kGroups) {
          if (word == group) return false;
        }
      }
    }
    return owned < 2;
  }

  static void report_if_over(const LintContext& context, Emitter& out,
                             const std::vector<const extract::Figure*>& parts) {
    double sum = 0;
    std::string terms;
    for (const extract::Figure* f : parts) {
      sum += f->number.value;
      if (!terms.empty()) terms += " + ";
      terms += format_value(f->number.value) + "%";
    }
    if (sum <= 100 + 0.5 * static_cast<double>(parts.size())) return;
    // Rounded to a tenth so that 0.1 + 0.2 prints as 0.3.
    const std::string total = format_value(std::round(sum * 10) / 10);
    std::string message =
        context.lang == Lang::ko
            ? fmt::format("나열한 비율을 더하면 {}%로 100%를 넘습니다: {}", total, terms)
            : fmt::format("the shares listed add up to {}%, more than 100%: {}", total, terms);
    out.report(kRule, {parts.front()->number.begin, parts.back()->number.end}, std::move(message));
  }
};

}  // namespace

std::unique_ptr<Check> make_share_sum_check() { return std::make_unique<ShareSumCheck>(); }

}  // namespace factlint
