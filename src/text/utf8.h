#pragma once
/// UTF-8 primitives shared by the document model and the checks. All offsets are bytes.

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace factlint::utf8 {

/// The first byte that makes `text` invalid UTF-8 (overlong forms, surrogates and code points
/// above U+10FFFF are invalid), or nullopt when the whole text is valid.
std::optional<std::size_t> find_invalid(std::string_view text);

/// Called by validate() for each code point that is neither ASCII nor a common Hangul syllable.
using OtherCodePoint = void (*)(void* context, char32_t cp, std::size_t offset);

/// find_invalid that also calls `on_other(context, cp, offset)` for every code point before the
/// first invalid byte that is neither ASCII nor a Hangul syllable U+AC00..U+D77F, so that a
/// caller can fold a per-code-point test (the NFC quick check) into the same pass; the bytes
/// after `offset` are not validated yet at that point. ASCII and those syllables, the bulk of
/// Korean text, are told apart from the bytes without decoding. (A plain function pointer keeps
/// the loop compiled once, in utf8.cpp; it is called only for the rare other code points.)
std::optional<std::size_t> validate(std::string_view text, OtherCodePoint on_other, void* context);

/// validate() with a callable `on_other(cp, offset)`.
template <class OnOther>
std::optional<std::size_t> validate(std::string_view text, OnOther& on_other) {
  return validate(
      text,
      [](void* context, char32_t cp, std::size_t offset) {
        (*static_cast<OnOther*>(context))(cp, offset);
      },
      &on_other);
}

/// Length in bytes of the sequence whose lead byte is `lead` (1 for continuation bytes, so that
/// loops over already-validated text always advance).
constexpr std::size_t sequence_length(unsigned char lead) {
  if (lead < 0xC0) return 1;
  if (lead < 0xE0) return 2;
  if (lead < 0xF0) return 3;
  return 4;
}

/// Decodes the code point starting at `text[pos]` (text must be valid UTF-8) and advances `pos`.
inline char32_t decode(std::string_view text, std::size_t& pos) {
  auto b0 = static_cast<unsigned char>(text[pos]);
  std::size_t len = sequence_length(b0);
  if (pos + len > text.size()) len = 1;
  char32_t cp;
  switch (len) {
    case 1:
      cp = b0;
      break;
    case 2:
      cp = ((b0 & 0x1Fu) << 6) | (static_cast<unsigned char>(text[pos + 1]) & 0x3Fu);
      break;
    case 3:
      cp = ((b0 & 0x0Fu) << 12) | ((static_cast<unsigned char>(text[pos + 1]) & 0x3Fu) << 6) |
           (static_cast<unsigned char>(text[pos + 2]) & 0x3Fu);
      break;
    default:
      cp = ((b0 & 0x07u) << 18) | ((static_cast<unsigned char>(text[pos + 1]) & 0x3Fu) << 12) |
           ((static_cast<unsigned char>(text[pos + 2]) & 0x3Fu) << 6) |
           (static_cast<unsigned char>(text[pos + 3]) & 0x3Fu);
  }
  pos += len;
  return cp;
}

/// Offset of the code point that ends just before `pos` (pos > 0, text valid UTF-8).
inline std::size_t previous(std::string_view text, std::size_t pos) {
  do --pos;
  while (pos > 0 && (static_cast<unsigned char>(text[pos]) & 0xC0) == 0x80);
  return pos;
}

/// Number of code points in `text` (valid UTF-8).
std::size_t count_code_points(std::string_view text);

/// The offset of the first ASCII digit of `text` at or after `from`, or text.size(). Numbers are
/// rare in prose, so the extractors and checks that start at a digit skip to it with this
/// instead of testing every byte.
std::size_t find_digit(std::string_view text, std::size_t from);

/// Appends the UTF-8 encoding of `cp` to `out`.
template <class String>
void append(String& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

/// True for precomposed Hangul syllables (가..힣).
inline bool is_hangul_syllable(char32_t cp) { return cp >= 0xAC00 && cp <= 0xD7A3; }

/// True when the Hangul syllable `cp` has a final consonant (받침).
inline bool has_final_consonant(char32_t cp) {
  return is_hangul_syllable(cp) && (cp - 0xAC00) % 28 != 0;
}

/// True for ASCII digits.
inline bool is_digit(char32_t cp) { return cp >= '0' && cp <= '9'; }

/// space_length for the bytes that may start white space other than ' ': tab, LF and the lead
/// bytes C2, E1, E2, E3 (everything else is settled inline by space_length).
std::size_t rare_space_length(std::string_view text, std::size_t pos);

/// Length in bytes of the whitespace character (as is_space, plus LF) starting at `text[pos]`,
/// or 0 when there is none; decides from the bytes without decoding. Small enough to inline in
/// every word scan: letters, digits, Hangul, CJK and ' ' are settled by the lead byte.
inline std::size_t space_length(std::string_view text, std::size_t pos) {
  const auto lead = static_cast<unsigned char>(text[pos]);
  if ((lead > ' ' && lead < 0x80) || lead >= 0xE4) return 0;
  if (lead == ' ') return 1;
  return rare_space_length(text, pos);
}

/// Per lead byte: the length of the character it starts when that character is never white space
/// (as space_length sees it), 0 for the bytes that may start white space (' ', '\t', '\n' and the
/// lead bytes C2, E1, E2, E3), which space_length must decide. Lets a word scan skip a Hangul
/// syllable with one lookup.
inline constexpr std::array<std::uint8_t, 256> kNeverSpaceLength = [] {
  std::array<std::uint8_t, 256> length{};
  for (unsigned b = 0; b < 256; ++b) {
    const bool may_be_space =
        b == ' ' || b == '\t' || b == '\n' || b == 0xC2 || b == 0xE1 || b == 0xE2 || b == 0xE3;
    length[b] = may_be_space
                    ? 0
                    : static_cast<std::uint8_t>(sequence_length(static_cast<unsigned char>(b)));
  }
  return length;
}();

/// Unicode White_Space that separates words in running text (space, tab, NBSP, ideographic space,
/// the U+2000 block). Line breaks are handled by the document model, not here.
inline bool is_space(char32_t cp) {
  return cp == ' ' || cp == '\t' || cp == 0xA0 || cp == 0x3000 || (cp >= 0x2000 && cp <= 0x200A) ||
         cp == 0x202F || cp == 0x205F || cp == 0x1680;
}

}  // namespace factlint::utf8
