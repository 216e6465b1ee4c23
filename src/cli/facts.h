#pragma once
/// `factlint facts FILE`: every number and date factlint reads in an article, with what it made
/// of them, as an aligned table (the default) or as JSON (`--format json`). It shows what the
/// fact checks work from, so that an editor can see why a check fired or stayed silent.

namespace factlint::cli {

/// Runs the subcommand; `argv[0]` is "facts". Returns the exit code: 0, or 2 for a usage
/// error, an unreadable or invalid file or a malformed config.
int facts_main(int argc, char** argv);

}  // namespace factlint::cli
