#pragma once
/// The HTML front end: which parts of an HTML draft (as a CMS exports it) are prose.
///
/// The page is parsed with an HTML5 parser (gumbo) and only text nodes stay. Unlike Markdown,
/// markup is removed rather than blanked into spaces: HTML puts tags inside words
/// (`<a href="...">정부</a>는`), and spaces there would read as spacing mistakes. Line ends inside
/// markup are kept, so every line of the text is the same line of the file; character
/// references (`&amp;`, `&#xAC00;`) are decoded. An offset map records every change, so positions
/// still point into the original bytes.
///
/// Left out: script, style, template, noscript, code and pre content, attribute values,
/// comments (except those carrying factlint suppression directives, kept verbatim) and the
/// <head>, apart from <title>, which is the headline when the page has no <h1>.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "text/offset_map.h"
#include "text/span.h"

namespace factlint {

struct HtmlLayout {
  /// Places in the rewritten text where markup was removed (empty spans) or replaced by a line
  /// end or space, decoded character references, and spaces at the end of a text line (source
  /// layout, not prose). Sorted. Spacing checks skip them and fixes that touch them are withheld.
  std::vector<Span> blanked;
  std::vector<Span> blocks;  ///< Prose blocks (p, h1-h6, li, td, div, br-separated, ...), in order.
  std::vector<Span> captions;  ///< Blocks inside <figcaption>.
  /// The publication date from <meta property="article:published_time">, <meta name="date">,
  /// or the article's <time datetime> (in that order), as written.
  std::optional<std::string> date;
};

/// Parses `text` (UTF-8, LF line ends) as HTML5 and replaces it by its prose as described above.
/// `map` receives (rewritten -> given) offset regions.
HtmlLayout strip_html(std::string& text, OffsetMap& map);

/// True for paths that name HTML files (.html, .htm).
bool is_html_path(std::string_view path);

/// Whether a fix edit on `span` of the rewritten text could change markup or a character
/// reference of the source (given `blanked` from HtmlLayout or MarkdownLayout).
bool edit_touches_markup(const std::vector<Span>& blanked, Span span);

}  // namespace factlint
