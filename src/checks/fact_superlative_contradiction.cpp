// fact/superlative-contradiction: "가장", "최고", "최대", "1위" said of a figure that another
// figure of the same sentence ties or beats.
//
// "중국은 92.5%로 가장 … 유럽은 92.5%, 한국은 88.9%" claims one subject stands out while the
// sentence itself lists a peer at the same level. The claim is the figure whose clause holds the
// superlative; its peers are the figures of the same sentence with a subject of their own
// (extract/subject.h), the same unit and the same measure ("A의 점유율은" against "B의
// 점유율은"). A tie contradicts any superlative; a higher figure contradicts 최고/최대/가장 높은
// and a lower one 최저/최소/가장 낮은. See docs/checks/fact/superlative-contradiction.md.

#include <fmt/format.h>

#include <cmath>
#include <span>
#include <string>
#include <vector>

#include "checks/all_checks.h"
#include "checks/facts.h"
#include "extract/figure.h"
#include "extract/scan.h"
#include "text/document.h"
#include "text/hangul.h"
#include "text/utf8.h"

namespace factlint {
namespace {

constexpr RuleInfo kRule{"fact/superlative-contradiction", Severity::warning,
                         Message{"a superlative (가장, 최고, 1위) that the figures of the same "
                                 "sentence tie or beat",
                                 "같은 문장의 다른 수치가 같거나 앞서는데도 쓴 최상급 표현 "
                                 "(가장, 최고, 1위)"},
                         false};

/// Which figure a superlative says is first: the largest, the smallest, or (for 가장 with an
/// adjective we cannot read) only that it is alone at the top.
enum class Direction { largest, smallest, unknown };

struct Marker {
  Span span;
  Direction direction = Direction::unknown;
};

/// Adjective stems after 가장 ("가장 높은", "가장 적게", "가장 미국을 가깝게").
constexpr std::string_view kLargest[] = {"높", "많",   "크",   "큰",   "컸",   "빠르", "빠른",
                                         "빨", "가깝", "가까", "앞",   "우수", "좋",   "강",
                                         "넓", "길",   "긴",   "비싸", "뛰어"};
constexpr std::string_view kSmallest[] = {"낮",   "적", "작", "느리", "느린", "늦",   "멀",  "뒤",
                                          "나쁘", "약", "좁", "짧",   "싸",   "저렴", "부진"};

/// How the rest of a word after 최고/최대/최다/최저/최소 may begin for it to be a superlative:
/// a particle, the copula or 치 ("최고치를", "최대로", "최저였고", "최다인"). Anything else
/// makes another word ("최고경영자", "최대주주", "최소한", "최고조").
constexpr std::string_view kSuperlativeTails[] = {"로", "를", "의", "인", "이",  "였",
                                                  "에", "치", "다", "라", "로서"};

/// A word between a claim and a verb that makes the claim shared: "공동 1위", "나란히".
constexpr std::string_view kShared[] = {"공동", "나란히", "함께", "동률", "똑같"};

/// Endings that close a clause: "따라잡았으며", "높았고", "많지만".
constexpr std::string_view kClauseEndings[] = {"며", "고", "지만", "으나", "는데", "면서"};

bool starts_with_any(std::string_view s, std::span<const std::string_view> list) {
  for (std::string_view p : list) {
    if (s.starts_with(p)) return true;
  }
  return false;
}

bool ends_with_any(std::string_view s, std::span<const std::string_view> list) {
  for (std::string_view p : list) {
    if (s.ends_with(p)) return true;
  }
  return false;
}

/// `word` without punctuation after it ("92.5%," → "92.5%").
std::string_view trim_end(std::string_view word) {
  while (!word.empty() && (word.back() == ',' || word.back() == '.')) word.remove_suffix(1);
  return word;
}

/// Whether 최고, 최대, 최다, 최저 or 최소 occurs in `text`: each 최 (found by its last byte,
/// rarer than its lead byte) is looked at with the syllable after it.
bool has_choe_superlative(std::string_view text) {
  static constexpr std::string_view kSecondSyllables[] = {"고", "대", "다", "저", "소"};
  for (std::size_t from = 0;;) {
    const std::size_t at = text.find("\x9C", from);  // 최 is EC B5 9C
    if (at == std::string_view::npos) return false;
    from = at + 1;
    if (at < 2 || text.substr(at - 2, 3) != "최") continue;
    const std::string_view next = text.substr(at + 1);
    for (std::string_view second : kSecondSyllables) {
      if (next.starts_with(second)) return true;
    }
  }
}

/// The superlative words of `sentence`: 가장, or a word starting with 최고/최대/최다/최저/최소.
std::vector<Marker> find_marker_words(const Document& doc, Span sentence) {
  std::vector<Marker> markers;
  // Every marker word contains 가장 or one of 최고/최대/최다/최저/최소; most sentences have
  // none, and a byte search is far cheaper than splitting them into words.
  const std::string_view text = doc.slice(sentence);
  if (!extract::scan::contains(text, "가장") && !has_choe_superlative(text)) return markers;
  std::vector<Span> words;
  doc.for_each_word(sentence, [&](Span w) { words.push_back(w); });
  for (std::size_t i = 0; i < words.size(); ++i) {
    const std::string_view w = trim_end(doc.slice(words[i]));
    if (w == "가장") {
      Marker m{words[i], Direction::unknown};
      for (std::size_t k = i + 1; k < words.size() && k <= i + 3; ++k) {
        const std::string_view next = doc.slice(words[k]);
        if (starts_with_any(next, kLargest)) {
          m.direction = Direction::largest;
          break;
        }
        if (starts_with_any(next, kSmallest)) {
          m.direction = Direction::smallest;
          break;
        }
      }
      markers.push_back(m);
      continue;
    }
    const bool largest = w.starts_with("최고") || w.starts_with("최대") || w.starts_with("최다");
    const bool smallest = w.starts_with("최저") || w.starts_with("최소");
    if (!largest && !smallest) continue;
    const std::string_view tail = w.substr(6);
    const bool known = tail.empty() || starts_with_any(tail, kSuperlativeTails);
    // "최대 30%": a bound on the figure that follows, not a claim.
    const bool bound = i + 1 < words.size() && doc.slice(words[i + 1]).size() > 0 &&
                       utf8::is_digit(static_cast<unsigned char>(doc.slice(words[i + 1])[0]));
    if (known && !bound) {
      markers.push_back({{words[i].begin, words[i].begin + 6},
                         largest ? Direction::largest : Direction::smallest});
    }
  }
  return markers;
}

std::vector<Marker> find_markers(const Document& doc, Span sentence,
                                 std::span<const extract::BareFigure> figures) {
  std::vector<Marker> markers = find_marker_words(doc, sentence);
  for (const extract::BareFigure& f : figures) {
    if (f.number.ordinal && f.number.value == 1 && f.number.unit == "위") {
      markers.push_back({{f.number.begin, f.number.end}, Direction::largest});
    }
  }
  return markers;
}

/// Where the clause of figure `index` ends: at a comma or a clause ending after the figure, or
/// where the next figure's subject starts.
std::size_t clause_end(const Document& doc, Span sentence, std::span<const extract::Figure> figures,
                       std::size_t index) {
  std::size_t end = sentence.end;
  for (std::size_t k = index + 1; k < figures.size(); ++k) {
    const extract::Figure& next = figures[k];
    if (next.number.ordinal) continue;  // "40%로 1위였고": 1위 is the claim, not a peer
    end = next.subject ? next.subject->name().begin : next.number.begin;
    break;
  }
  std::size_t found = end;
  doc.for_each_word({figures[index].number.begin, end}, [&](Span w) {
    if (found != end) return;
    const std::string_view s = doc.slice(w);
    if (s.ends_with(",") || ends_with_any(s, kClauseEndings)) found = w.end;
  });
  return found;
}

/// "중국과 유럽은": the subject is one of several named together.
bool plural_subject(const Document& doc, Span sentence, Span name) {
  std::string_view before = doc.text().substr(sentence.begin, name.begin - sentence.begin);
  while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
  return before.ends_with("와") || before.ends_with("과") || before.ends_with(",") ||
         before.ends_with("및");
}

bool same_measure(const Document& doc, const extract::Subject& a, const extract::Subject& b) {
  const auto ma = a.measure();
  const auto mb = b.measure();
  if (ma.has_value() != mb.has_value()) return false;
  return !ma || doc.slice(*ma) == doc.slice(*mb);
}

bool comparable(const Document& doc, const extract::Figure& claim, const extract::Figure& peer) {
  const extract::Number& a = claim.number;
  const extract::Number& b = peer.number;
  if (!peer.subject || peer.change || b.ordinal || b.range_end) return false;
  if (a.kind != b.kind || a.unit != b.unit) return false;
  if (doc.slice(claim.subject->name()) == doc.slice(peer.subject->name())) return false;
  return same_measure(doc, *claim.subject, *peer.subject);
}

class SuperlativeContradictionCheck final : public Check {
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
      if (facts.figures(index).size() < 2) continue;
      const std::vector<Marker> markers = find_markers(doc, sentence, facts.figures(index));
      if (markers.empty()) continue;
      const std::vector<extract::Figure> figures = facts.figures_with_subjects(index);
      for (std::size_t i = 0; i < figures.size(); ++i) {
        check_claim(doc, context, out, sentence, figures, markers, i);
      }
    }
  }

