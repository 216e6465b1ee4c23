#include "text/width.h"

#include <unicode/uchar.h>

#include "text/utf8.h"

namespace factlint {

int display_width(char32_t cp) {
  if (cp < 0x300) return cp < 0x20 || cp == 0x7F ? 0 : 1;  // ASCII and Latin: no ICU call.
  if (utf8::is_hangul_syllable(cp)) return 2;
  // Conjoining jungseong/jongseong render inside the preceding choseong's cell.
  if ((cp >= 0x1160 && cp <= 0x11FF) || (cp >= 0xD7B0 && cp <= 0xD7FF)) return 0;
  const auto c = static_cast<UChar32>(cp);
  const int8_t category = u_charType(c);
  if (category == U_NON_SPACING_MARK || category == U_ENCLOSING_MARK || category == U_FORMAT_CHAR)
    return 0;
  const int eaw = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
  return eaw == U_EA_WIDE || eaw == U_EA_FULLWIDTH ? 2 : 1;
}

std::size_t display_width(std::string_view text) {
  std::size_t width = 0;
  for (std::size_t i = 0; i < text.size();) width += display_width(utf8::decode(text, i));
  return width;
}

}  // namespace factlint
