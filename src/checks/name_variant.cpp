// consistency/name-variant: one name written two ways in the same article, with and without an
// inner space (오픈 AI / 오픈AI) or with different Latin capitals (OpenAI / Openai).
//
// Every candidate, a single eojeol or two adjacent eojeol, gets a key: its text without the
// trailing particle, spaces removed and Latin case-folded. Two spellings with the same key are
// variants of one name. Ordinary Korean compounds are written both spaced and joined all the
// time (한글 맞춤법 제49·50항 allows both for proper and technical nouns), so the check fires
// only where a spelling is clearly a name; see docs/checks/consistency/name-variant.md for the
// exact rule. The spelling the article uses most is taken as intended and every other one is
// reported.

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <bit>
#include <bitset>
#include <cstdint>
#include <cstring>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "checks/all_checks.h"
#include "text/document.h"
#include "text/particles.h"
#include "text/utf8.h"

#if defined(__SSE2__) && defined(__x86_64__)
#include <emmintrin.h>
#endif

namespace factlint {
namespace {

constexpr RuleInfo kRule{
    "consistency/name-variant", Severity::warning,
    Message{"the same name written two ways (오픈 AI / 오픈AI, OpenAI / Openai)",
            "같은 이름을 띄어쓰기나 대소문자를 달리해 두 가지로 씀 (오픈 AI / 오픈AI)"},
    true};

bool is_latin(char32_t cp) { return (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z'); }

bool is_name_char(char32_t cp) {
  return utf8::is_hangul_syllable(cp) || is_latin(cp) || utf8::is_digit(cp);
}

/// Characters that join the parts of one name: GPT-4, C.C, AT&T, O'Neil.
bool is_connector(char32_t cp) { return cp == '-' || cp == '.' || cp == '&' || cp == '\''; }

/// Syllables that Korean spells only in transliterated foreign words: 으 after a consonant
/// that 외래어 표기법 (제3장) uses to write a final or clustered consonant, as in 마인드, 러브,
/// 디부아르, 프랑스. Native and Sino-Korean nouns almost never contain them, so a Hangul name
/// with one is a transliteration, not a compound of common nouns.
constexpr bool is_transliteration_syllable(char32_t cp) {
  if (cp < 0xAC00 || cp > 0xD7A3) return false;
  // A syllable is (initial * 21 + vowel) * 28 + final from 0xAC00, so "ㅡ (vowel 18) with no
  // final" is one remainder modulo 21 * 28 = 588, and the initial is the quotient.
  const char32_t index = cp - 0xAC00;
  constexpr char32_t kEuNoFinal = 18 * 28;
  if (index % 588 != kEuNoFinal) return false;
  // ㄷ ㄹ ㅂ ㅅ ㅈ ㅊ ㅋ ㅌ ㅍ: initials 3, 5, 7, 9, 12, 14, 15, 16, 17 of the table.
  constexpr std::uint32_t kInitials = (1u << 3) | (1u << 5) | (1u << 7) | (1u << 9) | (1u << 12) |
                                      (1u << 14) | (1u << 15) | (1u << 16) | (1u << 17);
  return ((kInitials >> (index / 588)) & 1u) != 0;
}

struct Scan {
  std::size_t latin = 0;
  std::size_t hangul = 0;
  std::size_t other = 0;  ///< Digits and connectors.
  bool transliteration = false;
};

/// True when the character at `p[0]`, whose lead byte is 0xEA..0xED and which has its three
/// bytes, is a Hangul syllable (U+AC00 = EA B0 80 .. U+D7A3 = ED 9E A3), told from its bytes.
bool hangul_syllable_bytes(const unsigned char* p) {
  switch (p[0]) {
    case 0xEA:
      return p[1] >= 0xB0;
    case 0xED:
      return p[1] < 0x9E || (p[1] == 0x9E && p[2] <= 0xA3);
    default:
      return true;  // EB, EC.
  }
}

/// True for the lead byte of a character of U+A000..U+DFFF, the range that holds the Hangul
/// syllables (U+AC00..U+D7A3); valid UTF-8 has all three bytes.
bool leads_hangul_block(unsigned char lead) { return lead >= 0xEA && lead <= 0xED; }

bool transliteration_at(std::string_view text, std::size_t i);

/// The length of the character at text[i] as utf8::decode steps over it, and whether it is a
/// name character (is_name_char), told from its bytes.
[[gnu::always_inline]] inline std::size_t name_char_at(std::string_view text, std::size_t i,
                                                       bool& name) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data()) + i;
  const unsigned char b = p[0];
  if (b < 0x80) {
    name = is_latin(b) || utf8::is_digit(b);
    return 1;
  }
  std::size_t length = utf8::sequence_length(b);
  if (i + length > text.size()) length = 1;  // As utf8::decode does.
  name = length == 3 && leads_hangul_block(b) && hangul_syllable_bytes(p);
  return length;
}

Scan scan(std::string_view s) {
  Scan r;
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  for (std::size_t i = 0; i < s.size();) {
    bool name = false;
    const std::size_t length = name_char_at(s, i, name);
    if (is_latin(p[i])) {
      ++r.latin;
    } else if (name && length == 3) {
      ++r.hangul;
      r.transliteration = r.transliteration || transliteration_at(s, i);
    } else if (p[i] != ' ') {
      ++r.other;
    }
    i += length;
  }
  return r;
}

/// An eojeol as a possible part of a name.
struct Word {
  Span span;                ///< The whole eojeol.
  Span stem;                ///< The name part: leading punctuation and a particle removed.
  bool bare_start = false;  ///< Nothing before the stem ("AI가", not "(AI가").
  bool bare_end = false;    ///< Nothing after the stem ("오픈", not "오픈," or "오픈의").
};

Word analyse(std::string_view text, Span span) {
  Word w{span, {span.end, span.end}, false, false};
  std::size_t i = span.begin;
  bool name = false;
  while (i < span.end) {
    const std::size_t length = name_char_at(text, i, name);
    if (name) break;
    i += length;
  }
  if (i == span.end) return w;
  const std::size_t begin = i;
  std::size_t end = i;
  while (end < span.end) {
    const std::size_t next = end + name_char_at(text, end, name);
    if (!name) {
      // Connectors are ASCII.
      if (!is_connector(static_cast<unsigned char>(text[end])) || end == begin ||
          next >= span.end) {
        break;
      }
      bool name_after = false;
      name_char_at(text, next, name_after);
      if (!name_after) break;
    }
    end = next;
  }
  std::size_t stem_end = end;
  if (end == span.end) {
    stem_end = begin + particles::stem_length(text.substr(begin, end - begin));
  }
  w.stem = {begin, stem_end};
  w.bare_start = begin == span.begin;
  w.bare_end = stem_end == span.end;
  return w;
}

/// A word of lowercase Latin letters only is an English word ("us", "it", "the") or part of an
/// address far more often than a name, and "us" next to "US" is not a misspelt name.
bool is_lowercase_word(std::string_view s) {
  for (char c : s) {
    if (c < 'a' || c > 'z') return false;
  }
  return true;
}

bool has_latin(std::string_view s) {
  return std::any_of(s.begin(), s.end(),
                     [](char c) { return is_latin(static_cast<unsigned char>(c)); });
}

/// Appends the comparison key of `s` to `key`: spaces removed, Latin lowercased. A stem holds
/// no space, but the key is defined without them.
void append_folded(std::string& key, std::string_view s) {
  const std::size_t from = key.size();
  key.resize(from + s.size());
  char* out = key.data() + from;
  for (const char c : s) {
    if (c == ' ') continue;
    *out++ = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  }
  key.resize(static_cast<std::size_t>(out - key.data()));
}

/// A hash of a key for Candidates: eight bytes at a time, each step a multiply that mixes the
/// bits up into the high half and a shift that brings them back down to the low bits the table
/// uses. Much cheaper than std::hash for the short keys of names.
std::size_t hash_key(std::string_view key) {
  constexpr std::uint64_t kMultiplier = 0x9E3779B97F4A7C15;  // 2^64 / golden ratio, odd.
  std::uint64_t h = key.size() * kMultiplier;
  auto mix = [&](std::uint64_t chunk) {
    h = (h ^ chunk) * kMultiplier;
    h ^= h >> 29;
  };
  std::size_t i = 0;
  for (; i + 8 <= key.size(); i += 8) {
    std::uint64_t chunk;
    std::memcpy(&chunk, key.data() + i, 8);
    mix(chunk);
  }
  if (i < key.size()) {
    std::uint64_t chunk = 0;
    std::memcpy(&chunk, key.data() + i, key.size() - i);
    mix(chunk);
  }
  return static_cast<std::size_t>(h ^ (h >> 32));
}

/// One occurrence of a candidate name: a single eojeol's stem, or the stems of two adjacent
/// eojeol written with a space between them.
struct Occurrence {
  Span first;
  Span second;  ///< Empty for a single eojeol.
  bool spaced() const { return !second.empty(); }
  Span span() const { return {first.begin, spaced() ? second.end : first.end}; }
};

/// A capital on the first letter only is how a Latin word starts a title or a sentence
/// ("The" / "the"), not a second spelling, so the first letter is compared without case.
bool same_part(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  if (a.empty()) return true;
  auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
  return lower(a[0]) == lower(b[0]) && a.substr(1) == b.substr(1);
}

bool same_spelling(const Document& doc, const Occurrence& a, const Occurrence& b) {
  if (a.spaced() != b.spaced()) return false;
  if (!same_part(doc.slice(a.first), doc.slice(b.first))) return false;
  return !a.spaced() || doc.slice(a.second) == doc.slice(b.second);
}

/// The spelling as shown in messages and written by the fix: parts joined by one space.
std::string spelling(const Document& doc, const Occurrence& o) {
  if (!o.spaced()) return std::string(doc.slice(o.first));
  return fmt::format("{} {}", doc.slice(o.first), doc.slice(o.second));
}

/// What analysing an eojeol found.
struct Analysis {
  Span span;  ///< The eojeol.
  Word word;
  Scan scan;  ///< Of the stem.
};

/// The transliteration syllables (see is_transliteration_syllable) by the last byte of their
/// UTF-8 form, which is different for each of the nine: the two bytes before it, or 0. This
/// tells one from its bytes without decoding it.
constexpr std::array<std::uint16_t, 64> kTransliterationByLastByte = [] {
  std::array<std::uint16_t, 64> table{};
  for (char32_t initial : {3, 5, 7, 9, 12, 14, 15, 16, 17}) {
    const char32_t cp = 0xAC00 + initial * 588 + 18 * 28;  // The initial with ㅡ, no final.
    const auto first_two =
        static_cast<std::uint16_t>(((0xE0 | (cp >> 12)) << 8) | (0x80 | ((cp >> 6) & 0x3F)));
    std::uint16_t& slot = table[cp & 0x3F];
    if (slot != 0) throw "two transliteration syllables share a last byte";
    slot = first_two;
  }
  return table;
}();

/// transliteration_at, which reads the table, agrees with is_transliteration_syllable on every
/// syllable.
constexpr bool transliteration_table_is_right() {
  for (char32_t cp = 0xAC00; cp <= 0xD7A3; ++cp) {
    const std::uint16_t first_two =
        static_cast<std::uint16_t>(((0xE0 | (cp >> 12)) << 8) | (0x80 | ((cp >> 6) & 0x3F)));
    const bool by_bytes = kTransliterationByLastByte[cp & 0x3F] == first_two;
    if (by_bytes != is_transliteration_syllable(cp)) return false;
  }
  return true;
}
static_assert(transliteration_table_is_right());

/// The last bytes of the transliteration syllables, as bits of their low six bits: a cheap
/// first test that rejects most syllables.
constexpr std::uint64_t kTransliterationLastBytes = [] {
  std::uint64_t bits = 0;
  for (std::size_t b = 0; b < kTransliterationByLastByte.size(); ++b) {
    if (kTransliterationByLastByte[b] != 0) bits |= std::uint64_t{1} << b;
  }
  return bits;
}();

/// True when the three bytes at `text[i]` (a character of the Hangul block) are a
/// transliteration syllable.
bool transliteration_at(std::string_view text, std::size_t i) {
  const unsigned last = static_cast<unsigned char>(text[i + 2]) & 0x3F;
  if (((kTransliterationLastBytes >> last) & 1) == 0) return false;
  const auto b0 = static_cast<unsigned char>(text[i]);
  const auto b1 = static_cast<unsigned char>(text[i + 1]);
  return kTransliterationByLastByte[last] == ((b0 << 8) | b1);
}

bool is_latin_byte(unsigned char b) { return static_cast<unsigned char>((b | 0x20) - 'a') < 26; }

#if defined(__SSE2__) && defined(__x86_64__)
/// Lanes equal to any of `kValues` (a fold, so the compares are unrolled at -O2 too).
template <unsigned char... kValues>
__m128i equal_any(__m128i v) {
  __m128i hits = _mm_setzero_si128();
  ((hits = _mm_or_si128(hits, _mm_cmpeq_epi8(v, _mm_set1_epi8(static_cast<char>(kValues))))), ...);
  return hits;
}

/// The second bytes of the transliteration syllables (lead bytes EB..ED; see
/// kTransliterationByLastByte): a vector test that keeps about one syllable in twenty for
/// transliteration_at to decide.
__m128i transliteration_second_byte(__m128i second) {
  return equal_any<0x81, 0x8A, 0x93, 0x94, 0xA5, 0xA6, 0xB8>(second);
}

constexpr bool second_bytes_are_complete() {
  for (const std::uint16_t first_two : kTransliterationByLastByte) {
    if (first_two == 0) continue;
    switch (first_two & 0xFF) {
      case 0x81:
      case 0x8A:
      case 0x93:
      case 0x94:
      case 0xA5:
      case 0xA6:
      case 0xB8:
        break;
      default:
        return false;
    }
  }
  return true;
}
static_assert(second_bytes_are_complete(), "transliteration_second_byte misses a syllable");
#endif

/// The first Latin letter in text[from, end), or with `kTransliterations` the first Latin letter
/// or transliteration syllable; `end` when there is none. These are the only characters that
/// make an eojeol interesting (see collect_line), and most eojeol have neither, so lines are
/// searched for them sixteen bytes at a time instead of being split into eojeol.
template <bool kTransliterations>
std::size_t find_trigger(std::string_view text, std::size_t from, std::size_t end) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  std::size_t i = from;
#if defined(__SSE2__) && defined(__x86_64__)
  // Seventeen bytes readable: lane k also sees the second byte of a character starting at k.
  for (; i + 17 <= end; i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
    // (b | 0x20) - 'a' is 0..25 exactly for the Latin letters, as unsigned bytes.
    const __m128i letter = _mm_sub_epi8(_mm_or_si128(v, _mm_set1_epi8(0x20)), _mm_set1_epi8('a'));
    __m128i hits = _mm_cmpeq_epi8(_mm_min_epu8(letter, _mm_set1_epi8(25)), letter);
    if constexpr (kTransliterations) {
      // Lead bytes EB..ED (-21..-19 as signed bytes) hold all nine syllables.
      const __m128i lead = _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8(-22)),
                                         _mm_cmplt_epi8(v, _mm_set1_epi8(-18)));
      const __m128i second = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i + 1));
      hits = _mm_or_si128(hits, _mm_and_si128(lead, transliteration_second_byte(second)));
    }
    for (auto bits = static_cast<unsigned>(_mm_movemask_epi8(hits)); bits != 0; bits &= bits - 1) {
      const std::size_t at = i + static_cast<std::size_t>(std::countr_zero(bits));
      if (is_latin_byte(p[at]) || transliteration_at(text, at)) return at;
    }
  }
