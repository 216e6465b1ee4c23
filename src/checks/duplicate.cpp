// duplicate/caption and duplicate/paragraph: text pasted twice.
//
// A caption that merely credits a source ("= 픽사베이") may stand under several photos, so it is
// reported only when it repeats with no prose in between (a double paste). A descriptive caption
// or a paragraph of prose repeated anywhere in the article is always a mistake. The repeat is
// reported, with a related span on the first occurrence. See docs/checks/duplicate/.

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <unordered_map>

#include "checks/all_checks.h"
#include "text/caption.h"
#include "text/document.h"
#include "text/utf8.h"

namespace factlint {
namespace {

constexpr RuleInfo kRules[] = {
    {"duplicate/caption", Severity::warning,
     Message{"an image caption repeated", "같은 사진 설명(캡션)이 반복됨"}, true},
    {"duplicate/paragraph", Severity::warning,
     Message{"a paragraph repeated word for word", "같은 문단이 그대로 반복됨"}, false},
};
const RuleInfo& kCaption = kRules[0];
const RuleInfo& kParagraph = kRules[1];

/// Paragraphs shorter than this (in code points) are too short to call a duplicate: a
/// one-word line such as a section label can repeat on purpose.
constexpr std::size_t kMinParagraphChars = 30;

/// True for a lead byte that starts no whitespace: printable ASCII and everything from 0xE4 up
/// (Hangul, CJK; see utf8::space_length).
bool plain(unsigned char lead) { return (lead > ' ' && lead < 0x80) || lead >= 0xE4; }

/// Reads the text in pieces with whitespace runs collapsed to one space and the ends trimmed
/// (words and the single spaces between them), so that a repeat that differs only in spacing
/// is still a repeat. Words are passed over by their lead bytes; only other characters are
/// tested with utf8::space_length.
class PieceReader {
 public:
  explicit PieceReader(std::string_view s) : s_(s) {}

  /// The next piece, or nullopt at the end of the text.
  std::optional<std::string_view> next() {
    while (i_ < s_.size()) {
      const std::size_t space = utf8::space_length(s_, i_);
      if (space == 0) break;
      i_ += space;
    }
    if (i_ >= s_.size()) return std::nullopt;
    if (started_) {
      // The space between the last word and this one; the word comes on the next call.
      started_ = false;
      return std::string_view(" ");
    }
    const std::size_t word = i_;
    while (i_ < s_.size()) {
      const auto lead = static_cast<unsigned char>(s_[i_]);
      if (!plain(lead) && utf8::space_length(s_, i_) != 0) break;
      i_ += utf8::sequence_length(lead);
    }
    i_ = std::min(i_, s_.size());
    started_ = true;
    return s_.substr(word, i_ - word);
  }

 private:
  std::string_view s_;
  std::size_t i_ = 0;
  bool started_ = false;  ///< a word was read last: a space piece comes before the next word
};

/// Calls `fn(std::string_view)` for each piece of PieceReader until it returns false.
template <class Fn>
void for_each_normalized_piece(std::string_view s, Fn&& fn) {
  PieceReader pieces(s);
  while (auto piece = pieces.next()) {
    if (!fn(*piece)) return;
  }
}

/// Hashes pieces of text eight bytes at a time. Equal texts have equal pieces, so hashing each
/// piece with its length (which keeps the piece boundaries apart) is as exact as hashing the
/// bytes one by one, and much cheaper.
class PieceHash {
 public:
  void add(std::string_view piece) {
    mix(piece.size());
    std::size_t i = 0;
    for (; i + 8 <= piece.size(); i += 8) {
      std::uint64_t v;
      std::memcpy(&v, piece.data() + i, 8);
      mix(v);
    }
    std::uint64_t tail = 0;
    for (std::size_t k = 0; i + k < piece.size(); ++k) {
      tail |= std::uint64_t{static_cast<unsigned char>(piece[i + k])} << (8 * k);
    }
    mix(tail);
  }
  std::uint64_t value() const { return h_; }

