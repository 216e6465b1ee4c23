#include "text/document.h"

#include <fmt/format.h>

#include "text/markdown.h"
#include <unicode/bytestream.h>
#include <unicode/edits.h>
#include <unicode/normalizer2.h>
#include <unicode/stringpiece.h>

#include <algorithm>

namespace factlint {

namespace {

/// Line and column of `offset` in raw bytes that may be invalid after `offset` (used only for
/// the invalid-UTF-8 error, before a Document exists).
Position raw_position(std::string_view bytes, std::size_t bom, std::size_t offset) {
  Position p;
  std::size_t line_start = bom;
  for (std::size_t i = bom; i < offset; ++i) {
    if (bytes[i] == '\n' || (bytes[i] == '\r' && (i + 1 >= bytes.size() || bytes[i + 1] != '\n'))) {
      ++p.line;
      line_start = i + 1;
    }
  }
  p.column = utf8::count_code_points(bytes.substr(line_start, offset - line_start)) + 1;
  return p;
}

/// CRLF and lone CR become LF. Returns false (and leaves `out` alone) when there is no CR.
bool normalize_line_ends(std::string_view in, std::string& out, OffsetMap& map) {
  if (in.find('\r') == std::string_view::npos) return false;
  out.reserve(in.size());
  for (std::size_t i = 0; i < in.size(); ++i) {
    if (in[i] != '\r') {
      out.push_back(in[i]);
    } else if (i + 1 < in.size() && in[i + 1] == '\n') {
      map.add(out.size(), out.size() + 1, i, i + 2);
      out.push_back('\n');
      ++i;
    } else {
      out.push_back('\n');  // Same length: offsets are unchanged.
    }
  }
  return true;
}

/// NFC with an offset map. Returns false when `in` is already NFC (the common case, checked
/// without copying).
bool normalize_nfc(std::string_view in, std::string& out, OffsetMap& map) {
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(err);
  if (U_FAILURE(err)) return false;
  const icu::StringPiece piece(in.data(), static_cast<int32_t>(in.size()));
  if (nfc->isNormalizedUTF8(piece, err) && U_SUCCESS(err)) return false;
  err = U_ZERO_ERROR;
  icu::Edits edits;
  icu::StringByteSink<std::string> sink(&out, static_cast<int32_t>(in.size()));
  nfc->normalizeUTF8(0, piece, sink, &edits, err);
  if (U_FAILURE(err)) {
    out.clear();
    return false;
  }
  auto it = edits.getFineIterator();
  while (it.next(err)) {
    if (it.hasChange() && it.oldLength() != it.newLength()) {
      map.add(static_cast<std::size_t>(it.destinationIndex()),
              static_cast<std::size_t>(it.destinationIndex() + it.newLength()),
              static_cast<std::size_t>(it.sourceIndex()),
              static_cast<std::size_t>(it.sourceIndex() + it.oldLength()));
    }
  }
  return true;
}

bool is_blank(std::string_view line) {
  std::size_t i = 0;
  while (i < line.size()) {
    if (!utf8::is_space(utf8::decode(line, i))) return false;
  }
  return true;
}

/// Characters that may close a sentence after its final punctuation: quotes and brackets.
bool is_closer(char32_t cp) {
  switch (cp) {
    case '"':
    case '\'':
    case ')':
    case ']':
    case 0x201D:
    case 0x2019:
    case 0x300D:
    case 0x300F:
    case 0x300B:
    case 0x3009:
    case 0xFF09:
    case 0x3011:
      return true;
    default:
      return false;
  }
}

bool is_terminator(char32_t cp) {
  return cp == '.' || cp == '?' || cp == '!' || cp == 0x2026 || cp == 0x3002 || cp == 0xFF1F ||
         cp == 0xFF01;
}

}  // namespace

std::variant<Document, LoadError> Document::from_bytes(std::string path, std::string bytes) {
  const Format format = is_markdown_path(path) ? Format::markdown : Format::text;
  return from_bytes(std::move(path), std::move(bytes), format);
}

std::variant<Document, LoadError> Document::from_bytes(std::string path, std::string bytes,
                                                      Format format) {
  Document doc;
  doc.format_ = format;
  doc.path_ = std::move(path);
  doc.original_ = std::move(bytes);
  if (doc.original_.starts_with("\xEF\xBB\xBF")) doc.bom_ = 3;
  if (auto bad = utf8::find_invalid(doc.original_)) {
    return LoadError{raw_position(doc.original_, doc.bom_, *bad),
                     fmt::format("invalid UTF-8 byte 0x{:02X}",
                                 static_cast<unsigned char>(doc.original_[*bad]))};
  }
  std::string lf;
  const bool rewrote_lines = normalize_line_ends(doc.body(), lf, doc.line_end_map_);
  const std::string_view stage = rewrote_lines ? std::string_view(lf) : doc.body();
  std::string nfc;
  if (normalize_nfc(stage, nfc, doc.nfc_map_)) {
    doc.analysis_ = std::move(nfc);
    doc.has_rewrite_ = true;
  } else if (rewrote_lines) {
    doc.analysis_ = std::move(lf);
    doc.has_rewrite_ = true;
  }
  doc.index_lines();
  if (format == Format::markdown) {
    if (!doc.has_rewrite_) {
      doc.analysis_ = std::string(doc.body());
      doc.has_rewrite_ = true;
    }
    MarkdownLayout layout = blank_markdown(doc.analysis_);
    doc.blanked_ = std::move(layout.blanked);
    if (layout.date) doc.front_matter_date_ = std::move(*layout.date);
    doc.find_paragraphs(&layout.blocks);
  } else {
    doc.find_paragraphs(nullptr);
  }
  return doc;
}

std::size_t Document::to_original(std::size_t offset, bool toward_end) const {
  const std::size_t lf = nfc_map_.to_source(offset, toward_end);
  return bom_ + line_end_map_.to_source(lf, toward_end);
}

void Document::index_lines() {
  const std::string_view t = text();
  line_starts_.clear();
  line_starts_.push_back(0);
  for (std::size_t i = t.find('\n'); i != std::string_view::npos; i = t.find('\n', i + 1))
    line_starts_.push_back(i + 1);
  // A final line end does not open an empty last line.
  if (line_starts_.size() > 1 && line_starts_.back() == t.size()) line_starts_.pop_back();
}

Span Document::line(std::size_t index) const {
  const std::string_view t = text();
  const std::size_t begin = line_starts_[index];
  std::size_t end = index + 1 < line_starts_.size() ? line_starts_[index + 1] - 1 : t.size();
  if (end > begin && t[end - 1] == '\n') --end;  // The last line of a file ending in LF.
  return {begin, end};
}

std::string_view Document::line_text(std::size_t index) const { return slice(line(index)); }

std::size_t Document::line_of(std::size_t offset) const {
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  return static_cast<std::size_t>(it - line_starts_.begin()) - 1;
}

Position Document::position(std::size_t offset) const {
  const std::size_t index = line_of(offset);
  const std::size_t start = to_original(line_starts_[index]);
  const std::size_t at = to_original(offset);
  return {index + 1, utf8::count_code_points(original().substr(start, at - start)) + 1};
}

bool Document::touches_blanked(Span span) const {
  auto it = std::lower_bound(blanked_.begin(), blanked_.end(), span.begin,
                             [](const Span& b, std::size_t at) { return b.end <= at; });
  return it != blanked_.end() && it->begin < std::max(span.end, span.begin + 1);
}

void Document::find_paragraphs(const std::vector<Span>* blocks) {
  const std::string_view t = text();
  if (blocks != nullptr) {
    for (Span b : *blocks) {
      paragraphs_.push_back({b, line_of(b.begin), line_of(b.end > b.begin ? b.end - 1 : b.begin)});
      split_sentences(b, true);
    }
    return;
  }
  bool open = false;
  for (std::size_t i = 0; i < line_starts_.size(); ++i) {
    const Span l = line(i);
    if (is_blank(t.substr(l.begin, l.size()))) {
      open = false;
      continue;
    }
    if (open) {
      paragraphs_.back().span.end = l.end;
      paragraphs_.back().last_line = i;
    } else {
      paragraphs_.push_back({l, i, i});
      open = true;
    }
    split_sentences(l, false);
  }
}

// Sentences end at terminal punctuation (plus closing quotes and brackets) followed by
// whitespace, and at the end of the range. A period between digits (3.5) is not followed by
// whitespace. With soft line ends a line end is just whitespace.
void Document::split_sentences(Span range, bool soft_line_ends) {
  const std::string_view t = text();
  auto is_gap = [&](char32_t c) { return utf8::is_space(c) || (soft_line_ends && c == '\n'); };
  std::size_t pos = range.begin;
  auto skip_gap = [&] {
    while (pos < range.end) {
      std::size_t next = pos;
      if (!is_gap(utf8::decode(t, next))) break;
      pos = next;
    }
  };
  skip_gap();
  std::size_t start = pos;
  while (pos < range.end) {
    const char32_t cp = utf8::decode(t, pos);
    if (!is_terminator(cp)) continue;
    std::size_t end = pos;
    while (end < range.end) {
      std::size_t next = end;
      const char32_t c = utf8::decode(t, next);
      if (!is_terminator(c) && !is_closer(c)) break;
      end = next;
    }
    if (end < range.end) {
      std::size_t next = end;
      if (!is_gap(utf8::decode(t, next))) {
        pos = end;
        continue;
      }
    }
    sentences_.push_back({start, end});
    pos = end;
    skip_gap();
    start = pos;
  }
  // Trailing text without final punctuation (a headline, a caption) is a sentence too.
  std::size_t end = range.end;
  while (end > start && (t[end - 1] == ' ' || t[end - 1] == '\t' || t[end - 1] == '\n')) --end;
  if (end > start) sentences_.push_back({start, end});
}

std::vector<Span> Document::sentences_in(Span range) const {
  auto first = std::lower_bound(sentences_.begin(), sentences_.end(), range.begin,
                                [](const Span& s, std::size_t b) { return s.end <= b; });
  std::vector<Span> out;
  for (auto it = first; it != sentences_.end() && it->begin < range.end; ++it) out.push_back(*it);
  return out;
}

std::vector<Span> Document::words(Span range) const {
  std::vector<Span> out;
  for_each_word(range, [&](Span w) { out.push_back(w); });
  return out;
}

}  // namespace factlint
