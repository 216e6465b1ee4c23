#include "report/lang.h"

#include <cstdlib>

namespace factlint {

std::optional<Lang> parse_lang(std::string_view text) {
  if (text.starts_with("ko")) return Lang::ko;
  if (text.starts_with("en") || text == "C" || text == "POSIX" || text.starts_with("C.")) {
    return Lang::en;
  }
  return std::nullopt;
}

Lang lang_from_environment() {
  for (const char* name : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
    const char* value = std::getenv(name);
    if (value != nullptr && *value != '\0') {
      return std::string_view(value).starts_with("ko") ? Lang::ko : Lang::en;
    }
  }
  return Lang::en;
}

}  // namespace factlint
