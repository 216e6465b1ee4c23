#pragma once
/// What the extractors find in one document, computed once and shared by the checks.
///
/// Several checks read the same facts: the three attribution checks need the quotations and
/// their speakers, the date checks the dates, the fact checks the figures of every sentence.
/// Extracting them once per check would repeat the most expensive work of a run, so the linter
/// keeps one DocumentFacts per document (LintContext::facts) and each fact is extracted on first
/// use. A check run on its own, without a linter, gets a private instance from facts_of().
///
/// The linter drops each fact after the last check that reads it (Check::facts_read), so that
/// the facts of a long document are not all held at once. A fact read after it was dropped is
/// extracted again: correct, but twice the work, which extractions() lets tests catch.

#include <cstdint>
#include <future>
#include <memory>
#include <optional>
#include <span>
#include <vector>

#include "checks/check.h"
#include "checks/pod_vector.h"
#include "extract/date.h"
#include "extract/figure.h"
#include "extract/quote.h"
#include "text/quotes.h"

namespace factlint {

class DocumentFacts {
 public:
  /// `published` resolves relative dates, as in extract::find_dates.
  DocumentFacts(const Document& doc, std::optional<CivilDate> published)
      : doc_(doc), published_(published) {}
  DocumentFacts(const DocumentFacts&) = delete;
  DocumentFacts& operator=(const DocumentFacts&) = delete;

  const Document& document() const { return doc_; }
  std::optional<CivilDate> published() const { return published_; }

  /// quotes::find_quotations(doc).
  const std::vector<quotes::Quotation>& quotations() const;
  /// extract::find_attributions(doc.text()).
  const std::vector<extract::Attribution>& attributions() const;
  /// extract::find_people(doc.text()).
  const std::vector<extract::Speaker>& people() const;
  /// Starts extracting the attributions and people on a thread of their own, so that other
  /// checks run meanwhile; attributions() and people() wait for it. For a long document on a
  /// core the run leaves free. The thread reads only the document's text.
  void extract_quote_facts_in_background();
  /// extract::find_dates(doc.text(), published).
  const std::vector<extract::DateExpr>& dates() const;
  /// extract::find_bare_figures(doc.text(), doc.sentences()[sentence]): the figures without
  /// their subjects, enough to tell whether a sentence needs a closer look.
  std::span<const extract::BareFigure> figures(std::size_t sentence) const;
  /// extract::find_figures(doc.text(), doc.sentences()[sentence]): the same figures with their
  /// subjects, looked up on each call (not kept: few sentences need them).
  std::vector<extract::Figure> figures_with_subjects(std::size_t sentence) const;

  /// Frees `fact`, which is extracted again if it is read after this.
  void release(Fact fact);
  /// How many times `fact` was extracted: 1 for each fact read at least once, when every reader
  /// runs before it is released.
  unsigned extractions(Fact fact) const;
  /// Whether `fact` is extracted and kept now.
  bool holds(Fact fact) const;

 private:
  void extract_quote_facts() const;
  void count(Fact fact) const;

  const Document& doc_;
  std::optional<CivilDate> published_;
  mutable std::optional<std::vector<quotes::Quotation>> quotations_;
  mutable std::optional<extract::QuoteFacts> quote_facts_;
  /// The background extraction of quote_facts_, until it is waited for. Its destructor waits
  /// for the thread, which reads only the document's text: that outlives the facts.
  mutable std::future<extract::QuoteFacts> quote_facts_pending_;
  mutable std::optional<std::vector<extract::DateExpr>> dates_;
  /// The figures of all sentences in order; sentence i owns
  /// [figure_starts_[i], figure_starts_[i + 1]).
  mutable PodVector<extract::BareFigure> figures_;
  mutable std::vector<std::uint32_t> figure_starts_;
  /// Attributions and people are extracted together; either may be released first.
  mutable bool attributions_released_ = false, people_released_ = false;
  mutable unsigned extractions_[std::size(kAllFacts)] = {};
};

/// The run's shared facts when `context` carries them for `doc` (and the same publication
/// date); otherwise builds them in `own` and returns that.
const DocumentFacts& facts_of(const Document& doc, const LintContext& context,
                              std::unique_ptr<DocumentFacts>& own);

}  // namespace factlint
