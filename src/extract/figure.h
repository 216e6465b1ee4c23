#pragma once
/// Figures: the numbers of one sentence with what the sentence says about each, for the checks
/// that compare figures within an article (fact/...).

#include <optional>
#include <string_view>
#include <utility>
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

/// The figure of `number`, one of a sentence's numbers with offsets into the whole `text`.
/// `previous_was_from` carries from the figure before in the sentence whether it was the start
/// of a change ("10명에서"); start a sentence with false.
BareFigure bare_figure(std::string_view text, Number number, bool& previous_was_from);

/// find_bare_figures appending to `out` (a container with push_back), each figure as its
/// number is found: the numbers of a sentence are never all held besides the figures.
template <class Out>
void append_bare_figures(std::string_view text, Span sentence, Out& out) {
  struct State {
    std::string_view text;
    Span sentence;
    Out& out;
    bool previous_was_from = false;
  } state{text, sentence, out};
  find_numbers(
      text.substr(sentence.begin, sentence.size()),
      [](void* context, Number&& n) {
        State& s = *static_cast<State*>(context);
        n.begin += s.sentence.begin;
        n.end += s.sentence.begin;
        s.out.push_back(bare_figure(s.text, std::move(n), s.previous_was_from));
      },
      &state);
}

/// The figure `bare` of `sentence` with its subject, as find_figures gives it.
Figure with_subject(std::string_view text, Span sentence, const BareFigure& bare);

/// True when the word at `pos` (after spaces) reports a change: 증가, 감소, 상승, 하락, 늘어,
/// 줄어, 올라, 내려, 떨어져, 급등, 성장 ...
bool change_word_at(std::string_view text, std::size_t pos);

}  // namespace factlint::extract
