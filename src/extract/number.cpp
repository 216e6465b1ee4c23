// Number expressions in Korean news text.
//
// The lexical grammar (digit runs, thousands groups, Korean place-value units, unit and prefix
// tables) is written in Boost.Spirit X3 below. The phrase around an amount (약 ... 여 ... unit,
// a range, 가량/안팎) is assembled by Scanner, which calls those parsers one after another: the
// choices there depend on what lies around the phrase (is the unit followed by a particle or by
// another word? did a percentage come earlier in the sentence?), which is clearer as plain code
// than as semantic actions that would have to undo themselves on backtracking.

#include "extract/number.h"

#include <algorithm>
#include <array>
#include <boost/spirit/home/x3.hpp>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <string_view>
#include <system_error>
#include <vector>

#include "extract/scan.h"
#include "text/utf8.h"

namespace factlint::extract {
namespace {

namespace x3 = boost::spirit::x3;
using Kind = NumberUnitKind;

// ---- Characters -----------------------------------------------------------------------------

using namespace scan;

/// Length of the connector at `p` that joins the parts of a code, a time or a dotted date
/// (2024.3.5, 7:30, 1/2, 3-2, 6·25), or 0.
int connector_length(Iter p, Iter end) {
  if (p >= end) return 0;
  switch (*p) {
    case '.':
    case ',':
    case '-':
    case ':':
    case '/':
    case '_':
      return 1;
    default:
      break;
  }
  return end - p >= 2 && p[0] == '\xC2' && p[1] == '\xB7' ? 2 : 0;  // · (6·25, 5·18)
}

/// First syllables of what may follow a unit written after a space without making the unit the
/// start of another word: particles (이 가 을 를 은 는 의 에 도 만 과 와 로 으로 부터 까지 보다
/// 처럼 마다 나 이며 이다 였다 인) and words that qualify a quantity (씩 여 가량 안팎 정도 쯤 께
/// 당 어치 짜리 째 대 밖에 뿐 미만 초과 내외 남짓 간 동안). "3 명이" keeps 명, "3 개혁" does not.
constexpr std::u32string_view kFollowers =
    U"이가을를은는의에도만과와로으부까보처마나며였인라고씩여안정쯤께당어짜째대밖뿐미초내남간동엔";

bool is_follower(char32_t c) { return kFollowers.find(c) != std::u32string_view::npos; }

/// True when the word that ended just before `p` is complete: what follows is not a syllable,
/// or is one that starts a particle.
bool word_ends_at(Iter p, Iter end) {
  const char32_t next = code_point_at(p, end);
  return !is_hangul(next) || is_follower(next);
}

// ---- Units ----------------------------------------------------------------------------------

struct UnitDef {
  const char* written;
  const char* normalized;
  Kind kind;
  bool ordinal = false;
  /// Syllables that, right after the unit, make it the first syllable of another word:
  /// 2위원회 is "two committees", not "second place".
  std::u32string_view not_before = {};
};

// Longest match wins (x3::symbols), so 개월 beats 개 and 퍼센트포인트 beats 퍼센트.
constexpr UnitDef kUnits[] = {
    {"%", "%", Kind::percent},
    {"\xEF\xBC\x85", "%", Kind::percent},  // ％ (fullwidth)
    {"퍼센트", "%", Kind::percent},
    {"프로", "%", Kind::percent, false, U"그젝필세야듀포스모덕"},
    {"%p", "%p", Kind::percent_point},
    {"%P", "%p", Kind::percent_point},
    {"\xEF\xBC\x85p", "%p", Kind::percent_point},
    {"\xEF\xBC\x85P", "%p", Kind::percent_point},
    {"%포인트", "%p", Kind::percent_point},
    {"\xEF\xBC\x85포인트", "%p", Kind::percent_point},
    {"퍼센트포인트", "%p", Kind::percent_point},
    {"퍼센트 포인트", "%p", Kind::percent_point},
    // Becomes %p after a percentage in the same sentence; on its own it is an index point
    // (코스피 20포인트).
    {"포인트", "포인트", Kind::other},
    {"원", "원", Kind::currency},
    {"달러", "달러", Kind::currency},
    {"유로", "유로", Kind::currency},
    {"엔", "엔", Kind::currency},
    {"위안", "위안", Kind::currency},
    {"파운드", "파운드", Kind::currency},
    {"루블", "루블", Kind::currency},
    {"루피", "루피", Kind::currency},
    {"페소", "페소", Kind::currency},
    {"프랑", "프랑", Kind::currency},
    {"헤알", "헤알", Kind::currency},
    {"리라", "리라", Kind::currency},
    {"링깃", "링깃", Kind::currency},
    {"바트", "바트", Kind::currency},
    {"배", "배", Kind::multiplier, false, U"우율터추치"},
    {"명", "명", Kind::count},
    {"개", "개", Kind::count},
    {"개국", "개국", Kind::count},
    {"개사", "개사", Kind::count},
    {"개소", "개소", Kind::count},
    {"곳", "곳", Kind::count},
    {"건", "건", Kind::count},
    {"가구", "가구", Kind::count},
    {"가지", "가지", Kind::count},
    {"마리", "마리", Kind::count},
    {"척", "척", Kind::count},
    {"채", "채", Kind::count},
    {"그루", "그루", Kind::count},
    {"편", "편", Kind::count},
    {"권", "권", Kind::count},
    {"점", "점", Kind::count},
    {"표", "표", Kind::count},
    {"석", "석", Kind::count},
    {"종", "종", Kind::count},
    {"장", "장", Kind::count},
    {"번째", "번째", Kind::ordinal, true},
    {"위", "위", Kind::ordinal, true, U"원"},  // 3위원회 (three committees)
    {"등", "등", Kind::ordinal, true},
    {"등급", "등급", Kind::other},
    {"차", "차", Kind::ordinal, true, U"원량"},  // 3차원, 2차량
    {"차례", "차례", Kind::other},
    {"년", "년", Kind::other},
    {"년대", "년대", Kind::other},
    {"개월", "개월", Kind::other},
    {"월", "월", Kind::other},
    {"일", "일", Kind::other},
    {"주", "주", Kind::other},
    {"주년", "주년", Kind::other},
    {"주일", "주일", Kind::other},
    {"시간", "시간", Kind::other},
    {"시", "시", Kind::other},
    {"분", "분", Kind::other},
    {"분기", "분기", Kind::other},
    {"초", "초", Kind::other},
    {"세", "세", Kind::other, false, U"계"},
    {"살", "살", Kind::other},
    {"세대", "세대", Kind::other},
    {"세기", "세기", Kind::other},
    {"대", "대", Kind::other},
    {"회", "회", Kind::other},
    {"번", "번", Kind::other},
    {"층", "층", Kind::other},
    {"호", "호", Kind::other},
    {"도", "도", Kind::other},
    {"학년", "학년", Kind::other},
    {"기", "기", Kind::other},
    // Reached only when 조 is not a place value: 2조 1항 is article 2, clause 1.
    {"조", "조", Kind::other},
    {"항", "항", Kind::other},
    {"강", "강", Kind::other},
    {"톤", "톤", Kind::other},
    {"킬로미터", "km", Kind::other},
    {"미터", "m", Kind::other},
    {"센티미터", "cm", Kind::other},
    {"밀리미터", "mm", Kind::other},
    {"킬로그램", "kg", Kind::other},
    {"그램", "g", Kind::other},
    {"리터", "L", Kind::other},
    {"배럴", "배럴", Kind::other},
    {"평", "평", Kind::other},
    {"마일", "마일", Kind::other},
    {"피트", "피트", Kind::other},
    {"인치", "인치", Kind::other},
    {"광년", "광년", Kind::other},
    {"헥타르", "ha", Kind::other},
    {"\xE2\x84\x83", "℃", Kind::other},  // ℃
    {"\xC2\xB0"
     "C",
     "℃", Kind::other},                               // °C
    {"\xE2\x84\x89", "℉", Kind::other},               // ℉
    {"\xE3\x8E\x9E", "km", Kind::other},              // ㎞
    {"\xE3\x8E\x8F", "kg", Kind::other},              // ㎏
    {"\xE3\x8E\x9C", "mm", Kind::other},              // ㎜
    {"\xE3\x8E\x9D", "cm", Kind::other},              // ㎝
    {"\xE3\x8E\xA1", "㎡", Kind::other},              // ㎡
    {"\xE3\x8E\xA2", "㎢", Kind::other},              // ㎢
    {"\xE3\x8E\xA5", "㎥", Kind::other},              // ㎥
    {"\xE2\x84\x93", "L", Kind::other},               // ℓ
    {"\xE3\x8E\x96", "mL", Kind::other},              // ㎖
    {"\xE3\x8E\x8D", "㎍", Kind::other},              // ㎍
    {"\xE3\x8E\x8E", "mg", Kind::other},              // ㎎
    {"\xE3\x8E\xBE", "kW", Kind::other},              // ㎾
    {"\xE3\x8E\xBF", "MW", Kind::other},              // ㎿
    {"\xEF\xBD\x8D", "m", Kind::other},               // ｍ (fullwidth)
    {"\xEF\xBD\x8B\xEF\xBD\x8D", "km", Kind::other},  // ｋｍ
    {"\xEF\xBD\x8B\xEF\xBD\x87", "kg", Kind::other},  // ｋｇ
    {"km", "km", Kind::other},
    {"m", "m", Kind::other},
    {"cm", "cm", Kind::other},
    {"mm", "mm", Kind::other},
    {"nm", "nm", Kind::other},
    {"kg", "kg", Kind::other},
    {"g", "g", Kind::other},
    {"mg", "mg", Kind::other},
    {"t", "t", Kind::other},
    {"ha", "ha", Kind::other},
    {"L", "L", Kind::other},
    {"ml", "mL", Kind::other},
    {"mL", "mL", Kind::other},
    {"KB", "KB", Kind::other},
    {"kB", "KB", Kind::other},
    {"MB", "MB", Kind::other},
    {"GB", "GB", Kind::other},
    {"TB", "TB", Kind::other},
    {"PB", "PB", Kind::other},
    {"W", "W", Kind::other},
    {"kW", "kW", Kind::other},
    {"MW", "MW", Kind::other},
    {"GW", "GW", Kind::other},
    {"kWh", "kWh", Kind::other},
    {"MWh", "MWh", Kind::other},
    {"GWh", "GWh", Kind::other},
    {"TWh", "TWh", Kind::other},
    {"V", "V", Kind::other},
    {"kV", "kV", Kind::other},
    {"Hz", "Hz", Kind::other},
    {"kHz", "kHz", Kind::other},
    {"MHz", "MHz", Kind::other},
    {"GHz", "GHz", Kind::other},
    {"ppm", "ppm", Kind::other},
    {"dB", "dB", Kind::other},
    {"mAh", "mAh", Kind::other},
    {"ms", "ms", Kind::other},
};

/// After 제 the word names the thing being numbered (제44대 대통령, 제9조, 제7호 태풍); an
/// unknown word leaves the unit empty (제3세계, 제2함대).
constexpr UnitDef kOrdinalUnits[] = {
    {"대", "대", Kind::ordinal, true}, {"회", "회", Kind::ordinal, true},
    {"차", "차", Kind::ordinal, true}, {"호", "호", Kind::ordinal, true},
    {"조", "조", Kind::ordinal, true}, {"항", "항", Kind::ordinal, true},
    {"절", "절", Kind::ordinal, true}, {"장", "장", Kind::ordinal, true},
    {"편", "편", Kind::ordinal, true}, {"권", "권", Kind::ordinal, true},
    {"기", "기", Kind::ordinal, true}, {"부", "부", Kind::ordinal, true},
    {"관", "관", Kind::ordinal, true}, {"군", "군", Kind::ordinal, true},
    {"단", "단", Kind::ordinal, true}, {"과", "과", Kind::ordinal, true},
    {"당", "당", Kind::ordinal, true}, {"번", "번", Kind::ordinal, true},
    {"위", "위", Kind::ordinal, true}, {"강", "강", Kind::ordinal, true},
    {"국", "국", Kind::ordinal, true}, {"구", "구", Kind::ordinal, true},
    {"선", "선", Kind::ordinal, true}, {"공화국", "공화국", Kind::ordinal, true},
};

/// The longest unit of a table that starts the text, as x3::symbols finds it, through buckets
/// keyed by the first two bytes: the text after a number meets one or two units instead of the
/// walk down a ternary search tree that x3::symbols makes byte by byte.
class UnitTable {
 public:
  template <std::size_t N>
  explicit UnitTable(const UnitDef (&defs)[N]) {
    for (const UnitDef& def : defs) {
      const std::string_view written(def.written);
      if (written.size() == 1) {
        const auto byte = static_cast<unsigned char>(written[0]);
        if (single_byte_[byte] == nullptr) single_byte_[byte] = &def;
      } else {
        buckets_[key(written[0], written[1])].push_back({written, &def});
      }
    }
    // Longest first, so that the first unit that matches is the longest; among units of one
    // length, the one listed first (x3::symbols keeps the first of equal keys).
    for (auto& bucket : buckets_) {
      std::stable_sort(bucket.begin(), bucket.end(), [](const Entry& a, const Entry& b) {
        return a.written.size() > b.written.size();
      });
    }
  }

