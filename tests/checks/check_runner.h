#pragma once
// Runs one check over an in-memory document and applies a finding's fix, for the unit tests of
// the checks in tests/checks/.

#include <algorithm>
#include <string>
#include <vector>

#include "checks/check.h"
#include "support.h"
#include "text/document.h"

namespace factlint::test {

struct CheckRun {
  Document doc;
  std::vector<Diagnostic> found;

  /// The text a span covers.
  std::string text(Span span) const { return std::string(doc.slice(span)); }

  /// The analysis text with `d`'s fix applied.
  std::string fixed(const Diagnostic& d) const {
    std::string out(doc.text());
    std::vector<Edit> edits = d.fix;
    std::sort(edits.begin(), edits.end(),
              [](const Edit& a, const Edit& b) { return a.span.begin > b.span.begin; });
    for (const Edit& e : edits) out.replace(e.span.begin, e.span.size(), e.replacement);
    return out;
  }
};

inline CheckRun run_check(const Check& check, std::string text, std::string path = "test.txt",
                          Lang lang = Lang::en) {
  CheckRun run{make_document(std::move(text), std::move(path)), {}};
  const RuleSeverities severities;
  Emitter emitter(severities, run.found);
  LintContext context;
  context.lang = lang;
  check.run(run.doc, context, emitter);
  std::sort(run.found.begin(), run.found.end(),
            [](const Diagnostic& a, const Diagnostic& b) { return a.span.begin < b.span.begin; });
  return run;
}

}  // namespace factlint::test
