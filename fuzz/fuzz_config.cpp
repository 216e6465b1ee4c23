// Parsing arbitrary bytes as a .factlint.toml: a Config or a UserError with a position, never
// a crash or an exception.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "common.h"
#include "config/config.h"

using namespace factlint;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto parsed = parse_config(text, ".factlint.toml");
  if (auto* error = std::get_if<UserError>(&parsed)) {
    fuzz::require(error->position.line >= 1 && !error->message.empty(), "config error");
    error->format();
  }
  return 0;
}
