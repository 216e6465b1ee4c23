#include "checks/facts.h"

#include <bit>
#include <system_error>

#include "text/document.h"
#include "text/utf8.h"

namespace factlint {

namespace {

std::size_t slot(Fact fact) {
  return static_cast<std::size_t>(std::countr_zero(static_cast<unsigned>(fact)));
}

/// Frees a vector's buffer, not only its elements.
template <class T>
void free_vector(std::vector<T>& v) {
  std::vector<T>().swap(v);
}

}  // namespace

void DocumentFacts::count(Fact fact) const { ++extractions_[slot(fact)]; }

unsigned DocumentFacts::extractions(Fact fact) const { return extractions_[slot(fact)]; }

bool DocumentFacts::holds(Fact fact) const {
  switch (fact) {
    case Fact::quotations:
      return quotations_.has_value();
    case Fact::attributions:
      return quote_facts_.has_value() && !attributions_released_;
    case Fact::people:
      return quote_facts_.has_value() && !people_released_;
    case Fact::dates:
      return dates_.has_value();
    case Fact::figures:
      return !figure_starts_.empty();
  }
  return false;
}

const std::vector<quotes::Quotation>& DocumentFacts::quotations() const {
  if (!quotations_) {
    quotations_ = quotes::find_quotations(doc_);
    count(Fact::quotations);
  }
  return *quotations_;
}

void DocumentFacts::extract_quote_facts_in_background() {
  if (quote_facts_ || quote_facts_pending_.valid()) return;
  try {
    quote_facts_pending_ = std::async(
        std::launch::async, [text = doc_.text()] { return extract::find_quote_facts(text); });
  } catch (const std::system_error&) {
    // No thread to be had (a process limit): they are extracted when first read, as usual.
  }
}

void DocumentFacts::extract_quote_facts() const {
  if (quote_facts_pending_.valid()) {
    quote_facts_ = quote_facts_pending_.get();  // rethrows what the thread threw
  } else {
    quote_facts_ = extract::find_quote_facts(doc_.text());
  }
  attributions_released_ = people_released_ = false;
  count(Fact::attributions);
  count(Fact::people);
}

const std::vector<extract::Attribution>& DocumentFacts::attributions() const {
  if (!quote_facts_ || attributions_released_) extract_quote_facts();
  return quote_facts_->attributions;
}

const std::vector<extract::Speaker>& DocumentFacts::people() const {
  if (!quote_facts_ || people_released_) extract_quote_facts();
  return quote_facts_->people;
}

const std::vector<extract::DateExpr>& DocumentFacts::dates() const {
  if (!dates_) {
    dates_ = extract::find_dates(doc_.text(), published_);
    count(Fact::dates);
  }
  return *dates_;
}

std::span<const extract::BareFigure> DocumentFacts::figures(std::size_t sentence) const {
  if (figure_starts_.empty()) {
    count(Fact::figures);
    const std::vector<Span>& sentences = doc_.sentences();
    figure_starts_.reserve(sentences.size() + 1);
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
      extract::append_bare_figures(text, s, figures_);
    }
    figure_starts_.push_back(static_cast<std::uint32_t>(figures_.size()));
  }
  return figures_.span().subspan(figure_starts_[sentence],
                                 figure_starts_[sentence + 1] - figure_starts_[sentence]);
}

void DocumentFacts::release(Fact fact) {
  switch (fact) {
    case Fact::quotations:
      quotations_.reset();
      break;
    case Fact::attributions:
      if (quote_facts_) free_vector(quote_facts_->attributions);
      attributions_released_ = true;
      break;
    case Fact::people:
      if (quote_facts_) free_vector(quote_facts_->people);
      people_released_ = true;
      break;
    case Fact::dates:
      dates_.reset();
      break;
    case Fact::figures:
      figures_.release();
      free_vector(figure_starts_);
      break;
  }
  if (attributions_released_ && people_released_) quote_facts_.reset();
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
