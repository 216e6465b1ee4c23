// Date expressions in Korean news text.
//
// The small grammars (a four-digit year, "M월", "D일", a range separator, a weekday note, the
// relative words) are Boost.Spirit X3 parsers. DateScanner strings them together: which piece
// may follow which depends on what came before (a year word takes a month, a month word takes
// a day), and whether "5일" is a date or a length of time depends on the words around it.

#include "extract/date.h"

#include <algorithm>
#include <array>
#include <boost/spirit/home/x3.hpp>
#include <cstdint>
#include <cstdlib>
#include <string_view>
#include <tuple>
#include <utility>

#include "extract/scan.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace factlint::extract {
namespace {

namespace x3 = boost::spirit::x3;

// ---- Characters -----------------------------------------------------------------------------

using namespace scan;

/// First syllables of the particles that may close a date word (에 의 은 는 이 가 을 를 도 만
/// 과 와 부터 까지 보다 처럼 마다 로 으로 엔 께 쯤 이나 였다 인) and 초/중/말 written solid
/// (올해초, 지난해말). Anything else means the word goes on: 오늘날, 모레노, 그제야, 내달려.
constexpr std::u32string_view kWordFollowers =
    U"이가을를은는의에도만과와로으부까보처마나며였인라고엔께쯤초중말들";

bool word_ends_at(Iter p, Iter end, std::u32string_view followers = kWordFollowers) {
  const char32_t next = code_point_at(p, end);
  return !is_hangul(next) || followers.find(next) != std::u32string_view::npos;
}

/// Words right after a day or a year that make it a length of time or a count rather than a
/// date: 5일간, 3일째, 2일차, 30일 동안, 3일 연속, 30일 만에, 2000년 전, 1990년대, 2024년형.
constexpr std::string_view kDurationWords[] = {
    "간",   "째",     "여",   "치",   "만",   "동안", "이내", "내내", "내", "이상", "이하",
    "미만", "넘게",   "가량", "정도", "연속", "전",   "후",   "뒤",   "씩", "당",   "평균",
    "안에", "가까이", "된",   "역사", "형",   "대",   "분량", "꼴",   "차"};

/// What may follow a duration word so that it is that word and not the start of another one:
/// "5일 전에" is a duration, "5일 전국" and "5일 후보" are dates.
constexpr std::u32string_view kDurationFollowers =
    U"에의부까인이로으엔께쯤는은도을를가만나씩였며고";

/// Words just before a number that make it a length of time or a recurring day: 약 5일,
/// 최대 30일, 매년 3월 1일.
constexpr std::string_view kNotDateBefore[] = {"약",   "대략", "최소", "최대", "무려", "총",
                                               "불과", "매년", "매월", "매달", "매주", "매일"};

constexpr FirstSyllables kDurationWordStarts(kDurationWords);

/// The last bytes of kNotDateBefore: a number after anything else needs no look at the list.
constexpr std::array<bool, 256> kNotDateBeforeLastBytes = [] {
  std::array<bool, 256> table{};
  for (std::string_view word : kNotDateBefore)
    table[static_cast<unsigned char>(word.back())] = true;
  return table;
}();

// ---- Grammar --------------------------------------------------------------------------------

/// How a relative word places the date.
enum class Basis {
  written,       // absolute: the numbers on the page
  year_offset,   // 지난해 (-1), 올해 (0), 내년 (+1) ...
  month_offset,  // 지난달, 이달, 다음 달
  week_offset,   // 지난주, 이번 주, 다음 주
  day_offset,    // 그저께 .. 모레
  past,          // 지난 N일: the last such day before publication
  next,          // 오는 N일: the next such day after publication
  same_day,      // 이날: the date last mentioned, else the publication date
};

struct RelativeWord {
  Basis basis = Basis::written;
  int offset = 0;
};

namespace grammar {

const auto digit = x3::char_('0', '9');
const auto space = x3::lit(' ') | x3::lit("\xC2\xA0");
const auto opt_space = -space;
const auto year_number = x3::uint_parser<int, 10, 4, 4>() >> !digit;
const auto two_digit_year = x3::uint_parser<int, 10, 2, 2>() >> !digit;
const auto small_number = x3::uint_parser<int, 10, 1, 2>() >> !digit;
const auto range_separator = opt_space >>
                             (x3::lit("~") | "\xE2\x88\xBC" /* ∼ */ | "\xEF\xBD\x9E" /* ～ */ |
                              "\xE3\x80\x9C" /* 〜 */ | "-" | "\xE2\x80\x93" /* – */) >>
                             opt_space;
const auto apostrophe = x3::lit('\'') | "\xE2\x80\x99";  // ’

const x3::symbols<int> weekdays(
    {{"월", 0}, {"화", 1}, {"수", 2}, {"목", 3}, {"금", 4}, {"토", 5}, {"일", 6}});
/// "(화)", "(화요일)", " (화)".
const auto weekday_note = opt_space >> '(' >> opt_space >> weekdays >> -x3::lit("요일") >> opt_space
                          >> ')';
const auto weekday_word = weekdays >> "요일";

/// The relative words and how each places the date.
constexpr std::pair<std::string_view, RelativeWord> kRelativeWords[] = {
    {"재작년", {Basis::year_offset, -2}},
    {"지난해", {Basis::year_offset, -1}},
    {"작년", {Basis::year_offset, -1}},
    {"올해", {Basis::year_offset, 0}},
    {"금년", {Basis::year_offset, 0}},
    {"내년", {Basis::year_offset, 1}},
    {"내후년", {Basis::year_offset, 2}},
    {"지난달", {Basis::month_offset, -1}},
    {"지난 달", {Basis::month_offset, -1}},
    {"이달", {Basis::month_offset, 0}},
    {"이번 달", {Basis::month_offset, 0}},
    {"이번달", {Basis::month_offset, 0}},
    {"다음 달", {Basis::month_offset, 1}},
    {"다음달", {Basis::month_offset, 1}},
    {"내달", {Basis::month_offset, 1}},
    {"지난주", {Basis::week_offset, -1}},
    {"지난 주", {Basis::week_offset, -1}},
    {"이번 주", {Basis::week_offset, 0}},
    {"이번주", {Basis::week_offset, 0}},
    {"다음 주", {Basis::week_offset, 1}},
    {"다음주", {Basis::week_offset, 1}},
    {"그저께", {Basis::day_offset, -2}},
    {"그제", {Basis::day_offset, -2}},
    {"어제", {Basis::day_offset, -1}},
    {"오늘", {Basis::day_offset, 0}},
    {"내일", {Basis::day_offset, 1}},
    {"모레", {Basis::day_offset, 2}},
    {"지난", {Basis::past, 0}},
    {"오는", {Basis::next, 0}},
    {"이날", {Basis::same_day, 0}},
    {"이 날", {Basis::same_day, 0}},
    {"같은 날", {Basis::same_day, 0}},
};

const x3::symbols<RelativeWord> relative_words = [] {
  x3::symbols<RelativeWord> symbols;
  for (const auto& [written, word] : kRelativeWords) symbols.add(written, word);
  return symbols;
}();

/// The first syllables of the relative words, so that most word starts are turned away without
/// a look at the word list.
constexpr auto kRelativeFirstSyllables = [] {
  std::string_view words[std::size(kRelativeWords)];
  for (std::size_t i = 0; i < std::size(kRelativeWords); ++i) words[i] = kRelativeWords[i].first;
  return FirstSyllables(words);
}();

/// The lowest and highest lead byte of the relative words' first syllables.
constexpr std::pair<unsigned char, unsigned char> kRelativeLeads = [] {
  std::pair<unsigned char, unsigned char> range{0xFF, 0};
  for (const auto& [written, word] : kRelativeWords) {
    const auto lead = static_cast<unsigned char>(written[0]);
    range = {std::min(range.first, lead), std::max(range.second, lead)};
  }
  return range;
}();

bool may_start_relative_word(std::string_view s) { return kRelativeFirstSyllables.starts(s); }

}  // namespace grammar

// ---- Calendar arithmetic --------------------------------------------------------------------

CivilDate add_days(const CivilDate& date, long days) {
  return CivilDate::from_days_since_epoch(date.days_since_epoch() + days);
}

/// (year, month) moved by `delta` months.
std::pair<int, int> add_months(int year, int month, int delta) {
  const int index = year * 12 + (month - 1) + delta;
  const int y = index >= 0 ? index / 12 : (index - 11) / 12;
  return {y, index - y * 12 + 1};
}

/// Whether day `day` of `month` can exist; an unknown year allows 2월 29일.
bool day_exists(std::optional<int> year, int month, int day) {
  return day >= 1 && day <= days_in_month(year.value_or(2000), month);
}

long distance(const CivilDate& a, const CivilDate& b) {
  return a.days_since_epoch() - b.days_since_epoch();
}

/// The year of "M월 D일" written without one: the publication year, unless that puts the date
/// more than two months after publication (then the year before) or more than ten months
/// before it (then the year after). A December article's "1월 5일" is next January.
int year_for(int month, int day, const CivilDate& published) {
  const int clamped = std::min(day, days_in_month(published.year, month));
  const long diff = distance({published.year, month, clamped}, published);
  if (diff > 61) return published.year - 1;
  if (diff < -304) return published.year + 1;
  return published.year;
}

/// "5일" alone. Korean papers write a bare day for dates in the publication week and 지난/오는
/// for the rest, so the publication month is meant unless the same day of the previous or next
/// month lies within a week of publication (an article of 3월 2일 calling 2월 28일 "28일").
std::optional<CivilDate> resolve_bare_day(int day, const CivilDate& published) {
  std::optional<CivilDate> best;
  long best_distance = 0;
  const CivilDate same{published.year, published.month, day};
  if (same.valid()) {
    best = same;
    best_distance = std::labs(distance(same, published));
  }
  for (int delta : {-1, 1}) {
    const auto [y, m] = add_months(published.year, published.month, delta);
    const CivilDate other{y, m, day};
    const long d = std::labs(distance(other, published));
    if (other.valid() && d <= 7 && (!best || d < best_distance)) {
      best = other;
      best_distance = d;
    }
  }
  return best;
}

// ---- Where a date may start -----------------------------------------------------------------

/// The bytes that start a date other than a relative word: a digit, an apostrophe ('24.3.5) and
/// the lead byte of ’ (E2).
constexpr std::array<bool, 256> kStartsNumericDate = [] {
  std::array<bool, 256> table{};
  for (unsigned char c = '0'; c <= '9'; ++c) table[c] = true;
  for (unsigned char c : {0x27, 0xE2}) table[c] = true;  // 0x27: '
  return table;
}();

/// The first bytes of a range separator (~ - ∼ – ～ 〜).
constexpr std::array<bool, 256> kRangeLeadBytes = [] {
  std::array<bool, 256> table{};
  for (unsigned char c : {'~', '-'}) table[c] = true;
  for (unsigned char c : {0xE2, 0xE3, 0xEF}) table[c] = true;
  return table;
}();

// ---- Scanning -------------------------------------------------------------------------------

/// One written date before resolution. A range ("4월 7~8일") gives two pieces.
struct Piece {
  Iter begin = nullptr;
  Iter end = nullptr;
  std::optional<int> year, month, day, weekday;
};

struct Pieces {
  std::array<Piece, 2> items;
  int count = 0;
  Piece& last() { return items[count - 1]; }
};

class DateScanner {
 public:
  DateScanner(std::string_view text, std::optional<CivilDate> published)
      : begin_(text.data()), end_(text.data() + text.size()), published_(published) {}

