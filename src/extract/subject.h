#pragma once
/// Who or what a figure in a sentence is about. Korean news introduces the thing measured right
/// before its figure: "중국은 92.5%로", "참가자가 1,200명", "참가자 1,300명", "미국의 점유율은
/// 30%". The checks that compare figures (fact/...) need that word to know which figures are
/// about the same thing and which are about peers.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "text/span.h"

namespace factlint::extract {

struct Subject {
  /// The word without its particle: "중국" in "중국은 92.5%로". Bytes into the searched text;
  /// quotes around the word are left out ("‘찬성’은" → 찬성).
  Span word;
  /// "은", "는", "이" or "가" (the topic and subject particles), or empty when the word stands
  /// bare right before the figure ("참가자 1,300명", "찬성 48%").
  std::string particle;
  /// "A의 B는 N": the owner A ("미국" in "미국의 점유율은 30%"); the word is then the measure B.
  std::optional<Span> owner;
  /// A bare word right before the subject word ("국내" in "국내 참가자는 300명"), so that
  /// "국내 참가자" and "해외 참가자" are not taken for the same thing.
  std::optional<Span> modifier;

  /// The thing the figure is about: the owner when there is one, else the word.
  Span name() const { return owner ? *owner : word; }
  /// The measure when the sentence names one ("점유율" in "미국의 점유율은"), else empty.
  std::optional<Span> measure() const { return owner ? std::optional<Span>(word) : std::nullopt; }
};

/// The subject of the figure that begins at byte `number_begin` of `text` (UTF-8, NFC), looking
/// back no further than `limit` (the start of the sentence). The word right before the figure
/// (past 총, 모두, 무려, 불과 ...) is the subject when it ends in 은/는/이/가 fitting its last
/// sound, or when it is a bare noun. nullopt when that word is anything else: an object
/// ("수준을 100%로"), a comparison ("지난해보다 30%"), a date or number, a verb form
/// ("달하는 30%"), a pronoun or dependent noun ("이는", "것은"), or 각각 (several subjects).
std::optional<Subject> find_subject(std::string_view text, std::size_t number_begin,
                                    std::size_t limit = 0);

}  // namespace factlint::extract
