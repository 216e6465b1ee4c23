#pragma once
/// Immutable text whose copies share one buffer. A finding's message is often the same text as
/// the finding before it ("this “ has no partner ..."), and a hostile input can hold a finding
/// every few bytes: the emitter gives every repeat of a message the first one's buffer, so a run
/// keeps each distinct message once, and a finding holds 16 bytes of it instead of 32 and a heap
/// block.

#include <cstddef>
#include <functional>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>

namespace factlint {

class SharedText {
 public:
  SharedText() = default;
  // Implicit, as std::string's: findings are built from strings and literals.
  SharedText(std::string text)
      : text_(text.empty() ? nullptr : std::make_shared<const std::string>(std::move(text))) {}
  SharedText(std::string_view text) : SharedText(std::string(text)) {}
  SharedText(const char* text) : SharedText(std::string(text)) {}

  std::string_view view() const { return text_ ? std::string_view(*text_) : std::string_view(); }
  operator std::string_view() const { return view(); }
  /// The text as a std::string, for the APIs that want one; empty text shares one empty string.
  const std::string& str() const;
  bool empty() const { return view().empty(); }
  std::size_t size() const { return view().size(); }
  /// Whether both share one buffer (the emitter's interning), not only equal text.
  bool shares(const SharedText& other) const { return text_ == other.text_; }

  friend bool operator==(const SharedText& a, const SharedText& b) { return a.view() == b.view(); }
  friend bool operator==(const SharedText& a, std::string_view b) { return a.view() == b; }
  friend bool operator==(const SharedText& a, const std::string& b) { return a.view() == b; }
  friend bool operator==(const SharedText& a, const char* b) { return a.view() == b; }
  friend auto operator<=>(const SharedText& a, const SharedText& b) {
    return a.view() <=> b.view();
  }
  friend std::ostream& operator<<(std::ostream& os, const SharedText& t) { return os << t.view(); }

 private:
  std::shared_ptr<const std::string> text_;
};

/// Hashes SharedText and std::string_view alike, for sets of texts looked up by view.
struct SharedTextHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

}  // namespace factlint
