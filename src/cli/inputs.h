#pragma once
/// Turns the PATH arguments into the list of inputs to lint, in a deterministic order.

#include <string>
#include <vector>

#include "config/config.h"

namespace factlint::cli {

struct Input {
  std::string path;  ///< As shown in reports; "-" is standard input.
  bool is_stdin = false;
};

/// Files are taken as given; directories are walked recursively for *.txt, *.md, *.html and *.htm (sorted,
/// hidden folders skipped, symlinked folders not followed). A path that does not exist becomes
/// an error.
std::vector<Input> collect_inputs(const std::vector<std::string>& args,
                                  std::vector<UserError>& errors);

/// Reads a whole file (or stdin) as bytes; nullopt with `error` set when it cannot.
std::optional<std::string> read_input(const Input& input, std::string& error);

}  // namespace factlint::cli