 private:
  static void check_claim(const Document& doc, const LintContext& context, Emitter& out,
                          Span sentence, std::span<const extract::Figure> figures,
                          const std::vector<Marker>& markers, std::size_t index) {
    const extract::Figure& claim = figures[index];
    const extract::Number& n = claim.number;
    if (!claim.subject || claim.subject->particle.empty() || claim.change || n.ordinal ||
        n.range_end || n.unit.empty()) {
      return;
    }
    const Span name = claim.subject->name();
    if (plural_subject(doc, sentence, name)) return;
    const Span clause{name.begin, clause_end(doc, sentence, figures, index)};
    const Marker* marker = nullptr;
    for (const Marker& m : markers) {
      const bool inside = m.span.begin >= clause.begin && m.span.end <= clause.end;
      const bool on_figure = m.span.begin < n.end && m.span.end > n.begin;
      if (inside && !on_figure) {
        marker = &m;
        break;
      }
    }
    if (marker == nullptr) return;
    const std::string_view clause_text = doc.slice(clause);
    for (std::string_view shared : kShared) {
      if (clause_text.find(shared) != std::string_view::npos) return;
    }
    std::vector<const extract::Figure*> rivals;
    for (std::size_t k = 0; k < figures.size(); ++k) {
      if (k == index || !comparable(doc, claim, figures[k])) continue;
      const double v = figures[k].number.value;
      const bool tie = std::fabs(v - n.value) < 1e-9;
      const bool beats = (marker->direction == Direction::largest && v > n.value) ||
                         (marker->direction == Direction::smallest && v < n.value);
      if (tie || beats) rivals.push_back(&figures[k]);
    }
    if (rivals.empty()) return;
    report(doc, context, out, claim, *marker, rivals);
  }

