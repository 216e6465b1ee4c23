#pragma once
/// Factories of the built-in checks, one per source file in src/checks/. Add a new check here
/// and to the list in registry.cpp.

#include <memory>

#include "checks/check.h"

namespace factlint {

std::unique_ptr<Check> make_decimal_separator_check();  // number_decimal_separator.cpp
std::unique_ptr<Check> make_duplicate_check();          // duplicate.cpp
std::unique_ptr<Check> make_number_unit_spacing_check();  // spacing_number_unit.cpp

}  // namespace factlint
