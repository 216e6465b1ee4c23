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

std::string summary_line(Lang lang, const RunTotals& t) {
  const bool clean = t.errors + t.warnings + t.infos == 0;
  if (lang == Lang::ko) {
    const std::string failed =
        t.files_failed == 0 ? "" : fmt::format("파일 {}개는 실패 (위 오류 참고)", t.files_failed);
    if (clean && t.files_failed == 0)
      return fmt::format("문제 없음 (파일 {}개 검사)", t.files_checked);
    if (clean && t.files_checked == 0) return "검사한 파일 없음, " + failed;
    if (clean) return fmt::format("검사한 파일 {}개에는 문제 없음, {}", t.files_checked, failed);
    std::string line = fmt::format("오류 {}개, 경고 {}개, 참고 {}개 (파일 {}개 중 {}개)", t.errors,
                                   t.warnings, t.infos, t.files_checked, t.files_with_findings);
    return t.files_failed == 0 ? line : line + ", " + failed;
  }
  auto plural = [](std::size_t n, std::string_view word) {
    return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
  };
  const std::string failed =
      t.files_failed == 0 ? "" : plural(t.files_failed, "file") + " failed (errors above)";
  if (clean && t.files_failed == 0) {
    return fmt::format("no problems ({} checked)", plural(t.files_checked, "file"));
  }
  if (clean && t.files_checked == 0) return "nothing checked: " + failed;
  if (clean)
    return fmt::format("no problems in {} checked; {}", plural(t.files_checked, "file"), failed);
  std::string counts = plural(t.errors, "error") + ", " + plural(t.warnings, "warning");
  if (t.infos > 0) counts += ", " + plural(t.infos, "note");
  std::string line = fmt::format("{} in {} ({} checked)", counts,
                                 plural(t.files_with_findings, "file"), t.files_checked);
  return t.files_failed == 0 ? line : line + "; " + failed;
}

}  // namespace factlint
