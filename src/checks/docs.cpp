#include "checks/docs.h"

#include <cstddef>
#include <utility>

namespace factlint {

extern const std::pair<std::string_view, std::string_view> kEmbeddedDocs[];
extern const std::size_t kEmbeddedDocCount;

std::optional<std::string_view> rule_doc(std::string_view id) {
  for (std::size_t i = 0; i < kEmbeddedDocCount; ++i) {
    if (kEmbeddedDocs[i].first == id) return kEmbeddedDocs[i].second;
  }
  return std::nullopt;
}

}  // namespace factlint
