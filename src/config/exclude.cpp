#include "config/exclude.h"

#include <system_error>

namespace factlint {

namespace {

/// The length in bytes of the UTF-8 sequence that starts with `lead` (1 for a stray byte).
std::size_t utf8_length(unsigned char lead) {
  if (lead >= 0xF0 && lead < 0xF8) return 4;
  if (lead >= 0xE0) return lead < 0xF0 ? 3 : 1;
  if (lead >= 0xC0) return 2;
  return 1;
}

/// Decodes the code point at `s` (bounded by `end`), advancing `s`.
char32_t next_code_point(const char*& s, const char* end) {
  const auto lead = static_cast<unsigned char>(*s);
  std::size_t n = utf8_length(lead);
  if (static_cast<std::size_t>(end - s) < n) n = 1;
  char32_t cp = n == 1 ? lead : lead & (0x7F >> n);
  for (std::size_t i = 1; i < n; ++i) cp = (cp << 6) | (static_cast<unsigned char>(s[i]) & 0x3F);
  s += n;
  return cp;
}

class Glob {
 public:
  explicit Glob(std::string_view pattern)
      : begin_(pattern.data()), end_(pattern.data() + pattern.size()) {}

  bool match(const char* p, const char* s, const char* se) const {
    while (p < end_) {
      switch (*p) {
        case '*':
          return star(p, s, se);
        case '?':
          if (s == se || *s == '/') return false;
          next_code_point(s, se);
          ++p;
          break;
        case '[': {
          const char* after = nullptr;
          if (s == se || *s == '/') return false;
          const char* t = s;
          const char32_t c = next_code_point(t, se);
          const std::optional<bool> in = in_class(p, c, after);
          if (!in) {  // An unterminated '[' is a literal.
            if (*s != '[') return false;
            ++p;
            ++s;
            break;
          }
          if (!*in) return false;
          p = after;
          s = t;
          break;
        }
        case '\\':
          if (p + 1 < end_) ++p;
          [[fallthrough]];
        default:
          if (s == se || *s != *p) return false;
          ++p;
          ++s;
      }
    }
    return s == se;
  }

 private:
  bool star(const char* p, const char* s, const char* se) const {
    const char* q = p;
    while (q < end_ && *q == '*') ++q;
    const bool double_star = q - p >= 2;
    const bool starts_segment = p == begin_ || p[-1] == '/';
    const bool ends_segment = q == end_ || *q == '/';
    if (double_star && starts_segment && ends_segment) {
      if (q == end_) return true;  // "x/**": everything below x.
      ++q;                         // "**/": zero or more whole folders.
      for (const char* t = s;;) {
        if (match(q, t, se)) return true;
        while (t < se && *t != '/') ++t;
        if (t == se) return false;
        ++t;
      }
    }
    for (const char* t = s;; ++t) {  // '*' (and a '**' inside a name): never crosses '/'.
      if (match(q, t, se)) return true;
      if (t == se || *t == '/') return false;
    }
  }

  /// Whether `c` is in the class that starts at `p` ('['); nullopt when the class is not closed.
  /// `after` is set past the closing ']'.
  std::optional<bool> in_class(const char* p, char32_t c, const char*& after) const {
    const char* q = p + 1;
    bool negate = false;
    if (q < end_ && (*q == '!' || *q == '^')) {
      negate = true;
      ++q;
    }
    bool found = false;
    bool first = true;
    while (q < end_ && (*q != ']' || first)) {
      first = false;
      if (*q == '\\' && q + 1 < end_) ++q;
      const char32_t low = next_code_point(q, end_);
      char32_t high = low;
      if (q + 1 < end_ && *q == '-' && q[1] != ']') {
        ++q;
        if (*q == '\\' && q + 1 < end_) ++q;
        high = next_code_point(q, end_);
      }
      if (low <= c && c <= high) found = true;
    }
    if (q >= end_) return std::nullopt;
    after = q + 1;
    return found != negate;
  }

  const char* begin_;
  const char* end_;
};

}  // namespace

bool glob_match(std::string_view pattern, std::string_view text) {
  return Glob(pattern).match(pattern.data(), text.data(), text.data() + text.size());
}

std::optional<ExcludePattern> ExcludePattern::parse(std::string_view text) {
  ExcludePattern p;
  if (text.starts_with('!')) {
    p.negated = true;
    text.remove_prefix(1);
  } else if (text.starts_with("\\!") || text.starts_with("\\#")) {
    text.remove_prefix(1);
  }
  if (text.ends_with('/')) {
    p.dir_only = true;
    while (text.ends_with('/')) text.remove_suffix(1);
  }
  // A slash at the start or in the middle anchors the pattern to its base folder.
  if (text.find('/') != std::string_view::npos) p.anchored = true;
  while (text.starts_with('/')) text.remove_prefix(1);
  if (text.empty()) return std::nullopt;
  p.glob = std::string(text);
  return p;
}

bool ExcludePattern::matches(std::string_view relative, bool is_dir) const {
  if (dir_only && !is_dir) return false;
  if (anchored) return glob_match(glob, relative);
  const std::size_t slash = relative.rfind('/');
  return glob_match(glob, slash == std::string_view::npos ? relative : relative.substr(slash + 1));
}

ExcludeList::ExcludeList(const std::filesystem::path& base) {
  std::error_code ec;
  base_ = std::filesystem::absolute(base, ec).lexically_normal();
}

bool ExcludeList::add(std::string_view pattern) {
  auto parsed = ExcludePattern::parse(pattern);
  if (!parsed) return false;
  patterns_.push_back(std::move(*parsed));
  return true;
}

std::optional<bool> ExcludeList::decide(const std::filesystem::path& absolute, bool is_dir) const {
  if (patterns_.empty()) return std::nullopt;
  const std::filesystem::path relative = absolute.lexically_relative(base_);
  std::string rel = relative.generic_string();
  if (rel.empty() || rel == "." || rel == ".." || rel.starts_with("../")) return std::nullopt;
  while (rel.ends_with('/')) rel.pop_back();
  // The last matching pattern decides, as in .gitignore.
  for (auto it = patterns_.rbegin(); it != patterns_.rend(); ++it) {
    if (it->matches(rel, is_dir)) return !it->negated;
  }
  return std::nullopt;
}

}  // namespace factlint
