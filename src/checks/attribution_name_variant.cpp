// attribution/name-variant: a person's name spelled two ways in one article (술레이만 /
// 슐레이만, 저우훙이 / 저우홍이).
//
// Transliterated names drift by one sound between mentions: a vowel with or without its glide
// (ㅜ/ㅠ, ㅓ/ㅕ), two close vowels (ㅗ/ㅜ, ㅔ/ㅐ, ㅡ/ㅜ), a plain, aspirated or tense consonant
// (ㄱ/ㅋ/ㄲ) or a final ㄴ/ㅇ. Names are compared syllable by syllable after Hangul jamo
// decomposition (Unicode 3.12, Hangul syllable composition): two spellings of at least three
// syllables that differ in exactly one syllable, by exactly one such jamo, are one name. Only
// names the quotation extractor reads as people (speakers, or names with a title) take part, so
// that two ordinary words one letter apart are never compared. The spelling the article uses
// most is taken as intended (the earlier one on a tie); each use of another spelling is
// reported, with a related span on the first use of the intended one. See
// docs/checks/attribution/name-variant.md.

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <bit>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "checks/all_checks.h"
#include "checks/facts.h"
#include "extract/quote.h"
#include "text/document.h"
#include "text/utf8.h"

#if defined(__SSE2__) && defined(__x86_64__)
#include <emmintrin.h>
#endif

