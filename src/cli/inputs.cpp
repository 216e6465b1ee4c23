#include "cli/inputs.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <system_error>

namespace factlint::cli {

namespace fs = std::filesystem;

namespace {

bool lintable(const fs::path& p) {
  const std::string ext = p.extension().string();
  return ext == ".txt" || ext == ".md" || ext == ".html" || ext == ".htm";
}

/// "cannot read directory: Permission denied" and its Korean form, for `path`.
UserError cannot_read(const fs::path& path, bool directory, const std::error_code& ec) {
  return {path.string(),
          {1, 1},
          (directory ? "cannot read directory: " : "cannot read file: ") +
              system_error_text(ec.value(), Lang::en),
          (directory ? "폴더를 읽을 수 없습니다: " : "파일을 읽을 수 없습니다: ") +
              system_error_text(ec.value(), Lang::ko)};
}

/// Collects the lintable files below `dir` into `found`, one folder level at a time.
void walk(const fs::path& dir, const ExcludeFn& excluded, std::vector<std::string>& found,
          std::vector<UserError>& errors) {
  std::error_code ec;
  fs::directory_iterator it(dir, ec);
  if (ec) {
    errors.push_back(cannot_read(dir, true, ec));
    return;
  }
  std::vector<fs::directory_entry> entries;
  for (; it != fs::directory_iterator(); it.increment(ec)) {
    if (ec) break;
    entries.push_back(*it);
  }
  if (ec) errors.push_back(cannot_read(dir, true, ec));
  std::sort(entries.begin(), entries.end(),
            [](const auto& a, const auto& b) { return a.path().native() < b.path().native(); });
  for (const fs::directory_entry& entry : entries) {
    const fs::path& p = entry.path();
    const std::string name = p.filename().string();
    const bool link = entry.is_symlink(ec);
    const fs::file_status target = entry.status(ec);
    if (ec && !(link && !lintable(p))) {
      // A dangling link or a link loop named like an article is reported, not skipped silently.
      errors.push_back(cannot_read(p, false, ec));
      continue;
    }
    if (fs::is_directory(target)) {
      if (link || name.starts_with('.')) continue;
      if (excluded && excluded(fs::absolute(p, ec).lexically_normal(), true)) continue;
      walk(p, excluded, found, errors);
    } else if (fs::is_regular_file(target) && lintable(p)) {
      if (excluded && excluded(fs::absolute(p, ec).lexically_normal(), false)) continue;
      found.push_back(p.string());
    }
  }
}

}  // namespace

std::vector<Input> collect_inputs(const std::vector<std::string>& args,
                                  std::vector<UserError>& errors, const ExcludeFn& excluded) {
  std::vector<Input> inputs;
  for (const std::string& arg : args) {
    if (arg == "-") {
      inputs.push_back({"-", true});
      continue;
    }
    std::error_code ec;
    const fs::file_status status = fs::status(arg, ec);
    if (ec || !fs::exists(status)) {
      errors.push_back({arg, {1, 1}, "no such file or directory", "그런 파일이나 폴더가 없습니다"});
    } else if (fs::is_directory(status)) {
      std::vector<std::string> found;
      walk(arg, excluded, found, errors);
      // Sorted by whole path, so the order does not depend on the file system.
      std::sort(found.begin(), found.end());
      for (auto& f : found) inputs.push_back({std::move(f), false});
    } else {
      inputs.push_back({arg, false});
    }
  }
  return inputs;
}

std::optional<std::string> read_input(const Input& input, UserError& error) {
  error.path = input.path;
  error.position = {1, 1};
  auto fail = [&error](int code) {
    error.message = "cannot read file: " + system_error_text(code, Lang::en);
    error.message_ko = "파일을 읽을 수 없습니다: " + system_error_text(code, Lang::ko);
    return std::nullopt;
  };
  if (input.is_stdin) {
    std::string bytes(std::istreambuf_iterator<char>(std::cin), {});
    if (std::cin.bad()) {
      error.message = "cannot read standard input";
      error.message_ko = "표준 입력을 읽을 수 없습니다";
      return std::nullopt;
    }
    return bytes;
  }
  std::ifstream in(input.path, std::ios::binary);
  if (!in) return fail(errno);
  std::string bytes;
  in.seekg(0, std::ios::end);
  const auto size = in.tellg();
  if (size > 0) {
    bytes.resize(static_cast<std::size_t>(size));
    in.seekg(0);
    in.read(bytes.data(), size);
  } else {
    in.clear();
    in.seekg(0);
    bytes.assign(std::istreambuf_iterator<char>(in), {});
  }
  if (in.bad()) return fail(errno);
  return bytes;
}

}  // namespace factlint::cli
