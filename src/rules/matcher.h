#pragma once
/// Finds the literal `wrong` strings of rule packs in one pass over a document.
///
/// The literals are compiled into one Aho–Corasick automaton over UTF-8 bytes, built once when
/// the packs load. The states nearest the root, as many as a bounded table holds (all of them
/// for the built-in packs), have a full row of transitions over byte classes: one table lookup
/// per byte. Deeper states of a large pack keep only their own edges and fall back along their
/// failure links, so that memory and build time grow with the literals, not with the literals
/// times the classes. Scanning allocates nothing; each raw hit is then checked against its
/// match mode (eojeol boundaries, particles). A space inside a literal matches any run of
/// spaces, tabs or other horizontal white space in the text, but never a line end.

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "text/span.h"

namespace factlint {

/// How a literal must sit in the text (see docs/rule-packs.md).
enum class MatchMode {
  word,      ///< Starts an eojeol; ends it or is followed only by particles and endings.
  stem,      ///< Starts an eojeol; anything may follow.
  exact,     ///< Is the whole eojeol, apart from punctuation around it.
  anywhere,  ///< Anywhere, even inside a word.
};

/// What may follow a word inside its eojeol in `word` mode: an optional noun suffix (들, 씩 ...),
/// then an optional particle or ending (에서, 는, 으로, 이라고, 했다 ...), then up to two short
/// particles that stack on it (에서+는, 으로+도, 였다+고). A particle whose form depends on the
/// sound before it (는/은, 로/으로 ...) must have the right form: 중고 is not 중 + the copula 고.
class ParticleSet {
 public:
  /// The engine's lists (default_particles()).
  ParticleSet();
  /// `particles` replaces the main list; the suffixes and stacking particles stay.
  explicit ParticleSet(std::vector<std::string> particles);

  /// End of the suffix and particles that start at `pos` and end the eojeol (at the end of the
  /// text, white space or punctuation), or npos when there are none such.
  std::size_t run_end(std::string_view text, std::size_t pos) const;

  const std::vector<std::string>& particles() const { return particles_; }

 private:
  std::size_t particles_end(std::string_view text, std::size_t pos) const;
  std::size_t stacked_end(std::string_view text, std::size_t pos, int depth) const;
  std::vector<std::string> suffixes_;
  std::vector<std::string> particles_;  ///< Longest first.
  std::vector<std::string> stacking_;
};

/// The engine's particle list: what packs use unless they set `particles`.
std::span<const std::string_view> default_particles();

/// True for the characters that make up words: letters, digits and combining marks. Everything
/// else (punctuation, symbols, white space) is a word boundary.
bool is_word_char(char32_t cp);

struct Pattern {
  std::string literal;  ///< NFC, non-empty, single spaces, no leading or trailing space.
  MatchMode mode = MatchMode::word;
  const ParticleSet* particles = nullptr;  ///< Required for MatchMode::word.
};

struct Match {
  std::uint32_t pattern = 0;  ///< Index into the patterns given to the Matcher.
  Span span;                  ///< The literal as written in the text.
  /// The particles that go with it: right after it, or after the closing quotes or brackets
  /// that end it (“제미니”는). Empty (at span.end) when there are none.
  Span particles;
};

class Matcher {
 public:
  /// Compiles the patterns; they may repeat the same literal with different modes. Matches
  /// number them from `first_id` (Match::pattern), so that matchers over consecutive lists of
  /// patterns report the numbers of the whole list.
  ///
  /// `dense_entries` bounds the full table of transitions: the states nearest the root get a
  /// row of it, as many as fit, and the deeper ones only their own edges (see build()).
  explicit Matcher(std::vector<Pattern> patterns, std::uint32_t first_id = 0,
                   std::size_t dense_entries = kDenseEntries);
  /// Where saved tables come from: the executable (built with it, checked for their shape
  /// only), or a file a user can reach (every entry is checked, since a damaged one must not
  /// lead a scan outside the tables).
  enum class Source { executable, file };

  /// Uses the tables that save() wrote for the same patterns (and `first_id`) instead of
  /// building them; the transition table is read in place, so `tables` must outlive the
  /// matcher. Builds them (with `dense_entries`) when `tables` does not fit the patterns.
  Matcher(std::vector<Pattern> patterns, std::string_view tables, std::uint32_t first_id = 0,
          std::size_t dense_entries = kDenseEntries, Source source = Source::executable);
  ~Matcher();
  Matcher(const Matcher&) = delete;
  Matcher& operator=(const Matcher&) = delete;

  /// Decides whether find_all keeps a match; `context` is what find_all was given.
  using Keep = bool (*)(const void* context, const Match& match);