  /// The unit at `p`, moving `p` past it; nullptr when none starts there.
  const UnitDef* match(Iter& p, Iter end) const {
    if (p == end) return nullptr;
    const std::string_view rest(p, static_cast<std::size_t>(end - p));
    if (rest.size() >= 2) {
      for (const Entry& entry : buckets_[key(rest[0], rest[1])]) {
        // The bucket may hold units of other first bytes, told apart inline.
        if (scan::starts_with(rest, entry.written)) {
          p += entry.written.size();
          return entry.def;
        }
      }
    }
    // One-byte units are the shortest, so they come last.
    const UnitDef* def = single_byte_[static_cast<unsigned char>(rest[0])];
    if (def != nullptr) ++p;
    return def;
  }

 private:
  struct Entry {
    std::string_view written;
    const UnitDef* def;
  };

  static constexpr std::size_t kBuckets = 509;  // a prime, so that the bytes mix

  static std::size_t key(char first, char second) {
    return ((static_cast<unsigned char>(first) << 8) | static_cast<unsigned char>(second)) %
           kBuckets;
  }

  /// Units of two bytes or more.
  std::array<std::vector<Entry>, kBuckets> buckets_;
  std::array<const UnitDef*, 256> single_byte_{};
};

bool is_ascii_unit(const UnitDef& def) { return is_alpha(def.written[0]); }

// ---- Grammar --------------------------------------------------------------------------------

namespace grammar {

const auto digit = x3::char_('0', '9');
const auto space = x3::lit(' ') | x3::lit("\xC2\xA0");  // NBSP is common in pasted drafts
const auto opt_space = -space;

/// Strips thousands separators and converts; fails on absurdly long digit runs.
bool to_double(Iter first, Iter last, char comma_becomes, double& out) {
  char buf[64];
  std::size_t n = 0;
  for (Iter p = first; p != last; ++p) {
    if (n == sizeof buf) return false;
    if (*p == ',') {
      if (comma_becomes != 0) buf[n++] = comma_becomes;
      continue;
    }
    buf[n++] = *p;
  }
  // Up to 15 digits an integer is exact in a double, so summing the digits gives what
  // from_chars would, for a fraction of its work.
  if (n >= 1 && n <= 15 && std::all_of(buf, buf + n, is_digit)) {
    std::uint64_t integer = 0;
    for (std::size_t i = 0; i < n; ++i)
      integer = integer * 10 + static_cast<unsigned>(buf[i] - '0');
    out = static_cast<double>(integer);
    return true;
  }
  const auto [ptr, ec] = std::from_chars(buf, buf + n, out);
  return ec == std::errc() && ptr == buf + n;
}

const auto set_literal = [](auto& ctx) {
  const auto& range = x3::_attr(ctx);
  if (!to_double(range.begin(), range.end(), 0, x3::_val(ctx))) x3::_pass(ctx) = false;
};

/// 7, 1,000, 12,345,678, 88.9: a thousands separator groups exactly three digits.
const auto literal = x3::rule<class literal_tag, double>{"literal"} =
    x3::raw[(x3::repeat(1, 3)[digit] >> +(',' >> x3::repeat(3)[digit]) >> !digit | +digit) >>
            -('.' >> +digit)][set_literal];

const auto set_comma_decimal = [](auto& ctx) {
  const auto& range = x3::_attr(ctx);
  // "20,30%" is a list of two round numbers: nobody writes a decimal with a trailing zero.
  if (range.end()[-1] == '0' && range.end()[-3] == ',') {
    x3::_pass(ctx) = false;
    return;
  }
  if (!to_double(range.begin(), range.end(), '.', x3::_val(ctx))) x3::_pass(ctx) = false;
};

/// Units that measure a quantity with a fraction; before them "88,9" is a decimal written with a
/// comma, while "2,3개" (two or three) and "3,4위" (third and fourth) are lists.
const auto fraction_unit = x3::lit("%") | "\xEF\xBC\x85" | "퍼센트" | "프로" | "포인트" | "배" |
                           "\xE2\x84\x83" | "\xC2\xB0";

const auto comma_decimal = x3::rule<class comma_decimal_tag, double>{"comma_decimal"} =
    x3::raw[x3::repeat(1, 3)[digit] >> ',' >> x3::repeat(1, 2)[digit] >> !digit >>
            !(x3::lit(',') | '.')][set_comma_decimal] >>
    &(opt_space >> fraction_unit);

// Korean place values: 천/백 inside a four-digit group, 만/억/조 between groups.
const x3::symbols<double> small_units({{"천", 1e3}, {"백", 1e2}});
const x3::symbols<double> big_units({{"조", 1e12}, {"억", 1e8}, {"만", 1e4}});

struct Group {
  double value = 0;
  double last_small = 0;  // the smallest 천/백 seen so far; 0 when none
};

struct Amount {
  double value = 0;
  double lead_big = 0;  // the first 만/억/조 multiplier; 0 when none
  double last_big = 0;
  bool place_units = false;  // written with 천/백/만/억/조
};

const auto add_small = [](auto& ctx) {
  Group& group = x3::_val(ctx);
  const double digits = boost::fusion::at_c<0>(x3::_attr(ctx));
  const double unit = boost::fusion::at_c<1>(x3::_attr(ctx));
  // 3천5백: one digit per place, places in decreasing order.
  if (digits >= 10 || (group.last_small != 0 && unit >= group.last_small)) {
    x3::_pass(ctx) = false;
    return;
  }
  group.value += digits * unit;
  group.last_small = unit;
};

const auto add_small_tail = [](auto& ctx) {
  Group& group = x3::_val(ctx);
  const double digits = x3::_attr(ctx);
  if (digits >= group.last_small) {  // 3천500 is fine, 3천5000 is not one number
    x3::_pass(ctx) = false;
    return;
  }
  group.value += digits;
};

const auto set_group = [](auto& ctx) { x3::_val(ctx) = Group{x3::_attr(ctx), 0}; };

/// 3천, 3천5백, 1천500, 7천 6백 60, 2,400, 1.5: the part in front of 만/억/조 (or a whole
/// number).
const auto group = x3::rule<class group_tag, Group>{"group"} =
    (literal >> small_units)[add_small] >> *(opt_space >> (literal >> small_units)[add_small]) >>
        -(opt_space >> literal[add_small_tail]) |
    literal[set_group];

const auto add_big = [](auto& ctx) {
  Amount& amount = x3::_val(ctx);
  const Group& group = boost::fusion::at_c<0>(x3::_attr(ctx));
  const double unit = boost::fusion::at_c<1>(x3::_attr(ctx));
  // 1조2000억: later groups stay below 10000 and units strictly decrease.
  if (amount.last_big != 0 && (unit >= amount.last_big || group.value >= 1e4)) {
    x3::_pass(ctx) = false;
    return;
  }
  amount.value += group.value * unit;
  if (amount.lead_big == 0) amount.lead_big = unit;
  amount.last_big = unit;
  amount.place_units = true;
};

const auto add_big_tail = [](auto& ctx) {
  Amount& amount = x3::_val(ctx);
  const Group& group = x3::_attr(ctx);
  if (group.value >= 1e4) {
    x3::_pass(ctx) = false;
    return;
  }
  amount.value += group.value;
};

/// After a space the tail needs some weight: "27만 2300" is one number, "2조 1항" is not.
const auto add_big_spaced_tail = [](auto& ctx) {
  const Group& group = x3::_attr(ctx);
  if (group.value < 10 && group.last_small == 0) {
    x3::_pass(ctx) = false;
    return;
  }
  add_big_tail(ctx);
};

const auto set_amount = [](auto& ctx) {
  const Group& group = x3::_attr(ctx);
  x3::_val(ctx) = Amount{group.value, 0, 0, group.last_small != 0};
};

/// A trailing group must not be the start of a date or time: "5억 3월" is two numbers.
const auto calendar_unit = x3::lit("년") | "월" | "일" | "시" | "분" | "초";

/// In a law reference 조 is an article: 2조 1항, 9조의2.
const auto law_reference = opt_space >> +digit >> "항" | "의" >> digit;
const auto big_part = group >> big_units >> !law_reference;

/// 1조2000억, 1조 2000억, 3만5천, 1억1천만, 27만 2300, 5천만, 300, 1.5.
const auto amount = x3::rule<class amount_tag, Amount>{"amount"} =
    big_part[add_big] >> *(opt_space >> big_part[add_big]) >>
        -((group >> !calendar_unit)[add_big_tail] |
          (space >> group >> !calendar_unit)[add_big_spaced_tail]) |
    group[set_amount];

const auto approx_prefix = (x3::lit("약") | "대략") >> opt_space;
const auto approx_suffix = x3::lit("가량") | "안팎" | "정도" | "쯤" | "내외" | "남짓" | "전후";

/// The value says whether the separator is a hyphen, which also joins scores (3-2) and codes.
const x3::symbols<bool> range_separators({{"~", false},
                                          {"\xE2\x88\xBC", false},  // ∼
                                          {"\xEF\xBD\x9E", false},  // ～
                                          {"\xE3\x80\x9C", false},  // 〜
                                          {"-", true},
                                          {"\xE2\x80\x93", true}});  // –
const auto range_separator = opt_space >> range_separators >> opt_space;

const x3::symbols<const char*> currency_prefixes({{"US$", "달러"},
                                                  {"$", "달러"},
                                                  {"\xE2\x82\xAC", "유로"},  // €
                                                  {"\xC2\xA3", "파운드"},    // £
                                                  {"\xE2\x82\xA9", "원"},    // ₩
                                                  {"\xEF\xBF\xA6", "원"}});  // ￦
const x3::symbols<double> scale_words({{"thousand", 1e3},
                                       {"million", 1e6},
                                       {"Million", 1e6},
                                       {"mn", 1e6},
                                       {"billion", 1e9},
                                       {"Billion", 1e9},
                                       {"bn", 1e9},
                                       {"trillion", 1e12},
                                       {"Trillion", 1e12}});
const auto scale = opt_space >> scale_words >> !x3::alpha;

}  // namespace grammar

// ---- Scanning -------------------------------------------------------------------------------

/// The most bytes parse_expression reads before the first digit of an expression: "대략" (6),
/// a no-break space (2), "US$" (3) and another no-break space (2). "제" and the other currency
/// signs are shorter. Every expression has digits, and none in its prefix, so a prefix that
/// starts further than this before the next digit cannot start an expression.
constexpr std::ptrdiff_t kMaxPrefixBytes = 13;

/// The first bytes of the prefixes in Scanner::prefix_at: most bytes before a digit are turned
/// away by one look-up.
constexpr std::array<bool, 256> kPrefixLeadBytes = [] {
  std::array<bool, 256> table{};
  for (unsigned char c : {'$', 'U'}) table[c] = true;
  for (unsigned char c : {0xC2, 0xE2, 0xEB, 0xEC, 0xEF}) table[c] = true;
  return table;
}();

/// The first bytes of grammar::range_separators (~ - ∼ – ～ 〜).
constexpr std::array<bool, 256> kRangeLeadBytes = [] {
  std::array<bool, 256> table{};
  for (unsigned char c : {'~', '-'}) table[c] = true;
  for (unsigned char c : {0xE2, 0xE3, 0xEF}) table[c] = true;
  return table;
}();

/// The words of grammar::approx_suffix, whose first syllables tell at once that none follows.
constexpr std::string_view kApproxSuffixes[] = {"가량", "안팎", "정도", "쯤",
                                                "내외", "남짓", "전후"};
constexpr FirstSyllables kApproxSuffixStarts(kApproxSuffixes);

// ---- Phrases --------------------------------------------------------------------------------

/// How the digits of one side of a range are read.
enum class Mode {
  plain,    // amount, 여, unit
  ordinal,  // after 제: digits only (제9조 is article 9, not 9 trillion), then the thing counted
  currency,  // after $/€: amount and an English scale word, no unit
};

/// One side of a range, or the whole number when there is no range.
struct Side {
  grammar::Amount amount;
  bool comma_decimal = false;
  bool approximate = false;  // 여
  const UnitDef* unit = nullptr;
  Iter digits_end = nullptr;
};

class Scanner {
 public:
  explicit Scanner(std::string_view text) : begin_(text.data()), end_(text.data() + text.size()) {}

