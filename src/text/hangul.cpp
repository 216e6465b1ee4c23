#include "text/hangul.h"

#include <array>

#include "text/utf8.h"

namespace factlint::hangul {

namespace {

/// Index of ㄹ among the 28 final-consonant slots of a precomposed syllable (Unicode 3.12).
constexpr unsigned kRieulFinal = 8;

/// Digits as read in Sino-Korean: 일 이 삼 사 오 육 칠 팔 구. A final 0 is 영, 십, 백, 천 or
/// 만 depending on the number, and every one of those has a final consonant other than ㄹ.
Coda digit_coda(char32_t digit) {
  switch (digit) {
    case '1':  // 일
    case '7':  // 칠
    case '8':  // 팔
      return Coda::rieul;
    case '0':  // 영 십 백 천 만
    case '3':  // 삼
    case '6':  // 육
      return Coda::other;
    default:  // 이 사 오 구
      return Coda::none;
  }
}

/// Latin letters by their Korean names (외래어 표기법 usage in 표준국어대사전): only L 엘 and
/// R 알 end in ㄹ, M 엠 and N 엔 in another consonant; every other name ends in a vowel
/// (에이, 비, 씨, 디, 이, 에프, 지, 에이치, 아이, 제이, 케이, 오, 피, 큐, 에스, 티, 유, 브이,
/// 더블유, 엑스, 와이, 제트).
Coda letter_coda(char32_t upper) {
  switch (upper) {
    case 'L':
    case 'R':
      return Coda::rieul;
    case 'M':
    case 'N':
      return Coda::other;
    default:
      return Coda::none;
  }
}

bool is_upper(char32_t cp) { return cp >= 'A' && cp <= 'Z'; }
bool is_lower(char32_t cp) { return cp >= 'a' && cp <= 'z'; }

/// Offset just past the last character that is not a closing quote, reading past a final
/// parenthetical; npos when nothing is left.
std::size_t reading_end(std::string_view word) {
  std::size_t end = word.size();
  while (end > 0) {
    const std::size_t at = utf8::previous(word, end);
    std::size_t i = at;
    const char32_t cp = utf8::decode(word, i);
    if (is_closing_mark(cp) && cp != ')' && cp != 0xFF09) {
      end = at;
      continue;
    }
    if (cp != ')' && cp != 0xFF09) return end;
    // Skip back to the matching opening parenthesis.
    int depth = 0;
    std::size_t pos = end;
    while (pos > 0) {
      pos = utf8::previous(word, pos);
      std::size_t k = pos;
      const char32_t c = utf8::decode(word, k);
      if (c == ')' || c == 0xFF09) ++depth;
      if ((c == '(' || c == 0xFF08) && --depth == 0) break;
    }
    if (depth != 0) return std::string_view::npos;
    end = pos;
  }
  return std::string_view::npos;
}

/// A particle that alternates by the preceding sound: the form written after a final consonant
/// and the form written after a vowel.
struct Alternation {
  std::string_view after_consonant;
  std::string_view after_vowel;
  bool rieul_takes_vowel_form = false;  ///< 으로/로: 서울로, not 서울으로.
  bool whole = false;   ///< Only when it is the whole particle string (see 이/가 below).
  bool copula = false;  ///< A form of 이다, whose 이 may stay after a vowel.
};

constexpr bool kRieulVowel = true;
constexpr bool kWhole = true;
constexpr bool kCopula = true;

// The copula 이다 drops its 이 after a vowel (학교다, 학교라고, 학교였다), so its endings pair up
// as prefixes: 이라 covers 이라고/이라는/이라며/이라면/이라서/이라도, 이었 covers 이었다/이었고/
// 이었으며/이었던. The subject particle 이/가 is matched only whole, so that copula endings not
// listed here (이자, 이므로) are never turned into 가자 or 가므로.
constexpr std::array kAlternations = {
    Alternation{"은", "는"},
    Alternation{"을", "를"},
    Alternation{"과", "와"},
    Alternation{"으로", "로", kRieulVowel},
    Alternation{"이", "가", false, kWhole},
    Alternation{"이랑", "랑"},
    Alternation{"이라", "라", false, false, kCopula},
    Alternation{"이란", "란", false, false, kCopula},
    Alternation{"이나", "나", false, false, kCopula},
    Alternation{"이든", "든", false, false, kCopula},
    Alternation{"이며", "며", false, false, kCopula},
    Alternation{"이고", "고", false, false, kCopula},
    Alternation{"이다", "다", false, false, kCopula},
    Alternation{"이었", "였", false, false, kCopula},
    Alternation{"이어", "여", false, false, kCopula},
    Alternation{"이던", "던", false, false, kCopula},
    Alternation{"이에요", "예요", false, false, kCopula},
    Alternation{"이야", "야", false, false, kCopula},
    Alternation{"이지만", "지만", false, false, kCopula},
    Alternation{"이면", "면", false, false, kCopula},
};

/// The alternation whose form starts `particles` (the longest such form), with that form's
/// length; nullptr when the particles do not alternate.
const Alternation* find_alternation(std::string_view particles, std::size_t& length) {
  const Alternation* best = nullptr;
  length = 0;
  for (const Alternation& a : kAlternations) {
    for (std::string_view form : {a.after_consonant, a.after_vowel}) {
      const bool fits = a.whole ? particles == form : particles.starts_with(form);
      if (fits && form.size() > length) {
        best = &a;
        length = form.size();
      }
    }
  }
  return best;
}

bool takes_vowel_form(const Alternation& a, Coda coda) {
  return coda == Coda::none || (coda == Coda::rieul && a.rieul_takes_vowel_form);
}

}  // namespace

bool is_closing_mark(char32_t cp) {
  switch (cp) {
    case '"':
    case '\'':
    case ')':
    case ']':
    case 0x2019:  // ’
    case 0x201D:  // ”
    case 0x300D:  // 」
    case 0x300F:  // 』
    case 0x300B:  // 》
    case 0x3009:  // 〉
    case 0x3011:  // 】
    case 0xFF09:  // ）
      return true;
    default:
      return false;
  }
}

std::optional<Coda> syllable_coda(char32_t cp) {
  if (!utf8::is_hangul_syllable(cp)) return std::nullopt;
  const unsigned final_index = (cp - 0xAC00) % 28;
  if (final_index == 0) return Coda::none;
  return final_index == kRieulFinal ? Coda::rieul : Coda::other;
}

std::optional<Coda> final_coda(std::string_view word) {
  const std::size_t end = reading_end(word);
  if (end == std::string_view::npos || end == 0) return std::nullopt;
  const std::size_t last = utf8::previous(word, end);
  std::size_t i = last;
  const char32_t cp = utf8::decode(word, i);
  if (auto coda = syllable_coda(cp)) return coda;
  if (utf8::is_digit(cp)) return digit_coda(cp);
  if (cp == '%' || cp == 0xFF05) return Coda::none;  // 퍼센트
  if (is_upper(cp)) return letter_coda(cp);
  if (is_lower(cp)) {
    // A lone lowercase letter after a digit or a symbol is read by its name ("GPT-4o" ends in
    // 오); a lowercase word is read as a word, which the spelling alone cannot tell.
    const bool alone = last == 0 || !(is_lower(static_cast<unsigned char>(word[last - 1])) ||
                                      is_upper(static_cast<unsigned char>(word[last - 1])));
    if (alone) return letter_coda(cp - 'a' + 'A');
  }
  return std::nullopt;
}

std::string fit_particles(std::string_view particles, Coda coda) {
  std::size_t length = 0;
  const Alternation* a = find_alternation(particles, length);
  if (a == nullptr) return std::string(particles);
  std::string out(takes_vowel_form(*a, coda) ? a->after_vowel : a->after_consonant);
  out.append(particles.substr(length));
  return out;
}

bool particle_fits(std::string_view particles, Coda coda) {
  std::size_t length = 0;
  const Alternation* a = find_alternation(particles, length);
  if (a == nullptr) return true;
  const std::string_view written = particles.substr(0, length);
  const bool vowel = takes_vowel_form(*a, coda);
  if (written == (vowel ? a->after_vowel : a->after_consonant)) return true;
  return a->copula && coda == Coda::none && written == a->after_consonant;
}

}  // namespace factlint::hangul
