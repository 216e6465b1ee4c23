#include "text/document.h"

#include <fmt/format.h>
#include <unicode/bytestream.h>
#include <unicode/edits.h>
#include <unicode/normalizer2.h>
#include <unicode/stringpiece.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>

#include <algorithm>
#include <bitset>
#include <mutex>

#include "text/html.h"
#include "text/markdown.h"

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

/// True when the code point has NFC_Quick_Check=Yes and canonical combining class 0. A text
/// made only of such code points is NFC (UAX #15, quick check). Looked up in ICU once per
/// 256-code-point block that a run actually meets, so start-up stays free.
bool nfc_stable(char32_t cp) {
  if (cp < 0x300 || utf8::is_hangul_syllable(cp)) return true;
  if (cp > 0xFFFF) {
    return u_getIntPropertyValue(static_cast<UChar32>(cp), UCHAR_NFC_QUICK_CHECK) == UNORM_YES &&
           u_getCombiningClass(static_cast<UChar32>(cp)) == 0;
  }
  struct Block {
    std::once_flag once;
    std::bitset<256> stable;
  };
  static Block blocks[256];
  Block& block = blocks[cp >> 8];
  std::call_once(block.once, [&] {
    for (UChar32 c = static_cast<UChar32>(cp & ~0xFFu), k = 0; k < 256; ++c, ++k) {
      block.stable[k] = u_getIntPropertyValue(c, UCHAR_NFC_QUICK_CHECK) == UNORM_YES &&
                        u_getCombiningClass(c) == 0;
    }
  });
  return block.stable[cp & 0xFF];
}

/// Whether `in` is NFC. The quick check decides almost every code point (ASCII and Hangul
/// syllables without a lookup); around a code point it cannot decide (a combining mark, a
/// trailing jamo), ICU checks just the window from the preceding code point to the next stable
/// one: normalization never reaches across a stable code point, so the windows decide the text.
bool is_nfc(std::string_view in, const icu::Normalizer2& nfc) {
  const auto* s = reinterpret_cast<const unsigned char*>(in.data());
  const std::size_t n = in.size();
  std::size_t i = 0;
  std::size_t previous = 0;  // Start of the code point before i.
  while (i < n) {
    if (s[i] < 0x80) {
      previous = i++;
      continue;
    }
    // Hangul syllables: EA B0 80 (U+AC00) .. ED 9E A3 (U+D7A3).
    if (i + 3 <= n && ((s[i] >= 0xEA && s[i] <= 0xEC && (s[i] > 0xEA || s[i + 1] >= 0xB0)) ||
                       (s[i] == 0xED && s[i + 1] < 0x9E))) {
      previous = i;
      i += 3;
      continue;
    }
    const std::size_t at = i;
    if (nfc_stable(utf8::decode(in, i))) {
      previous = at;
      continue;
    }
    const std::size_t window_begin = at == 0 ? 0 : previous;
    std::size_t window_end = i;
    while (window_end < n) {
      std::size_t next = window_end;
      if (nfc_stable(utf8::decode(in, next))) break;
      window_end = next;
    }
    UErrorCode err = U_ZERO_ERROR;
    const icu::StringPiece window(in.data() + window_begin,
                                  static_cast<int32_t>(window_end - window_begin));
    if (!nfc.isNormalizedUTF8(window, err) || U_FAILURE(err)) return false;
    previous = window_end == at ? at : utf8::previous(in, window_end);
    i = window_end;
  }
  return true;
}

/// NFC with an offset map. Returns false when `in` is already NFC (the common case, checked
/// without copying).
bool normalize_nfc(std::string_view in, std::string& out, OffsetMap& map) {
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(err);
  if (U_FAILURE(err) || is_nfc(in, *nfc)) return false;
  const icu::StringPiece piece(in.data(), static_cast<int32_t>(in.size()));
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
  const Format format = is_markdown_path(path) ? Format::markdown
                        : is_html_path(path)   ? Format::html
                                               : Format::text;
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
  doc.mark_code_points();
  if (format == Format::markdown) {
    if (!doc.has_rewrite_) {
      doc.analysis_ = std::string(doc.body());
      doc.has_rewrite_ = true;
    }
    MarkdownLayout layout = rewrite_markdown(doc.analysis_, doc.markup_map_);
    doc.blanked_ = std::move(layout.blanked);
    if (layout.date) doc.front_matter_date_ = std::move(*layout.date);
    doc.index_lines();  // Same lines, other offsets: inline markup was removed.
    doc.find_paragraphs(&layout.blocks);
  } else if (format == Format::html) {
    if (!doc.has_rewrite_) doc.analysis_ = std::string(doc.body());
    doc.has_rewrite_ = true;
    HtmlLayout layout = strip_html(doc.analysis_, doc.markup_map_);
    doc.blanked_ = std::move(layout.blanked);
    doc.captions_ = std::move(layout.captions);
    if (layout.date) doc.front_matter_date_ = std::move(*layout.date);
    doc.index_lines();  // Same lines, other offsets: markup was removed.
    doc.find_paragraphs(&layout.blocks);
  } else {
    doc.find_paragraphs(nullptr);
  }
  return doc;
}

std::size_t Document::to_original(std::size_t offset, bool toward_end) const {
  const std::size_t nfc = markup_map_.empty() ? offset : markup_map_.to_source(offset, toward_end);
  const std::size_t lf = nfc_map_.to_source(nfc, toward_end);
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

void Document::mark_code_points() {
  // Marks cost 8 bytes per 4 KB; the original's lines may be longer than the analysis text's
  // (removed HTML markup), so a text that is not short gets them whatever its lines.
  const std::string_view o = original_;
  if (o.size() <= kMarkStride) return;
  code_point_marks_.reserve(o.size() / kMarkStride + 1);
  code_point_marks_.push_back(0);
  for (std::size_t at = kMarkStride; at <= o.size(); at += kMarkStride) {
    code_point_marks_.push_back(code_point_marks_.back() +
                                utf8::count_code_points(o.substr(at - kMarkStride, kMarkStride)));
  }
}

std::size_t Document::code_points_before(std::size_t original_offset) const {
  const std::size_t mark = original_offset / kMarkStride;
  const std::size_t from = mark * kMarkStride;
  return code_point_marks_[mark] +
         utf8::count_code_points(original().substr(from, original_offset - from));
}

Position Document::position(std::size_t offset, bool toward_end) const {
  const std::size_t index = line_of(offset);
  // A line that starts with removed markup (HTML) starts before it.
  const std::size_t start = to_original(line_starts_[index], true);
  const std::size_t at = to_original(offset, toward_end);
  // A code point starts at every byte that is not a continuation byte, so counts over
  // [0, at) and [0, start) differ by the count over [start, at).
  if (code_point_marks_.empty() || at < start || at - start <= kMarkStride) {
    return {index + 1, utf8::count_code_points(original().substr(start, at - start)) + 1};
  }
  return {index + 1, code_points_before(at) - code_points_before(start) + 1};
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
    // Only these bytes can start a terminator ('.', '?', '!', and the lead bytes of …, 。, ？, ！);
    // everything else is skipped without decoding.
    const auto byte = static_cast<unsigned char>(t[pos]);
    if (byte != '.' && byte != '?' && byte != '!' && byte != 0xE2 && byte != 0xE3 && byte != 0xEF) {
      pos += utf8::sequence_length(byte);
      continue;
    }
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
