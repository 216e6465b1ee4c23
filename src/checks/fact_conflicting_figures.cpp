// fact/conflicting-figures: the same thing given two different figures in one article
// ("참가자는 1,200명" in one paragraph, "참가자 1,300명" in another).
//
// Articles legitimately give one subject several figures: for different times ("지난해 100만
// 명, 올해 120만 명"), before and after a revision ("당초 10명에서 12명으로"), as bounds or
// estimates. So the check is narrow: the same subject word with the same owner and modifier
// (extract/subject.h), the same unit, both figures exact levels (no change, range, bound or
// approximation), and neither sentence dated or qualified in time. It reports at info by
// default. See docs/checks/fact/conflicting-figures.md.

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <span>
#include <string>

#include "checks/all_checks.h"
#include "checks/facts.h"
#include "extract/date.h"
#include "extract/figure.h"
#include "extract/scan.h"
#include "text/document.h"
#include "text/utf8.h"

namespace factlint {
namespace {

constexpr RuleInfo kRule{"fact/conflicting-figures", Severity::info,
                         Message{"one subject given different figures in the same article",
                                 "같은 대상에 기사 안에서 서로 다른 수치를 씀"},
                         false};

/// Units of time and sequence: "3년", "2회", "5시" are rarely a level of one thing.
constexpr std::string_view kTimeUnits[] = {"년",   "월",   "일",   "개월", "시",   "분",
                                           "초",   "주",   "주일", "시간", "년대", "주년",
                                           "세기", "분기", "차례", "번",   "회"};

/// Words that put a figure in time, in a plan or in a revision, or make it a total or a part,
/// so that two figures of one subject may both be right: words that start with these ...
constexpr std::string_view kQualifierStarts[] = {
    "당초", "기존", "최종", "잠정", "누적", "현재", "한때", "이전", "이후", "처음", "당시",
    "전년", "전월", "동기", "지난", "올해", "내년", "예상", "목표", "계획", "전망", "평균",
    "하루", "연간", "매년", "매일", "추정", "집계", "기준", "합계", "합산", "전체", "모두"};
/// ... words that are exactly these ("총 1,132명", "참가자 중") ...
constexpr std::string_view kQualifierWords[] = {"총", "중", "각각"};
/// ... and words that end in these ("3월까지", "4일부터").
constexpr std::string_view kQualifierEnds[] = {"까지", "부터", "까지는", "부터는"};

/// Sentence adverbs that may stand before a subject without narrowing it.
constexpr std::string_view kSentenceAdverbs[] = {"한편", "또",   "또한",   "특히",
                                                 "이날", "이번", "그러나", "하지만",
                                                 "다만", "반면", "이에",   "결국"};

/// Endings of a clause that may come before the subject's own clause.
constexpr std::string_view kClauseEndings[] = {"고", "며", "면서", "지만", "으나", "는데"};

/// Generic categories that recur with different figures in different breakdowns.
constexpr std::string_view kCategories[] = {"기타", "나머지", "모름", "무응답", "그외"};

/// Words right after a figure that make it a bound: "1,200명 이상", "30% 넘게".
constexpr std::string_view kBounds[] = {"이상", "이하", "미만", "초과", "넘", "이내", "가까이"};

bool listed(std::string_view word, std::span<const std::string_view> list) {
  return std::find(list.begin(), list.end(), word) != list.end();
}

struct Seen {
  double value = 0;
  Span span;
};

/// Most words start with none of the qualifiers' first syllables.
constexpr extract::scan::FirstSyllables kQualifierFirstSyllables(kQualifierStarts);

bool qualified(const Document& doc, Span sentence) {
  bool found = false;
  doc.for_each_word(sentence, [&](Span w) {
    std::string_view word = doc.slice(w);
    while (!word.empty() && (word.back() == ',' || word.back() == '.')) word.remove_suffix(1);
    found = found || listed(word, kQualifierWords) ||
            (kQualifierFirstSyllables.starts(word) &&
             extract::scan::starts_with_any(word, kQualifierStarts)) ||
            std::any_of(std::begin(kQualifierEnds), std::end(kQualifierEnds),
                        [&](std::string_view q) { return word.ends_with(q); });
  });
  return found || !extract::find_dates(doc.slice(sentence), std::nullopt).empty();
}

/// The first syllables of kTimeUnits and kBounds: most units and most words after a figure
/// start with none of them, which settles the lists at once.
constexpr extract::scan::FirstSyllables kTimeUnitStarts(kTimeUnits);
constexpr extract::scan::FirstSyllables kBoundStarts(kBounds);

bool bounded(std::string_view text, std::size_t end) {
  while (end < text.size() && text[end] == ' ') ++end;
  const std::string_view rest = text.substr(end);
  if (!kBoundStarts.starts(rest)) return false;
  for (std::string_view b : kBounds) {
    if (rest.starts_with(b)) return true;
  }
  return false;
}

/// usable() but for the subject, which is the costly part to find.
bool usable_number(const std::string_view text, const extract::Number& n, bool change) {
  if (change || n.ordinal || n.approximate || n.range_end || n.unit.empty()) return false;
  if (n.kind == extract::NumberUnitKind::none || n.kind == extract::NumberUnitKind::ordinal) {
    return false;
  }
  // Every unit of time is of kind `other`: the other kinds need not be compared.
  if (n.kind == extract::NumberUnitKind::other && kTimeUnitStarts.starts(n.unit)) {
    for (std::string_view u : kTimeUnits) {
      if (n.unit.size() == u.size() && extract::scan::starts_with(n.unit, u)) return false;
    }
  }
  // "대학생 40.5%는", "대학생 39.7%가 …": the figure is a part of a population that the
  // clause then speaks of, not a level of the subject. (이 of the copula, "1,200명이었다",
  // does not end the word.)
  const std::string_view after = text.substr(n.end);
  if (after.starts_with("은") || after.starts_with("는")) return false;
  const bool subject_particle = (after.starts_with("이") || after.starts_with("가")) &&
                                (after.size() == 3 || after[3] == ' ');
  if (subject_particle && n.kind == extract::NumberUnitKind::percent) return false;
  return !bounded(text, n.end);
}

bool usable(const std::string_view text, const extract::Figure& f) {
  return f.subject && usable_number(text, f.number, f.change);
}

/// Where the words of the subject start ("미국의 점유율은", "국내 참가자는").
std::size_t phrase_begin(const extract::Subject& s) {
  std::size_t begin = s.word.begin;
  if (s.owner) begin = std::min(begin, s.owner->begin);
  if (s.modifier) begin = std::min(begin, s.modifier->begin);
  return begin;
}

/// The last word of `range` as Document::for_each_word splits it, found by walking back from
/// the end rather than splitting the whole range.
std::optional<Span> last_word(const Document& doc, Span range) {
  const std::string_view text = doc.text();
  const auto space_before = [&](std::size_t at, std::size_t& start) {
    start = utf8::previous(text, at);
    std::size_t i = start;
    const char32_t cp = utf8::decode(text, i);
    return cp == '\n' || utf8::is_space(cp);
  };
  std::size_t end = range.end;
  std::size_t start = end;
  while (end > range.begin && space_before(end, start)) end = start;
  if (end == range.begin) return std::nullopt;
  std::size_t begin = end;
  while (begin > range.begin && !space_before(begin, start)) begin = start;
  return Span{begin, end};
}

/// Whether the subject phrase stands on its own: at the start of the sentence, after a comma,
/// a sentence adverb or another clause. "관한 발명이 6건", "기소된 사람은 25명", "수리 '가'
/// 영역은": a word before it narrows the subject to something the key does not capture.
bool stands_alone(const Document& doc, Span sentence, const extract::Subject& s) {
  const std::optional<Span> before = last_word(doc, {sentence.begin, phrase_begin(s)});
  if (!before) return true;
  std::string_view w = doc.slice(*before);
  if (w.ends_with(",")) return true;
  for (std::string_view adverb : kSentenceAdverbs) {
    if (w == adverb) return true;
  }
  for (std::string_view ending : kClauseEndings) {
    if (w.ends_with(ending)) return true;
  }
  return false;
}

std::string key_of(const Document& doc, const extract::Figure& f) {
  const extract::Subject& s = *f.subject;
  std::string key;
  if (s.owner) key += std::string(doc.slice(*s.owner)) + "의 ";
  if (s.modifier) key += std::string(doc.slice(*s.modifier)) + " ";
  key += doc.slice(s.word);
  key += '\x1F';
  key += f.number.unit;
  return key;
}

std::string subject_text(const Document& doc, const extract::Subject& s) {
  std::string text;
  if (s.owner) text += std::string(doc.slice(*s.owner)) + "의 ";
  if (s.modifier) text += std::string(doc.slice(*s.modifier)) + " ";
  text += doc.slice(s.word);
  return text;
}

/// A breakdown ("서울 457명, 경기 250명"): figures of one unit listed with commas are one
/// statistic among others that may use the same categories with other figures.
bool in_breakdown(const Document& doc, const std::vector<extract::Figure>& figures, std::size_t i) {
  const auto listed_with = [&](std::size_t a, std::size_t b) {
    if (figures[a].number.unit != figures[b].number.unit) return false;
    const std::string_view between =
        doc.slice({figures[a].number.end, figures[b].subject->word.begin});
    return between.find(',') != std::string_view::npos;
  };
  return (i > 0 && listed_with(i - 1, i)) || (i + 1 < figures.size() && listed_with(i, i + 1));
}

class ConflictingFiguresCheck final : public Check {
 public:
  std::span<const RuleInfo> rules() const override { return {&kRule, 1}; }
  FactSet facts_read() const override { return Fact::figures; }