  /// Appends every match whose boundaries fit its mode, overlapping ones included, in order of
  /// their end offset. With `keep`, only the matches it accepts: a caller that drops most
  /// matches (rules that are off, spacing outside its context) then never holds them all.
  void find_all(std::string_view text, std::vector<Match>& out, Keep keep = nullptr,
                const void* context = nullptr) const;

  /// The pattern a match reports as `id` (first_id and after).
  const Pattern& pattern(std::uint32_t id) const { return patterns_[id - first_id_]; }
  std::size_t pattern_count() const { return patterns_.size(); }
  /// States of the automaton (for memory estimates and tests).
  std::size_t state_count() const { return state_count_; }
  /// States with a row of the full table.
  std::size_t dense_state_count() const { return dense_count_; }

  /// The default bound of the full table: 8 MB, four times what the built-in packs need.
  static constexpr std::size_t kDenseEntries = std::size_t{1} << 21;

  /// Appends the compiled tables, for the constructor above.
  void save(std::string& out) const;
  /// Whether the tables were read from what save() wrote rather than built.
  bool adopted() const { return adopted_; }

 private:
  struct Output {
    std::uint32_t literal_length;  ///< Bytes of the literal (spaces counted once).
    std::uint32_t first_pattern;   ///< Range in pattern_ids_.
    std::uint32_t pattern_count;
  };
  struct SparseEdge {
    std::uint32_t cls;
    std::uint32_t target;  ///< An encoded transition, as in transitions_.
  };
  static constexpr std::uint32_t kNoEdge = 0xFFFFFFFFu;

  void build(std::size_t dense_entries);
  bool adopt(std::string_view tables, Source source);
  /// The edge of sparse state `state` on class `cls`, or kNoEdge.
  std::uint32_t sparse_target(std::uint32_t state, std::uint32_t cls) const;
  /// The class of the character at text[i]; a run of white space moves `i` to its last byte.
  std::uint32_t class_at(std::string_view text, std::size_t& i) const;
  /// Where find_all puts its matches.
  struct Sink {
    std::vector<Match>& out;
    Keep keep;
    const void* context;
  };
  struct SlowStep {
    std::size_t row;   ///< Row offset of the state reached.
    std::size_t last;  ///< Offset of the last byte consumed.
  };
  /// The step at byte `i` whose table entry `next` (from row `row`) is flagged.
  SlowStep slow_step(std::string_view text, std::size_t i, std::size_t row, std::uint32_t next,
                     const Sink& sink) const;
  void report(std::string_view text, std::uint32_t state, std::size_t end, const Sink& sink) const;
  bool fits(std::string_view text, const Pattern& pattern, Span span, Span& particles) const;

  std::vector<Pattern> patterns_;
  std::uint32_t first_id_ = 0;
  bool adopted_ = false;
  std::size_t state_count_ = 0;
  std::uint32_t class_count_ = 0;
  std::uint16_t byte_class_[256] = {};      ///< Byte -> column of the transition table; a
                                            ///< byte that may start a multi-byte white space
                                            ///< goes to the escape column.
  std::uint16_t lead_class_[256] = {};      ///< Those bytes' own class, when not white space.
  std::size_t dense_count_ = 0;             ///< States [0, dense_count_) have a row.
  std::vector<std::uint32_t> transitions_;  ///< [state * class_count_ + class]; the flag bits
                                            ///< mark a target with an output or a sparse
                                            ///< target, and every entry of the escape column.
  const std::uint32_t* delta_ = nullptr;    ///< transitions_, or the same table in an image.
  std::vector<std::int32_t> own_output_;    ///< Per state: index into outputs_, or -1.
  std::vector<std::uint32_t> output_link_;  ///< Per state: next state on the failure chain
                                            ///< with an output (0 = none).
  std::vector<Output> outputs_;
  std::vector<std::uint32_t> pattern_ids_;
  /// Sparse state s: its edges are sparse_edges_[sparse_first_[k], sparse_first_[k + 1]),
  /// sorted by class, and its failure state sparse_fail_[k], for k = s - dense_count_.
  std::vector<std::uint32_t> sparse_first_;
  std::vector<SparseEdge> sparse_edges_;
  std::vector<std::uint32_t> sparse_fail_;
  std::uint32_t space_class_ = 0;
  std::uint32_t escape_class_ = 0;  ///< The escape column, or 0 when no literal has a space.
};

/// Keeps the leftmost-longest matches that do not overlap: of two overlapping matches the one
/// that starts first wins, at the same start the longer one. Matches of different patterns over
/// exactly the same text are all kept. Sorts `matches` by position.
void keep_leftmost_longest(std::vector<Match>& matches);

}  // namespace factlint
