#include "rules/conjugate.h"

#include "text/utf8.h"

namespace factlint {

namespace {

// Vowel and final-consonant indices of the Unicode Hangul syllable block.
constexpr int kA = 0, kAe = 1, kYa = 2, kYae = 3, kEo = 4, kE = 5, kYeo = 6, kYe = 7, kO = 8,
              kWa = 9, kWae = 10, kOe = 11, kU = 13, kWo = 14, kEu = 18, kI = 20;
constexpr int kNieun = 4, kRieul = 8, kPieup = 17, kSsangSios = 20;
constexpr int kInitialRieul = 5, kInitialHieut = 18;

struct Syllable {
  int initial, vowel, final;
};

std::optional<Syllable> split(char32_t cp) {
  if (cp < 0xAC00 || cp > 0xD7A3) return std::nullopt;
  const int index = static_cast<int>(cp - 0xAC00);
  return Syllable{index / 588, (index % 588) / 28, index % 28};
}

std::string join(Syllable s) {
  std::string out;
  utf8::append(out, static_cast<char32_t>(0xAC00 + (s.initial * 21 + s.vowel) * 28 + s.final));
  return out;
}

/// 아 after ㅏ and ㅗ (양성 모음), 어 after the others (한글 맞춤법 제16항).
bool bright(int vowel) { return vowel == kA || vowel == kO || vowel == kYa || vowel == kWa; }

}  // namespace

std::optional<std::vector<std::string>> conjugate(std::string_view dictionary_form,
                                                  Conjugation kind) {
  if (!dictionary_form.ends_with("다")) return std::nullopt;
  std::vector<Syllable> stem;
  for (std::size_t i = 0; i < dictionary_form.size() - 3;) {
    const auto s = split(utf8::decode(dictionary_form, i));
    if (!s) return std::nullopt;
    stem.push_back(*s);
  }
  if (stem.empty()) return std::nullopt;
  std::string head;  // Every syllable but the last.
  for (std::size_t i = 0; i + 1 < stem.size(); ++i) head += join(stem[i]);
  const Syllable last = stem.back();
  const std::string whole = head + join(last);

  std::vector<std::string> forms;
  for (std::string_view ending :
       {"고", "기", "며", "게", "지", "는", "면", "다", "니", "자", "도록"}) {
    forms.push_back(whole + std::string(ending));
  }
  // A ㅡ that drops takes the harmony of the syllable before it (담가, 치러).
  const bool light = stem.size() > 1 && last.vowel == kEu && last.final == 0
                         ? bright(stem[stem.size() - 2].vowel)
                         : bright(last.vowel);
  // -어/-아, and the past from it (ㅆ on its last syllable, or 었/았 after it).
  std::string connective;
  bool merged = true;
  if (last.final != 0) {
    connective = whole + (light ? "아" : "어");
    merged = false;
  } else if (last.initial == kInitialHieut && last.vowel == kA) {
    connective = head + "해";
  } else if (last.vowel == kEu) {
    if (kind == Conjugation::reu && stem.size() > 1 && last.initial == kInitialRieul) {
      Syllable before = stem[stem.size() - 2];
      before.final = kRieul;
      std::string h;
      for (std::size_t i = 0; i + 2 < stem.size(); ++i) h += join(stem[i]);
      connective = h + join(before) + join({kInitialRieul, light ? kA : kEo, 0});
    } else {
      connective = head + join({last.initial, light ? kA : kEo, 0});
    }
  } else {
    int vowel = last.vowel;
    switch (last.vowel) {
      case kO:
        vowel = kWa;
        break;
      case kU:
        vowel = kWo;
        break;
      case kOe:
        vowel = kWae;
        break;
      case kI:
        vowel = kYeo;
        break;
      case kA:
      case kAe:
      case kEo:
      case kE:
      case kYeo:
      case kYae:
      case kYe:
        break;
      default:
        merged = false;
    }
    connective = merged ? head + join({last.initial, vowel, 0}) : whole + (light ? "아" : "어");
  }
  forms.push_back(connective);
  if (merged) {
    std::string past = connective;
    const std::size_t cut = utf8::previous(past, past.size());
    std::size_t at = cut;
    auto s = *split(utf8::decode(past, at));
    s.final = kSsangSios;
    forms.push_back(past.substr(0, cut) + join(s));
  } else {
    forms.push_back(whole + (light ? "았" : "었"));
  }
  // -ㄴ, -ㄹ, -ㅂ: on the last syllable when it has no final consonant (or ㄹ, which drops).
  for (int final : {kNieun, kRieul, kPieup}) {
    if (last.final == 0 || last.final == kRieul) {
      forms.push_back(head + join({last.initial, last.vowel, final}));
    } else {
      forms.push_back(whole + (final == kNieun ? "은" : final == kRieul ? "을" : "습"));
    }
  }
  return forms;
}

}  // namespace factlint
