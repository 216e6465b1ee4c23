// Build step: compiles the built-in rule packs (rules/**/*.toml) into the image that the
// factlint executable carries (see src/rules/pack_blob.h), and writes the C++ source that embeds
// it. Usage: factlint_compile_packs RULES_DIR IMAGE_OUT SOURCE_OUT
#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <iostream>

#include "report/lang.h"
#include "rules/library.h"
#include "rules/pack.h"
#include "rules/pack_blob.h"
#include "rules/pack_check.h"

namespace fs = std::filesystem;
using namespace factlint;

namespace {

bool write(const std::string& path, std::string_view bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  return static_cast<bool>(out.flush());
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4) {
    std::cerr << "usage: factlint_compile_packs RULES_DIR IMAGE_OUT SOURCE_OUT\n";
    return 2;
  }
  const fs::path dir = argv[1];
  // A pack error stops the build: it is shown in the language factlint itself would use.
  const Lang lang = lang_from_environment();
  std::vector<PackSource> sources;
  std::vector<Pack> packs;
  for (const std::string& file : pack_files(dir)) {
    const auto text = read_file(file);
    auto parsed =
        text ? parse_pack(*text, file)
             : std::variant<Pack, UserError>(UserError{
                   file, {1, 1}, "cannot read the rule pack", "규칙 팩을 읽을 수 없습니다"});
    if (auto* error = std::get_if<UserError>(&parsed)) {
      std::cerr << error->format(lang) << '\n';
      return 2;
    }
    const std::string relative = fs::path(file).lexically_relative(dir).generic_string();
    sources.push_back({relative, content_hash(*text)});
    packs.push_back(std::get<Pack>(std::move(parsed)));
    packs.back().path = relative;
  }
  std::vector<const Pack*> pointers;
  for (const Pack& pack : packs) pointers.push_back(&pack);
  if (auto error = check_unique_ids(pointers, RuleCatalog())) {
    std::cerr << error->format(lang) << '\n';
    return 2;
  }
  const CompiledPacks compiled(pointers);
  const std::string image = save_pack_image(sources, packs, compiled.matcher());
  const std::string image_path = fs::absolute(argv[2]).string();
  // The hash in the source makes a compiler cache see a new image as a new source.
  const std::string source = fmt::format(
      "// Generated at build time from the rule packs; do not edit. Image hash {:016x}.\n"
      "#include <string_view>\n"
      "extern \"C\" const char factlint_pack_image_begin[];\n"
      "extern \"C\" const char factlint_pack_image_end[];\n"
      "asm(\".section .rodata\\n.balign 16\\n.globl factlint_pack_image_begin\\n"
      "factlint_pack_image_begin:\\n.incbin \\\"{}\\\"\\n.globl factlint_pack_image_end\\n"
      "factlint_pack_image_end:\\n.previous\\n\");\n"
      "namespace factlint {{\n"
      "std::string_view builtin_pack_image() {{\n"
      "  return {{factlint_pack_image_begin,\n"
      "          static_cast<std::size_t>(factlint_pack_image_end - factlint_pack_image_begin)}};\n"
      "}}\n"
      "}}  // namespace factlint\n",
      content_hash(image), image_path);
  if (!write(argv[2], image) || !write(argv[3], source)) {
    std::cerr << (lang == Lang::ko ? "factlint_compile_packs: 이미지를 쓸 수 없습니다\n"
                                   : "factlint_compile_packs: cannot write the image\n");
    return 2;
  }
  return 0;
}
