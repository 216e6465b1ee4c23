#include "rules/matcher.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <stdexcept>

#include "text/hangul.h"
#include "text/utf8.h"

namespace factlint {

namespace {

/// In a transition: the target state reports a literal (its own or one on its failure chain).
constexpr std::uint32_t kHasOutput = 0x80000000u;
/// In transitions_: every entry of the escape column, the column of the lead bytes that may
/// start a multi-byte white space (U+00A0, U+1680, U+2000..U+205F, U+3000). Such a byte is
/// decided on the slow path, so the scan tests a single flag word per byte.
constexpr std::uint32_t kEscape = 0x40000000u;
/// In a transition: the target is a sparse state, and the rest is its number rather than the
/// offset of its row.
constexpr std::uint32_t kSparse = 0x20000000u;
constexpr std::uint32_t kFlags = kHasOutput | kEscape | kSparse;
constexpr std::uint32_t kPayload = kSparse - 1;
/// The lead bytes of multi-byte white space.
constexpr unsigned char kSpaceLeads[] = {0xC2, 0xE1, 0xE2, 0xE3};

// What may follow a noun inside its eojeol without changing which word it is: case and
// auxiliary particles, the copula 이다 in its common forms, and the longer forms of 하다/되다
// that make a verb of a noun (컨텐츠했다 is still the word 컨텐츠). Sources: 표준국어대사전 (조사
// entries), 국립국어원 『표준 국어 문법론』 ch. 4. Left out on purpose, because a longer noun
// that starts with the word is more likely than the particle: 요 (지난 주요 → 주요), 간 (주간),
// 일 (주일), and the one-syllable forms of 하다/되다 (그 중한 → 중하다).
// clang-format off
constexpr std::string_view kDefaultParticles[] = {
    // Case and auxiliary particles.
    "은", "는", "이", "가", "을", "를", "과", "와", "의", "에", "에서", "에게", "에게서", "께",
    "께서", "한테", "한테서", "으로", "로", "으로서", "로서", "으로써", "로써", "으로부터",
    "로부터", "도", "만", "까지", "부터", "보다", "처럼", "같이", "마다", "조차", "마저", "밖에",
    "뿐", "만큼", "대로", "이나", "나", "이나마", "나마", "이든", "든", "이든지", "든지",
    "이라도", "라도", "이야", "야", "이야말로", "야말로", "이랑", "랑", "하고",
    // Contractions: 에는 → 엔, 로는 → 론, 에서는 → 에선.
    "엔", "론", "에선",
    // The copula 이다 (its 이 may drop after a vowel).
    "이다", "다", "이라고", "라고", "이라는", "라는", "이라며", "라며", "이라면", "라면",
    "이라서", "라서", "이란", "란", "이며", "며", "이고", "고", "이었다", "였다", "이었고",
    "였고", "이었으며", "였으며", "이었던", "였던", "이었지만", "였지만", "이지만", "지만", "인",
    "이자", "이면", "면", "이면서", "면서", "입니다", "이에요", "예요", "이어서", "여서", "이던",
    "던",
    // 하다 and 되다 after a noun.
    "하다", "했다", "한다", "하는", "해서", "하며", "하면", "하기", "하여", "했고", "했으며",
    "했던", "하지", "했지만", "됐다", "된다", "되는", "되어", "되며", "되고", "됐고", "되기",
};
// clang-format on

/// Noun suffixes that any particle may follow (하나씩을, 사흘째인, 중순쯤에). The plural 들 is
/// not one of them: after a word of two eojeol it splits them again (이 날들 is "these days",
/// not a misspelled 이날).
constexpr std::string_view kSuffixes[] = {"씩", "째", "쯤"};

/// Particles that stack after another one: 에서+는, 으로+도, 과+의, 였다+고, 까지+만.
constexpr std::string_view kStacking[] = {"은",   "는",   "도",   "만",   "의",
                                          "까지", "부터", "조차", "마저", "고"};

std::vector<std::string> to_strings(std::span<const std::string_view> list) {
  return std::vector<std::string>(list.begin(), list.end());
}

bool ends_eojeol(std::string_view text, std::size_t pos) {
  return pos == text.size() || !is_word_char(utf8::decode(text, pos));
}

/// Whether `particle` has the form that fits after the character before `pos` (after a Hangul
/// syllable only: how Latin letters and digits are read is too uncertain to reject anything).
bool fits_here(std::string_view text, std::size_t pos, std::string_view particle) {
  if (pos == 0) return false;
  std::size_t at = utf8::previous(text, pos);
  const auto coda = hangul::syllable_coda(utf8::decode(text, at));
  return !coda || hangul::particle_fits(particle, *coda);
}

bool is_break(char32_t cp) { return cp == '\n' || cp == '\r' || utf8::is_space(cp); }

char32_t code_point_at(std::string_view text, std::size_t pos) { return utf8::decode(text, pos); }

char32_t code_point_before(std::string_view text, std::size_t pos) {
  std::size_t at = utf8::previous(text, pos);
  return utf8::decode(text, at);
}

/// Length of the multi-byte white space at text[pos], or 0.
std::size_t space_length(std::string_view text, std::size_t pos) {
  std::size_t end = pos;
  const char32_t cp = utf8::decode(text, end);
  return utf8::is_space(cp) ? end - pos : 0;
}

/// Start of the literal written right before `end`, each of its spaces standing for the whole
/// run of white space the scan folded into one; npos when the text there is not the literal.
/// The automaton only reaches an output where its literal ends, so with tables it built this
/// always finds it; tables read from a damaged cache file may not, and then no match (and no
/// fix) is reported at a place that does not hold the literal.
std::size_t literal_start(std::string_view text, std::size_t end, std::string_view literal) {
  std::size_t i = end;
  for (std::size_t j = literal.size(); j > 0; --j) {
    if (literal[j - 1] != ' ') {
      if (i == 0 || text[i - 1] != literal[j - 1]) return std::string_view::npos;
      --i;
      continue;
    }
    const std::size_t run_end = i;
    while (i > 0) {
      const std::size_t at = utf8::previous(text, i);
      std::size_t k = at;
      if (!utf8::is_space(utf8::decode(text, k))) break;
      i = at;
    }
    if (i == run_end) return std::string_view::npos;
  }
  return i;
}

/// The literal begins an eojeol: at the start of the text or after a non-word character.
/// A literal that itself begins with punctuation brings its own boundary.
bool starts_eojeol(std::string_view text, Span span, std::string_view literal) {
  if (span.begin == 0 || !is_word_char(code_point_at(literal, 0))) return true;
  return !is_word_char(code_point_before(text, span.begin));
}

/// Only punctuation lies between the literal and the white space (or text edge) around it.
bool is_whole_eojeol(std::string_view text, Span span) {
  for (std::size_t i = span.begin; i > 0;) {
    const std::size_t at = utf8::previous(text, i);
    std::size_t k = at;
    const char32_t cp = utf8::decode(text, k);
    if (is_break(cp)) break;
    if (is_word_char(cp)) return false;
    i = at;
  }
  for (std::size_t i = span.end; i < text.size();) {
    const char32_t cp = utf8::decode(text, i);
    if (is_break(cp)) break;
    if (is_word_char(cp)) return false;
  }
  return true;
}

/// The particles written after closing quotes or brackets that end a word ("“핸드폰”이라는"):
/// they go with the quoted word, so a fix must refit them too. Empty at `pos` when there are
/// none.
Span particles_after_quote(std::string_view text, std::size_t pos, const ParticleSet* set) {
  std::size_t at = pos;
  while (at < text.size()) {
    std::size_t next = at;
    if (!hangul::is_closing_mark(utf8::decode(text, next))) break;
    at = next;
  }
  if (set == nullptr || at == pos || at == text.size() || !is_word_char(code_point_at(text, at))) {
    return {pos, pos};
  }
  const std::size_t end = set->run_end(text, at);
  return end == std::string_view::npos ? Span{pos, pos} : Span{at, end};
}

}  // namespace

bool is_word_char(char32_t cp) {
  if (cp < 0x80) {
    return (cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z');
  }
  if (utf8::is_hangul_syllable(cp)) return true;
  if (u_isalnum(static_cast<UChar32>(cp))) return true;
  const auto type = u_charType(static_cast<UChar32>(cp));
  return type == U_NON_SPACING_MARK || type == U_COMBINING_SPACING_MARK || type == U_ENCLOSING_MARK;
}

std::span<const std::string_view> default_particles() { return kDefaultParticles; }

ParticleSet::ParticleSet() : ParticleSet(to_strings(kDefaultParticles)) {}

ParticleSet::ParticleSet(std::vector<std::string> particles)
    : suffixes_(to_strings(kSuffixes)),
      particles_(std::move(particles)),
      stacking_(to_strings(kStacking)) {
  // Longest first, so that "에서는" is read as 에서+는 before 에+...
  for (auto* list : {&suffixes_, &particles_, &stacking_}) {
    std::stable_sort(list->begin(), list->end(), [](const std::string& a, const std::string& b) {
      return a.size() > b.size();
    });
    list->erase(std::unique(list->begin(), list->end()), list->end());
  }
}

std::size_t ParticleSet::run_end(std::string_view text, std::size_t pos) const {
  for (const std::string& suffix : suffixes_) {
    if (text.compare(pos, suffix.size(), suffix) != 0) continue;
    const std::size_t next = pos + suffix.size();
    if (ends_eojeol(text, next)) return next;
    if (const std::size_t end = particles_end(text, next); end != std::string_view::npos) {
      return end;
    }
  }
  return particles_end(text, pos);
}

std::size_t ParticleSet::particles_end(std::string_view text, std::size_t pos) const {
  for (const std::string& p : particles_) {
    if (text.compare(pos, p.size(), p) != 0 || !fits_here(text, pos, p)) continue;
    const std::size_t next = pos + p.size();
    if (ends_eojeol(text, next)) return next;
    if (const std::size_t end = stacked_end(text, next, 0); end != std::string_view::npos) {
      return end;
    }
  }
  return std::string_view::npos;
}

std::size_t ParticleSet::stacked_end(std::string_view text, std::size_t pos, int depth) const {
  // 에게서+만+은 is as long as real stacks get.
  constexpr int kMaxStack = 2;
  if (depth >= kMaxStack) return std::string_view::npos;
  for (const std::string& p : stacking_) {
    if (text.compare(pos, p.size(), p) != 0 || !fits_here(text, pos, p)) continue;
    const std::size_t next = pos + p.size();
    if (ends_eojeol(text, next)) return next;
    if (const std::size_t end = stacked_end(text, next, depth + 1); end != std::string_view::npos) {
      return end;
    }
  }
  return std::string_view::npos;
}

Matcher::Matcher(std::vector<Pattern> patterns, std::uint32_t first_id, std::size_t dense_entries)
    : patterns_(std::move(patterns)), first_id_(first_id) {
  build(dense_entries);
  delta_ = transitions_.data();
}

Matcher::Matcher(std::vector<Pattern> patterns, std::string_view tables, std::uint32_t first_id,
                 std::size_t dense_entries, Source source)
    : patterns_(std::move(patterns)), first_id_(first_id) {
  adopted_ = adopt(tables, source);
  if (!adopted_) {
    build(dense_entries);
    delta_ = transitions_.data();
  }
}

namespace {

void put_u32(std::string& out, std::uint32_t v) {
  out.append(reinterpret_cast<const char*>(&v), sizeof v);
}

template <class T>
void put_array(std::string& out, const std::vector<T>& items) {
  static_assert(sizeof(T) % sizeof(std::uint32_t) == 0);
  put_u32(out, static_cast<std::uint32_t>(items.size()));
  out.append(reinterpret_cast<const char*>(items.data()), items.size() * sizeof(T));
}

/// Reads what put_array wrote; `data` is left pointing into `in`.
template <class T>
bool get_array(std::string_view& in, const T*& data, std::size_t& count) {
  std::uint32_t n = 0;
  if (in.size() < sizeof n) return false;
  std::memcpy(&n, in.data(), sizeof n);
  in.remove_prefix(sizeof n);
  if (in.size() / sizeof(T) < n) return false;
  data = reinterpret_cast<const T*>(in.data());
  count = n;
  in.remove_prefix(n * sizeof(T));
  return true;
}

}  // namespace

void Matcher::save(std::string& out) const {
  put_u32(out, static_cast<std::uint32_t>(patterns_.size()));
  put_u32(out, static_cast<std::uint32_t>(state_count_));
  put_u32(out, class_count_);
  put_u32(out, space_class_);
  put_u32(out, escape_class_);
  put_u32(out, static_cast<std::uint32_t>(dense_count_));
  out.append(reinterpret_cast<const char*>(byte_class_), sizeof byte_class_);
  out.append(reinterpret_cast<const char*>(lead_class_), sizeof lead_class_);
  put_array(out, transitions_);
  put_array(out, own_output_);
  put_array(out, output_link_);
  put_array(out, outputs_);
  put_array(out, pattern_ids_);
  put_array(out, sparse_first_);
  put_array(out, sparse_edges_);
  put_array(out, sparse_fail_);
}

bool Matcher::adopt(std::string_view in, Source source) {
  std::uint32_t head[6];
  if (in.size() < sizeof head + sizeof byte_class_ + sizeof lead_class_) return false;
  if (reinterpret_cast<std::uintptr_t>(in.data()) % alignof(std::uint32_t) != 0) return false;
  std::memcpy(head, in.data(), sizeof head);
  if (head[0] != patterns_.size()) return false;
  in.remove_prefix(sizeof head);
  std::memcpy(byte_class_, in.data(), sizeof byte_class_);
  in.remove_prefix(sizeof byte_class_);
  std::memcpy(lead_class_, in.data(), sizeof lead_class_);
  in.remove_prefix(sizeof lead_class_);
  const std::uint32_t* delta = nullptr;
  const std::int32_t* own = nullptr;
  const std::uint32_t* link = nullptr;
  const Output* outputs = nullptr;
  const std::uint32_t* ids = nullptr;
  const std::uint32_t* first = nullptr;
  const SparseEdge* edges = nullptr;
  const std::uint32_t* fail = nullptr;
  std::size_t n_delta = 0, n_own = 0, n_link = 0, n_outputs = 0, n_ids = 0, n_first = 0,
              n_edges = 0, n_fail = 0;
  const std::size_t states = head[1], dense = head[5];
  if (!get_array(in, delta, n_delta) || !get_array(in, own, n_own) ||
      !get_array(in, link, n_link) || !get_array(in, outputs, n_outputs) ||
      !get_array(in, ids, n_ids) || !get_array(in, first, n_first) ||
      !get_array(in, edges, n_edges) || !get_array(in, fail, n_fail) || !in.empty() ||
      n_own != states || n_link != states || dense == 0 || dense > states ||
      n_delta != dense * head[2] || n_first != states - dense + 1 || n_fail != states - dense) {
    return false;
  }
  for (std::size_t i = 0; i < n_ids; ++i) {
    if (ids[i] >= patterns_.size()) return false;
  }
  // Every sparse edge and failure link must lead to a state of the table.
  auto valid_target = [&](std::uint32_t t) {
    const std::uint32_t payload = t & kPayload;
    return t & kSparse ? payload >= dense && payload < states
                       : payload < n_delta && payload % head[2] == 0;
  };
  if (first[0] != 0 || first[n_first - 1] != n_edges) return false;
  for (std::size_t k = 0; k + 1 < n_first; ++k) {
    if (first[k] > first[k + 1] || fail[k] >= dense + k) return false;
  }
  for (std::size_t e = 0; e < n_edges; ++e) {
    if (edges[e].cls >= head[2] || !valid_target(edges[e].target)) return false;
  }
  // Tables from a file: so must every entry of the full table (but the escape marker); an
  // output must name patterns, and an output link an earlier state with an output. A damaged
  // cache file can then neither lead a scan outside the tables nor into a loop. (The built-in
  // table is 8 MB, which this would read at every start.)
  if (head[3] >= head[2] || head[4] >= head[2]) return false;
  for (std::size_t i = 0; source == Source::file && i < n_delta; ++i) {
    const std::uint32_t t = delta[i];
    if (t & kEscape ? t != kEscape : !valid_target(t)) return false;
  }
  for (std::size_t k = 0; k < n_outputs; ++k) {
    const Output& o = outputs[k];
    if (o.pattern_count == 0 || std::uint64_t{o.first_pattern} + o.pattern_count > n_ids) {
      return false;
    }
    // The patterns of one output share its literal, which report() checks against the text.
    for (std::uint32_t p = 1; source == Source::file && p < o.pattern_count; ++p) {
      if (patterns_[ids[o.first_pattern + p]].literal != patterns_[ids[o.first_pattern]].literal) {
        return false;
      }
    }
  }
  for (std::size_t s = 0; s < states; ++s) {
    if (own[s] < -1 || own[s] >= static_cast<std::int64_t>(n_outputs)) return false;
    if (link[s] != 0 && (link[s] >= s || own[link[s]] < 0)) return false;
  }
  state_count_ = states;
  dense_count_ = dense;
  class_count_ = head[2];
  space_class_ = head[3];
  escape_class_ = head[4];
  for (const std::uint16_t c : byte_class_) {
    if (c >= class_count_) return false;
  }
  for (const std::uint16_t c : lead_class_) {
    if (c >= class_count_) return false;
  }
  delta_ = delta;  // The big table stays in the image; the small ones are copied.
  own_output_.assign(own, own + n_own);
  output_link_.assign(link, link + n_link);
  outputs_.assign(outputs, outputs + n_outputs);
  pattern_ids_.assign(ids, ids + n_ids);
  sparse_first_.assign(first, first + n_first);
  sparse_edges_.assign(edges, edges + n_edges);
  sparse_fail_.assign(fail, fail + n_fail);
  return true;
}
Matcher::~Matcher() = default;

void Matcher::build(std::size_t dense_entries) {
  // The patterns in byte order of their literals (equal ones in the order given), so that
  // equal literals share one state and the literals below one trie node come one after another.
  // Each is sorted by its first eight bytes, read as one number, before its whole literal: most
  // comparisons of a large pack are settled without a call to memcmp.
  struct Key {
    std::uint64_t prefix;
    std::uint32_t id;
  };
  std::vector<Key> keys(patterns_.size());
  for (std::uint32_t i = 0; i < keys.size(); ++i) {
    const std::string& literal = patterns_[i].literal;
    std::uint64_t prefix = 0;
    for (std::size_t k = 0; k < 8; ++k) {
      prefix = prefix << 8 | (k < literal.size() ? static_cast<unsigned char>(literal[k]) : 0u);
    }
    keys[i] = {prefix, i};
  }
  std::sort(keys.begin(), keys.end(), [&](const Key& a, const Key& b) {
    if (a.prefix != b.prefix) return a.prefix < b.prefix;
    const int order = patterns_[a.id].literal.compare(patterns_[b.id].literal);
    return order != 0 ? order < 0 : a.id < b.id;
  });
  std::vector<std::uint32_t> sorted(keys.size());
  for (std::size_t i = 0; i < keys.size(); ++i) sorted[i] = keys[i].id;
  std::vector<Key>().swap(keys);

  // Byte classes: every byte used by a literal gets its own class, all others share class 0.
  // Tabs fold into the class of the space.
  std::array<std::uint16_t, 256> cls{};
  class_count_ = 1;
  for (const std::uint32_t id : sorted) {
    for (unsigned char b : patterns_[id].literal) {
      if (cls[b] == 0) cls[b] = static_cast<std::uint16_t>(class_count_++);
    }
  }
  space_class_ = cls[' '];
  if (space_class_ != 0) cls['\t'] = static_cast<std::uint16_t>(space_class_);
  // With spaces in literals, the lead bytes of multi-byte white space read the escape column,
  // which build() fills below; their own class is kept aside for the slow path.
  escape_class_ = space_class_ != 0 ? class_count_++ : 0;
  std::copy(cls.begin(), cls.end(), lead_class_);
  if (escape_class_ != 0) {
    for (unsigned char lead : kSpaceLeads) cls[lead] = static_cast<std::uint16_t>(escape_class_);
  }
  std::copy(cls.begin(), cls.end(), byte_class_);
  const std::uint32_t width = class_count_;

  // The trie, in the order its nodes are made: children as sibling lists. In byte order the
  // child a literal continues with is nearly always its node's last child or a new one; the
  // siblings are searched only when a byte class stands for two bytes (a tab is a space).
  struct Node {
    std::uint32_t first_child = 0, next_sibling = 0, last_child = 0;  // 0 = none
    std::uint16_t cls = 0;
    bool after_space = false;
    std::int32_t output = -1;
  };
  std::vector<Node> trie(1);
  for (std::size_t first = 0, last = 0; first < sorted.size(); first = last) {
    const std::string_view literal = patterns_[sorted[first]].literal;
    last = first + 1;
    while (last < sorted.size() && patterns_[sorted[last]].literal == literal) ++last;
    if (literal.empty()) continue;  // The pack loader rejects these; never match everywhere.
    std::uint32_t node = 0;
    for (unsigned char b : literal) {
      const std::uint16_t c = lead_class_[b];
      std::uint32_t child = trie[node].last_child;
      if (child != 0 && trie[child].cls != c) {
        for (child = trie[node].first_child; child != 0 && trie[child].cls != c;) {
          child = trie[child].next_sibling;
        }
      }
      if (child == 0) {
        child = static_cast<std::uint32_t>(trie.size());
        Node made;
        made.cls = c;
        made.after_space = b == ' ';
        trie.push_back(made);
        Node& parent = trie[node];
        (parent.last_child == 0 ? parent.first_child : trie[parent.last_child].next_sibling) =
            child;
        parent.last_child = child;
      }
      node = child;
    }
    trie[node].output = static_cast<std::int32_t>(outputs_.size());
    outputs_.push_back({static_cast<std::uint32_t>(literal.size()),
                        static_cast<std::uint32_t>(pattern_ids_.size()),
                        static_cast<std::uint32_t>(last - first)});
    pattern_ids_.insert(pattern_ids_.end(), sorted.begin() + static_cast<std::ptrdiff_t>(first),
                        sorted.begin() + static_cast<std::ptrdiff_t>(last));
  }
  state_count_ = trie.size();
  if (state_count_ > kPayload) throw std::length_error("rule packs too large");

  // States are numbered breadth first, so a state's failure state, which is shallower, always
  // comes before it. The first dense_count_ states get a full row of the table (one lookup a
  // byte); the deeper ones keep only their edges and fall back along their failure links.
  // Text mostly stays near the root, and the rows of deep states are what made large packs
  // take hundreds of megabytes.
  std::vector<std::uint32_t> order;  // state -> trie node
  order.reserve(state_count_);
  order.push_back(0);
  for (std::size_t k = 0; k < order.size(); ++k) {
    for (std::uint32_t c = trie[order[k]].first_child; c != 0; c = trie[c].next_sibling) {
      order.push_back(c);
    }
  }
  std::vector<std::uint32_t> state_of(state_count_);
  for (std::uint32_t s = 0; s < state_count_; ++s) state_of[order[s]] = s;
  dense_count_ = std::clamp<std::size_t>(dense_entries / width, 1, state_count_);
  if (dense_count_ * width > kPayload) dense_count_ = kPayload / width;

  own_output_.resize(state_count_);
  for (std::uint32_t s = 0; s < state_count_; ++s) own_output_[s] = trie[order[s]].output;
  // Sparse states' edges, by class, and a self-loop on the space for a state that has just
  // read one: a run of white space is one space.
  sparse_first_.assign(1, 0);
  sparse_edges_.clear();
  for (std::size_t s = dense_count_; s < state_count_; ++s) {
    const Node& node = trie[order[s]];
    const std::size_t from = sparse_edges_.size();
    for (std::uint32_t c = node.first_child; c != 0; c = trie[c].next_sibling) {
      sparse_edges_.push_back({trie[c].cls, state_of[c]});
    }
    if (node.after_space) sparse_edges_.push_back({space_class_, static_cast<std::uint32_t>(s)});
    std::sort(sparse_edges_.begin() + static_cast<std::ptrdiff_t>(from), sparse_edges_.end(),
              [](const SparseEdge& a, const SparseEdge& b) { return a.cls < b.cls; });
    sparse_first_.push_back(static_cast<std::uint32_t>(sparse_edges_.size()));
  }

  // Failure links breadth first; a dense row's missing transitions become its failure state's.
  // A row holds state numbers until the end, where they become encoded entries.
  std::vector<std::uint32_t> fail(state_count_, 0);
  output_link_.assign(state_count_, 0);
  transitions_.assign(dense_count_ * width, 0);
  // The state reached from `s` on class `c` (s's row, or its edges and failure chain).
  auto go = [&](std::uint32_t s, std::uint32_t c) {
    while (s >= dense_count_) {
      if (const std::uint32_t t = sparse_target(s, c); t != kNoEdge) return t;
      s = fail[s];
    }
    return transitions_[s * width + c];
  };
  for (std::uint32_t s = 0; s < state_count_; ++s) {
    const Node& node = trie[order[s]];
    const std::uint32_t f = fail[s];
    if (s != 0) output_link_[s] = own_output_[f] >= 0 ? f : output_link_[f];
    if (s < dense_count_) {
      std::uint32_t* row = &transitions_[s * width];
      if (s != 0) std::copy_n(&transitions_[f * width], width, row);
      if (node.after_space) row[space_class_] = s;
    }
    for (std::uint32_t c = node.first_child; c != 0; c = trie[c].next_sibling) {
      const std::uint32_t child = state_of[c];
      fail[child] = s == 0 ? 0 : go(f, trie[c].cls);
      if (s < dense_count_) transitions_[s * width + trie[c].cls] = child;
    }
  }
  sparse_fail_.assign(fail.begin() + static_cast<std::ptrdiff_t>(dense_count_), fail.end());

  // Encode the targets: a dense state by the offset of its row (saves a multiplication per
  // byte), a sparse one by its number; both flagged when they report something.
  auto encode = [&](std::uint32_t t) {
    const std::uint32_t reports = own_output_[t] >= 0 || output_link_[t] != 0 ? kHasOutput : 0;
    return (t < dense_count_ ? t * width : (t | kSparse)) | reports;
  };
  for (std::uint32_t& t : transitions_) t = encode(t);
  for (SparseEdge& e : sparse_edges_) e.target = encode(e.target);
  if (escape_class_ != 0) {
    for (std::size_t s = 0; s < dense_count_; ++s)
      transitions_[s * width + escape_class_] = kEscape;
  }
}

std::uint32_t Matcher::sparse_target(std::uint32_t state, std::uint32_t cls) const {
  const std::size_t k = state - dense_count_;
  const SparseEdge* first = sparse_edges_.data() + sparse_first_[k];
  const SparseEdge* last = sparse_edges_.data() + sparse_first_[k + 1];
  const SparseEdge* e = std::lower_bound(
      first, last, cls, [](const SparseEdge& edge, std::uint32_t c) { return edge.cls < c; });
  return e != last && e->cls == cls ? e->target : kNoEdge;
}

void Matcher::find_all(std::string_view text, std::vector<Match>& out, Keep keep,
                       const void* context) const {
  if (patterns_.empty()) return;
  const Sink sink{out, keep, context};
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  const std::uint32_t* delta = delta_;
  const std::uint16_t* column = byte_class_;
  std::size_t row = 0;
  std::size_t i = 0;
  // One table lookup per byte. Most entries are plain; a flagged one (an output, or a byte that
  // may start white space) goes to the slow path, which may consume several bytes.
  while (i < n) {
    // Plain steps, eight to a loop test (std::size_t spares a zero extension per byte). A
    // flagged entry at byte i + k stops them with the k plain steps before it taken.
    for (; i + 8 <= n; i += 8) {
      std::size_t r = row;
      std::size_t k = 0;
#pragma GCC unroll 8
      for (; k < 8; ++k) {
        const std::size_t t = delta[r + column[bytes[i + k]]];
        if (t & kFlags) break;
        r = t;
      }
      row = r;
      if (k < 8) {
        i += k;
        break;
      }
    }
    if (i >= n) break;
    // One step: the flagged byte, or one of the last seven.
    const std::uint32_t next = delta[row + column[bytes[i]]];
    if (next & kFlags) {
      const SlowStep step = slow_step(text, i, row, next, sink);
      row = step.row;
      i = step.last + 1;
    } else {
      row = next;
      ++i;
    }
  }
}

std::uint32_t Matcher::class_at(std::string_view text, std::size_t& i) const {
  const auto b = static_cast<unsigned char>(text[i]);
  if (escape_class_ == 0 || byte_class_[b] != escape_class_) return byte_class_[b];
  // A lead byte of multi-byte white space: a run of white space reads as one space.
  if (const std::size_t len = space_length(text, i); len != 0) {
    i += len - 1;
    return space_class_;
  }
  return lead_class_[b];
}

Matcher::SlowStep Matcher::slow_step(std::string_view text, std::size_t i, std::size_t row,
                                     std::uint32_t next, const Sink& sink) const {
  if (next & kEscape) next = delta_[row + class_at(text, i)];
  const std::uint32_t width = class_count_;
  for (;;) {
    if (next & kHasOutput) {
      const std::uint32_t target = next & kPayload;
      report(text, next & kSparse ? target : target / width, i + 1, sink);
    }
    if (!(next & kSparse)) return {next & kPayload, i};
    // A sparse state reads the next bytes here until its failure chain leads back to a dense
    // one.
    if (++i == text.size()) return {0, i - 1};
    const std::uint32_t c = class_at(text, i);
    std::uint32_t s = next & kPayload;
    next = kNoEdge;
    while (s >= dense_count_) {
      if (next = sparse_target(s, c); next != kNoEdge) break;
      s = sparse_fail_[s - dense_count_];
    }
    if (next == kNoEdge) next = delta_[s * width + c];
  }
}

void Matcher::report(std::string_view text, std::uint32_t state, std::size_t end,
                     const Sink& sink) const {
  std::uint32_t s = own_output_[state] >= 0 ? state : output_link_[state];
  for (; s != 0; s = output_link_[s]) {
    const Output& o = outputs_[static_cast<std::size_t>(own_output_[s])];
    const std::string_view literal = patterns_[pattern_ids_[o.first_pattern]].literal;
    const std::size_t begin = literal_start(text, end, literal);
    if (begin == std::string_view::npos) continue;
    const Span span{begin, end};
    for (std::uint32_t k = 0; k < o.pattern_count; ++k) {
      const std::uint32_t id = pattern_ids_[o.first_pattern + k];
      Span particles{end, end};
      if (!fits(text, patterns_[id], span, particles)) continue;
      const Match match{first_id_ + id, span, particles};
      if (sink.keep == nullptr || sink.keep(sink.context, match)) sink.out.push_back(match);
    }
  }
}

bool Matcher::fits(std::string_view text, const Pattern& pattern, Span span,
                   Span& particles) const {
  switch (pattern.mode) {
    case MatchMode::anywhere:
      return true;
    case MatchMode::stem:
      return starts_eojeol(text, span, pattern.literal);
    case MatchMode::exact:
      return is_whole_eojeol(text, span);
    case MatchMode::word:
      break;
  }
  if (!starts_eojeol(text, span, pattern.literal)) return false;
  if (span.end == text.size() ||
      !is_word_char(code_point_before(pattern.literal, pattern.literal.size()))) {
    return true;
  }
  if (!is_word_char(code_point_at(text, span.end))) {
    particles = particles_after_quote(text, span.end, pattern.particles);
    return true;
  }
  if (pattern.particles == nullptr) return false;
  const std::size_t end = pattern.particles->run_end(text, span.end);
  if (end == std::string_view::npos) return false;
  particles.end = end;
  return true;
}

void keep_leftmost_longest(std::vector<Match>& matches) {
  std::sort(matches.begin(), matches.end(), [](const Match& a, const Match& b) {
    if (a.span.begin != b.span.begin) return a.span.begin < b.span.begin;
    if (a.span.end != b.span.end) return a.span.end > b.span.end;
    return a.pattern < b.pattern;
  });
  std::size_t kept = 0;
  std::size_t reach = 0;
  Span last{std::string_view::npos, std::string_view::npos};
  for (const Match& m : matches) {
    if (m.span == last || m.span.begin >= reach) {
      last = m.span;
      reach = std::max(reach, m.particles.end);
      matches[kept++] = m;
    }
  }
  matches.resize(kept);
}

}  // namespace factlint
