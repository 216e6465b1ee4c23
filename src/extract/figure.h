#pragma once
/// Figures: the numbers of one sentence with what the sentence says about each, for the checks
/// that compare figures within an article (fact/...).

#include <optional>
#include <string_view>
#include <vector>

#include "extract/number.h"
#include "extract/subject.h"
#include "text/span.h"

namespace factlint::extract {

struct Figure {
  /// Offsets into the whole text, not the sentence.
  Number number;
  /// Who or what the figure is about, when the sentence says so right before it.
  std::optional<Subject> subject;
  /// The figure is a change, not a level: "30% 증가했다", "2배 늘어", "10명에서 12명으로".
  bool change = false;
};

/// A figure without its subject: what the shared fact cache keeps for every figure, since the
/// checks look up the subject (find_subject) only for the few sentences they examine closely.
struct BareFigure {
  /// Offsets into the whole text, not the sentence.
  Number number;
  /// As Figure::change.
  bool change = false;
};

/// The figures of `sentence` (a span of `text`), in order.
std::vector<Figure> find_figures(std::string_view text, Span sentence);

/// find_figures without the subjects.
std::vector<BareFigure> find_bare_figures(std::string_view text, Span sentence);

/// find_bare_figures appending to `out`; `numbers` is scratch space, so that a caller going
/// through all sentences allocates once rather than per sentence.
void append_bare_figures(std::string_view text, Span sentence, std::vector<BareFigure>& out,
                         std::vector<Number>& numbers);

/// The figure `bare` of `sentence` with its subject, as find_figures gives it.
Figure with_subject(std::string_view text, Span sentence, const BareFigure& bare);

/// True when the word at `pos` (after spaces) reports a change: 증가, 감소, 상승, 하락, 늘어,
/// 줄어, 올라, 내려, 떨어져, 급등, 성장 ...
bool change_word_at(std::string_view text, std::size_t pos);

}  // namespace factlint::extract
