#include "rules/pack_check.h"

#include <algorithm>
#include <map>
#include <optional>
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

/// The code point that ends just before `at`.
char32_t code_point_before(std::string_view text, std::size_t at) {
  std::size_t begin = at;
  while (begin > 0 && (static_cast<unsigned char>(text[begin - 1]) & 0xC0) == 0x80) --begin;
  if (begin > 0) --begin;
  std::size_t i = begin;
  return begin < at ? utf8::decode(text, i) : 0;
}

/// Start of the eojeol that `at` is inside: back over letters and digits.
std::size_t word_start(std::string_view text, std::size_t at) {
  while (at > 0) {
    const char32_t cp = code_point_before(text, at);
    if (!is_word_char(cp)) break;
    at = utf8::previous(text, at);
  }
  return at;
}

/// Final consonant index of a Hangul syllable (0 none, 4 ㄴ, 8 ㄹ ...), or -1.
int jongseong(char32_t cp) {
  if (cp < 0xAC00 || cp > 0xD7A3) return -1;
  return static_cast<int>((cp - 0xAC00) % 28);
}

/// Whether the eojeol after the space at `end` starts with one of `next`; "#" in one stands
/// for a number (3년, 10개월).
bool next_fits(std::string_view text, std::size_t end, const std::vector<std::string>& next) {
  std::size_t at = end;
  while (at < text.size() && (text[at] == ' ' || text[at] == '\t')) ++at;
  if (at == end || at == text.size()) return false;
  const std::string_view following = text.substr(at);
  for (std::string_view n : next) {
    if (!n.starts_with('#')) {
      if (following.starts_with(n)) return true;
      continue;
    }
    std::size_t digits = 0;
    while (digits < following.size() &&
           ((following[digits] >= '0' && following[digits] <= '9') ||
            (digits > 0 && (following[digits] == ',' || following[digits] == '.')))) {
      ++digits;
    }
    if (digits > 0 && following.substr(digits).starts_with(n.substr(1))) return true;
  }
  return false;
}

/// Where a spacing rule fires: the eojeol, and the places the fix puts a space.
struct SpacingHit {
  Span eojeol;
  std::size_t space_before = 0;  ///< Before the noun.
  std::size_t space_after = 0;   ///< Inside what follows it, or 0 for none.
};

/// A spacing rule's `after` list, read once when the check is made: the matcher hands over
/// thousands of candidate nouns, and most are turned away by this test alone.
struct AfterSyllable {
  bool any_rieul = false;  ///< "ㄹ": any syllable ending in ㄹ.
  bool any_nieun = false;  ///< "ㄴ": any syllable ending in ㄴ.
  /// The syllables written out, as the number their three bytes make (key()). An entry of
  /// another length can never equal the one syllable before a noun, so it is left out.
  std::vector<std::uint32_t> syllables;

  static std::uint32_t key(std::string_view syllable) {
    return static_cast<std::uint32_t>(static_cast<unsigned char>(syllable[0])) << 16 |
           static_cast<std::uint32_t>(static_cast<unsigned char>(syllable[1])) << 8 |
           static_cast<unsigned char>(syllable[2]);
  }

  explicit AfterSyllable(const SpacingContext& context) {
    for (const std::string& a : context.after) {
      if (a == "ㄹ") {
        any_rieul = true;
      } else if (a == "ㄴ") {
        any_nieun = true;
      } else if (a.size() == 3) {
        syllables.push_back(key(a));
      }
    }
  }

  /// `syllable` is three bytes.
  bool fits(int coda, std::string_view syllable) const {
    if ((any_rieul && coda == 8) || (any_nieun && coda == 4)) return true;
    return std::find(syllables.begin(), syllables.end(), key(syllable)) != syllables.end();
  }
};

