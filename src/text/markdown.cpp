#include "text/markdown.h"

#include <md4c.h>

#include <algorithm>
#include <string>

namespace factlint {

namespace {

constexpr std::size_t npos = std::string_view::npos;

struct State {
  const char* base = nullptr;
  std::size_t size = 0;
  std::vector<Span> prose;  ///< Ranges that stay.
  std::vector<Span> blocks;
  /// Source that is not prose and not markup either (code, raw HTML, entities, a URL shown as
  /// text): it stays blanked in place rather than removed, so the words around it stay apart.
  std::vector<Span> opaque;
  Span block{0, 0};
  bool in_block = false;
  int link_depth = 0;
  std::string link_href;  ///< A copy: md4c may free the href it passes once enter_span returns.

  void close_block() {
    if (in_block) blocks.push_back(block);
    in_block = false;
  }

  void keep(std::size_t begin, std::size_t end) {
    if (!prose.empty() && prose.back().end == begin) {
      prose.back().end = end;
    } else {
      prose.push_back({begin, end});
    }
    if (!in_block) {
      block = {begin, end};
      in_block = true;
    } else {
      block.end = end;
    }
  }
};

int enter_block(MD_BLOCKTYPE, void*, void* user) {
  static_cast<State*>(user)->close_block();
  return 0;
}

int leave_block(MD_BLOCKTYPE, void*, void* user) {
  static_cast<State*>(user)->close_block();
  return 0;
}

int enter_span(MD_SPANTYPE type, void* detail, void* user) {
  auto* s = static_cast<State*>(user);
  if (type == MD_SPAN_A) {
    ++s->link_depth;
    const auto* a = static_cast<const MD_SPAN_A_DETAIL*>(detail);
    s->link_href.assign(a->href.text, a->href.size);
  }
  return 0;
}

int leave_span(MD_SPANTYPE type, void*, void* user) {
  auto* s = static_cast<State*>(user);
  if (type == MD_SPAN_A) --s->link_depth;
  return 0;
}

int on_text(MD_TEXTTYPE type, const MD_CHAR* text, MD_SIZE size, void* user) {
  auto* s = static_cast<State*>(user);
  if (text < s->base || text + size > s->base + s->size) return 0;  // Not from the source.
  const std::string_view chunk(text, size);
  const auto begin = static_cast<std::size_t>(text - s->base);
  switch (type) {
    case MD_TEXT_NORMAL:
      // The text of an autolink is its URL.
      if (s->link_depth > 0 &&
          (chunk == s->link_href || chunk.find("://") != std::string_view::npos ||
           chunk.starts_with("www."))) {
        s->opaque.push_back({begin, begin + size});
        return 0;
      }
      s->keep(begin, begin + size);
      return 0;
    case MD_TEXT_HTML:
      if (chunk.find("factlint-") != std::string_view::npos) {
        s->keep(begin, begin + size);
      } else {
        s->opaque.push_back({begin, begin + size});
      }
      return 0;
    case MD_TEXT_BR:
    case MD_TEXT_SOFTBR:
      return 0;
    default:  // Code, entities, math: not prose, and not to be read as nothing either.
      s->opaque.push_back({begin, begin + size});
      return 0;
  }
}

/// `---` on the first line up to the next line that is `---` or `...`.
std::optional<Span> find_front_matter(std::string_view text) {
  if (!text.starts_with("---\n")) return std::nullopt;
  std::size_t pos = 4;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(pos, end - pos);
    if (line == "---" || line == "...") return Span{0, std::min(end + 1, text.size())};
    pos = end + 1;
  }
  return std::nullopt;
}

/// The value of `key:` in the front matter, without quotes.
std::optional<Span> front_matter_value(std::string_view text, Span fm, std::string_view key) {
  std::size_t pos = 4;
  while (pos < fm.end) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos || end > fm.end) end = fm.end;
    const std::string_view line = text.substr(pos, end - pos);
    if (line.starts_with(key) && line.size() > key.size() && line[key.size()] == ':') {
      std::size_t b = pos + key.size() + 1;
      std::size_t e = end;
      while (b < e && (text[b] == ' ' || text[b] == '\t')) ++b;
      while (e > b && (text[e - 1] == ' ' || text[e - 1] == '\t' || text[e - 1] == '\r')) --e;
      if (e - b >= 2 && (text[b] == '"' || text[b] == '\'') && text[e - 1] == text[b]) ++b, --e;
      return Span{b, e};
    }
    pos = end + 1;
  }
  return std::nullopt;
}

}  // namespace

