#include "rules/pack_doc.h"

#include <fmt/format.h>

#include <filesystem>

namespace factlint {

namespace {

/// A table cell: '|' would end the cell and a line end the row.
std::string cell(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '|') {
      out += "\\|";
    } else if (c == '\n') {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

void append_examples(std::string& page, std::string_view title,
                     const std::vector<PackExample>& examples) {
  if (examples.empty()) return;
  page += fmt::format("\n## {}\n\n", title);
  for (const PackExample& e : examples) page += fmt::format("- {}\n", e.text);
}

}  // namespace

std::string pack_rule_doc(const Pack& pack, const PackRule& rule) {
  const bool substitution = rule.kind == RuleKind::substitution;
  const bool fixable = rule.kind != RuleKind::existence;
  const std::string file = std::filesystem::path(pack.path).filename().string();
  std::string page = fmt::format("# {}\n\n", rule.id);
  page += fmt::format("**Default:** {} · **Fix:** {} · **Kind:** {} · **Pack:** {} ({})\n\n",
                      to_string(rule.severity),
                      fixable ? "yes (the word is replaced; particles are adjusted)" : "no",
                      to_string(rule.kind), pack.id, file);
  const Localized& summary = pack.summary(rule);
  page += fmt::format("{}\n\n{}\n", summary.en, summary.ko);
  page += fmt::format("\n## Message\n\n- ko: {}\n- en: {}\n", rule.message.ko, rule.message.en);
  if (!rule.reference.empty()) page += fmt::format("\n## Reference\n\n{}\n", rule.reference);
  append_examples(page, "What fires", rule.fires);
  append_examples(page, "What stays silent", rule.silent);
  if (rule.kind == RuleKind::consistency) {
    page += "\n## Variant sets (the first one an article uses wins)\n\n";
    for (std::size_t i = 0; i < rule.entries.size(); ++i) {
      const bool first = i == 0 || rule.entries[i - 1].group != rule.entries[i].group;
      const bool last =
          i + 1 == rule.entries.size() || rule.entries[i + 1].group != rule.entries[i].group;
      page += fmt::format("{}{}{}", first ? "- " : "", rule.entries[i].wrong, last ? "\n" : " / ");
    }
  } else if (rule.kind == RuleKind::spacing) {
    auto list = [](const std::vector<std::string>& items) {
      std::string out;
      for (const std::string& item : items)
        out += fmt::format("{}'{}'", out.empty() ? "" : ", ", item);
      return out.empty() ? std::string("-") : out;
    };
    std::vector<std::string> nouns;
    for (const PackEntry& e : rule.entries) nouns.push_back(e.wrong);
    page += fmt::format(
        "\n## Context\n\n- nouns: {}\n- after: {}\n- then: {}\n- next: {}\n- except: {}\n",
        list(nouns), list(rule.spacing.after), list(rule.spacing.then), list(rule.spacing.next),
        list(rule.spacing.except));
  }
  if (rule.kind == RuleKind::consistency || rule.kind == RuleKind::spacing) {
    page += fmt::format(
        "\nHow `{}` rules work: docs/kinds/{}.md. Severity: `[rules] \"{}\" = \"error\"` in "
        ".factlint.toml, or `--rule {}=off`.\n",
        to_string(rule.kind), to_string(rule.kind), rule.id, rule.id);
    return page;
  }
  page += fmt::format("\n## Entries ({})\n\n", rule.entries.size());
  page += substitution ? "| wrong | right | match | reference |\n|---|---|---|---|\n"
                       : "| wrong | match | reference |\n|---|---|---|\n";
  for (const PackEntry& e : rule.entries) {
    std::string reference = cell(e.reference);
    if (!e.note.empty()) {
      reference += (reference.empty() ? "" : "; ") + cell(e.note.ko);
    }
    if (substitution) {
      page += fmt::format("| {} | {} | {} | {} |\n", cell(e.wrong), cell(e.right),
                          to_string(e.match), reference);
    } else {
      page += fmt::format("| {} | {} | {} |\n", cell(e.wrong), to_string(e.match), reference);
    }
  }
  page += fmt::format(
      "\nHow `{}` entries match: docs/kinds/{}.md. Severity: `[rules] \"{}\" = \"error\"` in "
      ".factlint.toml, or `--rule {}=off`.\n",
      to_string(rule.kind), to_string(rule.kind), rule.id, rule.id);
  return page;
}

}  // namespace factlint
