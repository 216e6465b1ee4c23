// --format json: one document, written file by file so memory stays flat on large runs.
// The schema is documented in docs/json-format.md.

#include <boost/json.hpp>
#include <ostream>

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
  explicit JsonReporter(std::ostream& out) : out_(out) {
    out_ << R"({"tool":"factlint","version":")" << FACTLINT_VERSION
         << R"(","column_unit":"unicode_code_points","files":[)";
  }

  void add(const FileResult& file) override {
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
    boost::json::array diagnostics;
    if (file.document != nullptr) {
      for (const Diagnostic& d : file.diagnostics)
        diagnostics.push_back(diagnostic_to_json(*file.document, d));
    }
    o["diagnostics"] = std::move(diagnostics);
    out_ << (first_ ? "\n" : ",\n") << boost::json::serialize(o);
    first_ = false;
  }

  void add_error(const UserError& error) override {
    errors_.push_back(boost::json::object{{"path", error.path},
                                          {"line", error.position.line},
                                          {"column", error.position.column},
                                          {"message", error.message}});
  }

  void finish() override {
    out_ << "\n],\"errors\":[";
    for (std::size_t i = 0; i < errors_.size(); ++i)
      out_ << (i == 0 ? "\n" : ",\n") << boost::json::serialize(errors_[i]);
    out_ << (errors_.empty() ? "]}\n" : "\n]}\n");
  }

 private:
  std::ostream& out_;
  boost::json::array errors_;
  bool first_ = true;
};

}  // namespace

std::unique_ptr<Reporter> make_json_reporter(std::ostream& out) {
  return std::make_unique<JsonReporter>(out);
}

}  // namespace factlint