bool is_markdown_path(std::string_view path) {
  return path.ends_with(".md") || path.ends_with(".markdown");
}

MarkdownLayout rewrite_markdown(std::string& text, OffsetMap& map) {
  MarkdownLayout layout;
  State state;
  std::size_t body = 0;
  if (auto fm = find_front_matter(text)) {
    layout.front_matter = fm;
    layout.title = front_matter_value(text, *fm, "title");
    if (auto date = front_matter_value(text, *fm, "date")) {
      layout.date = text.substr(date->begin, date->size());
    }
    if (layout.title) {
      state.keep(layout.title->begin, layout.title->end);
      state.close_block();
    }
    body = fm->end;
  }
  state.base = text.data() + body;
  state.size = text.size() - body;
  MD_PARSER parser{};
  parser.abi_version = 0;
  parser.flags = MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH | MD_FLAG_PERMISSIVEAUTOLINKS;
  parser.enter_block = enter_block;
  parser.leave_block = leave_block;
  parser.enter_span = enter_span;
  parser.leave_span = leave_span;
  parser.text = on_text;
  // The title (if any) was kept relative to the whole text; md4c offsets are relative to body.
  std::vector<Span> title_prose = std::move(state.prose);
  std::vector<Span> title_blocks = std::move(state.blocks);
  state.prose.clear();
  state.blocks.clear();
  md_parse(state.base, static_cast<MD_SIZE>(state.size), &parser, &state);
  state.close_block();
  auto shift = [body](Span s) { return Span{s.begin + body, s.end + body}; };
  std::vector<Span> prose = std::move(title_prose);
  for (Span s : state.prose) prose.push_back(shift(s));
  std::vector<Span> blocks = std::move(title_blocks);
  for (Span s : state.blocks) blocks.push_back(shift(s));
  std::vector<Span> opaque;
  for (Span s : state.opaque) opaque.push_back(shift(s));
  std::sort(opaque.begin(), opaque.end(),
            [](const Span& a, const Span& b) { return a.begin < b.begin; });

  // A gap between two prose ranges of one block on one line is inline markup (**, _, ~~, the
  // brackets and target of a link, a backslash escape): it is removed, since it may sit inside
  // a word (오픈*AI*는 reads 오픈AI는). Any other gap (block markup, line ends, code, HTML) is
  // blanked into spaces in place, line ends kept.
  std::size_t next_block = 0;
  std::size_t next_opaque = 0;
  auto removable = [&](std::size_t from, std::size_t to) {
    // At the start of a line the gap is block markup even when the line end before it was
    // reported as text: removing it would move the line's first column.
    if (from == 0 || text[from - 1] == '\n' ||
        std::string_view(text).substr(from, to - from).find('\n') != npos) {
      return false;
    }
    while (next_block < blocks.size() && blocks[next_block].end < to) ++next_block;
    if (next_block == blocks.size() || blocks[next_block].begin > from) return false;
    while (next_opaque < opaque.size() && opaque[next_opaque].end <= from) ++next_opaque;
    return next_opaque == opaque.size() || opaque[next_opaque].begin >= to;
  };
  std::string out;
  out.reserve(text.size());
  // Source offsets of the prose ranges' ends and where they went, to move the blocks.
  std::vector<std::pair<std::size_t, std::size_t>> moved;
  moved.reserve(2 * prose.size());
  auto gap = [&](std::size_t from, std::size_t to) {
    if (from >= to) return;
    const std::size_t at = out.size();
    if (removable(from, to)) {
      map.add(at, at, from, to);
      layout.blanked.push_back({at, at});
      return;
    }
    for (std::size_t i = from; i < to; ++i) out += text[i] == '\n' ? '\n' : ' ';
    layout.blanked.push_back({at, out.size()});
  };
  std::size_t at = 0;
  for (Span s : prose) {
    if (s.begin < at) continue;  // md4c reports text in order; never twice
    gap(at, s.begin);
    moved.emplace_back(s.begin, out.size());
    out.append(text, s.begin, s.size());
    moved.emplace_back(s.end, out.size());
    at = s.end;
  }
  gap(at, text.size());
  auto move = [&](std::size_t src) {
    auto it = std::lower_bound(moved.begin(), moved.end(), std::pair{src, std::size_t{0}});
    return it != moved.end() && it->first == src ? it->second : src;
  };
  for (Span b : blocks) layout.blocks.push_back({move(b.begin), move(b.end)});
  if (layout.title) layout.title = Span{move(layout.title->begin), move(layout.title->end)};
  text = std::move(out);
  return layout;
}

}  // namespace factlint