#endif
  for (; i < end; ++i) {
    if (is_latin_byte(p[i])) return i;
    // A lead byte starts a whole character: a line never ends inside one.
    if (kTransliterations && p[i] >= 0xEB && p[i] <= 0xED && transliteration_at(text, i)) return i;
  }
  return end;
}

#if defined(__SSE2__) && defined(__x86_64__)
/// The lanes that may start whitespace: ' ', '\t', '\n', C2 and E1..E3 (-31..-29 as signed
/// bytes), as utf8::kNeverSpaceLength.
__m128i space_leads(__m128i v) {
  return _mm_or_si128(
      equal_any<' ', '\t', '\n', 0xC2>(v),
      _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8(-32)), _mm_cmplt_epi8(v, _mm_set1_epi8(-28))));
}
#endif

/// The first byte in text[from, end) that may start whitespace (see utf8::kNeverSpaceLength),
/// or `end`.
std::size_t find_space_lead(std::string_view text, std::size_t from, std::size_t end) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  std::size_t i = from;
#if defined(__SSE2__) && defined(__x86_64__)
  for (; i + 16 <= end; i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
    // ' ', '\t', '\n', C2 and E1..E3 (-31..-29 as signed bytes).
    if (const auto bits = static_cast<unsigned>(_mm_movemask_epi8(space_leads(v))); bits != 0) {
      return i + static_cast<std::size_t>(std::countr_zero(bits));
    }
  }
