#include "cli/batch.h"

#include <fmt/format.h>
#include <fmt/ostream.h>

#include <CLI/CLI.hpp>
#include <boost/json.hpp>
#include <condition_variable>
#include <deque>
#include <filesystem>
#include <functional>
#include <future>
#include <iostream>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "config/config.h"
#include "extract/civil_date.h"
#include "lint/linter.h"
#include "report/json.h"
#include "report/lang.h"
#include "rules/library.h"
#include "text/document.h"

namespace factlint::cli {
namespace {

struct BatchOptions {
  std::string fail_on = "warning";
  std::vector<std::string> rules;
  std::string published;
  std::string config;
  std::string lang;
  unsigned jobs = 1;
};

/// What every article of the run shares: the linter, severities and defaults.
struct Run {
  const Linter* linter = nullptr;
  RuleSeverities severities;
  std::optional<CivilDate> published;
  Lang lang = Lang::en;
  Severity fail_threshold = Severity::warning;
  bool never_fail = false;
};

/// Why one input line could not be linted, in the run's language.
struct LineError {
  std::string message;
};

std::string say(Lang lang, std::string_view en, std::string_view ko) {
  return std::string(lang == Lang::ko ? ko : en);
}

std::optional<Document::Format> parse_format(std::string_view name) {
  if (name == "text") return Document::Format::text;
  if (name == "markdown") return Document::Format::markdown;
  if (name == "html") return Document::Format::html;
  return std::nullopt;
}

/// Lints one article object, writing its diagnostics into `diagnostics` as the members of a JSON
/// array, one at a time (an article with a finding every few bytes is never one JSON tree);
/// returns true if any diagnostic reached the threshold, or a LineError.
std::variant<bool, LineError> lint_article(const Run& run, const boost::json::object& article,
                                           std::string& diagnostics) {
  const Lang lang = run.lang;
  const boost::json::value* text = article.if_contains("text");
  if (text == nullptr || !text->is_string()) {
    return LineError{
        say(lang, R"("text" is missing or not a string)", R"("text"이 없거나 문자열이 아닙니다)")};
  }
  std::optional<CivilDate> published = run.published;
  if (const boost::json::value* p = article.if_contains("published"); p && !p->is_null()) {
    published = p->is_string() ? CivilDate::parse_iso(p->get_string()) : std::nullopt;
    if (!published) {
      return LineError{say(lang, R"("published" must be a date written YYYY-MM-DD)",
                           R"("published"는 YYYY-MM-DD 형식의 날짜여야 합니다)")};
    }
  }
  Document::Format format = Document::Format::text;
  if (const boost::json::value* f = article.if_contains("format"); f && !f->is_null()) {
    const auto parsed = f->is_string() ? parse_format(f->get_string()) : std::nullopt;
    if (!parsed) {
      return LineError{say(lang, R"("format" must be "text", "markdown" or "html")",
                           R"("format"은 "text", "markdown", "html" 중 하나여야 합니다)")};
    }
    format = *parsed;
  }
  auto loaded = Document::from_bytes("-", std::string(text->get_string()), format);
  if (const auto* error = std::get_if<LoadError>(&loaded)) {
    return LineError{fmt::format("\"text\" {}:{}: {}", error->position.line, error->position.column,
                                 say(lang, error->message, error->message_ko))};
  }
  const Document& doc = std::get<Document>(loaded);
  const LintContext context{lang, published};
  bool over = false;
  for (const Diagnostic& d : run.linter->lint(doc, context, run.severities)) {
    over = over || (!run.never_fail && d.severity >= run.fail_threshold);
    if (!diagnostics.empty()) diagnostics += ',';
    diagnostics += boost::json::serialize(diagnostic_to_json(doc, d));
  }
  return over;
}

/// One article's output line and what it means for the exit code.
struct LineResult {
  std::string json;
  bool errored = false;
  bool over = false;
};

/// One input line to one output object: {"id", "diagnostics"} or {"id", "error"}.
std::string process_line(const Run& run, std::string_view line, std::size_t number, bool& errored,
                         bool& over) {
  boost::json::object result;
  std::string diagnostics;
  boost::json::parse_options options;
  options.allow_invalid_utf8 = true;  // Reported with its place in "text" below.
  std::error_code ec;
  boost::json::value parsed = boost::json::parse(line, ec, {}, options);
  std::optional<LineError> error;
  if (ec) {
    error = LineError{
        fmt::format("{}: {}", say(run.lang, "malformed JSON", "JSON 형식 오류"), ec.message())};
  } else if (!parsed.is_object()) {
    error =
        LineError{say(run.lang, "a line must be a JSON object", "각 줄은 JSON 객체여야 합니다")};
  } else {
    const boost::json::object& article = parsed.get_object();
    const boost::json::value* id = article.if_contains("id");
    const bool bad_id = id != nullptr && id->is_string() &&
                        utf8::find_invalid(std::string_view(id->get_string())).has_value();
    if (bad_id) {
      error = LineError{
          say(run.lang, R"("id" is not valid UTF-8)", R"("id"가 올바른 UTF-8이 아닙니다)")};
    } else {
      result["id"] = id != nullptr ? *id : boost::json::value(nullptr);
      auto linted = lint_article(run, article, diagnostics);
      if (auto* e = std::get_if<LineError>(&linted)) {
        error = std::move(*e);
      } else {
        over = over || std::get<bool>(linted);
      }
    }
  }
  if (error) {
    errored = true;
    result["error"] = boost::json::object{{"line", number}, {"message", error->message}};
    return boost::json::serialize(result);
  }
  // The object ends with its diagnostics: written as an empty array, then filled in.
  result["diagnostics"] = boost::json::array();
  std::string json = boost::json::serialize(result);
  json.insert(json.size() - 2, diagnostics);
  return json;
}

LineResult lint_line(const Run& run, const std::string& line, std::size_t number) {
  LineResult r;
  r.json = process_line(run, line, number, r.errored, r.over);
  r.json += '\n';
  return r;
}

/// A fixed set of threads that run tasks in any order; results are kept in order by the
/// futures the caller holds.
class Pool {
 public:
  explicit Pool(unsigned threads) {
    for (unsigned i = 0; i < threads; ++i) workers_.emplace_back([this] { work(); });
  }
  ~Pool() {
    {
      std::lock_guard lock(mutex_);
      done_ = true;
    }
    ready_.notify_all();
    for (std::thread& t : workers_) t.join();
  }
  std::future<LineResult> submit(std::function<LineResult()> fn) {
    std::packaged_task<LineResult()> task(std::move(fn));
    auto future = task.get_future();
    {
      std::lock_guard lock(mutex_);
      tasks_.push_back(std::move(task));
    }
    ready_.notify_one();
    return future;
  }

