#include "extract/figure.h"

#include "extract/scan.h"
#include "text/utf8.h"

namespace factlint::extract {
namespace {

/// Beginnings of words that report a rise or a fall.
constexpr std::string_view kChangeWords[] = {
    "증가", "감소", "상승", "하락", "늘",   "줄",   "올라", "올랐", "오른", "오르", "오를", "내려",
    "내렸", "내린", "내릴", "떨어", "뛰",   "급증", "급감", "급등", "급락", "성장", "확대", "축소",
    "인상", "인하", "개선", "악화", "높아", "낮아", "많아", "적어", "불어", "빠졌", "상향", "하향",
};

/// Particles after a figure that still let the next word be about it: "30% 늘었다", "30%나
/// 올랐다", "30%씩 줄었다", "30%가량 증가", and "1,300명으로 늘었다" (the level a change
/// reached, which differs from earlier levels by design).
constexpr std::string_view kLinkParticles[] = {"이나", "가량", "만큼", "으로", "나", "씩", "로"};

/// Adverbs that may stand between a figure and its verb: "0.1% 각각 상승".
constexpr std::string_view kAdverbs[] = {"각각 ", "모두 ", "더 ", "또 "};

// Most figures are followed by none of these words: their first syllables settle that.
constexpr scan::FirstSyllables kChangeWordStarts(kChangeWords);
constexpr scan::FirstSyllables kLinkParticleStarts(kLinkParticles);
constexpr scan::FirstSyllables kAdverbStarts(kAdverbs);

}  // namespace

bool change_word_at(std::string_view text, std::size_t pos) {
  while (pos < text.size() && text[pos] == ' ') ++pos;
  // The adverbs are tried once each, in order; when the text starts with none of their first
  // syllables, none of them is stripped.
  if (kAdverbStarts.starts(text.substr(pos))) {
    for (std::string_view adverb : kAdverbs) {
      if (text.substr(pos).starts_with(adverb)) pos += adverb.size();
    }
  }
  const std::string_view rest = text.substr(pos);
  return kChangeWordStarts.starts(rest) && scan::starts_with_any(rest, kChangeWords);
}

std::vector<Figure> find_figures(std::string_view text, Span sentence) {
  std::vector<Figure> figures;
  for (const BareFigure& bare : find_bare_figures(text, sentence)) {
    figures.push_back(with_subject(text, sentence, bare));
  }
  return figures;
}

Figure with_subject(std::string_view text, Span sentence, const BareFigure& bare) {
  return Figure{bare.number, find_subject(text, bare.number.begin, sentence.begin), bare.change};
}

std::vector<BareFigure> find_bare_figures(std::string_view text, Span sentence) {
  std::vector<BareFigure> figures;
  append_bare_figures(text, sentence, figures);
  return figures;
}

BareFigure bare_figure(std::string_view text, Number number, bool& previous_was_from) {
  BareFigure f{std::move(number), false};
  std::size_t after = f.number.end;
  if (kLinkParticleStarts.starts(text.substr(after))) {
    for (std::string_view particle : kLinkParticles) {
      if (text.substr(after).starts_with(particle)) {
        after += particle.size();
        break;
      }
    }
  }
  const std::string_view rest = text.substr(f.number.end);
  // "10명에서 12명으로": both ends of a change.
  const bool from = rest.starts_with("에서");
  const bool to = previous_was_from && (rest.starts_with("로") || rest.starts_with("으로"));
  f.change = from || to || change_word_at(text, after);
  previous_was_from = from;
  return f;
}

}  // namespace factlint::extract
