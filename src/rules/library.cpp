#include "rules/library.h"

#include <fmt/format.h>
#include <sys/stat.h>
#include <unicode/uversion.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <system_error>

#include "checks/registry.h"
#include "io/file.h"
#include "report/lang.h"
#include "rules/pack_blob.h"
#include "rules/pack_check.h"

namespace factlint {

namespace fs = std::filesystem;

namespace {

fs::path executable_dir() {
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  return ec ? fs::path() : exe.parent_path();
}

bool is_dir(const fs::path& p) {
  std::error_code ec;
  return !p.empty() && fs::is_directory(p, ec);
}

std::unique_ptr<RuleSetup> make_setup(std::shared_ptr<const CompiledPacks> compiled) {
  auto setup = std::make_unique<RuleSetup>();
  setup->packs = compiled->packs();
  for (const RuleInfo& rule : compiled->rules()) setup->catalog.add(rule);
  std::vector<std::unique_ptr<Check>> extra;
  extra.push_back(make_pack_check(compiled));
  setup->compiled = std::move(compiled);
  setup->linter = std::make_unique<Linter>(std::move(extra));
  return setup;
}

/// This executable and the ICU it runs with, as a cache key: a rebuilt or different binary, or
/// another ICU (which normalizes the entries), never reads what this one wrote. 0 when unknown.
std::uint64_t build_identity() {
  struct stat st {};
  if (stat("/proc/self/exe", &st) != 0) return 0;
  UVersionInfo icu;
  u_getVersion(icu);
  return content_hash(fmt::format("{} {} {} {}.{} {}.{}.{}", st.st_dev, st.st_ino, st.st_size,
                                  st.st_mtim.tv_sec, st.st_mtim.tv_nsec, icu[0], icu[1], icu[2]));
}

/// Where parsed house packs and the automata of configs' packs are kept between runs:
/// $FACTLINT_CACHE_DIR (set but empty: no cache), else $XDG_CACHE_HOME/factlint, else
/// ~/.cache/factlint. Empty when there is none.
fs::path pack_cache_dir() {
  if (const char* dir = std::getenv("FACTLINT_CACHE_DIR")) {
    return *dir != '\0' ? fs::path(dir) / "packs" : fs::path();
  }
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg != nullptr && *xdg == '/') {
    return fs::path(xdg) / "factlint" / "packs";
  }
  if (const char* home = std::getenv("HOME"); home != nullptr && *home == '/') {
    return fs::path(home) / ".cache" / "factlint" / "packs";
  }
  return {};
}

/// Writes a cache file whole or not at all: a run reading it meanwhile sees the old one or the
/// new one. A failure leaves the run as it was (the pack was parsed anyway).
void store_atomically(const fs::path& file, std::string_view image) {
  std::error_code ec;
  fs::create_directories(file.parent_path(), ec);
  if (ec) return;
  ReplaceOptions options;
  options.durable = false;  // a cache lost in a crash is parsed again
  replace_file(file, image, options);
}

}  // namespace

std::variant<Pack, UserError> load_house_pack(const std::string& path) {
  const auto text = read_file(path);
  if (!text) return load_pack(path);  // its error
  const fs::path dir = pack_cache_dir();
  const std::uint64_t build = dir.empty() ? 0 : build_identity();
  if (build == 0) return parse_pack(*text, path);
  // The pack's bytes name its cache file: an edited pack is parsed again.
  const std::uint64_t hash = content_hash(*text);
  const fs::path cached = dir / fmt::format("{:016x}-{:016x}.pack", hash, build);
  if (const auto bytes = read_file(cached.string())) {
    if (auto image = read_pack_image(*bytes); image && image->sources.size() == 1 &&
                                              image->sources[0].hash == hash &&
                                              image->packs.size() == 1) {
      Pack pack = std::move(image->packs[0]);
      pack.path = path;
      return pack;
    }
  }
  auto parsed = parse_pack(*text, path);
  if (!std::holds_alternative<Pack>(parsed)) return parsed;
  std::vector<Pack> one;
  one.push_back(std::get<Pack>(std::move(parsed)));
  const Matcher none{std::vector<Pattern>{}};  // the image's tables are not used
  store_atomically(cached, save_pack_image({PackSource{"", hash}}, one, none));
  return std::move(one.front());
}