  /// Jumps from digit to digit: every expression has one, so the text between two of them only
  /// matters for a prefix (약, 제, $ ...) right before the next digit, and for the sentence ends
  /// that the 포인트 rule looks for, which percent_in_sentence() finds when it is asked.
  template <class Sink>
  void run(Sink sink) {
    Iter p = begin_;  // everything before p has been scanned
    while (p < end_) {
      const Iter digit = begin_ + utf8::find_digit(text(), static_cast<std::size_t>(p - begin_));
      if (digit == end_) break;
      Number number;
      Iter next = digit;
      // The prefixes before the digit, in text order, as a byte-by-byte scan would try them. A
      // failed prefix consumes nothing, and one inside a word is refused by may_start_prefix.
      bool parsed = false;
      if (after_prefix(digit)) {
        for (Iter s = std::max(p, digit - kMaxPrefixBytes); s < digit && !parsed; ++s) {
          parsed = may_start_prefix(s) && parse_expression(s, number, next);
        }
      }
      if (!parsed) parsed = !inside_name(digit) && parse_expression(digit, number, next);
      if (parsed) {
        if (number.kind == Kind::percent || number.kind == Kind::percent_point) {
          last_percent_end_ = next;
        }
        sink(std::move(number));
        p = next;
      } else {
        // Never restart inside a digit run that failed: "A380" must not yield 80 or 0.
        p = skip_token(digit);
      }
    }
  }

