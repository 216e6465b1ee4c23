// typography/quote-style: straight ("…", '…') and curly (“…”, ‘…’) quotation marks mixed in one
// article, counted separately for double and single marks.
//
// Either style is acceptable on its own; mixing them is a paste from another source or a
// keyboard that auto-corrects only sometimes. The style most quotations use is kept; a tie goes
// to curly marks, the forms 한글 맞춤법 (부록 문장 부호, 2015) gives for 큰따옴표 and 작은따옴표
// and the ones Korean newspapers print. See docs/checks/typography/quote-style.md.

#include <fmt/format.h>

#include <optional>
#include <string>

#include "checks/all_checks.h"
#include "checks/facts.h"
#include "text/document.h"
#include "text/quotes.h"

namespace factlint {
namespace {

using quotes::Kind;
using quotes::Quotation;
using quotes::Style;

constexpr RuleInfo kRule{"typography/quote-style", Severity::warning,
                         Message{"straight and curly quotation marks mixed in one article",
                                 "곧은 따옴표와 둥근 따옴표를 한 기사에 섞어 씀"},
                         true};

struct Glyphs {
  std::string_view open;
  std::string_view close;
  std::string pair() const { return fmt::format("{}…{}", open, close); }
};

Glyphs glyphs(Kind kind, Style style) {
  if (kind == Kind::double_mark) {
    return style == Style::curly ? Glyphs{"“", "”"} : Glyphs{"\"", "\""};
  }
  return style == Style::curly ? Glyphs{"‘", "’"} : Glyphs{"'", "'"};
}

std::string times(std::size_t n, Lang lang) {
  if (lang == Lang::ko) return fmt::format("{}회", n);
  return n == 1 ? std::string("once") : fmt::format("{} times", n);
}

/// A quotation that shows one style: closed with its own mark in its paragraph, or continued in
/// the next one.
bool counts(const Quotation& q) { return q.continued || (q.close && q.close_matches); }

class QuoteStyleCheck final : public Check {
 public:
  std::span<const RuleInfo> rules() const override { return {&kRule, 1}; }
  FactSet facts_read() const override { return Fact::quotations; }

  void run(const Document& doc, const LintContext& context, Emitter& out) const override {
    if (!out.enabled(kRule)) return;
    std::unique_ptr<DocumentFacts> own;
    const DocumentFacts& facts = facts_of(doc, context, own);
    const std::vector<Quotation>& all = facts.quotations();
    for (Kind kind : {Kind::double_mark, Kind::single_mark}) {
      check_kind(doc, all, kind, context.lang, out);
    }
  }

 private:
  static void check_kind(const Document& doc, const std::vector<Quotation>& all, Kind kind,
                         Lang lang, Emitter& out) {
    std::size_t straight = 0;
    std::size_t curly = 0;
    const Quotation* first[2] = {nullptr, nullptr};  // By style.
    for (const Quotation& q : all) {
      if (q.kind != kind || !counts(q)) continue;
      ++(q.style == Style::straight ? straight : curly);
      if (first[static_cast<int>(q.style)] == nullptr) first[static_cast<int>(q.style)] = &q;
    }
    const Style majority = curly >= straight ? Style::curly : Style::straight;
    const std::size_t n = majority == Style::curly ? curly : straight;
    const Quotation* model = first[static_cast<int>(majority)];
    // Every minority quotation of this kind gets the same message: it is formatted once.
    std::optional<MinorityText> minority_text;
    for (const Quotation& q : all) {
      if (q.kind != kind) continue;
      if (q.close && !q.close_matches) {
        // No style counted: keep the style of the opening mark.
        const Style target = n > 0 ? majority : q.style;
        report_mixed_pair(doc, q, target, model, lang, out);
      } else if (counts(q) && straight > 0 && curly > 0 && q.style != majority) {
        if (!minority_text) minority_text = minority_message(kind, q.style, majority, n, lang);
        report_minority(q, *minority_text, *model, out);
      }
    }
  }

  /// What a minority quotation's diagnostic says, and the note on the model quotation.
  struct MinorityText {
    Glyphs right;
    std::string message;
    std::string model_note;
  };

  static MinorityText minority_message(Kind kind, Style style, Style majority, std::size_t n,
                                       Lang lang) {
    const Glyphs right = glyphs(kind, majority);
    const Glyphs wrong = glyphs(kind, style);
    std::string message =
        lang == Lang::ko ? fmt::format("기사의 다른 곳에서는 {}를 씁니다({}): {} 대신 {}로 쓰세요",
                                       right.pair(), times(n, lang), wrong.pair(), right.pair())
                         : fmt::format("{} here but {} elsewhere in the article ({}): write {}",
                                       wrong.pair(), right.pair(), times(n, lang), right.pair());
    return {right, std::move(message), model_note(right, lang)};
  }

  static void report_minority(const Quotation& q, const MinorityText& text, const Quotation& model,
                              Emitter& out) {
    Diagnostic* d = out.report(kRule, q.open, text.message);
    if (d == nullptr) return;
    d->related.push_back({model.open, text.model_note});
    add_fix(*d, q, text.right);
  }

  static void report_mixed_pair(const Document& doc, const Quotation& q, Style target,
                                const Quotation* model, Lang lang, Emitter& out) {
    const Glyphs right = glyphs(q.kind, target);
    const std::string_view opened = doc.slice(q.open);
    const std::string_view closed = doc.slice(*q.close);
    std::string message =
        lang == Lang::ko
            ? fmt::format("여는 따옴표({})와 닫는 따옴표({})가 서로 다릅니다: {}로 쓰세요", opened,
                          closed, right.pair())
            : fmt::format("quotation opened with {} but closed with {}: write {}", opened, closed,
                          right.pair());
    Diagnostic* d = out.report(kRule, q.open, std::move(message));
    if (d == nullptr) return;
    if (model != nullptr) add_model(*d, *model, right, lang);
    add_fix(*d, q, right);
  }

  static std::string model_note(const Glyphs& right, Lang lang) {
    return lang == Lang::ko ? fmt::format("{}를 쓴 곳", right.pair())
                            : fmt::format("{} used here", right.pair());
  }

  static void add_model(Diagnostic& d, const Quotation& model, const Glyphs& right, Lang lang) {
    d.related.push_back({model.open, model_note(right, lang)});
  }

  /// Straight marks look the same at both ends; they are converted only where the neighbours
  /// agree with the pairing, so that an opening mark never becomes a closing one.
  static void add_fix(Diagnostic& d, const Quotation& q, const Glyphs& right) {
    if (!q.roles_agree) return;
    d.fix.reserve(q.close ? 2 : 1);
    d.fix.push_back({q.open, std::string(right.open)});
    if (q.close) d.fix.push_back({*q.close, std::string(right.close)});
  }
};

}  // namespace

std::unique_ptr<Check> make_quote_style_check() { return std::make_unique<QuoteStyleCheck>(); }

}  // namespace factlint