 private:
  void mix(std::uint64_t v) {
    constexpr std::uint64_t kMultiplier = 0x9E3779B97F4A7C15ull;  // 2^64 / golden ratio.
    h_ = (h_ ^ v) * kMultiplier;
    h_ ^= h_ >> 29;
  }
  std::uint64_t h_ = 1469598103934665603ull;
};

/// A hash of the whole normalized text.
std::uint64_t normalized_hash(std::string_view s) {
  PieceHash h;
  for_each_normalized_piece(s, [&](std::string_view piece) {
    h.add(piece);
    return true;
  });
  return h.value();
}

/// A hash of the first kBeginningBytes bytes of the normalized text. Two paragraphs are equal
/// only if they begin alike, and most paragraphs of an article begin differently, so the
/// whole text is read only for paragraphs whose beginnings meet.
constexpr std::size_t kBeginningBytes = 64;
std::uint64_t beginning_hash(std::string_view s) {
  PieceHash h;
  std::size_t left = kBeginningBytes;
  for_each_normalized_piece(s, [&](std::string_view piece) {
    h.add(piece.substr(0, left));
    left -= std::min(left, piece.size());
    return left > 0;
  });
  return h.value();
}

std::string normalized(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for_each_normalized_piece(s, [&](std::string_view piece) {
    out += piece;
    return true;
  });
  return out;
}

/// normalized(a) == normalized(b), without building either. Words hold no whitespace, so equal
/// normalized texts are equal piece by piece. A text pasted twice is usually the same bytes.
bool same_normalized(std::string_view a, std::string_view b) {
  if (a == b) return true;
  PieceReader x(a), y(b);
  for (;;) {
    const auto p = x.next();
    const auto q = y.next();
    if (!p || !q) return !p && !q;
    if (*p != *q) return false;
  }
}

/// True when `s` has at least `n` code points; a text of 4n bytes or more always has.
bool has_code_points(std::string_view s, std::size_t n) {
  return s.size() >= 4 * n || utf8::count_code_points(s) >= n;
}

struct Seen {
  Span span;
  std::size_t line = 0;          ///< 0-based.
  std::size_t prose_before = 0;  ///< Prose lines seen before it (to tell "adjacent").
};

/// The paragraphs seen so far. Each is keyed by its beginning first; its whole text is hashed
/// only when a later paragraph begins the same way.
struct SeenParagraphs {
  struct First {
    Seen seen;
    bool hashed = false;  ///< Entered in by_hash.
  };
  std::unordered_map<std::uint64_t, First> by_beginning;  ///< The first with each beginning.
  std::unordered_map<std::uint64_t, Seen> by_hash;        ///< The first with each whole text.
};

/// In HTML a <figcaption> says what a caption is: the part of `line` inside one, if any.
std::optional<Span> figcaption_on(const Document& doc, Span line) {
  for (Span c : doc.captions()) {
    if (c.begin < line.end && line.begin < c.end) {
      return Span{std::max(c.begin, line.begin), std::min(c.end, line.end)};
    }
  }
  return std::nullopt;
}

class DuplicateCheck final : public Check {
 public:
  std::span<const RuleInfo> rules() const override { return kRules; }

  void run(const Document& doc, const LintContext& context, Emitter& out) const override {
    // Looked up once: Emitter::enabled searches the configured severities by rule id.
    const bool captions_on = out.enabled(kCaption);
    const bool paragraphs_on = out.enabled(kParagraph);
    if (!captions_on && !paragraphs_on) return;
    std::unordered_map<std::string, Seen> captions;
    SeenParagraphs paragraphs;
    std::size_t prose_lines = 0;
    for (const Paragraph& para : doc.paragraphs()) {
      std::size_t caption_lines = 0;
      for (std::size_t i = para.first_line; i <= para.last_line; ++i) {
        // The paragraph's part of the line: HTML blocks (two figures, say) can share a line.
        Span line = doc.line(i);
        line = {std::max(line.begin, para.span.begin), std::min(line.end, para.span.end)};
        const std::optional<Span> figcaption = figcaption_on(doc, line);
        if (figcaption) line = *figcaption;
        CaptionInfo info = classify_caption(doc.slice(line));
        info.is_caption = info.is_caption || figcaption.has_value();
        if (!info.is_caption) {
          ++prose_lines;
          continue;
        }
        ++caption_lines;
        if (captions_on) check_caption(doc, context, out, captions, line, i, info, prose_lines);
      }
      if (caption_lines == 0 && paragraphs_on) {
        check_paragraph(doc, context, out, paragraphs, para);
      }
    }
  }