 private:
  void work() {
    for (;;) {
      std::packaged_task<LineResult()> task;
      {
        std::unique_lock lock(mutex_);
        ready_.wait(lock, [this] { return done_ || !tasks_.empty(); });
        if (tasks_.empty()) return;
        task = std::move(tasks_.front());
        tasks_.pop_front();
      }
      task();
    }
  }
  std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<std::packaged_task<LineResult()>> tasks_;
  std::vector<std::thread> workers_;
  bool done_ = false;
};

/// Reads, lints and writes line by line; with `jobs` > 1, up to 4 x jobs articles are in
/// flight at once and results are still written in input order.
void stream(const Run& run, unsigned jobs, std::istream& in, std::ostream& out, bool& errored,
            bool& over) {
  auto write = [&](const LineResult& r) {
    out << r.json;
    out.flush();
    errored = errored || r.errored;
    over = over || r.over;
  };
  std::optional<Pool> pool;
  if (jobs > 1) pool.emplace(jobs);
  std::deque<std::future<LineResult>> window;
  std::size_t number = 0;
  for (std::string line; std::getline(in, line);) {
    ++number;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;  // Blank: no article.
    if (!pool) {
      write(lint_line(run, line, number));
      continue;
    }
    if (window.size() >= 4 * static_cast<std::size_t>(jobs)) {
      write(window.front().get());
      window.pop_front();
    }
    window.push_back(pool->submit(
        [&run, line = std::move(line), number] { return lint_line(run, line, number); }));
  }
  for (auto& f : window) write(f.get());
}

int run_batch(const BatchOptions& opt, std::istream& in, std::ostream& out) {
  Run run;
  run.lang = opt.lang.empty() ? lang_from_environment() : *parse_lang(opt.lang);
  auto library = PackLibrary::load_installed();
  if (auto* error = std::get_if<UserError>(&library)) {
    std::cerr << error->format(run.lang) << '\n';
    return 2;
  }
  PackLibrary& packs = *std::get<std::unique_ptr<PackLibrary>>(library);
  // The config: --config, or the nearest .factlint.toml from the working folder up.
  Config config;
  std::optional<std::filesystem::path> config_path;
  if (!opt.config.empty()) {
    config_path = opt.config;
  } else {
    config_path = find_config(std::filesystem::current_path());
  }
  if (config_path) {
    auto loaded = load_config(config_path->string(), packs.builtin().catalog);
    if (auto* error = std::get_if<UserError>(&loaded)) {
      std::cerr << error->format(run.lang) << '\n';
      return 2;
    }
    config = std::get<Config>(std::move(loaded));
  }
  auto setup = packs.setup(config);
  if (auto* error = std::get_if<UserError>(&setup)) {
    std::cerr << error->format(run.lang) << '\n';
    return 2;
  }
  const RuleSetup& rules = *std::get<const RuleSetup*>(setup);
  run.linter = rules.linter.get();
  run.severities = config.rules;
  RuleSeverities overrides;
  for (const std::string& rule : opt.rules) {
    if (auto problem = parse_rule_override(rule, overrides, rules.catalog)) {
      fmt::print(std::cerr, "factlint: error: {}\n", *problem);
      return 2;
    }
  }
  for (const auto& [id, severity] : overrides) run.severities[id] = severity;
  run.published = config.published;
  if (!opt.published.empty()) {
    run.published = CivilDate::parse_iso(opt.published);
    if (!run.published) {
      fmt::print(std::cerr, "factlint: error: --published: expected YYYY-MM-DD, got '{}'\n",
                 opt.published);
      return 2;
    }
  }
  run.fail_threshold = parse_severity(opt.fail_on).value_or(Severity::error);
  run.never_fail = opt.fail_on == "none";

  bool errored = false;
  bool over = false;
  stream(run, opt.jobs, in, out, errored, over);
  if (in.bad()) {
    fmt::print(std::cerr, "factlint: error: cannot read standard input\n");
    return 2;
  }
  return errored ? 2 : over ? 1 : 0;
}

}  // namespace

int batch_main(int argc, char** argv, std::istream& in, std::ostream& out) {
  BatchOptions opt;
  CLI::App app{
      "factlint batch: lint articles given as JSON Lines on stdin, one result line per article "
      "on stdout, in order (see docs/batch.md).\n"
      "Exit codes: 0 nothing at or above --fail-on, 1 findings, 2 a bad option or input line.",
      "factlint batch"};
  app.add_option("--fail-on", opt.fail_on, "Lowest severity that makes the exit code 1")
      ->check(CLI::IsMember({"error", "warning", "info", "none"}))
      ->capture_default_str();
  app.add_option("--rule", opt.rules,
                 "Set a rule's severity: ID=off|info|warning|error (repeatable)")
      ->expected(1)
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  app.add_option("--published", opt.published,
                 "Publication date (YYYY-MM-DD) for articles without a \"published\" field");
  app.add_option("--config", opt.config,
                 "Use this config instead of the nearest .factlint.toml of the working folder");
  app.add_option("-j,--jobs", opt.jobs,
                 "Lint this many articles at once (output stays in input order)")
      ->check(CLI::Range(1u, 256u))
      ->capture_default_str();
  app.add_option("--lang", opt.lang,
                 "Message language: ko or en (default: from LC_ALL, LC_MESSAGES, LANG)")
      ->check(CLI::IsMember({"ko", "en"}));
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : 2;
  }
  return run_batch(opt, in, out);
}

}  // namespace factlint::cli
