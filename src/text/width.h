#pragma once
/// Terminal display width, so that carets line up under Korean text.

#include <cstddef>
#include <string_view>

namespace factlint {

/// Cells a code point takes in a terminal: 2 for East Asian Wide and Fullwidth characters
/// (Hangul syllables, CJK), 0 for combining marks, format characters and the medial/final jamo
/// of a decomposed syllable, 1 otherwise. Uses ICU's East_Asian_Width property.
int display_width(char32_t cp);

/// Sum of display_width over the code points of `text` (valid UTF-8).
std::size_t display_width(std::string_view text);

}  // namespace factlint