  std::vector<DateExpr> run() {
    Iter p = begin_;
    while ((p = next_candidate(p)) < end_) {
      Iter next = p;
      if (is_digit(*p)) {
        if (inside_name(p)) {
          p = skip_token(p);
          continue;
        }
        // After 매년 or 약 the whole expression is skipped, not just its first number: the
        // "1일" of "매년 3월 1일" is no more a date than the "3월".
        bool parsed = false;
        if (may_be_date_digits(p)) {
          suppress_ = after_disqualifying_word(p);
          parsed = parse_numeric(p, next);
          suppress_ = false;
        }
        // Never restart inside a digit run: "365일" is not "65일".
        p = parsed ? next : skip_token(p);
        continue;
      }
      if ((*p == '\'' || static_cast<unsigned char>(*p) == 0xE2) && parse_short_year(p, next)) {
        p = next;
        continue;
      }
      if (at_word_start(p) && parse_relative(p, next)) {
        p = next;
        continue;
      }
      ++p;
    }
    return std::move(out_);
  }

 private:
  // -- Where a date may start

  /// Whether a date may start at `p`: a digit, an apostrophe or E2 (of ’), or a Hangul word
  /// start whose first syllable begins a relative word.
  bool is_candidate(Iter p) const {
    // The first-syllable test goes first: it turns away more word starts than at_word_start
    // turns away syllables inside words.
    return kStartsNumericDate[static_cast<unsigned char>(*p)] ||
           (grammar::may_start_relative_word({p, static_cast<std::size_t>(end_ - p)}) &&
            at_word_start(p));
  }

