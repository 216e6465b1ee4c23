#include "rules/pack_blob.h"

#include <algorithm>
#include <cstring>
#include <type_traits>

#include "rules/matcher.h"

namespace factlint {

namespace {

// Bump when the layout of Pack or of the matcher tables changes; an image of another version
// is ignored (the packs are then parsed from TOML).
constexpr std::string_view kMagic = "factlint-packs-5";

class Writer {
 public:
  explicit Writer(std::string& out) : out_(out) {}
  void u32(std::uint32_t v) { raw(&v, sizeof v); }
  void u64(std::uint64_t v) { raw(&v, sizeof v); }
  void str(std::string_view s) {
    u32(static_cast<std::uint32_t>(s.size()));
    out_.append(s);
  }
  void raw(const void* p, std::size_t n) { out_.append(static_cast<const char*>(p), n); }

 private:
  std::string& out_;
};

class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
  bool ok() const { return ok_; }
  std::size_t position() const { return at_; }
  std::size_t remaining() const { return in_.size() - at_; }
  std::uint32_t u32() {
    std::uint32_t v = 0;
    raw(&v, sizeof v);
    return v;
  }
  std::uint64_t u64() {
    std::uint64_t v = 0;
    raw(&v, sizeof v);
    return v;
  }
  std::string str() { return std::string(view(u32())); }
  std::string_view view(std::size_t n) {
    if (!ok_ || n > in_.size() - at_) {
      ok_ = false;
      return {};
    }
    const std::string_view out = in_.substr(at_, n);
    at_ += n;
    return out;
  }
  void raw(void* p, std::size_t n) {
    const std::string_view bytes = view(n);
    if (ok_) std::memcpy(p, bytes.data(), n);
  }

 private:
  std::string_view in_;
  std::size_t at_ = 0;
  bool ok_ = true;
};

// One function per type serves both directions: `io(w, x)` writes x, `io(r, x)` reads into it.
void io(Writer& w, const std::string& s) { w.str(s); }
void io(Reader& r, std::string& s) { s = r.str(); }
void io(Writer& w, std::uint32_t v) { w.u32(v); }
void io(Reader& r, std::uint32_t& v) { v = r.u32(); }
void io(Writer& w, std::uint64_t v) { w.u64(v); }
void io(Reader& r, std::uint64_t& v) { v = r.u64(); }

template <class E>
requires std::is_enum_v<E>
void io(Writer& w, E e) { w.u32(static_cast<std::uint32_t>(e)); }
template <class E>
requires std::is_enum_v<E>
void io(Reader& r, E& e) { e = static_cast<E>(r.u32()); }

void io(Writer& w, const Position& p) {
  w.u32(static_cast<std::uint32_t>(p.line));
  w.u32(static_cast<std::uint32_t>(p.column));
}
void io(Reader& r, Position& p) {
  p.line = r.u32();
  p.column = r.u32();
}

template <class T>
void io(Writer& w, const std::vector<T>& items) {
  w.u32(static_cast<std::uint32_t>(items.size()));
  for (const T& item : items) io(w, item);
}
template <class T>
void io(Reader& r, std::vector<T>& items) {
  const std::uint32_t n = r.u32();
  items.clear();
  // Every item takes four bytes at least: a damaged count cannot reserve more than the image.
  items.reserve(std::min<std::size_t>(n, r.remaining() / 4));
  for (std::uint32_t i = 0; i < n && r.ok(); ++i) io(r, items.emplace_back());
}

template <class T>
void io(Writer& w, const std::optional<T>& value) {
  w.u32(value ? 1 : 0);
  if (value) io(w, *value);
}
template <class T>
void io(Reader& r, std::optional<T>& value) {
  value.reset();
  if (r.u32() != 0) io(r, value.emplace());
}

// Structs: the same field list for both directions.
template <class A, class L>
void io(A& a, L& x) requires std::is_same_v<std::remove_const_t<L>, Localized> {
  io(a, x.en);
  io(a, x.ko);
}
template <class A, class E>
void io(A& a, E& x) requires std::is_same_v<std::remove_const_t<E>, PackEntry> {
  io(a, x.wrong);
  io(a, x.right);
  io(a, x.match);
  io(a, x.reference);
  io(a, x.note);
  io(a, x.position);
  io(a, x.group);
}
template <class A, class X>
void io(A& a, X& x) requires std::is_same_v<std::remove_const_t<X>, PackExample> {
  io(a, x.text);
  io(a, x.position);
}
template <class A, class S>
void io(A& a, S& x) requires std::is_same_v<std::remove_const_t<S>, SpacingContext> {
  io(a, x.after);
  io(a, x.then);
  io(a, x.except);
  io(a, x.next);
}
template <class A, class R>
void io(A& a, R& x) requires std::is_same_v<std::remove_const_t<R>, PackRule> {
  io(a, x.id);
  io(a, x.kind);
  io(a, x.severity);
  io(a, x.message);
  io(a, x.description);
  io(a, x.reference);
  io(a, x.fires);
  io(a, x.silent);
  io(a, x.entries);
  io(a, x.spacing);
  io(a, x.position);
}
template <class A, class P>
void io(A& a, P& x) requires std::is_same_v<std::remove_const_t<P>, Pack> {
  io(a, x.path);
  io(a, x.id);
  io(a, x.language);
  io(a, x.description);
  io(a, x.particles);
  io(a, x.rules);
}
template <class A, class P>
void io(A& a, P& x) requires std::is_same_v<std::remove_const_t<P>, PackSource> {
  io(a, x.relative_path);
  io(a, x.hash);
}

}  // namespace

std::uint64_t content_hash(std::string_view bytes) {
  // Eight bytes a step: the packs are hashed on every start-up. Not for security, only to tell
  // whether a file changed since the build.
  std::uint64_t h = 0x9E3779B97F4A7C15ull ^ bytes.size();
  auto mix = [&h](std::uint64_t w) {
    h = (h ^ w) * 0xFF51AFD7ED558CCDull;
    h ^= h >> 32;
  };
  std::size_t i = 0;
  for (; i + 8 <= bytes.size(); i += 8) {
    std::uint64_t w;
    std::memcpy(&w, bytes.data() + i, sizeof w);
    mix(w);
  }
  std::uint64_t last = 0;
  std::memcpy(&last, bytes.data() + i, bytes.size() - i);
  mix(last);
  return h;
}

std::string save_pack_image(const std::vector<PackSource>& sources, const std::vector<Pack>& packs,
                            const Matcher& matcher) {
  std::string out;
  Writer w(out);
  w.raw(kMagic.data(), kMagic.size());
  io(w, sources);
  io(w, packs);
  std::string tables;
  matcher.save(tables);
  // The tables are read in place: keep them 8-byte aligned within the image (which the
  // executable aligns too).
  while ((out.size() + sizeof(std::uint32_t)) % 8 != 0) out.push_back('\0');
  w.u32(static_cast<std::uint32_t>(tables.size()));
  out += tables;
  return out;
}

std::optional<PackImage> read_pack_image(std::string_view image) {
  if (!image.starts_with(kMagic)) return std::nullopt;
  Reader r(image.substr(kMagic.size()));
  PackImage out;
  io(r, out.sources);
  io(r, out.packs);
  // Skip the padding written before the tables' length (a reader that failed no longer moves).
  while (r.ok() && (kMagic.size() + r.position() + sizeof(std::uint32_t)) % 8 != 0) r.view(1);
  out.matcher_tables = r.view(r.u32());
  if (!r.ok()) return std::nullopt;
  return out;
}

__attribute__((weak)) std::string_view builtin_pack_image() { return {}; }

}  // namespace factlint
