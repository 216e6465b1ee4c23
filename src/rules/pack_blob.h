#pragma once
/// The built-in packs compiled at build time: their rules and their matcher tables in one
/// binary image that the executable carries (see src/tools/compile_packs.cpp). Loading the image
/// costs a fraction of parsing the TOML and building the automaton again. The TOML files stay
/// the source of truth: the image records a hash of each file it was made from, and is used only
/// while the files found at run time are exactly those.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rules/pack.h"

namespace factlint {

class Matcher;

/// A pack file as the image saw it: its path below the rules folder and a hash of its bytes.
struct PackSource {
  std::string relative_path;
  std::uint64_t hash = 0;
  friend bool operator==(const PackSource&, const PackSource&) = default;
};

/// A fast 64-bit hash of `bytes` (to notice a changed file, not for security).
std::uint64_t content_hash(std::string_view bytes);

/// Writes the image of `packs` (loaded from `sources`, in that order) and of `matcher`, the
/// matcher CompiledPacks builds for them.
std::string save_pack_image(const std::vector<PackSource>& sources, const std::vector<Pack>& packs,
                            const Matcher& matcher);

/// What an image holds. `matcher_tables` points into the image, which must outlive it.
struct PackImage {
  std::vector<PackSource> sources;
  std::vector<Pack> packs;  ///< Pack::path relative to the rules folder.
  std::string_view matcher_tables;
};

/// Reads an image written by save_pack_image() by this same build; nullopt when it is empty or
/// not one.
std::optional<PackImage> read_pack_image(std::string_view image);

/// The image compiled into this executable, or an empty view.
std::string_view builtin_pack_image();

}  // namespace factlint
