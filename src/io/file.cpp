#include "io/file.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

namespace factlint {

namespace {

/// "what: the error of errno"; `what` may name the file with {} (ReplaceOptions::what).
std::string errno_text(std::string_view what, std::string_view file = {}) {
  const int error = errno;  // before anything below can change it
  return fmt::format("{}: {}", fmt::format(fmt::runtime(what), file), std::strerror(error));
}

}  // namespace

std::optional<std::string> read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) return std::nullopt;
  // Read at its size in one go: a string stream grows by copying, several times over for the
  // megabytes of a large house pack.
  const std::streamoff size = in.tellg();
  std::string text;
  if (size > 0) {
    text.resize(static_cast<std::size_t>(size));
    in.seekg(0);
    if (!in.read(text.data(), size)) return std::nullopt;
  }
  // A file that reports no size (a pipe, /proc) is read to its end.
  if (size <= 0) {
    in.clear();
    in.seekg(0);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    text = std::move(buffer).str();
  }
  return text;
}

std::optional<std::string> replace_file(const std::filesystem::path& target, std::string_view bytes,
                                        const ReplaceOptions& options) {
  std::string temp =
      (target.parent_path() / ("." + target.filename().string() + ".factlint-XXXXXX")).string();
  const int fd = mkstemp(temp.data());
  if (fd < 0) return errno_text("cannot create a temporary file next to it");
  auto fail = [&](std::string_view what) {
    std::string message = errno_text(what, options.what);
    close(fd);
    unlink(temp.c_str());
    return message;
  };
  std::size_t written = 0;
  while (written < bytes.size()) {
    const ssize_t n = write(fd, bytes.data() + written, bytes.size() - written);
    if (n < 0) {
      if (errno == EINTR) continue;
      return fail("cannot write the {}");
    }
    written += static_cast<std::size_t>(n);
  }
  if (options.mode && fchmod(fd, *options.mode & 07777) != 0) {
    return fail("cannot set permissions");
  }
  if (options.owner && fchown(fd, options.owner->first, options.owner->second) != 0 &&
      errno != EPERM) {
    return fail("cannot set owner");
  }
  if (options.durable && fsync(fd) != 0) return fail("cannot flush the {} to disk");
  if (close(fd) != 0) {
    std::string message = errno_text("cannot close the {}", options.what);
    unlink(temp.c_str());
    return message;
  }
  if (rename(temp.c_str(), target.c_str()) != 0) {
    std::string message = errno_text("cannot replace the file");
    unlink(temp.c_str());
    return message;
  }
  if (options.durable) {  // make the rename itself durable
    const int dir = open(target.parent_path().c_str(), O_RDONLY | O_DIRECTORY);
    if (dir >= 0) {
      fsync(dir);
      close(dir);
    }
  }
  return std::nullopt;
}

}  // namespace factlint