namespace factlint {
namespace {

constexpr RuleInfo kRule{"attribution/name-variant", Severity::warning,
                         Message{"a person's name spelled two ways (술레이만 / 슐레이만)",
                                 "같은 사람의 이름을 두 가지로 표기함 (술레이만 / 슐레이만)"},
                         false};

struct Jamo {
  int initial, vowel, final;
};

Jamo decompose(char32_t syllable) {
  const int index = static_cast<int>(syllable - 0xAC00);
  return {index / 588, (index % 588) / 28, index % 28};
}

bool in_group(int a, int b, std::initializer_list<std::initializer_list<int>> groups) {
  for (const auto& g : groups) {
    const bool has_a = std::find(g.begin(), g.end(), a) != g.end();
    const bool has_b = std::find(g.begin(), g.end(), b) != g.end();
    if (has_a && has_b) return true;
  }
  return false;
}

/// Vowels a transliteration may waver between (indices of the Unicode medial order: ㅏ0 ㅐ1 ㅑ2
/// ㅒ3 ㅓ4 ㅔ5 ㅕ6 ㅖ7 ㅗ8 ㅘ9 ㅙ10 ㅚ11 ㅛ12 ㅜ13 ㅝ14 ㅞ15 ㅟ16 ㅠ17 ㅡ18 ㅢ19 ㅣ20).
bool similar_vowels(int a, int b) {
  return in_group(a, b,
                  {{13, 17},
                   {4, 6},
                   {18, 13},
                   {5, 1},
                   {8, 12},
                   {8, 13},
                   {0, 2},
                   {7, 5},
                   {3, 1},
                   {10, 11, 15},
                   {19, 20},
                   {14, 4},
                   {9, 0}});
}

/// Initial consonants that differ only in aspiration or tension (ㄱㄲㅋ, ㄷㄸㅌ, ㅂㅃㅍ, ㅈㅉㅊ,
/// ㅅㅆ), by their Unicode initial order.
bool similar_initials(int a, int b) {
  return in_group(a, b, {{0, 1, 15}, {3, 4, 16}, {7, 8, 17}, {12, 13, 14}, {9, 10}});
}

/// Two syllables that differ by exactly one similar jamo.
bool similar_syllables(char32_t a, char32_t b) {
  const Jamo x = decompose(a);
  const Jamo y = decompose(b);
  const int differ = (x.initial != y.initial) + (x.vowel != y.vowel) + (x.final != y.final);
  if (differ != 1) return false;
  if (x.vowel != y.vowel) return similar_vowels(x.vowel, y.vowel);
  if (x.initial != y.initial) return similar_initials(x.initial, y.initial);
  return (x.final == 4 && y.final == 21) || (x.final == 21 && y.final == 4);  // ㄴ/ㅇ
}

std::u32string syllables(std::string_view word) {
  std::u32string out;
  for (std::size_t i = 0; i < word.size();) {
    const char32_t c = utf8::decode(word, i);
    if (!utf8::is_hangul_syllable(c)) return {};
    out.push_back(c);
  }
  return out;
}

/// True when `a` and `b` are one name spelled two ways.
bool variants(std::string_view a, std::string_view b) {
  const std::u32string x = syllables(a);
  const std::u32string y = syllables(b);
  if (x.size() < 3 || x.size() != y.size()) return false;
  int differ = 0;
  bool similar = true;
  for (std::size_t i = 0; i < x.size(); ++i) {
    if (x[i] == y[i]) continue;
    ++differ;
    similar = similar_syllables(x[i], y[i]);
  }
  return differ == 1 && similar;
}

/// First syllables of particles, so that 술레이만은 counts as a use of 술레이만 but 술레이만스
/// would not.
bool starts_particle(char32_t c) {
  static constexpr std::u32string_view kParticles = U"은는이가을를의에와과도로으만께처보부까씨측";
  return kParticles.find(c) != std::u32string_view::npos;
}

/// True when the character at `text[at]`, whose lead byte is 0xEA..0xED, is a Hangul syllable
/// (U+AC00 = EA B0 80 .. U+D7A3 = ED 9E A3), told from its bytes.
bool hangul_syllable_at(std::string_view text, std::size_t at) {
  const auto lead = static_cast<unsigned char>(text[at]);
  if (lead == 0xEB || lead == 0xEC) return true;
  if (at + 2 >= text.size()) return false;
  const auto b1 = static_cast<unsigned char>(text[at + 1]);
  if (lead == 0xEA) return b1 >= 0xB0;
  const auto b2 = static_cast<unsigned char>(text[at + 2]);
  return b1 < 0x9E || (b1 == 0x9E && b2 <= 0xA3);
}

/// True when a Hangul syllable starts at `text[at]` and no Hangul syllable ends right before it:
/// where a word of Hangul syllables may start.
bool starts_syllable_run(std::string_view text, std::size_t at) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  auto leads = [](unsigned char b) { return b >= 0xEA && b <= 0xED; };
  if (!leads(p[at]) || !hangul_syllable_at(text, at)) return false;
  // A lead byte three bytes back starts the character that ends right before `at`.
  return at < 3 || !leads(p[at - 3]) || !hangul_syllable_at(text, at - 3);
}

/// Calls `fn(at)` for every `at` where starts_syllable_run holds, in order. Korean text is
/// mostly runs of syllables, so sixteen bytes at a time are tested for a syllable lead byte
/// with no syllable lead three bytes before it, and only those few are looked at.
template <class Fn>
void for_each_syllable_run(std::string_view text, Fn&& fn) {
  const std::size_t n = text.size();
  std::size_t i = 0;
  for (; i < std::min<std::size_t>(3, n); ++i) {
    if (starts_syllable_run(text, i)) fn(i);
  }
#if defined(__SSE2__) && defined(__x86_64__)
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  auto load = [&](std::size_t at) {
    return _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + at));
  };
  // As signed bytes: the leads EA..ED are -22..-19, EB..EC -21..-20; second bytes (0x80..0xBF)
  // from 0xB0 are above -81 and below 0x9E below -98.
  for (; i + 16 <= n; i += 16) {
    const __m128i v = load(i);
    const __m128i lead =
        _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8(-23)), _mm_cmplt_epi8(v, _mm_set1_epi8(-18)));
    const __m128i before = load(i - 3);
    const __m128i second = load(i - 2);
    // Surely a syllable before; the rare ED 9E xx (syllables end at ED 9E A3) is left to
    // starts_syllable_run.
    const __m128i syllable_before = _mm_or_si128(
        _mm_and_si128(_mm_cmpgt_epi8(before, _mm_set1_epi8(-22)),
                      _mm_cmplt_epi8(before, _mm_set1_epi8(-19))),
        _mm_or_si128(_mm_and_si128(_mm_cmpeq_epi8(before, _mm_set1_epi8(static_cast<char>(0xEA))),
                                   _mm_cmpgt_epi8(second, _mm_set1_epi8(-81))),
                     _mm_and_si128(_mm_cmpeq_epi8(before, _mm_set1_epi8(static_cast<char>(0xED))),
                                   _mm_cmplt_epi8(second, _mm_set1_epi8(-98)))));
    for (auto bits =
             static_cast<unsigned>(_mm_movemask_epi8(_mm_andnot_si128(syllable_before, lead)));
         bits != 0; bits &= bits - 1) {
      const std::size_t at = i + static_cast<std::size_t>(std::countr_zero(bits));
      if (starts_syllable_run(text, at)) fn(at);
    }
  }
