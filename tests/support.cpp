#include "support.h"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace factlint::test {

namespace {

std::string quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

// A new empty file /tmp/factlint-test-XXXXXX<tag>; the caller removes it.
std::string temp_path(const std::string& tag) {
  std::string name = "/tmp/factlint-test-XXXXXX" + tag;
  const int fd = mkstemps(name.data(), static_cast<int>(tag.size()));
  if (fd < 0) throw std::runtime_error("mkstemps failed");
  close(fd);
  return name;
}

}  // namespace

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

RunResult run_factlint(const std::vector<std::string>& args, const std::string& cwd,
                       const std::string& stdin_text, const std::vector<std::string>& env) {
  const std::string in_path = temp_path(".in");
  const std::string out_path = temp_path(".out");
  const std::string err_path = temp_path(".err");
  { std::ofstream(in_path, std::ios::binary) << stdin_text; }
  // No pack cache unless a test asks for one: runs must not depend on, or write to, the home
  // folder.
  std::string command =
      "cd " + quote(cwd) + " && env -u LC_ALL -u LC_MESSAGES -u LANG FACTLINT_CACHE_DIR=";
  for (const std::string& e : env) command += " " + quote(e);
  command += " " + quote(FACTLINT_BINARY);
  for (const std::string& a : args) command += " " + quote(a);
  command += " <" + quote(in_path) + " >" + quote(out_path) + " 2>" + quote(err_path);
  const int status = std::system(command.c_str());
  RunResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = read_file(out_path);
  r.err = read_file(err_path);
  for (const auto& p : {in_path, out_path, err_path}) std::remove(p.c_str());
  return r;
}

Document make_document(std::string text, std::string path) {
  auto loaded = Document::from_bytes(std::move(path), std::move(text));
  if (auto* error = std::get_if<LoadError>(&loaded)) {
    throw std::runtime_error("test document did not load: " + error->message);
  }
  return std::get<Document>(std::move(loaded));
}

std::filesystem::path make_temp_dir(std::string_view purpose) {
  std::string name = "/tmp/factlint-" + std::string(purpose) + "-XXXXXX";
  if (mkdtemp(name.data()) == nullptr) throw std::runtime_error("cannot make " + name);
  return name;
}

}  // namespace factlint::test
