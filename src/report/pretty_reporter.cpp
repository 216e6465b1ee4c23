// --format pretty: compiler-style output for people, readable on Korean text.
//
//   article.txt:7:45: warning: decimal point written as a comma: write '88.9%' [number/...]
//      7 | ... 한국은 88,9%의 전반적 ...
//        |            ^~~~~
//        = help: '88,9%' → '88.9%'
//
// Carets are placed by display width (Hangul takes two cells), and a long paragraph is cut to a
// window around the finding so that one line of output stays one line on the terminal.

#include <fmt/format.h>
#include <fmt/ostream.h>

#include <algorithm>
#include <ostream>
#include <string>
#include <vector>

#include "report/location.h"
#include "report/reporters.h"
#include "text/document.h"
#include "text/utf8.h"
#include "text/width.h"

namespace factlint {
namespace {

struct Style {
  bool on = false;
  std::string paint(std::string_view code, std::string_view text) const {
    return on ? fmt::format("\x1b[{}m{}\x1b[0m", code, text) : std::string(text);
  }
};

std::string_view severity_color(Severity s) {
  switch (s) {
    case Severity::error:
      return "1;31";
    case Severity::warning:
      return "1;33";
    case Severity::info:
      return "1;36";
  }
  return "1";
}

/// A line cut to fit `avail` cells, with the underline for [begin, end) (line-relative bytes).
struct Snippet {
  std::string text;
  std::string underline;
};

Snippet cut(std::string_view whole, std::size_t begin, std::size_t end, std::size_t avail) {
  // Only a stretch of bytes around the finding can be shown: look at no more than that, so a
  // file that is one 10 MB line with many findings is not decoded once per finding. A cell is
  // at most 4 bytes plus zero-width marks; 16 bytes a cell leaves room for those.
  const std::size_t reach = 16 * std::max<std::size_t>(avail, 40);
  std::size_t lo = begin > reach ? begin - reach : 0;
  std::size_t hi = std::min(whole.size(), std::max(begin, lo) + reach);
  while (lo > 0 && (static_cast<unsigned char>(whole[lo]) & 0xC0) == 0x80) --lo;
  while (hi < whole.size() && (static_cast<unsigned char>(whole[hi]) & 0xC0) == 0x80) ++hi;
  const bool clipped_front = lo > 0;
  const bool clipped_back = hi < whole.size();
  const std::string_view line = whole.substr(lo, hi - lo);
  begin -= lo;
  end = end > lo ? end - lo : 0;
  struct Cell {
    std::size_t offset;
    std::size_t width;
  };
  std::vector<Cell> cells;
  std::size_t total = 0;
  for (std::size_t i = 0; i < line.size();) {
    const std::size_t at = i;
    const char32_t cp = utf8::decode(line, i);
    const std::size_t w = cp == '\t' ? 1 : display_width(cp);
    cells.push_back({at, w});
    total += w;
  }
  cells.push_back({line.size(), 1});  // A caret after the last character (empty spans).
  // Choose the window [first, last) of cells.
  std::size_t first = 0;
  std::size_t last = cells.size() - 1;
  if ((total > avail || clipped_front || clipped_back) && avail > 10) {
    std::size_t start_cell = 0;
    while (start_cell + 1 < cells.size() && cells[start_cell].offset < begin) ++start_cell;
    const std::size_t lead = avail / 4;
    std::size_t back = 0;
    first = start_cell;
    while (first > 0 && back + cells[first - 1].width <= lead) back += cells[--first].width;
    std::size_t used = 3 + 3;  // Room for the "..." markers.
    last = first;
    while (last < cells.size() - 1 && used + cells[last].width <= avail)
      used += cells[last++].width;
  }
  Snippet s;
  if (first > 0 || clipped_front) {
    s.text += "...";
    s.underline += "   ";
  }
  bool caret_placed = false;
  for (std::size_t c = first; c < last || (c == last && !caret_placed && c < cells.size()); ++c) {
    const std::size_t off = cells[c].offset;
    const bool inside = (off >= begin && off < end) || (begin == end && off == begin);
    if (c < last) {
      const std::size_t next = cells[c + 1].offset;
      std::string_view ch = line.substr(off, next - off);
      s.text += ch == "\t" ? std::string_view(" ") : ch;
    }
    const std::size_t w = std::max<std::size_t>(cells[c].width, inside ? 1 : 0);
    for (std::size_t k = 0; k < w; ++k) {
      s.underline += inside ? (caret_placed ? '~' : '^') : ' ';
      if (inside) caret_placed = true;
    }
    if (c == last) break;
  }
  if (last < cells.size() - 1 || clipped_back) s.text += "...";
  while (!s.underline.empty() && s.underline.back() == ' ') s.underline.pop_back();
  return s;
}

class PrettyReporter final : public Reporter {
 public:
  PrettyReporter(const ReportOptions& options, std::ostream& out)
      : options_(options), style_{options.color}, out_(out) {}

