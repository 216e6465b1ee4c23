#pragma once
/// The document model: one article as the checks see it.
///
/// Two texts live here. `original()` is the file exactly as read. `text()` is what checks analyse:
/// the byte-order mark removed, every line end (CRLF, lone CR) turned into LF, and Unicode NFC
/// applied (Korean pasted from macOS is often decomposed into jamo). Checks work only with byte
/// offsets into `text()`; `position()` and `to_original()` translate them back for reporting and
/// for fixes, so a finding in NFD or CRLF text points at the same line and character as in NFC/LF.

#include <cstddef>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "text/offset_map.h"
#include "text/span.h"
#include "text/utf8.h"

namespace factlint {

/// A line:column place in the original file. Lines are 1-based; columns are 1-based and count
/// Unicode code points of the original text (a BOM is not counted).
struct Position {
  std::size_t line = 1;
  std::size_t column = 1;
  friend bool operator==(const Position&, const Position&) = default;
};

/// A block of consecutive non-blank lines (in Markdown: a paragraph, heading, list item or
/// table cell as the Markdown parser sees it).
struct Paragraph {
  Span span;  ///< From the first character of its first line to the end of its last.
  std::size_t first_line = 0;  ///< 0-based line indices.
  std::size_t last_line = 0;
};

/// Why a file could not become a document. Always a user error (exit code 2).
struct LoadError {
  Position position;
  std::string message;
  std::string message_ko;
};

class Document {
 public:
  enum class Format { text, markdown, html };

  /// Validates and prepares `bytes`. `path` is what reports show ("-" for standard input); a
  /// path ending in .md or .markdown is read as Markdown, one ending in .html or .htm as HTML,
  /// unless `format` says otherwise.
  static std::variant<Document, LoadError> from_bytes(std::string path, std::string bytes);
  static std::variant<Document, LoadError> from_bytes(std::string path, std::string bytes,
                                                      Format format);

  const std::string& path() const { return path_; }
  Format format() const { return format_; }
  /// Markdown: ranges of the analysis text that are not prose (code, URLs, block markup) and
  /// were replaced by spaces, line ends kept, and empty spans where inline markup was removed
  /// (see text/markdown.h). HTML: places where markup was removed and decoded character
  /// references (see text/html.h). Checks about spacing must skip them.
  const std::vector<Span>& blanked() const { return blanked_; }
  /// True when `span` touches a blanked range.
  bool touches_blanked(Span span) const;
  /// Markdown: the `date:` of the front matter; HTML: the article's published-time meta data.
  /// As written.
  const std::string& front_matter_date() const { return front_matter_date_; }
  /// HTML only: the blocks inside <figcaption> (image captions).
  const std::vector<Span>& captions() const { return captions_; }
  std::string_view original() const { return original_; }
  std::string_view text() const { return has_rewrite_ ? std::string_view(analysis_) : body(); }

  /// Analysis-text byte offset -> original byte offset. See OffsetMap::to_source for `toward_end`.
  std::size_t to_original(std::size_t offset, bool toward_end = false) const;
  /// Analysis-text byte offset -> line and code-point column in the original (`toward_end`
  /// for the end of a span, as in to_original).
  Position position(std::size_t offset, bool toward_end = false) const;

  // Lines (0-based indices; spans exclude the line end).
  std::size_t line_count() const { return line_starts_.size(); }
  Span line(std::size_t index) const;
  std::string_view line_text(std::size_t index) const;
  std::size_t line_of(std::size_t offset) const;

  const std::vector<Paragraph>& paragraphs() const { return paragraphs_; }
  /// Every sentence of the document in order. In text a sentence never crosses a line end; in
  /// Markdown lines inside a paragraph are soft-wrapped and a sentence may.
  const std::vector<Span>& sentences() const { return sentences_; }
  /// Sentences that lie inside `range` (e.g. a paragraph).
  std::vector<Span> sentences_in(Span range) const;

  /// The text of a span of the analysis text.
  std::string_view slice(Span span) const { return text().substr(span.begin, span.size()); }

  /// Calls `fn(Span)` for each eojeol (a whitespace-delimited word, the unit Korean spacing
  /// works in) inside `range`. Words are derived on demand, so nothing per word is stored.
  template <class Fn>
  void for_each_word(Span range, Fn&& fn) const {
    const std::string_view t = text();
    std::size_t i = range.begin;
    std::size_t start = std::string_view::npos;
    while (i < range.end) {
      const std::size_t at = i;
      // A character whose lead byte rules out white space (letters, Hangul) is skipped whole
      // without decoding; the others are decided from their bytes (as '\n' or utf8::is_space).
      const auto lead = static_cast<unsigned char>(t[i]);
      std::size_t length = utf8::kNeverSpaceLength[lead];
      bool space = false;
      if (length == 0) {
        length = utf8::space_length(t, i);
        space = length != 0;
        if (!space) length = utf8::sequence_length(lead);
      }
      i += length;
      if (space && start != std::string_view::npos) {
        fn(Span{start, at});
        start = std::string_view::npos;
      } else if (!space && start == std::string_view::npos) {
        start = at;
      }
    }
    if (start != std::string_view::npos) fn(Span{start, range.end});
  }
  std::vector<Span> words(Span range) const;

 private:
  Document() = default;
  std::string_view body() const { return std::string_view(original_).substr(bom_); }
  void index_lines();
  void find_paragraphs(const std::vector<Span>* blocks);
  void split_sentences(Span range, bool soft_line_ends);

  std::string path_;
  Format format_ = Format::text;
  std::vector<Span> blanked_;
  std::vector<Span> captions_;
  std::string front_matter_date_;
  std::string original_;
  std::size_t bom_ = 0;       ///< 3 when the file starts with a UTF-8 BOM.
  bool has_rewrite_ = false;  ///< True when analysis_ differs from the original body.
  std::string analysis_;      ///< Empty unless has_rewrite_.
  OffsetMap line_end_map_;    ///< LF-normalized text -> original body.
  OffsetMap nfc_map_;         ///< NFC text -> LF-normalized text.
  OffsetMap markup_map_;      ///< HTML, Markdown: analysis text (prose) -> NFC text.
  std::vector<std::size_t> line_starts_;
  /// Code points of original_ before byte k * kMarkStride, so that a column on a very long
  /// line is found without counting from the line start; empty for a text under 4 KB.
  static constexpr std::size_t kMarkStride = 4096;
  std::vector<std::size_t> code_point_marks_;
  void mark_code_points();
  std::size_t code_points_before(std::size_t original_offset) const;
  std::vector<Paragraph> paragraphs_;
  std::vector<Span> sentences_;
};

}  // namespace factlint
