#include "lint/fix.h"

#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iterator>
#include <set>

#include "io/file.h"
#include "lint/linter.h"
#include "text/document.h"

namespace factlint {

namespace {

struct RawEdit {
  std::size_t begin, end;
  const std::string* replacement;
};

std::string errno_text(std::string_view what) {
  return fmt::format("{}: {}", what, std::strerror(errno));
}

}  // namespace

FixResult apply_fixes(const Document& doc, const std::vector<Diagnostic>& diagnostics) {
  // Accepted edits ordered by (begin, end). They never overlap, so their ends ascend too, and an
  // edit can only collide with its neighbours: a lookup costs log n, not a pass over them all (a
  // one-line 10 MB file can have half a million fixes).
  auto before = [](const RawEdit& a, const RawEdit& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.end < b.end;
  };
  std::set<RawEdit, decltype(before)> accepted(before);
  auto overlap = [](const RawEdit& e, const RawEdit& a) {
    return (e.begin < a.end && a.begin < e.end) || (e.begin == a.begin && e.end == a.end);
  };
  auto collides = [&](const RawEdit& e) {
    auto it = accepted.lower_bound(RawEdit{e.begin, 0, nullptr});
    if (it != accepted.begin() && overlap(e, *std::prev(it))) return true;
    for (; it != accepted.end() && (it->begin < e.end || it->begin == e.begin); ++it)
      if (overlap(e, *it)) return true;
    return false;
  };
  FixResult result;
  for (const Diagnostic& d : diagnostics) {
    if (d.fix.empty()) continue;
    std::vector<RawEdit> edits;
    for (const Edit& e : d.fix) {
      edits.push_back(
          {doc.to_original(e.span.begin), doc.to_original(e.span.end, true), &e.replacement});
    }
    if (std::any_of(edits.begin(), edits.end(), collides)) {
      ++result.deferred;
      continue;
    }
    accepted.insert(edits.begin(), edits.end());
    ++result.applied;
  }
  const std::string_view original = doc.original();
  std::size_t at = 0;
  result.text.reserve(original.size());
  for (const RawEdit& e : accepted) {
    result.text.append(original.substr(at, e.begin - at));
    result.text.append(*e.replacement);
    at = e.end;
  }
  result.text.append(original.substr(at));
  return result;
}

FixResult fix_all(const Linter& linter, const Document& doc, const LintContext& context,
                  const RuleSeverities& severities) {
  constexpr int kMaxRounds = 8;
  FixResult total;
  total.text = std::string(doc.original());
  std::vector<Diagnostic> found = linter.lint(doc, context, severities);
  for (int round = 0; round < kMaxRounds; ++round) {
    // The format of the document, not of its name: batch mode and stdin name documents freely.
    auto loaded = Document::from_bytes(doc.path(), total.text, doc.format());
    const Document* current = std::get_if<Document>(&loaded);
    if (current == nullptr) break;  // Cannot happen: fixes are valid UTF-8 at character bounds.
    if (round > 0) found = linter.lint(*current, context, severities);
    FixResult step = apply_fixes(*current, found);
    if (step.applied == 0) break;
    total.applied += step.applied;
    total.deferred = step.deferred;
    total.text = std::move(step.text);
  }
  return total;
}

std::optional<std::string> write_atomically(const std::string& path, std::string_view bytes) {
  std::error_code ec;
  const std::filesystem::path target = std::filesystem::canonical(path, ec);
  if (ec) return fmt::format("cannot resolve path: {}", ec.message());
  struct stat st {};
  if (stat(target.c_str(), &st) != 0) return errno_text("cannot stat file");
  if (access(target.c_str(), W_OK) != 0) return errno_text("cannot write file");
  ReplaceOptions options;
  options.mode = st.st_mode;
  options.owner = std::pair{st.st_uid, st.st_gid};
  options.what = "fixed file";
  return replace_file(target, bytes, options);
}

}  // namespace factlint
