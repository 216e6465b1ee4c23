#pragma once
/// Byte-pointer helpers shared by the Spirit X3 extractors (numbers, dates): they scan the text
/// as `const char*` ranges, the iterator type the grammars run on.

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

}  // namespace factlint::extract::scan
