#include "text/html.h"

#include <gumbo.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <utility>

#include "text/utf8.h"

namespace factlint {

namespace {

/// Named character references a Korean news CMS writes. Any other named reference is removed
/// like markup (no findings, no fixes there) rather than guessed.
constexpr std::pair<std::string_view, std::string_view> kNamedReferences[] = {
    {"amp", "&"},       {"lt", "<"},        {"gt", ">"},          {"quot", "\""}, {"apos", "'"},
    {"nbsp", "\u00A0"}, {"middot", "·"},    {"hellip", "…"},      {"ldquo", "“"}, {"rdquo", "”"},
    {"lsquo", "‘"},     {"rsquo", "’"},     {"ndash", "–"},       {"mdash", "—"}, {"laquo", "«"},
    {"raquo", "»"},     {"lsaquo", "‹"},    {"rsaquo", "›"},      {"copy", "©"},  {"reg", "®"},
    {"trade", "™"},     {"times", "×"},     {"divide", "÷"},      {"deg", "°"},   {"plusmn", "±"},
    {"bull", "•"},      {"sdot", "⋅"},      {"prime", "′"},       {"Prime", "″"}, {"shy", "\u00AD"},
    {"ensp", "\u2002"}, {"emsp", "\u2003"}, {"thinsp", "\u2009"}, {"cent", "¢"},  {"pound", "£"},
    {"yen", "¥"},       {"euro", "€"},      {"sect", "§"},        {"para", "¶"},  {"frac12", "½"},
    {"frac14", "¼"},    {"frac34", "¾"},    {"sup2", "²"},        {"sup3", "³"},  {"micro", "µ"},
    {"larr", "←"},      {"rarr", "→"},      {"uarr", "↑"},        {"darr", "↓"},  {"harr", "↔"},
    {"le", "≤"},        {"ge", "≥"},        {"ne", "≠"},          {"asymp", "≈"}, {"infin", "∞"},
    {"minus", "−"},     {"permil", "‰"},
};

/// References HTML5 also accepts without the semicolon (the common legacy ones).
constexpr std::string_view kLegacyReferences[] = {"amp", "lt", "gt", "quot", "nbsp", "copy", "reg"};

/// HTML5's replacements for numeric references 0x80-0x9F (0: kept as is).
constexpr char32_t kWindows1252[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

struct Reference {
  std::size_t length = 0;  ///< Bytes of the reference in the source; 0: not a reference.
  std::string decoded;     ///< Empty: a reference factlint does not know (removed).
};

bool is_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/// The character reference starting at `s[0] == '&'` (HTML5 §13.2.5.72, restricted as above).
Reference parse_reference(std::string_view s) {
  Reference r;
  if (s.size() < 3) return r;
  if (s[1] == '#') {
    const bool hex = s[2] == 'x' || s[2] == 'X';
    std::size_t i = hex ? 3 : 2;
    char32_t cp = 0;
    const std::size_t digits_begin = i;
    for (; i < s.size() && i - digits_begin < 8; ++i) {
      const char c = s[i];
      int v = -1;
      if (c >= '0' && c <= '9') v = c - '0';
      if (hex && c >= 'a' && c <= 'f') v = c - 'a' + 10;
      if (hex && c >= 'A' && c <= 'F') v = c - 'A' + 10;
      if (v < 0) break;
      cp = cp * (hex ? 16 : 10) + static_cast<char32_t>(v);
    }
    if (i == digits_begin) return r;
    if (i < s.size() && s[i] == ';') ++i;
    r.length = i;
    // A line end written as a reference must not open a new line: it would shift every line
    // after it. Invalid code points become U+FFFD as in HTML5.
    if (cp == '\n' || cp == '\r') cp = ' ';
    if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
    // &#128;..&#159; name windows-1252 characters (old CMS exports write &#150; for a dash).
    if (cp >= 0x80 && cp <= 0x9F && kWindows1252[cp - 0x80] != 0) cp = kWindows1252[cp - 0x80];
    utf8::append(r.decoded, cp);
    return r;
  }
  std::size_t i = 1;
  while (i < s.size() && i < 40 && is_alnum(s[i])) ++i;
  if (i == 1) return r;
  const std::string_view name = s.substr(1, i - 1);
  const bool semicolon = i < s.size() && s[i] == ';';
  for (const auto& [known, text] : kNamedReferences) {
    if (known != name) continue;
    const bool legacy = std::find(std::begin(kLegacyReferences), std::end(kLegacyReferences),
                                  name) != std::end(kLegacyReferences);
    if (!semicolon && !legacy) return r;
    r.length = i + (semicolon ? 1 : 0);
    r.decoded = std::string(text);
    return r;
  }
  if (semicolon) r.length = i + 1;  // Unknown but well formed: treated as markup.
  return r;
}

bool is_block(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_HTML:
    case GUMBO_TAG_BODY:
    case GUMBO_TAG_TITLE:
    case GUMBO_TAG_P:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_THEAD:
    case GUMBO_TAG_TBODY:
    case GUMBO_TAG_TFOOT:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TH:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_BR:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_FIELDSET:
    case GUMBO_TAG_LEGEND:
    case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_SUMMARY:
    case GUMBO_TAG_HGROUP:
    case GUMBO_TAG_CENTER:
    case GUMBO_TAG_IMG:
      return true;
    default:
      return false;
  }
}

/// Elements whose content is not prose.
bool is_skipped(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_CODE:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_KBD:
    case GUMBO_TAG_SAMP:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_SELECT:
      return true;
    default:
      return false;
  }
}

std::string_view attribute(const GumboElement& e, const char* name) {
  const GumboAttribute* a = gumbo_get_attribute(&e.attributes, name);
  return a == nullptr ? std::string_view() : std::string_view(a->value);
}

struct Piece {
  Span src;
  int block = -1;  ///< -1: a suppression comment, outside every block.
};

/// What the tree walk collects; the text is rebuilt from it in source order afterwards.
struct Walk {
  const char* base = nullptr;
  std::vector<Piece> pieces;
  std::vector<Piece> title;
  std::vector<bool> caption_blocks;  ///< By block id.
  int block = 0;
  int caption_depth = 0;
  int article_depth = 0;
  bool article_text_seen = false;
  bool saw_h1 = false;
  bool in_title = false;
  std::string published_time, meta_date, time_date;

