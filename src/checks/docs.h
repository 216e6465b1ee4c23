#pragma once
/// The doc pages of docs/checks/, compiled into the binary for `--explain`.

#include <optional>
#include <string_view>

namespace factlint {

/// The Markdown page of a rule ("number/decimal-separator"), or nullopt.
std::optional<std::string_view> rule_doc(std::string_view id);

}  // namespace factlint