/// Whether the noun at `noun` sits where `context` says it is a dependent noun written onto
/// the word before it; `after` is read from the same context.
std::optional<SpacingHit> spacing_hit(std::string_view text, const SpacingContext& context,
                                      const AfterSyllable& after, Span noun) {
  if (noun.begin == 0) return std::nullopt;
  // The syllable before the noun, read straight from its three bytes: anything else (a space,
  // punctuation, Latin) ends the test, as a code point outside 가..힣 would.
  if (noun.begin < 3) return std::nullopt;
  const std::size_t before_at = noun.begin - 3;
  const auto b0 = static_cast<unsigned char>(text[before_at]);
  if (b0 < 0xEA || b0 > 0xED) return std::nullopt;
  const char32_t before = code_point_before(text, noun.begin);
  const int coda = jongseong(before);
  if (coda < 0) return std::nullopt;
  const std::string_view syllable = text.substr(before_at, 3);
  if (!after.fits(coda, syllable)) return std::nullopt;
  const std::size_t start = word_start(text, before_at);
  const std::string_view head = text.substr(start, noun.end - start);
  for (const std::string& e : context.except) {
    if (head.ends_with(e)) return std::nullopt;
  }
  const std::size_t end = word_end(text, noun.end);
  const std::string_view rest = text.substr(noun.end, end - noun.end);
  std::optional<std::size_t> space;
  for (std::string_view body : context.then) {
    // `body` is what follows the noun, with one space where the fix puts one (which the
    // written text lacks) and a final '*' when more may follow. Compared in place as the two
    // pieces around that space: this runs for every candidate noun, so nothing is copied.
    const bool open = body.ends_with('*');
    if (open) body.remove_suffix(1);
    const std::size_t gap = body.find(' ');
    const std::string_view head = body.substr(0, gap);
    const std::string_view tail =
        gap == std::string_view::npos ? std::string_view() : body.substr(gap + 1);
    const std::size_t length = head.size() + tail.size();
    const bool fits = open ? length != 0 && rest.size() >= length : rest.size() == length;
    if (fits && rest.starts_with(head) && rest.substr(head.size()).starts_with(tail)) {
      space = gap == std::string_view::npos ? 0 : noun.end + gap;
      break;
    }
  }
  if (!space) return std::nullopt;
  if (!context.next.empty() && rest.empty() && !next_fits(text, end, context.next)) {
    return std::nullopt;
  }
  return SpacingHit{Span{start, end}, noun.begin, *space};
}

class PackCheck final : public Check {
 public:
  explicit PackCheck(std::shared_ptr<const CompiledPacks> packs) : packs_(std::move(packs)) {
    // Per rule (by index): its `after` list; empty for the rules that are not spacing rules.
    static const SpacingContext kNone;
    std::vector<const PackRule*> rule_of(packs_->rules().size(), nullptr);
    for (std::uint32_t p = 0; p < packs_->pattern_count(); ++p) {
      const CompiledPacks::Target& target = packs_->target(p);
      rule_of[target.rule_index] = target.rule;
    }
    after_.reserve(rule_of.size());
    for (const PackRule* rule : rule_of) {
      after_.emplace_back(rule != nullptr && rule->kind == RuleKind::spacing ? rule->spacing
                                                                             : kNone);
    }
  }

  std::span<const RuleInfo> rules() const override { return packs_->rules(); }

