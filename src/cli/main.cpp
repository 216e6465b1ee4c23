// factlint [options] PATH...
//
// Exit codes: 0 when nothing at or above --fail-on was found, 1 when something was, 2 for a
// usage error, an unreadable or invalid input, or a bad config (the other files are still
// linted and reported).

#include <fmt/format.h>
#include <fmt/ostream.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif
#include <sys/ioctl.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <variant>
#include <vector>

#include "checks/docs.h"
#include "checks/registry.h"
#include "cli/batch.h"
#include "cli/facts.h"
#include "cli/help_gen.h"
#include "cli/inputs.h"
#include "config/config.h"
#include "lint/fix.h"
#include "lint/in_order.h"
#include "lint/linter.h"
#include "report/progress.h"
#include "report/reporter.h"
#include "rules/library.h"
#include "rules/pack_doc.h"
#include "text/document.h"

namespace factlint::cli {
namespace {

struct Options {
  std::vector<std::string> paths;
  std::string format;  // Empty: pretty on a terminal, line otherwise.
  std::string color = "auto";
  std::string fail_on = "warning";
  std::vector<std::string> rules;
  bool list_rules = false;
  std::string explain;
  std::string published;
  std::string config;
  std::string lang;
  bool fix = false;
  bool diff = false;
  std::vector<std::string> exclude;
  unsigned jobs = std::max(1u, std::thread::hardware_concurrency());
  std::optional<bool> progress;  ///< --progress / --no-progress; unset: decide from the output.
  std::string stdin_filename;    ///< Names standard input in reports and picks its format.
};

std::size_t terminal_width() {
  struct winsize ws {};
  if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 20) return ws.ws_col;
  if (const char* columns = std::getenv("COLUMNS")) {
    const int n = std::atoi(columns);
    if (n > 20) return static_cast<std::size_t>(n);
  }
  return 100;
}

bool use_color(const std::string& mode) {
  if (mode == "always") return true;
  if (mode == "never") return false;
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color != nullptr && *no_color != '\0') return false;
  const char* term = std::getenv("TERM");
  if (term != nullptr && std::string_view(term) == "dumb") return false;
  return isatty(STDOUT_FILENO) != 0;
}

int list_rules(Lang lang, const RuleCatalog& catalog) {
  for (const RuleInfo& rule : catalog.rules()) {
    fmt::print("{:<28} {:<8} {}{}\n", rule.id, to_string(rule.default_severity),
               rule.summary.in(lang),
               rule.fixable ? (lang == Lang::ko ? " (자동 고침)" : " (fixable)") : "");
  }
  return 0;
}

int explain(const std::string& id, const RuleSetup& rules) {
  if (auto page = rule_doc(id)) {
    std::cout << *page;
    if (!page->ends_with('\n')) std::cout << '\n';
    return 0;
  }
  const Pack* pack = nullptr;
  if (const PackRule* rule = rules.find_pack_rule(id, &pack)) {
    std::cout << pack_rule_doc(*pack, *rule);
    return 0;
  }
  fmt::print(std::cerr, "factlint: error: no rule '{}' (see factlint --list-rules)\n", id);
  return 2;
}

/// Configs are looked up per folder; this remembers what each folder resolved to.
class ConfigCache {
 public:
  ConfigCache(std::optional<Config> forced, PackLibrary& packs)
      : forced_(forced ? std::optional<std::variant<Config, UserError>>(std::move(*forced))
                       : std::nullopt),
        packs_(packs) {}

  /// The config for a file, or an error if the one that applies is malformed.
  std::variant<const Config*, UserError> for_input(const Input& input) {
    const std::filesystem::path dir = input.is_stdin && input.path == "-"
                                          ? std::filesystem::current_path()
                                          : std::filesystem::path(input.path).parent_path();
    const auto& result = for_dir(dir.empty() ? "." : dir.string());
    if (const auto* error = std::get_if<UserError>(&result)) return *error;
    return &std::get<Config>(result);
  }

