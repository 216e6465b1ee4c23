#pragma once
// Shared by the robustness tests: the linter with every default rule, invariants every lint
// result must keep, and all output formats written to a stream that only counts.

#include <fmt/format.h>

#include <catch2/catch.hpp>
#include <ostream>
#include <sstream>
#include <streambuf>
#include <string>
#include <vector>

#include "lint/fix.h"
#include "lint/linter.h"
#include "report/location.h"
#include "report/reporter.h"
#include "rules/library.h"
#include "text/document.h"

namespace factlint::test {

/// The linter of a run without a config: the built-in checks and the built-in rule packs.
inline const Linter& default_linter() {
  static const auto library = PackLibrary::load_installed();
  REQUIRE(std::holds_alternative<std::unique_ptr<PackLibrary>>(library));
  return *std::get<std::unique_ptr<PackLibrary>>(library)->builtin().linter;
}

inline std::vector<Diagnostic> lint_all(const Document& doc, const LintContext& context = {}) {
  return default_linter().lint(doc, context, {});
}

/// A stream buffer that counts bytes and lines and keeps the longest line's length.
class CountingBuf : public std::streambuf {
 public:
  std::size_t bytes = 0, lines = 0, longest = 0;

 protected:
  int_type overflow(int_type c) override {
    if (c != traits_type::eof()) put(static_cast<char>(c));
    return traits_type::not_eof(c);
  }
  std::streamsize xsputn(const char* s, std::streamsize n) override {
    for (std::streamsize i = 0; i < n; ++i) put(s[i]);
    return n;
  }

 private:
  void put(char c) {
    ++bytes;
    if (c == '\n') {
      ++lines;
      current_ = 0;
    } else {
      longest = std::max(longest, ++current_);
    }
  }
  std::size_t current_ = 0;
};

/// Writes the findings in `format` to a counting stream.
inline CountingBuf report(const Document& doc, const std::vector<Diagnostic>& diagnostics,
                          Format format, std::size_t width = 100) {
  CountingBuf buf;
  std::ostream out(&buf);
  ReportOptions options;
  options.format = format;
  options.width = width;
  auto reporter = make_reporter(options, out);
  FileResult file;
  file.path = doc.path();
  file.document = &doc;
  file.diagnostics = diagnostics;
  reporter->add(file);
  reporter->finish();
  return buf;
}

/// What every lint result must satisfy, whatever the input: spans and fix edits inside the
/// analysis text and on character boundaries, a diagnostic's edits in order and disjoint, and
/// locations that map back into the original file.
inline void check_invariants(const Document& doc, const std::vector<Diagnostic>& diagnostics) {
  // Plain tests and one assertion per broken finding: the hostile inputs have 10^5 findings.
  const std::string_view t = doc.text();
  auto boundary = [&](std::size_t at) {
    return at == t.size() || (at < t.size() && (static_cast<unsigned char>(t[at]) & 0xC0) != 0x80);
  };
  auto span_ok = [&](Span s) {
    return s.begin <= s.end && s.end <= t.size() && boundary(s.begin) && boundary(s.end);
  };
  for (const Diagnostic& d : diagnostics) {
    bool ok = span_ok(d.span);
    if (ok) {
      const Location loc = locate(doc, d.span);
      ok = loc.start.line >= 1 && loc.start.line <= std::max<std::size_t>(doc.line_count(), 1) &&
           loc.byte_offset + loc.byte_length <= doc.original().size();
    }
    std::size_t previous_end = 0;
    for (const Edit& e : d.fix) {
      ok = ok && span_ok(e.span) && e.span.begin >= previous_end;
      previous_end = e.span.end;
    }
    for (const Related& r : d.related) ok = ok && span_ok(r.span);
    if (!ok) {
      FAIL_CHECK(d.rule << " at " << d.span.begin << ".." << d.span.end << " of " << t.size()
                        << " breaks a span, location or fix invariant");
    }
  }
}

/// "line:column rule: message" for each finding, in order.
inline std::vector<std::string> describe(const Document& doc,
                                         const std::vector<Diagnostic>& diagnostics) {
  std::vector<std::string> out;
  for (const Diagnostic& d : diagnostics) {
    const Position p = locate(doc, d.span).start;
    out.push_back(fmt::format("{}:{} {}: {}", p.line, p.column, d.rule, d.message));
  }
  return out;
}

}  // namespace factlint::test
