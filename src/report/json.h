#pragma once
/// The JSON form of one diagnostic, shared by `--format json` and `factlint batch` so that both
/// write the same objects (docs/json-format.md).

#include <boost/json/object.hpp>

#include "report/diagnostic.h"

namespace factlint {

class Document;

/// {rule, severity, message, line, column, end_line, end_column, byte_offset, byte_length,
/// related, fix} with positions in the original text of `doc`.
boost::json::object diagnostic_to_json(const Document& doc, const Diagnostic& d);

}  // namespace factlint
