#include "text/quotes.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <string_view>

#include "text/document.h"
#include "text/utf8.h"

namespace factlint::quotes {
namespace {

constexpr char32_t kLeftDouble = 0x201C;   // “
constexpr char32_t kRightDouble = 0x201D;  // ”
constexpr char32_t kLeftSingle = 0x2018;   // ‘
constexpr char32_t kRightSingle = 0x2019;  // ’

bool is_latin(char32_t cp) { return (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z'); }

bool is_opening_context(char32_t cp) {
  switch (cp) {
    case 0:
    case '(':
    case '[':
    case '{':
    case '<':
    case 0x300C:  // 「
    case 0x300E:  // 『
    case 0x300A:  // 《
    case 0x3008:  // 〈
    case 0xFF08:  // （
    case 0x2014:  // — (a quotation after a dash)
    case kLeftDouble:
    case kLeftSingle:
    case '"':  // "'…'": a quotation inside one in straight marks.
    case '\'':
      return true;
    default:
      return utf8::is_space(cp);
  }
}

bool after_space(char32_t before) { return before == 0 || utf8::is_space(before); }

bool is_final_punctuation(char32_t cp) {
  return cp == '.' || cp == ',' || cp == '!' || cp == '?' || cp == 0x2026 /* … */;
}

bool is_closing_context(char32_t cp) {
  switch (cp) {
    case 0:
    case ')':
    case ']':
    case '}':
    case '>':
    case ';':
    case ':':
    case 0x300D:  // 」
    case 0x300F:  // 』
    case 0x300B:  // 》
    case 0x3009:  // 〉
    case 0xFF09:  // ）
    case kRightDouble:
    case kRightSingle:
    case '"':
    case '\'':
      return true;
    default:
      return utf8::is_space(cp) || is_final_punctuation(cp);
  }
}

/// ’90s, '90년대, ‘07~’11년: an apostrophe standing for the century, not a quotation mark.
bool is_year_abbreviation(std::string_view text, std::size_t after_mark) {
  std::string_view rest = text.substr(after_mark);
  if (rest.size() < 3 || !utf8::is_digit(rest[0]) || !utf8::is_digit(rest[1])) return false;
  rest.remove_prefix(2);
  return rest.starts_with("s") || rest.starts_with("년") || rest.starts_with("~") ||
         rest.starts_with("-");
}

/// True when the last visible character of `line`, past closing quotes and brackets, ends a
/// sentence.
bool ends_sentence(std::string_view line) {
  std::size_t end = line.size();
  while (end > 0) {
    std::size_t at = utf8::previous(line, end);
    std::size_t i = at;
    const char32_t cp = utf8::decode(line, i);
    if (utf8::is_space(cp) || cp == '"' || cp == '\'' || cp == kRightDouble || cp == kRightSingle ||
        cp == ')' || cp == ']') {
      end = at;
      continue;
    }
    return is_final_punctuation(cp) && cp != ',';
  }
  return false;
}

struct Open {
  Span span;
  std::size_t line = 0;
  Role role = Role::unknown;
  std::size_t slot = 0;  ///< where its quotation goes in the result
};

/// The marks still open, one stack per kind and style. Straight marks cannot nest (an opening
/// and a closing straight mark look the same), so their stacks hold at most one mark.
class Scanner {
 public:
  explicit Scanner(const Document& doc) : doc_(doc), text_(doc.text()) {}

  std::vector<Quotation> run() {
    const auto& paragraphs = doc_.paragraphs();
    for (std::size_t p = 0; p < paragraphs.size(); ++p) {
      const Paragraph& para = paragraphs[p];
      for (std::size_t line = para.first_line; line <= para.last_line; ++line) {
        // A Markdown table puts several paragraphs (cells) on one line.
        const Span whole = doc_.line(line);
        scan_range(line,
                   {std::max(whole.begin, para.span.begin), std::min(whole.end, para.span.end)});
        if (line < para.last_line && ends_sentence(doc_.line_text(line))) {
          end_unit(first_char(doc_.line(line + 1)));
        }
      }
      end_unit(p + 1 < paragraphs.size() ? first_char(paragraphs[p + 1].span) : 0);
    }
    // Every opening mark becomes one quotation, written into the slot it took when it opened:
    // the quotations are in the order of their opening marks without a sort (a sort of
    // 200,000 unclosed marks grew faster than the text). The text is scanned forwards, so
    // that is the order of their positions; the check only guards that assumption.
    const auto by_open = [](const Quotation& a, const Quotation& b) {
      return a.open.begin < b.open.begin;
    };
    if (!std::is_sorted(found_.begin(), found_.end(), by_open)) {
      std::sort(found_.begin(), found_.end(), by_open);
    }
    return std::move(found_);
  }

 private:
  struct Mark {
    Span span;
    std::size_t line;
    char32_t before;
    char32_t after;
    bool at_line_start;
    Role role() const { return role_by_position(before, after); }
  };

  static std::size_t slot(Kind kind, Style style) {
    return static_cast<std::size_t>(kind) * 2 + static_cast<std::size_t>(style);
  }
  std::vector<Open>& stack(Kind kind, Style style) { return open_[slot(kind, style)]; }

  void scan_range(std::size_t line, Span range) {
    // Only " ' “ ” ‘ ’ act here. Their first bytes are " ' and E2, which no other character
    // starts with but another E2 one (U+2000 to U+2FFF), and no byte inside a character is: so
    // the range is searched for these three bytes with memchr and only a possible mark is
    // decoded, with its neighbours. The text is valid UTF-8 (Document checks it), so the
    // character before a mark is found by stepping back over continuation bytes.
    std::size_t first_visible = range.begin;  // the first character that is not a space
    while (first_visible < range.end) {
      std::size_t next = first_visible;
      if (!utf8::is_space(utf8::decode(text_, next))) break;
      first_visible = next;
    }
    constexpr unsigned char kLeads[] = {'"', '\'', 0xE2};
    auto find_lead = [&](unsigned char lead, std::size_t from) {
      if (from >= range.end) return range.end;
      const void* hit = std::memchr(text_.data() + from, lead, range.end - from);
      return hit != nullptr ? static_cast<std::size_t>(static_cast<const char*>(hit) - text_.data())
                            : range.end;
    };
    std::size_t next_lead[3];  // where each lead byte occurs next, or range.end
    for (std::size_t k = 0; k < 3; ++k) next_lead[k] = find_lead(kLeads[k], range.begin);
    for (;;) {
      const std::size_t at = std::min({next_lead[0], next_lead[1], next_lead[2]});
      if (at >= range.end) break;
      std::size_t i = at;
      const char32_t cp = utf8::decode(text_, i);
      for (std::size_t k = 0; k < 3; ++k) {
        if (next_lead[k] == at) next_lead[k] = find_lead(kLeads[k], i);
      }
      if (cp != '"' && cp != '\'' && (cp < kLeftSingle || cp > kRightDouble)) continue;
      char32_t before = 0;
      if (at > range.begin) {
        std::size_t p = utf8::previous(text_, at);
        before = utf8::decode(text_, p);
      }
      char32_t after = 0;
      if (i < range.end) {
        std::size_t j = i;
        after = utf8::decode(text_, j);
      }
      const bool at_start = at <= first_visible;  // only spaces before it on this line
      const Mark mark{{at, i}, line, before, after, at_start};
      switch (cp) {
        case kLeftDouble:
          left_curly(Kind::double_mark, mark);
          break;
        case kLeftSingle:
          // O‘Neil: an apostrophe typed with the wrong key; ‘90년대: the century left out.
          if (is_latin(before) && is_latin(after)) break;
          if (!is_year_abbreviation(text_, i)) left_curly(Kind::single_mark, mark);
          break;
        case kRightDouble:
          right_curly(Kind::double_mark, mark);
          break;
        case kRightSingle:
          // don’t, O’Neil, ’90s: apostrophes.
          if (is_latin(before) && is_latin(after)) break;
          if (is_year_abbreviation(text_, i)) break;
          right_curly(Kind::single_mark, mark);
          break;
        case '"':
          straight(Kind::double_mark, mark);
          break;
        case '\'':
          straight_single(mark);
          break;
        default:
          break;
      }
    }
  }

  /// A mark that opens a line while a quotation of the same kind is open from an earlier line
  /// continues that quotation; see Quotation::continued.
  bool continues(const std::vector<Open>& open, const Mark& mark) const {
    return mark.at_line_start && !open.empty() && open.back().line < mark.line &&
           mark.role() != Role::closing;
  }

  void open(Kind kind, Style style, const Mark& mark) {
    auto& open = stack(kind, style);
    if (continues(open, mark)) {
      finish(kind, style, open.back(), nullptr, true, true);
      open.pop_back();
    }
    open.push_back({mark.span, mark.line, mark.role(), found_.size()});
    found_.emplace_back();  // filled by finish()
  }

  void close(Kind kind, Style style, const Mark& mark, bool matches) {
    auto& open = stack(kind, style);
    const Open opened = open.back();
    open.pop_back();
    finish(kind, style, opened, &mark, matches, false);
  }

  void finish(Kind kind, Style style, const Open& opened, const Mark* closing, bool matches,
              bool continued) {
    Quotation q{.open = opened.span,
                .close = std::nullopt,
                .kind = kind,
                .style = style,
                .close_matches = matches,
                .continued = continued,
                .roles_agree = opened.role != Role::closing};
    if (closing != nullptr) {
      q.close = closing->span;
      q.roles_agree = q.roles_agree && closing->role() != Role::opening;
    }
    found_[opened.slot] = q;
  }

  /// “ or ‘. Korean does not nest a quotation inside one of the same kind (the inner one takes
  /// single marks), so an opening mark where a closing one belongs, while one is open, is a
  /// closing mark typed with the wrong key: ‘매미(MAEMI)‘ 수준.
  void left_curly(Kind kind, const Mark& mark) {
    if (mark.role() != Role::opening && !continues(stack(kind, Style::curly), mark)) {
      if (!stack(kind, Style::curly).empty()) return close(kind, Style::curly, mark, false);
      if (!stack(kind, Style::straight).empty()) return close(kind, Style::straight, mark, false);
    }
    open(kind, Style::curly, mark);
  }

  /// ” or ’, closing what is open; a closing mark with nothing open is ignored.
  void right_curly(Kind kind, const Mark& mark) {
    if (!stack(kind, Style::curly).empty()) return close(kind, Style::curly, mark, true);
    if (!stack(kind, Style::straight).empty()) close(kind, Style::straight, mark, false);
  }

  /// " or ' (after the apostrophe and prime tests): straight marks alternate, but a straight
  /// mark in closing position while only a curly quotation is open closes that one ("“…\"").
  void straight(Kind kind, const Mark& mark) {
    auto& same = stack(kind, Style::straight);
    if (!same.empty()) {
      if (continues(same, mark)) return open(kind, Style::straight, mark);
      // A mark that can only open ("… 이야기하였고 "청와대를") means the open one never
      // closed; pairing the two would shift every later pair in the paragraph.
      if (after_space(mark.before) && mark.role() == Role::opening) {
        finish(kind, Style::straight, same.back(), nullptr, true, false);
        same.pop_back();
        return open(kind, Style::straight, mark);
      }
      return close(kind, Style::straight, mark, true);
    }
    if (!stack(kind, Style::curly).empty() && mark.role() != Role::opening) {
      return close(kind, Style::curly, mark, false);
    }
    // 5'11", 27": inches after a number.
    if (utf8::is_digit(mark.before)) return;
    open(kind, Style::straight, mark);
  }

  void straight_single(const Mark& mark) {
    if (is_latin(mark.before) && is_latin(mark.after)) return;  // don't, O'Neil
    const bool open_straight = !stack(Kind::single_mark, Style::straight).empty();
    const bool open_curly = !stack(Kind::single_mark, Style::curly).empty();
    if (utf8::is_digit(mark.before) &&
        (utf8::is_digit(mark.after) || (!open_straight && !open_curly))) {
      return;  // 30', 5'11": feet or minutes after a number.
    }
    if (!open_straight && !open_curly) {
      if (is_year_abbreviation(text_, mark.span.end)) return;
      // Jones' or a stray mark: a closing mark with nothing open is an apostrophe.
      if (mark.role() == Role::closing) return;
    }
    straight(Kind::single_mark, mark);
  }

  /// Whatever is still open is unclosed, except the innermost quotation of a kind when the next
  /// paragraph starts by opening the same kind again (the quotation goes on there).
  void end_unit(char32_t next_first) {
    for (std::size_t s = 0; s < open_.size(); ++s) {
      auto& open = open_[s];
      const Kind kind = static_cast<Kind>(s / 2);
      const Style style = static_cast<Style>(s % 2);
      const char32_t reopening = style == Style::straight
                                     ? (kind == Kind::double_mark ? U'"' : U'\'')
                                     : (kind == Kind::double_mark ? kLeftDouble : kLeftSingle);
      for (std::size_t k = 0; k < open.size(); ++k) {
        const bool continued = k + 1 == open.size() && next_first == reopening;
        finish(kind, style, open[k], nullptr, true, continued);
      }
      open.clear();
    }
  }

  char32_t first_char(Span range) const {
    for (std::size_t i = range.begin; i < range.end;) {
      const char32_t cp = utf8::decode(text_, i);
      if (!utf8::is_space(cp)) return cp;
    }
    return 0;
  }

  const Document& doc_;
  std::string_view text_;
  std::array<std::vector<Open>, 4> open_;
  std::vector<Quotation> found_;
};

}  // namespace

Role role_by_position(char32_t before, char32_t after) {
  const bool opening = is_opening_context(before);
  const bool closing = is_closing_context(after);
  if (opening && !closing) return Role::opening;
  if (closing && !opening) return Role::closing;
  if (!opening && is_final_punctuation(before)) return Role::closing;  // .”라고
  return Role::unknown;
}

std::vector<Quotation> find_quotations(const Document& doc) { return Scanner(doc).run(); }

}  // namespace factlint::quotes
