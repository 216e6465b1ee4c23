#pragma once
/// Number expressions in Korean news text: "1조2000억 원", "약 30%", "10여 명", "1~2년",
/// "제44대", "88,9%". The recognized forms and their limits are listed in docs/extractors.md.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace factlint::extract {

/// What the unit after a number measures.
enum class NumberUnitKind {
  none,     ///< no unit, or a counter the extractor does not know
  percent,  ///< %, ％, 퍼센트, 프로
  percent_point,  ///< %p, 퍼센트포인트, %포인트; 포인트 after a percentage in the same sentence
  currency,    ///< 원, 달러, 유로, 엔, 위안 ... and the prefixes $, US$, €, £, ₩
  count,       ///< 명, 개, 개국, 곳, 건, 가구 ...
  multiplier,  ///< 배
  ordinal,     ///< 제N..., N번째, N위, N등, N차
  other,       ///< time, age, calendar and measurement units: 년, 개월, 세, km, ℃ ...
};

/// One number expression. Offsets are bytes into the text that was searched.
struct Number {
  std::size_t begin = 0;  ///< first byte, including a prefix such as 약, 제 or $
  std::size_t end = 0;  ///< one past the last byte, including 여, the unit and 가량/안팎/정도
  double value = 0;     ///< 1조2000억 → 1.2e12; 3만5천 → 35000; 88,9% → 88.9
  std::optional<double> range_end;  ///< 1~2년 → value 1, range_end 2
  /// Normalized: "%", "%p", "원", "달러", "명", "배", "년" ... Always one of the extractor's
  /// static names, never a view of the text, so it outlives both.
  std::string_view unit;
  NumberUnitKind kind = NumberUnitKind::none;
  bool approximate = false;  ///< 약, 대략, 여, 가량, 안팎, 정도, 쯤, 내외, 남짓, 전후
  bool ordinal = false;      ///< 제44대, 44번째, 2위, 1등, 2차
  bool comma_decimal = false;  ///< "88,9%": a comma used as the decimal point
};

/// Every number expression in `text` (UTF-8, NFC), in order and non-overlapping.
/// Digits that belong to a name or code (A380, GPT-4, 코로나19, 2024-03-05, 010-1234-5678,
/// 3-2 as a score) yield nothing.
std::vector<Number> find_numbers(std::string_view text);

/// find_numbers handing each number to `sink` as it is found, so that a caller that turns them
/// into something else never holds them all: a table of 5 million numbers in one sentence took
/// 320 MB for the numbers on top of what was made of them.
using NumberSink = void (*)(void* context, Number&& number);
void find_numbers(std::string_view text, NumberSink sink, void* context);

/// Parses `text` (surrounding spaces allowed) as exactly one number expression; nullopt when it
/// holds none, several, or other words besides the number.
std::optional<Number> parse_number(std::string_view text);

}  // namespace factlint::extract
