#pragma once
/// Date expressions in Korean news text: "2024년 3월 5일", "2024.3.5.", "5일(화)", "지난달 28일",
/// "오는 12일", "어제", "이날". The recognized forms, the resolution rules and their limits are
/// listed in docs/extractors.md.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extract/civil_date.h"

namespace factlint::extract {

enum class DateKind {
  absolute,  ///< the numbers are on the page: 2024년 3월 5일, 3월 5일, 5일
  relative,  ///< counted from the publication date: 지난달 28일, 오는 12일, 어제, 이날
};

/// One date expression. Offsets are bytes into the text that was searched.
struct DateExpr {
  std::size_t begin = 0;
  std::size_t end = 0;  ///< includes a weekday note such as "(화)"
  /// Absolute dates: exactly what is written ("3월 5일" has no year). Relative dates: the
  /// written parts plus what the publication date supplies ("지난해 7월" → 2023, 7).
  std::optional<int> year, month, day;
  /// 0 = Monday .. 6 = Sunday, from "(화)", "(화요일)", " 화요일" after the day or a weekday
  /// after 지난주/이번 주/다음 주.
  std::optional<int> weekday_written;
  DateKind kind = DateKind::absolute;
  /// The relative word as written ("지난달", "이번 달", "올해", "어제", "지난", "오는",
  /// "이날"); empty for absolute dates.
  std::string relative;
  /// The full date when the day is known and, for partial or relative dates, `published` was
  /// given; nullopt for year- or month-only expressions and for invalid dates.
  std::optional<CivilDate> resolved;
  /// A written date that cannot exist: 2월 30일, 13월, 2023년 2월 29일, 지난달 30일 in March.
  bool invalid = false;
};

/// Every date expression in `text` (UTF-8, NFC), in order and non-overlapping. `published`
/// resolves partial and relative dates; "이날" takes the last resolved date before it in the
/// same text, else `published`, so pass whole paragraphs or the whole document.
/// Durations (5일간, 3일 동안, 30일 만에, 1990년대) and recurring dates (매년 3월 1일) yield
/// nothing.
std::vector<DateExpr> find_dates(std::string_view text, std::optional<CivilDate> published);

}  // namespace factlint::extract
