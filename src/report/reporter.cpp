#include "report/reporter.h"

#include <fmt/format.h>

#include "report/reporters.h"

namespace factlint {

std::unique_ptr<Reporter> make_reporter(const ReportOptions& options, std::ostream& out) {
  switch (options.format) {
    case Format::pretty:
      return make_pretty_reporter(options, out);
    case Format::json:
      return make_json_reporter(out);
    case Format::sarif:
      return make_sarif_reporter(options, out);
    case Format::github:
      return make_github_reporter(out);
    case Format::rdjsonl:
      return make_rdjsonl_reporter(out);
    case Format::line:
      break;
  }
  return make_line_reporter(out);
}

std::optional<Format> parse_format(std::string_view name) {
  if (name == "pretty") return Format::pretty;
  if (name == "line") return Format::line;
  if (name == "json") return Format::json;
  if (name == "sarif") return Format::sarif;
  if (name == "github") return Format::github;
  if (name == "rdjsonl") return Format::rdjsonl;
  return std::nullopt;
}

std::string summary_line(Lang lang, std::size_t errors, std::size_t warnings, std::size_t infos,
                         std::size_t files_with_findings, std::size_t files_checked) {
  if (lang == Lang::ko) {
    if (errors + warnings + infos == 0)
      return fmt::format("문제 없음 (파일 {}개 검사)", files_checked);
    return fmt::format("오류 {}개, 경고 {}개, 참고 {}개 (파일 {}개 중 {}개)", errors, warnings,
                       infos, files_checked, files_with_findings);
  }
  auto plural = [](std::size_t n, std::string_view word) {
    return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
  };
  if (errors + warnings + infos == 0) {
    return fmt::format("no problems ({} checked)", plural(files_checked, "file"));
  }
  std::string counts = plural(errors, "error") + ", " + plural(warnings, "warning");
  if (infos > 0) counts += ", " + plural(infos, "note");
  return fmt::format("{} in {} ({} checked)", counts, plural(files_with_findings, "file"),
                     files_checked);
}

}  // namespace factlint
