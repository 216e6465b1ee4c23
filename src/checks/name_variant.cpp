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
#include <span>
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

bool has_latin(std::string_view s) {
  return std::any_of(s.begin(), s.end(),
                     [](char c) { return is_latin(static_cast<unsigned char>(c)); });
}

/// Appends the comparison key of `s` to `key`: spaces removed, Latin lowercased.
void append_folded(std::string& key, std::string_view s) {
  const std::size_t from = key.size();
  key.append(s);
  for (std::size_t i = from; i < key.size(); ++i) {
    if (key[i] >= 'A' && key[i] <= 'Z') key[i] = static_cast<char>(key[i] - 'A' + 'a');
  }
  // A stem holds no space, but the key is defined without them.
  if (s.find(' ') != std::string_view::npos) {
    key.erase(std::remove(key.begin() + static_cast<std::ptrdiff_t>(from), key.end(), ' '),
              key.end());
  }
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
struct Eojeol {
  Span span;
  bool latin = false;
  bool transliteration = false;
  bool interesting() const { return latin || transliteration; }
};

/// What analysing an eojeol found.
struct Analysis {
  bool analysed = false;
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

/// True for the lead byte of a character of U+A000..U+DFFF, the range that holds the Hangul
/// syllables (U+AC00..U+D7A3); valid UTF-8 has all three bytes.
bool leads_hangul_block(unsigned char lead) { return lead >= 0xEA && lead <= 0xED; }

/// Skips the whitespace at `i`.
std::size_t skip_spaces(std::string_view text, std::size_t i, std::size_t end) {
  while (i < end) {
    const std::size_t space = utf8::space_length(text, i);
    if (space == 0) break;
    i += space;
  }
  return i;
}

/// The end of the eojeol that `i` is in: the first whitespace from `i` on, or `end`.
std::size_t eojeol_end(std::string_view text, std::size_t i, std::size_t end) {
  while (i < end && utf8::space_length(text, i) == 0) {
    i += utf8::sequence_length(static_cast<unsigned char>(text[i]));
  }
  return std::min(i, end);
}

/// Where the eojeol of the whole text start, for count_parts: one bit per byte of the text, so
/// an eighth of its size whatever it holds. (Offsets took 4 bytes per eojeol, half the size of
/// Korean text, and twice that while the vector grew.)
class EojeolStarts {
 public:
  explicit EojeolStarts(std::size_t text_size) : bits_((text_size + 63) / 64, 0) {}

  void add(std::size_t offset) { bits_[offset / 64] |= std::uint64_t{1} << (offset % 64); }

  /// Calls `fn(offset)` for each recorded start, in order.
  template <class Fn>
  void for_each(Fn&& fn) const {
    for (std::size_t w = 0; w < bits_.size(); ++w) {
      for (std::uint64_t bits = bits_[w]; bits != 0; bits &= bits - 1) {
        fn(w * 64 + static_cast<std::size_t>(std::countr_zero(bits)));
      }
    }
  }

 private:
  std::vector<std::uint64_t> bits_;
};

/// Splits a line into eojeol exactly as Document::for_each_word does and notes which are
/// interesting, in one pass over the bytes with no decoding. Starts at `from` (an eojeol start or
/// whitespace) and appends at most `max_words` eojeol to `words`, then moves `from` past them and
/// the whitespace after them: to the next eojeol, or to `line_end`. Appends the start of each
/// eojeol to `starts` unless it is null. Returns true when some appended eojeol is interesting.
bool split_line(std::string_view text, std::size_t& from, std::size_t line_end,
                std::size_t max_words, std::vector<Eojeol>& words, EojeolStarts* starts) {
  bool any_interesting = false;
  std::size_t i = skip_spaces(text, from, line_end);
  for (std::size_t n = 0; n < max_words && i < line_end; ++n) {
    Eojeol word{{i, i}};
    while (i < line_end) {
      const auto lead = static_cast<unsigned char>(text[i]);
      if (leads_hangul_block(lead)) {
        word.transliteration = word.transliteration || transliteration_at(text, i);
        i += 3;
      } else if (lead > ' ' && lead < 0x80) {
        word.latin = word.latin || is_latin(lead);
        ++i;
      } else if (utf8::space_length(text, i) == 0) {
        i += utf8::sequence_length(lead);
      } else {
        break;
      }
    }
    word.span.end = std::min(i, line_end);
    any_interesting = any_interesting || word.interesting();
    words.push_back(word);
    if (starts != nullptr) starts->add(word.span.begin);
    i = skip_spaces(text, i, line_end);
  }
  from = std::min(i, line_end);
  return any_interesting;
}

bool has_hangul_syllable(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    if (utf8::is_hangul_syllable(utf8::decode(s, i))) return true;
  }
  return false;
}

/// What decides whether a line is English (see is_english_line), counted eojeol by eojeol.
struct LanguageCounts {
  std::size_t latin_words = 0;   ///< Eojeol with Latin letters and no Hangul syllable.
  std::size_t hangul_words = 0;  ///< Eojeol with a Hangul syllable.

  void add(std::string_view text, std::span<const Eojeol> words) {
    for (const Eojeol& w : words) {
      if (has_hangul_syllable(text.substr(w.span.begin, w.span.size()))) {
        ++hangul_words;
      } else if (w.latin) {
        ++latin_words;
      }
    }
  }

  /// A line whose words are mostly Latin is English text quoted in or appended to the article;
  /// its words follow English capitalisation and spacing, not the article's spelling of names.
  bool english() const { return latin_words >= 3 && latin_words > hangul_words; }
};

/// LanguageCounts::english() for a line whose eojeol are all in `words`.
bool is_english_line(std::string_view text, const std::vector<Eojeol>& words) {
  // Eojeol without Latin letters count only as Hangul words, so the line is English only
  // with three eojeol that have Latin letters; most lines are settled without decoding.
  const auto with_latin =
      std::count_if(words.begin(), words.end(), [](const Eojeol& w) { return w.latin; });
  if (with_latin < 3) return false;
  LanguageCounts counts;
  counts.add(text, words);
  return counts.english();
}

/// A line is split and analysed at most this many eojeol at a time, so that the memory for its
/// eojeol and their analyses stays small however long the line is: a whole article pasted as
/// one line, or hostile input. Nearly every line fits in one window.
constexpr std::size_t kWindowWords = 4096;

/// Index of a name character (Latin, digit, Hangul syllable) in a dense table: ASCII as it is,
/// Hangul syllables after it.
constexpr std::size_t kNameCharSlots = 128 + (0xD7A3 - 0xAC00 + 1);
std::size_t name_char_slot(char32_t cp) { return cp < 128 ? cp : 128 + (cp - 0xAC00); }

/// The parts of spaced spellings, for count_parts: sorted by their first character, with a bit
/// per first character so that most eojeol are rejected by one test.
class PartIndex {
 public:
  explicit PartIndex(const std::unordered_map<std::string_view, std::size_t>& counts) {
    parts_.reserve(counts.size());
    for (const auto& entry : counts) {
      std::size_t i = 0;
      const char32_t initial = utf8::decode(entry.first, i);
      parts_.push_back({initial, entry.first});
      initials_.set(name_char_slot(initial));
    }
    std::sort(parts_.begin(), parts_.end(),
              [](const Part& a, const Part& b) { return a.initial < b.initial; });
  }

  /// True when some part starts with the name character `initial`.
  bool has_initial(char32_t initial) const { return initials_.test(name_char_slot(initial)); }

  /// True when some part is a prefix of `rest`, which starts with the name character `initial`.
  bool may_start(char32_t initial, std::string_view rest) const {
    if (!has_initial(initial)) return false;
    auto it = std::lower_bound(parts_.begin(), parts_.end(), initial,
                               [](const Part& p, char32_t c) { return p.initial < c; });
    for (; it != parts_.end() && it->initial == initial; ++it) {
      if (rest.starts_with(it->text)) return true;
    }
    return false;
  }

 private:
  struct Part {
    char32_t initial;
    std::string_view text;
  };
  std::vector<Part> parts_;
  std::bitset<kNameCharSlots> initials_;
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
    const std::size_t hash = std::hash<std::string_view>{}(key);
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
    std::vector<Eojeol> words;
    std::vector<Analysis> analyses;
    const std::string_view text = doc.text();
    // Every eojeol of the text is split here anyway; count_parts needs them again.
    EojeolStarts starts(text.size());
    for (std::size_t line = 0; line < doc.line_count(); ++line) {
      const Span span = doc.line(line);
      std::size_t rest = span.begin;
      words.clear();
      // One eojeol more than a window: a line that fits is split only once.
      const bool interesting = split_line(text, rest, span.end, kWindowWords + 1, words, &starts);
      if (rest < span.end) {
        collect_long_line(doc, span, interesting, words, analyses, starts, candidates);
        continue;
      }
      // A line without an interesting eojeol has no candidate.
      if (!interesting) continue;
      if (is_english_line(text, words)) continue;
      analyse_words(doc, words, 0, words.size(), analyses);
      collect_line(doc, words, analyses, 0, words.size(), candidates);
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
    if (!part_counts.empty()) count_parts(doc, starts, part_counts);
    for (const Candidates::Group& group : variants) {
      if (fires(doc, group.key, group.occurrences, part_counts)) {
        report(doc, context, out, group.occurrences);
      }
    }
  }

 private:
  /// Analyses words[first, end) that are interesting or next to one; words[first - 1] and
  /// words[end], when there, are only their neighbours.
  static void analyse_words(const Document& doc, std::span<const Eojeol> words, std::size_t first,
                            std::size_t end, std::vector<Analysis>& storage) {
    const std::string_view text = doc.text();
    storage.assign(words.size(), Analysis{});
    // Spans, not the vectors: their data pointers then stay in registers across the loop.
    const std::span<Analysis> analyses(storage);
    for (std::size_t i = first; i < end; ++i) {
      const bool near = words[i].interesting() || (i > 0 && words[i - 1].interesting()) ||
                        (i + 1 < words.size() && words[i + 1].interesting());
      if (!near) continue;
      Analysis& a = analyses[i];
      a.analysed = true;
      a.word = analyse(text, words[i].span);
      a.scan = scan(doc.slice(a.word.stem));
    }
  }

  /// Adds the candidates of words[first, end): each alone and each with the eojeol before it,
  /// which is words[first - 1] for the first when first > 0.
  static void collect_line(const Document& doc, std::span<const Eojeol> words,
                           std::span<const Analysis> analyses, std::size_t first, std::size_t end,
                           Candidates& candidates) {
    for (std::size_t i = first; i < end; ++i) {
      if (!analyses[i].analysed) continue;
      const Word& w = analyses[i].word;
      if (w.stem.empty()) continue;
      const Scan& s = analyses[i].scan;
      const std::string_view stem = doc.slice(w.stem);
      if ((s.latin > 0 && !is_lowercase_word(stem)) || (s.other == 0 && s.transliteration)) {
        candidates.add(stem, {}, {w.stem, {}});
      }
      // Two eojeol that may be one name written with a space: the first is a bare word and the
      // second starts right at its stem.
      // Markup blanked into spaces (오픈**AI**) is not a space the writer typed.
      const Analysis* before = i > 0 ? &analyses[i - 1] : nullptr;
      if (before != nullptr && before->analysed && !before->word.stem.empty() &&
          before->word.bare_end && w.bare_start &&
          !doc.touches_blanked({words[i - 1].span.end, words[i].span.begin})) {
        add_pair(doc, *before, analyses[i], candidates);
      }
    }
  }

  /// The candidates of a line longer than one window, whose first kWindowWords + 1 eojeol are
  /// in `words` (and in `starts`) and said `interesting`. Whether the line is interesting and
  /// English is counted over the whole line first, one window at a time. Then each window is
  /// analysed with the eojeol before it (and its analysis) and the one after it, the only
  /// neighbours analyse_words and collect_line look at, so the candidates are those one window
  /// holding the whole line would give.
  static void collect_long_line(const Document& doc, Span line, bool interesting,
                                std::vector<Eojeol>& words, std::vector<Analysis>& analyses,
                                EojeolStarts& starts, Candidates& candidates) {
    const std::string_view text = doc.text();
    LanguageCounts counts;
    counts.add(text, words);
    for (std::size_t rest = words.back().span.end; rest < line.end;) {
      words.clear();
      interesting = split_line(text, rest, line.end, kWindowWords, words, &starts) || interesting;
      counts.add(text, words);
    }
    if (!interesting || counts.english()) return;

    Eojeol carried_word;
    Analysis carried_analysis;
    bool carried = false;
    for (std::size_t rest = line.begin;;) {
      words.clear();
      if (carried) words.push_back(carried_word);
      const std::size_t first = words.size();
      split_line(text, rest, line.end, kWindowWords + 1, words, nullptr);
      // Before the end of the line the last eojeol is only a neighbour; it opens the next window.
      const bool last = rest == line.end;
      const std::size_t end = last ? words.size() : words.size() - 1;
      analyse_words(doc, words, first, end, analyses);
      if (carried) analyses.front() = carried_analysis;
      collect_line(doc, words, analyses, first, end, candidates);
      if (last) return;
      carried_word = words[end - 1];
      carried_analysis = analyses[end - 1];
      carried = true;
      rest = words[end].span.begin;
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

  /// Counts the eojeol of the whole text whose stem is a part, from where they start.
  static void count_parts(const Document& doc, const EojeolStarts& starts, PartCounts& counts) {
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
    starts.for_each([&](std::size_t start) {
      // Most eojeol start with a Hangul syllable that starts no part: rejected here at once.
      if (leads_hangul_block(static_cast<unsigned char>(text[start]))) {
        std::size_t i = start;
        const char32_t cp = utf8::decode(text, i);
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