  void next_block() {
    ++block;
    caption_blocks.resize(static_cast<std::size_t>(block) + 1, false);
    caption_blocks[static_cast<std::size_t>(block)] = caption_depth > 0;
  }

  void add_text(const GumboText& t) {
    if (t.original_text.length == 0) return;
    const auto begin = static_cast<std::size_t>(t.original_text.data - base);
    const Piece piece{{begin, begin + t.original_text.length}, block};
    (in_title ? title : pieces).push_back(piece);
    if (article_depth > 0) article_text_seen = true;
  }

  void element(const GumboNode& node) {
    const GumboElement& e = node.v.element;
    if (is_skipped(e.tag) || node.type == GUMBO_NODE_TEMPLATE) return;
    if (e.tag == GUMBO_TAG_META) {
      const std::string_view content = attribute(e, "content");
      if (attribute(e, "property") == "article:published_time" ||
          attribute(e, "itemprop") == "datePublished") {
        if (published_time.empty()) published_time = content;
      } else if (attribute(e, "name") == "date" && meta_date.empty()) {
        meta_date = content;
      }
      return;
    }
    if (e.tag == GUMBO_TAG_TIME && time_date.empty()) {
      // A <time> in the byline (before the article's first text) dates the article; one in
      // the body is a reported event.
      const std::string_view when = attribute(e, "datetime");
      const bool marked = attribute(e, "itemprop") == "datePublished" ||
                          gumbo_get_attribute(&e.attributes, "pubdate") != nullptr;
      if (!when.empty() && (marked || (article_depth > 0 && !article_text_seen))) time_date = when;
    }
    const bool block_level = is_block(e.tag);
    if (e.tag == GUMBO_TAG_H1) saw_h1 = true;
    if (e.tag == GUMBO_TAG_ARTICLE) ++article_depth;
    if (e.tag == GUMBO_TAG_FIGCAPTION) ++caption_depth;
    if (e.tag == GUMBO_TAG_TITLE) in_title = true;
    if (block_level) next_block();
    children(e.children);
    if (block_level) {
      if (e.tag == GUMBO_TAG_FIGCAPTION) --caption_depth;
      next_block();
    }
    if (e.tag == GUMBO_TAG_TITLE) in_title = false;
    if (e.tag == GUMBO_TAG_ARTICLE) --article_depth;
  }

  void children(const GumboVector& nodes) {
    for (unsigned i = 0; i < nodes.length; ++i)
      visit(*static_cast<const GumboNode*>(nodes.data[i]));
  }