  static void report(const Document& doc, const LintContext& context, Emitter& out,
                     const extract::Figure& claim, const Marker& marker,
                     const std::vector<const extract::Figure*>& rivals) {
    const bool ko = context.lang == Lang::ko;
    const auto figure_text = [&](const extract::Figure& f) {
      return fmt::format("{} {}", doc.slice(f.subject->name()),
                         doc.slice({f.number.begin, f.number.end}));
    };
    std::string listed = figure_text(claim);
    for (const extract::Figure* r : rivals) listed += ", " + figure_text(*r);
    const std::string_view word = doc.slice(marker.span);
    std::string message =
        ko ? fmt::format("'{}'{} 표현이 같은 문장의 수치와 어긋납니다: {}", word,
                         hangul::fit_particles(
                             "이라는", hangul::final_coda(word).value_or(hangul::Coda::other)),
                         listed)
           : fmt::format("'{}' does not fit the figures of the same sentence: {}", word, listed);
    const Span span{std::min(claim.number.begin, marker.span.begin),
                    std::max(claim.number.end, marker.span.end)};
    Diagnostic* d = out.report(kRule, span, std::move(message));
    if (d == nullptr) return;
    for (const extract::Figure* r : rivals) {
      const double diff = r->number.value - claim.number.value;
      const std::string_view how = std::fabs(diff) < 1e-9 ? (ko ? "같은 값" : "the same value")
                                   : diff > 0             ? (ko ? "더 큰 값" : "a larger value")
                                              : (ko ? "더 작은 값" : "a smaller value");
      d->related.push_back({{r->number.begin, r->number.end}, std::string(how)});
    }
  }
};

}  // namespace

std::unique_ptr<Check> make_superlative_check() {
  return std::make_unique<SuperlativeContradictionCheck>();
}

}  // namespace factlint
