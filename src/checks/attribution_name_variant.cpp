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

/// Every use of `word` in `text` as a word of its own (a particle may follow).
std::vector<Span> uses(std::string_view text, std::string_view word) {
  std::vector<Span> out;
  for (std::size_t at = text.find(word); at != std::string_view::npos;
       at = text.find(word, at + 1)) {
    if (at > 0) {
      std::size_t p = utf8::previous(text, at);
      if (utf8::is_hangul_syllable(utf8::decode(text, p))) continue;
    }
    const std::size_t end = at + word.size();
    if (end < text.size()) {
      std::size_t n = end;
      const char32_t next = utf8::decode(text, n);
      if (utf8::is_hangul_syllable(next) && !starts_particle(next)) continue;
    }
    out.push_back({at, end});
  }
  return out;
}

class NameVariantCheck final : public Check {
 public:
  std::span<const RuleInfo> rules() const override { return {&kRule, 1}; }

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
    std::map<std::string, std::vector<Span>> uses_of;
    auto uses_cached = [&](const std::string& name) -> const std::vector<Span>& {
      return uses_of.try_emplace(name, uses(text, name)).first->second;
    };
    for (const auto& [key, members] : buckets) {
      for (std::size_t a = 0; a < members.size(); ++a) {
        for (std::size_t b = a + 1; b < members.size(); ++b) {
          const std::string& first = names[members[a]];
          const std::string& second = names[members[b]];
          if (!variants(first, second)) continue;
          const auto& x = uses_cached(first);
          const auto& y = uses_cached(second);
          if (x.empty() || y.empty()) continue;
          // The spelling used more often is the intended one; on a tie, the earlier.
          const bool first_wins =
              x.size() > y.size() || (x.size() == y.size() && x[0].begin < y[0].begin);
          report(doc, context, out, first_wins ? first : second, first_wins ? x : y,
                 first_wins ? second : first, first_wins ? y : x);
        }
      }
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