  /// The config that applies in folder `key`, or why it cannot be loaded.
  const std::variant<Config, UserError>& for_dir(const std::string& key) {
    if (forced_) return *forced_;
    auto cached = by_dir_.find(key);
    if (cached == by_dir_.end()) {
      std::optional<std::filesystem::path> found = find_config(key);
      const std::string path = found ? found->string() : std::string();
      auto loaded = by_path_.find(path);
      if (loaded == by_path_.end()) {
        std::variant<Config, UserError> result = found ? load_config(path, packs_.builtin().catalog)
                                                       : std::variant<Config, UserError>(Config{});
        // A config's packs must load and define the rule ids it names.
        if (const auto* config = std::get_if<Config>(&result)) {
          auto rules = packs_.setup(*config);
          if (auto* error = std::get_if<UserError>(&rules)) result = std::move(*error);
        }
        loaded = by_path_.emplace(path, std::move(result)).first;
      }
      cached = by_dir_.emplace(key, &loaded->second).first;
    }
    return *cached->second;
  }

  /// The linter for a config returned by for_input (its packs are loaded by then).
  const Linter& linter_for(const Config& config) {
    return *std::get<const RuleSetup*>(packs_.setup(config))->linter;
  }

 private:
  std::optional<std::variant<Config, UserError>> forced_;
  PackLibrary& packs_;
  std::map<std::string, std::variant<Config, UserError>> by_path_;
  std::map<std::string, const std::variant<Config, UserError>*> by_dir_;
};

/// Whether a folder walk skips a path: the `exclude` of the config that applies in its folder,
/// then --exclude (relative to the working directory); the last matching pattern wins.
ExcludeFn make_exclude_filter(const std::vector<std::string>& patterns, ConfigCache& configs) {
  auto command_line = std::make_shared<ExcludeList>(std::filesystem::current_path());
  for (const std::string& p : patterns) command_line->add(p);
  return [command_line, &configs](const std::filesystem::path& path, bool is_dir) {
    std::optional<bool> decision;
    const auto& config = configs.for_dir(path.parent_path().string());
    if (const auto* c = std::get_if<Config>(&config)) decision = c->exclude.decide(path, is_dir);
    if (auto cli = command_line->decide(path, is_dir)) decision = cli;
    return decision.value_or(false);
  };
}

struct Counts {
  std::size_t by_severity[3] = {0, 0, 0};
  std::size_t files = 0;  ///< Delivered, checked or not: the progress bar's count.
  std::size_t files_checked = 0;
  std::size_t files_failed = 0;
  std::size_t files_with_findings = 0;
  std::size_t fixed = 0;
};

/// How one input is linted: decided on the main thread (configs and packs load there).
struct Job {
  const Input* input = nullptr;
  const Config* config = nullptr;
  const Linter* linter = nullptr;
  std::optional<UserError> error;  ///< The config that applies is malformed.
};

/// What linting one file produced, owned until its turn to be reported comes.
struct FileOutcome {
  /// Heap-held so that `result.document` stays valid when the outcome moves.
  std::unique_ptr<std::variant<Document, LoadError>> document;
  FileResult result;
  std::vector<UserError> stderr_errors;  ///< Printed to stderr in input order.
  std::string diff;                      ///< --diff output.
  /// --fix on standard input: the fixed text (or the text as read, if it could not be linted).
  std::optional<std::string> fixed_stdin;
  bool diff_changes = false;
  std::size_t fixed = 0;
  std::size_t bytes = 0;
};

struct LintSettings {
  Lang lang = Lang::en;
  RuleSeverities overrides;
  std::optional<CivilDate> published;
  bool fix = false;
  bool diff = false;
  bool spare_core = false;  ///< see LintContext::spare_core
};