 private:
  static void check_caption(const Document& doc, const LintContext& context, Emitter& out,
                            std::unordered_map<std::string, Seen>& seen, Span line,
                            std::size_t index, const CaptionInfo& info, std::size_t prose_lines) {
    auto [it, first] =
        seen.try_emplace(normalized(doc.slice(line)), Seen{line, index, prose_lines});
    if (first) return;
    const Seen& earlier = it->second;
    const bool adjacent = earlier.prose_before == prose_lines;
    if (info.credit_only && !adjacent) {
      it->second = Seen{line, index, prose_lines};  // A new photo with the same credit.
      return;
    }
    const std::size_t first_line = earlier.line + 1;
    auto message = context.lang == Lang::ko
                       ? fmt::format("사진 설명이 {}행과 똑같이 반복됩니다", first_line)
                       : fmt::format("image caption repeated from line {}", first_line);
    Diagnostic* d = out.report(kCaption, line, std::move(message));
    if (d == nullptr) return;
    d->related.push_back(
        {earlier.span, context.lang == Lang::ko ? "처음 나온 곳" : "first written here"});
    // Deleting a pasted-twice caption together with its line end is always safe when the caption
    // is a line of its own below the first: the text that stays is identical. (Two HTML
    // figcaptions can share a line; deleting it would take both.)
    if (adjacent && index > earlier.line && line == doc.line(index)) {
      const bool last = index + 1 == doc.line_count();
      const Span removed = last ? Span{doc.line(index - 1).end, line.end}
                                : Span{line.begin, doc.line(index + 1).begin};
      d->fix.push_back({removed, ""});
    }
  }

  static void check_paragraph(const Document& doc, const LintContext& context, Emitter& out,
                              SeenParagraphs& seen, const Paragraph& para) {
    const std::string_view text = doc.slice(para.span);
    if (!has_code_points(text, kMinParagraphChars)) return;
    const Seen here{para.span, para.first_line, 0};
    auto [earliest, new_beginning] =
        seen.by_beginning.try_emplace(beginning_hash(text), SeenParagraphs::First{here});
    if (new_beginning) return;  // No paragraph so far begins this way, so none is the same.
    // The first paragraph that begins this way is the earliest that can be the same: a text
    // pasted twice is found here, without hashing either.
    if (same_normalized(text, doc.slice(earliest->second.seen.span))) {
      report_paragraph(context, out, para, earliest->second.seen);
      return;
    }
    if (!earliest->second.hashed) {
      const Seen& other = earliest->second.seen;
      seen.by_hash.try_emplace(normalized_hash(doc.slice(other.span)), other);
      earliest->second.hashed = true;
    }
    auto [it, first] = seen.by_hash.try_emplace(normalized_hash(text), here);
    if (first || !same_normalized(text, doc.slice(it->second.span))) return;
    report_paragraph(context, out, para, it->second);
  }

  static void report_paragraph(const LintContext& context, Emitter& out, const Paragraph& para,
                               const Seen& earlier) {
    const std::size_t first_line = earlier.line + 1;
    auto message = context.lang == Lang::ko
                       ? fmt::format("문단이 {}행과 똑같이 반복됩니다", first_line)
                       : fmt::format("paragraph repeated word for word from line {}", first_line);
    if (Diagnostic* d = out.report(kParagraph, para.span, std::move(message))) {
      d->related.push_back(
          {earlier.span, context.lang == Lang::ko ? "처음 나온 곳" : "first written here"});
    }
  }
};

}  // namespace

std::unique_ptr<Check> make_duplicate_check() { return std::make_unique<DuplicateCheck>(); }

}  // namespace factlint
