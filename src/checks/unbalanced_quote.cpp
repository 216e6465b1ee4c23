// typography/unbalanced-quote: a quotation opened and never closed within its paragraph.
//
// A missing closing mark leaves the reader unsure where the quoted words end, and often means a
// sentence was cut while editing. A quotation that runs over several paragraphs follows the
// print convention of leaving each paragraph open and opening the next one again with the same
// mark (in Korean as in English typesetting), so an unclosed
// quotation followed by a paragraph that starts with the same mark is not reported. Straight
// single marks are not checked: the same character is the apostrophe of Latin words and names.
// See docs/checks/typography/unbalanced-quote.md.

#include <fmt/format.h>

#include "checks/all_checks.h"
#include "checks/facts.h"
#include "text/document.h"
#include "text/quotes.h"

namespace factlint {
namespace {

using quotes::Kind;
using quotes::Quotation;
using quotes::Style;

constexpr RuleInfo kRule{"typography/unbalanced-quote", Severity::warning,
                         Message{"a quotation opened and never closed in its paragraph",
                                 "문단 안에서 열고 닫지 않은 따옴표"},
                         false};

class UnbalancedQuoteCheck final : public Check {
 public:
  std::span<const RuleInfo> rules() const override { return {&kRule, 1}; }
  FactSet facts_read() const override { return Fact::quotations; }

  void run(const Document& doc, const LintContext& context, Emitter& out) const override {
    if (!out.enabled(kRule)) return;
    std::unique_ptr<DocumentFacts> own;
    const DocumentFacts& facts = facts_of(doc, context, own);
    // Three messages at most (straight, curly double, curly single), each formatted once: a
    // draft can hold thousands of unclosed marks.
    std::string messages[3];
    for (const Quotation& q : facts.quotations()) {
      if (q.close || q.continued) continue;
      if (q.kind == Kind::single_mark && q.style == Style::straight) continue;
      std::string& text = messages[q.style == Style::straight    ? 0
                                   : q.kind == Kind::double_mark ? 1
                                                                 : 2];
      if (text.empty()) text = message(q, context.lang);
      out.report(kRule, q.open, text);
    }
  }

 private:
  static std::string message(const Quotation& q, Lang lang) {
    if (q.style == Style::straight) {
      return lang == Lang::ko
                 ? "이 큰따옴표(\")는 문단 안에서 짝이 없습니다: 닫는 따옴표를 넣거나 지우세요"
                 : "this \" has no partner in its paragraph: add the closing mark or delete it";
    }
    const bool dbl = q.kind == Kind::double_mark;
    const std::string_view open = dbl ? "“" : "‘";
    const std::string_view close = dbl ? "”" : "’";
    return lang == Lang::ko
               ? fmt::format(
                     "여기서 연 따옴표({})를 문단이 끝나도록 닫지 않았습니다: 인용이 "
                     "끝나는 곳에 {}를 넣으세요",
                     open, close)
               : fmt::format(
                     "{} opened here is never closed in its paragraph: add {} where the "
                     "quotation ends",
                     open, close);
  }
};

}  // namespace

std::unique_ptr<Check> make_unbalanced_quote_check() {
  return std::make_unique<UnbalancedQuoteCheck>();
}

}  // namespace factlint