#endif
  while (i < end && utf8::kNeverSpaceLength[p[i]] != 0) ++i;
  return i;
}

/// Calls `fn(start)` for the start of each eojeol of the text, in order. Each but one at 0
/// follows a whitespace character, and those start with the bytes find_space_lead looks for, so
/// only there is anything decided.
template <class Fn>
void for_each_eojeol_start(std::string_view text, Fn&& fn) {
  const std::size_t n = text.size();
  if (n > 0 && utf8::space_length(text, 0) == 0) fn(std::size_t{0});
  auto after = [&](std::size_t at) {
    const std::size_t space = utf8::space_length(text, at);
    if (space == 0) return;
    const std::size_t next = at + space;
    if (next < n && utf8::space_length(text, next) == 0) fn(next);
  };
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  std::size_t i = 0;
#if defined(__SSE2__) && defined(__x86_64__)
  for (; i + 16 <= n; i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
    for (auto bits = static_cast<unsigned>(_mm_movemask_epi8(space_leads(v))); bits != 0;
         bits &= bits - 1) {
      after(i + static_cast<std::size_t>(std::countr_zero(bits)));
    }
  }
#endif
  for (; i < n; ++i) {
    if (utf8::kNeverSpaceLength[p[i]] == 0) after(i);
  }
}

