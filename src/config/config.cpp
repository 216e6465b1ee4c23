#include "config/config.h"

#include <fmt/format.h>
#include <toml++/toml.h>

#include <fstream>
#include <sstream>
#include <system_error>

#include "checks/registry.h"

namespace factlint {

namespace {

Position where(const toml::node& node) {
  const auto& begin = node.source().begin;
  return {begin.line == 0 ? 1 : begin.line, begin.column == 0 ? 1 : begin.column};
}

UserError error_at(const std::string& path, const toml::node& node, std::string message,
                   std::string message_ko) {
  return {path, where(node), std::move(message), std::move(message_ko)};
}

std::optional<std::string> read_severity(std::string_view value, std::optional<Severity>& out) {
  if (value == "off") {
    out.reset();
    return std::nullopt;
  }
  if (auto severity = parse_severity(value)) {
    out = *severity;
    return std::nullopt;
  }
  return fmt::format("unknown severity '{}' (expected off, info, warning or error)", value);
}

std::string severity_problem_ko(std::string_view value) {
  return fmt::format("알 수 없는 수준 '{}' (off, info, warning, error 중 하나)", value);
}

std::optional<UserError> read_rules(const std::string& path, const toml::table& table,
                                    const RuleCatalog& known, Config& config) {
  for (const auto& [key, value] : table) {
    const std::string id(key.str());
    if (known.find(id) == nullptr) {
      if (config.packs.empty()) {
        return error_at(path, value,
                        fmt::format("unknown rule '{}' (see factlint --list-rules)", id),
                        fmt::format("알 수 없는 규칙 '{}' (factlint --list-rules 참고)", id));
      }
      config.pack_rule_ids.emplace(id, where(value));
    }
    const auto* text = value.as_string();
    if (text == nullptr) {
      return error_at(path, value, fmt::format("rule '{}': expected a string such as \"off\"", id),
                      fmt::format("규칙 '{}': \"off\" 같은 문자열이어야 합니다", id));
    }
    std::optional<Severity> severity;
    if (auto problem = read_severity(text->get(), severity)) {
      return error_at(path, value, fmt::format("rule '{}': {}", id, *problem),
                      fmt::format("규칙 '{}': {}", id, severity_problem_ko(text->get())));
    }
    config.rules[id] = severity;
  }
  return std::nullopt;
}

std::optional<UserError> read_published(const std::string& path, const toml::node& node,
                                        Config& config) {
  if (const auto* date = node.as_date()) {
    const toml::date d = date->get();
    CivilDate c{d.year, d.month, d.day};
    if (c.valid()) {
      config.published = c;
      return std::nullopt;
    }
  } else if (const auto* text = node.as_string()) {
    if (auto c = CivilDate::parse_iso(text->get())) {
      config.published = *c;
      return std::nullopt;
    }
  }
  return error_at(path, node, "published: expected a date such as 2024-03-06",
                  "published: 2024-03-06 같은 날짜여야 합니다");
}

/// `packs = ["house-style.toml", ...]`: paths relative to the config's folder.
std::optional<UserError> read_packs(const std::string& path, const toml::node& node,
                                    Config& config) {
  const auto* list = node.as_array();
  if (list == nullptr) {
    return error_at(path, node,
                    "packs: expected a list of rule pack files such as [\"house.toml\"]",
                    "packs: [\"house.toml\"] 같은 규칙 팩 파일 목록이어야 합니다");
  }
  const std::filesystem::path dir = std::filesystem::path(path).parent_path();
  for (const toml::node& item : *list) {
    const auto* text = item.as_string();
    if (text == nullptr || text->get().empty()) {
      return error_at(path, item, "packs: expected the path of a rule pack (a string)",
                      "packs: 규칙 팩의 경로(문자열)여야 합니다");
    }
    const std::filesystem::path file(text->get());
    config.packs.push_back(
        {(file.is_absolute() ? file : dir / file).lexically_normal().string(), where(item)});
  }
  return std::nullopt;
}

/// `exclude = ["drafts/old/", "*.tmp.md", "!keep.md"]`: .gitignore-style patterns relative to
/// the config's folder.
std::optional<UserError> read_exclude(const std::string& path, const toml::node& node,
                                      Config& config) {
  const auto* list = node.as_array();
  if (list == nullptr) {
    return error_at(path, node, "exclude: expected a list of patterns such as [\"drafts/old/\"]",
                    "exclude: [\"drafts/old/\"] 같은 패턴 목록이어야 합니다");
  }
  std::filesystem::path dir = std::filesystem::path(path).parent_path();
  config.exclude = ExcludeList(dir.empty() ? std::filesystem::path(".") : dir);
  for (const toml::node& item : *list) {
    const auto* text = item.as_string();
    if (text == nullptr || !config.exclude.add(text->get())) {
      return error_at(path, item, "exclude: expected a pattern such as \"*.tmp.md\" (a string)",
                      "exclude: \"*.tmp.md\" 같은 패턴(문자열)이어야 합니다");
    }
  }
  return std::nullopt;
}

}  // namespace

std::string UserError::format(Lang lang) const {
  return fmt::format("{}:{}:{}: error: {}", path, position.line, position.column, text(lang));
}

std::variant<Config, UserError> parse_config(std::string_view text, const std::string& path,
                                             const RuleCatalog& known) {
  Config config;
  config.path = path;
  toml::table root;
  try {
    root = toml::parse(text, std::string_view(path));
  } catch (const toml::parse_error& e) {
    const auto& begin = e.source().begin;
    return UserError{path,
                     {begin.line == 0 ? 1 : begin.line, begin.column == 0 ? 1 : begin.column},
                     std::string(e.description()),
                     fmt::format("TOML 문법 오류: {}", e.description())};
  }
  // Packs first: the rule ids of [rules] may come from them.
  if (const toml::node* packs = root.get("packs")) {
    if (auto problem = read_packs(path, *packs, config)) return *problem;
  }
  for (const auto& [key, value] : root) {
    if (key == "rules") {
      const auto* table = value.as_table();
      if (table == nullptr) {
        return error_at(path, value, "rules: expected a table ([rules])",
                        "rules: 표([rules])여야 합니다");
      }
      if (auto problem = read_rules(path, *table, known, config)) return *problem;
    } else if (key == "packs") {
      continue;
    } else if (key == "published") {
      if (auto problem = read_published(path, value, config)) return *problem;
    } else if (key == "exclude") {
      if (auto problem = read_exclude(path, value, config)) return *problem;
    } else {
      return error_at(
          path, value,
          fmt::format("unknown setting '{}' (expected published, packs, exclude or rules)",
                      key.str()),
          fmt::format("알 수 없는 설정 '{}' (published, packs, exclude, rules 중 하나)",
                      key.str()));
    }
  }
  return config;
}

std::variant<Config, UserError> load_config(const std::string& path, const RuleCatalog& known) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    const int code = errno;
    return UserError{
        path,
        {1, 1},
        fmt::format("cannot read config: {}", system_error_text(code, Lang::en)),
        fmt::format("설정 파일을 읽을 수 없습니다: {}", system_error_text(code, Lang::ko))};
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return parse_config(buffer.str(), path, known);
}

std::optional<std::filesystem::path> find_config(const std::filesystem::path& dir) {
  std::error_code ec;
  std::filesystem::path at = std::filesystem::absolute(dir, ec);
  if (ec) return std::nullopt;
  while (true) {
    std::filesystem::path candidate = at / ".factlint.toml";
    if (std::filesystem::is_regular_file(candidate, ec)) return candidate;
    if (!at.has_parent_path() || at.parent_path() == at) return std::nullopt;
    at = at.parent_path();
  }
}

std::optional<std::string> parse_rule_override(std::string_view text, RuleSeverities& into,
                                               const RuleCatalog& known) {
  const std::size_t eq = text.find('=');
  if (eq == std::string_view::npos) {
    return fmt::format("--rule '{}': expected ID=off|info|warning|error", text);
  }
  const std::string id(text.substr(0, eq));
  if (known.find(id) == nullptr) {
    return fmt::format("--rule: unknown rule '{}' (see factlint --list-rules)", id);
  }
  std::optional<Severity> severity;
  if (auto problem = read_severity(text.substr(eq + 1), severity)) {
    return fmt::format("--rule {}: {}", id, *problem);
  }
  into[id] = severity;
  return std::nullopt;
}

}  // namespace factlint
