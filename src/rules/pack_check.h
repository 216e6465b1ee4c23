#pragma once
/// The check that runs rule packs: every entry of every loaded pack, compiled into the automaton
/// of the built-in packs and one of a config's packs.

#include <cstdint>
#include <memory>
#include <span>
#include <vector>

#include "checks/check.h"
#include "rules/matcher.h"
#include "rules/pack.h"

namespace factlint {

/// A set of packs compiled once: an automaton over all their entries and the RuleInfo of each
/// rule. The packs must outlive it.
///
/// A set that adds packs to another (a config's house packs after the built-in ones) reuses
/// the other's automaton and compiles only the entries it adds into one of its own: the
/// built-in automaton, read in place from the image in the executable, is never built again
/// because a config names a pack. A document is then scanned once per automaton.
class CompiledPacks {
 public:
  /// `matcher_tables`: the matcher of these same packs as saved at build time, or empty.
  explicit CompiledPacks(std::vector<const Pack*> packs, std::string_view matcher_tables = {});
  /// `base`'s packs followed by `more`. `matcher_tables`: the automaton of `more` as saved by an
  /// earlier run over the same packs and base (the pack cache), or empty; it is kept.
  CompiledPacks(std::shared_ptr<const CompiledPacks> base, std::vector<const Pack*> more,
                std::string matcher_tables = {});

  /// The full table of the automaton of added packs (see Matcher): smaller than the built-in
  /// one, since it is built at every start and writing a large table costs more there than the
  /// few bytes of an article that its rows would save.
  static constexpr std::size_t kAddedDenseEntries = std::size_t{1} << 18;
  ~CompiledPacks();
  CompiledPacks(const CompiledPacks&) = delete;
  CompiledPacks& operator=(const CompiledPacks&) = delete;

  /// What a matcher pattern stands for.
  struct Target {
    const Pack* pack;
    const PackRule* rule;
    const PackEntry* entry;
    std::uint32_t rule_index;  ///< Into rules().
  };

  /// Every match of every entry, as Matcher::find_all finds them; Match::pattern indexes
  /// target(). Matches of different automata come one automaton after the other, not in order.
  void find_all(std::string_view text, std::vector<Match>& out, Matcher::Keep keep = nullptr,
                const void* context = nullptr) const;
  /// The automaton of the packs this set adds (all of them when it has no base).
  const Matcher& matcher() const { return *matcher_; }
  /// Entries of all the packs, the base's first.
  std::size_t pattern_count() const { return targets_.size(); }
  const Target& target(std::uint32_t pattern) const { return targets_[pattern]; }
  /// One per pack rule, in pack order.
  std::span<const RuleInfo> rules() const { return rules_; }
  const std::vector<const Pack*>& packs() const { return packs_; }

 private:
  /// Adds the rules and entries of `packs` and compiles their entries, numbered after those
  /// already added (see Matcher for `dense_entries`).
  void compile(std::span<const Pack* const> packs, std::string_view matcher_tables,
               std::size_t dense_entries = Matcher::kDenseEntries);

  std::shared_ptr<const CompiledPacks> base_;
  std::vector<const Pack*> packs_;
  std::vector<std::unique_ptr<ParticleSet>> particle_sets_;
  std::vector<RuleInfo> rules_;
  std::vector<Target> targets_;
  std::string matcher_tables_;  ///< read in place by matcher_, so declared before it
  std::unique_ptr<Matcher> matcher_;
};

/// The check reporting every pack rule: message with {wrong}/{right} filled in, span on the
/// written word (its particles excluded) and, for substitutions, a fix that also repairs the
/// particle after it when the replacement ends in a different sound (로케트는 → 로켓은).
std::unique_ptr<Check> make_pack_check(std::shared_ptr<const CompiledPacks> packs);

}  // namespace factlint
