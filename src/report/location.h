#pragma once
/// Turns analysis-text spans into what outputs print: lines and code-point columns of the
/// original file, and original byte offsets (for fixes and byte-based consumers).

#include <cstddef>

#include "text/document.h"

namespace factlint {

struct Location {
  Position start;
  Position end;                 ///< Exclusive.
  std::size_t byte_offset = 0;  ///< Into the original file, a BOM included.
  std::size_t byte_length = 0;
};

Location locate(const Document& doc, Span span);

}  // namespace factlint
