// factlint [options] PATH...
//
// Exit codes: 0 when nothing at or above --fail-on was found, 1 when something was, 2 for a
// usage error, an unreadable or invalid input, or a bad config (the other files are still
// linted and reported).

#include <fmt/format.h>
#include <fmt/ostream.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "checks/docs.h"
#include "checks/registry.h"
#include "cli/batch.h"
#include "cli/facts.h"
#include "cli/inputs.h"
#include "config/config.h"
#include "lint/fix.h"
#include "lint/linter.h"
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
  std::string stdin_filename;  ///< Names standard input in reports and picks its format.
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
      : forced_(std::move(forced)), packs_(packs) {}

  /// The config for a file, or an error if the one that applies is malformed.
  std::variant<const Config*, UserError> for_input(const Input& input) {
    if (forced_) return &*forced_;
    const std::filesystem::path dir = input.is_stdin && input.path == "-"
                                          ? std::filesystem::current_path()
                                          : std::filesystem::path(input.path).parent_path();
    const std::string key = dir.empty() ? "." : dir.string();
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
    const auto& result = *cached->second;
    if (const auto* error = std::get_if<UserError>(&result)) return *error;
    return &std::get<Config>(result);
  }

  /// The linter for a config returned by for_input (its packs are loaded by then).
  const Linter& linter_for(const Config& config) {
    return *std::get<const RuleSetup*>(packs_.setup(config))->linter;
  }

 private:
  std::optional<Config> forced_;
  PackLibrary& packs_;
  std::map<std::string, std::variant<Config, UserError>> by_path_;
  std::map<std::string, const std::variant<Config, UserError>*> by_dir_;
};

struct Counts {
  std::size_t by_severity[3] = {0, 0, 0};
  std::size_t files = 0;
  std::size_t files_with_findings = 0;
  std::size_t fixed = 0;
};

