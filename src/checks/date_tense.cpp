// date/tense: a date whose place in time contradicts how the article speaks of it.
//
// Only combinations that cannot be read consistently are reported (see
// docs/checks/date/tense.md for the reasoning and for what is left alone):
//
//  1. "오는 5일" when the 5th of the publication month has just passed or is the publication
//     day (a draft written before the event and published after it). The extractor reads
//     오는 as the next such day, a month away, which no paper would write as "오는 5일".
//  2. "지난 8일" when the 8th of the publication month is the publication day or at most three
//     days after it: the writer treats a coming day as past (a wrong date or day number).
//  3. A date after publication reported in the past tense ("7일 발표했다" published on the
//     6th): the predicate the date belongs to ends the sentence in the past tense, with no
//     quotation, plan or second clause in between ("7일 열린다고 밝혔다" is fine).

#include <fmt/format.h>

#include <algorithm>
#include <limits>
#include <string>
#include <vector>

#include "checks/all_checks.h"
#include "checks/facts.h"
#include "extract/date.h"
#include "text/document.h"
#include "text/utf8.h"

namespace factlint {
namespace {

constexpr RuleInfo kRule{"date/tense", Severity::info,
                         Message{"a date that is past or future in contradiction to the wording "
                                 "(오는 with a past day, a coming day told in the past tense)",
                                 "표현과 어긋나는 날짜 (지난 날에 '오는', 아직 오지 않은 날을 "
                                 "과거형으로 씀)"},
                         false};

/// How far a bare day may lie from publication and still be that month's day for sure: Korean
/// papers write a bare day or 지난/오는 D일 for the publication week (see docs/extractors.md).
constexpr long kBareDayWindow = 7;
/// The same for "오는/지난 M월 D일": a month either side.
constexpr long kMonthDayWindow = 31;
/// "지난 28일" published on the 6th is the usual way to name late last month, so 지난 D일 is
/// reported only when D is so close after publication that last month's D is nearly a month
/// back; "지난 8일" on the 6th would be 27 days ago, which papers write "지난달 8일".
constexpr long kPastBareDayWindow = 3;

/// Words that make the final predicate something other than the date's event: plans,
/// expectations, deadlines, spans ("7일까지", "7일부터", "7일 이후").
constexpr std::string_view kNotTheEvent[] = {
    "예정", "계획", "방침", "전망", "목표", "까지", "부터",
    "앞두", "이후", "이전", "전후", "기한", "마감", "시한",
};

/// Endings of a word that make the last predicate not the date's own: quotation (다고, 라고),
/// coordination (고, 며, 면서), concession, purpose, condition, cause, decision (하기로), and
/// 로/으로, which makes the date a target ("11월 3일로 연기됐다").
constexpr std::string_view kClauseEndings[] = {"고",   "며",   "서",   "지만", "는데",
                                               "도록", "면",   "니",   "데",   "기로",
                                               "로",   "다는", "라는", "자는", "냐는"};

/// Closing quotes: a quotation ending between the date and the predicate holds the date
/// ("'4월 15일은 투표하는 날'이라는 안내서를 보냈다").
constexpr std::string_view kClosingQuotes[] = {"\xE2\x80\x99", "\xE2\x80\x9D", "\"", "'",
                                               "\xE3\x80\x8D", "\xE3\x80\x8F"};

char32_t last_syllable(std::string_view word) {
  if (word.empty()) return 0;
  std::size_t at = utf8::previous(word, word.size());
  return utf8::decode(word, at);
}

char32_t syllable_before_last(std::string_view word) {
  if (word.empty()) return 0;
  const std::size_t last = utf8::previous(word, word.size());
  if (last == 0) return 0;
  std::size_t at = utf8::previous(word, last);
  return utf8::decode(word, at);
}

/// Index of ㅆ among the 28 final-consonant slots of a precomposed syllable (Unicode 3.12).
constexpr char32_t kFinalSsangSiot = 20;

char32_t final_of(char32_t syllable) {
  return utf8::is_hangul_syllable(syllable) ? (syllable - 0xAC00) % 28 : 0;
}

/// `word` without punctuation, quotes and brackets at its end.
std::string_view trim_word(std::string_view word) {
  while (!word.empty()) {
    const std::size_t at = utf8::previous(word, word.size());
    std::size_t i = at;
    const char32_t cp = utf8::decode(word, i);
    if (utf8::is_hangul_syllable(cp) || utf8::is_digit(cp) || (cp >= 'A' && cp <= 'Z') ||
        (cp >= 'a' && cp <= 'z')) {
      break;
    }
    word = word.substr(0, at);
  }
  return word;
}

/// Syllables that end the future modifier of the verbs news reports use (할, 될, 열릴, 갈 ...).
/// Other syllables with a final ㄹ are mostly particles or nouns: 을, 를, 일, 설.
constexpr char32_t kFutureModifierEnds[] = {U'할', U'될', U'릴', U'갈', U'올', U'볼',
                                            U'줄', U'낼', U'질', U'칠', U'킬'};

bool is_future_modifier(std::string_view word) {
  const char32_t last = last_syllable(word);
  return std::find(std::begin(kFutureModifierEnds), std::end(kFutureModifierEnds), last) !=
         std::end(kFutureModifierEnds);
}

/// "했다", "밝혔다", "열렸다": a predicate in the past tense (-았/었/였- before 다).
bool past_tense(std::string_view word) {
  return last_syllable(word) == U'다' && final_of(syllable_before_last(word)) == kFinalSsangSiot;
}

/// Whether the sentence goes on from `from` straight to a past-tense predicate that ends it.
bool reported_as_past(const Document& doc, std::size_t from, Span sentence) {
  std::vector<std::string_view> words;
  doc.for_each_word({from, sentence.end}, [&](Span w) { words.push_back(doc.slice(w)); });
  if (words.empty() || !past_tense(trim_word(words.back()))) return false;
  for (std::size_t i = 0; i + 1 < words.size(); ++i) {
    for (std::string_view quote : kClosingQuotes) {
      if (words[i].find(quote) != std::string_view::npos) return false;
    }
    const std::string_view w = trim_word(words[i]);
    for (std::string_view marker : kNotTheEvent) {
      if (w.find(marker) != std::string_view::npos) return false;
    }
    for (std::string_view ending : kClauseEndings) {
      if (w.ends_with(ending)) return false;
    }
    // 열릴, 할, 될: a future modifier ("7일 열릴 회의를 소개했다").
    if (is_future_modifier(w)) return false;
  }
  return true;
}

/// 이날, 같은 날: the date is the one named before it, which is where a finding belongs.
bool same_day_word(const extract::DateExpr& d) {
  return d.relative == "이날" || d.relative == "이 날" || d.relative == "같은 날";
}

/// A date written without its year takes the publication year, which is wrong in a paragraph
/// telling the story of another year ("2018년 4월 23일 … 7월 17일"): such a date is skipped.
/// Asked for dates in order, it keeps the years written in the paragraph so far, so a long
/// paragraph with many dates stays linear.
class OtherYearInContext {
 public:
  OtherYearInContext(const Document& doc, const std::vector<extract::DateExpr>& dates)
      : doc_(doc), dates_(dates) {
    const auto& paragraphs = doc.paragraphs();
    for (std::size_t i = 1; i < paragraphs.size() && sorted_; ++i) {
      sorted_ = paragraphs[i - 1].span.end <= paragraphs[i].span.begin;
    }
  }

