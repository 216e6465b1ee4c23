#pragma once
/// Output formats. A reporter receives each file's findings in a deterministic order and writes
/// them; `finish()` closes documents that need it (JSON).

#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "checks/check.h"
#include "config/config.h"
#include "report/diagnostic.h"
#include "report/lang.h"

namespace factlint {

class Document;

struct FileResult {
  std::string path;                    ///< As shown to the user.
  const Document* document = nullptr;  ///< Null when the file could not be loaded.
  std::vector<Diagnostic> diagnostics;
  std::optional<UserError> error;  ///< Why it could not be loaded.
};

enum class Format { pretty, line, json, sarif, github, rdjsonl };

/// "pretty", "line", "json", "sarif", "github" or "rdjsonl".
std::optional<Format> parse_format(std::string_view name);

struct ReportOptions {
  Format format = Format::line;
  bool color = false;
  Lang lang = Lang::en;
  std::size_t width = 100;      ///< Terminal columns available to a source line (pretty).
  std::vector<RuleInfo> rules;  ///< Every rule of the run, sorted by id (SARIF lists them).
};

class Reporter {
 public:
  virtual ~Reporter() = default;
  virtual void add(const FileResult& file) = 0;
  /// A problem outside any one file's result (a folder that cannot be read, a path that does
  /// not exist, a bad --config). Formats that have a place for it record it (SARIF
  /// notifications, the json "errors" array, GitHub annotations); the others leave it to the
  /// `path:line:col: error:` line on standard error.
  virtual void add_error(const UserError& /*error*/) {}
  virtual void finish() {}
};

std::unique_ptr<Reporter> make_reporter(const ReportOptions& options, std::ostream& out);

/// What a run found, for the summary line on standard error.
struct RunTotals {
  std::size_t errors = 0;
  std::size_t warnings = 0;
  std::size_t infos = 0;
  std::size_t files_with_findings = 0;
  std::size_t files_checked = 0;  ///< Loaded and linted.
  std::size_t files_failed = 0;   ///< Unreadable, not UTF-8, a bad config, a fix not written.
};

/// "2 errors, 1 warning in 1 file (3 checked)" or its Korean form; when some files failed it
/// says so, so that the line never reads "no problems" under an error.
std::string summary_line(Lang lang, const RunTotals& totals);

}  // namespace factlint
