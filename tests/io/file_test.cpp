#include "io/file.h"

#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <filesystem>

#include "support.h"

using namespace factlint;

namespace {

std::size_t entries_in(const std::filesystem::path& dir) {
  std::size_t n = 0;
  for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(dir)) ++n;
  return n;
}

}  // namespace

TEST_CASE("replace_file creates or replaces a file whole and leaves no temporary", "[io]") {
  const auto dir = test::make_temp_dir("io");
  const auto file = dir / "cache.bin";
  ReplaceOptions cache;
  cache.durable = false;
  REQUIRE_FALSE(replace_file(file, "first", cache));  // a new file
  CHECK(read_file(file.string()) == "first");
  REQUIRE_FALSE(replace_file(file, std::string(100000, 'x'), cache));
  CHECK(read_file(file.string()) == std::string(100000, 'x'));
  CHECK(entries_in(dir) == 1);
  // The mode asked for, not mkstemp's.
  ReplaceOptions kept;
  kept.mode = 0644;
  REQUIRE_FALSE(replace_file(file, "second", kept));
  struct stat st {};
  REQUIRE(stat(file.c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0644);
  // Into a folder that does not exist: an error that names what failed, and nothing written.
  const auto missing = dir / "no-such-folder" / "cache.bin";
  ReplaceOptions fixed;
  fixed.what = "fixed file";
  const auto problem = replace_file(missing, "lost", fixed);
  REQUIRE(problem);
  CHECK(problem->starts_with("cannot create a temporary file next to it: "));
  CHECK_FALSE(std::filesystem::exists(missing));
  CHECK(entries_in(dir) == 1);
  std::filesystem::remove_all(dir);
}
