// Formats for CI systems and review bots:
//   --format sarif    SARIF 2.1.0 (GitHub code scanning, Azure DevOps, IDE viewers)
//   --format github   GitHub Actions workflow commands (inline annotations on a pull request)
//   --format rdjsonl  reviewdog's diagnostic JSON lines (suggested changes in PR reviews)
// Each says which column unit it uses: SARIF declares code points (columnKind); GitHub's
// annotations count characters (code points); reviewdog counts UTF-8 bytes.

#include <fmt/format.h>
#include <fmt/ostream.h>

#include <boost/json.hpp>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <ostream>

#include "checks/docs.h"
#include "report/location.h"
#include "report/reporters.h"
#include "text/document.h"

namespace factlint {
namespace {

std::string docs_url(std::string_view rule) {
  const char* base = std::getenv("FACTLINT_DOCS_URL");
  return fmt::format("{}{}.md", base != nullptr && *base != '\0' ? base : FACTLINT_DOCS_URL, rule);
}

// ---------------------------------------------------------------------------------------- SARIF

std::string_view sarif_level(Severity s) {
  switch (s) {
    case Severity::error:
      return "error";
    case Severity::warning:
      return "warning";
    case Severity::info:
      return "note";
  }
  return "warning";
}

/// A relative path as a URI reference (percent-encoding what RFC 3986 does not allow).
std::string path_to_uri(std::string_view path) {
  std::string out;
  for (unsigned char c : path) {
    const bool plain = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                       c == '-' || c == '.' || c == '_' || c == '~' || c == '/';
    if (plain) {
      out.push_back(static_cast<char>(c));
    } else {
      out += fmt::format("%{:02X}", c);
    }
  }
  return out;
}

boost::json::object sarif_region(const Document& doc, Span span) {
  const Location loc = locate(doc, span);
  return {{"startLine", loc.start.line},   {"startColumn", loc.start.column},
          {"endLine", loc.end.line},       {"endColumn", loc.end.column},
          {"byteOffset", loc.byte_offset}, {"byteLength", loc.byte_length}};
}

/// A relative path is resolved against SRCROOT (the working directory, declared in
/// originalUriBaseIds); an absolute path becomes a file: URI of its own.
boost::json::object artifact_location(std::string_view path) {
  if (path.starts_with('/')) return {{"uri", "file://" + path_to_uri(path)}};
  return {{"uri", path_to_uri(path)}, {"uriBaseId", "SRCROOT"}};
}

boost::json::object sarif_location(std::string_view path, const Document& doc, Span span) {
  return {{"physicalLocation",
           {{"artifactLocation", artifact_location(path)}, {"region", sarif_region(doc, span)}}}};
}

/// A fingerprint that survives edits elsewhere in the article: the rule, the flagged text and
/// how many times that same text was flagged before in the file (not its line number).
std::string fingerprint(std::string_view rule, std::string_view text, std::size_t occurrence) {
  std::uint64_t h = 1469598103934665603ull;
  auto mix = [&](std::string_view s) {
    for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
    h = (h ^ 0xFF) * 1099511628211ull;
  };
  mix(rule);
  mix(text);
  mix(std::to_string(occurrence));
  return fmt::format("{:016x}", h);
}

class SarifReporter final : public Reporter {
 public:
  SarifReporter(const ReportOptions& options, std::ostream& out) : options_(options), out_(out) {
    for (std::size_t i = 0; i < options_.rules.size(); ++i)
      index_[std::string(options_.rules[i].id)] = i;
  }

