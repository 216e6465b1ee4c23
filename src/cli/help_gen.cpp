#include "cli/help_gen.h"

#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <vector>

namespace factlint::cli {

namespace {

/// Escapes text for roff: backslashes, hyphens (so they print as ASCII minus) and a control
/// character at the start of a line.
std::string roff(std::string_view text) {
  std::string out;
  bool line_start = true;
  for (char c : text) {
    if (line_start && (c == '.' || c == '\'')) out += "\\&";
    if (c == '\\') {
      out += "\\e";
    } else if (c == '-') {
      out += "\\-";
    } else {
      out.push_back(c);
    }
    line_start = c == '\n';
  }
  return out;
}

/// The options a user sees (the hidden ones have an empty group).
std::vector<const CLI::Option*> visible_options(const CLI::App& app) {
  std::vector<const CLI::Option*> out;
  for (const CLI::Option* o : app.get_options()) {
    if (!o->get_group().empty() && o->nonpositional()) out.push_back(o);
  }
  return out;
}

/// Every spelling of an option: "-j", "--jobs".
std::vector<std::string> spellings(const CLI::Option& o) {
  std::vector<std::string> out;
  for (const std::string& s : o.get_snames()) out.push_back("-" + s);
  for (const std::string& l : o.get_lnames()) out.push_back("--" + l);
  for (const std::string& f : o.get_fnames()) {
    if (std::find(out.begin(), out.end(), "--" + f) == out.end()) out.push_back("--" + f);
  }
  return out;
}

bool takes_value(const CLI::Option& o) { return o.get_items_expected_max() != 0; }

/// The fixed values of an option checked with CLI::IsMember: its type name ends in "{a,b,c}".
std::vector<std::string> choices(const CLI::Option& o) {
  const std::string type = o.get_type_name();
  const std::size_t open = type.find('{');
  const std::size_t close = type.rfind('}');
  std::vector<std::string> out;
  if (open == std::string::npos || close == std::string::npos || close < open) return out;
  std::string item;
  for (char c : type.substr(open + 1, close - open - 1)) {
    if (c == ',') {
      out.push_back(item);
      item.clear();
    } else if (c != ' ') {
      item.push_back(c);
    }
  }
  if (!item.empty()) out.push_back(item);
  return out;
}

/// The value placeholder shown in the man page: "FORMAT" for choices, else the type name.
std::string metavar(const CLI::Option& o) {
  const auto values = choices(o);
  if (!values.empty()) return fmt::format("{}", fmt::join(values, "|"));
  std::string type = o.get_type_name();
  if (const std::size_t colon = type.find(':'); colon != std::string::npos) type.resize(colon);
  return type.empty() ? "VALUE" : type;
}

}  // namespace

std::string man_page(const CLI::App& app) {
  std::string out = fmt::format(
      ".TH FACTLINT 1 \"\" \"factlint {}\" \"User Commands\"\n"
      ".SH NAME\n"
      "factlint \\- fact\\-consistency checker and editorial linter for Korean news drafts\n"
      ".SH SYNOPSIS\n"
      ".B factlint\n"
      "[\\fIOPTIONS\\fR] \\fIPATH\\fR...\n"
      ".br\n"
      ".B factlint facts\n"
      "[\\fIOPTIONS\\fR] \\fIPATH\\fR...\n"
      ".SH DESCRIPTION\n",
      FACTLINT_VERSION);
  // One paragraph per line of the --help description.
  const std::string description = app.get_description();
  for (std::size_t at = 0; at < description.size();) {
    std::size_t end = description.find('\n', at);
    if (end == std::string::npos) end = description.size();
    out += (at == 0 ? "" : ".PP\n") + roff(description.substr(at, end - at)) + "\n";
    at = end + 1;
  }
  out +=
      ".PP\n"
      "Each \\fIPATH\\fR is a file, a folder (searched for .txt and .md files) or \\- for "
      "standard input.\n"
      ".B factlint facts\n"
      "prints the numbers, dates and quotes factlint read.\n"
      ".SH OPTIONS\n";
  for (const CLI::Option* o : visible_options(app)) {
    out += ".TP\n";
    std::vector<std::string> names;
    for (const std::string& s : spellings(*o)) names.push_back("\\fB" + roff(s) + "\\fR");
    out += fmt::format("{}", fmt::join(names, ", "));
    if (takes_value(*o)) out += " \\fI" + roff(metavar(*o)) + "\\fR";
    out += "\n" + roff(o->get_description()) + "\n";
  }
  out +=
      ".SH EXIT STATUS\n"
      ".TP\n.B 0\nnothing at or above \\fB\\-\\-fail\\-on\\fR was found\n"
      ".TP\n.B 1\nsomething was found (or \\fB\\-\\-diff\\fR has changes)\n"
      ".TP\n.B 2\na usage error, an unreadable or invalid input, or a bad config; the other "
      "files are still linted\n"
      ".SH FILES\n"
      ".TP\n.I .factlint.toml\n"
      "looked up from each file's folder upwards: rule severities, the publication date, rule "
      "packs and exclude patterns\n"
      ".TP\n.I <prefix>/share/factlint/rules\n"
      "the built\\-in rule packs (\\fBFACTLINT_RULES_DIR\\fR overrides the folder)\n"
      ".TP\n.I ~/.cache/factlint/packs\n"
      "house packs kept parsed, and compiled, between runs (\\fBFACTLINT_CACHE_DIR\\fR "
      "overrides the folder; "
      "set but empty, no cache)\n"
      ".SH ENVIRONMENT\n"
      ".TP\n.B LC_ALL, LC_MESSAGES, LANG\nthe message language when \\fB\\-\\-lang\\fR is not "
      "given\n"
      ".TP\n.B NO_COLOR\nno colour in pretty output\n"
      ".TP\n.B CI\nno progress bar\n"
      ".SH SEE ALSO\n"
      "\\fBfactlint \\-\\-explain\\fR \\fIRULE\\fR prints the documentation of a rule.\n";
  return out;
}

std::string bash_completion(const CLI::App& app) {
  std::vector<std::string> all;
  std::string cases;
  for (const CLI::Option* o : visible_options(app)) {
    const std::vector<std::string> names = spellings(*o);
    all.insert(all.end(), names.begin(), names.end());
    if (!takes_value(*o)) continue;
    const std::string pattern = fmt::format("{}", fmt::join(names, "|"));
    const std::string type = metavar(*o);
    if (const auto values = choices(*o); !values.empty()) {
      cases += fmt::format("    {}) COMPREPLY=($(compgen -W \"{}\" -- \"$cur\")); return ;;\n",
                           pattern, fmt::join(values, " "));
    } else if (type.starts_with("RULE")) {
      // Rule ids come from the binary being completed, so rule packs are included.
      const char* suffix = type == "RULE" ? "" : "=";
      cases += fmt::format(
          "    {}) COMPREPLY=($(compgen -W \"$(\"${{COMP_WORDS[0]}}\" --list-rules 2>/dev/null "
          "| cut -d' ' -f1)\" -S '{}' -- \"$cur\")){}; return ;;\n",
          pattern, suffix, *suffix ? "; compopt -o nospace 2>/dev/null" : "");
    } else if (type == "FILE") {
      cases += fmt::format(
          "    {}) compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- \"$cur\")); "
          "return ;;\n",
          pattern);
    } else {
      cases += fmt::format("    {}) return ;;\n", pattern);
    }
  }
  return fmt::format(
      "# bash completion for factlint, generated by `factlint --help-bash-completion`.\n"
      "_factlint() {{\n"
      "  local cur=\"${{COMP_WORDS[COMP_CWORD]}}\" prev=\"${{COMP_WORDS[COMP_CWORD-1]}}\"\n"
      "  COMPREPLY=()\n"
      "  case \"$prev\" in\n"
      "{}"
      "  esac\n"
      "  if [[ \"$cur\" == -* ]]; then\n"
      "    COMPREPLY=($(compgen -W \"{}\" -- \"$cur\"))\n"
      "    return\n"
      "  fi\n"
      "  compopt -o filenames 2>/dev/null\n"
      "  COMPREPLY=($(compgen -f -- \"$cur\"))\n"
      "}}\n"
      "complete -F _factlint factlint\n",
      cases, fmt::join(all, " "));
}

}  // namespace factlint::cli
