#pragma once
/// Recognizes photo captions in Korean news drafts. Captions are lines, not prose: other checks
/// skip them, and the duplicate check compares them apart from paragraphs.

#include <string_view>

namespace factlint {

struct CaptionInfo {
  bool is_caption = false;
  /// True when the caption only credits a source ("= 픽사베이", "사진=연합뉴스", "ⓒ 뉴시스"):
  /// such a line can legitimately repeat under different photos.
  bool credit_only = false;
};

/// Classifies one line (without its line end). Forms recognized: a line starting with "=" (the
/// CMS export form), with ▲ △ ▶, with 사진/그래픽 credit forms ("사진=", "[사진=…]", "(사진
/// 제공=…)"), with ⓒ or ©; and a short descriptive line ending in "= source" or "(사진=source)".
CaptionInfo classify_caption(std::string_view line);

}  // namespace factlint