  void run(const Document& doc, const LintContext& context, Emitter& out) const override {
    const std::span<const RuleInfo> rules = packs_->rules();
    // With every pack rule off there is nothing to find: skip the scan. (Stops at the first rule
    // that is on, so the usual case costs one lookup.)
    if (std::none_of(rules.begin(), rules.end(),
                     [&](const RuleInfo& r) { return out.enabled(r); })) {
      return;
    }
    // Whether each rule is on, looked up in the severities once per rule that matches rather
    // than once per match: -1 not looked up yet, 0 off, 1 on.
    std::vector<signed char> on(rules.size(), -1);
    auto enabled = [&](std::uint32_t rule_index) {
      signed char& known = on[rule_index];
      if (known < 0) known = out.enabled(rules[rule_index]) ? 1 : 0;
      return known == 1;
    };
    // Rules that are off must not hide an overlapping match of a rule that is on, and neither
    // must a dependent noun that is not in its context. They are dropped as they are found:
    // most raw matches are such, and holding them all cost more memory than the text.
    auto keep = [&](const Match& m) {
      const CompiledPacks::Target& target = packs_->target(m.pattern);
      if (!enabled(target.rule_index)) return false;
      return target.rule->kind != RuleKind::spacing ||
             spacing_hit(doc.text(), target.rule->spacing, after_[target.rule_index], m.span)
                 .has_value();
    };
    std::vector<Match> matches;
    packs_->find_all(
        doc.text(), matches,
        [](const void* context, const Match& m) {
          return (*static_cast<const decltype(keep)*>(context))(m);
        },
        &keep);
    keep_leftmost_longest(matches);
    // Consistency: the first variant of each set that the document uses.
    std::map<std::pair<std::uint32_t, std::uint32_t>, const Match*> first;
    const Match* previous = nullptr;
    for (const Match& m : matches) {
      const CompiledPacks::Target& target = packs_->target(m.pattern);
      switch (target.rule->kind) {
        case RuleKind::substitution:
        case RuleKind::existence:
          report(doc, context, m, out);
          break;
        case RuleKind::spacing:
          report_spacing(doc, context, m, out);
          break;
        case RuleKind::consistency: {
          auto [it, fresh] =
              first.emplace(std::make_pair(target.rule_index, target.entry->group), &m);
          if (!fresh && !is_gloss(doc.text(), m, previous)) {
            report_variant(doc, context, m, *it->second, out);
          }
          break;
        }
      }
      previous = &m;
    }
  }

 private:
  void report(const Document& doc, const LintContext& context, const Match& m, Emitter& out) const {
    const CompiledPacks::Target& target = packs_->target(m.pattern);
    const PackEntry& entry = *target.entry;
    const std::string_view written = doc.slice(m.span);
    std::optional<std::string> fitted;
    if (target.rule->kind == RuleKind::substitution && !m.particles.empty()) {
      fitted = refit_particles(written, entry.right, doc.slice(m.particles));
    }
    std::string message;
    const bool piece =
        entry.match == MatchMode::stem ||
        (entry.match == MatchMode::anywhere && target.rule->kind == RuleKind::substitution);
    if (piece) {
      // A stem ("덧붙혔") or a piece of a word ("었슴") reads better in the message as the whole
      // word: '덧붙혔다' → '덧붙였다', '있었슴을' → '있었음을'. The fix still replaces the piece.
      const std::size_t start =
          entry.match == MatchMode::anywhere ? word_start(doc.text(), m.span.begin) : m.span.begin;
      const std::string_view before = doc.text().substr(start, m.span.begin - start);
      const std::string_view rest =
          doc.text().substr(m.span.end, word_end(doc.text(), m.span.end) - m.span.end);
      message = fill_in(target.rule->message.in(context.lang),
                        std::string(before) + std::string(written) + std::string(rest),
                        std::string(before) + entry.right + std::string(rest));
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
    if (fitted) d->fix.push_back({m.particles, std::move(*fitted)});
  }

  void report_spacing(const Document& doc, const LintContext& context, const Match& m,
                      Emitter& out) const {
    const CompiledPacks::Target& target = packs_->target(m.pattern);
    const auto hit =
        spacing_hit(doc.text(), target.rule->spacing, after_[target.rule_index], m.span);
    if (!hit) return;
    const std::string_view written = doc.slice(hit->eojeol);
    std::string right(written);
    if (hit->space_after != 0) right.insert(hit->space_after - hit->eojeol.begin, " ");
    right.insert(hit->space_before - hit->eojeol.begin, " ");
    Diagnostic* d = out.report(packs_->rules()[target.rule_index], hit->eojeol,
                               fill_in(target.rule->message.in(context.lang), written, right));
    if (d == nullptr) return;
    d->fix.push_back({Span{hit->space_before, hit->space_before}, " "});
    if (hit->space_after != 0) d->fix.push_back({Span{hit->space_after, hit->space_after}, " "});
  }

  /// A variant in brackets right after another one glosses it: 챗GPT(ChatGPT).
  static bool is_gloss(std::string_view text, const Match& m, const Match* previous) {
    return previous != nullptr && m.span.begin > 0 && text[m.span.begin - 1] == '(' &&
           previous->span.end + 1 == m.span.begin;
  }

  void report_variant(const Document& doc, const LintContext& context, const Match& m,
                      const Match& winner, Emitter& out) const {
    const CompiledPacks::Target& target = packs_->target(m.pattern);
    if (packs_->target(winner.pattern).entry == target.entry) return;
    const std::string_view written = doc.slice(m.span);
    const std::string kept(doc.slice(winner.span));
    std::optional<std::string> fitted;
    bool safe = true;
    if (!m.particles.empty()) {
      // Without the kept spelling's final sound the particle cannot be chosen: no fix then.
      safe = hangul::final_coda(kept).has_value();
      if (safe) fitted = refit_particles(written, kept, doc.slice(m.particles));
    }
    std::string message = fill_in(target.rule->message.in(context.lang), written, kept);
    Diagnostic* d = out.report(packs_->rules()[target.rule_index], m.span, std::move(message));
    if (d == nullptr) return;
    d->related.push_back(
        {winner.span, context.lang == Lang::ko ? "처음 쓴 표기" : "first spelled here"});
    if (!safe) return;
    d->fix.push_back({m.span, kept});
    if (fitted) d->fix.push_back({m.particles, std::move(*fitted)});
  }

  std::shared_ptr<const CompiledPacks> packs_;
  std::vector<AfterSyllable> after_;
};

}  // namespace

