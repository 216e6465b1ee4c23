#pragma once
/// The man page and the bash completion script, generated from the CLI11 definitions of the
/// options so that they never drift from `factlint --help`. The build runs the hidden options
/// --help-man and --help-bash-completion and installs what they print.

#include <string>

namespace CLI {
class App;
}

namespace factlint::cli {

/// factlint(1) in roff (man macros).
std::string man_page(const CLI::App& app);

/// A bash completion script: option names, the values of options with a fixed set (--format,
/// --lang, ...), rule ids (from `factlint --list-rules`) for options whose value is a RULE, and
/// file names for paths and FILE values.
std::string bash_completion(const CLI::App& app);

}  // namespace factlint::cli