  /// The first candidate (is_candidate) at or after `p`, or end_. Nothing else can start a date,
  /// so run() looks at these positions only, in order, as a scan of every byte would.
  Iter next_candidate(Iter p) const {
    // The SSE2 loop reads the three bytes before each block.
    for (; p < end_ && p - begin_ < 3; ++p) {
      if (is_candidate(p)) return p;
    }
#if defined(__SSE2__)
    while (end_ - p >= 16) {
      unsigned mask = candidate_mask(p);
      while (mask != 0) {
        const Iter q = p + __builtin_ctz(mask);
        if (is_candidate(q)) return q;
        mask &= mask - 1;
      }
      p += 16;
    }
#endif
    for (; p < end_; ++p) {
      if (is_candidate(p)) return p;
    }
    return end_;
  }

#if defined(__SSE2__)
  /// One bit for each of the 16 bytes at `p` (p - 3 readable) that may be a candidate: the
  /// bytes of kStartsNumericDate, and the lead bytes of kRelativeLeads not right after a Hangul
  /// syllable. Inside a Korean word every lead byte follows a syllable, so a word gives one bit
  /// (or none) instead of one per syllable. A syllable is told by its shape (lead EA..ED, two
  /// continuation bytes) less the non-syllable ranges EA 80..AF and ED 9E..BF (U+A000..ABFF,
  /// U+D780..DFFF), kept as candidates for is_candidate to settle.
  static unsigned candidate_mask(Iter p) {
    const auto load = [](Iter at) { return _mm_loadu_si128(reinterpret_cast<const __m128i*>(at)); };
    const auto splat = [](unsigned char c) { return _mm_set1_epi8(static_cast<char>(c)); };
    // Unsigned a <= b, bytewise.
    const auto at_most = [](__m128i a, __m128i b) { return _mm_cmpeq_epi8(_mm_min_epu8(a, b), a); };
    const auto is_lead = [&](__m128i x) {
      return at_most(_mm_sub_epi8(x, splat(0xEA)), splat(3));  // EA..ED
    };
    const auto is_continuation = [&](__m128i x) {
      return _mm_cmpeq_epi8(_mm_and_si128(x, splat(0xC0)), splat(0x80));
    };
    const __m128i x0 = load(p);
    const __m128i x1 = load(p - 1);
    const __m128i x2 = load(p - 2);
    const __m128i x3 = load(p - 3);
    const __m128i digit = at_most(_mm_sub_epi8(x0, splat('0')), splat(9));
    const __m128i quote =
        _mm_or_si128(_mm_cmpeq_epi8(x0, splat('\'')), _mm_cmpeq_epi8(x0, splat(0xE2)));
    const __m128i not_syllable =
        _mm_or_si128(_mm_and_si128(_mm_cmpeq_epi8(x3, splat(0xEA)), at_most(x2, splat(0xAF))),
                     _mm_and_si128(_mm_cmpeq_epi8(x3, splat(0xED)), at_most(splat(0x9E), x2)));
    const __m128i after_syllable = _mm_andnot_si128(
        not_syllable,
        _mm_and_si128(is_lead(x3), _mm_and_si128(is_continuation(x2), is_continuation(x1))));
    // Only the lead bytes that start a relative word's first syllable (EA..EC: none of them is
    // in U+D000..U+D7A3) can start a candidate word.
    const __m128i relative_lead =
        at_most(_mm_sub_epi8(x0, splat(grammar::kRelativeLeads.first)),
                splat(grammar::kRelativeLeads.second - grammar::kRelativeLeads.first));
    const __m128i word_start = _mm_andnot_si128(after_syllable, relative_lead);
    return static_cast<unsigned>(
        _mm_movemask_epi8(_mm_or_si128(_mm_or_si128(digit, quote), word_start)));
  }
#endif

