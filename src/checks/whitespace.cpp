// typography/whitespace: spaces at the end of a line and runs of spaces between words.
//
// Neither changes what a reader sees in print, but both survive into web pages and CMS fields,
// break searches for a phrase, and show that text was pasted together. Indentation at the start
// of a line is layout and is left alone, and so is a run containing a tab (column alignment). In
// Markdown two or more spaces at the end of a line are a hard line break (CommonMark), so they
// are kept there, and markup the document model blanked into spaces is not text.

#include <fmt/format.h>

#include "checks/all_checks.h"
#include "text/document.h"
#include "text/utf8.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace factlint {
namespace {

constexpr RuleInfo kRule{"typography/whitespace", Severity::info,
                         Message{"spaces at the end of a line or several spaces between words",
                                 "줄 끝 공백이나 단어 사이의 겹친 공백"},
                         true};

/// True for a lead byte that starts no whitespace: printable ASCII and everything from 0xE4 up
/// (Hangul, CJK; see utf8::space_length).
bool plain(unsigned char lead) { return (lead > ' ' && lead < 0x80) || lead >= 0xE4; }

class WhitespaceCheck final : public Check {
 public:
  std::span<const RuleInfo> rules() const override { return {&kRule, 1}; }

  void run(const Document& doc, const LintContext& context, Emitter& out) const override {
    if (!out.enabled(kRule)) return;
    const bool markdown = doc.format() == Document::Format::markdown;
    for (std::size_t line = 0; line < doc.line_count(); ++line) {
      check_line(doc, doc.line(line), markdown, context.lang, out);
    }
  }

 private:
  /// A run of whitespace (utf8::is_space; a line holds no line end).
  struct Run {
    Span span;
    std::size_t chars = 0;
    bool has_tab = false;
    bool ascii_only = true;
  };

  static Run read_run(std::string_view text, std::size_t i, std::size_t end) {
    Run run{{i, i}};
    while (i < end) {
      const std::size_t space = utf8::space_length(text, i);
      if (space == 0) break;
      ++run.chars;
      run.has_tab = run.has_tab || text[i] == '\t';
      run.ascii_only = run.ascii_only && text[i] == ' ';
      i += space;
    }
    run.span.end = i;
    return run;
  }

  /// The first byte at or after `i` (a character boundary) that the loop in check_line must
  /// look at: sixteen bytes at a time, skipping what it would pass over anyway (letters, digits,
  /// Hangul, continuation bytes, and one ASCII space before a plain character). On the last line
  /// of the text it stops early, at a character boundary, where the loop takes over.
  static std::size_t next_candidate(std::string_view text, std::size_t i, std::size_t end) {
#if defined(__SSE2__)
    const auto* s = reinterpret_cast<const unsigned char*>(text.data());
    // The bytes of the sixteen at `at` that must be looked at; reads the byte after them too.
    auto candidates = [s](std::size_t at) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s + at));
      const __m128i next = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s + at + 1));
      // As signed bytes, plain() is 0x21..0x7F (above 32) or 0xE4..0xFF (-28..-1).
      const __m128i next_plain =
          _mm_or_si128(_mm_cmpgt_epi8(next, _mm_set1_epi8(32)),
                       _mm_and_si128(_mm_cmpgt_epi8(next, _mm_set1_epi8(-29)),
                                     _mm_cmplt_epi8(next, _mm_setzero_si128())));
      const __m128i lone_space = _mm_and_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(' ')), next_plain);
      // What may start white space other than a lone space: ' ', '\t', and the lead bytes C2
      // and E1..E3 (-31..-29).
      const __m128i may_space =
          _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(' ')),
                                    _mm_cmpeq_epi8(v, _mm_set1_epi8('\t'))),
                       _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(static_cast<char>(0xC2))),
                                    _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8(-32)),
                                                  _mm_cmplt_epi8(v, _mm_set1_epi8(-28)))));
      return static_cast<unsigned>(_mm_movemask_epi8(_mm_andnot_si128(lone_space, may_space)));
    };
    // A block needs seventeen bytes of the line: the byte after each one is read too.
    for (; i + 17 <= end; i += 16) {
      if (const unsigned mask = candidates(i); mask != 0) {
        return i + static_cast<std::size_t>(__builtin_ctz(mask));
      }
    }
    // The rest of a line that a line end follows: the sixteen bytes that end at `end`, whose
    // last byte is then compared with the '\n' (not plain, as at the end of the line for the
    // loop), with the bits of the bytes before `i`, already scanned, shifted out. `i` may be
    // inside a character here; continuation bytes are never candidates.
    if (i < end && end >= 16 && end < text.size()) {
      const unsigned mask = candidates(end - 16) >> (i - (end - 16));
      return mask != 0 ? i + static_cast<std::size_t>(__builtin_ctz(mask)) : end;
    }
    // Back to a character boundary for the loop.
    while (i > 0 && (s[i] & 0xC0) == 0x80) --i;
#endif
    return i;
  }

  static void check_line(const Document& doc, Span line, bool markdown, Lang lang, Emitter& out) {
    const std::string_view text = doc.text();
    // Whitespace before the first word is indentation.
    Run run = read_run(text, line.begin, line.end);
    const bool seen_word = run.span.end < line.end;
    std::size_t i = run.span.end;
    while (i < line.end) {
      i = next_candidate(text, i, line.end);
      if (i >= line.end) break;
      const auto lead = static_cast<unsigned char>(text[i]);
      // Letters, digits, Hangul and one ASCII space before such a character (the usual gap
      // between words) can start no finding; they are passed over by their lead bytes.
      if (lead >= 0xE4) {
        i += lead < 0xF0 ? 3 : 4;
        continue;
      }
      if ((lead > ' ' && lead < 0x80) ||
          (lead == ' ' && i + 1 < line.end && plain(static_cast<unsigned char>(text[i + 1])))) {
        ++i;
        continue;
      }
      if (utf8::space_length(text, i) == 0) {
        i += utf8::sequence_length(lead);
        continue;
      }
      run = read_run(text, i, line.end);
      i = run.span.end;
      if (i >= line.end) break;
      if (run.chars >= 2 && !run.has_tab && !doc.touches_blanked(run.span)) {
        report_double(run.span, run.chars, lang, out);
      }
    }
    if (run.span.end < line.end || run.chars == 0) return;
    // A line of nothing but spaces is reported whole: it is not indenting anything.
    if (markdown && seen_word && run.chars >= 2 && run.ascii_only) return;  // A hard break.
    const Span trailing{run.span.begin, line.end};
    if (doc.touches_blanked(trailing)) return;
    auto message = lang == Lang::ko ? std::string("줄 끝에 공백이 있습니다: 지우세요")
                                    : std::string("spaces at the end of the line: delete them");
    if (Diagnostic* d = out.report(kRule, trailing, std::move(message))) {
      d->fix.push_back({trailing, ""});
    }
  }

  static void report_double(Span run, std::size_t chars, Lang lang, Emitter& out) {
    auto message = lang == Lang::ko
                       ? fmt::format("단어 사이에 공백이 {}개 있습니다: 하나만 쓰세요", chars)
                       : fmt::format("{} spaces between words: write one", chars);
    if (Diagnostic* d = out.report(kRule, run, std::move(message))) {
      d->fix.push_back({run, " "});
    }
  }
};

}  // namespace

std::unique_ptr<Check> make_whitespace_check() { return std::make_unique<WhitespaceCheck>(); }

}  // namespace factlint
