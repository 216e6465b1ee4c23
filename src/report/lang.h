#pragma once
/// The language of messages. Every rule carries a Korean and an English message.

#include <optional>
#include <string>
#include <string_view>

namespace factlint {

enum class Lang { en, ko };

/// A message in both languages.
struct Message {
  std::string_view en;
  std::string_view ko;
  std::string_view in(Lang lang) const { return lang == Lang::ko ? ko : en; }
};

/// "ko" or "en" (also "ko_KR", "ko-KR", "en_US.UTF-8"...).
std::optional<Lang> parse_lang(std::string_view text);

/// The language the environment asks for: LC_ALL, then LC_MESSAGES, then LANG (the first one
/// that is set and not empty decides, as in POSIX); ko_* means Korean, anything else English.
Lang lang_from_environment();

/// What an errno value means, for "cannot read file: ..." errors: the C library's English
/// text, or in Korean for the errors a newsroom meets (missing file, no permission, full disk).
std::string system_error_text(int code, Lang lang);

}  // namespace factlint