  void add(const FileResult& file) override {
    const std::string& uri = file.path;
    if (file.error) {
      // A file that could not be read is a tool notification, not a result.
      add_error(*file.error);
      return;
    }
    if (file.document == nullptr) return;
    const Document& doc = *file.document;
    std::map<std::pair<std::string, std::string>, std::size_t> seen;
    for (const Diagnostic& d : file.diagnostics) {
      boost::json::object result;
      result["ruleId"] = d.rule;
      if (auto it = index_.find(d.rule); it != index_.end()) result["ruleIndex"] = it->second;
      result["level"] = sarif_level(d.severity);
      result["message"] = {{"text", d.message.view()}};
      result["locations"] = boost::json::array{sarif_location(uri, doc, d.span)};
      if (!d.related.empty()) {
        boost::json::array related;
        for (std::size_t i = 0; i < d.related.size(); ++i) {
          boost::json::object r = sarif_location(uri, doc, d.related[i].span);
          r["id"] = i + 1;
          r["message"] = {{"text", d.related[i].message.view()}};
          related.push_back(std::move(r));
        }
        result["relatedLocations"] = std::move(related);
      }
      if (!d.fix.empty()) {
        boost::json::array replacements;
        for (const Edit& e : d.fix) {
          replacements.push_back({{"deletedRegion", sarif_region(doc, e.span)},
                                  {"insertedContent", {{"text", e.replacement}}}});
        }
        result["fixes"] = boost::json::array{boost::json::object{
            {"description", {{"text", options_.lang == Lang::ko ? "자동 고침" : "automatic fix"}}},
            {"artifactChanges",
             boost::json::array{boost::json::object{{"artifactLocation", artifact_location(uri)},
                                                    {"replacements", std::move(replacements)}}}}}};
      }
      const std::string text(doc.slice(d.span));
      const std::size_t occurrence = seen[{std::string(d.rule), text}]++;
      result["partialFingerprints"] = {
          {"factlintFingerprint/v1", fingerprint(d.rule, text, occurrence)}};
      start();
      out_ << (first_result_ ? "" : ",") << boost::json::serialize(result);
      first_result_ = false;
    }
  }

  void add_error(const UserError& error) override {
    notifications_.push_back(boost::json::object{
        {"level", "error"},
        {"message", {{"text", error.message}}},
        {"locations", boost::json::array{
                          boost::json::object{{"physicalLocation",
                                               {{"artifactLocation", artifact_location(error.path)},
                                                {"region",
                                                 {{"startLine", error.position.line},
                                                  {"startColumn", error.position.column}}}}}}}}});
  }

  void finish() override {
    start();
    out_ << ']';
    if (!notifications_.empty()) {
      out_ << ",\"invocations\":"
           << boost::json::serialize(boost::json::array{
                  boost::json::object{{"executionSuccessful", false},
                                      {"toolExecutionNotifications", std::move(notifications_)}}});
    }
    out_ << "}]}\n";
  }

 private:
  /// Writes the log up to its results, once: each result is then written as it comes, so that
  /// a run's results are never held together. Not before the first result or the end, so that
  /// a run that writes something else instead (--diff) leaves no half log.
  void start() {
    if (started_) return;
    started_ = true;
    boost::json::array rules;
    for (const RuleInfo& rule : options_.rules) {
      boost::json::object r;
      r["id"] = rule.id;
      r["shortDescription"] = {{"text", rule.summary.in(options_.lang)}};
      const std::string other(rule.summary.in(options_.lang == Lang::ko ? Lang::en : Lang::ko));
      r["fullDescription"] = {
          {"text", fmt::format("{} ({})", rule.summary.in(options_.lang), other)}};
      r["helpUri"] = docs_url(rule.id);
      if (auto page = rule_doc(rule.id)) {
        r["help"] = {{"text", fmt::format("See {}", docs_url(rule.id))}, {"markdown", *page}};
      }
      r["defaultConfiguration"] = {{"level", sarif_level(rule.default_severity)}};
      r["properties"] = {
          {"tags", boost::json::array{std::string(rule.id.substr(0, rule.id.find('/')))}}};
      rules.push_back(std::move(r));
    }
    boost::json::object driver{{"name", "factlint"},
                               {"version", FACTLINT_VERSION},
                               {"semanticVersion", FACTLINT_VERSION},
                               {"informationUri", FACTLINT_HOMEPAGE},
                               {"rules", std::move(rules)}};
    std::error_code ec;
    std::string cwd = std::filesystem::current_path(ec).string();
    if (!cwd.ends_with('/')) cwd += '/';
    // The results are the run's last member but for the invocations, which finish() adds after
    // them: the log is serialized with no results and cut where they go.
    boost::json::object run{
        {"tool", {{"driver", std::move(driver)}}},
        {"originalUriBaseIds", {{"SRCROOT", {{"uri", "file://" + path_to_uri(cwd)}}}}},
        {"columnKind", "unicodeCodePoints"},
        {"results", boost::json::array()}};
    boost::json::object log{{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
                            {"version", "2.1.0"},
                            {"runs", boost::json::array{std::move(run)}}};
    const std::string empty = boost::json::serialize(log);
    constexpr std::string_view kTail = "]}]}";  // results, run, runs, log
    out_ << std::string_view(empty).substr(0, empty.size() - kTail.size());
  }

  const ReportOptions& options_;
  std::ostream& out_;
  std::map<std::string, std::size_t, std::less<>> index_;
  boost::json::array notifications_;
  bool started_ = false;
  bool first_result_ = true;
};

// --------------------------------------------------------------------------------------- GitHub

/// Workflow-command escaping: the message escapes %, CR and LF; property values also , and :.
std::string github_escape(std::string_view s, bool property) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '%':
        out += "%25";
        break;
      case '\r':
        out += "%0D";
        break;
      case '\n':
        out += "%0A";
        break;
      case ':':
        out += property ? "%3A" : ":";
        break;
      case ',':
        out += property ? "%2C" : ",";
        break;
      default:
        out.push_back(c);
    }
  }
  return out;
}