CompiledPacks::CompiledPacks(std::vector<const Pack*> packs, std::string_view matcher_tables)
    : packs_(std::move(packs)) {
  compile(packs_, matcher_tables);
}

CompiledPacks::CompiledPacks(std::shared_ptr<const CompiledPacks> base,
                             std::vector<const Pack*> more, std::string matcher_tables)
    : base_(std::move(base)),
      packs_(base_->packs_),
      rules_(base_->rules_),
      targets_(base_->targets_),
      matcher_tables_(std::move(matcher_tables)) {
  packs_.insert(packs_.end(), more.begin(), more.end());
  compile(more, matcher_tables_, kAddedDenseEntries);
}

void CompiledPacks::compile(std::span<const Pack* const> packs, std::string_view matcher_tables,
                            std::size_t dense_entries) {
  const auto first_id = static_cast<std::uint32_t>(targets_.size());
  const ParticleSet* defaults = nullptr;
  std::vector<Pattern> patterns;
  for (const Pack* pack : packs) {
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
                                rule.kind != RuleKind::existence});
      for (const PackEntry& entry : rule.entries) {
        patterns.push_back(Pattern{entry.wrong, entry.match, particles});
        targets_.push_back(Target{pack, &rule, &entry, rule_index});
      }
    }
  }
  matcher_ =
      matcher_tables.empty()
          ? std::make_unique<Matcher>(std::move(patterns), first_id, dense_entries)
          : std::make_unique<Matcher>(std::move(patterns), matcher_tables, first_id, dense_entries,
                                      // A config's packs are read from the pack cache; the built-in
                                      // ones from the executable.
                                      base_ ? Matcher::Source::file : Matcher::Source::executable);
}

void CompiledPacks::find_all(std::string_view text, std::vector<Match>& out, Matcher::Keep keep,
                             const void* context) const {
  if (base_) base_->find_all(text, out, keep, context);
  matcher_->find_all(text, out, keep, context);
}

CompiledPacks::~CompiledPacks() = default;

std::unique_ptr<Check> make_pack_check(std::shared_ptr<const CompiledPacks> packs) {
  return std::make_unique<PackCheck>(std::move(packs));
}

}  // namespace factlint
