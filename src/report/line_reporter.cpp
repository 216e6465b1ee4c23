// --format line: exactly `path:line:col: severity: message [rule]`, one finding per line, for
// editors' quickfix lists, grep and CI logs.

#include <fmt/format.h>
#include <fmt/ostream.h>

#include <ostream>

#include "report/location.h"
#include "report/reporters.h"

namespace factlint {
namespace {

class LineReporter final : public Reporter {
 public:
  explicit LineReporter(std::ostream& out) : out_(out) {}

  void add(const FileResult& file) override {
    if (file.document == nullptr) return;  // Load errors go to stderr, printed by the caller.
    for (const Diagnostic& d : file.diagnostics) {
      const Location loc = locate(*file.document, d.span);
      fmt::print(out_, "{}:{}:{}: {}: {} [{}]\n", file.path, loc.start.line, loc.start.column,
                 to_string(d.severity), d.message.view(), d.rule);
    }
  }

 private:
  std::ostream& out_;
};

}  // namespace

std::unique_ptr<Reporter> make_line_reporter(std::ostream& out) {
  return std::make_unique<LineReporter>(out);
}

}  // namespace factlint
