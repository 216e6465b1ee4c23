// --format json: one document, written file by file and finding by finding, so memory stays
// flat on large runs.
// The schema is documented in docs/json-format.md.

#include <boost/json.hpp>
#include <ostream>
#include <string>
#include <string_view>

#include "report/json.h"
#include "report/location.h"
#include "report/reporters.h"

namespace factlint {
namespace {

void put_location(boost::json::object& o, const Location& loc) {
  o["line"] = loc.start.line;
  o["column"] = loc.start.column;
  o["end_line"] = loc.end.line;
  o["end_column"] = loc.end.column;
  o["byte_offset"] = loc.byte_offset;
  o["byte_length"] = loc.byte_length;
}

}  // namespace

boost::json::object diagnostic_to_json(const Document& doc, const Diagnostic& d) {
  boost::json::object o;
  o["rule"] = d.rule;
  o["severity"] = to_string(d.severity);
  o["message"] = d.message.view();
  put_location(o, locate(doc, d.span));
  boost::json::array related;
  for (const Related& r : d.related) {
    boost::json::object item;
    item["message"] = r.message.view();
    put_location(item, locate(doc, r.span));
    related.push_back(std::move(item));
  }
  o["related"] = std::move(related);
  boost::json::array fix;
  for (const Edit& e : d.fix) {
    boost::json::object item;
    put_location(item, locate(doc, e.span));
    item["replacement"] = e.replacement;
    fix.push_back(std::move(item));
  }
  o["fix"] = std::move(fix);
  return o;
}

namespace {

class JsonReporter final : public Reporter {
 public:
  explicit JsonReporter(std::ostream& out) : out_(out) {}

  /// Each file's object is written as soon as it is added, and within it one finding at a time:
  /// a file with a finding every few bytes is never held as one JSON tree or string.
  void add(const FileResult& file) override {
    start();
    boost::json::object o;
    o["path"] = file.path;
    if (file.error) {
      o["error"] = boost::json::object{{"line", file.error->position.line},
                                       {"column", file.error->position.column},
                                       {"message", file.error->message}};
      add_error(*file.error);
    } else {
      o["error"] = nullptr;
    }
    o["diagnostics"] = boost::json::array();
    // The object ends with its empty array: write it open, then the findings, then close it.
    const std::string head = boost::json::serialize(o);
    out_ << (first_ ? "\n" : ",\n") << std::string_view(head).substr(0, head.size() - 2);
    first_ = false;
    if (file.document != nullptr) {
      bool first = true;
      for (const Diagnostic& d : file.diagnostics) {
        if (!first) out_ << ',';
        out_ << boost::json::serialize(diagnostic_to_json(*file.document, d));
        first = false;
      }
    }
    out_ << "]}";
  }

  void add_error(const UserError& error) override {
    errors_.push_back(boost::json::object{{"path", error.path},
                                          {"line", error.position.line},
                                          {"column", error.position.column},
                                          {"message", error.message}});
  }

  void finish() override {
    start();
    out_ << "\n],\"errors\":[";
    for (std::size_t i = 0; i < errors_.size(); ++i)
      out_ << (i == 0 ? "\n" : ",\n") << boost::json::serialize(errors_[i]);
    out_ << (errors_.empty() ? "]}\n" : "\n]}\n");
  }

 private:
  /// The document's opening, written with the first file or at the end, not before: a run that
  /// writes something else instead (--diff) leaves no half document.
  void start() {
    if (started_) return;
    started_ = true;
    out_ << R"({"tool":"factlint","version":")" << FACTLINT_VERSION
         << R"(","column_unit":"unicode_code_points","files":[)";
  }

  std::ostream& out_;
  boost::json::array errors_;
  bool started_ = false;
  bool first_ = true;
};

}  // namespace

std::unique_ptr<Reporter> make_json_reporter(std::ostream& out) {
  return std::make_unique<JsonReporter>(out);
}

}  // namespace factlint
