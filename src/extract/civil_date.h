#pragma once
/// A proleptic Gregorian calendar date, with the arithmetic the date checks need.

#include <optional>
#include <string>
#include <string_view>

namespace factlint {

struct CivilDate {
  int year = 0;
  int month = 0;  ///< 1..12
  int day = 0;    ///< 1..31

  friend auto operator<=>(const CivilDate&, const CivilDate&) = default;

  /// True when the date exists (2024-02-29 does, 2023-02-29 does not).
  bool valid() const;
  /// Days since 1970-01-01 (negative before).
  long days_since_epoch() const;
  static CivilDate from_days_since_epoch(long days);
  /// 0 = Monday .. 6 = Sunday.
  int weekday() const;
  /// YYYY-MM-DD.
  std::string iso() const;
  /// Parses exactly YYYY-MM-DD; nullopt for anything else or an impossible date.
  static std::optional<CivilDate> parse_iso(std::string_view text);
};

/// Number of days in `month` of `year`.
int days_in_month(int year, int month);

}  // namespace factlint