/// Reads, loads, fixes and lints one file. Runs on a worker thread: it touches only the job,
/// read-only shared state (linter, config) and its own outcome.
FileOutcome lint_file(const Job& job, const LintSettings& settings) {
  FileOutcome out;
  const Input& input = *job.input;
  FileResult& result = out.result;
  result.path = input.path;
  if (job.error) {
    result.error = job.error->in(settings.lang);
    out.stderr_errors.push_back(*result.error);
    return out;
  }
  UserError read_error;
  std::optional<std::string> bytes = read_input(input, read_error);
  if (!bytes) {
    result.error = read_error.in(settings.lang);
    out.stderr_errors.push_back(*result.error);
    return out;
  }
  out.bytes = bytes->size();
  const bool fix_stdin = input.is_stdin && settings.fix && !settings.diff;
  if (fix_stdin) out.fixed_stdin = *bytes;
  out.document = std::make_unique<std::variant<Document, LoadError>>(
      Document::from_bytes(input.path, std::move(*bytes)));
  if (auto* error = std::get_if<LoadError>(out.document.get())) {
    result.error =
        UserError{input.path, error->position, error->message, error->message_ko}.in(settings.lang);
    out.stderr_errors.push_back(*result.error);
    return out;
  }
  if (fix_stdin) out.fixed_stdin.reset();  // Loaded: the fixed text replaces it below.
  RuleSeverities severities = job.config->rules;
  for (const auto& [id, severity] : settings.overrides) severities[id] = severity;
  LintContext context{settings.lang,
                      settings.published ? settings.published : job.config->published};
  context.spare_core = settings.spare_core;
  const Document* doc = &std::get<Document>(*out.document);
  if (settings.fix || settings.diff) {
    FixResult fix = fix_all(*job.linter, *doc, context, severities);
    if (settings.diff) {
      out.diff = unified_diff(input.path, doc->original(), fix.text);
      out.diff_changes = fix.applied > 0;
      return out;
    }
    if (fix_stdin) {
      out.fixed_stdin = fix.text;
      out.fixed = fix.applied;
      if (fix.applied > 0) {
        out.document = std::make_unique<std::variant<Document, LoadError>>(
            Document::from_bytes(input.path, std::move(fix.text)));
        doc = &std::get<Document>(*out.document);
      }
    } else if (fix.applied > 0) {
      if (auto problem = write_atomically(input.path, fix.text)) {
        result.error = UserError{input.path,
                                 {1, 1},
                                 "cannot apply fixes: " + *problem,
                                 "고친 내용을 저장할 수 없습니다: " + *problem}
                           .in(settings.lang);
      } else {
        out.fixed = fix.applied;
        out.document = std::make_unique<std::variant<Document, LoadError>>(
            Document::from_bytes(input.path, std::move(fix.text)));
        doc = &std::get<Document>(*out.document);
      }
    }
    if (result.error) out.stderr_errors.push_back(*result.error);
  }
  result.document = doc;
  result.diagnostics = job.linter->lint(*doc, context, severities);
  return out;
}

/// Configs and packs are resolved here, on the main thread and in order, so that the workers
/// share them read-only.
std::vector<Job> plan_jobs(const std::vector<Input>& inputs, ConfigCache& configs) {
  std::vector<Job> jobs(inputs.size());
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    jobs[i].input = &inputs[i];
    auto config = configs.for_input(inputs[i]);
    if (auto* error = std::get_if<UserError>(&config)) {
      jobs[i].error = *error;
    } else {
      jobs[i].config = std::get<const Config*>(config);
      jobs[i].linter = &configs.linter_for(*jobs[i].config);
    }
  }
  return jobs;
}

/// Whether to draw the progress bar: forced by --progress/--no-progress, else only for pretty
/// output to a terminal outside CI.
bool want_progress(std::optional<bool> forced, const ReportOptions& report, bool diff) {
  if (forced) return *forced;
  const char* ci = std::getenv("CI");
  return report.format == Format::pretty && !diff && isatty(STDERR_FILENO) != 0 &&
         (ci == nullptr || *ci == '\0');
}

