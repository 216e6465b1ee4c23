// The test runner. Packs that tests load in this process are never cached in the home folder:
// FACTLINT_CACHE_DIR is set empty (off) before any test runs; the pack cache tests name their
// own folder.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>
#include <cstdlib>

int main(int argc, char* argv[]) {
  setenv("FACTLINT_CACHE_DIR", "", 1);
  return Catch::Session().run(argc, argv);
}
