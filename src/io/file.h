#pragma once
/// Reading a whole file and replacing one atomically: the file operations that the rule packs,
/// their cache and --fix share.

#include <sys/types.h>

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace factlint {

/// The bytes of a file, or nullopt (errno set) when it cannot be read.
std::optional<std::string> read_file(const std::string& path);

/// How replace_file treats the file it writes.
struct ReplaceOptions {
  /// Give the new file this mode and owner (the original's), rather than mkstemp's 0600 and the
  /// running user.
  std::optional<mode_t> mode;
  std::optional<std::pair<uid_t, gid_t>> owner;
  /// Flush the file and then its folder to disk before returning, so that the replacement
  /// survives a crash of the machine; a cache need not.
  bool durable = true;
  /// What the file is, in the error messages: "cannot write the {what}".
  std::string_view what = "file";
};

/// Replaces (or creates) `target` with `bytes` so that it is either entirely old or entirely new:
/// a temporary file in the same folder is written and renamed over it. Returns an error
/// message, and leaves `target` as it was and no temporary behind, on any failure.
std::optional<std::string> replace_file(const std::filesystem::path& target, std::string_view bytes,
                                        const ReplaceOptions& options);

}  // namespace factlint
