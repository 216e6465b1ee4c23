#include "text/utf8.h"

#include <algorithm>

#if defined(__SSE2__) && defined(__x86_64__)
#include <emmintrin.h>
#endif

namespace factlint::utf8 {

namespace {

/// True when the three bytes at `p` are a Hangul syllable U+AC00..U+D77F, EA B0 80 .. ED 9D BF:
/// lead and second byte together between EA B0 and ED 9D, and the second and third bytes both
/// continuation bytes (10xxxxxx). The last 36 syllables (U+D780..) share their ED 9E with code
/// points that are not syllables and take the general path.
inline bool is_common_syllable(const unsigned char* p) {
  const unsigned lead_and_second = static_cast<unsigned>(p[0]) << 8 | p[1];
  std::uint16_t tail;
  __builtin_memcpy(&tail, p + 1, 2);
  return lead_and_second - 0xEAB0u <= 0xED9Du - 0xEAB0u && (tail & 0xC0C0u) == 0x8080u;
}

/// Validates the sequence at `i` that is neither ASCII nor a common Hangul syllable, as
/// find_invalid, decoding it into `cp`. Returns its length, or 0 when it is invalid.
inline std::size_t other_sequence(const unsigned char* s, std::size_t n, std::size_t i,
                                  char32_t& cp) {
  const unsigned b = s[i];
  std::size_t len;
  unsigned lo = 0x80, hi = 0xBF;  // Allowed range of the second byte.
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
    return 0;
  }
  // An incomplete or ill-formed sequence is reported at its first byte.
  if (i + 1 >= n || s[i + 1] < lo || s[i + 1] > hi) return 0;
  cp = b & (0x7Fu >> len);
  for (std::size_t k = 1; k < len; ++k) {
    if (i + k >= n || (s[i + k] & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (s[i + k] & 0x3Fu);
  }
  return len;
}

#if defined(__SSE2__) && defined(__x86_64__)
/// How many bytes from `p` (a character boundary; eighteen bytes readable) are ASCII and whole
/// common Hangul syllables (as is_common_syllable), looking at sixteen starting bytes: 16 to 18
/// when all are (a syllable that starts in the block is taken whole), else the offset of the
/// first byte the scalar loop must look at, which is a character boundary or an invalid byte.
/// Korean news is mostly such blocks, so a block costs a few vector compares instead of a
/// branch per character.
inline unsigned plain_prefix(const unsigned char* p) {
  const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  const unsigned non_ascii = static_cast<unsigned>(_mm_movemask_epi8(v));
  if (non_ascii == 0) return 16;
  // Lane k of `second` and `third` holds byte k + 1 and k + 2, so each lane sees its whole
  // sequence. As signed bytes: continuation bytes 0x80..0xBF are -128..-65, the leads EA..ED
  // -22..-19, second bytes 0x80..0xAF (below EA B0) are below -80 and 0x9E..0xBF (above ED 9D)
  // above -99.
  const __m128i second = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 1));
  const __m128i third = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 2));
  const __m128i lead =
      _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8(-23)), _mm_cmplt_epi8(v, _mm_set1_epi8(-18)));
  const __m128i continued = _mm_and_si128(_mm_cmplt_epi8(second, _mm_set1_epi8(-64)),
                                          _mm_cmplt_epi8(third, _mm_set1_epi8(-64)));
  const __m128i out_of_range =
      _mm_or_si128(_mm_and_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(static_cast<char>(0xEA))),
                                 _mm_cmplt_epi8(second, _mm_set1_epi8(-80))),
                   _mm_and_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(static_cast<char>(0xED))),
                                 _mm_cmpgt_epi8(second, _mm_set1_epi8(-99))));
  const unsigned syllable = static_cast<unsigned>(
      _mm_movemask_epi8(_mm_andnot_si128(out_of_range, _mm_and_si128(lead, continued))));
  const unsigned tail = (syllable << 1) | (syllable << 2);  // Bits 16 and 17: past the block.
  // Any other byte (another lead, a continuation byte no syllable explains) stops the prefix.
  const unsigned other = (non_ascii & ~(syllable | tail)) & 0xFFFFu;
  if (other != 0) return static_cast<unsigned>(__builtin_ctz(other));
  return 16 + ((tail >> 16) & 1) + ((tail >> 17) & 1);
}
#endif

}  // namespace

