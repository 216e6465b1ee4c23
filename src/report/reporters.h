#pragma once
/// Factories of the individual output formats (one source file each); use make_reporter().

#include <iosfwd>
#include <memory>

#include "report/reporter.h"

namespace factlint {

std::unique_ptr<Reporter> make_line_reporter(std::ostream& out);
std::unique_ptr<Reporter> make_pretty_reporter(const ReportOptions& options, std::ostream& out);
std::unique_ptr<Reporter> make_json_reporter(std::ostream& out);
std::unique_ptr<Reporter> make_sarif_reporter(const ReportOptions& options, std::ostream& out);
std::unique_ptr<Reporter> make_github_reporter(std::ostream& out);
std::unique_ptr<Reporter> make_rdjsonl_reporter(std::ostream& out);

}  // namespace factlint