/// Skips the whitespace at `i`.
std::size_t skip_spaces(std::string_view text, std::size_t i, std::size_t end) {
  while (i < end) {
    const std::size_t space = utf8::space_length(text, i);
    if (space == 0) break;
    i += space;
  }
  return i;
}

/// The end of the eojeol that `i` (a character boundary) is in: the first whitespace from `i`
/// on, or `end`.
std::size_t eojeol_end(std::string_view text, std::size_t i, std::size_t end) {
  for (i = find_space_lead(text, i, end); i < end; i = find_space_lead(text, i, end)) {
    if (utf8::space_length(text, i) != 0) return i;
    i += utf8::sequence_length(static_cast<unsigned char>(text[i]));
  }
  return end;
}

/// The start of the character that ends at `i`, not before `bound` (a character boundary).
std::size_t previous_char(std::string_view text, std::size_t bound, std::size_t i) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  --i;
  while (i > bound && (p[i] & 0xC0) == 0x80) --i;
  return i;
}

/// Going back from `i` (a character boundary) while the characters before it are whitespace
/// (`want_space`) or not, down to `bound`: the start of the eojeol that ends at or holds `i`,
/// or the end of the eojeol before the whitespace that ends at `i`.
std::size_t back_while(std::string_view text, std::size_t bound, std::size_t i, bool want_space) {
  while (i > bound) {
    const std::size_t before = previous_char(text, bound, i);
    if ((utf8::space_length(text, before) != 0) != want_space) break;
    i = before;
  }
  return i;
}

