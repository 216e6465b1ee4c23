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

void walk(const fs::path& dir, std::vector<Input>& out, std::vector<UserError>& errors) {
  std::error_code ec;
  std::vector<std::string> found;
  fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec);
  if (ec) {
    errors.push_back({dir.string(), {1, 1}, "cannot read directory: " + ec.message()});
    return;
  }
  for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) {
      errors.push_back({dir.string(), {1, 1}, "cannot read directory: " + ec.message()});
      return;
    }
    const fs::path& p = it->path();
    const std::string name = p.filename().string();
    if (it->is_directory(ec)) {
      if (!name.empty() && name[0] == '.') it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file(ec) && lintable(p)) found.push_back(p.string());
  }
  std::sort(found.begin(), found.end());
  for (auto& f : found) out.push_back({std::move(f), false});
}

}  // namespace

std::vector<Input> collect_inputs(const std::vector<std::string>& args,
                                  std::vector<UserError>& errors) {
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
      walk(arg, inputs, errors);
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
