#include "text/particles.h"

#include <algorithm>
#include <array>
#include <unordered_map>
#include <vector>

#include "text/utf8.h"

namespace factlint::particles {
namespace {

/// Which preceding sound a particle needs (한글 맞춤법 제4장; 표준국어대사전 "이", "으로").
enum class After {
  any,         ///< 의, 에, 도, 만, 에서, 까지 ...
  consonant,   ///< 은, 이, 을, 과, 으로, 이라고 ...: after a final consonant.
  vowel,       ///< 는, 가, 를, 와, 라고 ...: after no final consonant.
  vowel_or_l,  ///< 로 and its compounds: after no final consonant or after ㄹ.
};

struct Particle {
  std::string_view text;
  After after;
};

// Tried longest first (see by_last_syllable), so that "에서는" is split whole rather than as "는",
// and "사이라는" falls back to "라는" when "이라는" does not fit after 사. One-syllable endings
// that are also the last syllable of many nouns (나, 며, 고, 다, 란) are left out: splitting them
// would turn "하노이나" and "가나" alike into names that never occur.
constexpr std::array kParticles = {
    Particle{"으로부터", After::consonant},
    Particle{"에서부터", After::any},
    Particle{"으로서는", After::consonant},
    Particle{"이라는", After::consonant},
    Particle{"이라고", After::consonant},
    Particle{"이라며", After::consonant},
    Particle{"이었다", After::consonant},
    Particle{"로부터", After::vowel_or_l},
    Particle{"로서는", After::vowel_or_l},
    Particle{"에게서", After::any},
    Particle{"한테서", After::any},
    Particle{"에서는", After::any},
    Particle{"에서도", After::any},
    Particle{"에서의", After::any},
    Particle{"에서만", After::any},
    Particle{"에게는", After::any},
    Particle{"에게도", After::any},
    Particle{"으로는", After::consonant},
    Particle{"으로도", After::consonant},
    Particle{"으로의", After::consonant},
    Particle{"으로서", After::consonant},
    Particle{"으로써", After::consonant},
    Particle{"으로만", After::consonant},
    Particle{"까지는", After::any},
    Particle{"까지도", After::any},
    Particle{"까지의", After::any},
    Particle{"부터는", After::any},
    Particle{"보다는", After::any},
    Particle{"보다도", After::any},
    Particle{"만큼은", After::any},
    Particle{"라는", After::vowel},
    Particle{"라고", After::vowel},
    Particle{"라며", After::vowel},
    Particle{"이란", After::consonant},
    Particle{"이나", After::consonant},
    Particle{"이며", After::consonant},
    Particle{"이고", After::consonant},
    Particle{"이다", After::consonant},
    Particle{"이랑", After::consonant},
    Particle{"였다", After::vowel},
    Particle{"로서", After::vowel_or_l},
    Particle{"로써", After::vowel_or_l},
    Particle{"로는", After::vowel_or_l},
    Particle{"로도", After::vowel_or_l},
    Particle{"로의", After::vowel_or_l},
    Particle{"로만", After::vowel_or_l},
    Particle{"에는", After::any},
    Particle{"에도", After::any},
    Particle{"에의", After::any},
    Particle{"에만", After::any},
    Particle{"에선", After::any},
    Particle{"에겐", After::any},
    Particle{"와는", After::vowel},
    Particle{"과는", After::consonant},
    Particle{"와도", After::vowel},
    Particle{"과도", After::consonant},
    Particle{"와의", After::vowel},
    Particle{"과의", After::consonant},
    Particle{"처럼", After::any},
    Particle{"보다", After::any},
    Particle{"마저", After::any},
    Particle{"조차", After::any},
    Particle{"까지", After::any},
    Particle{"부터", After::any},
    Particle{"에서", After::any},
    Particle{"에게", After::any},
    Particle{"한테", After::any},
    Particle{"께서", After::any},
    Particle{"으로", After::consonant},
    Particle{"만큼", After::any},
    Particle{"은", After::consonant},
    Particle{"는", After::vowel},
    Particle{"이", After::consonant},
    Particle{"가", After::vowel},
    Particle{"을", After::consonant},
    Particle{"를", After::vowel},
    Particle{"과", After::consonant},
    Particle{"와", After::vowel},
    Particle{"로", After::vowel_or_l},
    Particle{"의", After::any},
    Particle{"에", After::any},
    Particle{"도", After::any},
    Particle{"만", After::any},
    Particle{"께", After::any},
};

/// Index of ㄹ among the 28 final-consonant slots of a precomposed syllable (Unicode 3.12).
constexpr char32_t kRieulFinal = 8;

bool fits(After after, char32_t before) {
  if (after == After::any || !utf8::is_hangul_syllable(before)) return true;
  const char32_t final = (before - 0xAC00) % 28;
  switch (after) {
    case After::consonant:
      return final != 0;
    case After::vowel:
      return final == 0;
    case After::vowel_or_l:
      return final == 0 || final == kRieulFinal;
    case After::any:
      break;
  }
  return true;
}

char32_t last_code_point(std::string_view s) {
  std::size_t at = utf8::previous(s, s.size());
  return utf8::decode(s, at);
}

/// The particles grouped by their last syllable, each group longest first: a word is compared
/// only with the particles that end like it, and the longest that fits wins.
const std::unordered_map<char32_t, std::vector<Particle>>& by_last_syllable() {
  static const auto table = [] {
    std::unordered_map<char32_t, std::vector<Particle>> t;
    for (const Particle& p : kParticles) t[last_code_point(p.text)].push_back(p);
    for (auto& [last, group] : t) {
      std::stable_sort(group.begin(), group.end(), [](const Particle& a, const Particle& b) {
        return a.text.size() > b.text.size();
      });
    }
    return t;
  }();
  return table;
}

}  // namespace

std::size_t stem_length(std::string_view word) {
  if (word.empty()) return 0;
  const auto& table = by_last_syllable();
  const auto group = table.find(last_code_point(word));
  if (group == table.end()) return word.size();
  for (const Particle& p : group->second) {
    if (word.size() <= p.text.size() || !word.ends_with(p.text)) continue;
    const std::size_t stem = word.size() - p.text.size();
    const char32_t before = [&] {
      std::size_t at = utf8::previous(word, stem);
      return utf8::decode(word, at);
    }();
    const bool letter = utf8::is_hangul_syllable(before) || utf8::is_digit(before) ||
                        (before >= 'A' && before <= 'Z') || (before >= 'a' && before <= 'z');
    if (letter && fits(p.after, before)) return stem;
  }
  return word.size();
}

}  // namespace factlint::particles
