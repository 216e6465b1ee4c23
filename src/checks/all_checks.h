#pragma once
/// Factories of the built-in checks, one per source file in src/checks/. Add a new check here
/// and to the list in registry.cpp.

#include <memory>

#include "checks/check.h"

namespace factlint {

std::unique_ptr<Check> make_decimal_separator_check();         // number_decimal_separator.cpp
std::unique_ptr<Check> make_duplicate_check();                 // duplicate.cpp
std::unique_ptr<Check> make_number_unit_spacing_check();       // spacing_number_unit.cpp
std::unique_ptr<Check> make_name_variant_check();              // name_variant.cpp
std::unique_ptr<Check> make_quote_style_check();               // quote_style.cpp
std::unique_ptr<Check> make_unbalanced_quote_check();          // unbalanced_quote.cpp
std::unique_ptr<Check> make_whitespace_check();                // whitespace.cpp
std::unique_ptr<Check> make_invalid_date_check();              // date_invalid.cpp
std::unique_ptr<Check> make_weekday_mismatch_check();          // date_weekday_mismatch.cpp
std::unique_ptr<Check> make_date_tense_check();                // date_tense.cpp
std::unique_ptr<Check> make_superlative_check();               // fact_superlative_contradiction.cpp
std::unique_ptr<Check> make_conflicting_figures_check();       // fact_conflicting_figures.cpp
std::unique_ptr<Check> make_share_sum_check();                 // fact_share_sum.cpp
std::unique_ptr<Check> make_unattributed_quote_check();        // attribution_unattributed_quote.cpp
std::unique_ptr<Check> make_title_mismatch_check();            // attribution_title_mismatch.cpp
std::unique_ptr<Check> make_attribution_name_variant_check();  // attribution_name_variant.cpp

}  // namespace factlint
