#include "text/offset_map.h"

#include <algorithm>

namespace factlint {

void OffsetMap::add(std::size_t dst_begin, std::size_t dst_end, std::size_t src_begin,
                    std::size_t src_end) {
  regions_.push_back({dst_begin, dst_end, src_begin, src_end});
}

std::size_t OffsetMap::to_source(std::size_t dst, bool toward_end) const {
  if (toward_end) {
    // Where bytes were removed (a region with no destination bytes), the end of a span stops
    // before them and the start of the next one (below) begins after them.
    auto first = std::lower_bound(regions_.begin(), regions_.end(), dst,
                                  [](const Region& r, std::size_t d) { return r.dst_begin < d; });
    if (first != regions_.end() && first->dst_begin == dst && first->dst_end == dst) {
      return first->src_begin;
    }
  }
  // The last region that starts at or before dst.
  auto it = std::upper_bound(regions_.begin(), regions_.end(), dst,
                             [](std::size_t d, const Region& r) { return d < r.dst_begin; });
  if (it == regions_.begin()) return dst;
  const Region& r = *std::prev(it);
  if (dst >= r.dst_end) return r.src_end + (dst - r.dst_end);
  if (dst == r.dst_begin) return r.src_begin;
  return toward_end ? r.src_end : r.src_begin;
}

}  // namespace factlint