/// A line whose words are mostly Latin is English text quoted in or appended to the article;
/// its words follow English capitalisation and spacing, not the article's spelling of names.
/// English means at least three eojeol with Latin letters and no Hangul syllable, and more of
/// them than eojeol with a Hangul syllable.
bool is_english_line(std::string_view text, Span line) {
  // Only eojeol with Latin letters count as Latin, so a line with fewer than three of them is
  // settled by a search for Latin letters alone; most lines are.
  std::size_t with_latin = 0;
  for (std::size_t i = find_trigger<false>(text, line.begin, line.end); i < line.end;
       i = find_trigger<false>(text, i, line.end)) {
    if (++with_latin == 3) break;
    i = eojeol_end(text, i, line.end);
  }
  if (with_latin < 3) return false;
  // One pass over the bytes of the line, eojeol by eojeol.
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  std::size_t latin_words = 0;
  std::size_t hangul_words = 0;
  for (std::size_t i = skip_spaces(text, line.begin, line.end); i < line.end;) {
    bool hangul = false;
    bool latin = false;
    while (i < line.end) {
      const unsigned char b = p[i];
      if (leads_hangul_block(b)) {  // Never whitespace.
        hangul = hangul || hangul_syllable_bytes(p + i);
        i += 3;
      } else if (b > ' ' && b < 0x80) {
        latin = latin || is_latin_byte(b);
        ++i;
      } else if (utf8::space_length(text, i) == 0) {
        i += utf8::sequence_length(b);
      } else {
        break;
      }
    }
    if (hangul) {
      ++hangul_words;
    } else if (latin) {
      ++latin_words;
    }
    i = skip_spaces(text, i, line.end);
  }
  return latin_words >= 3 && latin_words > hangul_words;
}

/// Index of a name character (Latin, digit, Hangul syllable) in a dense table: ASCII as it is,
/// Hangul syllables after it.
constexpr std::size_t kNameCharSlots = 128 + (0xD7A3 - 0xAC00 + 1);
std::size_t name_char_slot(char32_t cp) { return cp < 128 ? cp : 128 + (cp - 0xAC00); }

/// The parts of spaced spellings, for count_parts, grouped by their first character so that
/// most eojeol are rejected by one bit test and the others compared only with the parts that
/// start like them.
class PartIndex {
 public:
  explicit PartIndex(const std::unordered_map<std::string_view, std::size_t>& counts)
      : parts_(counts.size()),
        first_(kNameCharSlots + 1, 0),
        initials_((kNameCharSlots + 63) / 64) {
    // A counting sort by slot; each part's first character is a name character, as every
    // stem's is.
    for (const auto& entry : counts) ++first_[slot_of(entry.first) + 1];
    for (std::size_t k = 1; k < first_.size(); ++k) first_[k] += first_[k - 1];
    std::vector<std::uint32_t> next(first_.begin(), first_.end() - 1);
    for (const auto& entry : counts) {
      const std::size_t slot = slot_of(entry.first);
      parts_[next[slot]++] = entry.first;
      initials_[slot / 64] |= std::uint64_t{1} << (slot % 64);
    }
  }

  /// True when some part starts with the name character `initial`.
  bool has_initial(char32_t initial) const {
    const std::size_t slot = name_char_slot(initial);
    return ((initials_[slot / 64] >> (slot % 64)) & 1) != 0;
  }

  /// True when some part is a prefix of `rest`, which starts with the name character `initial`.
  bool may_start(char32_t initial, std::string_view rest) const {
    if (!has_initial(initial)) return false;
    const std::size_t slot = name_char_slot(initial);
    for (std::size_t k = first_[slot]; k < first_[slot + 1]; ++k) {
      if (rest.starts_with(parts_[k])) return true;
    }
    return false;
  }

 private:
  static std::size_t slot_of(std::string_view part) {
    std::size_t i = 0;
    return name_char_slot(utf8::decode(part, i));
  }

  std::vector<std::string_view> parts_;  ///< By slot of their first character.
  std::vector<std::uint32_t> first_;     ///< Per slot, where its parts start in parts_.
  std::vector<std::uint64_t> initials_;  ///< A bit per slot that starts some part.
};

