#pragma once
// Helpers shared by the tests: running the factlint binary and loading in-memory documents.

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "text/document.h"

namespace factlint::test {

struct RunResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

/// Runs the built factlint binary with `args` (shell-quoted here) in `cwd`, feeding `stdin_text`.
/// LC_ALL, LC_MESSAGES and LANG are cleared and the pack cache is off (FACTLINT_CACHE_DIR=) so
/// results do not depend on the machine; `env` entries ("LANG=ko_KR.UTF-8") are set instead.
RunResult run_factlint(const std::vector<std::string>& args, const std::string& cwd = ".",
                       const std::string& stdin_text = "",
                       const std::vector<std::string>& env = {});

/// A document from text; fails the test when the text is not loadable.
Document make_document(std::string text, std::string path = "test.txt");

std::string read_file(const std::string& path);

/// A new, empty folder /tmp/factlint-<purpose>-XXXXXX of the test's own (the caller removes it);
/// throws when none can be made.
std::filesystem::path make_temp_dir(std::string_view purpose);

}  // namespace factlint::test