class GithubReporter final : public Reporter {
 public:
  explicit GithubReporter(std::ostream& out) : out_(out) {}

  void add_error(const UserError& error) override {
    fmt::print(out_, "::error file={},line={},col={},title=factlint::{}\n",
               github_escape(error.path, true), error.position.line, error.position.column,
               github_escape(error.message, false));
  }

  void add(const FileResult& file) override {
    const std::string path = github_escape(file.path, true);
    if (file.error) {
      add_error(*file.error);
      return;
    }
    if (file.document == nullptr) return;
    for (const Diagnostic& d : file.diagnostics) {
      const Location loc = locate(*file.document, d.span);
      const std::string_view command = d.severity == Severity::error     ? "error"
                                       : d.severity == Severity::warning ? "warning"
                                                                         : "notice";
      // GitHub accepts col/endColumn only on single-line annotations.
      std::string columns;
      if (loc.start.line == loc.end.line) {
        columns = fmt::format(",col={},endColumn={}", loc.start.column, loc.end.column);
      }
      fmt::print(out_, "::{} file={},line={},endLine={}{},title={}::{}\n", command, path,
                 loc.start.line, loc.end.line, columns, github_escape(d.rule, true),
                 github_escape(d.message.view(), false));
    }
  }

 private:
  std::ostream& out_;
};

// ------------------------------------------------------------------------------------ reviewdog

/// reviewdog positions: 1-based line and 1-based column counted in UTF-8 bytes of that line.
boost::json::object rd_position(const Document& doc, std::size_t offset, bool end = false) {
  const std::size_t index = doc.line_of(offset);
  // Markup removed at a line start (HTML) belongs to the line; an end stops before markup.
  const std::size_t line_start = doc.to_original(doc.line(index).begin, true);
  return {{"line", index + 1}, {"column", doc.to_original(offset, end) - line_start + 1}};
}

boost::json::object rd_range(const Document& doc, Span span) {
  return {{"start", rd_position(doc, span.begin)}, {"end", rd_position(doc, span.end, true)}};
}

class RdjsonlReporter final : public Reporter {
 public:
  explicit RdjsonlReporter(std::ostream& out) : out_(out) {}

  void add(const FileResult& file) override {
    if (file.document == nullptr) return;
    const Document& doc = *file.document;
    for (const Diagnostic& d : file.diagnostics) {
      boost::json::object o;
      o["message"] = d.message.view();
      o["location"] = {{"path", file.path}, {"range", rd_range(doc, d.span)}};
      o["severity"] = d.severity == Severity::error     ? "ERROR"
                      : d.severity == Severity::warning ? "WARNING"
                                                        : "INFO";
      o["source"] = {{"name", "factlint"}, {"url", FACTLINT_HOMEPAGE}};
      o["code"] = {{"value", d.rule}, {"url", docs_url(d.rule)}};
      if (!d.fix.empty()) {
        boost::json::array suggestions;
        for (const Edit& e : d.fix) {
          suggestions.push_back({{"range", rd_range(doc, e.span)}, {"text", e.replacement}});
        }
        o["suggestions"] = std::move(suggestions);
      }
      if (!d.related.empty()) {
        boost::json::array related;
        for (const Related& r : d.related) {
          related.push_back(
              {{"message", r.message.view()},
               {"location", {{"path", file.path}, {"range", rd_range(doc, r.span)}}}});
        }
        o["related_locations"] = std::move(related);
      }
      out_ << boost::json::serialize(o) << '\n';
    }
  }

 private:
  std::ostream& out_;
};

}  // namespace

std::unique_ptr<Reporter> make_sarif_reporter(const ReportOptions& options, std::ostream& out) {
  return std::make_unique<SarifReporter>(options, out);
}
std::unique_ptr<Reporter> make_github_reporter(std::ostream& out) {
  return std::make_unique<GithubReporter>(out);
}
std::unique_ptr<Reporter> make_rdjsonl_reporter(std::ostream& out) {
  return std::make_unique<RdjsonlReporter>(out);
}

}  // namespace factlint