 private:
  bool ends_sentence(Iter p) const {
    if (*p == '\n') return true;
    if (*p != '.' && *p != '?' && *p != '!') return false;
    return p + 1 == end_ || p[1] == ' ' || p[1] == '\n' || p[1] == '\r';
  }

  /// Word start (not inside a Hangul word or a Latin token) where 약, 제 or a currency sign may
  /// begin an expression.
  bool may_start_prefix(Iter p) const {
    if (!prefix_at(p)) return false;
    if (p > begin_ && is_alnum(p[-1])) return false;
    return !hangul_before(begin_, p);
  }

  /// Whether one of the words parse_expression reads before the digits starts at `p`: 약,
  /// 대략, 제 or a currency sign. Anywhere else an expression must start with a digit.
  bool prefix_at(Iter p) const {
    if (!kPrefixLeadBytes[static_cast<unsigned char>(*p)]) return false;
    const std::string_view rest(p, static_cast<std::size_t>(end_ - p));
    switch (static_cast<unsigned char>(*p)) {
      case '$':
        return true;
      case 'U':
        return rest.starts_with("US$");
      case 0xC2:
        return rest.starts_with("\xC2\xA3");  // £
      case 0xE2:
        return rest.starts_with("\xE2\x82\xAC") || rest.starts_with("\xE2\x82\xA9");  // € ₩
      case 0xEB:
        return rest.starts_with("대략");
      case 0xEC:
        return rest.starts_with("약") || rest.starts_with("제");
      case 0xEF:
        return rest.starts_with("\xEF\xBF\xA6");  // ￦
      default:
        return false;
    }
  }