std::size_t stderr_width() {
  struct winsize ws {};
  if (ioctl(STDERR_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 20) return ws.ws_col;
  return terminal_width();
}

/// Reports an error that stops the run before any file is linted (no rule packs, a bad
/// --config): on stderr, and in the machine formats that have a place for it.
int fail_run(const UserError& original, const std::string& format_name, Lang lang) {
  const UserError error = original.in(lang);
  std::cerr << error.format() << '\n';
  const Format format = parse_format(format_name).value_or(Format::line);
  if (format == Format::sarif || format == Format::json || format == Format::github) {
    ReportOptions report;
    report.format = format;
    auto reporter = make_reporter(report, std::cout);
    reporter->add_error(error);
    reporter->finish();
  }
  return 2;
}

int run(const Options& opt) {
  const Lang lang = opt.lang.empty() ? lang_from_environment() : *parse_lang(opt.lang);
  // Rule packs load and compile once for the whole run; --config may add its own.
  auto library = PackLibrary::load_installed();
  if (auto* error = std::get_if<UserError>(&library)) return fail_run(*error, opt.format, lang);
  PackLibrary& packs = *std::get<std::unique_ptr<PackLibrary>>(library);
  std::optional<Config> forced;
  if (!opt.config.empty()) {
    auto loaded = load_config(opt.config, packs.builtin().catalog);
    if (auto* error = std::get_if<UserError>(&loaded)) return fail_run(*error, opt.format, lang);
    forced = std::get<Config>(std::move(loaded));
  }
  auto setup =
      forced ? packs.setup(*forced) : std::variant<const RuleSetup*, UserError>(&packs.builtin());
  if (auto* error = std::get_if<UserError>(&setup)) return fail_run(*error, opt.format, lang);
  const RuleSetup& rules = *std::get<const RuleSetup*>(setup);
  if (opt.list_rules) return list_rules(lang, rules.catalog);
  if (!opt.explain.empty()) return explain(opt.explain, rules);
  std::vector<std::string> paths = opt.paths;
  if (paths.empty() && !opt.stdin_filename.empty()) paths.push_back("-");
  if (paths.empty()) {
    fmt::print(std::cerr, "factlint: error: {}\n",
               lang == Lang::ko ? "입력이 없습니다 (파일, 폴더 또는 표준 입력 - 을 주세요)"
                                : "no input (give files, folders or - for stdin)");
    return 2;
  }

  LintSettings settings;
  settings.lang = lang;
  settings.fix = opt.fix;
  settings.diff = opt.diff;
  for (const std::string& rule : opt.rules) {
    if (auto problem = parse_rule_override(rule, settings.overrides, rules.catalog)) {
      fmt::print(std::cerr, "factlint: error: {}\n", *problem);
      return 2;
    }
  }
  if (!opt.published.empty()) {
    settings.published = CivilDate::parse_iso(opt.published);
    if (!settings.published) {
      fmt::print(
          std::cerr, "factlint: error: --published: {} '{}'\n",
          lang == Lang::ko ? "YYYY-MM-DD 형식의 날짜여야 합니다:" : "expected YYYY-MM-DD, got",
          opt.published);
      return 2;
    }
  }

  ReportOptions report;
  report.lang = lang;
  report.format = !opt.format.empty()     ? *parse_format(opt.format)
                  : isatty(STDOUT_FILENO) ? Format::pretty
                                          : Format::line;
  report.rules = rules.catalog.rules();
  report.color = report.format == Format::pretty && use_color(opt.color);
  report.width = terminal_width();
  const Severity fail_threshold = parse_severity(opt.fail_on).value_or(Severity::error);
  const bool never_fail = opt.fail_on == "none";

  ConfigCache configs(std::move(forced), packs);
  std::vector<UserError> errors;
  std::vector<Input> inputs =
      collect_inputs(paths, errors, make_exclude_filter(opt.exclude, configs));
  bool fix_stdin = false;  // With --fix the fixed text of stdin goes to stdout, reports to stderr.
  for (Input& input : inputs) {
    if (input.is_stdin && !opt.stdin_filename.empty()) input.path = opt.stdin_filename;
    fix_stdin = fix_stdin || (input.is_stdin && opt.fix && !opt.diff);
  }
  auto reporter = make_reporter(report, fix_stdin ? std::cerr : std::cout);
  for (UserError& e : errors) {
    e = e.in(lang);
    std::cerr << e.format() << '\n';
    if (!opt.diff) reporter->add_error(e);  // With --diff the diff alone goes to stdout.
  }
  bool failed_input = !errors.empty();

  const std::vector<Job> jobs = plan_jobs(inputs, configs);
  // Each file may use a second thread when there are twice as many jobs as files.
  settings.spare_core = opt.jobs >= 2 * std::max<std::size_t>(jobs.size(), 1);

  std::optional<Progress> progress;
  if (want_progress(opt.progress, report, opt.diff)) {
    progress.emplace(std::cerr, inputs.size(), stderr_width(),
                     opt.progress ? std::chrono::milliseconds(0) : std::chrono::seconds(1), lang);
  }
  Counts counts;
  counts.files_failed = errors.size();  // Paths that could not be walked or read.
  bool over_threshold = false;
  bool diff_changes = false;
  std::uint64_t bytes_done = 0;
  auto deliver = [&](std::size_t, FileOutcome& out) {
    ++counts.files;
    bytes_done += out.bytes;
    if (progress &&
        (!out.stderr_errors.empty() || !out.result.diagnostics.empty() || !out.diff.empty())) {
      progress->clear();
    }
    for (const UserError& e : out.stderr_errors) std::cerr << e.format() << '\n';
    failed_input = failed_input || !out.stderr_errors.empty();
    if (!out.stderr_errors.empty()) ++counts.files_failed;
    if (out.result.document != nullptr) ++counts.files_checked;
    if (out.fixed_stdin) std::cout << *out.fixed_stdin;
    if (opt.diff) {  // The diff is the output: errors went to stderr above.
      std::cout << out.diff;
      diff_changes = diff_changes || out.diff_changes;
    } else {
      counts.fixed += out.fixed;
      for (const Diagnostic& d : out.result.diagnostics) {
        ++counts.by_severity[static_cast<int>(d.severity)];
        over_threshold = over_threshold || (!never_fail && d.severity >= fail_threshold);
      }
      if (!out.result.diagnostics.empty()) ++counts.files_with_findings;
      reporter->add(out.result);
    }
    if (progress) progress->update(counts.files, bytes_done);
  };
  run_in_order<FileOutcome>(
      jobs.size(), opt.jobs, 4 * static_cast<std::size_t>(opt.jobs),
      [&](std::size_t i) { return lint_file(jobs[i], settings); }, deliver,
      [&] {
        if (progress) progress->tick();
      });
  if (progress) progress->clear();
  if (opt.diff) return failed_input ? 2 : diff_changes ? 1 : 0;
  reporter->finish();
  std::cout.flush();
  // The count is a line for people: not when a machine format's report shares stderr with it
  // (the fixed text of stdin has stdout), which would make the report unreadable to its program.
  const bool human_report = report.format == Format::pretty || report.format == Format::line;
  if (counts.fixed > 0 && (human_report || !fix_stdin)) {
    if (lang == Lang::ko) {
      fmt::print(std::cerr, "factlint: {}건 고침\n", counts.fixed);
    } else {
      fmt::print(std::cerr, "factlint: fixed {} problem{}\n", counts.fixed,
                 counts.fixed == 1 ? "" : "s");
    }
  }
  if (human_report) {
    RunTotals totals;
    totals.errors = counts.by_severity[2];
    totals.warnings = counts.by_severity[1];
    totals.infos = counts.by_severity[0];
    totals.files_with_findings = counts.files_with_findings;
    totals.files_checked = counts.files_checked;
    totals.files_failed = counts.files_failed;
    fmt::print(std::cerr, "factlint: {}\n", summary_line(lang, totals));
  }
  if (failed_input) return 2;
  return over_threshold ? 1 : 0;
}

}  // namespace
}  // namespace factlint::cli