  void add(const FileResult& file) override {
    if (file.document == nullptr) return;
    for (const Diagnostic& d : file.diagnostics) print(file, d);
  }

 private:
  void print(const FileResult& file, const Diagnostic& d) {
    const Document& doc = *file.document;
    const Location loc = locate(doc, d.span);
    fmt::print(
        out_, "{} {} {} {}\n",
        style_.paint("1", fmt::format("{}:{}:{}:", file.path, loc.start.line, loc.start.column)),
        style_.paint(severity_color(d.severity), fmt::format("{}:", to_string(d.severity))),
        style_.paint("1", d.message.view()), style_.paint("2", fmt::format("[{}]", d.rule)));
    const std::size_t gutter = fmt::formatted_size("{}", loc.start.line);
    print_snippet(doc, d.span, gutter, severity_color(d.severity));
    print_help(doc, d, gutter);
    for (const Related& r : d.related) {
      const Location rl = locate(doc, r.span);
      fmt::print(
          out_, "{} {} {}\n",
          style_.paint("1", fmt::format("{}:{}:{}:", file.path, rl.start.line, rl.start.column)),
          style_.paint("1;36", "note:"), r.message.view());
      print_snippet(doc, r.span, fmt::formatted_size("{}", rl.start.line), "1;36");
    }
  }

  void print_snippet(const Document& doc, Span span, std::size_t gutter, std::string_view color) {
    const std::size_t index = doc.line_of(span.begin);
    const Span line = doc.line(index);
    const std::size_t end = std::min(span.end, line.end);
    const std::size_t avail = options_.width > gutter + 3 ? options_.width - gutter - 3 : 40;
    // The line as the author wrote it (Markdown markup, decomposed jamo and all), not the
    // analysis text; conjoining jamo take no cells, so carets still line up.
    const std::size_t from = doc.to_original(line.begin);
    const std::string_view written = doc.original().substr(from, doc.to_original(line.end) - from);
    const Snippet s =
        cut(written, doc.to_original(span.begin) - from, doc.to_original(end, true) - from, avail);
    const std::string bar = style_.paint("1;34", "|");
    fmt::print(out_, "{} {} {}\n", style_.paint("1;34", fmt::format("{:>{}}", index + 1, gutter)),
               bar, s.text);
    fmt::print(out_, "{:>{}} {} {}\n", "", gutter, bar, style_.paint(color, s.underline));
  }

  void print_help(const Document& doc, const Diagnostic& d, std::size_t gutter) {
    if (d.fix.empty()) return;
    const bool ko = options_.lang == Lang::ko;
    std::string text;
    // The text the edits change, with the finding: a particle repaired after the word
    // (로케트는 → 로켓은) is named with it.
    Span whole = d.span;
    for (const Edit& e : d.fix) {
      whole.begin = std::min(whole.begin, e.span.begin);
      whole.end = std::max(whole.end, e.span.end);
    }
    const bool inside = whole.size() <= 3 * d.span.size() + 32 &&
                        doc.slice(whole).find('\n') == std::string_view::npos;
    if (inside) {
      const std::string_view before = doc.slice(whole);
      std::string after;
      std::size_t at = whole.begin;
      for (const Edit& e : d.fix) {
        after += doc.text().substr(at, e.span.begin - at);
        after += e.replacement;
        at = e.span.end;
      }
      after += doc.text().substr(at, whole.end - at);
      text = after.empty() ? (ko ? "지우십시오" : "delete it")
                           : fmt::format("'{}' → '{}'", before, style_.paint("1;32", after));
    } else if (std::all_of(d.fix.begin(), d.fix.end(),
                           [](const Edit& e) { return e.replacement.empty(); })) {
      text = ko ? "지우십시오 (--fix로 자동 고침)" : "delete it (--fix does it)";
    } else {
      text = ko ? "자동 고침이 있습니다 (--fix)" : "an automatic fix is available (--fix)";
    }
    fmt::print(out_, "{:>{}} {} {} {}\n", "", gutter, style_.paint("1;34", "="),
               style_.paint("1", ko ? "도움말:" : "help:"), text);
  }

  ReportOptions options_;
  Style style_;
  std::ostream& out_;
};

}  // namespace

std::unique_ptr<Reporter> make_pretty_reporter(const ReportOptions& options, std::ostream& out) {
  return std::make_unique<PrettyReporter>(options, out);
}

}  // namespace factlint