  /// A cheap necessary condition for parse_numeric at the digit `p`, from what its grammars
  /// accept right after the digits: a year (four digits) before 년, a separator (2024.3.5,
  /// 2024-03-05, 2024/3/5) or a range; a month or a day (one or two digits) before 월, 일, a
  /// range, or a weekday note ("16(일)~18일", "16 일요일~18일").
  bool may_be_date_digits(Iter p) const {
    Iter q = p;
    while (q < end_ && is_digit(*q)) ++q;
    const std::ptrdiff_t digits = q - p;
    const bool year = digits == 4;
    if (!year && digits > 2) return false;
    if (q == end_) return false;
    const std::string_view rest(q, static_cast<std::size_t>(end_ - q));
    const auto c = static_cast<unsigned char>(*q);
    if (kRangeLeadBytes[c]) return true;
    switch (c) {
      case '.':
      case '/':
        return year;
      case '(':
        return !year;
      case 0xEB:
        return year && rest.starts_with("년");
      case 0xEC:
        return !year && (rest.starts_with("월") || rest.starts_with("일"));
      case ' ':
      case 0xC2: {
        const std::size_t space = c == ' ' ? 1 : rest.starts_with("\xC2\xA0") ? 2 : 0;
        if (space == 0 || rest.size() == space) return false;
        const auto next = static_cast<unsigned char>(rest[space]);
        // A range after the space, or for a day a weekday note or word (lead bytes EA..ED).
        return kRangeLeadBytes[next] || (!year && (next == '(' || (next >= 0xEA && next <= 0xED)));
      }
      default:
        return false;
    }
  }

