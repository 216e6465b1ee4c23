#include "extract/subject.h"

#include <algorithm>
#include <span>

#include "text/hangul.h"
#include "text/utf8.h"

namespace factlint::extract {
namespace {

/// Words between a subject and its figure that qualify the figure, not the subject:
/// "참가자는 모두 1,200명", "매출은 지난해 100억 원".
constexpr std::string_view kSkippable[] = {
    "총",   "모두", "무려",   "불과", "겨우",   "고작", "대략", "전체", "통틀어", "합쳐",
    "올해", "금년", "지난해", "작년", "재작년", "내년", "당시", "현재", "최근",   "이번",
};

/// Words that are never what a figure is about: pronouns, dependent nouns, adverbs, bounds,
/// times, conjunctions. "이는 30%", "것은 30%", "최대 30%", "각각 30%, 40%".
constexpr std::string_view kNotSubjects[] = {
    "이",     "그",     "저",     "이것",   "그것", "것",     "수",     "중",     "등",   "및",
    "또",     "또는",   "혹은",   "그리고", "각각", "약",     "최대",   "최소",   "최고", "최저",
    "평균",   "이상",   "이하",   "미만",   "초과", "모든",   "각",     "단",     "대략", "이날",
    "오늘",   "어제",   "내일",   "매년",   "매월", "매일",   "연간",   "하루",   "그중", "이중",
    "가운데", "나머지", "또한",   "특히",   "다만", "한편",   "그러나", "하지만", "이후", "이전",
    "거의",   "약간",   "절반",   "대비",   "수많", "이같은", "같은",   "영하",   "영상", "이래",
    "동안",   "사이",   "지난번", "무렵",   "내내", "지난달", "이달",   "다음달", "내달", "지난주",
    "이번주", "다음주", "경우",   "때",     "뒤",   "후",     "전",     "결과",   "오전", "오후",
};

/// Last syllables that end a particle or a verb form, not a noun, so that a bare word ending in
/// one is not taken for a subject: "수준을 100%", "따라 1~2년", "위해 30%", "최고 30%".
constexpr std::string_view kNotBareEndings[] = {
    "을", "를", "에", "로", "의", "도", "만", "와", "과", "고", "며", "면", "서", "게",
    "지", "다", "요", "던", "는", "은", "한", "된", "할", "될", "함", "됨", "써", "야",
    "나", "랑", "께", "든", "니", "듯", "해", "라", "여", "록", "데", "씩", "려", "까",
};

/// Quotes and brackets that may enclose a subject word, pairwise: “” ‘’ "" '' 「」 『』 《》 〈〉
/// () [].
constexpr std::string_view kOpeners[] = {
    "\xE2\x80\x9C", "\xE2\x80\x98", "\"",           "'", "\xE3\x80\x8C",
    "\xE3\x80\x8E", "\xE3\x80\x8A", "\xE3\x80\x88", "(", "["};
constexpr std::string_view kClosers[] = {
    "\xE2\x80\x9D", "\xE2\x80\x99", "\"",           "'", "\xE3\x80\x8D",
    "\xE3\x80\x8F", "\xE3\x80\x8B", "\xE3\x80\x89", ")", "]"};

bool is_separator(char32_t cp) { return cp == '\n' || utf8::is_space(cp); }

/// The word that ends at or before `end` (spaces skipped), not reaching before `limit`.
std::optional<Span> word_before(std::string_view text, std::size_t end, std::size_t limit) {
  while (end > limit) {
    std::size_t at = utf8::previous(text, end);
    std::size_t i = at;
    if (!is_separator(utf8::decode(text, i))) break;
    end = at;
  }
  if (end <= limit) return std::nullopt;
  std::size_t begin = end;
  while (begin > limit) {
    std::size_t at = utf8::previous(text, begin);
    std::size_t i = at;
    if (is_separator(utf8::decode(text, i))) break;
    begin = at;
  }
  return Span{begin, end};
}

char32_t last_code_point(std::string_view s) {
  std::size_t at = utf8::previous(s, s.size());
  return utf8::decode(s, at);
}

bool is_word_char(char32_t cp) {
  return utf8::is_hangul_syllable(cp) || utf8::is_digit(cp) || (cp >= 'A' && cp <= 'Z') ||
         (cp >= 'a' && cp <= 'z');
}

/// `span` without quotes or brackets that enclose it: "‘찬성’" → 찬성.
Span unquote(std::string_view text, Span span) {
  for (std::size_t k = 0; k < std::size(kOpeners); ++k) {
    const std::string_view s = text.substr(span.begin, span.size());
    if (s.size() > kOpeners[k].size() + kClosers[k].size() && s.starts_with(kOpeners[k]) &&
        s.ends_with(kClosers[k])) {
      return Span{span.begin + kOpeners[k].size(), span.end - kClosers[k].size()};
    }
  }
  return span;
}

bool listed(std::string_view word, std::span<const std::string_view> list) {
  return std::find(list.begin(), list.end(), word) != list.end();
}

/// Hangul, Latin letters and digits only, not starting with a digit (a date or a number).
bool plain_word(std::string_view s) {
  if (s.empty() || utf8::is_digit(static_cast<unsigned char>(s[0]))) return false;
  for (std::size_t i = 0; i < s.size();) {
    if (!is_word_char(utf8::decode(s, i))) return false;
  }
  return true;
}

std::size_t syllables(std::string_view s) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < s.size();) n += utf8::is_hangul_syllable(utf8::decode(s, i));
  return n;
}

