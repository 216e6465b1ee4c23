#pragma once
/// Direct quotations in Korean news text, who said them and with which verb.
///
/// Korean news quotes speech with double marks (“…” or "…") followed by a quotative ending and
/// a verb of saying: 김 장관은 “…”라고 말했다, “…”며 “…”고 강조했다. The speaker is the subject
/// of that sentence, often introduced with an apposition (치후 360의 창업자인 저우훙이는) and
/// later referred to as 그는, 이 관계자는 or 김 장관은. Single marks (‘…’) highlight terms and
/// titles. The recognized forms and their limits are described in
/// docs/checks/attribution/unattributed-quote.md ("How speakers are found").

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace factlint::extract {

/// One quotation. Offsets are bytes into the text that was searched.
struct Quote {
  std::size_t begin = 0;       ///< the opening mark
  std::size_t end = 0;         ///< one past the closing mark
  std::size_t text_begin = 0;  ///< the quoted text, without the marks
  std::size_t text_end = 0;
  char32_t open_mark = 0;  ///< “ " ‘ ' or 「
  int depth = 0;           ///< 0 for a quotation in running text, 1 for one inside another
};

/// What kind of source a speaker is.
enum class SpeakerKind {
  person,        ///< a named person: 저우훙이, 김민수 차관, 김 씨
  role,          ///< a person known only by a role: 업계 한 관계자, 국방부 대변인
  group,         ///< people in the plural: 전문가들은, 주민들은, 이들은
  organization,  ///< an institution, country, medium or document: 중국 정부, 외교부, 보고서
};

/// "person", "role", "group" or "organization", for listings and JSON.
std::string_view to_string(SpeakerKind kind);

/// The subject a quotation is attributed to.
struct Speaker {
  std::size_t begin = 0;  ///< the name (or the reference, 그 / 김 차관) as written, no particle
  std::size_t end = 0;
  std::string name;  ///< 저우훙이, 무스타파 술레이만, 김민수; for a role or group the phrase
  std::string title;  ///< apposition or affiliation: "치후 360의 창업자이자 전국인민회의 위원"
  /// Where the title is written; it contains the name when the title is written around it
  /// (외교부 김민수 차관: title "외교부 차관"). Both 0 when there is no title.
  std::size_t title_begin = 0;
  std::size_t title_end = 0;
  SpeakerKind kind = SpeakerKind::person;
};

/// A quotation with the sentence that reports it. Its string views are into the text that was
/// searched, which must outlive it: a document has one attribution per quotation, so they are
/// not copied.
struct Attribution {
  Quote quote;
  /// Who said it; nullopt for terms, titles and slogans, and for speech nobody is named for.
  std::optional<Speaker> speaker;
  /// 말했다, 밝혔다, 강조했다, 짚었다, 덧붙였다 ... as written, [verb_begin, verb_end) of the
  /// text; may be empty
  std::string_view verb;
  std::size_t verb_begin = 0;
  std::size_t verb_end = 0;
  /// The ending right after the closing mark: 라고, 이라고, 고, 라며, 며, 면서, 라는, 는 ...;
  /// empty when none.
  std::string_view quotative;
  /// Reported as speech: a quotative after a clause (“…”라고, “…다”며), a noun of saying
  /// (“…”라는 입장을 밝혔다) or a clause standing as a sentence of its own. Terms, titles and
  /// slogans (‘적응의 해’, “…”라는 문구) are not.
  bool speech = false;
  /// The sentence names the speaker by a reference (그는, 이 관계자는, 김 차관은); `speaker`
  /// then describes the person referred to, with begin/end on the reference. An unresolved
  /// reference keeps the written form as its name (그, 김 차관).
  bool speaker_by_reference = false;
  /// The sentence names no speaker; `speaker` was taken from the context: the last speaker of
  /// the six sentences before (“…”라고 덧붙였다), the sentence right before or after a quotation
  /// standing alone (“…” 그는 이렇게 말했다), or whoever was asked in the sentence before an
  /// answer (총무팀에 문의했다. “…”고 답했다).
  bool speaker_from_context = false;
};

/// Quotes in `text` (whole document, NFC), with speakers resolved across sentences, in order of
/// the opening mark. Quotations do not cross a line end.
std::vector<Attribution> find_attributions(std::string_view text);

/// The quotations of a text and the people it introduces, read once: what find_attributions
/// and find_people return, for callers that need both.
struct QuoteFacts {
  std::vector<Attribution> attributions;
  std::vector<Speaker> people;
};
QuoteFacts find_quote_facts(std::string_view text);

/// People written with a title or an apposition anywhere in the prose of `text` (김민수 차관을
/// 만났다, 위원인 저우훙이는) and every titled speaker, in order of appearance; headlines and
/// other lines without final punctuation are skipped. References (그는, 김 차관은) are not
/// listed. Checks use this to compare how one person is introduced.
std::vector<Speaker> find_people(std::string_view text);

}  // namespace factlint::extract