  bool operator()(std::size_t index) {
    const extract::DateExpr& d = dates_[index];
    const bool year_written = d.kind == extract::DateKind::absolute && d.year;
    if (year_written || d.kind == extract::DateKind::relative) return false;
    const std::size_t start = paragraph_start(d.begin);
    if (start != start_ || index < upto_) {
      // Dates are in order: those before the paragraph start are skipped at once.
      start_ = start;
      upto_ =
          static_cast<std::size_t>(std::lower_bound(dates_.begin(), dates_.end(), start,
                                                    [](const extract::DateExpr& e, std::size_t at) {
                                                      return e.begin < at;
                                                    }) -
                                   dates_.begin());
      first_year_ = kNoYear;
      two_years_ = false;
    }
    // Dates before `index` that begin at or after the paragraph start.
    for (; upto_ < index; ++upto_) {
      const extract::DateExpr& e = dates_[upto_];
      if (e.begin < start_ || e.kind != extract::DateKind::absolute || !e.year) continue;
      if (first_year_ == kNoYear) {
        first_year_ = *e.year;
      } else if (first_year_ != *e.year) {
        two_years_ = true;
      }
    }
    return two_years_ || (first_year_ != kNoYear && first_year_ != d.resolved->year);
  }

 private:
  /// The start of the first paragraph containing `at`, or 0.
  std::size_t paragraph_start(std::size_t at) const {
    const auto& paragraphs = doc_.paragraphs();
    if (sorted_) {
      auto it = std::upper_bound(paragraphs.begin(), paragraphs.end(), at,
                                 [](std::size_t a, const Paragraph& p) { return a < p.span.end; });
      return it != paragraphs.end() && it->span.contains(at) ? it->span.begin : 0;
    }
    auto para = std::find_if(paragraphs.begin(), paragraphs.end(),
                             [&](const Paragraph& p) { return p.span.contains(at); });
    return para == paragraphs.end() ? 0 : para->span.begin;
  }

  const Document& doc_;
  const std::vector<extract::DateExpr>& dates_;
  bool sorted_ = true;
  std::size_t start_ = std::string_view::npos;
  std::size_t upto_ = 0;
  // A plain int, not std::optional: g++ 12 warns (wrongly) that the optional may be read
  // uninitialized once this is inlined.
  static constexpr int kNoYear = std::numeric_limits<int>::min();
  int first_year_ = kNoYear;
  bool two_years_ = false;
};

class DateTenseCheck final : public Check {
 public:
  std::span<const RuleInfo> rules() const override { return {&kRule, 1}; }
  FactSet facts_read() const override { return Fact::dates; }