int main(int argc, char** argv) {
#if defined(__GLIBC__)
  // Buffers of 256 KiB and more (the text and the fact tables of a long document) come straight
  // from the system and go back to it when freed. By default glibc raises this threshold after
  // the first such buffer is freed and serves the next ones from the heap, whose freed space
  // stays resident: about 13% more peak memory on a 10 MB text.
  mallopt(M_MMAP_THRESHOLD, 256 * 1024);
#endif
  if (argc > 1 && std::string_view(argv[1]) == "facts") {
    return factlint::cli::facts_main(argc - 1, argv + 1);
  }
  if (argc > 1 && std::string_view(argv[1]) == "batch") {
    std::ios::sync_with_stdio(false);
    return factlint::cli::batch_main(argc - 1, argv + 1, std::cin, std::cout);
  }
  using factlint::cli::Options;
  Options opt;
  CLI::App app{
      "factlint: a fact-consistency checker and editorial linter for news article drafts.\n"
      "Exit codes: 0 nothing at or above --fail-on, 1 findings, 2 usage, input or config error.",
      "factlint"};
  app.set_version_flag("--version", std::string("factlint ") + FACTLINT_VERSION);
  app.add_option("paths", opt.paths,
                 "Files, folders (searched for .txt, .md, .html and .htm) or - for stdin");
  app.add_option("--format", opt.format,
                 "Output format: pretty (default on a terminal), line (default otherwise), json, "
                 "sarif, github (Actions annotations), rdjsonl (reviewdog)")
      ->check(CLI::IsMember({"pretty", "line", "json", "sarif", "github", "rdjsonl"}));
  app.add_option("--color", opt.color,
                 "Colour in pretty output: auto (honours NO_COLOR), always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();
  app.add_option("--fail-on", opt.fail_on, "Lowest severity that makes the exit code 1")
      ->check(CLI::IsMember({"error", "warning", "info", "none"}))
      ->capture_default_str();
  app.add_option("--rule", opt.rules,
                 "Set a rule's severity: ID=off|info|warning|error (repeatable)")
      ->expected(1)
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)
      ->type_name("RULE=SEVERITY");
  app.add_flag("--list-rules", opt.list_rules, "List every rule with its default severity");
  app.add_option("--explain", opt.explain, "Print the documentation of a rule")->type_name("RULE");
  app.add_option("--published", opt.published, "Publication date (YYYY-MM-DD) for date checks")
      ->type_name("DATE");
  app.add_flag("--fix", opt.fix,
               "Apply every safe fix in place (atomically), then report what is left; for stdin "
               "the fixed text goes to stdout and the report to stderr");
  app.add_option("--stdin-filename", opt.stdin_filename,
                 "Name for standard input (- or no path): shown in reports, picks the format by "
                 "its extension and the config from its folder");
  app.add_flag("--diff", opt.diff,
               "Print the safe fixes as a unified diff instead of writing them; exit 1 if any");
  app.add_option("--config", opt.config, "Use this config instead of the nearest .factlint.toml")
      ->type_name("FILE");
  app.add_option("--exclude", opt.exclude,
                 "Skip what matches this .gitignore-style pattern when walking folders, relative "
                 "to the working directory (repeatable; files named as arguments are always "
                 "linted)")
      ->expected(1)
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)
      ->type_name("PATTERN");
  app.add_option("-j,--jobs", opt.jobs,
                 "Lint this many files at once (default: the number of cores); with twice as many "
                 "as files, a long file uses two threads; the output is the same as with -j 1")
      ->check(CLI::Range(1u, 1024u))
      ->type_name("N");
  app.add_flag_function(
      "--progress,!--no-progress", [&opt](std::int64_t count) { opt.progress = count > 0; },
      "Force the progress bar on standard error on or off (default: on for pretty output to "
      "a terminal when the run takes more than a second, off when CI is set)");
  app.add_option("--lang", opt.lang,
                 "Message language: ko or en (default: from LC_ALL, LC_MESSAGES, LANG)")
      ->check(CLI::IsMember({"ko", "en"}));
  // Hidden (empty group): the build turns the definitions above into the man page and the
  // bash completion script.
  bool help_man = false;
  bool help_completion = false;
  app.add_flag("--help-man", help_man)->group("");
  app.add_flag("--help-bash-completion", help_completion)->group("");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // --help and --version are "errors" that exit 0.
    const int code = app.exit(e);
    return code == 0 ? 0 : 2;
  }
  if (help_man || help_completion) {
    std::cout << (help_man ? factlint::cli::man_page(app) : factlint::cli::bash_completion(app));
    return 0;
  }
  return factlint::cli::run(opt);
}