  void run(const Document& doc, const LintContext& context, Emitter& out) const override {
    if (!out.enabled(kRule)) return;
    const std::string_view text = doc.text();
    std::map<std::string, std::vector<Seen>> seen;
    std::unique_ptr<DocumentFacts> own;
    const DocumentFacts& facts = facts_of(doc, context, own);
    const std::vector<Span>& sentences = doc.sentences();
    for (std::size_t index = 0; index < sentences.size(); ++index) {
      const Span sentence = sentences[index];
      std::vector<extract::Figure> figures;
      for (const extract::BareFigure& bare : facts.figures(index)) {
        // The subject is the costly part of a figure: look it up only when the rest fits.
        if (!usable_number(text, bare.number, bare.change)) continue;
        extract::Figure f = extract::with_subject(text, sentence, bare);
        if (usable(text, f) && stands_alone(doc, sentence, *f.subject) &&
            !listed(doc.slice(f.subject->word), kCategories)) {
          figures.push_back(std::move(f));
        }
      }
      // Most sentences have no figure to compare; the qualifier test is the costlier one.
      if (figures.empty() || qualified(doc, sentence)) continue;
      for (std::size_t i = 0; i < figures.size(); ++i) {
        if (!in_breakdown(doc, figures, i)) check_figure(doc, context, out, seen, figures[i]);
      }
    }
  }

