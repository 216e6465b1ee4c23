#pragma once
// Shared by the fuzz targets: the default rules, and the invariants every lint result keeps.
// A broken invariant aborts, which libFuzzer reports as a crash with the input that caused it.

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string_view>
#include <variant>
#include <vector>

#include "lint/fix.h"
#include "lint/linter.h"
#include "report/location.h"
#include "rules/library.h"
#include "text/document.h"

namespace factlint::fuzz {

[[noreturn]] inline void fail(const char* what) {
  std::fprintf(stderr, "invariant broken: %s\n", what);
  std::abort();
}

inline void require(bool ok, const char* what) {
  if (!ok) fail(what);
}

/// The built-in checks and rule packs, loaded once.
inline const Linter& default_linter() {
  static const auto library = PackLibrary::load_installed();
  if (!std::holds_alternative<std::unique_ptr<PackLibrary>>(library)) fail("built-in packs");
  return *std::get<std::unique_ptr<PackLibrary>>(library)->builtin().linter;
}

inline bool on_boundary(std::string_view t, std::size_t at) {
  return at == t.size() || (at < t.size() && (static_cast<unsigned char>(t[at]) & 0xC0) != 0x80);
}

inline void check_span(const Document& doc, Span s, const char* what) {
  const std::string_view t = doc.text();
  require(s.begin <= s.end && s.end <= t.size(), what);
  require(on_boundary(t, s.begin) && on_boundary(t, s.end), what);
}

/// Spans, fixes and locations of every finding are in bounds; a finding's edits are in order
/// and disjoint.
inline void check_findings(const Document& doc, const std::vector<Diagnostic>& found) {
  for (const Diagnostic& d : found) {
    check_span(doc, d.span, "finding span");
    const Location loc = locate(doc, d.span);
    require(loc.start.line >= 1 && loc.byte_offset + loc.byte_length <= doc.original().size(),
            "location");
    std::size_t previous_end = 0;
    for (const Edit& e : d.fix) {
      check_span(doc, e.span, "fix span");
      require(e.span.begin >= previous_end, "overlapping edits in one fix");
      previous_end = e.span.end;
    }
    for (const Related& r : d.related) check_span(doc, r.span, "related span");
  }
}

}  // namespace factlint::fuzz
