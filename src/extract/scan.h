#pragma once
/// Byte-pointer helpers shared by the Spirit X3 extractors (numbers, dates): they scan the text
/// as `const char*` ranges, the iterator type the grammars run on. Also the word-list test the
/// fact checks run on every figure.

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <span>
#include <string_view>

namespace factlint::extract::scan {

using Iter = const char*;

inline bool is_digit(char c) { return c >= '0' && c <= '9'; }
inline bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
inline bool is_alnum(char c) { return is_digit(c) || is_alpha(c); }

/// The code point that starts at `p`; 0 at the end, U+FFFD for a malformed sequence.
inline char32_t code_point_at(Iter p, Iter end) {
  if (p >= end) return 0;
  const auto lead = static_cast<unsigned char>(*p);
  if (lead < 0x80) return lead;
  const int len = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 0;
  if (len == 0 || end - p < len) return 0xFFFD;
  char32_t cp = lead & (0x7F >> len);
  for (int i = 1; i < len; ++i) cp = (cp << 6) | (static_cast<unsigned char>(p[i]) & 0x3F);
  return cp;
}

/// The code point that ends just before `p`; 0 at the start of the text.
inline char32_t code_point_before(Iter begin, Iter p) {
  if (p <= begin) return 0;
  Iter q = p - 1;
  while (q > begin && p - q < 4 && (static_cast<unsigned char>(*q) & 0xC0) == 0x80) --q;
  return code_point_at(q, p);
}

inline bool is_hangul(char32_t c) { return c >= 0xAC00 && c <= 0xD7A3; }

/// is_hangul(code_point_before(begin, p)), reading the three bytes before `p` at once instead of
/// walking back: a Hangul syllable is always a lead byte EA..ED and two continuation bytes, and
/// anything else before `p` (a shorter sequence, a stray continuation byte) is not one.
inline bool hangul_before(Iter begin, Iter p) {
  if (p - begin < 3) return false;
  const auto b0 = static_cast<unsigned char>(p[-3]);
  const auto b1 = static_cast<unsigned char>(p[-2]);
  const auto b2 = static_cast<unsigned char>(p[-1]);
  if (b0 < 0xEA || b0 > 0xED || (b1 & 0xC0) != 0x80 || (b2 & 0xC0) != 0x80) return false;
  return is_hangul(((b0 & 0x0Fu) << 12) | ((b1 & 0x3Fu) << 6) | (b2 & 0x3Fu));
}

/// The Hangul syllable (U+AC00..U+D7A3) that starts `s`, as an index from 0 (가), or -1 when
/// the first three bytes are anything else.
constexpr int syllable_index(std::string_view s) {
  if (s.size() < 3) return -1;
  const auto b0 = static_cast<unsigned char>(s[0]);
  const auto b1 = static_cast<unsigned char>(s[1]);
  const auto b2 = static_cast<unsigned char>(s[2]);
  // With two continuation bytes, UTF-8 keeps code point order in byte order: the syllables
  // U+AC00..U+D7A3 are exactly the sequences EA B0 80 .. ED 9E A3.
  const std::uint32_t bytes = (std::uint32_t{b0} << 16) | (std::uint32_t{b1} << 8) | b2;
  if ((bytes & 0xC0C0) != 0x8080 || bytes - 0xEAB080u > 0xED9EA3u - 0xEAB080u) return -1;
  const int cp = ((b0 & 0x0F) << 12) | ((b1 & 0x3F) << 6) | (b2 & 0x3F);
  return cp - 0xAC00;
}

/// The first syllables of a list of Hangul words, one bit per syllable: a word that starts with
/// none of them is turned away with a few instructions instead of a walk through the list.
class FirstSyllables {
 public:
  template <std::size_t N>
  constexpr explicit FirstSyllables(const std::string_view (&words)[N]) {
    for (std::string_view w : words) {
      const int i = syllable_index(w);
      if (i < 0) throw "every word must start with a Hangul syllable";  // fails the build
      bits_[static_cast<std::size_t>(i) / 64] |= std::uint64_t{1} << (i % 64);
      const unsigned pair = pair_key(w[0], w[1]);
      pairs_[pair / 64] |= std::uint64_t{1} << (pair % 64);
    }
  }

  /// Whether `s` starts with one of the syllables; false when it starts with no syllable.
  constexpr bool starts(std::string_view s) const {
    if (s.size() < 3) return false;
    // The first two bytes of a syllable (a block of 64) turn most texts away before the
    // syllable is decoded and checked.
    const unsigned pair = pair_key(s[0], s[1]);
    if ((pairs_[pair / 64] >> (pair % 64) & 1) == 0) return false;
    const int i = syllable_index(s);
    return i >= 0 && (bits_[static_cast<std::size_t>(i) / 64] >> (i % 64) & 1) != 0;
  }

 private:
  /// The lead byte (EA..ED, told apart by its two low bits) and the low six bits of the second.
  static constexpr unsigned pair_key(char b0, char b1) {
    return (static_cast<unsigned char>(b0) & 3u) << 6 | (static_cast<unsigned char>(b1) & 0x3Fu);
  }

  std::array<std::uint64_t, (0xD7A4 - 0xAC00 + 63) / 64> bits_{};
  std::array<std::uint64_t, 4> pairs_{};
};

/// Whether `text` contains `word` (two bytes or more). std::string_view::find looks for the
/// first byte with memchr, and in Korean text the lead bytes of syllables (EA..ED) are a third
/// of all bytes; the last byte of a Hangul word, a continuation byte, is many times rarer.
inline bool contains(std::string_view text, std::string_view word) {
  const char last = word.back();
  std::size_t from = word.size() - 1;
  while (from < text.size()) {
    const void* hit = std::memchr(text.data() + from, last, text.size() - from);
    if (hit == nullptr) return false;
    const auto at = static_cast<std::size_t>(static_cast<const char*>(hit) - text.data());
    if (text.substr(at + 1 - word.size(), word.size()) == word) return true;
    from = at + 1;
  }
  return false;
}

/// s.starts_with(word), comparing a Hangul syllable's worth of bytes inline: words that differ
/// there, and words of one syllable, need no call to memcmp.
inline bool starts_with(std::string_view s, std::string_view word) {
  if (s.size() < word.size()) return false;
  const std::size_t inline_bytes = word.size() < 3 ? word.size() : 3;
  for (std::size_t i = 0; i < inline_bytes; ++i) {
    if (s[i] != word[i]) return false;
  }
  return word.size() <= 3 || s.substr(3, word.size() - 3) == word.substr(3);
}

/// Whether `s` starts with one of `words`. The first two bytes are compared inline before the
/// whole word: the lists are Hangul words, whose first two bytes already tell most of them
/// apart, so a word that cannot match costs a few instructions instead of a call to memcmp.
inline bool starts_with_any(std::string_view s, std::span<const std::string_view> words) {
  for (std::string_view w : words) {
    if (w.size() >= 2 && (s.size() < 2 || s[0] != w[0] || s[1] != w[1])) continue;
    if (s.starts_with(w)) return true;
  }
  return false;
}

}  // namespace factlint::extract::scan
