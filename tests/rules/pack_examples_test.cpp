// Every pack under rules/ proves itself with its own examples: each `fires` sentence must yield
// a finding of its rule, each `silent` sentence none; each entry's `wrong`, written alone, must
// be found by its rule, and its `right`, written alone, by no rule at all. Failures name the pack
// file, the line, the rule and the text, so that whoever edits a pack sees what broke.

#include <fmt/format.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <map>
#include <string>

#include "lint/linter.h"
#include "rules/library.h"
#include "support.h"

namespace fs = std::filesystem;
using namespace factlint;

namespace {

std::vector<Diagnostic> lint(const Linter& linter, const std::string& text) {
  const Document doc = test::make_document(text);
  return linter.lint(doc, LintContext{}, {});
}

std::size_t count_rule(const std::vector<Diagnostic>& found, std::string_view rule) {
  std::size_t n = 0;
  for (const Diagnostic& d : found) n += d.rule == rule;
  return n;
}

std::string rules_found(const std::vector<Diagnostic>& found) {
  std::string out;
  for (const Diagnostic& d : found) {
    if (!out.empty()) out += ", ";
    out += d.rule;
  }
  return out.empty() ? "nothing" : out;
}

struct Where {
  const Pack* pack;
  Position position;
  std::string at() const {
    return fmt::format("{}:{}", fs::path(pack->path).filename().string(), position.line);
  }
};

}  // namespace

TEST_CASE("every rule pack under rules/ passes its own examples", "[rules][packs]") {
  const fs::path dir = fs::path(FACTLINT_SOURCE_DIR) / "rules";
  if (pack_files(dir).empty()) {
    WARN("no rule packs under " << dir.string() << "; nothing to check");
    return;
  }
  auto loaded = PackLibrary::load(dir);
  if (auto* error = std::get_if<UserError>(&loaded)) FAIL(error->format());
  const auto& library = *std::get<std::unique_ptr<PackLibrary>>(loaded);
  const RuleSetup& rules = library.builtin();
  const Linter& linter = *rules.linter;

  std::size_t checked = 0;
  for (const Pack* pack : rules.packs) {
    for (const PackRule& rule : pack->rules) {
      const Where here{pack, rule.position};
      // Its own one-line summary for --list-rules and SARIF, not the pack's description.
      if (rule.description.empty())
        FAIL_CHECK(here.at() << ": rule " << rule.id << " has no `description`");
      if (rule.fires.empty())
        FAIL_CHECK(here.at() << ": rule " << rule.id << " has no `fires` example");
      for (const PackExample& e : rule.fires) {
        const auto found = lint(linter, e.text);
        if (count_rule(found, rule.id) == 0) {
          FAIL_CHECK(Where{pack, e.position}.at()
                     << ": rule " << rule.id << ": `fires` example does not fire: " << e.text
                     << " (found: " << rules_found(found) << ")");
        }
        ++checked;
      }
      for (const PackExample& e : rule.silent) {
        const auto found = lint(linter, e.text);
        if (count_rule(found, rule.id) != 0) {
          FAIL_CHECK(Where{pack, e.position}.at()
                     << ": rule " << rule.id << ": `silent` example fires: " << e.text);
        }
        ++checked;
      }
      // A variant or a dependent noun is not wrong on its own: only the examples speak for
      // consistency and spacing rules.
      const bool literal_entries =
          rule.kind == RuleKind::substitution || rule.kind == RuleKind::existence;
      for (const PackEntry& entry : rule.entries) {
        if (!literal_entries) continue;
        const Where at{pack, entry.position};
        const auto wrong = lint(linter, entry.wrong);
        if (count_rule(wrong, rule.id) == 0) {
          FAIL_CHECK(at.at() << ": rule " << rule.id << ": entry '" << entry.wrong
                             << "' written alone is not found (found: " << rules_found(wrong)
                             << ")");
        }
        if (!entry.right.empty()) {
          const auto right = lint(linter, entry.right);
          if (!right.empty()) {
            FAIL_CHECK(at.at() << ": rule " << rule.id << ": the right form '" << entry.right
                               << "' is itself reported: " << rules_found(right));
          }
        }
        checked += 2;
      }
    }
  }
  CHECK(checked > 0);
}

TEST_CASE("no text is claimed by two pack rules", "[rules][packs]") {
  const fs::path dir = fs::path(FACTLINT_SOURCE_DIR) / "rules";
  auto loaded = PackLibrary::load(dir);
  if (auto* error = std::get_if<UserError>(&loaded)) FAIL(error->format());
  const RuleSetup& rules = std::get<std::unique_ptr<PackLibrary>>(loaded)->builtin();
  std::map<std::pair<std::string, MatchMode>, std::pair<const Pack*, const PackRule*>> seen;
  for (const Pack* pack : rules.packs) {
    for (const PackRule& rule : pack->rules) {
      if (rule.kind == RuleKind::spacing) continue;  // Nouns shared by design (see pack.cpp).
      for (const PackEntry& entry : rule.entries) {
        auto [it, fresh] =
            seen.emplace(std::make_pair(entry.wrong, entry.match), std::make_pair(pack, &rule));
        if (!fresh) {
          FAIL_CHECK(Where{pack, entry.position}.at()
                     << ": entry '" << entry.wrong << "' of rule " << rule.id << " is also in rule "
                     << it->second.second->id << " ("
                     << fs::path(it->second.first->path).filename().string() << ")");
        }
      }
    }
  }
}