int run(const Options& opt) {
  const Lang lang = opt.lang.empty() ? lang_from_environment() : *parse_lang(opt.lang);
  // Rule packs load and compile once for the whole run; --config may add its own.
  auto library = PackLibrary::load_installed();
  if (auto* error = std::get_if<UserError>(&library)) {
    std::cerr << error->format() << '\n';
    return 2;
  }
  PackLibrary& packs = *std::get<std::unique_ptr<PackLibrary>>(library);
  std::optional<Config> forced;
  if (!opt.config.empty()) {
    auto loaded = load_config(opt.config, packs.builtin().catalog);
    if (auto* error = std::get_if<UserError>(&loaded)) {
      std::cerr << error->format() << '\n';
      return 2;
    }
    forced = std::get<Config>(std::move(loaded));
  }
  auto setup =
      forced ? packs.setup(*forced) : std::variant<const RuleSetup*, UserError>(&packs.builtin());
  if (auto* error = std::get_if<UserError>(&setup)) {
    std::cerr << error->format() << '\n';
    return 2;
  }
  const RuleSetup& rules = *std::get<const RuleSetup*>(setup);
  if (opt.list_rules) return list_rules(lang, rules.catalog);
  if (!opt.explain.empty()) return explain(opt.explain, rules);
  std::vector<std::string> paths = opt.paths;
  if (paths.empty() && !opt.stdin_filename.empty()) paths.push_back("-");
  if (paths.empty()) {
    fmt::print(std::cerr, "factlint: error: no input (give files, folders or - for stdin)\n");
    return 2;
  }

  bool failed_input = false;
  RuleSeverities overrides;
  for (const std::string& rule : opt.rules) {
    if (auto problem = parse_rule_override(rule, overrides, rules.catalog)) {
      fmt::print(std::cerr, "factlint: error: {}\n", *problem);
      return 2;
    }
  }
  std::optional<CivilDate> published;
  if (!opt.published.empty()) {
    published = CivilDate::parse_iso(opt.published);
    if (!published) {
      fmt::print(std::cerr, "factlint: error: --published: expected YYYY-MM-DD, got '{}'\n",
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

  std::vector<UserError> errors;
  std::vector<Input> inputs = collect_inputs(paths, errors);
  bool fix_stdin = false;  // With --fix the fixed text of stdin goes to stdout, reports to stderr.
  for (Input& input : inputs) {
    if (input.is_stdin && !opt.stdin_filename.empty()) input.path = opt.stdin_filename;
    fix_stdin = fix_stdin || (input.is_stdin && opt.fix && !opt.diff);
  }
  for (const UserError& e : errors) std::cerr << e.format() << '\n';
  failed_input = !errors.empty();

  auto reporter = make_reporter(report, fix_stdin ? std::cerr : std::cout);
  ConfigCache configs(std::move(forced), packs);
  Counts counts;
  bool over_threshold = false;
  bool diff_changes = false;
  for (const Input& input : inputs) {
    FileResult result;
    result.path = input.path;
    ++counts.files;
    auto config = configs.for_input(input);
    std::string read_error;
    std::optional<std::string> bytes;
    if (auto* error = std::get_if<UserError>(&config)) {
      result.error = *error;
    } else if (!(bytes = read_input(input, read_error))) {
      result.error = UserError{input.path, {1, 1}, read_error};
    }
    std::optional<std::variant<Document, LoadError>> loaded;
    std::string unfixed;  // Stdin under --fix goes back out unchanged if it cannot be linted.
    if (fix_stdin && input.is_stdin && bytes) unfixed = *bytes;
    if (!result.error) {
      loaded.emplace(Document::from_bytes(input.path, std::move(*bytes)));
      if (auto* error = std::get_if<LoadError>(&*loaded)) {
        result.error = UserError{input.path, error->position, error->message};
      }
    }
    if (result.error) {
      std::cerr << result.error->format() << '\n';
      if (fix_stdin && input.is_stdin) std::cout << unfixed;
      failed_input = true;
      reporter->add(result);
      continue;
    }
    const Config& cfg = *std::get<const Config*>(config);
    const Linter& linter = configs.linter_for(cfg);
    RuleSeverities severities = cfg.rules;
    for (const auto& [id, severity] : overrides) severities[id] = severity;
    LintContext context{lang, published ? published : cfg.published};
    const Document* doc = &std::get<Document>(*loaded);
    std::optional<std::variant<Document, LoadError>> fixed;
    if (opt.fix || opt.diff) {
      FixResult fix = fix_all(linter, *doc, context, severities);
      if (opt.diff) {
        std::cout << unified_diff(input.path, doc->original(), fix.text);
        diff_changes = diff_changes || fix.applied > 0;
        continue;
      }
      if (input.is_stdin) {
        std::cout << fix.text;
        counts.fixed += fix.applied;
        if (fix.applied > 0) {
          fixed.emplace(Document::from_bytes(input.path, std::move(fix.text)));
          doc = &std::get<Document>(*fixed);
        }
      } else if (fix.applied > 0) {
        if (auto problem = write_atomically(input.path, fix.text)) {
          result.error = UserError{input.path, {1, 1}, "cannot apply fixes: " + *problem};
        } else {
          counts.fixed += fix.applied;
          fixed.emplace(Document::from_bytes(input.path, std::move(fix.text)));
          doc = &std::get<Document>(*fixed);
        }
      }
      if (result.error) {
        std::cerr << result.error->format() << '\n';
        failed_input = true;
      }
    }
    result.document = doc;
    result.diagnostics = linter.lint(*doc, context, severities);
    for (const Diagnostic& d : result.diagnostics) {
      ++counts.by_severity[static_cast<int>(d.severity)];
      over_threshold = over_threshold || (!never_fail && d.severity >= fail_threshold);
    }
    if (!result.diagnostics.empty()) ++counts.files_with_findings;
    reporter->add(result);
  }
  if (opt.diff) return failed_input ? 2 : diff_changes ? 1 : 0;
  reporter->finish();
  std::cout.flush();
  if (counts.fixed > 0) {
    if (lang == Lang::ko) {
      fmt::print(std::cerr, "factlint: {}건 고침\n", counts.fixed);
    } else {
      fmt::print(std::cerr, "factlint: fixed {} problem{}\n", counts.fixed,
                 counts.fixed == 1 ? "" : "s");
    }
  }
  if (report.format == Format::pretty || report.format == Format::line) {
    fmt::print(std::cerr, "factlint: {}\n",
               summary_line(lang, counts.by_severity[2], counts.by_severity[1],
                            counts.by_severity[0], counts.files_with_findings, counts.files));
  }
  if (failed_input) return 2;
  return over_threshold ? 1 : 0;
}

}  // namespace
}  // namespace factlint::cli

int main(int argc, char** argv) {
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
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  app.add_flag("--list-rules", opt.list_rules, "List every rule with its default severity");
  app.add_option("--explain", opt.explain, "Print the documentation of a rule");
  app.add_option("--published", opt.published, "Publication date (YYYY-MM-DD) for date checks");
  app.add_flag("--fix", opt.fix,
               "Apply every safe fix in place (atomically), then report what is left; for stdin "
               "the fixed text goes to stdout and the report to stderr");
  app.add_option("--stdin-filename", opt.stdin_filename,
                 "Name for standard input (- or no path): shown in reports, picks the format by "
                 "its extension and the config from its folder");
  app.add_flag("--diff", opt.diff,
               "Print the safe fixes as a unified diff instead of writing them; exit 1 if any");
  app.add_option("--config", opt.config, "Use this config instead of the nearest .factlint.toml");
  app.add_option("--lang", opt.lang,
                 "Message language: ko or en (default: from LC_ALL, LC_MESSAGES, LANG)")
      ->check(CLI::IsMember({"ko", "en"}));
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // --help and --version are "errors" that exit 0.
    const int code = app.exit(e);
    return code == 0 ? 0 : 2;
  }
  return factlint::cli::run(opt);
}
