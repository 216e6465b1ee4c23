#pragma once
/// Maps byte offsets of a rewritten text back to the text it was made from. Rewrites here only
/// ever replace small regions (CRLF -> LF, a decomposed syllable -> its composed form), so the map
/// stores just the changed regions; an unchanged text has an empty map and costs nothing.

#include <cstddef>
#include <vector>

namespace factlint {

class OffsetMap {
 public:
  /// Records that destination bytes [dst_begin, dst_end) came from source bytes
  /// [src_begin, src_end). Regions must be added in increasing order and must not overlap;
  /// callers add only regions whose length changed (a same-length rewrite keeps offsets).
  void add(std::size_t dst_begin, std::size_t dst_end, std::size_t src_begin, std::size_t src_end);

  /// Source offset of destination offset `dst`. An offset strictly inside a changed region maps
  /// to the region's start when `toward_end` is false and to its end otherwise, so a span that
  /// covers part of a composed character still covers that whole character in the source. At a
  /// region with no destination bytes (removed source bytes) `toward_end` maps before them,
  /// otherwise after them.
  std::size_t to_source(std::size_t dst, bool toward_end = false) const;

  bool empty() const { return regions_.empty(); }

 private:
  struct Region {
    std::size_t dst_begin, dst_end, src_begin, src_end;
  };
  std::vector<Region> regions_;
};

}  // namespace factlint
