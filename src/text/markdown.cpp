#include "text/markdown.h"

#include <md4c.h>

#include <algorithm>
#include <string>

namespace factlint {

namespace {

struct State {
  const char* base = nullptr;
  std::size_t size = 0;
  std::vector<Span> prose;  ///< Ranges that stay.
  std::vector<Span> blocks;
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
        return 0;
      }
      s->keep(begin, begin + size);
      return 0;
    case MD_TEXT_HTML:
      if (chunk.find("factlint-") != std::string_view::npos) s->keep(begin, begin + size);
      return 0;
    default:  // Code, entities, math, line breaks: not prose.
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

MarkdownLayout blank_markdown(std::string& text) {
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
  layout.blocks = std::move(title_blocks);
  for (Span s : state.blocks) layout.blocks.push_back(shift(s));
  // Blank the gaps between prose ranges, keeping line ends.
  std::size_t at = 0;
  auto blank = [&](std::size_t from, std::size_t to) {
    if (from >= to) return;
    for (std::size_t i = from; i < to; ++i) {
      if (text[i] != '\n') text[i] = ' ';
    }
    layout.blanked.push_back({from, to});
  };
  for (Span s : prose) {
    blank(at, s.begin);
    at = std::max(at, s.end);
  }
  blank(at, text.size());
  return layout;
}

}  // namespace factlint
