// attribution/unattributed-quote: a direct quotation of speech that names nobody.
//
// A reader must be able to tell who said a quoted sentence. The extractor (extract/quote.h)
// gives each quotation its speaker: the subject of its sentence, a reference such as 그는
// resolved to a person, or the speaker of the sentence before or after it. What is left without
// a speaker but reads as speech (a clause with a quotative ending, or a quoted sentence standing
// on its own) is reported. Terms, titles of works, slogans and scare quotes are not speech and
// stay silent, as do quotations in headlines and captions, which are attributed in the body.
// See docs/checks/attribution/unattributed-quote.md.

#include <string_view>

#include "checks/all_checks.h"
#include "checks/facts.h"
#include "extract/quote.h"
#include "text/caption.h"
#include "text/document.h"
#include "text/utf8.h"

namespace factlint {
namespace {

constexpr RuleInfo kRule{
    "attribution/unattributed-quote", Severity::warning,
    Message{"a direct quotation of speech with no speaker in or next to its sentence",
            "발화자가 문장이나 앞뒤 문장에 없는 직접 인용문"},
    false};

/// Quotations shorter than this (code points of the quoted text) are phrases, not speech.
constexpr std::size_t kMinQuoteChars = 8;

bool is_closing(char32_t c) {
  return c == '"' || c == '\'' || c == ')' || c == ']' || c == 0x201D || c == 0x2019 || c == 0x300D;
}

/// A headline, subtitle or caption: a line that does not end like a sentence of prose.
bool is_title_like(std::string_view line) {
  if (classify_caption(line).is_caption) return true;
  std::size_t end = line.size();
  while (end > 0) {
    const std::size_t at = utf8::previous(line, end);
    std::size_t i = at;
    const char32_t c = utf8::decode(line, i);
    if (!utf8::is_space(c) && !is_closing(c)) break;
    end = at;
  }
  if (end == 0) return true;
  std::size_t i = utf8::previous(line, end);
  const char32_t last = utf8::decode(line, i);
  return last != '.' && last != '?' && last != '!' && last != 0x2026;
}

class UnattributedQuoteCheck final : public Check {
 public:
  std::span<const RuleInfo> rules() const override { return {&kRule, 1}; }
  FactSet facts_read() const override { return Fact::attributions; }

  void run(const Document& doc, const LintContext& context, Emitter& out) const override {
    if (!out.enabled(kRule)) return;
    const std::string_view text = doc.text();
    std::unique_ptr<DocumentFacts> own;
    const DocumentFacts& facts = facts_of(doc, context, own);
    for (const extract::Attribution& a : facts.attributions()) {
      const extract::Quote& q = a.quote;
      const bool double_mark = q.open_mark == 0x201C || q.open_mark == 0x201D ||
                               q.open_mark == '"' || q.open_mark == 0x300C;
      if (!double_mark || q.depth > 0 || !a.speech || a.speaker) continue;
      const std::string_view quoted = text.substr(q.text_begin, q.text_end - q.text_begin);
      if (utf8::count_code_points(quoted) < kMinQuoteChars) continue;
      if (is_title_like(doc.line_text(doc.line_of(q.begin)))) continue;
      out.report(kRule, Span{q.begin, q.end},
                 context.lang == Lang::ko
                     ? "누가 한 말인지 알 수 없는 직접 인용문: 발화자를 밝히세요"
                     : "direct quotation with no speaker in or next to its sentence: say who "
                       "said it");
    }
  }
};

}  // namespace

std::unique_ptr<Check> make_unattributed_quote_check() {
  return std::make_unique<UnattributedQuoteCheck>();
}

}  // namespace factlint