#endif
  for (; i < n; ++i) {
    if (starts_syllable_run(text, i)) fn(i);
  }
}

/// At most this many first syllables are searched for directly (see for_each_first_syllable);
/// with more, every start of a syllable run is looked at.
constexpr std::size_t kDirectSyllables = 8;

/// Calls `fn(at)` for every `at` where starts_syllable_run holds and one of `firsts` (UTF-8
/// Hangul syllables, at most kDirectSyllables) starts, in order. A person's name is rare in the
/// text, so sixteen bytes at a time are compared with the three bytes of each syllable and only
/// the matches are looked at.
template <class Fn>
void for_each_first_syllable(std::string_view text, const std::vector<std::string_view>& firsts,
                             Fn&& fn) {
  const std::size_t n = text.size();
  std::size_t i = 0;
  auto check = [&](std::size_t at) {
    if (!starts_syllable_run(text, at)) return;
    for (const std::string_view first : firsts) {
      if (text.compare(at, first.size(), first) == 0) return fn(at);
    }
  };
#if defined(__SSE2__) && defined(__x86_64__)
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  auto load = [&](std::size_t at) {
    return _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + at));
  };
  __m128i bytes[kDirectSyllables][3];
  for (std::size_t f = 0; f < firsts.size(); ++f) {
    for (std::size_t k = 0; k < 3; ++k) bytes[f][k] = _mm_set1_epi8(firsts[f][k]);
  }
  // Lane k of the second and third loads holds the second and third byte of a character
  // starting at lane k.
  for (; i + 18 <= n; i += 16) {
    const __m128i b0 = load(i);
    const __m128i b1 = load(i + 1);
    const __m128i b2 = load(i + 2);
    __m128i hits = _mm_setzero_si128();
    for (std::size_t f = 0; f < firsts.size(); ++f) {
      hits = _mm_or_si128(hits, _mm_and_si128(_mm_cmpeq_epi8(b0, bytes[f][0]),
                                              _mm_and_si128(_mm_cmpeq_epi8(b1, bytes[f][1]),
                                                            _mm_cmpeq_epi8(b2, bytes[f][2]))));
    }
    for (auto bits = static_cast<unsigned>(_mm_movemask_epi8(hits)); bits != 0; bits &= bits - 1) {
      check(i + static_cast<std::size_t>(std::countr_zero(bits)));
    }
  }
#endif
  for (; i < n; ++i) check(i);
}

/// Every use of each of `words` (Hangul syllables only) in `text` as a word of its own (a
/// particle may follow), in text order, found in one pass over the text instead of one search
/// per word. A use starts at a Hangul syllable that no Hangul syllable precedes; only there
/// are the words with that first syllable compared.
std::vector<std::vector<Span>> find_uses(std::string_view text,
                                         const std::vector<std::string_view>& words) {
  constexpr std::size_t kSyllables = 0xD7A3 - 0xAC00 + 1;
  std::vector<bool> first_syllables(kSyllables);
  std::multimap<char32_t, std::size_t> by_first;
  std::vector<std::string_view> firsts;  // Their UTF-8 form, each once.
  for (std::size_t w = 0; w < words.size(); ++w) {
    std::size_t i = 0;
    const char32_t first = utf8::decode(words[w], i);
    if (!first_syllables[first - 0xAC00]) firsts.push_back(words[w].substr(0, i));
    first_syllables[first - 0xAC00] = true;
    by_first.emplace(first, w);
  }
  std::vector<std::vector<Span>> out(words.size());
  auto use_at = [&](std::size_t at) {
    const auto* p = reinterpret_cast<const unsigned char*>(text.data()) + at;
    const char32_t c = ((p[0] & 0x0Fu) << 12) | ((p[1] & 0x3Fu) << 6) | (p[2] & 0x3Fu);
    if (!first_syllables[c - 0xAC00]) return;
    for (auto [it, last] = by_first.equal_range(c); it != last; ++it) {
      const std::string_view word = words[it->second];
      if (text.compare(at, word.size(), word) != 0) continue;
      const std::size_t end = at + word.size();
      if (end < text.size()) {
        std::size_t n = end;
        const char32_t after = utf8::decode(text, n);
        if (utf8::is_hangul_syllable(after) && !starts_particle(after)) continue;
      }
      out[it->second].push_back({at, end});
    }
  };
  if (firsts.size() <= kDirectSyllables) {
    for_each_first_syllable(text, firsts, use_at);
  } else {
    for_each_syllable_run(text, use_at);
  }
  return out;
}

