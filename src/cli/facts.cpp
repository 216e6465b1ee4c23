// factlint facts [--published DATE] [--lang ko|en] [--format table|json] FILE
//
// The table is for reading on a terminal: columns are padded by display width, so Hangul (two
// cells) lines up. JSON has one object per number and per date with line:column (code points,
// as in every factlint output) and the fields of extract/number.h and extract/date.h.

#include "cli/facts.h"

#include <fmt/format.h>
#include <fmt/ostream.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <boost/json.hpp>
#include <cmath>
#include <filesystem>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "cli/inputs.h"
#include "config/config.h"
#include "extract/date.h"
#include "extract/number.h"
#include "extract/quote.h"
#include "extract/subject.h"
#include "lint/published.h"
#include "report/lang.h"
#include "report/location.h"
#include "rules/library.h"
#include "text/document.h"
#include "text/utf8.h"
#include "text/width.h"

namespace factlint::cli {
namespace {

struct FactsOptions {
  std::string path;
  std::string stdin_filename;  ///< Names standard input: its format, its config's folder.
  std::string published;
  std::string lang;
  std::string format = "table";
};

/// Where the publication date came from, for the header and the JSON.
struct PublishedInfo {
  std::optional<CivilDate> date;
  std::string source;  ///< "option", "config", "front-matter", "dateline" or empty.
};

struct NumberRow {
  extract::Number number;
  Location where;
  std::string subject;
};

struct DateRow {
  extract::DateExpr date;
  Location where;
};

constexpr std::string_view kWeekdays[] = {"월", "화", "수", "목", "금", "토", "일"};

std::string_view kind_name(extract::NumberUnitKind kind) {
  switch (kind) {
    case extract::NumberUnitKind::none:
      return "none";
    case extract::NumberUnitKind::percent:
      return "percent";
    case extract::NumberUnitKind::percent_point:
      return "percent_point";
    case extract::NumberUnitKind::currency:
      return "currency";
    case extract::NumberUnitKind::count:
      return "count";
    case extract::NumberUnitKind::multiplier:
      return "multiplier";
    case extract::NumberUnitKind::ordinal:
      return "ordinal";
    case extract::NumberUnitKind::other:
      return "other";
  }
  return "none";
}

/// 1.2e12 reads better as 1200000000000 in a table of news figures.
std::string format_value(double v) {
  if (v == std::floor(v) && std::fabs(v) < 1e15) return fmt::format("{:.0f}", v);
  return fmt::format("{}", v);
}

boost::json::value json_value(double v) {
  if (v == std::floor(v) && std::fabs(v) < 1e15) return static_cast<std::int64_t>(v);
  return v;
}

/// "미국의 점유율" / "국내 참가자" / "중국": the subject as the sentence words it.
std::string subject_text(const Document& doc, const extract::Subject& s) {
  std::string out;
  if (s.owner) out += std::string(doc.slice(*s.owner)) + "의 ";
  if (s.modifier) out += std::string(doc.slice(*s.modifier)) + " ";
  out += doc.slice(s.word);
  return out;
}

std::vector<NumberRow> number_rows(const Document& doc) {
  std::vector<NumberRow> rows;
  const auto& sentences = doc.sentences();
  for (const extract::Number& n : extract::find_numbers(doc.text())) {
    NumberRow row{n, locate(doc, {n.begin, n.end}), {}};
    auto it = std::upper_bound(sentences.begin(), sentences.end(), n.begin,
                               [](std::size_t at, const Span& s) { return at < s.begin; });
    const std::size_t limit = it == sentences.begin() ? 0 : std::prev(it)->begin;
    if (auto subject = extract::find_subject(doc.text(), n.begin, limit)) {
      row.subject = subject_text(doc, *subject);
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

std::vector<DateRow> date_rows(const Document& doc, std::optional<CivilDate> published) {
  std::vector<DateRow> rows;
  for (const extract::DateExpr& d : extract::find_dates(doc.text(), published)) {
    rows.push_back({d, locate(doc, {d.begin, d.end})});
  }
  return rows;
}

std::string where(const Location& loc) {
  return fmt::format("{}:{}", loc.start.line, loc.start.column);
}

/// A table whose columns are padded to the widest cell by display width.
void print_table(std::ostream& out, const std::vector<std::vector<std::string>>& rows) {
  std::vector<std::size_t> widths;
  for (const auto& row : rows) {
    widths.resize(std::max(widths.size(), row.size()));
    for (std::size_t c = 0; c < row.size(); ++c) {
      widths[c] = std::max(widths[c], display_width(row[c]));
    }
  }
  for (const auto& row : rows) {
    std::string line = "  ";
    for (std::size_t c = 0; c < row.size(); ++c) {
      line += row[c];
      if (c + 1 < row.size()) line += std::string(widths[c] - display_width(row[c]) + 2, ' ');
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out << line << '\n';
  }
}

std::string_view source_name(const std::string& source, Lang lang) {
  if (lang == Lang::en) return source;
  if (source == "option") return "--published";
  if (source == "config") return "설정 파일";
  if (source == "front-matter") return "머리말(front matter)";
  return "기사 날짜 표기";
}

/// Reported speech only: terms and slogans in quotation marks are not claims of anybody.
std::vector<extract::Attribution> quote_rows(const Document& doc) {
  std::vector<extract::Attribution> rows;
  for (extract::Attribution& a : extract::find_attributions(doc.text())) {
    if (a.speech) rows.push_back(std::move(a));
  }
  return rows;
}

/// The first `limit` code points of a quotation, for the table.
std::string shorten(std::string_view text, std::size_t limit) {
  std::size_t i = 0;
  for (std::size_t n = 0; i < text.size() && n < limit; ++n) utf8::decode(text, i);
  return i < text.size() ? std::string(text.substr(0, i)) + "…" : std::string(text);
}

void print_quotes(std::ostream& out, const Document& doc,
                  const std::vector<extract::Attribution>& quotes, bool ko) {
  fmt::print(out, "\n{} ({})\n", ko ? "인용" : "quotes", quotes.size());
  std::vector<std::vector<std::string>> rows;
  if (ko) {
    rows.push_back({"위치", "인용", "발언자", "직함", "동사"});
  } else {
    rows.push_back({"where", "quote", "speaker", "title", "verb"});
  }
  for (const extract::Attribution& a : quotes) {
    std::string speaker = a.speaker ? a.speaker->name : "";
    if (a.speaker && (a.speaker_by_reference || a.speaker_from_context)) speaker += " *";
    rows.push_back({where(locate(doc, {a.quote.begin, a.quote.end})),
                    shorten(doc.slice({a.quote.text_begin, a.quote.text_end}), 24), speaker,
                    a.speaker ? shorten(a.speaker->title, 24) : "", std::string(a.verb)});
  }
  print_table(out, rows);
  const bool inferred = std::any_of(quotes.begin(), quotes.end(), [](const auto& a) {
    return a.speaker && (a.speaker_by_reference || a.speaker_from_context);
  });
  if (inferred) {
    fmt::print(out, "{}\n",
               ko ? "* 앞 문장이나 대명사(그는 …)로 이어 찾은 발언자"
                  : "* speaker found through a reference (그는 …) or the sentences around");
  }
}

void print_text(std::ostream& out, const Document& doc, const PublishedInfo& published,
                const std::vector<NumberRow>& numbers, const std::vector<DateRow>& dates,
                Lang lang) {
  const bool ko = lang == Lang::ko;
  if (published.date) {
    fmt::print(out, "{}: {} ({})\n", ko ? "발행일" : "published", published.date->iso(),
               source_name(published.source, lang));
  } else {
    fmt::print(out, "{}\n",
               ko ? "발행일: 알 수 없음 (상대 날짜는 풀지 않음)"
                  : "published: unknown (relative dates are not resolved)");
  }
  const std::string_view yes = ko ? "예" : "yes";
  fmt::print(out, "\n{} ({})\n", ko ? "수" : "numbers", numbers.size());
  std::vector<std::vector<std::string>> rows;
  if (ko) {
    rows.push_back({"위치", "표기", "값", "단위", "종류", "어림", "대상"});
  } else {
    rows.push_back({"where", "written", "value", "unit", "kind", "approx", "subject"});
  }
  for (const NumberRow& r : numbers) {
    const extract::Number& n = r.number;
    std::string value = format_value(n.value);
    if (n.range_end) value += "~" + format_value(*n.range_end);
    rows.push_back({where(r.where), std::string(doc.slice({n.begin, n.end})), value,
                    std::string(n.unit), std::string(kind_name(n.kind)),
                    n.approximate ? std::string(yes) : "", r.subject});
  }
  print_table(out, rows);
  fmt::print(out, "\n{} ({})\n", ko ? "날짜" : "dates", dates.size());
  rows.clear();
  if (ko) {
    rows.push_back({"위치", "표기", "날짜", "상대 표현", "비고"});
  } else {
    rows.push_back({"where", "written", "resolved", "relative", "note"});
  }
  for (const DateRow& r : dates) {
    const extract::DateExpr& d = r.date;
    std::string resolved = d.resolved ? d.resolved->iso() : "";
    if (!d.resolved && (d.year || d.month)) {
      resolved = d.year ? fmt::format("{:04}", *d.year) : "????";
      if (d.month) resolved += fmt::format("-{:02}", *d.month);
    }
    std::string note = d.invalid ? (ko ? "없는 날짜" : "invalid") : "";
    if (d.weekday_written && d.resolved && d.resolved->weekday() != *d.weekday_written) {
      note = fmt::format("{}: {} ≠ {}", ko ? "요일" : "weekday", kWeekdays[*d.weekday_written],
                         kWeekdays[d.resolved->weekday()]);
    }
    rows.push_back(
        {where(r.where), std::string(doc.slice({d.begin, d.end})), resolved, d.relative, note});
  }
  print_table(out, rows);
}

/// boost::json writes 92.5 as 9.25E1; figures read better as written, so doubles are printed
/// in their shortest form and everything else by boost::json.
void write_json(std::ostream& out, const boost::json::value& v) {
  if (v.is_double()) {
    out << fmt::format("{}", v.get_double());
  } else if (v.is_object()) {
    out << '{';
    bool first = true;
    for (const auto& [key, item] : v.get_object()) {
      out << (first ? "" : ",") << boost::json::serialize(boost::json::string(key)) << ':';
      write_json(out, item);
      first = false;
    }
    out << '}';
  } else if (v.is_array()) {
    out << '[';
    bool first = true;
    for (const auto& item : v.get_array()) {
      out << (first ? "" : ",");
      write_json(out, item);
      first = false;
    }
    out << ']';
  } else {
    out << boost::json::serialize(v);
  }
}

void put_location(boost::json::object& o, const Location& loc) {
  o["line"] = loc.start.line;
  o["column"] = loc.start.column;
  o["end_line"] = loc.end.line;
  o["end_column"] = loc.end.column;
}

template <class T>
boost::json::value optional_json(const std::optional<T>& v) {
  if (!v) return nullptr;
  return boost::json::value(*v);
}

/// Written one object at a time rather than as one tree, so that a long text's facts are never
/// all held as JSON at once; the output is what write_json of the whole document would print.
void print_json(std::ostream& out, const Document& doc, const PublishedInfo& published,
                const std::vector<NumberRow>& numbers, const std::vector<DateRow>& dates,
                const std::vector<extract::Attribution>& quotes) {
  boost::json::object head;
  head["path"] = doc.path();
  head["column_unit"] = "unicode_code_points";
  if (published.date) {
    head["published"] = {{"date", published.date->iso()}, {"source", published.source}};
  } else {
    head["published"] = nullptr;
  }
  std::ostringstream opening;
  write_json(opening, head);
  const std::string start = opening.str();
  out << std::string_view(start).substr(0, start.size() - 1);  // without its closing brace
  // `,"name":[` then the objects `make(row)` gives for each of `rows`, then `]`.
  auto write_array = [&](std::string_view name, const auto& rows, auto make) {
    out << ',' << boost::json::serialize(boost::json::string(name)) << ":[";
    bool first = true;
    for (const auto& row : rows) {
      out << (first ? "" : ",");
      write_json(out, make(row));
      first = false;
    }
    out << ']';
  };
  write_array("numbers", numbers, [&](const NumberRow& r) {
    const extract::Number& n = r.number;
    boost::json::object o;
    put_location(o, r.where);
    o["text"] = doc.slice({n.begin, n.end});
    o["value"] = json_value(n.value);
    o["range_end"] = n.range_end ? json_value(*n.range_end) : boost::json::value(nullptr);
    o["unit"] = n.unit;
    o["kind"] = kind_name(n.kind);
    o["approximate"] = n.approximate;
    o["ordinal"] = n.ordinal;
    o["subject"] = r.subject.empty() ? boost::json::value(nullptr) : boost::json::value(r.subject);
    return boost::json::value(std::move(o));
  });
  write_array("dates", dates, [&](const DateRow& r) {
    const extract::DateExpr& d = r.date;
    boost::json::object o;
    put_location(o, r.where);
    o["text"] = doc.slice({d.begin, d.end});
    o["year"] = optional_json(d.year);
    o["month"] = optional_json(d.month);
    o["day"] = optional_json(d.day);
    o["resolved"] = d.resolved ? boost::json::value(d.resolved->iso()) : nullptr;
    o["relative"] =
        d.relative.empty() ? boost::json::value(nullptr) : boost::json::value(d.relative);
    o["weekday_written"] = optional_json(d.weekday_written);
    o["invalid"] = d.invalid;
    return boost::json::value(std::move(o));
  });
  write_array("quotes", quotes, [&](const extract::Attribution& a) {
    boost::json::object o;
    put_location(o, locate(doc, {a.quote.begin, a.quote.end}));
    o["text"] = doc.slice({a.quote.text_begin, a.quote.text_end});
    o["speaker"] = a.speaker ? boost::json::value(a.speaker->name) : nullptr;
    o["title"] =
        a.speaker && !a.speaker->title.empty() ? boost::json::value(a.speaker->title) : nullptr;
    o["verb"] = a.verb.empty() ? boost::json::value(nullptr) : boost::json::value(a.verb);
    o["speaker_by_reference"] = a.speaker_by_reference;
    o["speaker_from_context"] = a.speaker_from_context;
    return boost::json::value(std::move(o));
  });
  out << "}\n";
}

/// The `published` of the nearest .factlint.toml, validated as a lint run would.
std::variant<std::optional<CivilDate>, UserError> config_published(const Input& input) {
  // Standard input has a folder only when --stdin-filename gave it a name.
  const std::filesystem::path dir = input.is_stdin && input.path == "-"
                                        ? std::filesystem::current_path()
                                        : std::filesystem::path(input.path).parent_path();
  const auto found = find_config(dir.empty() ? std::filesystem::path(".") : dir);
  if (!found) return std::optional<CivilDate>();
  auto library = PackLibrary::load_installed();
  if (auto* error = std::get_if<UserError>(&library)) return *error;
  const auto& packs = *std::get<std::unique_ptr<PackLibrary>>(library);
  auto config = load_config(found->string(), packs.builtin().catalog);
  if (auto* error = std::get_if<UserError>(&config)) return *error;
  return std::get<Config>(config).published;
}

int run_facts(const FactsOptions& opt) {
  const Lang lang = opt.lang.empty() ? lang_from_environment() : *parse_lang(opt.lang);
  PublishedInfo published;
  if (!opt.published.empty()) {
    published.date = CivilDate::parse_iso(opt.published);
    if (!published.date) {
      fmt::print(std::cerr, "factlint: error: --published: expected YYYY-MM-DD, got '{}'\n",
                 opt.published);
      return 2;
    }
    published.source = "option";
  }
  const bool is_stdin = opt.path.empty() || opt.path == "-";
  const Input input{is_stdin && !opt.stdin_filename.empty() ? opt.stdin_filename
                    : is_stdin                              ? std::string("-")
                                                            : opt.path,
                    is_stdin};
  if (!published.date) {
    auto from_config = config_published(input);
    if (auto* error = std::get_if<UserError>(&from_config)) {
      std::cerr << error->format(lang) << '\n';
      return 2;
    }
    if (auto date = std::get<std::optional<CivilDate>>(from_config)) {
      published = {date, "config"};
    }
  }
  UserError read_error;
  auto bytes = read_input(input, read_error);
  if (!bytes) {
    std::cerr << read_error.format(lang) << '\n';
    return 2;
  }
  auto loaded = Document::from_bytes(input.path, std::move(*bytes));
  if (auto* error = std::get_if<LoadError>(&loaded)) {
    std::cerr << UserError{input.path, error->position, error->message, error->message_ko}.format(
                     lang)
              << '\n';
    return 2;
  }
  const Document& doc = std::get<Document>(loaded);
  if (!published.date) {
    if (auto found = find_published(doc)) {
      published.date = found->date;
      published.source =
          found->source == PublishedSource::front_matter ? "front-matter" : "dateline";
    }
  }
  const auto numbers = number_rows(doc);
  const auto dates = date_rows(doc, published.date);
  const auto quotes = quote_rows(doc);
  if (opt.format == "json") {
    print_json(std::cout, doc, published, numbers, dates, quotes);
  } else {
    print_text(std::cout, doc, published, numbers, dates, lang);
    print_quotes(std::cout, doc, quotes, lang == Lang::ko);
  }
  return 0;
}

}  // namespace

int facts_main(int argc, char** argv) {
  FactsOptions opt;
  CLI::App app{"factlint facts: list the numbers, dates and quotes factlint reads in an article.",
               "factlint facts"};
  app.add_option("file", opt.path, "The article (- or none for standard input)");
  app.add_option("--stdin-filename", opt.stdin_filename,
                 "Name for standard input: shown in the output, picks the format by its "
                 "extension and the config from its folder");
  app.add_option("--published", opt.published,
                 "Publication date (YYYY-MM-DD) that resolves relative dates");
  app.add_option("--lang", opt.lang,
                 "Language of the table headings: ko or en (default: from LC_ALL, LANG)")
      ->check(CLI::IsMember({"ko", "en"}));
  app.add_option("--format", opt.format, "table (aligned, for reading) or json")
      ->check(CLI::IsMember({"table", "json"}))
      ->capture_default_str();
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : 2;
  }
  if (opt.path.empty() && opt.stdin_filename.empty()) {
    fmt::print(std::cerr, "factlint facts: error: no article (give a file, or - for stdin)\n");
    return 2;
  }
  return run_facts(opt);
}

}  // namespace factlint::cli
