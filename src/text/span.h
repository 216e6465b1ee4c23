#pragma once
/// A half-open byte range [begin, end) into a document's analysis text.

#include <cstddef>

namespace factlint {

struct Span {
  std::size_t begin = 0;
  std::size_t end = 0;

  std::size_t size() const { return end - begin; }
  bool empty() const { return begin == end; }
  bool contains(std::size_t offset) const { return offset >= begin && offset < end; }
  friend bool operator==(const Span&, const Span&) = default;
};

}  // namespace factlint
