#include "checks/facts.h"

#include "text/document.h"
#include "text/utf8.h"

namespace factlint {

const std::vector<quotes::Quotation>& DocumentFacts::quotations() const {
  if (!quotations_) quotations_ = quotes::find_quotations(doc_);
  return *quotations_;
}

const std::vector<extract::Attribution>& DocumentFacts::attributions() const {
  if (!quote_facts_) quote_facts_ = extract::find_quote_facts(doc_.text());
  return quote_facts_->attributions;
}

const std::vector<extract::Speaker>& DocumentFacts::people() const {
  if (!quote_facts_) quote_facts_ = extract::find_quote_facts(doc_.text());
  return quote_facts_->people;
}

const std::vector<extract::DateExpr>& DocumentFacts::dates() const {
  if (!dates_) dates_ = extract::find_dates(doc_.text(), published_);
  return *dates_;
}

std::span<const extract::BareFigure> DocumentFacts::figures(std::size_t sentence) const {
  if (figure_starts_.empty()) {
    const std::vector<Span>& sentences = doc_.sentences();
    figure_starts_.reserve(sentences.size() + 1);
    std::vector<extract::Number> numbers;  // reused by every sentence
    // Every figure has a digit: a sentence before the next digit of the text has none. The
    // digit is looked for again only once a sentence reaches past it.
    const std::string_view text = doc_.text();
    std::size_t digits_from = 0;
    std::size_t next_digit = utf8::find_digit(text, 0);
    for (const Span& s : sentences) {
      figure_starts_.push_back(static_cast<std::uint32_t>(figures_.size()));
      if (s.begin < digits_from || s.begin > next_digit) {
        digits_from = s.begin;
        next_digit = utf8::find_digit(text, s.begin);
      }
      if (next_digit >= s.end) continue;
      extract::append_bare_figures(text, s, figures_, numbers);
    }
    figure_starts_.push_back(static_cast<std::uint32_t>(figures_.size()));
    figures_.shrink_to_fit();
  }
  return std::span<const extract::BareFigure>(figures_).subspan(
      figure_starts_[sentence], figure_starts_[sentence + 1] - figure_starts_[sentence]);
}

std::vector<extract::Figure> DocumentFacts::figures_with_subjects(std::size_t sentence) const {
  const Span span = doc_.sentences()[sentence];
  std::vector<extract::Figure> out;
  for (const extract::BareFigure& bare : figures(sentence)) {
    out.push_back(extract::with_subject(doc_.text(), span, bare));
  }
  return out;
}

const DocumentFacts& facts_of(const Document& doc, const LintContext& context,
                              std::unique_ptr<DocumentFacts>& own) {
  const DocumentFacts* shared = context.facts;
  if (shared != nullptr && &shared->document() == &doc &&
      shared->published() == context.published) {
    return *shared;
  }
  own = std::make_unique<DocumentFacts>(doc, context.published);
  return *own;
}

}  // namespace factlint