std::shared_ptr<const CompiledPacks> PackLibrary::compile_user_packs(
    const std::vector<const Pack*>& user) {
  const std::shared_ptr<const CompiledPacks>& base = builtin().compiled;
  std::optional<fs::path> cached;
  std::string tables;
  const fs::path dir = pack_cache_dir();
  if (const std::uint64_t build = dir.empty() ? 0 : build_identity(); build != 0) {
    // The automaton depends on the entries it is built from (the literals and how they match),
    // on where its numbers start (after the built-in entries), on the size of its full table
    // and on the build: all of them name its file. Hashing the entries costs far less than
    // building from them.
    std::string key =
        fmt::format("matcher {} {}\n", base->pattern_count(), CompiledPacks::kAddedDenseEntries);
    for (const Pack* pack : user) {
      for (const PackRule& rule : pack->rules) {
        for (const PackEntry& entry : rule.entries) {
          key += entry.wrong;
          key += fmt::format("\t{}\n", static_cast<int>(entry.match));
        }
      }
    }
    cached = dir / fmt::format("{:016x}-{:016x}.matcher", content_hash(key), build);
    if (auto bytes = read_file(cached->string())) tables = std::move(*bytes);
  }
  auto compiled = std::make_shared<const CompiledPacks>(base, user, std::move(tables));
  // A damaged or missing file is replaced by the tables just built.
  if (cached && !compiled->matcher().adopted()) {
    std::string image;
    compiled->matcher().save(image);
    store_atomically(*cached, image);
  }
  return compiled;
}

std::variant<std::optional<fs::path>, UserError> find_builtin_rules_dir() {
  if (const char* env = std::getenv("FACTLINT_RULES_DIR"); env != nullptr && *env != '\0') {
    if (!is_dir(env)) {
      return UserError{env,
                       {1, 1},
                       "FACTLINT_RULES_DIR: not a folder of rule packs",
                       "FACTLINT_RULES_DIR: 규칙 팩 폴더가 아닙니다"};
    }
    return std::optional<fs::path>(env);
  }
  if (const fs::path exe = executable_dir(); !exe.empty()) {
    const fs::path installed = exe / ".." / "share" / "factlint" / "rules";
    if (is_dir(installed)) return std::optional<fs::path>(installed.lexically_normal());
  }
  const fs::path source = fs::path(FACTLINT_SOURCE_DIR) / "rules";
  if (is_dir(source)) return std::optional<fs::path>(source);
  return std::optional<fs::path>();
}