class NameVariantCheck final : public Check {
 public:
  std::span<const RuleInfo> rules() const override { return {&kRule, 1}; }
  FactSet facts_read() const override { return Fact::people; }

  void run(const Document& doc, const LintContext& context, Emitter& out) const override {
    if (!out.enabled(kRule)) return;
    const std::string_view text = doc.text();
    // Each word of a person's name, in order of first appearance.
    std::vector<std::string> names;
    std::set<std::string, std::less<>> seen_names;
    std::unique_ptr<DocumentFacts> own;
    const DocumentFacts& facts = facts_of(doc, context, own);
    for (const extract::Speaker& p : facts.people()) {
      if (p.kind != extract::SpeakerKind::person) continue;
      for (std::string_view w : split(p.name)) {
        if (seen_names.emplace(w).second) names.emplace_back(w);
      }
    }
    // Names that differ in one syllable share the key with that syllable blanked out, so only
    // names in one bucket are compared and a long text stays linear.
    std::map<std::u32string, std::vector<std::size_t>> buckets;
    for (std::size_t i = 0; i < names.size(); ++i) {
      const std::u32string x = syllables(names[i]);
      if (x.size() < 3) continue;
      for (std::size_t k = 0; k < x.size(); ++k) {
        std::u32string key = x;
        key[k] = U'*';
        buckets[key].push_back(i);
      }
    }
    // The pairs of spellings of one name, in the order they are reported.
    std::vector<std::pair<std::size_t, std::size_t>> pairs;
    for (const auto& [key, members] : buckets) {
      for (std::size_t a = 0; a < members.size(); ++a) {
        for (std::size_t b = a + 1; b < members.size(); ++b) {
          if (variants(names[members[a]], names[members[b]])) {
            pairs.emplace_back(members[a], members[b]);
          }
        }
      }
    }
    if (pairs.empty()) return;
    // The uses of every spelling in a pair, found together.
    std::vector<std::size_t> word_of(names.size(), names.size());
    std::vector<std::string_view> words;
    for (const auto& [a, b] : pairs) {
      for (const std::size_t n : {a, b}) {
        if (word_of[n] != names.size()) continue;
        word_of[n] = words.size();
        words.push_back(names[n]);
      }
    }
    const std::vector<std::vector<Span>> uses = find_uses(text, words);
    for (const auto& [a, b] : pairs) {
      const std::string& first = names[a];
      const std::string& second = names[b];
      const auto& x = uses[word_of[a]];
      const auto& y = uses[word_of[b]];
      if (x.empty() || y.empty()) continue;
      // The spelling used more often is the intended one; on a tie, the earlier.
      const bool first_wins =
          x.size() > y.size() || (x.size() == y.size() && x[0].begin < y[0].begin);
      report(doc, context, out, first_wins ? first : second, first_wins ? x : y,
             first_wins ? second : first, first_wins ? y : x);
    }
  }

 private:
  static std::vector<std::string_view> split(std::string_view name) {
    std::vector<std::string_view> out;
    std::size_t i = 0;
    while (i < name.size()) {
      const std::size_t j = std::min(name.find(' ', i), name.size());
      if (j > i) out.push_back(name.substr(i, j - i));
      i = j + 1;
    }
    return out;
  }

  static void report(const Document& doc, const LintContext& context, Emitter& out,
                     const std::string& kept, const std::vector<Span>& kept_uses,
                     const std::string& other, const std::vector<Span>& other_uses) {
    const std::size_t line = doc.position(kept_uses.front().begin).line;
    for (const Span& use : other_uses) {
      auto message =
          context.lang == Lang::ko
              ? fmt::format("이름 표기가 다릅니다: 여기서는 '{}', {}행 등 {}곳에서는 '{}'", other,
                            line, kept_uses.size(), kept)
              : fmt::format("'{}' is spelled '{}' elsewhere ({} use{}, first on line {})", other,
                            kept, kept_uses.size(), kept_uses.size() == 1 ? "" : "s", line);
      Diagnostic* d = out.report(kRule, use, std::move(message));
      if (d == nullptr) return;
      d->related.push_back(
          {kept_uses.front(), context.lang == Lang::ko ? "처음 쓴 표기" : "first spelled here"});
    }
  }
};

}  // namespace

std::unique_ptr<Check> make_attribution_name_variant_check() {
  return std::make_unique<NameVariantCheck>();
}

}  // namespace factlint
