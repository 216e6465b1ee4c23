#pragma once
/// How a written word ends when read aloud, and the particle forms that follow from it.
///
/// Korean particles (josa) that alternate by the preceding sound (은/는, 이/가, 을/를, 과/와,
/// 으로/로, 이라고/라고 ...) are chosen by whether the last syllable as pronounced has a final
/// consonant (받침), and for 으로/로 whether that consonant is ㄹ (한글 맞춤법 제4장;
/// 표준국어대사전 "으로"). A word may end in Hangul, in digits ("3" is read 삼) or in Latin letters
/// read by their Korean names ("GPT" is 지피티), so each is handled here.

#include <optional>
#include <string>
#include <string_view>

namespace factlint::hangul {

/// The final sound of a word: no final consonant, ㄹ, or another final consonant.
enum class Coda { none, rieul, other };

/// Closing quotes and brackets, after which a particle still goes with the word inside
/// (“제미나이”는, (제미나이)가).
bool is_closing_mark(char32_t cp);

/// The coda of a Hangul syllable (가..힣); nullopt for anything else.
std::optional<Coda> syllable_coda(char32_t cp);

/// The coda of `word` as read aloud: its last Hangul syllable, digit (1 일, 2 이, 3 삼 ...; a
/// final 0 is read 영, 십, 백, 천 or 만, all with a final consonant), or uppercase Latin letter
/// read by its Korean name (L 엘, M 엠, N 엔, R 알 ...). Closing quotes are skipped and a final
/// parenthesis is read past ("제미나이(Gemini)" reads as 제미나이). nullopt when the reading is
/// unknown, e.g. an English word in lowercase ("Google") or a symbol.
std::optional<Coda> final_coda(std::string_view word);

/// `particles` (particles and endings written right after a word, e.g. "으로도", "는", "이라고")
/// in the form that fits after a word with coda `coda`: only the first particle alternates
/// ("으로도" after a vowel becomes "로도"). Particles that do not alternate are returned as given.
std::string fit_particles(std::string_view particles, Coda coda);

/// Whether `particles` may be written after a word with coda `coda`: "는" fits after 제미나이
/// but not after 로켓, "로" after 서울 but "으로" not. Forms of the copula 이다 keep their 이
/// after a vowel too (학교이다 and 학교다 are both standard), so those fit either way.
/// Particles that do not alternate fit anywhere.
bool particle_fits(std::string_view particles, Coda coda);

}  // namespace factlint::hangul
