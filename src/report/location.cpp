#include "report/location.h"

namespace factlint {

Location locate(const Document& doc, Span span) {
  Location loc;
  loc.start = doc.position(span.begin);
  loc.end = doc.position(span.end, true);
  loc.byte_offset = doc.to_original(span.begin);
  loc.byte_length = doc.to_original(span.end, true) - loc.byte_offset;
  return loc;
}

}  // namespace factlint
