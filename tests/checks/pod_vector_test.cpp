// The realloc-grown array the shared facts keep their figures in (checks/pod_vector.h).

#include "checks/pod_vector.h"

#include <catch2/catch.hpp>

using factlint::PodVector;

namespace {
struct Item {
  std::size_t begin = 0;
  double value = 0;
};
}  // namespace

TEST_CASE("a pod vector keeps every element through its growth", "[facts]") {
  PodVector<Item> items;
  CHECK(items.empty());
  CHECK(items.span().empty());
  // Far past the first blocks, into sizes served by a mapping of their own.
  constexpr std::size_t kCount = 100000;
  for (std::size_t i = 0; i < kCount; ++i) items.push_back({i, 0.5 * static_cast<double>(i)});
  REQUIRE(items.size() == kCount);
  const auto all = items.span();
  REQUIRE(all.size() == kCount);
  bool intact = true;
  for (std::size_t i = 0; i < kCount; ++i) {
    intact = intact && all[i].begin == i && all[i].value == 0.5 * static_cast<double>(i);
  }
  CHECK(intact);

  PodVector<Item> moved = std::move(items);
  CHECK(moved.size() == kCount);
  CHECK(moved.span()[kCount - 1].begin == kCount - 1);
  CHECK(items.empty());  // a moved-from vector is empty
  moved.release();
  CHECK(moved.empty());
  moved.push_back({7, 1.5});
  REQUIRE(moved.size() == 1);
  CHECK(moved.span()[0].begin == 7);
}
