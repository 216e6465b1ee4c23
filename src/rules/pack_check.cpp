#include "rules/pack_check.h"

#include <string>

#include "text/document.h"
#include "text/hangul.h"
#include "text/utf8.h"

namespace factlint {

namespace {

/// Replaces {wrong} and {right} in a message template (the loader allows no other braces).
std::string fill_in(std::string_view text, std::string_view wrong, std::string_view right) {
  std::string out;
  out.reserve(text.size() + wrong.size() + right.size());
  for (std::size_t i = 0; i < text.size();) {
    if (text.substr(i).starts_with("{wrong}")) {
      out += wrong;
      i += 7;
    } else if (text.substr(i).starts_with("{right}")) {
      out += right;
      i += 7;
    } else {
      out += text[i++];
    }
  }
  return out;
}

/// The particles after the replacement, when they must change: only if the replacement's final
/// sound is known and differs from that of the word it replaces (제미니와 → 제미나이와 keeps its
/// particle; 로케트는 → 로켓은 does not). Nullopt when they stay as written.
std::optional<std::string> refit_particles(std::string_view written, std::string_view right,
                                           std::string_view particles) {
  const auto after = hangul::final_coda(right);
  if (!after) return std::nullopt;
  const auto before = hangul::final_coda(written);
  if (before && *before == *after) return std::nullopt;
  std::string fitted = hangul::fit_particles(particles, *after);
  if (fitted == particles) return std::nullopt;
  return fitted;
}

/// End of the eojeol that continues at `at`: up to whitespace or sentence punctuation.
std::size_t word_end(std::string_view text, std::size_t at) {
  while (at < text.size()) {
    std::size_t next = at;
    const char32_t cp = utf8::decode(text, next);
    if (cp == '\n' || utf8::is_space(cp) || cp == '.' || cp == ',' || cp == '?' || cp == '!' ||
        cp == '"' || cp == '\'' || cp == ')' || cp == 0x201D || cp == 0x2019 || cp == 0x00B7) {
      break;
    }
    at = next;
  }
  return at;
}

class PackCheck final : public Check {
 public:
  explicit PackCheck(std::shared_ptr<const CompiledPacks> packs) : packs_(std::move(packs)) {}

  std::span<const RuleInfo> rules() const override { return packs_->rules(); }

  void run(const Document& doc, const LintContext& context, Emitter& out) const override {
    std::vector<Match> matches;
    packs_->matcher().find_all(doc.text(), matches);
    // Rules that are off must not hide an overlapping match of a rule that is on.
    std::erase_if(matches, [&](const Match& m) {
      return !out.enabled(packs_->rules()[packs_->target(m.pattern).rule_index]);
    });
    keep_leftmost_longest(matches);
    for (const Match& m : matches) report(doc, context, m, out);
  }

 private:
  void report(const Document& doc, const LintContext& context, const Match& m, Emitter& out) const {
    const CompiledPacks::Target& target = packs_->target(m.pattern);
    const PackEntry& entry = *target.entry;
    const std::string_view written = doc.slice(m.span);
    std::string message;
    if (entry.match == MatchMode::stem) {
      // A stem ("덧붙혔") reads better in the message as the whole word it starts: '덧붙혔다'
      // → '덧붙였다'. The fix still replaces the stem only.
      const std::string_view rest =
          doc.text().substr(m.span.end, word_end(doc.text(), m.span.end) - m.span.end);
      message = fill_in(target.rule->message.in(context.lang),
                        std::string(written) + std::string(rest), entry.right + std::string(rest));
    } else {
      message = fill_in(target.rule->message.in(context.lang), written, entry.right);
    }
    if (!entry.note.empty()) {
      message += ' ';
      message += entry.note.in(context.lang);
    }
    Diagnostic* d = out.report(packs_->rules()[target.rule_index], m.span, std::move(message));
    if (d == nullptr || target.rule->kind != RuleKind::substitution) return;
    d->fix.push_back({m.span, entry.right});
    if (m.particles.empty()) return;
    if (auto fitted = refit_particles(written, entry.right, doc.slice(m.particles))) {
      d->fix.push_back({m.particles, std::move(*fitted)});
    }
  }

  std::shared_ptr<const CompiledPacks> packs_;
};

}  // namespace

CompiledPacks::CompiledPacks(std::vector<const Pack*> packs, std::string_view matcher_tables)
    : packs_(std::move(packs)) {
  const ParticleSet* defaults = nullptr;
  std::vector<Pattern> patterns;
  for (const Pack* pack : packs_) {
    const ParticleSet* particles;
    if (pack->particles) {
      particle_sets_.push_back(std::make_unique<ParticleSet>(*pack->particles));
      particles = particle_sets_.back().get();
    } else {
      if (defaults == nullptr) {
        particle_sets_.push_back(std::make_unique<ParticleSet>());
        defaults = particle_sets_.back().get();
      }
      particles = defaults;
    }
    for (const PackRule& rule : pack->rules) {
      const auto rule_index = static_cast<std::uint32_t>(rules_.size());
      const Localized& summary = pack->summary(rule);
      rules_.push_back(RuleInfo{rule.id, rule.severity, Message{summary.en, summary.ko},
                                rule.kind == RuleKind::substitution});
      for (const PackEntry& entry : rule.entries) {
        patterns.push_back(Pattern{entry.wrong, entry.match, particles});
        targets_.push_back(Target{pack, &rule, &entry, rule_index});
      }
    }
  }
  matcher_ = matcher_tables.empty()
                 ? std::make_unique<Matcher>(std::move(patterns))
                 : std::make_unique<Matcher>(std::move(patterns), matcher_tables);
}

CompiledPacks::~CompiledPacks() = default;

std::unique_ptr<Check> make_pack_check(std::shared_ptr<const CompiledPacks> packs) {
  return std::make_unique<PackCheck>(std::move(packs));
}

}  // namespace factlint
