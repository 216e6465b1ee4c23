// The golden runner: every fixtures/**/NAME.txt, NAME.md and NAME.html is linted with `--format
// line` and the output must equal NAME.expected exactly. Fixtures named *.ko.txt are run with
// Korean messages, the rest in English. Set FACTLINT_UPDATE_GOLDEN=1 to rewrite the .expected
// files, then review the diff (tests/update-golden.sh does both steps' first half).

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "support.h"

namespace fs = std::filesystem;
using factlint::test::read_file;
using factlint::test::run_factlint;

TEST_CASE("golden fixtures", "[golden]") {
  const fs::path root = FACTLINT_FIXTURES_DIR;
  std::vector<fs::path> fixtures;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    const auto ext = entry.path().extension();
    if (entry.is_regular_file() && (ext == ".txt" || ext == ".md" || ext == ".html")) {
      fixtures.push_back(fs::relative(entry.path(), root));
    }
  }
  std::sort(fixtures.begin(), fixtures.end());
  REQUIRE(fixtures.size() >= 10);
  const bool update = std::getenv("FACTLINT_UPDATE_GOLDEN") != nullptr;
  for (const fs::path& fixture : fixtures) {
    DYNAMIC_SECTION(fixture.string()) {
      const std::string name = fixture.string();
      const bool korean = name.ends_with(".ko.txt");
      const auto result =
          run_factlint({"--format", "line", "--lang", korean ? "ko" : "en", name}, root.string());
      fs::path expected_path = root / fixture;
      expected_path.replace_extension(".expected");
      if (update) {
        std::ofstream(expected_path, std::ios::binary) << result.out;
        continue;
      }
      INFO("stderr: " << result.err);
      REQUIRE(fs::exists(expected_path));
      CHECK(result.out == read_file(expected_path.string()));
      // Exit code: 2 for unloadable input, 1 for a warning or an error (the default --fail-on),
      // 0 otherwise.
      const bool load_error = result.err.find(": error: ") != std::string::npos;
      const bool failing = result.out.find(": warning: ") != std::string::npos ||
                           result.out.find(": error: ") != std::string::npos;
      CHECK(result.exit_code == (load_error ? 2 : failing ? 1 : 0));
    }
  }
}