std::vector<std::string> pack_files(const fs::path& dir) {
  std::vector<std::string> files;
  std::error_code ec;
  for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->is_regular_file(ec) && it->path().extension() == ".toml") {
      files.push_back(it->path().string());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

const PackRule* RuleSetup::find_pack_rule(std::string_view id, const Pack** pack) const {
  for (const Pack* p : packs) {
    for (const PackRule& rule : p->rules) {
      if (rule.id != id) continue;
      if (pack != nullptr) *pack = p;
      return &rule;
    }
  }
  return nullptr;
}

std::variant<std::unique_ptr<PackLibrary>, UserError> PackLibrary::load(
    const std::optional<fs::path>& dir) {
  std::vector<Pack> packs;
  if (!dir) return from_packs(std::move(packs));
  const std::vector<std::string> files = pack_files(*dir);
  std::vector<std::string> texts;
  std::vector<PackSource> sources;
  for (const std::string& file : files) {
    auto text = read_file(file);
    if (!text) return std::get<UserError>(std::variant<Pack, UserError>(load_pack(file)));
    sources.push_back(
        {fs::path(file).lexically_relative(*dir).generic_string(), content_hash(*text)});
    texts.push_back(std::move(*text));
  }
  // The packs compiled into the executable, while the files are still exactly those.
  if (auto image = read_pack_image(builtin_pack_image()); image && image->sources == sources) {
    for (std::size_t i = 0; i < files.size(); ++i) image->packs[i].path = files[i];
    return from_packs(std::move(image->packs), image->matcher_tables);
  }
  for (std::size_t i = 0; i < files.size(); ++i) {
    auto parsed = parse_pack(texts[i], files[i]);
    if (auto* error = std::get_if<UserError>(&parsed)) return *error;
    packs.push_back(std::get<Pack>(std::move(parsed)));
  }
  return from_packs(std::move(packs));
}

std::variant<std::unique_ptr<PackLibrary>, UserError> PackLibrary::load_installed() {
  auto dir = find_builtin_rules_dir();
  if (auto* error = std::get_if<UserError>(&dir)) return *error;
  return load(std::get<std::optional<fs::path>>(dir));
}

std::variant<std::unique_ptr<PackLibrary>, UserError> PackLibrary::from_packs(
    std::vector<Pack> builtin, std::string_view matcher_tables) {
  std::unique_ptr<PackLibrary> library(new PackLibrary());
  for (Pack& pack : builtin)
    library->builtin_packs_.push_back(std::make_unique<Pack>(std::move(pack)));
  if (auto error = library->add_builtin_setup(matcher_tables)) return *error;
  return library;
}

std::optional<UserError> PackLibrary::add_builtin_setup(std::string_view matcher_tables) {
  std::vector<const Pack*> packs;
  for (const auto& pack : builtin_packs_) packs.push_back(pack.get());
  if (auto error = check_unique_ids(packs, RuleCatalog())) return error;
  setups_.emplace(
      "", make_setup(std::make_shared<const CompiledPacks>(std::move(packs), matcher_tables)));
  return std::nullopt;
}

const RuleSetup& PackLibrary::builtin() const {
  return *std::get<std::unique_ptr<RuleSetup>>(setups_.at(""));
}

std::variant<const Pack*, UserError> PackLibrary::user_pack(const Config& config,
                                                            const PackRef& ref) {
  std::error_code ec;
  if (!fs::is_regular_file(ref.path, ec)) {
    return UserError{
        config.path, ref.position,
        fmt::format("cannot read rule pack '{}': {}", ref.path, ec ? ec.message() : "not a file"),
        fmt::format("규칙 팩 '{}' 파일을 읽을 수 없습니다: {}", ref.path,
                    ec ? system_error_text(ec.value(), Lang::ko) : "파일이 아닙니다")};
  }
  const std::string key = fs::weakly_canonical(ref.path, ec).string();
  auto it = user_packs_.find(key);
  if (it == user_packs_.end()) {
    auto loaded = load_house_pack(ref.path);
    std::variant<std::unique_ptr<Pack>, UserError> entry =
        std::holds_alternative<UserError>(loaded)
            ? std::variant<std::unique_ptr<Pack>, UserError>(std::get<UserError>(loaded))
            : std::make_unique<Pack>(std::get<Pack>(std::move(loaded)));
    it = user_packs_.emplace(key, std::move(entry)).first;
  }
  if (const auto* error = std::get_if<UserError>(&it->second)) return *error;
  return std::get<std::unique_ptr<Pack>>(it->second).get();
}

std::variant<const RuleSetup*, UserError> PackLibrary::setup(const Config& config) {
  std::vector<const Pack*> user;
  std::string key;
  for (const PackRef& ref : config.packs) {
    auto pack = user_pack(config, ref);
    if (auto* error = std::get_if<UserError>(&pack)) return *error;
    user.push_back(std::get<const Pack*>(pack));
    // The same file named by two configs (by different relative paths) is one pack.
    key += fmt::format("{}\n", static_cast<const void*>(user.back()));
  }
  auto it = setups_.find(key);
  if (it == setups_.end()) {
    std::variant<std::unique_ptr<RuleSetup>, UserError> made;
    if (auto error = check_unique_ids(user, builtin().catalog)) {
      made = *error;
    } else {
      // The built-in automaton is shared; only the config's entries are compiled.
      made = make_setup(compile_user_packs(user));
    }
    it = setups_.emplace(key, std::move(made)).first;
  }
  if (const auto* error = std::get_if<UserError>(&it->second)) return *error;
  const RuleSetup* setup = std::get<std::unique_ptr<RuleSetup>>(it->second).get();
  for (const auto& [id, position] : config.pack_rule_ids) {
    if (setup->catalog.find(id) == nullptr) {
      return UserError{config.path, position,
                       fmt::format("unknown rule '{}' (see factlint --list-rules)", id),
                       fmt::format("알 수 없는 규칙 '{}' (factlint --list-rules 참고)", id)};
    }
  }
  return setup;
}

}  // namespace factlint