  /// Digits glued to a name or code: A380, IE9, GPT-4, COVID-19, 코로나-19, the 25 of 6·25.
  bool inside_name(Iter p) const {
    if (p == begin_) return false;
    const char before = p[-1];
    if (is_alnum(before) || before == '_') return true;
    if (before == '-' && p - 1 > begin_) {
      return is_alpha(p[-2]) || hangul_before(begin_, p - 1);
    }
    if (before == '.' && p - 1 > begin_) return is_digit(p[-2]);
    if (p - begin_ >= 3 && p[-2] == '\xC2' && before == '\xB7') return is_digit(p[-3]);
    return false;
  }

  /// The end of the token that starts at `p`: letters, digits and the connectors between them.
  Iter skip_token(Iter p) const {
    while (p < end_) {
      if (is_alnum(*p)) {
        ++p;
      } else if (const int n = connector_length(p, end_); n > 0 && p + n < end_ && is_alnum(p[n])) {
        p += n + 1;
      } else {
        break;
      }
    }
    return p;
  }

  const UnitDef* parse_unit(Iter& p, Mode mode) const {
    static const UnitTable units(kUnits);
    static const UnitTable ordinal_units(kOrdinalUnits);
    Iter q = p;
    const bool spaced = x3::parse(q, end_, grammar::space);
    const UnitDef* def = (mode == Mode::ordinal ? ordinal_units : units).match(q, end_);
    if (def == nullptr) return nullptr;
    const char32_t next = code_point_at(q, end_);
    if (next != 0 && def->not_before.find(next) != std::u32string_view::npos) return nullptr;
    if (is_ascii_unit(*def) && q < end_ && is_alnum(*q)) return nullptr;  // 5Gbps, 3MWp
    // Korean spacing puts a counter after a space (300만 원); then it must end the word.
    if (spaced && !word_ends_at(q, end_)) return nullptr;
    if (mode == Mode::ordinal && !word_ends_at(q, end_)) return nullptr;
    p = q;
    return def;
  }

