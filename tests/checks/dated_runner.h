#pragma once
// Runs one check over an in-memory document with a publication date, for the date and fact
// checks (check_runner.h runs without one).

#include <optional>
#include <string>

#include "check_runner.h"

namespace factlint::test {

/// Wednesday 6 March 2024, the publication date of the date and fact check tests.
inline constexpr CivilDate kPublished{2024, 3, 6};

inline CheckRun run_dated(const Check& check, std::string text,
                          std::optional<CivilDate> published = kPublished, Lang lang = Lang::en) {
  CheckRun run{make_document(std::move(text)), {}};
  const RuleSeverities severities;
  Emitter emitter(severities, run.found);
  LintContext context;
  context.lang = lang;
  context.published = published;
  check.run(run.doc, context, emitter);
  std::sort(run.found.begin(), run.found.end(),
            [](const Diagnostic& a, const Diagnostic& b) { return a.span.begin < b.span.begin; });
  return run;
}

}  // namespace factlint::test
