// Markup never changes what factlint finds: every corpus article (../shared/corpus, read at test
// time, never copied) is linted as plain text and as the HTML a CMS would store for it, with
// escaped characters, curly quotes and middle dots written as character references and inline
// tags inside words. Both must give the same findings, and each HTML finding must cover, in the
// HTML file, exactly the text its plain-text twin covers. Skipped when the corpus is absent.

#include <fmt/format.h>

#include <boost/json.hpp>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "lint/linter.h"
#include "report/location.h"
#include "rules/library.h"
#include "support.h"

namespace fs = std::filesystem;
using namespace factlint;

namespace {

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string::npos) end = text.size();
    if (end > pos) out.push_back(text.substr(pos, end - pos));
    pos = end + 1;
  }
  return out;
}

/// One line as HTML: references for & < > " “ ” ·, and every fifth long word split by <b>.
std::string to_html(const std::string& line, std::size_t& words) {
  std::string out;
  std::size_t word_start = 0;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const std::string_view rest = std::string_view(line).substr(i);
    if (line[i] == ' ') word_start = i + 1;
    // Split a word after its first syllable (3 bytes) when it has at least two more.
    if (i == word_start + 3 && line.size() - word_start >= 9 && ++words % 5 == 0 &&
        static_cast<unsigned char>(line[word_start]) >= 0xEA) {
      out += "<b>";
    }
    if (line[i] == '&') {
      out += "&amp;";
    } else if (line[i] == '<') {
      out += "&lt;";
    } else if (line[i] == '>') {
      out += "&gt;";
    } else if (line[i] == '"') {
      out += "&quot;";
    } else if (rest.starts_with("“")) {
      out += "&ldquo;", i += 2;
    } else if (rest.starts_with("”")) {
      out += "&rdquo;", i += 2;
    } else if (rest.starts_with("·")) {
      out += "&middot;", i += 1;
    } else {
      out += line[i];
    }
  }
  return out;
}

/// The HTML bytes of a span with tags dropped and the references above decoded.
std::string html_text(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    if (s[i] == '<') {
      const std::size_t close = s.find('>', i);
      if (close == std::string_view::npos) break;
      i = close + 1;
      continue;
    }
    bool decoded = false;
    for (auto [ref, text] : {std::pair{"&amp;", "&"},
                             {"&lt;", "<"},
                             {"&gt;", ">"},
                             {"&quot;", "\""},
                             {"&ldquo;", "“"},
                             {"&rdquo;", "”"},
                             {"&middot;", "·"}}) {
      if (s.substr(i).starts_with(ref)) {
        out += text;
        i += std::string_view(ref).size();
        decoded = true;
        break;
      }
    }
    if (!decoded) out += s[i++];
  }
  return out;
}

}  // namespace

TEST_CASE("HTML markup and references change no finding on real news", "[html][corpus]") {
  const char* env = std::getenv("FACTLINT_CORPUS_DIR");
  const fs::path corpus =
      fs::path(env != nullptr ? env : FACTLINT_CORPUS_DIR) / "wikinews-ko" / "articles.jsonl";
  if (!fs::exists(corpus)) {
    WARN("corpus not found at " << corpus << "; skipped");
    return;
  }
  auto library = PackLibrary::load_installed();
  REQUIRE(std::holds_alternative<std::unique_ptr<PackLibrary>>(library));
  const Linter& linter = *std::get<std::unique_ptr<PackLibrary>>(library)->builtin().linter;
  std::ifstream in(corpus);
  std::size_t articles = 0;
  std::size_t compared = 0;
  for (std::string json; std::getline(in, json);) {
    const auto article = boost::json::parse(json).as_object();
    const std::string id(article.at("id").as_string());
    // Every line its own paragraph, in both forms, so that both have the same structure.
    std::vector<std::string> lines = {std::string(article.at("title").as_string())};
    for (auto& l : lines_of(std::string(article.at("text").as_string()))) lines.push_back(l);
    std::string text;
    std::string page = "<!DOCTYPE html>\n<html><body>\n";
    std::size_t words = 0;
    for (std::size_t i = 0; i < lines.size(); ++i) {
      text += lines[i] + "\n\n";
      const char* tag = i == 0 ? "h1" : "p";
      page += fmt::format("  <{}>{}</{}>\n\n", tag, to_html(lines[i], words), tag);
    }
    page += "</body></html>\n";
    LintContext context;
    context.published = CivilDate::parse_iso(std::string(article.at("published").as_string()));
    const Document plain = test::make_document(text, id + ".txt");
    const Document html = test::make_document(page, id + ".html");
    // Spaces at line ends are not findings in HTML (docs/html.md): leave that rule out.
    const RuleSeverities severities = {{"typography/whitespace", std::nullopt}};
    std::multimap<std::pair<std::string, std::string>, std::string> expected;
    for (const Diagnostic& d : linter.lint(plain, context, severities)) {
      const Location at = locate(plain, d.span);
      expected.emplace(std::pair{std::string(d.rule), d.message.str()},
                       std::string(plain.original().substr(at.byte_offset, at.byte_length)));
    }
    std::size_t found = 0;
    for (const Diagnostic& d : linter.lint(html, context, severities)) {
      const Location at = locate(html, d.span);
      const std::string covered = html_text(html.original().substr(at.byte_offset, at.byte_length));
      INFO(id << ": " << d.rule << " " << d.message << " covering '" << covered << "'");
      bool matched = false;
      auto [first, last] = expected.equal_range({std::string(d.rule), d.message.str()});
      for (auto it = first; it != last && !matched; ++it) matched = it->second == covered;
      CHECK(matched);
      ++found;
    }
    CHECK(found == expected.size());
    compared += found;
    ++articles;
  }
  CHECK(articles > 600);
  CHECK(compared > 300);
}