  bool unit_starts_at(Iter p) const {
    Iter q = p;
    return parse_unit(q, Mode::plain) != nullptr;
  }

  /// A comma decimal needs a clean left edge: in "1,2,3%" the "2,3" is part of a list.
  bool comma_decimal_allowed(Iter p) const { return p == begin_ || (p[-1] != ',' && p[-1] != '.'); }

  /// How read_plain_literal went.
  enum class Plain { not_plain, parsed, failed };

  /// grammar::literal read by hand in the usual case, digits and maybe a decimal part with no
  /// comma after the digits (a comma may begin a thousands group or a comma decimal, which are
  /// left to the grammar). With `alone`, also requires that no place value (천 백 만 억 조)
  /// follows, so that the literal is the whole of grammar::amount. Same value and end as the
  /// grammar; `not_plain` when the case does not apply, `failed` when the grammar would fail.
  Plain read_plain_literal(Iter& p, bool alone, double& value) const {
    Iter q = p;
    while (q < end_ && is_digit(*q)) ++q;
    if (q < end_ && *q == ',') return Plain::not_plain;
    if (end_ - q >= 2 && *q == '.' && is_digit(q[1])) {
      q += 2;
      while (q < end_ && is_digit(*q)) ++q;
    }
    if (alone && place_value_at(q)) return Plain::not_plain;
    if (const std::ptrdiff_t n = q - p; n >= 1 && n <= 15 && std::all_of(p, q, is_digit)) {
      // What to_double gives for up to 15 digits, without copying them first.
      std::uint64_t integer = 0;
      for (Iter d = p; d != q; ++d) integer = integer * 10 + static_cast<unsigned>(*d - '0');
      value = static_cast<double>(integer);
    } else if (!grammar::to_double(p, q, 0, value)) {
      return Plain::failed;
    }
    p = q;
    return Plain::parsed;
  }

