#pragma once
/// Splitting a Korean particle (josa) off the end of a word: "오픈AI가" is the name "오픈AI"
/// followed by the subject particle "가". Checks that compare names across an article need the
/// name without whatever particle the sentence attached to it.

#include <cstddef>
#include <string_view>

namespace factlint::particles {

/// Length in bytes of the stem of `word`: the word without one trailing particle, or the whole
/// word when it ends in none. A particle that alternates by the preceding sound (은/는, 이/가,
/// 을/를, 과/와, 으로/로 ...) is split only after a Hangul syllable of the matching kind, so the
/// 이 of "화웨이" stays part of the name. After Latin letters or digits, whose reading the
/// spelling does not show, either form is split. A particle is never the whole word.
std::size_t stem_length(std::string_view word);

}  // namespace factlint::particles