  // -- Context checks

  bool at_word_start(Iter p) const {
    const auto c = static_cast<unsigned char>(*p);
    if (c < 0xEA || c > 0xED) return false;  // lead bytes of Hangul syllables
    return !hangul_before(begin_, p) && !(p > begin_ && is_alnum(p[-1]));
  }

  /// Digits glued to a Latin name or code (A380, GPT-4), or a later part of a dotted or
  /// joined number (1.2.3, 6·25).
  bool inside_name(Iter p) const {
    if (p == begin_) return false;
    const char before = p[-1];
    if (is_alnum(before) || before == '_') return true;
    if ((before == '-' || before == '.' || before == ':' || before == '/') && p - 1 > begin_) {
      return is_alnum(p[-2]);
    }
    if (p - begin_ >= 3 && p[-2] == '\xC2' && before == '\xB7') return is_digit(p[-3]);
    return false;
  }

  /// 제5일, 약 5일, 최대 30일, 매년 3월 1일.
  bool after_disqualifying_word(Iter p) const {
    if (code_point_before(begin_, p) == U'제') return true;
    Iter q = p;
    if (q > begin_ && q[-1] == ' ') --q;
    if (q == begin_ || !kNotDateBeforeLastBytes[static_cast<unsigned char>(q[-1])]) return false;
    for (std::string_view word : kNotDateBefore) {
      if (static_cast<std::size_t>(q - begin_) < word.size()) continue;
      // The last byte first: it turns away most words without a call to memcmp.
      if (q[-1] != word.back()) continue;
      Iter w = q - word.size();
      if (std::string_view(w, word.size()) == word && !hangul_before(begin_, w)) {
        return true;
      }
    }
    return false;
  }

  /// Whether a duration word follows `p` (directly or after one space).
  bool duration_follows(Iter p) const {
    Iter q = p;
    x3::parse(q, end_, grammar::space);
    if (!kDurationWordStarts.starts({q, static_cast<std::size_t>(end_ - q)})) return false;
    for (std::string_view word : kDurationWords) {
      if (static_cast<std::size_t>(end_ - q) < word.size()) continue;
      if (q[0] != word[0] || q[1] != word[1]) continue;  // most words, without memcmp
      if (std::string_view(q, word.size()) != word) continue;
      if (word_ends_at(q + word.size(), end_, kDurationFollowers)) return true;
    }
    return false;
  }

  Iter skip_token(Iter p) const {
    while (p < end_) {
      if (is_alnum(*p)) {
        ++p;
      } else if ((*p == '.' || *p == '-' || *p == ':' || *p == '/' || *p == '_') && p + 1 < end_ &&
                 is_alnum(p[1])) {
        p += 2;
      } else {
        break;
      }
    }
    return p;
  }

  // -- Pieces

  /// A weekday written after the day: "(화)", "(화요일)", " 화요일".
  void parse_weekday(Piece& piece) const {
    int weekday = 0;
    Iter q = piece.end;
    if (x3::parse(q, end_, grammar::weekday_note, weekday) ||
        x3::parse(q, end_, grammar::space >> grammar::weekday_word, weekday)) {
      piece.weekday = weekday;
      piece.end = q;
    }
  }

  /// "D일", "D~E일" or "D(요일)~E일" at `p`, as one or two pieces appended to `out`.
  bool parse_days(Iter p, Pieces& out) const {
    int first = 0;
    int second = 0;
    Iter q = p;
    if (!x3::parse(q, end_, grammar::small_number, first)) return false;
    if (x3::parse(q, end_, x3::lit("일"))) {
      if (duration_follows(q)) return false;
      out.items[out.count++] = Piece{p, q, {}, {}, first, {}};
    } else {
      // The first day of a range borrows 일 from the second; weather reports note its weekday:
      // 16(일)~18일(화).
      Piece head{p, q, {}, {}, first, {}};
      parse_weekday(head);
      Iter second_begin = head.end;
      if (!x3::parse(second_begin, end_, grammar::range_separator)) return false;
      q = second_begin;
      if (!x3::parse(q, end_, grammar::small_number >> "일", second) || duration_follows(q)) {
        return false;
      }
      out.items[out.count++] = head;
      out.items[out.count++] = Piece{second_begin, q, {}, {}, second, {}};
    }
    parse_weekday(out.last());
    return true;
  }

