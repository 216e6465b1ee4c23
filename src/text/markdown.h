#pragma once
/// The Markdown front end: which parts of a Markdown draft are prose.
///
/// The text is rewritten to its prose, with an offset map so that every position still points
/// into the file. Inline markup between the words of one line (`**`, `_`, `~~`, a link's
/// brackets and target, a backslash escape) is removed, since it may sit inside a word
/// (`오픈*AI*는` reads 오픈AI는). Everything else that is not prose is blanked in place, byte for
/// byte, line ends kept: block markup (`#`, `>`, list markers, table pipes), code blocks and
/// inline code, URLs shown as text, raw HTML and entities. HTML comments that carry factlint
/// suppression directives are kept so that suppression works in Markdown as in text.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "text/offset_map.h"
#include "text/span.h"

namespace factlint {

struct MarkdownLayout {
  /// In the rewritten text, in order: ranges replaced by spaces, and empty spans where inline
  /// markup was removed. Spacing checks skip them and fixes that touch them are withheld.
  std::vector<Span> blanked;
  std::vector<Span> blocks;  ///< Prose blocks (paragraphs, headings, list items, cells), in order.
  std::optional<Span> front_matter;  ///< The whole `---` … `---` block at the top, if any.
  std::optional<Span> title;         ///< The value of `title:` in the front matter (kept as prose).
  std::optional<std::string> date;   ///< The value of `date:` in the front matter, as written.
};

/// Parses `text` (UTF-8, LF line ends) as CommonMark with GitHub tables, strikethrough and
/// permissive autolinks and rewrites it as described above; `map` receives (rewritten -> given)
/// offset regions for the removed markup. Blocks, title and blanked ranges are in rewritten
/// offsets; the front matter span is unchanged (nothing before it is removed).
MarkdownLayout rewrite_markdown(std::string& text, OffsetMap& map);

/// True for paths that name Markdown files (.md, .markdown).
bool is_markdown_path(std::string_view path);

}  // namespace factlint
