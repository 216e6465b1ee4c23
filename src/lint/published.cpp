#include "lint/published.h"

#include <algorithm>
#include <cstdint>
#include <string_view>
#include <vector>

#include "extract/date.h"
#include "text/document.h"
#include "text/utf8.h"

namespace factlint {
namespace {

/// Datelines sit in the byline block at the top or in the footer; a date in the body is a
/// reported event, never the article's own date.
constexpr std::size_t kDatelineLines = 5;

/// Words Korean CMSs print next to the time an article went out. 수정 and 업데이트 (a later
/// edit) are deliberately absent.
constexpr std::string_view kDatelineWords[] = {
    "기사입력", "최초입력", "입력일",   "입력", "기사등록", "최초등록", "등록일",
    "등록",     "기사승인", "승인일",   "승인", "발행일자", "발행일",   "발행",
    "게재일",   "게재",     "송고시간", "송고", "작성일",   "보도일",
};

bool is_hangul_before(std::string_view text, std::size_t pos) {
  if (pos == 0) return false;
  const std::size_t at = utf8::previous(text, pos);
  std::size_t i = at;
  return utf8::is_hangul_syllable(utf8::decode(text, i));
}

bool is_hangul_at(std::string_view text, std::size_t pos) {
  if (pos >= text.size()) return false;
  return utf8::is_hangul_syllable(utf8::decode(text, pos));
}

/// "입력 : " before `end`: a dateline word that starts a word, then optional spaces and colon.
bool word_before(std::string_view line, std::size_t end) {
  while (end > 0 && (line[end - 1] == ' ' || line[end - 1] == ':')) --end;
  if (end >= 3 && line.substr(end - 3, 3) == "\xEF\xBC\x9A") {  // fullwidth colon
    end -= 3;
    while (end > 0 && line[end - 1] == ' ') --end;
  }
  for (std::string_view word : kDatelineWords) {
    if (end >= word.size() && line.substr(end - word.size(), word.size()) == word &&
        !is_hangul_before(line, end - word.size())) {
      return true;
    }
  }
  return false;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

/// Skips " 10:00" or " 10:00:00" at `pos`.
std::size_t skip_time(std::string_view line, std::size_t pos) {
  std::size_t at = pos;
  while (at < line.size() && line[at] == ' ') ++at;
  std::size_t digits = 0;
  while (at + digits < line.size() && is_digit(line[at + digits])) ++digits;
  if (digits == 0 || digits > 2 || at + digits >= line.size() || line[at + digits] != ':') {
    return pos;
  }
  at += digits;
  // ":MM", then an optional ":SS".
  for (int group = 0; group < 2; ++group) {
    if (at + 3 > line.size() || line[at] != ':' || !is_digit(line[at + 1]) ||
        !is_digit(line[at + 2])) {
      break;
    }
    at += 3;
  }
  return at;
}

/// "10:00 등록" after a date ending at `pos`: a dateline word that ends a word.
bool word_after(std::string_view line, std::size_t pos) {
  std::size_t at = skip_time(line, pos);
  while (at < line.size() && line[at] == ' ') ++at;
  for (std::string_view word : kDatelineWords) {
    if (line.substr(at).starts_with(word) && !is_hangul_at(line, at + word.size())) return true;
  }
  return false;
}

/// `date:` in a `---` block that opens a plain-text file (Markdown files get theirs from the
/// Markdown front end, which keeps the block out of the analysis text).
std::optional<Span> front_matter_date_span(std::string_view text) {
  if (!text.starts_with("---\n")) return std::nullopt;
  std::size_t pos = 4;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(pos, end - pos);
    if (line == "---" || line == "...") return std::nullopt;
    if (line.starts_with("date:")) {
      std::size_t b = pos + 5;
      std::size_t e = end;
      while (b < e && (text[b] == ' ' || text[b] == '\t')) ++b;
      while (e > b && (text[e - 1] == ' ' || text[e - 1] == '\t')) --e;
      if (e - b >= 2 && (text[b] == '"' || text[b] == '\'') && text[e - 1] == text[b]) ++b, --e;
      return Span{b, e};
    }
    pos = end + 1;
  }
  return std::nullopt;
}

/// YYYY-MM-DD, alone or followed by a time ("T10:00:00+09:00", " 10:00").
std::optional<CivilDate> parse_front_matter_date(std::string_view value) {
  if (value.size() > 10 && value[10] != 'T' && value[10] != ' ') return std::nullopt;
  return CivilDate::parse_iso(value.substr(0, 10));
}

/// Indices of the first and last few non-blank lines.
std::vector<std::size_t> dateline_candidates(const Document& doc) {
  std::vector<std::size_t> head;
  std::vector<std::size_t> tail;
  for (std::size_t i = 0; i < doc.line_count() && head.size() < kDatelineLines; ++i) {
    if (doc.line_text(i).find_first_not_of(" \t") != std::string_view::npos) head.push_back(i);
  }
  for (std::size_t i = doc.line_count(); i > 0 && tail.size() < kDatelineLines; --i) {
    const bool blank = doc.line_text(i - 1).find_first_not_of(" \t") == std::string_view::npos;
    const bool seen = !head.empty() && i - 1 <= head.back();
    if (!blank && !seen) tail.push_back(i - 1);
  }
  head.insert(head.end(), tail.rbegin(), tail.rend());
  return head;
}

/// The syllable of three UTF-8 bytes at `p` as one number, for a switch.
constexpr std::uint32_t syllable_key(const char* p) {
  return (std::uint32_t{static_cast<unsigned char>(p[0])} << 16) |
         (std::uint32_t{static_cast<unsigned char>(p[1])} << 8) | static_cast<unsigned char>(p[2]);
}

/// True when the line holds one of kDatelineWords. Each of them contains one of the cores
/// 입력, 등록, 승인, 발행, 게재, 송고, 작성일, 보도일, and those are found in one pass that
/// tests the first syllable by a switch; a search per word would cost more than the date
/// search this filter saves.
bool has_dateline_word(std::string_view line) {
  for (std::size_t i = 0; i + 6 <= line.size();) {
    const auto lead = static_cast<unsigned char>(line[i]);
    if (lead < 0x80) {
      ++i;
      continue;
    }
    if (lead < 0xEA || lead > 0xED) {  // Not the block of the Hangul syllables.
      i += utf8::sequence_length(lead);
      continue;
    }
    std::string_view core;
    switch (syllable_key(line.data() + i)) {
      case syllable_key("입"):
        core = "입력";
        break;
      case syllable_key("등"):
        core = "등록";
        break;
      case syllable_key("승"):
        core = "승인";
        break;
      case syllable_key("발"):
        core = "발행";
        break;
      case syllable_key("게"):
        core = "게재";
        break;
      case syllable_key("송"):
        core = "송고";
        break;
      case syllable_key("작"):
        core = "작성일";
        break;
      case syllable_key("보"):
        core = "보도일";
        break;
      default:
        break;
    }
    if (!core.empty() && line.substr(i).starts_with(core)) return true;
    i += 3;
  }
  return false;
}

/// A dateline has a dateline word and a written year, so a line without a digit or without one
/// of the words is none; most candidate lines (a title, a lead sentence) are settled here
/// without looking for dates.
bool may_be_dateline(std::string_view line) {
  return std::any_of(line.begin(), line.end(), is_digit) && has_dateline_word(line);
}

}  // namespace

std::optional<std::pair<CivilDate, Span>> parse_dateline(std::string_view line) {
  if (!may_be_dateline(line)) return std::nullopt;
  for (const extract::DateExpr& d : extract::find_dates(line, std::nullopt)) {
    // Only a date with its year written is an article's own date.
    if (d.kind != extract::DateKind::absolute || !d.year || !d.resolved) continue;
    if (word_before(line, d.begin) || word_after(line, d.end)) {
      return std::pair{*d.resolved, Span{d.begin, d.end}};
    }
  }
  return std::nullopt;
}

std::optional<Published> find_published(const Document& doc) {
  if (!doc.front_matter_date().empty()) {
    if (auto date = parse_front_matter_date(doc.front_matter_date())) {
      return Published{*date, PublishedSource::front_matter, {}};
    }
  }
  if (auto span = front_matter_date_span(doc.text())) {
    if (auto date = parse_front_matter_date(doc.slice(*span))) {
      return Published{*date, PublishedSource::front_matter, *span};
    }
  }
  for (std::size_t index : dateline_candidates(doc)) {
    const Span line = doc.line(index);
    if (auto found = parse_dateline(doc.slice(line))) {
      const Span at{line.begin + found->second.begin, line.begin + found->second.end};
      return Published{found->first, PublishedSource::dateline, at};
    }
  }
  return std::nullopt;
}

std::optional<Published> resolve_published(const Document& doc, std::optional<CivilDate> given) {
  if (given) return Published{*given, PublishedSource::given, {}};
  return find_published(doc);
}

}  // namespace factlint