  void visit(const GumboNode& node) {
    switch (node.type) {
      case GUMBO_NODE_DOCUMENT:
        children(node.v.document.children);
        break;
      case GUMBO_NODE_ELEMENT:
      case GUMBO_NODE_TEMPLATE:
        element(node);
        break;
      case GUMBO_NODE_TEXT:
      case GUMBO_NODE_CDATA:
      case GUMBO_NODE_WHITESPACE:
        add_text(node.v.text);
        break;
      case GUMBO_NODE_COMMENT: {
        const GumboStringPiece& raw = node.v.text.original_text;
        const std::string_view s(raw.data, raw.length);
        if (s.find("factlint-") != std::string_view::npos) {
          const auto begin = static_cast<std::size_t>(raw.data - base);
          pieces.push_back({{begin, begin + raw.length}, -1});
        }
        break;
      }
    }
  }
};

bool is_space_byte(char c) { return c == ' ' || c == '\t'; }

/// Spaces at the end of a line of prose are source layout in HTML (before a `</p>` or the
/// indentation of the next tag), never visible and never a finding.
void blank_line_end_spaces(std::string_view text, std::vector<Span>& blanked) {
  std::size_t run = std::string::npos;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i < text.size() && is_space_byte(text[i])) {
      if (run == std::string::npos) run = i;
      continue;
    }
    if ((i == text.size() || text[i] == '\n') && run != std::string::npos) {
      blanked.push_back({run, i});
    }
    run = std::string::npos;
  }
}

/// Rebuilds the text from the pieces, recording the map, the blanked places and the blocks.
class Builder {
 public:
  Builder(std::string_view in, OffsetMap& map, HtmlLayout& layout,
          const std::vector<bool>& caption_blocks)
      : in_(in), map_(map), layout_(layout), caption_blocks_(caption_blocks) {}

  void gap(std::size_t from, std::size_t to, bool separate) {
    if (from >= to) return;
    std::size_t segment = from;
    bool newline = false;
    for (std::size_t i = from; i < to; ++i) {
      if (in_[i] != '\n') continue;
      remove(segment, i);
      out_.push_back('\n');
      layout_.blanked.push_back({out_.size() - 1, out_.size()});
      newline = true;
      segment = i + 1;
    }
    const bool spaced = (!out_.empty() && (is_space_byte(out_.back()) || out_.back() == '\n')) ||
                        (to < in_.size() && (is_space_byte(in_[to]) || in_[to] == '\n'));
    if (!newline && separate && !spaced) {
      // Two blocks on one line stay apart as words.
      if (to - from != 1) map_.add(out_.size(), out_.size() + 1, from, to);
      out_.push_back(' ');
      layout_.blanked.push_back({out_.size() - 1, out_.size()});
      return;
    }
    remove(segment, to);
  }

  void text(Span src, int block) {
    const std::size_t start = out_.size();
    if (in_.substr(src.begin, src.size()).find_first_not_of(" \t\n") == std::string_view::npos) {
      // Only spaces between two tags: source layout, not a space someone typed between words.
      out_.append(in_.substr(src.begin, src.size()));
      layout_.blanked.push_back({start, out_.size()});
      return;
    }
    std::size_t i = src.begin;
    while (i < src.end) {
      const char c = in_[i];
      if (c == '&') {
        const Reference r = parse_reference(in_.substr(i, src.end - i));
        if (r.length > 0) {
          reference(i, r);
          i += r.length;
          continue;
        }
      } else if (c == '<' && i + 1 < src.end &&
                 (std::strchr("/!?", in_[i + 1]) != nullptr || is_alnum(in_[i + 1]))) {
        // A tag the parser ignored (a stray end tag) inside a text node.
        const std::size_t close = in_.find('>', i);
        if (close != std::string_view::npos && close < src.end) {
          gap(i, close + 1, false);
          i = close + 1;
          continue;
        }
      }
      out_.push_back(c);
      ++i;
    }
    if (block >= 0) extend_block(start, block);
  }

  void verbatim(Span src) { out_.append(in_.substr(src.begin, src.size())); }

  std::string take() { return std::move(out_); }
  std::size_t size() const { return out_.size(); }

 private:
  void remove(std::size_t from, std::size_t to) {
    if (from >= to) return;
    map_.add(out_.size(), out_.size(), from, to);
    layout_.blanked.push_back({out_.size(), out_.size()});
  }

