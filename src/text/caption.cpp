#include "text/caption.h"

#include <array>

#include "text/utf8.h"

namespace factlint {
namespace {

constexpr std::array<std::string_view, 6> kLeadMarks = {"=", "▲", "△", "▶", "ⓒ", "©"};
constexpr std::array<std::string_view, 10> kCreditOpeners = {
    "사진=", "사진 =", "사진제공", "사진 제공", "[사진",
    "(사진", "<사진",  "그래픽=",  "[그래픽",   "(그래픽"};

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

std::size_t count_words(std::string_view s) {
  std::size_t words = 0;
  bool in_word = false;
  for (std::size_t i = 0; i < s.size();) {
    const bool space = utf8::is_space(utf8::decode(s, i));
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

/// A line that ends like a sentence of prose ("...했다.", "...이다.") is not a caption.
bool ends_like_prose(std::string_view s) {
  return s.ends_with("다.") || s.ends_with("다.”") || s.ends_with("다.\"") || s.ends_with("요.");
}

/// Strips the markers a caption line starts with, leaving its description or credit.
std::string_view caption_body(std::string_view s) {
  for (std::string_view mark : kLeadMarks) {
    if (s.starts_with(mark)) return trim(s.substr(mark.size()));
  }
  return s;
}

}  // namespace

CaptionInfo classify_caption(std::string_view raw) {
  const std::string_view line = trim(raw);
  CaptionInfo info;
  if (line.empty() || utf8::count_code_points(line) > 300 || ends_like_prose(line)) return info;
  bool lead = false;
  for (std::string_view mark : kLeadMarks) lead = lead || line.starts_with(mark);
  bool credit_open = false;
  for (std::string_view opener : kCreditOpeners)
    credit_open = credit_open || line.starts_with(opener);
  // "description = source" with a short source at the end of the line.
  bool trailing_credit = false;
  if (const std::size_t eq = line.rfind(" = "); eq != std::string_view::npos && eq > 0) {
    trailing_credit = count_words(line.substr(eq + 3)) <= 4;
  }
  const bool trailing_photo =
      line.ends_with(")") && (line.find("(사진=") != std::string_view::npos ||
                              line.find("(사진 =") != std::string_view::npos);
  info.is_caption = lead || credit_open || trailing_credit || trailing_photo;
  if (info.is_caption) {
    const std::string_view body = caption_body(line);
    // "description = source" and "description (사진=source)" describe a photo; only a line that
    // starts as a caption and holds a few words of source credits it.
    info.credit_only = (lead || credit_open) && count_words(body) <= 4 &&
                       body.find(" = ") == std::string_view::npos && !trailing_photo;
  }
  return info;
}

}  // namespace factlint
