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

std::string message_of(const std::error_code& ec) {
  return ec.message().empty() ? "unknown error" : ec.message();
}

/// Collects the lintable files below `dir` into `found`, one folder level at a time.
void walk(const fs::path& dir, const ExcludeFn& excluded, std::vector<std::string>& found,
          std::vector<UserError>& errors) {
  std::error_code ec;
  fs::directory_iterator it(dir, ec);
  if (ec) {
    errors.push_back({dir.string(), {1, 1}, "cannot read directory: " + message_of(ec)});
    return;
  }
  std::vector<fs::directory_entry> entries;
  for (; it != fs::directory_iterator(); it.increment(ec)) {
    if (ec) break;
    entries.push_back(*it);
  }
  if (ec) errors.push_back({dir.string(), {1, 1}, "cannot read directory: " + message_of(ec)});
  std::sort(entries.begin(), entries.end(),
            [](const auto& a, const auto& b) { return a.path().native() < b.path().native(); });
  for (const fs::directory_entry& entry : entries) {
    const fs::path& p = entry.path();
    const std::string name = p.filename().string();
    const bool link = entry.is_symlink(ec);
    const fs::file_status target = entry.status(ec);
    if (ec && !(link && !lintable(p))) {
      // A dangling link or a link loop named like an article is reported, not skipped silently.
      errors.push_back({p.string(), {1, 1}, "cannot read file: " + message_of(ec)});
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
      errors.push_back({arg, {1, 1}, "no such file or directory"});
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

std::optional<std::string> read_input(const Input& input, std::string& error) {
  if (input.is_stdin) {
    std::string bytes(std::istreambuf_iterator<char>(std::cin), {});
    if (std::cin.bad()) {
      error = "cannot read standard input";
      return std::nullopt;
    }
    return bytes;
  }
  std::ifstream in(input.path, std::ios::binary);
  if (!in) {
    error = std::string("cannot read file: ") + std::strerror(errno);
    return std::nullopt;
  }
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
  if (in.bad()) {
    error = std::string("cannot read file: ") + std::strerror(errno);
    return std::nullopt;
  }
  return bytes;
}

}  // namespace factlint::cli