  void reference(std::size_t at, const Reference& r) {
    if (r.decoded.empty()) {
      remove(at, at + r.length);
      return;
    }
    const std::size_t begin = out_.size();
    out_ += r.decoded;
    if (r.decoded.size() != r.length) map_.add(begin, out_.size(), at, at + r.length);
    layout_.blanked.push_back({begin, out_.size()});
  }

  void extend_block(std::size_t start, int block) {
    std::size_t b = start;
    std::size_t e = out_.size();
    auto space = [&](char c) { return is_space_byte(c) || c == '\n'; };
    while (b < e && space(out_[b])) ++b;
    while (e > b && space(out_[e - 1])) --e;
    if (b == e) return;
    const bool opens = block != open_block_ || layout_.blocks.empty();
    if (opens) {
      layout_.blocks.push_back({b, e});
      open_block_ = block;
    } else {
      layout_.blocks.back().end = e;
    }
    const auto id = static_cast<std::size_t>(block);
    if (id >= caption_blocks_.size() || !caption_blocks_[id]) return;
    if (opens) {
      layout_.captions.push_back(layout_.blocks.back());
    } else {
      layout_.captions.back().end = e;
    }
  }

  std::string_view in_;
  OffsetMap& map_;
  HtmlLayout& layout_;
  const std::vector<bool>& caption_blocks_;  ///< By block id: inside <figcaption>.
  std::string out_;
  int open_block_ = -1;
};

}  // namespace

bool is_html_path(std::string_view path) {
  return path.ends_with(".html") || path.ends_with(".htm");
}

HtmlLayout strip_html(std::string& text, OffsetMap& map) {
  HtmlLayout layout;
  GumboOutput* output = gumbo_parse_with_options(&kGumboDefaultOptions, text.data(), text.size());
  Walk walk;
  walk.base = text.data();
  walk.caption_blocks.assign(1, false);
  walk.visit(*output->document);
  // The <title> is the headline only when the page has no <h1> of its own.
  if (!walk.saw_h1) walk.pieces.insert(walk.pieces.end(), walk.title.begin(), walk.title.end());
  gumbo_destroy_output(&kGumboDefaultOptions, output);
  std::sort(walk.pieces.begin(), walk.pieces.end(),
            [](const Piece& a, const Piece& b) { return a.src.begin < b.src.begin; });
  for (const std::string* d : {&walk.published_time, &walk.meta_date, &walk.time_date}) {
    if (!d->empty()) {
      layout.date = *d;
      break;
    }
  }

  Builder out(text, map, layout, walk.caption_blocks);
  std::size_t at = 0;
  int previous_block = -2;
  for (const Piece& piece : walk.pieces) {
    if (piece.src.begin < at) continue;  // Overlaps what is already taken.
    out.gap(at, piece.src.begin, previous_block != piece.block && out.size() > 0);
    if (piece.block < 0) {
      out.verbatim(piece.src);
    } else {
      out.text(piece.src, piece.block);
    }
    previous_block = piece.block;
    at = piece.src.end;
  }
  out.gap(at, text.size(), false);
  text = out.take();
  blank_line_end_spaces(text, layout.blanked);
  std::sort(layout.blanked.begin(), layout.blanked.end(), [](const Span& a, const Span& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.end < b.end;
  });
  // A removed tag inside a run of line-end spaces is covered by the run; dropping it keeps the
  // ends sorted too, which lookups rely on.
  std::vector<Span> kept;
  for (const Span& b : layout.blanked) {
    if (!kept.empty() && b.begin >= kept.back().begin && b.end <= kept.back().end &&
        kept.back().size() > 0) {
      continue;
    }
    kept.push_back(b);
  }
  layout.blanked = std::move(kept);
  return layout;
}

bool edit_touches_markup(const std::vector<Span>& blanked, Span span) {
  // Only places up to the edit's end can matter; the list is sorted by position.
  auto last = std::upper_bound(blanked.begin(), blanked.end(), span.end,
                               [](std::size_t at, const Span& b) { return at < b.begin; });
  for (auto it = last; it != blanked.begin();) {
    const Span b = *--it;
    if (b.end < span.begin) break;
    if (b.begin == b.end) {
      // Removed markup at b.begin: an edit ending there (or inserting there) would take the
      // markup with it, since offsets there map past it.
      if ((span.begin < b.begin && b.begin <= span.end) ||
          (span.begin == span.end && span.begin == b.begin)) {
        return true;
      }
    } else if (span.begin < b.end && b.begin < span.end) {
      return true;
    }
  }
  return false;
}

}  // namespace factlint
