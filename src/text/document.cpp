#include "text/document.h"

#include <fmt/format.h>
#include <unicode/bytestream.h>
#include <unicode/edits.h>
#include <unicode/normalizer2.h>
#include <unicode/stringpiece.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>

#include <algorithm>
#include <atomic>
#include <bitset>
#include <mutex>

#include "text/html.h"
#include "text/markdown.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

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
/// 64-code-point block that a run actually meets, so start-up stays free (a block is small
/// because a Korean article meets few code points of each: the quotation marks of U+2000..,
/// a Cyrillic or Latin name).
bool nfc_stable(char32_t cp) {
  // CJK ideographs (U+3400..U+4DBF, U+4E00..U+9FFF; Hanja) and the hexagrams between them have
  // no decompositions, combining class 0 and compose with nothing.
  if (cp < 0x300 || utf8::is_hangul_syllable(cp) || (cp >= 0x3400 && cp <= 0x9FFF)) return true;
  if (cp > 0xFFFF) {
    return u_getIntPropertyValue(static_cast<UChar32>(cp), UCHAR_NFC_QUICK_CHECK) == UNORM_YES &&
           u_getCombiningClass(static_cast<UChar32>(cp)) == 0;
  }
  constexpr unsigned kBlockBits = 6;
  constexpr unsigned kBlockSize = 1u << kBlockBits;
  struct Block {
    std::atomic<bool> ready{false};
    std::bitset<kBlockSize> stable;
  };
  static Block blocks[0x10000 >> kBlockBits];
  static std::mutex filling;
  Block& block = blocks[cp >> kBlockBits];
  // Double-checked: a filled block is read with one acquire load (std::call_once costs far more
  // per call, and this runs for every code point that is not ASCII or Hangul).
  if (!block.ready.load(std::memory_order_acquire)) {
    const std::lock_guard lock(filling);
    if (!block.ready.load(std::memory_order_relaxed)) {
      const auto first = static_cast<UChar32>(cp & ~(kBlockSize - 1));
      for (UChar32 c = first, k = 0; k < static_cast<UChar32>(kBlockSize); ++c, ++k) {
        block.stable[k] = u_getIntPropertyValue(c, UCHAR_NFC_QUICK_CHECK) == UNORM_YES &&
                          u_getCombiningClass(c) == 0;
      }
      block.ready.store(true, std::memory_order_release);
    }
  }
  return block.stable[cp & (kBlockSize - 1)];
}

/// Whether the text around `at`, a code point that is not NFC-stable, is NFC. ICU checks just the
/// window from `begin` (the code point before it, or `at` at the start of the text) to the next
/// stable code point, which `end` receives: normalization never reaches across a stable code
/// point, so the windows around all unstable code points decide the whole text (UAX #15).
bool window_is_nfc(std::string_view text, std::size_t begin, std::size_t at, std::size_t& end) {
  end = at;
  utf8::decode(text, end);
  while (end < text.size()) {
    std::size_t next = end;
    if (nfc_stable(utf8::decode(text, next))) break;
    end = next;
  }
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(err);
  if (U_FAILURE(err)) return true;  // Without ICU's data the text is taken as it is.
  const icu::StringPiece window(text.data() + begin, static_cast<int32_t>(end - begin));
  return nfc->isNormalizedUTF8(window, err) && U_SUCCESS(err);
}