/// Occurrences grouped by key. Most candidates of an article are distinct words, each a group
/// of its own, so a map with a node, a string and a vector per group spent most of the check's
/// time allocating. Here the keys sit in one buffer, an open-addressing table maps them to group
/// numbers, and the occurrences are sorted into their groups once at the end.
class Candidates {
 public:
  /// One key and its occurrences in the order they were added.
  struct Group {
    std::string_view key;
    std::span<const Occurrence> occurrences;
  };

  void add(std::string_view first, std::string_view second, Occurrence occurrence) {
    key_.clear();
    append_folded(key_, first);
    append_folded(key_, second);
    occurrences_.push_back({find_or_add(key_), occurrence});
  }

  /// Every group, in the order of their first occurrence. Call once, after the last add().
  std::vector<Group> groups() {
    // A stable counting sort by group number.
    std::vector<std::size_t> next(groups_.size() + 1, 0);
    for (const auto& [group, o] : occurrences_) ++next[group + 1];
    for (std::size_t g = 1; g < next.size(); ++g) next[g] += next[g - 1];
    sorted_.resize(occurrences_.size());
    for (const auto& [group, o] : occurrences_) sorted_[next[group]++] = o;
    std::vector<Group> out;
    out.reserve(groups_.size());
    std::size_t begin = 0;
    for (std::size_t g = 0; g < groups_.size(); ++g) {
      out.push_back({key_of(groups_[g]), std::span(sorted_).subspan(begin, next[g] - begin)});
      begin = next[g];
    }
    return out;
  }

 private:
  struct Entry {
    std::size_t hash;
    std::size_t key_begin;  ///< In keys_.
    std::size_t key_size;
  };

  std::string_view key_of(const Entry& e) const {
    return std::string_view(keys_).substr(e.key_begin, e.key_size);
  }

  /// The number of the group of `key`, a new one when the key is new.
  std::size_t find_or_add(std::string_view key) {
    if (2 * (groups_.size() + 1) > slots_.size()) grow();
    const std::size_t hash = hash_key(key);
    const std::size_t mask = slots_.size() - 1;
    std::size_t slot = hash & mask;
    for (; slots_[slot] != 0; slot = (slot + 1) & mask) {
      const Entry& e = groups_[slots_[slot] - 1];
      if (e.hash == hash && key_of(e) == key) return slots_[slot] - 1;
    }
    groups_.push_back({hash, keys_.size(), key.size()});
    keys_ += key;
    slots_[slot] = groups_.size();
    return groups_.size() - 1;
  }

  /// Doubles the table (linear probing, at most half full).
  void grow() {
    slots_.assign(std::max<std::size_t>(64, 2 * slots_.size()), 0);
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t g = 0; g < groups_.size(); ++g) {
      std::size_t slot = groups_[g].hash & mask;
      while (slots_[slot] != 0) slot = (slot + 1) & mask;
      slots_[slot] = g + 1;
    }
  }

  std::vector<Entry> groups_;
  std::vector<std::size_t> slots_;  ///< Group number + 1; 0 for an empty slot.
  std::string keys_;
  std::vector<std::pair<std::size_t, Occurrence>> occurrences_;  ///< With their group.
  std::vector<Occurrence> sorted_;
  std::string key_;
};

/// How often each part of a spaced spelling stands as an eojeol of its own, keyed by its text
/// in the document.
using PartCounts = std::unordered_map<std::string_view, std::size_t>;

class NameVariantCheck final : public Check {
 public:
  std::span<const RuleInfo> rules() const override { return {&kRule, 1}; }

  void run(const Document& doc, const LintContext& context, Emitter& out) const override {
    if (!out.enabled(kRule)) return;
    Candidates candidates;
    const std::string_view text = doc.text();
    for (std::size_t line = 0; line < doc.line_count(); ++line) {
      const Span span = doc.line(line);
      // A line without a Latin letter or a transliteration syllable has no candidate.
      const std::size_t trigger = find_trigger<true>(text, span.begin, span.end);
      if (trigger == span.end) continue;
      if (is_english_line(text, span)) continue;
      collect_line(doc, span, trigger, candidates);
    }
    PartCounts part_counts;
    std::vector<Candidates::Group> variants;
    for (const Candidates::Group& group : candidates.groups()) {
      if (!has_two_spellings(doc, group.occurrences)) continue;
      variants.push_back(group);
      for (const Occurrence& o : group.occurrences) {
        if (!o.spaced()) continue;
        // fires() never asks how often a part with Latin letters stands alone: its key has
        // Latin letters too, and such parts are exempt there.
        for (const Span part : {o.first, o.second}) {
          if (!has_latin(doc.slice(part))) part_counts.emplace(doc.slice(part), 0);
        }
      }
    }
    if (!part_counts.empty()) count_parts(doc, part_counts);
    for (const Candidates::Group& group : variants) {
      if (fires(doc, group.key, group.occurrences, part_counts)) {
        report(doc, context, out, group.occurrences);
      }
    }
  }

