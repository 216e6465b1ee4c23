#pragma once
/// Quotation marks of a document, paired into quotations.
///
/// Korean news quotes with double marks (“…” or straight "…") and highlights terms with single
/// marks (‘…’ or '…'). The same characters also serve as apostrophes (don't, O’Neil, ’90s) and
/// as primes after digits (5'11", 30'), which are not quotation marks and are left out here.

#include <cstdint>
#include <optional>
#include <vector>

#include "text/span.h"

namespace factlint {
class Document;
}

namespace factlint::quotes {

enum class Kind : std::uint8_t { double_mark, single_mark };
enum class Style : std::uint8_t { straight, curly };

/// What a quotation mark does, judged only from the characters around it.
enum class Role { opening, closing, unknown };

/// The role of a quotation mark between `before` and `after` (0 at the start or end of a
/// line): after a space, the start of a line, an opening bracket or another opening quote it
/// opens; before a space, the end of a line or punctuation, or right after a sentence's final
/// punctuation ( .”라고 ), it closes. Between two letters (그는"안녕) it cannot tell.
Role role_by_position(char32_t before, char32_t after);

/// One quotation: an opening mark and, when found, its closing mark. A text can hold one for
/// every two bytes (""""…): the small members come last, so that they share the padding.
struct Quotation {
  Span open;
  std::optional<Span> close;  ///< nullopt when the paragraph ends without closing it.
  Kind kind = Kind::double_mark;
  Style style = Style::curly;  ///< The style of the opening mark.
  /// False when the closing mark is not the one that belongs to the opening mark: “…" or
  /// ‘…‘, a quotation typed with two different keys.
  bool close_matches = true;
  /// Not closed in its paragraph, but the next paragraph (or line) opens again with the same
  /// mark: the print convention for a quotation that runs over several paragraphs.
  bool continued = false;
  /// False when the neighbours contradict the pairing (the opening mark sits where a closing one
  /// would, or the other way round), so converting the marks might put them the wrong way.
  bool roles_agree = true;
};

/// Every quotation in `doc`, ordered by the opening mark. Quotations never span paragraphs:
/// what is open when a paragraph ends is either continued or unclosed. A line that ends a
/// sentence ends a paragraph here too, since drafts from a newsroom system write one paragraph
/// per line with no blank line between; a hard-wrapped line that stops mid-sentence does not.
/// A closing mark with nothing open is not a quotation and is not listed.
std::vector<Quotation> find_quotations(const Document& doc);

}  // namespace factlint::quotes
