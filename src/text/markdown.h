#pragma once
/// The Markdown front end: which parts of a Markdown draft are prose.
///
/// Rather than extracting text (and losing positions), everything that is not prose is blanked
/// in place: replaced byte for byte by spaces, line ends kept. Offsets stay those of the file, so
/// every check works unchanged and reports exact positions. Code blocks, inline code, URLs, link
/// targets, raw HTML and entities are blanked; HTML comments that carry factlint suppression
/// directives are kept so that suppression works in Markdown as in text.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "text/span.h"

namespace factlint {

struct MarkdownLayout {
  std::vector<Span> blanked;  ///< Ranges replaced by spaces, in order.
  std::vector<Span> blocks;   ///< Prose blocks (paragraphs, headings, list items, cells), in order.
  std::optional<Span> front_matter;  ///< The whole `---` … `---` block at the top, if any.
  std::optional<Span> title;         ///< The value of `title:` in the front matter (kept as prose).
  std::optional<std::string> date;   ///< The value of `date:` in the front matter, as written.
};

/// Parses `text` (UTF-8, LF line ends) as CommonMark with GitHub tables, strikethrough and
/// permissive autolinks, blanks what is not prose and returns the layout.
MarkdownLayout blank_markdown(std::string& text);

/// True for paths that name Markdown files (.md, .markdown).
bool is_markdown_path(std::string_view path);

}  // namespace factlint
