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
#include <string>
#include <unordered_map>
#include <vector>

#include "checks/all_checks.h"
#include "text/document.h"
#include "text/particles.h"
#include "text/utf8.h"

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
bool is_transliteration_syllable(char32_t cp) {
  if (!utf8::is_hangul_syllable(cp)) return false;
  const char32_t index = cp - 0xAC00;
  const char32_t initial = index / 588;
  const char32_t vowel = (index % 588) / 28;
  const char32_t final = index % 28;
  constexpr char32_t kEu = 18;  // ㅡ
  // ㄷ ㄹ ㅂ ㅅ ㅈ ㅊ ㅋ ㅌ ㅍ in the order of the initial-consonant table.
  constexpr char32_t kInitials[] = {3, 5, 7, 9, 12, 14, 15, 16, 17};
  if (vowel != kEu || final != 0) return false;
  for (char32_t i : kInitials) {
    if (initial == i) return true;
  }
  return false;
}

struct Scan {
  std::size_t latin = 0;
  std::size_t hangul = 0;
  std::size_t other = 0;  ///< Digits and connectors.
  bool transliteration = false;
};

Scan scan(std::string_view s) {
  Scan r;
  for (std::size_t i = 0; i < s.size();) {
    const char32_t cp = utf8::decode(s, i);
    if (is_latin(cp)) {
      ++r.latin;
    } else if (utf8::is_hangul_syllable(cp)) {
      ++r.hangul;
      r.transliteration = r.transliteration || is_transliteration_syllable(cp);
    } else if (cp != ' ') {
      ++r.other;
    }
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
  while (i < span.end) {
    std::size_t next = i;
    if (is_name_char(utf8::decode(text, next))) break;
    i = next;
  }
  if (i == span.end) return w;
  const std::size_t begin = i;
  std::size_t end = i;
  while (end < span.end) {
    std::size_t next = end;
    const char32_t cp = utf8::decode(text, next);
    if (!is_name_char(cp)) {
      if (!is_connector(cp) || end == begin || next >= span.end) break;
      std::size_t after = next;
      if (!is_name_char(utf8::decode(text, after))) break;
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

/// The comparison key: spaces removed, Latin lowercased.
std::string fold(std::string_view s) {
  std::string key;
  key.reserve(s.size());
  for (char c : s) {
    if (c == ' ') continue;
    key.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
  }
  return key;
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

/// An eojeol of a line. Only eojeol that contain Latin letters or a transliteration syllable,
/// and their neighbours, can be part of a candidate, so only those are analysed.
struct LineWord {
  Span span;
  Scan raw;  ///< Of the whole eojeol.
  bool analysed = false;
  Word word;
  Scan scan;  ///< Of the stem.
  bool interesting() const { return raw.latin > 0 || raw.transliteration; }
};

/// A line whose words are mostly Latin is English text quoted in or appended to the article;
/// its words follow English capitalisation and spacing, not the article's spelling of names.
bool is_english_line(const std::vector<LineWord>& words) {
  std::size_t latin_words = 0;
  std::size_t hangul_words = 0;
  for (const LineWord& w : words) {
    if (w.raw.hangul > 0) {
      ++hangul_words;
    } else if (w.raw.latin > 0) {
      ++latin_words;
    }
  }
  return latin_words >= 3 && latin_words > hangul_words;
}

using Groups = std::unordered_map<std::string, std::vector<Occurrence>>;
/// How often each part of a spaced spelling stands as an eojeol of its own, keyed by its text
/// in the document.
using PartCounts = std::unordered_map<std::string_view, std::size_t>;

class NameVariantCheck final : public Check {
 public:
  std::span<const RuleInfo> rules() const override { return {&kRule, 1}; }

  void run(const Document& doc, const LintContext& context, Emitter& out) const override {
    if (!out.enabled(kRule)) return;
    Groups groups;
    std::vector<LineWord> words;
    for (std::size_t line = 0; line < doc.line_count(); ++line) {
      words.clear();
      doc.for_each_word(doc.line(line), [&](Span span) {
        words.push_back({span, scan(doc.slice(span)), false, {}, {}});
      });
      if (is_english_line(words)) continue;
      for (std::size_t i = 0; i < words.size(); ++i) {
        const bool near = words[i].interesting() || (i > 0 && words[i - 1].interesting()) ||
                          (i + 1 < words.size() && words[i + 1].interesting());
        if (!near) continue;
        words[i].analysed = true;
        words[i].word = analyse(doc.text(), words[i].span);
        words[i].scan = scan(doc.slice(words[i].word.stem));
      }
      collect_line(doc, words, groups);
    }
    PartCounts part_counts;
    std::vector<const std::pair<const std::string, std::vector<Occurrence>>*> variants;
    for (const auto& group : groups) {
      if (!has_two_spellings(doc, group.second)) continue;
      variants.push_back(&group);
      for (const Occurrence& o : group.second) {
        if (!o.spaced()) continue;
        part_counts.emplace(doc.slice(o.first), 0);
        part_counts.emplace(doc.slice(o.second), 0);
      }
    }
    if (!part_counts.empty()) count_parts(doc, part_counts);
    for (const auto* group : variants) {
      if (fires(doc, group->first, group->second, part_counts)) {
        report(doc, context, out, group->second);
      }
    }
  }

 private:
  static void collect_line(const Document& doc, const std::vector<LineWord>& words,
                           Groups& groups) {
    for (std::size_t i = 0; i < words.size(); ++i) {
      if (!words[i].analysed) continue;
      const Word& w = words[i].word;
      if (w.stem.empty()) continue;
      const Scan& s = words[i].scan;
      const std::string_view stem = doc.slice(w.stem);
      if ((s.latin > 0 && !is_lowercase_word(stem)) || (s.other == 0 && s.transliteration)) {
        groups[fold(stem)].push_back({w.stem, {}});
      }
      // Two eojeol that may be one name written with a space: the first is a bare word and the
      // second starts right at its stem.
      // Markup blanked into spaces (오픈**AI**) is not a space the writer typed.
      if (i > 0 && words[i - 1].analysed && !words[i - 1].word.stem.empty() &&
          words[i - 1].word.bare_end && w.bare_start &&
          !doc.touches_blanked({words[i - 1].span.end, words[i].span.begin})) {
        add_pair(doc, words[i - 1], words[i], groups);
      }
    }
  }

  static void add_pair(const Document& doc, const LineWord& first, const LineWord& second,
                       Groups& groups) {
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
    std::string key = fold(doc.slice(first.word.stem));
    key += fold(doc.slice(second.word.stem));
    groups[std::move(key)].push_back({first.word.stem, second.word.stem});
  }

  static void count_parts(const Document& doc, PartCounts& counts) {
    // Most eojeol start with a character no part starts with; they are skipped unanalysed.
    std::vector<char32_t> initials;
    for (const auto& [part, n] : counts) {
      std::size_t i = 0;
      initials.push_back(utf8::decode(part, i));
    }
    const std::string_view text = doc.text();
    doc.for_each_word({0, text.size()}, [&](Span span) {
      std::size_t i = span.begin;
      char32_t initial = 0;
      while (i < span.end && !is_name_char(initial = utf8::decode(text, i))) {
      }
      if (std::find(initials.begin(), initials.end(), initial) == initials.end()) return;
      const Word w = analyse(text, span);
      if (w.stem.empty()) return;
      if (auto it = counts.find(doc.slice(w.stem)); it != counts.end()) ++it->second;
    });
  }

  static bool has_two_spellings(const Document& doc, const std::vector<Occurrence>& occurrences) {
    for (const Occurrence& o : occurrences) {
      if (!same_spelling(doc, o, occurrences.front())) return true;
    }
    return false;
  }

  static bool fires(const Document& doc, const std::string& key,
                    const std::vector<Occurrence>& occurrences, const PartCounts& part_counts) {
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
                     const std::vector<Occurrence>& occurrences) {
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
