#pragma once
/// Conjugated forms of a Korean verb or adjective, as written, for pack entries that give a
/// misspelled verb once (`치루다` → `치르다`) instead of every form of it (치뤘, 치뤄, 치룬, 치룰
/// ...). Only the beginning of each form is produced, up to where the ending no longer changes the
/// stem: a `stem` match then covers everything after it (치뤘다, 치뤘고, 치뤘지만).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace factlint {

/// How the stem changes before -어/-아: regularly (ㅡ drops: 치르다 → 치러), or as a 르 verb
/// (부르다 → 불러; 한글 맞춤법 제18항 9).
enum class Conjugation { regular, reu };

/// The beginnings of the common forms of `dictionary_form` (ending in 다), in a fixed order so
/// that two verbs' lists pair up: the stem before -고, -기, -며, -게, -지, -는, -면, -다, -니,
/// -자, -도록; the -어/-아 form; the past -었/-았; the -ㄴ/-은, -ㄹ/-을 and -ㅂ/-습 forms.
/// nullopt when the text is not a Hangul word ending in 다.
std::optional<std::vector<std::string>> conjugate(std::string_view dictionary_form,
                                                  Conjugation kind);

}  // namespace factlint