std::optional<std::size_t> validate(std::string_view text, OtherCodePoint on_other, void* context) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  std::size_t i = 0;
  // While four bytes are left, a syllable's three bytes need no bounds check; the last few
  // bytes take the checked loop below.
  const std::size_t unchecked_end = n >= 4 ? n - 3 : 0;
  while (i < unchecked_end) {
#if defined(__SSE2__) && defined(__x86_64__)
    // Sixteen bytes at a time while they are ASCII and common syllables (a syllable cut by the
    // end of the block starts the next one); the scalar loop below takes one character only
    // when a block cannot start at all.
    if (i + 18 <= n) {
      if (const unsigned run = plain_prefix(s + i); run != 0) {
        i += run;
        continue;
      }
    }
#endif
    if (s[i] < 0x80) {
      ++i;
      continue;
    }
    if (is_common_syllable(s + i)) {
      i += 3;
      continue;
    }
    char32_t cp = 0;
    const std::size_t len = other_sequence(s, n, i, cp);
    if (len == 0) return i;
    on_other(context, cp, i);
    i += len;
  }
  while (i < n) {
    if (s[i] < 0x80) {
      ++i;
      continue;
    }
    if (i + 3 <= n && is_common_syllable(s + i)) {
      i += 3;
      continue;
    }
    char32_t cp = 0;
    const std::size_t len = other_sequence(s, n, i, cp);
    if (len == 0) return i;
    on_other(context, cp, i);
    i += len;
  }
  return std::nullopt;
}

std::optional<std::size_t> find_invalid(std::string_view text) {
  return validate(
      text, [](void*, char32_t, std::size_t) {}, nullptr);
}

std::size_t count_code_points(std::string_view text) {
  // Every byte that is not a continuation byte (10xxxxxx) starts a code point, so the count is
  // the size minus the continuation bytes.
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  std::size_t continuation = 0;
  std::size_t i = 0;
#if defined(__SSE2__) && defined(__x86_64__)
  // Sixteen bytes at a time: as signed bytes, continuation bytes are exactly those below -64
  // (0x80..0xBF). Each compare gives -1 per continuation byte; up to 255 rounds of per-byte
  // counts fit in a byte before psadbw adds them up.
  const __m128i below = _mm_set1_epi8(-64);
  while (i + 16 <= n) {
    __m128i counts = _mm_setzero_si128();
    const std::size_t rounds = std::min<std::size_t>((n - i) / 16, 255);
    for (std::size_t r = 0; r < rounds; ++r, i += 16) {
      const __m128i chunk = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s + i));
      counts = _mm_sub_epi8(counts, _mm_cmplt_epi8(chunk, below));
    }
    const __m128i sums = _mm_sad_epu8(counts, _mm_setzero_si128());
    continuation += static_cast<std::size_t>(_mm_cvtsi128_si64(sums)) +
                    static_cast<std::size_t>(_mm_cvtsi128_si64(_mm_unpackhi_epi64(sums, sums)));
  }
#else
  // Eight bytes at a time: a continuation byte has bit 7 set and bit 6 clear.
  for (; i + 8 <= n; i += 8) {
    std::uint64_t chunk;
    __builtin_memcpy(&chunk, s + i, 8);
    const std::uint64_t marks = (chunk & ~(chunk << 1) & 0x8080808080808080ull) >> 7;
    // Sum the eight 0/1 bytes with one multiply (portable, no popcnt instruction needed).
    continuation += static_cast<std::size_t>((marks * 0x0101010101010101ull) >> 56);
  }
#endif
  for (; i < n; ++i) continuation += (s[i] & 0xC0) == 0x80;
  return n - continuation;
}

std::size_t rare_space_length(std::string_view text, std::size_t pos) {
  const auto b = [&](std::size_t k) {
    return pos + k < text.size() ? static_cast<unsigned char>(text[pos + k]) : 0u;
  };
  switch (b(0)) {
    case ' ':
    case '\t':
    case '\n':
      return 1;
    case 0xC2:
      return b(1) == 0xA0 ? 2 : 0;  // U+00A0
    case 0xE1:
      return b(1) == 0x9A && b(2) == 0x80 ? 3 : 0;  // U+1680
    case 0xE2:
      if (b(1) == 0x80) return (b(2) <= 0x8A || b(2) == 0xAF) ? 3 : 0;  // U+2000..200A, 202F
      return b(1) == 0x81 && b(2) == 0x9F ? 3 : 0;                      // U+205F
    case 0xE3:
      return b(1) == 0x80 && b(2) == 0x80 ? 3 : 0;  // U+3000
    default:
      return 0;
  }
}

std::size_t find_digit(std::string_view text, std::size_t from) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  std::size_t i = from;
#if defined(__SSE2__) && defined(__x86_64__)
  // A byte is a digit when, as a signed byte after subtracting '0' + 128, it is below -118:
  // '0'..'9' map to -128..-119 and every other byte above.
  const __m128i shift = _mm_set1_epi8(static_cast<char>('0' + 128));
  const __m128i limit = _mm_set1_epi8(-118);
  for (; i + 16 <= n; i += 16) {
    const __m128i chunk = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s + i));
    const int mask = _mm_movemask_epi8(_mm_cmplt_epi8(_mm_sub_epi8(chunk, shift), limit));
    if (mask != 0) return i + static_cast<std::size_t>(__builtin_ctz(static_cast<unsigned>(mask)));
  }
#endif
  while (i < n && (s[i] < '0' || s[i] > '9')) ++i;
  return std::min(i, n);
}

}  // namespace factlint::utf8