 private:
  /// Adds the candidates of a line. Only an eojeol with a Latin letter or a transliteration
  /// syllable (an interesting one) and its two neighbours can be part of a candidate, so the
  /// line is searched for those characters and only the eojeol around each is found and
  /// analysed, in line order. Each analysed eojeol is a candidate alone and, when the eojeol
  /// before it was analysed too, with that one.
  /// `trigger` is the first such character of the line.
  static void collect_line(const Document& doc, Span line, std::size_t trigger,
                           Candidates& candidates) {
    const std::string_view text = doc.text();
    // Only an interesting eojeol can be a candidate alone, and a pair needs an interesting one
    // (see add_pair), so a neighbour is analysed only when it may pair: when the eojeol after
    // it starts with a name character, and it is bare at its end.
    Lazy last;  // The last eojeol visited, when has_last.
    bool has_last = false;
    // `adjacent`: the eojeol before `word` is `last`.
    auto visit = [&](Span word, bool adjacent, bool interesting) {
      Lazy current{word, interesting, false, {}};
      if (interesting) add_alone(doc, current.get(doc), candidates);
      if (adjacent && has_last && (interesting || last.interesting) &&
          starts_with_name_char(text, word)) {
        const Analysis& before = last.get(doc);
        if (!before.word.stem.empty() && before.word.bare_end) {
          const Analysis& a = current.get(doc);
          // Markup blanked into spaces (오픈**AI**) is not a space the writer typed.
          if (!a.word.stem.empty() && a.word.bare_start &&
              !doc.touches_blanked({before.span.end, a.span.begin})) {
            add_pair(doc, before, a, candidates);
          }
        }
      }
      last = current;
      has_last = true;
    };
    for (; trigger != line.end;) {
      Span word = last.span;
      if (!has_last || trigger >= last.span.end) {
        // Everything between `bound` and the eojeol of the trigger is unanalysed and holds no
        // trigger, so only the eojeol right before it needs analysing as its neighbour.
        const std::size_t bound = has_last ? last.span.end : line.begin;
        word = {back_while(text, bound, trigger, false), eojeol_end(text, trigger, line.end)};
        const std::size_t before_end = back_while(text, bound, word.begin, true);
        if (before_end > bound) {
          const Span before{back_while(text, bound, before_end, false), before_end};
          visit(before, has_last && back_while(text, bound, before.begin, true) == bound, false);
        }
        visit(word, has_last, true);
      }
      // The eojeol after an interesting one; the search goes on from its start, since it may
      // be interesting too.
      const std::size_t after = skip_spaces(text, word.end, line.end);
      if (after == line.end) return;
      const Span next{after, eojeol_end(text, after, line.end)};
      trigger = find_trigger<true>(text, after, line.end);
      visit(next, true, trigger < next.end);
    }
  }

  /// An eojeol whose analysis is made when first asked for.
  struct Lazy {
    Span span;
    bool interesting = false;
    bool analysed = false;
    Analysis analysis;

    const Analysis& get(const Document& doc) {
      if (!analysed) {
        analysis = {span, analyse(doc.text(), span), {}};
        analysis.scan = scan(doc.slice(analysis.word.stem));
        analysed = true;
      }
      return analysis;
    }
  };

  static bool starts_with_name_char(std::string_view text, Span word) {
    bool name = false;
    name_char_at(text, word.begin, name);
    return name;
  }

  /// The candidate of the analysed eojeol `a` alone, if any.
  static void add_alone(const Document& doc, const Analysis& a, Candidates& candidates) {
    const Word& w = a.word;
    if (w.stem.empty()) return;
    const Scan& s = a.scan;
    const std::string_view stem = doc.slice(w.stem);
    if ((s.latin > 0 && !is_lowercase_word(stem)) || (s.other == 0 && s.transliteration)) {
      candidates.add(stem, {}, {w.stem, {}});
    }
  }

  static void add_pair(const Document& doc, const Analysis& first, const Analysis& second,
                       Candidates& candidates) {
    const Scan& sa = first.scan;
    const Scan& sb = second.scan;
    if (sa.latin + sb.latin > 0) {
      // A one-syllable Hangul word after a Latin one is a dependent noun or suffix (MBC 측,
      // A 씨, EU 내), whose spacing is grammar, not the spelling of a name.
      if (sb.latin == 0 && sb.other == 0 && sb.hangul == 1) return;
    } else {
      if (sa.other + sb.other > 0) return;
      if (!sa.transliteration && !sb.transliteration) return;
      if (sb.hangul < 2) return;
    }
    candidates.add(doc.slice(first.word.stem), doc.slice(second.word.stem),
                   {first.word.stem, second.word.stem});
  }