  void run(const Document& doc, const LintContext& context, Emitter& out) const override {
    if (!out.enabled(kRule) || !context.published) return;
    const CivilDate pub = *context.published;
    const std::string_view text = doc.text();
    std::unique_ptr<DocumentFacts> own;
    const DocumentFacts& facts = facts_of(doc, context, own);
    const std::vector<extract::DateExpr>& dates = facts.dates();
    OtherYearInContext other_year_in_context(doc, dates);
    for (std::size_t i = 0; i < dates.size(); ++i) {
      const extract::DateExpr& d = dates[i];
      if (!d.day || d.invalid) continue;
      const std::string_view written = text.substr(d.begin, d.end - d.begin);
      if (d.relative == "오는" || d.relative == "지난") {
        check_next_past(context, out, d, written, pub);
      } else if (d.resolved && *d.resolved > pub && !same_day_word(d) &&
                 !other_year_in_context(i)) {
        check_past_tense(doc, context, out, d, written, pub);
      }
    }
  }

 private:
  /// Cases 1 and 2: 오는/지난 D일 on the wrong side of publication.
  static void check_next_past(const LintContext& context, Emitter& out, const extract::DateExpr& d,
                              std::string_view written, const CivilDate& pub) {
    const bool next = d.relative == "오는";
    // The month the writer meant: written, or the publication month for a bare day.
    const bool month_written = d.month && written.find("월") != std::string_view::npos;
    const CivilDate meant{pub.year, month_written ? *d.month : pub.month, *d.day};
    if (!meant.valid()) return;
    const long gap = meant.days_since_epoch() - pub.days_since_epoch();
    const long window = month_written ? kMonthDayWindow
                        : next        ? kBareDayWindow
                                      : kPastBareDayWindow;
    const bool contradiction = next ? (gap <= 0 && -gap <= window) : (gap >= 0 && gap <= window);
    if (!contradiction) return;
    std::string message;
    if (context.lang == Lang::ko) {
      message = gap == 0 ? fmt::format("'{}'({}): 발행일 당일입니다", written, meant.iso())
                : next ? fmt::format("'{}'({}): 발행일({})보다 {}일 전으로 이미 지났습니다",
                                     written, meant.iso(), pub.iso(), -gap)
                       : fmt::format("'{}'({}): 발행일({})보다 {}일 뒤로 아직 오지 않았습니다",
                                     written, meant.iso(), pub.iso(), gap);
    } else {
      message = gap == 0
                    ? fmt::format("'{}': {} is the publication date itself", written, meant.iso())
                : next ? fmt::format(
                             "'{}': {} had already passed at publication ({}, {} "
                             "day{} later)",
                             written, meant.iso(), pub.iso(), -gap, gap == -1 ? "" : "s")
                       : fmt::format(
                             "'{}': {} had not yet come at publication ({}, {} day{} "
                             "earlier)",
                             written, meant.iso(), pub.iso(), gap, gap == 1 ? "" : "s");
    }
    out.report(kRule, {d.begin, d.end}, std::move(message));
  }

  /// Case 3: a date after publication told in the past tense.
  static void check_past_tense(const Document& doc, const LintContext& context, Emitter& out,
                               const extract::DateExpr& d, std::string_view written,
                               const CivilDate& pub) {
    const long gap = d.resolved->days_since_epoch() - pub.days_since_epoch();
    // A bare day far from publication may be a day of an earlier month in a story about the
    // past; only the publication week is certain.
    const bool bare = d.kind == extract::DateKind::absolute && !d.month;
    if (bare && gap > kBareDayWindow) return;
    const auto& sentences = doc.sentences();
    auto it = std::upper_bound(sentences.begin(), sentences.end(), d.begin,
                               [](std::size_t at, const Span& s) { return at < s.begin; });
    if (it == sentences.begin()) return;
    const Span sentence = *std::prev(it);
    if (d.end > sentence.end || !reported_as_past(doc, d.end, sentence)) return;
    std::string message =
        context.lang == Lang::ko
            ? fmt::format("'{}'({}): 발행일({})보다 {}일 뒤의 일을 지난 일로 썼습니다", written,
                          d.resolved->iso(), pub.iso(), gap)
            : fmt::format(
                  "'{}' ({}) is {} day{} after publication ({}) but is told in the past "
                  "tense",
                  written, d.resolved->iso(), gap, gap == 1 ? "" : "s", pub.iso());
    out.report(kRule, {d.begin, d.end}, std::move(message));
  }
};

}  // namespace

std::unique_ptr<Check> make_date_tense_check() { return std::make_unique<DateTenseCheck>(); }

}  // namespace factlint
