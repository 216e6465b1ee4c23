#pragma once
/// Turns the PATH arguments into the list of inputs to lint, in a deterministic order.

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "config/config.h"

namespace factlint::cli {

struct Input {
  std::string path;  ///< As shown in reports; "-" is standard input.
  bool is_stdin = false;
};

/// Whether a path found in a folder walk is excluded: (absolute normalised path, is a folder).
using ExcludeFn = std::function<bool(const std::filesystem::path&, bool)>;

/// Files named in `args` are taken as given, even when an exclude pattern matches them (as ruff
/// does; excludes are for what folder walks find). Folders are walked for *.txt, *.md, *.html and
/// *.htm, sorted by path, skipping hidden folders and what `excluded` rejects (an excluded folder
/// is not entered). Symbolic links to files are followed, links to folders are not (so a link loop
/// cannot trap the walk). A path that does not exist, a folder that cannot be read and a link
/// with a lintable extension that cannot be resolved become errors; the rest is still collected.
std::vector<Input> collect_inputs(const std::vector<std::string>& args,
                                  std::vector<UserError>& errors,
                                  const ExcludeFn& excluded = nullptr);

/// Reads a whole file (or stdin) as bytes; nullopt with `error` set when it cannot.
std::optional<std::string> read_input(const Input& input, UserError& error);

}  // namespace factlint::cli