/// A word that can name what a figure is about: not listed above, and a lone Hangul syllable
/// only when nothing else is written ("쌀" is rare, "많" of "많은" is common).
bool can_be_subject(std::string_view s) {
  if (!plain_word(s) || listed(s, kNotSubjects)) return false;
  const std::size_t hangul = syllables(s);
  return hangul != 1 || utf8::count_code_points(s) > 1;
}

/// A bare noun: a plain word that does not end like a particle or a verb form. 인 after a
/// vowel is the copula ("모레인 23일", "글피인 24일"); after a consonant it is usually the
/// noun of people ("외국인", "한국인").
bool bare_noun(std::string_view s) {
  if (!can_be_subject(s)) return false;
  std::string last;
  const char32_t cp = last_code_point(s);
  utf8::append(last, cp);
  if (listed(last, kNotBareEndings)) return false;
  if (cp == U'인' && s.size() > 3) {
    std::size_t at = utf8::previous(s, s.size() - 3);
    return utf8::has_final_consonant(utf8::decode(s, at));
  }
  return true;
}

/// A verb stem before the adnominal -는 ("달하는 30%", "이르는 30%"): these look like a noun
/// with the topic particle 는.
bool verb_stem(std::string_view stem) {
  for (std::string_view end : {"하", "되", "르", "드", "키", "내"}) {
    if (stem.ends_with(end)) return true;
  }
  return false;
}

enum class Reading { subject, bare, none };

/// Splits the topic or subject particle off `word`. 은/이 go after a final consonant and 는/가
/// after a vowel (한글 맞춤법 제4장); a word whose ending does not fit ("넘는", "국가",
/// "화웨이") has no particle.
Reading read_word(std::string_view text, Span word, Span& stem, std::string& particle) {
  const std::string_view s = text.substr(word.begin, word.size());
  stem = word;
  particle.clear();
  const char32_t last = last_code_point(s);
  const bool after_consonant = last == U'은' || last == U'이';
  if ((after_consonant || last == U'는' || last == U'가') && s.size() > 3) {
    const std::string_view before = s.substr(0, s.size() - 3);
    const auto coda = hangul::final_coda(before);
    const bool fits = !coda || (*coda == hangul::Coda::none) != after_consonant;
    if (fits) {
      stem = unquote(text, {word.begin, word.end - 3});
      particle = std::string(s.substr(s.size() - 3));
      const std::string_view st = text.substr(stem.begin, stem.size());
      if (!can_be_subject(st) || (last == U'는' && verb_stem(st))) return Reading::none;
      return Reading::subject;
    }
    if (last == U'은' || last == U'는') return Reading::none;  // an adnominal verb form
  }
  stem = unquote(text, word);
  return bare_noun(text.substr(stem.begin, stem.size())) ? Reading::bare : Reading::none;
}

}  // namespace

std::optional<Subject> find_subject(std::string_view text, std::size_t number_begin,
                                    std::size_t limit) {
  std::optional<Span> word = word_before(text, number_begin, limit);
  while (word && listed(text.substr(word->begin, word->size()), kSkippable)) {
    word = word_before(text, word->begin, limit);
  }
  if (!word) return std::nullopt;
  Subject subject;
  if (read_word(text, *word, subject.word, subject.particle) == Reading::none) return std::nullopt;
  if (auto before = word_before(text, word->begin, limit)) {
    const std::string_view s = text.substr(before->begin, before->size());
    if (s.ends_with("의") && s.size() > 3) {
      const Span owner = unquote(text, {before->begin, before->end - 3});
      if (can_be_subject(text.substr(owner.begin, owner.size()))) subject.owner = owner;
    } else {
      Span stem;
      std::string particle;
      if (read_word(text, *before, stem, particle) == Reading::bare) subject.modifier = stem;
    }
  }
  return subject;
}

}  // namespace factlint::extract
