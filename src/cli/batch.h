#pragma once
/// `factlint batch`: lints an archive streamed as JSON Lines, for Spark `RDD.pipe()`, Hadoop
/// Streaming or a shell pipe. Each input line is one article,
/// `{"id": ..., "text": "...", "published": "YYYY-MM-DD", "format": "text|markdown|html"}`
/// (published and format optional); each output line is `{"id": ..., "diagnostics": [...]}`
/// with the objects of `--format json`, or `{"id": ..., "error": {"line": N, "message": "..."}}`,
/// in input order. A line is read, linted, written and flushed before the next is read, so
/// memory does not grow with the archive. See docs/batch.md.

#include <iosfwd>

namespace factlint::cli {

/// Runs the subcommand on `in`, writing to `out` (errors about the options go to stderr);
/// `argv[0]` is "batch". Returns 2 if an option or any line was bad, else 1 if any diagnostic
/// reached --fail-on, else 0.
int batch_main(int argc, char** argv, std::istream& in, std::ostream& out);

}  // namespace factlint::cli