  bool place_value_at(Iter q) const {
    static constexpr std::string_view kPlaceValues[] = {"천", "백", "만", "억", "조"};
    static constexpr FirstSyllables kPlaceValueSyllables(kPlaceValues);
    return kPlaceValueSyllables.starts({q, static_cast<std::size_t>(end_ - q)});
  }

  bool parse_side(Iter& p, Mode mode, Side& side) const {
    Iter q = p;
    double value = 0;
    // Most numbers are plain digits: read them without the backtracking grammar.
    if (const Plain plain = read_plain_literal(q, mode != Mode::ordinal, value);
        plain == Plain::failed) {
      return false;
    } else if (plain == Plain::parsed) {
      side.amount = grammar::Amount{value, 0, 0, false};
    } else if (mode == Mode::ordinal) {
      if (!x3::parse(q, end_, grammar::literal, value)) return false;
      side.amount.value = value;
    } else if (Iter c = q;
               comma_decimal_allowed(q) && x3::parse(c, end_, grammar::comma_decimal, value)) {
      side.amount.value = value;
      side.comma_decimal = true;
      q = c;
    } else if (!x3::parse(q, end_, grammar::amount, side.amount)) {
      return false;
    }
    side.digits_end = q;
    if (mode == Mode::currency) {
      double factor = 0;
      if (Iter s = q; x3::parse(s, end_, grammar::scale, factor)) {
        side.amount.value *= factor;
        q = s;
      }
      p = q;
      return true;
    }
    // 10여 명, 30여개국, 10만여: 여 after the digits means "and some".
    if (Iter y = q; mode == Mode::plain && x3::parse(y, end_, x3::lit("여")) &&
                    (word_ends_at(y, end_) || unit_starts_at(y))) {
      side.approximate = true;
      q = y;
    }
    side.unit = parse_unit(q, mode);
    // 1년여, 3개월여: 여 after the unit.
    if (Iter y = q; side.unit != nullptr && !side.approximate &&
                    x3::parse(y, end_, x3::lit("여")) && word_ends_at(y, end_)) {
      side.approximate = true;
      q = y;
    }
    p = q;
    return true;
  }

  /// Applies "1~2만 명" = 1만~2만 and checks that the two sides can form a range.
  static bool join_range(Side& first, const Side& second, bool hyphen, Mode mode) {
    if (first.unit != nullptr) {
      if (second.unit == nullptr) return false;
      if (std::string_view(first.unit->normalized) != second.unit->normalized) return false;
    }
    // A bare hyphen joins scores (3-2), seasons (2023-2024) and codes; only a unit makes it a
    // range.
    if (hyphen && second.unit == nullptr && mode != Mode::currency) return false;
    double low = first.amount.value;
    if (first.amount.lead_big == 0 && second.amount.lead_big != 0 &&
        low * second.amount.lead_big <= second.amount.value) {
      low *= second.amount.lead_big;
    }
    if (hyphen && !(second.amount.value > low)) return false;
    first.amount.value = low;
    return true;
  }