  /// "M월", "M월 D일", "M월 D~E일" or "M~N월" at `p`.
  bool parse_months(Iter p, Pieces& out) const {
    int month = 0;
    Iter q = p;
    if (!x3::parse(q, end_, grammar::small_number, month)) return false;
    if (x3::parse(q, end_, x3::lit("월"))) {
      Pieces days;
      Iter d = q;
      x3::parse(d, end_, grammar::opt_space);
      if (parse_days(d, days)) {
        for (int i = 0; i < days.count; ++i) {
          Piece piece = days.items[i];
          piece.month = month;
          if (i == 0) piece.begin = p;
          out.items[out.count++] = piece;
        }
      } else {
        out.items[out.count++] = Piece{p, q, {}, month, {}, {}};
      }
      return true;
    }
    const Iter first_end = q;
    int second = 0;
    Iter second_begin = q;
    if (!x3::parse(second_begin, end_, grammar::range_separator)) return false;
    q = second_begin;
    if (!x3::parse(q, end_, grammar::small_number >> "월", second)) return false;
    out.items[out.count++] = Piece{p, first_end, {}, month, {}, {}};
    out.items[out.count++] = Piece{second_begin, q, {}, second, {}, {}};
    return true;
  }

  /// 2024.3.5 / 2024. 3. 5. / 2024-03-05 / 2024/3/5 / 2024.3. / 2011.11월 at `p`.
  bool parse_separated(Iter p, Iter& next) {
    int year = 0;
    int month = 0;
    int day = 0;
    Iter q = p;
    if (!x3::parse(q, end_, grammar::year_number, year) || q == end_) return false;
    const char sep = *q;
    if (sep == '-' || sep == '/') {
      ++q;
      if (!x3::parse(q, end_, grammar::small_number, month) || q == end_ || *q != sep) {
        return false;
      }
      ++q;
      if (!x3::parse(q, end_, grammar::small_number, day)) return false;
      // Part of a longer code (2024-03-05-01) or a time that follows (2024-03-05T10:00 is fine).
      if (q < end_ && (is_alpha(*q) && *q != 'T')) return false;
      if (q + 1 < end_ && (*q == sep || *q == '.') && is_digit(q[1])) return false;
    } else if (sep == '.') {
      ++q;
      x3::parse(q, end_, grammar::opt_space);
      if (!x3::parse(q, end_, grammar::small_number, month)) return false;
      Iter d = q;
      if (x3::parse(d, end_, '.' >> grammar::opt_space >> grammar::small_number, day)) {
        q = d;
        if (q < end_ && *q == '.') ++q;
        if (q < end_ && (is_alnum(*q) || (*q == '.' && q + 1 < end_ && is_digit(q[1])))) {
          return false;  // 2024.3.5.6, 2.6.32-style version numbers
        }
      } else if (x3::parse(q, end_, x3::lit("월"))) {
        day = 0;
      } else if (q < end_ && *q == '.') {
        // "2006.7." names a month; "2006.7" without the dot could be a decimal.
        ++q;
        Iter after = q;
        x3::parse(after, end_, grammar::opt_space);
        if (after < end_ && is_alnum(*after)) return false;
        day = 0;
      } else {
        return false;
      }
    } else {
      return false;
    }
    if (month < 1 || month > 12 || day > 31) return false;  // not a date: a version, a code
    Piece piece{p, q, year, month, {}, {}};
    if (day != 0) piece.day = day;
    if (piece.day) parse_weekday(piece);
    emit(piece, Basis::written, {}, {});
    next = piece.end;
    return true;
  }

  /// ’12.11.30. and '24.3.5: a two-digit year needs the apostrophe, or 1.2.3 would be a date.
  bool parse_short_year(Iter p, Iter& next) {
    Iter q = p;
    int yy = 0;
    int month = 0;
    int day = 0;
    if (!x3::parse(q, end_, grammar::apostrophe >> grammar::two_digit_year, yy)) return false;
    if (!x3::parse(q, end_, '.' >> grammar::opt_space >> grammar::small_number, month)) {
      return false;
    }
    if (!x3::parse(q, end_, '.' >> grammar::opt_space >> grammar::small_number, day)) {
      return false;
    }
    if (q < end_ && *q == '.') ++q;
    if (q < end_ && is_digit(*q)) return false;
    if (month < 1 || month > 12 || day < 1 || day > 31) return false;
    int year = 2000 + yy;
    if (published_) {
      year = published_->year / 100 * 100 + yy;
      if (year > published_->year + 10) year -= 100;
    } else if (yy >= 50) {
      year = 1900 + yy;
    }
    Piece piece{p, q, year, month, day, {}};
    parse_weekday(piece);
    emit(piece, Basis::written, {}, {});
    next = piece.end;
    return true;
  }