  /// Counts the eojeol of the whole text whose stem is a part. Runs only when some spaced
  /// spelling has a variant, which few articles have.
  static void count_parts(const Document& doc, PartCounts& counts) {
    const PartIndex parts(counts);
    const std::string_view text = doc.text();
    auto count = [&](std::size_t start) {
      // A stem starts at the eojeol's first name character, so an eojeol whose text from there
      // does not start with a part cannot have it as its stem and is skipped unanalysed. A
      // part has no whitespace, so one that is a prefix there lies inside the eojeol.
      std::size_t begin = start;
      while (begin < text.size() && utf8::space_length(text, begin) == 0) {
        std::size_t next = begin;
        const char32_t cp = utf8::decode(text, next);
        if (is_name_char(cp)) {
          if (!parts.may_start(cp, text.substr(begin))) return;
          const Word w = analyse(text, {start, eojeol_end(text, next, text.size())});
          if (w.stem.empty()) return;
          if (auto it = counts.find(doc.slice(w.stem)); it != counts.end()) ++it->second;
          return;
        }
        begin = next;
      }
    };
    for_each_eojeol_start(text, [&](std::size_t start) {
      // Most eojeol start with a Hangul syllable that starts no part: rejected here at once.
      // (Valid UTF-8 has the three bytes of a character led by EA..ED.)
      const auto* p = reinterpret_cast<const unsigned char*>(text.data()) + start;
      if (leads_hangul_block(p[0])) {
        const char32_t cp = ((p[0] & 0x0Fu) << 12) | ((p[1] & 0x3Fu) << 6) | (p[2] & 0x3Fu);
        if (utf8::is_hangul_syllable(cp) && !parts.has_initial(cp)) return;
      }
      count(start);
    });
  }

  static bool has_two_spellings(const Document& doc, std::span<const Occurrence> occurrences) {
    for (const Occurrence& o : occurrences) {
      if (!same_spelling(doc, o, occurrences.front())) return true;
    }
    return false;
  }

  static bool fires(const Document& doc, std::string_view key,
                    std::span<const Occurrence> occurrences, const PartCounts& part_counts) {
    const bool latin = scan(key).latin > 0;
    // How often each part of a spaced spelling occurs inside the spaced spellings.
    std::size_t joined = 0;
    std::unordered_map<std::string_view, std::size_t> inside;
    for (const Occurrence& o : occurrences) {
      if (!o.spaced()) {
        ++joined;
      } else {
        ++inside[doc.slice(o.first)];
        ++inside[doc.slice(o.second)];
      }
    }
    // The Hangul parts of a spaced spelling must never stand alone elsewhere: "딥" and "마인드",
    // "유플러스" do not, but "전차" in "K2 전차" or "코드" in "QR 코드" are common nouns the
    // article also uses on their own, and their spacing is a matter of compounds, not of a name.
    for (const auto& [part, n] : inside) {
      if (latin && scan(part).latin > 0) continue;
      if (part_counts.at(part) > n) return false;
    }
    // A Hangul-only name must be written both joined and spaced.
    return latin || (joined > 0 && !inside.empty());
  }

  static void report(const Document& doc, const LintContext& context, Emitter& out,
                     std::span<const Occurrence> occurrences) {
    // Count each spelling; the most frequent wins, a tie goes to the one written first.
    struct Count {
      const Occurrence* first;
      std::size_t n;
    };
    std::vector<Count> counts;
    for (const Occurrence& o : occurrences) {
      auto it = std::find_if(counts.begin(), counts.end(),
                             [&](const Count& c) { return same_spelling(doc, *c.first, o); });
      if (it == counts.end()) {
        counts.push_back({&o, 1});
      } else {
        ++it->n;
      }
    }
    const Count* main = &counts.front();
    for (const Count& c : counts) {
      if (c.n > main->n) main = &c;
    }
    const std::string right = spelling(doc, *main->first);
    const std::string times = context.lang == Lang::ko ? fmt::format("{}회", main->n)
                              : main->n == 1           ? std::string("once")
                                                       : fmt::format("{} times", main->n);
    for (const Occurrence& o : occurrences) {
      if (same_spelling(doc, o, *main->first)) continue;
      std::string message =
          context.lang == Lang::ko
              ? fmt::format("기사의 다른 곳에서는 '{}' 표기를 씁니다({}): '{}' 표기로 통일하세요",
                            right, times, right)
              : fmt::format("'{}' here but '{}' elsewhere in the article ({}): write '{}'",
                            spelling(doc, o), right, times, right);
      Diagnostic* d = out.report(kRule, o.span(), std::move(message));
      if (d == nullptr) return;
      d->related.push_back(
          {main->first->span(), context.lang == Lang::ko
                                    ? fmt::format("'{}' 표기가 처음 나온 곳", right)
                                    : fmt::format("written '{}' here", right)});
      d->fix.push_back({o.span(), right});
    }
  }
};

}  // namespace

std::unique_ptr<Check> make_name_variant_check() { return std::make_unique<NameVariantCheck>(); }

}  // namespace factlint
