#include "text/utf8.h"

namespace factlint::utf8 {

std::optional<std::size_t> find_invalid(std::string_view text) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  std::size_t i = 0;
  while (i < n) {
    // Fast path: eight ASCII bytes at a time.
    while (i + 8 <= n) {
      std::uint64_t chunk;
      __builtin_memcpy(&chunk, s + i, 8);
      if (chunk & 0x8080808080808080ull) break;
      i += 8;
    }
    // Fast path: three-byte sequences E1..EC / EE..EF (Hangul syllables, CJK, most punctuation),
    // whose second byte may be any continuation byte.
    while (i + 3 <= n && s[i] >= 0xE1 && s[i] <= 0xEF && s[i] != 0xED &&
           (s[i + 1] & 0xC0) == 0x80 && (s[i + 2] & 0xC0) == 0x80) {
      i += 3;
    }
    if (i >= n) break;
    const unsigned char b = s[i];
    if (b < 0x80) {
      ++i;
      continue;
    }
    std::size_t len;
    unsigned char lo = 0x80, hi = 0xBF;  // Allowed range of the second byte.
    if (b >= 0xC2 && b <= 0xDF) {
      len = 2;
    } else if (b >= 0xE0 && b <= 0xEF) {
      len = 3;
      if (b == 0xE0) lo = 0xA0;  // Overlong.
      if (b == 0xED) hi = 0x9F;  // Surrogates.
    } else if (b >= 0xF0 && b <= 0xF4) {
      len = 4;
      if (b == 0xF0) lo = 0x90;  // Overlong.
      if (b == 0xF4) hi = 0x8F;  // Above U+10FFFF.
    } else {
      return i;
    }
    // An incomplete or ill-formed sequence is reported at its first byte.
    if (i + 1 >= n || s[i + 1] < lo || s[i + 1] > hi) return i;
    for (std::size_t k = 2; k < len; ++k)
      if (i + k >= n || (s[i + k] & 0xC0) != 0x80) return i;
    i += len;
  }
  return std::nullopt;
}

std::size_t count_code_points(std::string_view text) {
  // Every byte that is not a continuation byte (10xxxxxx) starts a code point. Eight bytes at a
  // time: a continuation byte has bit 7 set and bit 6 clear.
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  std::size_t continuation = 0;
  std::size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    std::uint64_t chunk;
    __builtin_memcpy(&chunk, s + i, 8);
    const std::uint64_t marks = (chunk & ~(chunk << 1) & 0x8080808080808080ull) >> 7;
    // Sum the eight 0/1 bytes with one multiply (portable, no popcnt instruction needed).
    continuation += static_cast<std::size_t>((marks * 0x0101010101010101ull) >> 56);
  }
  for (; i < n; ++i) continuation += (s[i] & 0xC0) == 0x80;
  return n - continuation;
}

}  // namespace factlint::utf8