  /// 2019~2020년: two years.
  bool parse_year_range(Iter p, Pieces& out) const {
    int first = 0;
    int second = 0;
    Iter q = p;
    if (!x3::parse(q, end_, grammar::year_number, first)) return false;
    const Iter first_end = q;
    if (!x3::parse(q, end_, grammar::range_separator)) return false;
    const Iter second_begin = q;
    if (!x3::parse(q, end_, grammar::year_number >> "년", second)) return false;
    if (first < 1000 || second > 2999) return false;
    out.items[out.count++] = Piece{p, first_end, first, {}, {}, {}};
    out.items[out.count++] = Piece{second_begin, q, second, {}, {}, {}};
    return true;
  }

  /// Any date that starts with a digit.
  bool parse_numeric(Iter p, Iter& next) {
    if (parse_separated(p, next)) return true;
    Pieces pieces;
    int year = 0;
    Iter q = p;
    if (x3::parse(q, end_, grammar::year_number >> "년", year)) {
      Iter tail = q;
      x3::parse(tail, end_, grammar::opt_space);
      if (parse_months(tail, pieces)) {
        pieces.items[0].begin = p;
        for (int i = 0; i < pieces.count; ++i) pieces.items[i].year = year;
      } else {
        // A year alone must look like a calendar year and not a length of time (2000년 전).
        if (year < 1000 || year > 2999 || duration_follows(q)) return false;
        pieces.items[pieces.count++] = Piece{p, q, year, {}, {}, {}};
      }
    } else if (parse_year_range(p, pieces)) {
      if (duration_follows(pieces.last().end)) return false;
    } else if (!parse_months(p, pieces) && !parse_days(p, pieces)) {
      return false;
    }
    // A day alone must be a day of a month; "3월 32일" is an invalid date, "45일" is no date.
    for (int i = 0; i < pieces.count; ++i) {
      const Piece& piece = pieces.items[i];
      if (!piece.month && piece.day && (*piece.day < 1 || *piece.day > 31)) return false;
    }
    for (int i = 0; i < pieces.count; ++i) emit(pieces.items[i], Basis::written, {}, {});
    next = pieces.last().end;
    return true;
  }

  /// 지난해 7월, 지난달 28일, 지난주 화요일, 어제, 지난 4일, 오는 12일, 이날 ...
  bool parse_relative(Iter p, Iter& next) {
    RelativeWord word;
    Iter q = p;
    if (!grammar::may_start_relative_word({p, static_cast<std::size_t>(end_ - p)}) ||
        !x3::parse(q, end_, grammar::relative_words, word)) {
      return false;
    }
    const std::string_view written(p, static_cast<std::size_t>(q - p));
    Pieces pieces;
    Iter tail = q;
    switch (word.basis) {
      case Basis::year_offset:
        x3::parse(tail, end_, grammar::opt_space);
        if (!parse_months(tail, pieces)) pieces.count = 0;
        break;
      case Basis::month_offset:
        x3::parse(tail, end_, grammar::opt_space);
        if (!parse_days(tail, pieces)) pieces.count = 0;
        break;
      case Basis::week_offset: {
        int weekday = 0;
        x3::parse(tail, end_, grammar::opt_space);
        if (x3::parse(tail, end_, grammar::weekday_word, weekday)) {
          pieces.items[pieces.count++] = Piece{p, tail, {}, {}, {}, weekday};
        }
        break;
      }
      case Basis::past:
      case Basis::next:
        // "지난"/"오는" are ordinary adjectives unless a month or day follows.
        if (!x3::parse(tail, end_, grammar::space)) return false;
        if (!parse_months(tail, pieces) && !parse_days(tail, pieces)) return false;
        break;
      default:
        break;
    }
    if (pieces.count == 0) {
      if (!word_ends_at(q, end_)) return false;
      pieces.items[pieces.count++] = Piece{p, q, {}, {}, {}, {}};
    }
    pieces.items[0].begin = p;
    for (int i = 0; i < pieces.count; ++i) emit(pieces.items[i], word.basis, word.offset, written);
    next = pieces.last().end;
    return true;
  }

  // -- Resolution