  /// Tries one expression starting at `start`; on success fills `out` and sets `next`.
  bool parse_expression(Iter start, Number& out, Iter& next) const {
    Iter p = start;
    bool approximate = false;
    Mode mode = Mode::plain;
    const char* currency = nullptr;
    if (!is_digit(*p)) {
      if (Iter q = p; x3::parse(q, end_, grammar::approx_prefix)) {
        approximate = true;
        p = q;
      }
      if (Iter q = p;
          x3::parse(q, end_, x3::lit("제") >> grammar::opt_space) && q < end_ && is_digit(*q)) {
        mode = Mode::ordinal;
        p = q;
      } else if (Iter c = p;
                 x3::parse(c, end_, grammar::currency_prefixes >> grammar::opt_space, currency)) {
        mode = Mode::currency;
        p = c;
      }
      if (p == end_ || !is_digit(*p)) return false;
    }

    Side first;
    if (!parse_side(p, mode, first)) return false;
    Side second;
    bool has_range = false;
    bool hyphen = false;
    // The byte tests say when grammar::range_separator and grammar::approx_suffix cannot
    // match, which is the usual case.
    const Iter after_space = skip_space(p);
    if (Iter q = p;
        after_space < end_ && kRangeLeadBytes[static_cast<unsigned char>(*after_space)] &&
        x3::parse(q, end_, grammar::range_separator, hyphen) && q < end_ && is_digit(*q) &&
        parse_side(q, mode, second) && join_range(first, second, hyphen, mode)) {
      has_range = true;
      p = q;
    }
    const Side& last = has_range ? second : first;
    const UnitDef* unit = last.unit;

    if (Iter q = p; kApproxSuffixStarts.starts(rest_at(skip_space(p))) &&
                    x3::parse(q, end_, grammar::opt_space >> grammar::approx_suffix) &&
                    word_ends_at(q, end_)) {
      approximate = true;
      p = q;
    }

    if (p == last.digits_end && p < end_) {
      // Bare digits followed by a letter or by a connector and more digits are part of a
      // token: 5G, 3D, 2024.3.5, 7:30, 1/2, 3-2, 010-1234-5678.
      if (is_alpha(*p)) return false;
      if (const int n = connector_length(p, end_);
          n > 0 && *p != ',' && p + n < end_ && is_alnum(p[n])) {
        return false;
      }
    }
    // A bare number glued to a Hangul word is part of a name: 코로나19, 아이폰15.
    if (start > begin_ && is_digit(*start) && hangul_before(begin_, start) && unit == nullptr &&
        !approximate && !first.approximate && !has_range && !first.amount.place_units &&
        !first.comma_decimal) {
      return false;
    }

    out = Number{};
    out.begin = static_cast<std::size_t>(start - begin_);
    out.end = static_cast<std::size_t>(p - begin_);
    out.value = first.amount.value;
    if (has_range) out.range_end = second.amount.value;
    out.approximate = approximate || first.approximate || second.approximate;
    out.comma_decimal = first.comma_decimal || second.comma_decimal;
    if (currency != nullptr) {
      out.unit = currency;
      out.kind = Kind::currency;
    } else if (unit != nullptr) {
      out.unit = unit->normalized;
      out.kind = unit->kind;
      out.ordinal = unit->ordinal;
      if (out.unit == "포인트" && percent_in_sentence(start)) {
        out.unit = "%p";
        out.kind = Kind::percent_point;
      }
    }
    if (mode == Mode::ordinal) {
      out.ordinal = true;
      out.kind = Kind::ordinal;
    }
    next = p;
    return true;
  }

  /// A necessary condition for an expression with a prefix to have its digits at `digit`: what
  /// ends right before them (and one space) is the last byte of 약, 대략, 제 or a currency sign.
  bool after_prefix(Iter digit) const {
    Iter e = digit;
    if (e > begin_ && e[-1] == ' ') {
      --e;
    } else if (e - begin_ >= 2 && e[-2] == '\xC2' && e[-1] == '\xA0') {
      e -= 2;
    }
    if (e == begin_) return false;
    switch (static_cast<unsigned char>(e[-1])) {
      case '$':   // $, US$
      case 0xA3:  // £ C2 A3
      case 0xAC:  // € E2 82 AC
      case 0xA9:  // ₩ E2 82 A9
      case 0xA6:  // ￦ EF BF A6
      case 0x9C:  // 제 EC A0 9C
      case 0xBD:  // 약 EC 95 BD
      case 0xB5:  // 략 EB 9E B5
        return true;
      default:
        return false;
    }
  }

  /// `p` after one space or no-break space (grammar::opt_space), if there is one.
  Iter skip_space(Iter p) const {
    if (p < end_ && *p == ' ') return p + 1;
    if (end_ - p >= 2 && p[0] == '\xC2' && p[1] == '\xA0') return p + 2;
    return p;
  }

  std::string_view rest_at(Iter p) const {
    return std::string_view(p, static_cast<std::size_t>(end_ - p));
  }

  std::string_view text() const {
    return std::string_view(begin_, static_cast<std::size_t>(end_ - begin_));
  }

  /// Whether a percentage came earlier in the sentence that `p` is in: one was read and no
  /// sentence ends between its end and `p`. Expressions and the tokens run() skips hold no
  /// sentence end, so looking at every byte in between is what a byte-by-byte scan would see.
  /// The part found free of sentence ends is not looked at again, which keeps this linear.
  bool percent_in_sentence(Iter p) const {
    if (last_percent_end_ == nullptr) return false;
    for (Iter q = last_percent_end_; q < p; ++q) {
      if (ends_sentence(q)) {
        last_percent_end_ = nullptr;
        return false;
      }
    }
    last_percent_end_ = p;
    return true;
  }

  Iter begin_;
  Iter end_;
  /// The end of the last percentage read, or null when there is none or a sentence ended since.
  mutable Iter last_percent_end_ = nullptr;
};

}  // namespace

std::vector<Number> find_numbers(std::string_view text) {
  std::vector<Number> out;
  Scanner(text).run([&](Number&& n) { out.push_back(std::move(n)); });
  return out;
}

void find_numbers(std::string_view text, NumberSink sink, void* context) {
  Scanner(text).run([&](Number&& n) { sink(context, std::move(n)); });
}

std::optional<Number> parse_number(std::string_view text) {
  const std::size_t first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return std::nullopt;
  const std::size_t last = text.find_last_not_of(" \t\r\n") + 1;
  std::vector<Number> numbers = find_numbers(text);
  if (numbers.size() != 1 || numbers[0].begin != first || numbers[0].end != last) {
    return std::nullopt;
  }
  return std::move(numbers[0]);
}

}  // namespace factlint::extract