/// NFC with an offset map, for a text known not to be NFC. Returns false when ICU fails.
bool normalize_nfc(std::string_view in, std::string& out, OffsetMap& map) {
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(err);
  if (U_FAILURE(err)) return false;
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

/// The bytes that may start a sentence terminator: '.', '?', '!', and E2, E3, EF, the lead bytes
/// of …, 。, ？, ！.
bool may_start_terminator(unsigned char b) {
  return b == '.' || b == '?' || b == '!' || b == 0xE2 || b == 0xE3 || b == 0xEF;
}

/// Offset of the first byte in [pos, end) that may start a sentence terminator, or `end`. Such a
/// byte is never a continuation byte, so the offset is always the start of a character.
std::size_t next_terminator_candidate(std::string_view t, std::size_t pos, std::size_t end) {
  const auto* s = reinterpret_cast<const unsigned char*>(t.data());
#if defined(__SSE2__)
  // Sixteen bytes at a time: one compare per candidate byte value, one test for the block.
  const __m128i dot = _mm_set1_epi8('.'), question = _mm_set1_epi8('?'),
                exclamation = _mm_set1_epi8('!'), e2 = _mm_set1_epi8(static_cast<char>(0xE2)),
                e3 = _mm_set1_epi8(static_cast<char>(0xE3)),
                ef = _mm_set1_epi8(static_cast<char>(0xEF));
  auto candidates = [&](std::size_t at) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s + at));
    const __m128i hits =
        _mm_or_si128(_mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, dot), _mm_cmpeq_epi8(v, question)),
                                  _mm_cmpeq_epi8(v, exclamation)),
                     _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, e2), _mm_cmpeq_epi8(v, e3)),
                                  _mm_cmpeq_epi8(v, ef)));
    return static_cast<unsigned>(_mm_movemask_epi8(hits));
  };
  for (; pos + 16 <= end; pos += 16) {
    if (const unsigned mask = candidates(pos); mask != 0) {
      return pos + static_cast<std::size_t>(__builtin_ctz(mask));
    }
  }
  // The last few bytes of a range: the sixteen bytes that end at `end` (the text has them when
  // `end` >= 16), with the bits of the bytes before `pos`, already scanned, shifted out.
  if (pos < end && end >= 16) {
    const unsigned mask = candidates(end - 16) >> (pos - (end - 16));
    return mask != 0 ? pos + static_cast<std::size_t>(__builtin_ctz(mask)) : end;
  }
#endif
  while (pos < end && !may_start_terminator(s[pos])) ++pos;
  return pos;
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
  // One pass validates the bytes and runs the NFC quick check: ASCII and Hangul syllables are
  // stable, other code points are looked up, and only around an unstable one (a combining mark,
  // a conjoining jamo) does ICU check a small window. CR and LF are stable, so the windows give
  // the same answer on the original as on the text with normalized line ends; the BOM (U+FEFF)
  // is stable too. Bytes after an unstable code point are not validated yet when its window is
  // read: if they are invalid, the document is rejected below and the answer is unused.
  bool needs_nfc = false;
  std::size_t checked_until = 0;  // End of the last window checked.
  const std::string_view bytes_read = doc.original_;
  auto check_nfc = [&](char32_t cp, std::size_t at) {
    if (needs_nfc || at < checked_until || nfc_stable(cp)) return;
    const std::size_t begin = at == doc.bom_ ? at : utf8::previous(bytes_read, at);
    needs_nfc = !window_is_nfc(bytes_read, begin, at, checked_until);
  };
  const auto bad = utf8::validate(bytes_read, check_nfc);
  if (bad) {
    const auto byte = static_cast<unsigned char>(doc.original_[*bad]);
    return LoadError{raw_position(doc.original_, doc.bom_, *bad),
                     fmt::format("invalid UTF-8 byte 0x{:02X}", byte),
                     fmt::format("UTF-8로 읽을 수 없는 바이트 0x{:02X}", byte)};
  }
  std::string lf;
  const bool rewrote_lines = normalize_line_ends(doc.body(), lf, doc.line_end_map_);
  const std::string_view stage = rewrote_lines ? std::string_view(lf) : doc.body();
  std::string nfc;
  if (needs_nfc && normalize_nfc(stage, nfc, doc.nfc_map_)) {
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
  // position() counts from the line start when a line is no longer than a stride. A plain text
  // taken as it was read (no CR, no NFC rewrite) has the original's lines, so when all of them
  // are that short the marks would never be read: most articles are such.
  if (format_ == Format::text && !has_rewrite_) {
    std::size_t longest = body().size() - line_starts_.back();
    for (std::size_t k = 1; k < line_starts_.size(); ++k) {
      longest = std::max(longest, line_starts_[k] - line_starts_[k - 1]);
    }
    if (longest <= kMarkStride) return;
  }
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
    // Most characters cannot start a terminator: skipped without decoding.
    pos = next_terminator_candidate(t, pos, range.end);
    if (pos >= range.end) break;
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
