#pragma once
/// The check that runs rule packs: every entry of every loaded pack, compiled into one matcher.

#include <cstdint>
#include <memory>
#include <span>
#include <vector>

#include "checks/check.h"
#include "rules/matcher.h"
#include "rules/pack.h"

namespace factlint {

/// A set of packs compiled once: one automaton over all their entries and the RuleInfo of each
/// rule. The packs must outlive it.
class CompiledPacks {
 public:
  /// `matcher_tables`: the matcher of these same packs as saved at build time, or empty.
  explicit CompiledPacks(std::vector<const Pack*> packs, std::string_view matcher_tables = {});
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

  const Matcher& matcher() const { return *matcher_; }
  const Target& target(std::uint32_t pattern) const { return targets_[pattern]; }
  /// One per pack rule, in pack order.
  std::span<const RuleInfo> rules() const { return rules_; }
  const std::vector<const Pack*>& packs() const { return packs_; }

 private:
  std::vector<const Pack*> packs_;
  std::vector<std::unique_ptr<ParticleSet>> particle_sets_;
  std::vector<RuleInfo> rules_;
  std::vector<Target> targets_;
  std::unique_ptr<Matcher> matcher_;
};

/// The check reporting every pack rule: message with {wrong}/{right} filled in, span on the
/// written word (its particles excluded) and, for substitutions, a fix that also repairs the
/// particle after it when the replacement ends in a different sound (로케트는 → 로켓은).
std::unique_ptr<Check> make_pack_check(std::shared_ptr<const CompiledPacks> packs);

}  // namespace factlint
