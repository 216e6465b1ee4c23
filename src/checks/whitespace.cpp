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

namespace factlint {
namespace {

constexpr RuleInfo kRule{"typography/whitespace", Severity::info,
                         Message{"spaces at the end of a line or several spaces between words",
                                 "줄 끝 공백이나 단어 사이의 겹친 공백"},
                         true};

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
  static void check_line(const Document& doc, Span line, bool markdown, Lang lang, Emitter& out) {
    const std::string_view text = doc.text();
    bool seen_word = false;  // Whitespace before the first word is indentation.
    std::size_t run_begin = 0;
    std::size_t run_chars = 0;
    bool run_has_tab = false;
    bool run_ascii_only = true;
    for (std::size_t i = line.begin; i < line.end;) {
      const std::size_t at = i;
      const char32_t cp = utf8::decode(text, i);
      if (utf8::is_space(cp)) {
        if (run_chars++ == 0) {
          run_begin = at;
          run_has_tab = false;
          run_ascii_only = true;
        }
        run_has_tab = run_has_tab || cp == '\t';
        run_ascii_only = run_ascii_only && cp == ' ';
        continue;
      }
      if (seen_word && run_chars >= 2 && !run_has_tab && !doc.touches_blanked({run_begin, at})) {
        report_double(Span{run_begin, at}, run_chars, lang, out);
      }
      seen_word = true;
      run_chars = 0;
    }
    if (run_chars == 0) return;
    // A line of nothing but spaces is reported whole: it is not indenting anything.
    if (markdown && seen_word && run_chars >= 2 && run_ascii_only) return;  // A hard break.
    const Span trailing{run_begin, line.end};
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