 private:
  static void check_figure(const Document& doc, const LintContext& context, Emitter& out,
                           std::map<std::string, std::vector<Seen>>& seen,
                           const extract::Figure& f) {
    std::vector<Seen>& earlier = seen[key_of(doc, f)];
    const Span span{f.number.begin, f.number.end};
    const Seen* conflict = nullptr;
    for (const Seen& e : earlier) {
      if (std::fabs(e.value - f.number.value) < 1e-9) return;  // said before: no news
      if (conflict == nullptr) conflict = &e;
    }
    if (conflict != nullptr) report(doc, context, out, f, span, *conflict);
    earlier.push_back({f.number.value, span});
  }

  static void report(const Document& doc, const LintContext& context, Emitter& out,
                     const extract::Figure& f, Span span, const Seen& earlier) {
    const bool ko = context.lang == Lang::ko;
    const std::string subject = subject_text(doc, *f.subject);
    const std::size_t line = doc.position(earlier.span.begin).line;
    std::string message = ko ? fmt::format("{}: 여기서는 {}, {}행에서는 {}", subject,
                                           doc.slice(span), line, doc.slice(earlier.span))
                             : fmt::format("{}: {} here but {} on line {}", subject,
                                           doc.slice(span), doc.slice(earlier.span), line);
    if (Diagnostic* d = out.report(kRule, span, std::move(message))) {
      d->related.push_back({earlier.span, ko ? "앞서 쓴 수치" : "the earlier figure"});
    }
  }
};

}  // namespace

std::unique_ptr<Check> make_conflicting_figures_check() {
  return std::make_unique<ConflictingFiguresCheck>();
}

}  // namespace factlint