  /// Sets the fields of `e`, flags impossible dates and resolves full ones.
  void settle(DateExpr& e, std::optional<int> year, std::optional<int> month,
              std::optional<int> day) const {
    e.year = year;
    e.month = month;
    e.day = day;
    if (month && (*month < 1 || *month > 12)) {
      e.invalid = true;
    } else if (month && day && !day_exists(year, *month, *day)) {
      e.invalid = true;
    } else if (year && month && day) {
      e.resolved = CivilDate{*year, *month, *day};
    }
  }

  void settle(DateExpr& e, const CivilDate& date) const {
    settle(e, date.year, date.month, date.day);
  }

  void resolve_written(DateExpr& e, const Piece& piece) const {
    settle(e, piece.year, piece.month, piece.day);
    if (e.invalid || e.resolved || !piece.day || !published_) return;
    const CivilDate& pub = *published_;
    if (piece.month) {
      const CivilDate date{year_for(*piece.month, *piece.day, pub), *piece.month, *piece.day};
      if (date.valid()) {
        e.resolved = date;
      } else {
        e.invalid = true;  // 2월 29일 in a year without one
      }
    } else if (auto date = resolve_bare_day(*piece.day, pub)) {
      e.resolved = date;
    } else {
      e.invalid = true;  // 30일 in a February article
    }
  }

  /// 지난 [M월] D일 / 오는 [M월] D일: the nearest such date strictly before / after publication.
  void resolve_past_next(DateExpr& e, const Piece& piece, bool past) const {
    const CivilDate& pub = *published_;
    const int step = past ? -1 : 1;
    if (piece.month && !piece.day) {
      const bool this_year = past ? *piece.month < pub.month : *piece.month > pub.month;
      settle(e, this_year ? pub.year : pub.year + step, piece.month, {});
      return;
    }
    int year = pub.year;
    int month = piece.month.value_or(pub.month);
    const int day = *piece.day;
    // Compare (month, day) pairs so that a nonexistent day (지난 30일 in March) still orders.
    const auto before_pub = [&](int m, int d) {
      return m < pub.month || (m == pub.month && d < pub.day);
    };
    const auto after_pub = [&](int m, int d) {
      return m > pub.month || (m == pub.month && d > pub.day);
    };
    const bool on_side = past ? before_pub(month, day) : after_pub(month, day);
    if (!on_side) {
      if (piece.month) {
        year += step;
      } else {
        std::tie(year, month) = add_months(year, month, step);
      }
    }
    settle(e, year, month, day);
  }

  void emit(const Piece& piece, Basis basis, int offset, std::string_view written) {
    if (suppress_) return;
    DateExpr e;
    e.begin = static_cast<std::size_t>(piece.begin - begin_);
    e.end = static_cast<std::size_t>(piece.end - begin_);
    e.weekday_written = piece.weekday;
    e.kind = basis == Basis::written ? DateKind::absolute : DateKind::relative;
    e.relative = std::string(written);
    const std::optional<CivilDate>& pub = published_;
    switch (basis) {
      case Basis::written:
        resolve_written(e, piece);
        break;
      case Basis::year_offset:
        settle(e, pub ? std::optional<int>(pub->year + offset) : std::nullopt, piece.month,
               piece.day);
        break;
      case Basis::month_offset:
        if (pub) {
          const auto [y, m] = add_months(pub->year, pub->month, offset);
          settle(e, y, m, piece.day);
        } else {
          settle(e, {}, {}, piece.day);
        }
        break;
      case Basis::week_offset:
        if (pub && piece.weekday) {
          const long monday = pub->days_since_epoch() - pub->weekday();
          settle(e, CivilDate::from_days_since_epoch(monday + 7L * offset + *piece.weekday));
        }
        break;
      case Basis::day_offset:
        if (pub) settle(e, add_days(*pub, offset));
        break;
      case Basis::past:
      case Basis::next:
        if (pub) {
          resolve_past_next(e, piece, basis == Basis::past);
        } else {
          settle(e, {}, piece.month, piece.day);
        }
        break;
      case Basis::same_day:
        if (last_resolved_) {
          settle(e, *last_resolved_);
        } else if (pub) {
          settle(e, *pub);
        }
        break;
    }
    if (e.resolved) last_resolved_ = e.resolved;
    out_.push_back(std::move(e));
  }

  Iter begin_;
  Iter end_;
  std::optional<CivilDate> published_;
  std::optional<CivilDate> last_resolved_;
  std::vector<DateExpr> out_;
  bool suppress_ = false;  // parsing only to step over an expression that is not a date
};

}  // namespace

std::vector<DateExpr> find_dates(std::string_view text, std::optional<CivilDate> published) {
  return DateScanner(text, published).run();
}

}  // namespace factlint::extract
