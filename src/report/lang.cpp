#include "report/lang.h"

#include <cerrno>
#include <cstdlib>
#include <system_error>

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

std::string system_error_text(int code, Lang lang) {
  if (lang == Lang::ko) {
    switch (code) {
      case ENOENT:
        return "파일이나 폴더가 없습니다";
      case EACCES:
        return "권한이 없습니다";
      case EPERM:
        return "허용되지 않은 작업입니다";
      case EISDIR:
        return "폴더입니다";
      case ENOTDIR:
        return "경로 중간에 폴더가 아닌 것이 있습니다";
      case ELOOP:
        return "심볼릭 링크가 순환합니다";
      case ENOSPC:
        return "디스크 공간이 부족합니다";
      case EDQUOT:
        return "디스크 할당량을 넘었습니다";
      case EROFS:
        return "읽기 전용 파일 시스템입니다";
      case EIO:
        return "입출력 오류입니다";
      case ENAMETOOLONG:
        return "경로가 너무 깁니다";
      case EMFILE:
      case ENFILE:
        return "열린 파일이 너무 많습니다";
      default:
        break;
    }
  }
  const std::string text = std::generic_category().message(code);
  return text.empty() ? "unknown error" : text;
}

}  // namespace factlint
