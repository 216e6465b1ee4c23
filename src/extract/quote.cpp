// Quotations, speakers and verbs of saying in Korean news text.
//
// The text is read line by line, since a quotation never crosses a line end here. On each line
// the quotation marks are paired, the line becomes tokens (words, and whole quotations with the
// ending glued to their closing mark, “…”라고), and the tokens are cut into sentences that never
// end inside a quotation. Each sentence is then read for quotatives, verbs of saying and
// subjects. A second pass walks the sentences in order, resolving references (그는, 김 차관은)
// against the people met so far, and giving a quotation whose sentence names nobody the speaker
// of the sentence before or after it.
//
// The closed word classes (quotative endings, verbs of saying and their endings) are Spirit X3
// symbol tables. Reading the noun phrase around a subject is plain code, because it looks at
// neighbouring words in both directions.

#include "extract/quote.h"

#include <algorithm>
#include <boost/spirit/home/x3.hpp>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <span>
#include <unordered_map>
#include <unordered_set>

#if defined(__SSE2__) && defined(__x86_64__)
#include <emmintrin.h>
#endif

#include "text/utf8.h"

namespace factlint::extract {
namespace {

namespace x3 = boost::spirit::x3;
using std::size_t;
using std::string_view;

// ---- Characters and syllables ---------------------------------------------------------------

bool is_hangul(char32_t c) { return utf8::is_hangul_syllable(c); }
bool is_latin(char32_t c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }
bool is_alnum(char32_t c) { return is_latin(c) || utf8::is_digit(c); }
bool is_space(char32_t c) { return c == '\n' || utf8::is_space(c); }
bool is_terminator(char32_t c) {
  return c == '.' || c == '?' || c == '!' || c == 0x2026 || c == 0x3002;
}

bool is_leading_punct(char32_t c) {
  return c == '(' || c == '[' || c == '{' || c == '<' || c == 0x300A || c == 0x3008 ||
         c == 0x2018 || c == 0x201C || c == '\'' || c == '"' || c == 0x300C || c == 0x300E ||
         c == 0x2039 || c == 0x00AB || c == '-' || c == 0x2013 || c == 0x2014 || c == 0xB7;
}

bool is_trailing_punct(char32_t c) {
  return c == '.' || c == ',' || c == '!' || c == '?' || c == ';' || c == ':' || c == ')' ||
         c == ']' || c == '}' || c == '>' || c == 0x300B || c == 0x3009 || c == 0x2019 ||
         c == 0x201D || c == '\'' || c == '"' || c == 0x2026 || c == 0x300D || c == 0x300F ||
         c == 0x3002 || c == 0xFF0C || c == 0x2013 || c == 0x2014 || c == 0xB7;
}

// The helpers below run at every character or word; GCC at -O2 leaves some of them out of
// line at a hundred call sites, so they are marked always_inline.
#define FACTLINT_HOT [[gnu::always_inline]] inline

/// The code point at `s[i]`, advancing `i`, as utf8::decode. ASCII and three-byte characters
/// (Hangul, curly quotes, CJK punctuation: nearly all of Korean news) are decoded inline.
FACTLINT_HOT char32_t next_cp(string_view s, size_t& i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) {
    ++i;
    return b0;
  }
  if ((b0 & 0xF0) == 0xE0 && i + 3 <= s.size()) {
    const char32_t cp = ((b0 & 0x0Fu) << 12) |
                        ((static_cast<unsigned char>(s[i + 1]) & 0x3Fu) << 6) |
                        (static_cast<unsigned char>(s[i + 2]) & 0x3Fu);
    i += 3;
    return cp;
  }
  return utf8::decode(s, i);
}

char32_t first_cp(string_view s) {
  size_t i = 0;
  return s.empty() ? 0 : next_cp(s, i);
}

/// The last code point of `s`, as utf8::previous and utf8::decode would read it; an ASCII or
/// three-byte last character is read without walking back byte by byte. The text is valid
/// UTF-8 (a document's), so the lead byte of a three-byte character three bytes from the end
/// starts the last character.
FACTLINT_HOT char32_t last_cp(string_view s) {
  const size_t n = s.size();
  if (n == 0) return 0;
  const auto last = static_cast<unsigned char>(s[n - 1]);
  if (last < 0x80) return last;
  if (n >= 3 && (static_cast<unsigned char>(s[n - 3]) & 0xF0) == 0xE0) {
    return ((static_cast<unsigned char>(s[n - 3]) & 0x0Fu) << 12) |
           ((static_cast<unsigned char>(s[n - 2]) & 0x3Fu) << 6) | (last & 0x3Fu);
  }
  size_t i = utf8::previous(s, n);
  return utf8::decode(s, i);
}

/// As utf8::previous (pos > 0): where the character ending at `pos` starts. A three-byte
/// character (Hangul) is recognized without walking back byte by byte.
FACTLINT_HOT size_t char_start_before(string_view s, size_t pos) {
  if (pos >= 3 && (static_cast<unsigned char>(s[pos - 3]) & 0xF0) == 0xE0 &&
      static_cast<unsigned char>(s[pos - 1]) >= 0x80) {
    return pos - 3;  // valid UTF-8, as in last_cp
  }
  return utf8::previous(s, pos);
}

/// `s` without its last code point.
string_view drop_last(string_view s) {
  return s.empty() ? s : string_view(s.data(), char_start_before(s, s.size()));
}

size_t syllable_count(string_view s) {
  size_t n = 0;
  for (size_t i = 0; i < s.size();) n += is_hangul(next_cp(s, i)) ? 1 : 0;
  return n;
}

bool all_hangul(string_view s) {
  if (s.empty()) return false;
  for (size_t i = 0; i < s.size();) {
    if (!is_hangul(next_cp(s, i))) return false;
  }
  return true;
}

/// Hangul syllables, possibly joined by a hyphen or a middle dot as in 장-피에르, 장·폴.
/// `syllables`, when given, is set to the number of Hangul syllables of a name.
bool hangul_name(string_view s, size_t* syllables = nullptr) {
  if (s.empty()) return false;
  char32_t prev = 0;
  size_t n = 0;
  for (size_t i = 0; i < s.size();) {
    const char32_t c = next_cp(s, i);
    const bool joiner = c == '-' || c == 0xB7;
    if (is_hangul(c)) {
      ++n;
    } else if (!(joiner && is_hangul(prev))) {
      return false;
    }
    prev = c;
  }
  if (syllables != nullptr) *syllables = n;
  return is_hangul(prev);
}

/// `s` ends with `e`. The last bytes are compared first: they tell most words from an ending
/// without a call to memcmp (a Hangul syllable ends in one of 64 bytes).
FACTLINT_HOT bool ends_with(string_view s, string_view e) {
  return e.size() <= s.size() && (e.empty() || s.back() == e.back()) &&
         std::memcmp(s.data() + (s.size() - e.size()), e.data(), e.size()) == 0;
}

/// `s` starts with `p`, comparing the last byte of `p` first as ends_with does.
FACTLINT_HOT bool starts_with(string_view s, string_view p) {
  return p.size() <= s.size() && (p.empty() || s[p.size() - 1] == p.back()) &&
         std::memcmp(s.data(), p.data(), p.size()) == 0;
}

bool contains_digit(string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool one_of(string_view s, std::span<const string_view> list) {
  for (string_view e : list) {
    if (e.size() == s.size() && ends_with(s, e)) return true;
  }
  return false;
}

bool one_of(string_view s, std::initializer_list<string_view> list) {
  return one_of(s, std::span<const string_view>(list.begin(), list.size()));
}

bool ends_with_any(string_view s, std::initializer_list<string_view> list) {
  for (string_view e : list) {
    if (ends_with(s, e)) return true;
  }
  return false;
}

/// A word list built once, for the lists looked up at every word of a document. Members are
/// grouped by their last code point, longest first: a lookup finds the group of the word's
/// last character (most words end in one that no member ends in) and compares the few members
/// there, without hashing the word.
class WordSet {
 public:
  WordSet(std::initializer_list<string_view> words)
      : WordSet(std::span<const string_view>(words.begin(), words.size())) {}
  explicit WordSet(std::span<const string_view> words) {
    for (string_view w : words) add(w, 0);
    index();
  }

  /// Several lists in one set, each member tagged with the bits of the lists it is in.
  class Builder {
   public:
    void add(std::span<const string_view> words, std::uint32_t lists) {
      for (string_view w : words) words_.emplace_back(w, lists);
    }
    WordSet build() const {
      WordSet set;
      for (const auto& [w, lists] : words_) set.add(w, lists);
      set.index();
      return set;
    }

   private:
    std::vector<std::pair<string_view, std::uint32_t>> words_;
  };

  bool contains(string_view w) const { return index_of(w) >= 0; }
  /// The position in the list given to the constructor of `w`, or -1.
  long index_of(string_view w) const {
    for (const Entry& e : group(w)) {
      if (e.word.size() == w.size() && ends_with_member(w, e)) return e.index;
    }
    return -1;
  }
  /// True when `w` ends with a member. A member starts with a lead byte, so a byte match is a
  /// match at a code-point boundary.
  bool ends(string_view w) const {
    for (const Entry& e : group(w)) {
      if (ends_with_member(w, e)) return true;
    }
    return false;
  }
  /// The longest member `w` ends with that `accept` takes: its index in the list given to the
  /// constructor, or -1.
  template <class Accept>
  long longest_ending(string_view w, Accept accept) const {
    for (const Entry& e : group(w)) {
      if (ends_with_member(w, e) && accept(e.word)) return e.index;
    }
    return -1;
  }
  /// Calls f(member, lists) for every member `w` ends with, longest first.
  template <class F>
  void for_each_ending(string_view w, F f) const {
    for (const Entry& e : group(w)) {
      if (ends_with_member(w, e)) f(e.word, e.lists);
    }
  }

 private:
  struct Entry {
    string_view word;
    char32_t final;
    std::uint32_t index;
    std::uint32_t lists;
    size_t prefix;  ///< bytes before the last character
  };

  /// `w`, whose last character is that of `e`'s group, ends with `e`. Members of a group share
  /// their last character, so only the bytes before it are compared, from the end.
  static bool ends_with_member(string_view w, const Entry& e) {
    if (e.word.size() > w.size()) return false;
    const char* tail = w.data() + (w.size() - e.word.size());
    for (size_t i = e.prefix; i-- > 0;) {
      if (tail[i] != e.word[i]) return false;
    }
    return true;
  }
  struct Slot {
    char32_t final = 0;
    std::uint32_t first = 0, count = 0;
  };

  WordSet() = default;

  void add(string_view w, std::uint32_t lists) {
    const size_t prefix = w.empty() ? 0 : utf8::previous(w, w.size());
    entries_.push_back({w, last_cp(w), static_cast<std::uint32_t>(entries_.size()), lists, prefix});
  }

  /// Groups the members by last character, longest first; a word listed twice keeps its first
  /// index and the lists of both.
  void index() {
    std::stable_sort(entries_.begin(), entries_.end(), [](const Entry& a, const Entry& b) {
      if (a.final != b.final) return a.final < b.final;
      if (a.word.size() != b.word.size()) return a.word.size() > b.word.size();
      return a.word < b.word;
    });
    std::vector<Entry> unique;
    for (const Entry& e : entries_) {
      if (!unique.empty() && unique.back().word == e.word) {
        unique.back().lists |= e.lists;
      } else {
        unique.push_back(e);
      }
    }
    entries_ = std::move(unique);
    size_t groups = 0;
    for (size_t i = 0; i < entries_.size(); ++i) {
      groups += i == 0 || entries_[i].final != entries_[i - 1].final ? 1 : 0;
    }
    size_t size = 8;
    while (size < 2 * groups) size *= 2;  // at least one empty slot ends every probe
    slots_.assign(size, Slot{});
    mask_ = size - 1;
    std::fill(std::begin(filter_), std::end(filter_), 0);
    for (const Entry& e : entries_)
      filter_[e.final / 64 % kFilterWords] |= std::uint64_t{1} << (e.final % 64);
    for (size_t i = 0; i < entries_.size();) {
      size_t j = i;
      while (j < entries_.size() && entries_[j].final == entries_[i].final) ++j;
      size_t slot = hash(entries_[i].final);
      while (slots_[slot].count > 0) slot = (slot + 1) & mask_;
      slots_[slot] = {entries_[i].final, static_cast<std::uint32_t>(i),
                      static_cast<std::uint32_t>(j - i)};
      i = j;
    }
  }

  size_t hash(char32_t c) const {
    return (static_cast<std::uint32_t>(c) * 0x9E3779B1u) >> 16 & mask_;
  }

  FACTLINT_HOT std::span<const Entry> group(string_view w) const {
    const char32_t final = last_cp(w);
    if ((filter_[final / 64 % kFilterWords] >> (final % 64) & 1) == 0) return {};
    for (size_t slot = hash(final);; slot = (slot + 1) & mask_) {
      const Slot& s = slots_[slot];
      if (s.count == 0) return {};
      if (s.final == final) return {entries_.data() + s.first, s.count};
    }
  }

  /// One bit per last character (modulo the filter's size) that some member ends in: most
  /// words are turned away by it before the table is probed.
  static constexpr size_t kFilterWords = 16;
  std::uint64_t filter_[kFilterWords] = {};
  std::vector<Entry> entries_;
  std::vector<Slot> slots_;
  size_t mask_ = 0;
};

// ---- Lexicon --------------------------------------------------------------------------------

/// Titles and roles written next to a name (김민수 차관, 차관인 김민수) or alone for a person
/// (대변인은). A role is a person the article does not name: 업계 한 관계자는.
struct TitleWord {
  string_view word;
  bool role = false;
};

constexpr string_view kTitleWords[] = {
    "대통령",     "부통령",   "총리",       "부총리",   "국무총리",   "수상",         "장관",
    "차관",       "차관보",   "국무장관",   "외무장관", "국방장관",   "실장",         "비서실장",
    "수석",       "대변인",   "부대변인",   "대사",     "총영사",     "의원",         "국회의원",
    "상원의원",   "하원의원", "시의원",     "도의원",   "구의원",     "의장",         "부의장",
    "위원장",     "부위원장", "비대위원장", "위원",     "최고위원",   "대표",         "공동대표",
    "원내대표",   "대표이사", "사무총장",   "총장",     "총재",       "부총재",       "회장",
    "부회장",     "사장",     "부사장",     "이사",     "이사장",     "전무",         "상무",
    "최고경영자", "CEO",      "CTO",        "창업자",   "창립자",     "설립자",       "공동창업자",
    "교수",       "부교수",   "조교수",     "명예교수", "연구원",     "선임연구원",   "책임연구원",
    "연구위원",   "박사",     "소장",       "원장",     "청장",       "차장",         "국장",
    "부장",       "과장",     "팀장",       "본부장",   "센터장",     "단장",         "지사",
    "도지사",     "시장",     "군수",       "구청장",   "교육감",     "판사",         "검사",
    "검사장",     "검찰총장", "변호사",     "재판장",   "대법관",     "대법원장",     "감독",
    "코치",       "선수",     "기자",       "특파원",   "앵커",       "논설위원",     "평론가",
    "작가",       "배우",     "가수",       "목사",     "신부",       "주교",         "추기경",
    "교황",       "국왕",     "여왕",       "왕세자",   "총통",       "주석",         "국가주석",
    "총서기",     "사령관",   "참모총장",   "전문의",   "애널리스트", "이코노미스트", "고문",
    "특보",       "보좌관",   "비서관",     "행정관",   "당선인",     "당선자",       "후보",
    "예비후보",   "후보자",   "내정자",     "지명자",   "씨",         "여사",         "선생",
    "대령",       "중령",     "소령",       "대위",     "중장",       "준장",         "학자",
    "연구자",     "저자",     "교장",       "교감",     "주지사",     "관장",         "학장",
    "서장",       "지점장",   "점장",       "역장",     "병원장",     "지청장",       "사무국장",
    "정책관",     "심의관",   "기획관",     "조정관",   "개발관",     "협력관",       "교사",
    "총경",       "경감"};

/// Roles: people an article does not name (업계 한 관계자는).
constexpr string_view kRoleWords[] = {
    "관계자", "소식통", "당국자", "관리",   "측근",   "전문가", "목격자",   "대리인",
    "시민",   "주민",   "운영자", "지휘관", "직원",   "학생",   "네티즌",   "누리꾼",
    "소비자", "유족",   "유가족", "피해자", "참석자", "관계관", "담당자",   "책임자",
    "종사자", "근로자", "활동가", "지도자", "누군가", "인사",   "고위인사", "고위 관계자"};

/// Every title and role, built once.
const std::vector<TitleWord>& all_titles() {
  static const std::vector<TitleWord> all = [] {
    std::vector<TitleWord> v;
    for (string_view w : kTitleWords) v.push_back({w, false});
    for (string_view w : kRoleWords) v.push_back({w, true});
    return v;
  }();
  return all;
}

/// Titles that also end ordinary words, so a longer word ending in one is not that title:
/// 통신부 (신부), 주식시장 (시장), 주차장 (차장), 한의원 (의원), 공사장 (사장). Compounds of
/// the others are titles: 생명자원과장, 봉사단장, 협회장.
bool ends_other_words(string_view title) {
  return one_of(title, {"신부", "시장", "이사", "대사", "부장", "소장", "원장", "주석",
                        "수석", "선생", "인사", "관리", "감독", "수상", "기자", "가수",
                        "배우", "작가", "고문", "지사", "씨",   "차장", "의원", "대표",
                        "사장", "총장", "주장", "코치", "검사", "판사", "교사", "박사"});
}

/// The title `word` is or ends with (longest match), or nullptr. Only titles of two syllables or
/// more that end no other common word are found at the end of a longer word (관방장관, 부교육감,
/// 천문학자); the rest must be the whole word.
const TitleWord* title_suffix(string_view word) {
  static const WordSet kTitles = [] {
    std::vector<string_view> words;
    for (const TitleWord& t : all_titles()) words.push_back(t.word);
    return WordSet(words);
  }();
  const long found = kTitles.longest_ending(word, [&](string_view title) {
    return title.size() == word.size() || (!ends_other_words(title) && syllable_count(title) >= 2);
  });
  return found < 0 ? nullptr : &all_titles()[static_cast<size_t>(found)];
}

const TitleWord* title_exact(string_view word) {
  const TitleWord* t = title_suffix(word);
  return t != nullptr && t->word.size() == word.size() ? t : nullptr;
}

// The closed word lists below are read through one table (lists_of), so that a word is looked
// up once for all of them: reading a noun phrase asks a dozen of them about the same word.

/// Words written before a title that qualify it: 전 장관, 당시 차관, 공동 창업자.
constexpr string_view kTitleModifiers[] = {"전",   "前",   "현",       "당시",     "신임", "초대",
                                           "차기", "전임", "현직",     "공동",     "수석", "명예",
                                           "선임", "대리", "직무대행", "권한대행", "임시"};

/// Countries and bodies that speak as one (중국은 “…”라고 밝혔다).
constexpr string_view kKnownOrganizations[] = {
    "미국",         "중국",       "일본",     "한국",     "북한",       "남한",
    "러시아",       "영국",       "프랑스",   "독일",     "이란",       "이라크",
    "이스라엘",     "우크라이나", "대만",     "인도",     "캐나다",     "호주",
    "대한민국",     "유럽연합",   "유엔",     "나토",     "EU",         "UN",
    "NATO",         "WHO",        "청와대",   "백악관",   "크렘린",     "국회",
    "의회",         "국민의힘",   "국민의당", "업계",     "재계",       "여권",
    "야권",         "당국",       "외신",     "경찰",     "검찰",       "법원",
    "군",           "정부",       "교황청",   "행정부",   "대법원",     "헌법재판소",
    "국정원",       "감사원",     "리비아",   "시리아",   "이집트",     "사우디아라비아",
    "터키",         "튀르키예",   "브라질",   "멕시코",   "아르헨티나", "스페인",
    "이탈리아",     "네덜란드",   "벨기에",   "스위스",   "스웨덴",     "노르웨이",
    "핀란드",       "덴마크",     "폴란드",   "헝가리",   "그리스",     "파키스탄",
    "아프가니스탄", "인도네시아", "필리핀",   "베트남",   "태국",       "말레이시아",
    "싱가포르",     "미얀마",     "몽골",     "남아공",   "쿠바",       "베네수엘라",
    "칠레",         "페루",       "콜롬비아", "뉴질랜드", "아일랜드",   "오스트리아",
    "체코",         "팔레스타인", "레바논",   "요르단",   "예멘",       "카타르",
    "쿠웨이트",     "타이완",     "홍콩",     "파리",     "런던",       "뉴욕",
    "로마",         "베를린",     "상하이",   "오사카",   "서울",       "부산",
    "도쿄",         "베이징",     "워싱턴",   "모스크바", "미",         "러",
    "합참",         "서울대",     "고려대",   "연세대",   "카이스트",   "KAIST",
    "대법",         "헌재",       "시",       "구",       "도",         "당",
    "1심",          "2심",        "항소심",   "상고심",   "정치권",     "정계",
    "학계",         "법조계",     "거래소",   "국방부",   "외교부",     "통일부",
    "조선중앙통신", "유럽",       "아시아",   "아프리카", "인수위",     "선대위",
    "비대위",       "민주노총",   "한국노총", "전경련",   "경총"};

/// Endings of the names of institutions, media and documents: 외교부, 민주당, 통계청,
/// 위원회, 글로벌타임스, 보고서.
constexpr string_view kOrganizationEndings[] = {
    "정부",   "부",     "처",       "청",     "당",     "위원회", "협회",   "연합",     "연맹",
    "노조",   "조합",   "통신",     "일보",   "신문",   "방송",   "뉴스",   "타임스",   "포스트",
    "저널",   "매체",   "언론",     "은행",   "그룹",   "전자",   "대학",   "대학교",   "재단",
    "연구소", "연구원", "센터",     "공사",   "공단",   "법원",   "검찰",   "경찰",     "경찰청",
    "사무소", "사무국", "본부",     "사령부", "기구",   "기관",   "회사",   "기업",     "업체",
    "단체",   "측",     "대사관",   "영사관", "교육청", "학회",   "의회",   "국회",     "보고서",
    "성명",   "성명서", "보도자료", "자료",   "논평",   "담화",   "발표문", "판결문",   "결의안",
    "협의회", "연구회", "조사",     "통신사", "방송사", "신문사", "출판사", "캠프",     "홈페이지",
    "누리집", "블로그", "트위터",   "SNS",    "해방군", "정부군", "반군",   "거래소",   "위원단",
    "조사단", "대책반", "재판부",   "지검",   "지법",   "고법",   "고검",   "연맹",     "협동조합",
    "공화국", "왕국",   "연방",     "노총",   "과학원", "개발원", "진흥원", "평가원",   "보건원",
    "연수원", "사업단", "추진단",   "대책위", "비대위", "인수위", "선대위", "대책본부", "방송국",
    "라디오"};

/// Nouns that head a phrase describing a company or medium before its name: in 사이버
/// 보안업체 치후 360의 창업자, the title is "치후 360의 창업자", not the description before it.
constexpr string_view kClassifierEndings[] = {"업체", "기업",   "회사",     "매체", "단체",
                                              "기관", "브랜드", "스타트업", "업계", "그룹",
                                              "방송", "신문",   "통신",     "정당"};

/// Words ending in 의 that are nouns, not a noun with the genitive particle: 회의, 협의 ...
constexpr string_view kUiNounEndings[] = {"회의", "주의", "협의", "합의", "논의",  "심의",
                                          "결의", "강의", "건의", "문의", "동의",  "정의",
                                          "모의", "의의", "민의", "대의", "국민의"};

/// Words that may be topics but never speakers: time, deixis, connectives, abstractions.
constexpr string_view kNeverSpeakers[] = {
    "이",     "그것",       "이것",   "저것",   "이번",     "이날",   "이후",   "현재",   "당시",
    "최근",   "오늘",       "내일",   "어제",   "올해",     "작년",   "지난해", "지난달", "이달",
    "그동안", "한편",       "또한",   "특히",   "다만",     "이어",   "앞서",   "결국",   "실제",
    "실제로", "이유",       "목적",   "결과",   "내용",     "문제",   "사건",   "사고",   "상황",
    "계획",   "방침",       "목표",   "취지",   "핵심",     "요지",   "배경",   "원인",   "이는",
    "그중",   "이중",       "나머지", "대부분", "일부",     "모두",   "전체",   "다음",   "아래",
    "위",     "이것이",     "사실",   "점",     "것",       "수",     "때",     "곳",     "데",
    "바",     "중",         "뒤",     "전",     "후",       "날",     "해",     "말",     "뜻",
    "입장",   "주장",       "관계",   "규모",   "수준",     "가운데", "이상",   "이하",   "경우",
    "대해",   "관련",       "이외",   "외",     "등",       "무엇",   "누구",   "어디",   "언제",
    "그때",   "이때",       "오후",   "오전",   "새벽",     "그러나", "하지만", "그런데", "그리고",
    "따라서", "그래서",     "또",     "이에",   "그러면서", "아울러", "반면",   "이어서", "그러자",
    "더불어", "게다가",     "직접",   "이미",   "다시",     "먼저",   "당초",   "한때",   "역시",
    "특별히", "즉",         "물론",   "여전히", "아직",     "이제",   "지금",   "곧",     "계속",
    "함께",   "모든",       "각",     "여러",   "다른",     "같은",   "해당",   "우리",   "저희",
    "나",     "내",         "제",     "너",     "당신",     "자신",   "본인",   "스스로", "모두가",
    "아무도", "그러면서도", "많이",   "같이",   "깊이",     "높이",   "크게",   "널리",   "더욱",
    "매우",   "아주",       "가장",   "있어",   "없어",     "위해",   "통해",   "따라",   "의해",
    "관해",   "비해",       "향해",   "두고",   "놓고",     "보면",   "따르면", "의하면", "몇몇",
    "의견",   "일행",       "재임",   "시절",   "취임",     "임기",   "부임",   "응답",   "반응",
    "생각",   "시각",       "목소리", "지적",   "비판",     "평가",   "분석"};

/// Nouns that qualify a title or an office without naming anyone: 국방 차관, 고위 관리.
constexpr string_view kCommonNouns[] = {
    "국방",     "외교", "경제",     "통일", "법무",   "행정", "교육", "정책", "기획", "홍보",
    "대외",     "국제", "현지",     "금융", "산업",   "보건", "복지", "노동", "환경", "문화",
    "체육",     "관광", "과학",     "기술", "정보",   "통신", "안보", "국가", "안전", "재무",
    "재정",     "국무", "내무",     "사법", "상원",   "하원", "민주", "공화", "여당", "야당",
    "지역",     "대학", "연구",     "수사", "담당",   "주무", "관할", "최고", "고위", "전직",
    "현직",     "대선", "총선",     "지방", "중앙",   "본부", "사무", "당",   "시",   "도",
    "군",       "구",   "청",       "부",   "원",     "합참", "국회", "대변", "공보", "언론",
    "대리",     "수석", "선임",     "책임", "특별",   "비상", "임시", "총괄", "상임", "집행",
    "운영",     "조직", "기자회견", "회견", "인터뷰", "성명", "원내", "원외", "정무", "민정",
    "경제정책", "사회", "미래",     "전략"};

/// Korean surnames, for telling 김민수 (one word, a Korean name) from a foreign name written in
/// several words, and for surname references (김 차관, 김 씨). The most common ones by the 2015
/// census of Statistics Korea, plus the two-syllable surnames.
constexpr string_view kSurnames[] = {
    "김",   "이",   "박",   "최",   "정",   "강",   "조",   "윤",  "장", "임", "한", "오", "서",
    "신",   "권",   "황",   "안",   "송",   "류",   "유",   "전",  "홍", "고", "문", "양", "손",
    "배",   "백",   "허",   "남",   "심",   "노",   "하",   "곽",  "성", "차", "주", "우", "구",
    "민",   "진",   "나",   "지",   "엄",   "채",   "원",   "천",  "방", "공", "현", "함", "변",
    "염",   "여",   "추",   "도",   "소",   "석",   "선",   "설",  "마", "길", "연", "위", "표",
    "명",   "기",   "반",   "왕",   "금",   "옥",   "육",   "인",  "맹", "제", "모", "탁", "국",
    "어",   "은",   "편",   "용",   "예",   "경",   "봉",   "사",  "부", "가", "복", "태", "목",
    "형",   "피",   "두",   "감",   "음",   "빈",   "동",   "온",  "호", "범", "좌", "승", "시",
    "남궁", "제갈", "선우", "황보", "독고", "사공", "서문", "동방"};

/// Endings that mark a word as a verb or a noun with a case particle, so not part of a name or
/// a title: 있는, 발표한, 회견에서, 정부를.
constexpr string_view kClauseEndings[] = {
    "다", "고", "며", "면",   "서",   "지만", "는데", "한",   "된",   "던",   "할",   "될",  "은",
    "는", "을", "를", "에",   "와",   "과",   "도",   "만",   "로",   "께",   "게",   "야",  "까",
    "요", "죠", "니", "이나", "처럼", "부터", "까지", "보다", "마다", "하는", "있는", "없는"};

/// Endings of verbs, adverbs and case-marked nouns that no name ends in: 있지만, 다행히,
/// 회견에서, 발표한. Particles a foreign name may end in (술레이만, 페르난도, 토니) are not here.
constexpr string_view kVerbEndings[] = {
    "며",   "면서", "지만", "는데", "하는", "있는", "없는", "되는", "된",   "던",   "하고",
    "하며", "하여", "해서", "으로", "에서", "에게", "에는", "에도", "부터", "까지", "처럼",
    "보다", "이며", "이고", "였다", "했다", "에",   "를",   "을",   "히",   "게",   "고",
    "할",   "될",   "한",   "는",   "은",   "서도", "해",   "어서", "아서"};

/// Case particles, which end no given name: 차관을, 정부의, 회의에.
constexpr string_view kCaseParticles[] = {"을", "를", "에", "의", "와",
                                          "과", "로", "도", "만", "께"};

/// Topic and subject particles: 장관은, 차관이.
constexpr string_view kSubjectParticles[] = {"은", "는", "이", "가"};

/// Case particles written before a topic marker: 회견에서는, 이번에는, 정부로서는.
constexpr string_view kParticlesBeforeTopic[] = {"에서", "에게", "에",   "로서", "로", "께",
                                                 "한테", "까지", "부터", "와",   "과", "의"};

/// One bit per list above.
enum WordList : std::uint32_t {
  kTitleModifier = 1u << 0,
  kKnownOrganization = 1u << 1,
  kOrganizationEnding = 1u << 2,
  kClassifierEnding = 1u << 3,
  kUiNounEnding = 1u << 4,
  kNeverSpeaker = 1u << 5,
  kCommonNoun = 1u << 6,
  kSurname = 1u << 7,
  kClauseEnding = 1u << 8,
  kVerbEnding = 1u << 9,
  kCaseParticle = 1u << 10,
  kSubjectParticle = 1u << 11,
  kParticleBeforeTopic = 1u << 12,
};

/// The lists a word is in, and those with a member it ends with.
struct WordLists {
  std::uint32_t whole = 0;   ///< lists that have `w` itself
  std::uint32_t ending = 0;  ///< lists that have an ending of `w` (`w` itself included)
  bool in(WordList list) const { return (whole & list) != 0; }
  bool ends_in(WordList list) const { return (ending & list) != 0; }
};

WordLists lists_of(string_view w) {
  static const WordSet kLexicon = [] {
    WordSet::Builder b;
    b.add(kTitleModifiers, kTitleModifier);
    b.add(kKnownOrganizations, kKnownOrganization);
    b.add(kOrganizationEndings, kOrganizationEnding);
    b.add(kClassifierEndings, kClassifierEnding);
    b.add(kUiNounEndings, kUiNounEnding);
    b.add(kNeverSpeakers, kNeverSpeaker);
    b.add(kCommonNouns, kCommonNoun);
    b.add(kSurnames, kSurname);
    b.add(kClauseEndings, kClauseEnding);
    b.add(kVerbEndings, kVerbEnding);
    b.add(kCaseParticles, kCaseParticle);
    b.add(kSubjectParticles, kSubjectParticle);
    b.add(kParticlesBeforeTopic, kParticleBeforeTopic);
    return b.build();
  }();
  WordLists out;
  kLexicon.for_each_ending(w, [&](string_view member, std::uint32_t lists) {
    out.ending |= lists;
    if (member.size() == w.size()) out.whole |= lists;
  });
  return out;
}

bool is_title_modifier(string_view w) { return lists_of(w).in(kTitleModifier); }
bool is_noun_ending_in_ui(string_view w) { return lists_of(w).ends_in(kUiNounEnding); }
bool is_never_speaker(string_view w) { return lists_of(w).in(kNeverSpeaker); }
bool is_surname(string_view s) { return lists_of(s).in(kSurname); }

/// A word shaped like a Korean personal name: a surname and a one- or two-syllable given name.
/// `lists` are those of `w`.
bool korean_name_shaped(string_view w, const WordLists& lists) {
  // One pass over the syllables: all Hangul, and none that writes a foreign consonant. 외래어
  // 표기법 (제3장) writes a final or clustered consonant of a foreign word with ㅡ (크, 트, 프,
  // 스): Korean given names do not use these syllables, so 제이크 is not 제 + 이크.
  size_t n = 0;
  for (size_t i = 0; i < w.size(); ++n) {
    const char32_t c = next_cp(w, i);
    if (!is_hangul(c)) return false;
    const char32_t index = c - 0xAC00;
    const bool eu = (index % 588) / 28 == 18 && index % 28 == 0;
    const char32_t initial = index / 588;
    if (eu && initial != 11 && initial != 18 && initial != 0) return false;  // not 으, 흐, 그
  }
  if (n < 2 || n > 4) return false;
  // A case particle ends no given name: 차관을, 정부의, 회의에.
  if (lists.ends_in(kCaseParticle)) return false;
  // A title with its topic or subject particle: 장관은, 차관이.
  if (lists.ends_in(kSubjectParticle) && title_exact(drop_last(w)) != nullptr) return false;
  if (n == 2) return ends_with(w, "모") && is_surname(w.substr(0, 3));  // 김모: name withheld
  if (n == 3) return is_surname(w.substr(0, 3));
  return is_surname(w.substr(0, 6));
}

bool korean_name_shaped(string_view w) { return korean_name_shaped(w, lists_of(w)); }

/// Endings of the names of institutions, media and documents (kOrganizationEndings).
bool has_organization_suffix(string_view w, const WordLists& lists, size_t syllables) {
  if (syllables < 2 && !contains_digit(w)) return false;
  if (lists.in(kNeverSpeaker)) return false;
  return lists.ends_in(kOrganizationEnding) ||
         // 도쿄대, 의원실, 상인회: three syllables or more, so that 현실 or a name stays out.
         (syllables >= 3 && ends_with_any(w, {"대", "실", "회"}) && !korean_name_shaped(w, lists));
}

bool has_organization_suffix(string_view w, const WordLists& lists) {
  return has_organization_suffix(w, lists, syllable_count(w));
}

/// A known body or a name ending like one: 중국, 외교부, 글로벌타임스.
bool organization_like(string_view w) {
  const WordLists lists = lists_of(w);
  return lists.in(kKnownOrganization) || has_organization_suffix(w, lists);
}

/// "X인" before a name, where X is what the person is: 위원인, 창업자인, 저자인, 출신인. Not
/// an adjective (공통적인) or a verb form.
bool is_apposition(string_view w) {
  if (!ends_with(w, "인") || w.size() < 4 || ends_with(w, "적인")) return false;
  const string_view x = w.substr(0, w.size() - 3);
  if (!all_hangul(x)) return title_exact(x) != nullptr;  // CEO인
  if (title_suffix(x) != nullptr) return true;
  return ends_with_any(x, {"자", "가", "원", "사", "장", "출신", "소속", "멤버", "주인공", "당사자",
                           "대표", "회원", "인"});
}

/// A verb or a case-marked noun (kClauseEndings); the empty word counts as one.
bool has_clause_ending(string_view w) {
  if (w.empty()) return true;
  return lists_of(w).ends_in(kClauseEnding);
}

/// A word no name ends like (kVerbEndings). `lists` are those of `w`.
bool has_verb_ending(string_view w, const WordLists& lists) {
  if (ends_with(w, "다")) {
    // 기시다, 요시다, 오카다 are names; 했다, 한다, 있다, 이다, 하다 are verbs.
    const string_view stem = drop_last(w);
    const char32_t before = last_cp(stem);
    return stem.empty() || utf8::has_final_consonant(before) ||
           one_of(stem.substr(stem.size() - std::min<size_t>(3, stem.size())),
                  {"이", "하", "되", "보", "주", "가", "오", "지", "리", "내", "서", "해"});
  }
  return lists.ends_in(kVerbEnding);
}

// ---- Spirit X3 tables -----------------------------------------------------------------------

/// Quotative endings right after a closing mark. Values: 1 reported speech (“…”라고 말했다),
/// 2 adnominal (“…”라는 입장을 밝혔다: speech only with a noun of saying).
struct QuotativeTable : x3::symbols<int> {
  QuotativeTable() {
    for (const char* q :
         {"라고",     "이라고", "고",   "라며",   "이라며",   "며",   "면서",  "라면서",
          "이라면서", "하며",   "하고", "하면서", "라",       "이라", "다며",  "다고",
          "라고는",   "라고도", "고도", "고는",   "이라고도", "라구", "라고요"}) {
      add(q, 1);
    }
    for (const char* q : {"라는", "이라는", "는", "란", "이란", "라던", "이라던", "하는", "다는"}) {
      add(q, 2);
    }
  }
};
const QuotativeTable kQuotatives;

/// The first and last characters of a table's entries, filled by the tables below, so that
/// most words are turned away before any parse.
struct VerbEdges {
  std::vector<bool> first = std::vector<bool>(0x10000);
  std::vector<bool> last = std::vector<bool>(0x10000);
  void note(string_view form) {
    first[first_cp(form) & 0xFFFF] = true;
    last[last_cp(form) & 0xFFFF] = true;
  }
  bool starts(char32_t c) const { return c < 0x10000 && first[c]; }
  bool ends(char32_t c) const { return c < 0x10000 && last[c]; }
};

/// Nouns of 하다-verbs of saying (and of judging, which attributes a view the same way):
/// 강조했다, 설명했다, 평가했다. The bare "“…”라고 했다" is read by kBareHadaWord below.
struct SpeechNounTable : x3::symbols<int> {
  VerbEdges edges;
  SpeechNounTable() {
    for (const char* s :
         {"말",     "말씀", "강조", "설명", "주장", "지적", "비판", "언급", "발표", "촉구", "반박",
          "호소",   "토로", "우려", "평가", "예상", "전망", "진단", "분석", "당부", "요구", "비난",
          "맹비난", "반발", "경고", "조언", "답변", "답",   "질타", "고백", "선언", "약속", "다짐",
          "자신",   "예고", "해명", "부인", "시사", "역설", "인정", "제안", "요청", "반문", "소개",
          "귀띔",   "발언", "증언", "진술", "보도", "표명", "전",   "강변", "일축", "부연", "회고",
          "회상",   "술회", "풀이", "자평", "응답", "대답", "논평", "항변", "공언", "단언", "시인",
          "개탄",   "한탄", "질문", "문의", "통보", "보고", "지시", "주문", "권고", "제언", "제의",
          "환영",   "사과", "규탄", "성토", "항의", "첨언", "기대", "희망", "판단", "예측", "추정",
          "관측",   "전언", "칭찬", "격려", "표현", "선포", "공표", "고지", "경계", "일갈", "반론",
          "불평",   "자랑", "해석", "결론", "단정", "확신", "장담", "다그", "명시", "규정", "기술",
          "서술",   "적시", "보고", "증언", "축하", "감사", "애도", "위로", "사죄", "공지", "공개",
          "확인",   "전달", "표",   "피력", "말문"}) {
      add(s, 1);
      edges.note(s);
    }
  }
};
const SpeechNounTable kSpeechNouns;

/// Endings after a 하다 stem: 했다, 했으며, 하며, 한 (말한 것으로 알려졌다), 하기도 (했다).
struct HadaEndingTable : x3::symbols<int> {
  VerbEdges edges;
  HadaEndingTable() {
    // 2: also after the empty stem ("“…”라고 했다").
    for (const char* e : {"했다",   "하였다",   "했습니다", "하였습니다", "한다",      "합니다",
                          "했으며", "하였으며", "했고",     "하였고",     "했지만",    "하였지만",
                          "했으나", "하였으나", "했는데",   "했다고",     "하였다고",  "했다며",
                          "했었다", "했던",     "했다는",   "한다고",     "했었습니다"}) {
      add(e, 2);
      edges.note(e);
    }
    for (const char* e :
         {"하며",   "하면서",   "하고",   "한",       "하기도",     "하셨다",    "하셨습니다",
          "해",     "해왔다",   "하기",   "했음",     "함",         "하는",      "하자",
          "하며도", "하였는데", "하였던", "했으면서", "하였으면서", "했으면서도"}) {
      add(e, 1);
      edges.note(e);
    }
  }
};
const HadaEndingTable kHadaEndings;

/// Verbs of saying that are not 하다 verbs, in the forms news uses.
struct OtherSpeechVerbTable : x3::symbols<int> {
  VerbEdges edges;
  OtherSpeechVerbTable() {
    const char* stems[][2] = {{"밝", "혔"},     {"덧붙", "였"}, {"털어놓", "았"}, {"털어놨", ""},
                              {"내비", "쳤"},   {"외", "쳤"},   {"알", "렸"},     {"못박", "았"},
                              {"쏘아붙", "였"}, {"꼬집", "었"}, {"짚", "었"},     {"물", "었"},
                              {"되물", "었"},   {"적", "었"},   {"썼", ""},       {"봤", ""},
                              {"보았", ""},     {"일렀", ""},   {"높였", ""},     {"모았", ""},
                              {"남겼", ""},     {"드러냈", ""}, {"나타냈", ""},   {"올렸", ""},
                              {"보였", ""},     {"피력했", ""}, {"내놨", ""},     {"냈", ""}};
    for (const auto& s : stems) {
      const std::string past = std::string(s[0]) + s[1];
      for (const char* e : {"다", "으며", "고", "지만", "으나", "는데", "다고", "습니다", "던"}) {
        add(past + e, 1);
        edges.note(past + e);
      }
    }
    for (const char* w : {"밝히며",   "밝히면서",   "밝힌",   "밝히기도", "밝힌다", "밝히고",
                          "덧붙이며", "덧붙이기도", "짚으며", "꼬집으며", "물으며", "외치며",
                          "알리며",   "털어놓으며", "본다",   "보고",     "보며",   "내다봤다",
                          "내다보며", "내다본다",   "밝혀",   "전해"}) {
      add(w, 1);
      edges.note(w);
    }
  }
};
const OtherSpeechVerbTable kOtherVerbs;

/// Nouns of saying after an adnominal quotative: “…”라는 입장을 밝혔다.
bool is_speech_object(string_view w) {
  static const WordSet kWords{"입장을", "뜻을",     "말을",   "의견을", "취지의",   "비판을",
                              "주장을", "반응을",   "답변을", "설명을", "메시지를", "소감을",
                              "우려를", "목소리를", "지적을", "견해를", "논평을",   "성명을",
                              "글을",   "답을",     "말씀을", "생각을", "당부를",   "경고를",
                              "요구를", "입장문을", "각오를", "포부를", "소회를",   "심경을"};
  return kWords.contains(w);
}

/// Verbs after which a quotation is a name, not speech: “…”라고 불리는, “…”라고 적힌.
bool is_naming_verb(string_view w) {
  return starts_with(w, "불리") || starts_with(w, "불린") || starts_with(w, "부르") ||
         starts_with(w, "불렀") || starts_with(w, "적힌") || starts_with(w, "쓰인") ||
         starts_with(w, "쓰여") || starts_with(w, "새겨") || starts_with(w, "명명") ||
         starts_with(w, "이름") || starts_with(w, "칭하") || starts_with(w, "일컫") ||
         starts_with(w, "알려진") || starts_with(w, "불려") || w == "하는" || w == "한다는" ||
         w == "하는데" || w == "하는지";
}

// The word grammars, built once: an X3 expression holds its parsers by value.
const auto kOtherVerbWord = kOtherVerbs >> x3::eoi;
const auto kHadaVerbWord = kSpeechNouns >> kHadaEndings >> x3::eoi;
const auto kBareHadaWord = kHadaEndings >> x3::eoi;

/// True when `word` (without punctuation) is a verb of saying.
bool is_speech_verb(string_view word) {
  // Every form in the tables has two syllables or more (했다, 밝혀, 말한).
  if (word.size() < 6) return false;
  const char32_t final = last_cp(word);
  if (!kHadaEndings.edges.ends(final) && !kOtherVerbs.edges.ends(final)) return false;
  // Each form below starts with an entry of its first table.
  const char32_t initial = first_cp(word);
  if (!kOtherVerbs.edges.starts(initial) && !kSpeechNouns.edges.starts(initial) &&
      !kHadaEndings.edges.starts(initial)) {
    return false;
  }
  const char* first = word.data();
  const char* last = first + word.size();
  if (x3::parse(first, last, kOtherVerbWord)) return true;
  first = word.data();
  if (x3::parse(first, last, kHadaVerbWord)) return true;
  first = word.data();
  int ending = 0;
  return x3::parse(first, last, kBareHadaWord, ending) && ending == 2;
}

/// The quotative at the start of `suffix` (the text glued after a closing mark): its length and
/// kind (1 speech, 2 adnominal), or kind 0 when the suffix is something else (a particle).
std::pair<size_t, int> read_quotative(string_view suffix) {
  const char* first = suffix.data();
  const char* last = first + suffix.size();
  int kind = 0;
  if (!x3::parse(first, last, kQuotatives, kind)) return {0, 0};
  const size_t len = static_cast<size_t>(first - suffix.data());
  // The quotative must end the word (punctuation may follow): "라고," but not "고발".
  const char32_t next = first_cp(suffix.substr(len));
  if (is_hangul(next) || is_alnum(next)) return {0, 0};
  return {len, kind};
}

// ---- Quotation marks ------------------------------------------------------------------------

struct OpenMark {
  size_t pos;
  size_t len;
  char32_t mark;
};

// A closing mark may stand where an opening one belongs (”…“), so both count as openers.
bool is_double(char32_t m) { return m == 0x201C || m == 0x201D || m == '"'; }
bool is_single(char32_t m) { return m == 0x2018 || m == 0x2019 || m == '\''; }

/// Pairs the quotation marks of one line.
class MarkPairer {
 public:
  explicit MarkPairer(std::vector<Quote>& out) : out_(out) {}

  /// A double mark is still open (the line ended inside a quotation).
  bool double_open() const { return has_open(is_double); }

  void feed(char32_t prev, char32_t cp, char32_t next, size_t at, size_t after) {
    switch (cp) {
      case 0x201C:  // “
      case 0x201D:  // ”
      case '"':
        feed_double(prev, cp, next, at, after);
        break;
      case 0x2018:  // ‘
      case 0x300C:  // 「
        open(cp, at, after);
        break;
      case 0x2019:  // ’ : also an apostrophe (O’Neil, ’90s)
        if (is_alnum(prev) && is_alnum(next)) break;
        if (top_is(is_single)) close(is_single, at, after);
        break;
      case '\'':
        if (is_alnum(prev) && is_latin(next)) break;  // don't, O'Neil
        if (top_is(is_single)) {
          close(is_single, at, after);
        } else if (opens_after(prev)) {
          open(cp, at, after);
        }
        break;
      case 0x300D:  // 」
        close([](char32_t m) { return m == 0x300C; }, at, after);
        break;
      default:
        break;
    }
  }

 private:
  /// Characters after which a quotation mark opens: the start of the line, a space, an
  /// opening bracket or mark, or a separator.
  static bool opens_after(char32_t c) {
    return c == 0 || is_space(c) || is_leading_punct(c) || c == ',' || c == ':' || c == 0xB7;
  }
  static bool closes_before(char32_t c) { return c == 0 || is_space(c) || is_trailing_punct(c); }

  /// Double marks are paired by where they stand, since drafts mix “, ” and " and sometimes
  /// type one the wrong way round (맞다“며 ”어떻게): a mark between a space and a letter opens,
  /// one between a letter and a space or punctuation closes, and one between two letters closes
  /// a quotation if one is open.
  void feed_double(char32_t prev, char32_t cp, char32_t next, size_t at, size_t after) {
    const bool opening = opens_after(prev) && !closes_before(next);
    const bool closing = !opening && (closes_before(next) || is_terminator(prev));
    const bool open_now = has_open(is_double);
    if (opening || (!closing && !open_now)) {
      if (cp == '"' && utf8::is_digit(prev)) return;  // 5'11" is a measure
      open(cp, at, after);
    } else if (open_now) {
      close(is_double, at, after);
    }
  }

  void open(char32_t mark, size_t at, size_t after) {
    stack_.push_back({at, after - at, mark});
    ++open_count_[mark_class(mark)];
  }

  /// Open marks are counted by class (double, single, 「), so that a line of many unclosed
  /// marks stays linear. `pred` accepts all marks of a class or none.
  static size_t mark_class(char32_t m) { return is_double(m) ? 0 : is_single(m) ? 1 : 2; }
  template <class Pred>
  bool has_open(Pred pred) const {
    constexpr char32_t kClassMark[3] = {'"', '\'', 0x300C};
    for (size_t c = 0; c < 3; ++c) {
      if (open_count_[c] > 0 && pred(kClassMark[c])) return true;
    }
    return false;
  }
  template <class Pred>
  bool top_is(Pred pred) const {
    return !stack_.empty() && pred(stack_.back().mark);
  }

  /// Closes the innermost open mark that `pred` accepts; marks opened inside it and never
  /// closed are dropped.
  template <class Pred>
  void close(Pred pred, size_t at, size_t after) {
    if (!has_open(pred)) return;
    for (size_t k = stack_.size(); k-- > 0;) {
      if (!pred(stack_[k].mark)) continue;
      const OpenMark m = stack_[k];
      out_.push_back({m.pos, after, m.pos + m.len, at, m.mark, static_cast<int>(k)});
      for (size_t d = k; d < stack_.size(); ++d) --open_count_[mark_class(stack_[d].mark)];
      stack_.resize(k);
      return;
    }
  }

  std::vector<Quote>& out_;
  std::vector<OpenMark> stack_;
  size_t open_count_[3] = {0, 0, 0};
};

/// The quotations of the line [begin, end), ordered by the opening mark. `open_at_end` tells
/// whether a double mark was left open.
std::vector<Quote> find_quotes(string_view text, size_t begin, size_t end, bool& open_at_end) {
  std::vector<Quote> quotes;
  MarkPairer pairer(quotes);
  // MarkPairer only acts on " ' “ ” ‘ ’ 「 」, whose first bytes are " ' E2 and E3; no other
  // character (nor a continuation byte) starts with one of these, so the line is searched for
  // these four bytes with memchr and only a possible mark is decoded with its neighbours.
  constexpr unsigned char kLeads[] = {'"', '\'', 0xE2, 0xE3};
  auto find_lead = [&](unsigned char lead, size_t from) {
    const void* hit = std::memchr(text.data() + from, lead, end - from);
    return hit != nullptr ? static_cast<size_t>(static_cast<const char*>(hit) - text.data()) : end;
  };
  size_t next_lead[4];  // where each lead byte occurs next, or `end`
  for (size_t k = 0; k < 4; ++k) next_lead[k] = find_lead(kLeads[k], begin);
  for (;;) {
    const size_t at = std::min({next_lead[0], next_lead[1], next_lead[2], next_lead[3]});
    if (at >= end) break;
    size_t after = at;
    const char32_t cp = next_cp(text, after);
    for (size_t k = 0; k < 4; ++k) {
      if (next_lead[k] < after) next_lead[k] = find_lead(kLeads[k], after);
    }
    if (cp >= 0x80 && cp != 0x201C && cp != 0x201D && cp != 0x2018 && cp != 0x2019 &&
        cp != 0x300C && cp != 0x300D) {
      continue;
    }
    size_t p = at > begin ? utf8::previous(text, at) : at;
    const char32_t prev = at > begin ? next_cp(text, p) : 0;
    size_t j = after;
    const char32_t next = j < end ? next_cp(text, j) : 0;
    pairer.feed(prev, cp, next, at, after);
  }
  open_at_end = pairer.double_open();
  // Quotations are added as they close, so nested ones come before the one around them.
  if (!std::is_sorted(quotes.begin(), quotes.end(),
                      [](const Quote& a, const Quote& b) { return a.begin < b.begin; })) {
    std::sort(quotes.begin(), quotes.end(),
              [](const Quote& a, const Quote& b) { return a.begin < b.begin; });
  }
  return quotes;
}

// ---- Tokens and sentences -------------------------------------------------------------------

/// A word of a line, or a whole quotation with the ending glued to its closing mark.
struct Token {
  size_t begin = 0, end = 0;            ///< as written, between spaces
  size_t core_begin = 0, core_end = 0;  ///< without surrounding punctuation
  int quote = -1;         ///< index into the line's quotations when this is a quotation
  bool comma = false;     ///< punctuation after it that ends a phrase (, ; :)
  bool terminal = false;  ///< ends a sentence
  size_t paren_end = 0;   ///< after a bracketed note (에스알(SR)은): where the particle starts
};

/// Sets the core and the punctuation flags of a word token from its trailing punctuation.
/// `may_have_paren` is false when the caller saw no '(' in the token.
void trim_word(string_view text, Token& t, bool may_have_paren = true) {
  size_t b = t.begin, e = t.end;
  // No punctuation stripped here is written with a lead byte from E4 to EE (CJK ideographs and
  // Hangul syllables), nor above EF, so most words are settled by one byte at each end.
  while (b < e) {
    if (static_cast<unsigned char>(text[b]) >= 0xE4) break;
    size_t n = b;
    if (!is_leading_punct(next_cp(text, n))) break;
    b = n;
  }
  while (e > b) {
    const size_t p = char_start_before(text, e);
    if (const auto lead = static_cast<unsigned char>(text[p]); lead >= 0xE4 && lead != 0xEF) break;
    size_t n = p;
    const char32_t c = next_cp(text, n);
    if (!is_trailing_punct(c)) break;
    if (c == ',' || c == ';' || c == ':' || c == 0xFF0C) t.comma = true;
    if (is_terminator(c)) t.terminal = true;
    e = p;
  }
  // A bracketed note after a name is not part of it: 김민수(45), 홍길동(洪吉童).
  const string_view core(text.data() + b, e - b);
  if (const size_t paren = may_have_paren ? core.find('(') : string_view::npos;
      paren != string_view::npos && paren > 0) {
    if (const size_t close = core.rfind(')'); close != string_view::npos && close > paren) {
      t.paren_end = b + close + 1;
    }
    e = b + paren;
  }
  t.core_begin = b;
  t.core_end = e;
}

/// The text of a quotation token after its closing mark, without trailing punctuation.
string_view quote_suffix(string_view text, const Token& t, const Quote& q) {
  Token tmp;
  tmp.begin = q.end;
  while (tmp.begin < t.end && text[tmp.begin] == ' ') ++tmp.begin;
  tmp.end = t.end;
  trim_word(text, tmp);
  return text.substr(tmp.begin, tmp.core_end > tmp.begin ? tmp.core_end - tmp.begin : 0);
}

/// A line's quotations and tokens; sentences are token ranges.
struct Line {
  std::vector<Quote> quotes;
  std::vector<Token> tokens;
  bool open_at_end = false;  ///< a double mark is still open when the line ends
  /// The line opens with a quotation while the paragraph before it ended inside one: the print
  /// convention for a quotation that runs over several paragraphs.
  bool continues_quote = false;
};

/// The first position in [from, stop) whose byte may end a word or matter inside one: one that
/// may start white space (utf8::space_length: a control character, ' ' and the lead bytes C2,
/// E1, E2, E3) or '('; `stop` when there is none. A Korean word holds none of these, so the
/// bytes are tested sixteen at a time. Such a byte is never a continuation byte, so the position
/// found starts a character.
FACTLINT_HOT size_t next_break_candidate(string_view text, size_t from, size_t stop) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  size_t j = from;
#if defined(__SSE2__) && defined(__x86_64__)
  const __m128i space = _mm_set1_epi8(' ');
  const __m128i c2 = _mm_set1_epi8(static_cast<char>(0xC2));
  const __m128i e1 = _mm_set1_epi8(static_cast<char>(0xE1));
  const __m128i e3 = _mm_set1_epi8(static_cast<char>(0xE3));
  const __m128i paren = _mm_set1_epi8('(');
  for (; j + 16 <= stop; j += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(bytes + j));
    const __m128i low = _mm_cmpeq_epi8(_mm_min_epu8(v, space), v);  // v <= ' '
    // E1, E2, E3: between E1 and E3, as min(max(v, E1), E3) == v.
    const __m128i e = _mm_cmpeq_epi8(_mm_min_epu8(_mm_max_epu8(v, e1), e3), v);
    const __m128i hit = _mm_or_si128(_mm_or_si128(low, e),
                                     _mm_or_si128(_mm_cmpeq_epi8(v, c2), _mm_cmpeq_epi8(v, paren)));
    if (const int mask = _mm_movemask_epi8(hit); mask != 0) {
      return j + static_cast<size_t>(__builtin_ctz(static_cast<unsigned>(mask)));
    }
  }
#endif
  for (; j < stop; ++j) {
    const unsigned char b = bytes[j];
    if (b <= ' ' || b == 0xC2 || (b >= 0xE1 && b <= 0xE3) || b == '(') return j;
  }
  return stop;
}

/// Cuts [begin, end) into tokens. A top-level quotation and what is glued to its closing mark
/// make one token; a quotative written after a space (“…” 라고) is glued to it as well.
void tokenize(string_view text, size_t begin, size_t end, Line& line) {
  size_t next_quote = 0;
  // The first top-level quotation that opens at or after `pos` (quotations are in order of
  // their opening marks), and where it opens, or `end`.
  auto top_quote_from = [&](size_t pos) -> size_t {
    while (next_quote < line.quotes.size() &&
           (line.quotes[next_quote].begin < pos || line.quotes[next_quote].depth > 0)) {
      ++next_quote;
    }
    return next_quote < line.quotes.size() ? std::min(line.quotes[next_quote].begin, end) : end;
  };
  line.tokens.clear();
  line.tokens.reserve((end - begin) / 8 + 1);  // about one word in eight bytes of Korean news
  size_t i = begin;
  while (i < end) {
    if (const size_t space = utf8::space_length(text, i); space > 0) {
      i += space;
      continue;
    }
    Token t;
    t.begin = i;
    t.quote = top_quote_from(i) == i ? static_cast<int>(next_quote) : -1;
    size_t j = t.quote >= 0 ? line.quotes[t.quote].end : i;
    bool paren = t.quote >= 0;  // a '(' may be in the word (inside a quotation, unread)
    // The word ends at white space or where a top-level quotation opens.
    const size_t stop = std::max(top_quote_from(i + 1), j);
    while ((j = next_break_candidate(text, j, stop)) < stop) {
      const auto lead = static_cast<unsigned char>(text[j]);
      if (lead == '(') {
        paren = true;
        ++j;
        continue;
      }
      if (utf8::space_length(text, j) > 0) break;
      j += utf8::sequence_length(lead);
    }
    t.end = std::min(j, text.size());
    trim_word(text, t, paren);
    line.tokens.push_back(t);
    i = t.end;
  }
}

/// Glues a quotative written after a space to the quotation before it: “…” 라고 말했다.
void glue_spaced_quotatives(string_view text, Line& line) {
  std::vector<Token>& ts = line.tokens;
  for (size_t k = 0; k + 1 < ts.size(); ++k) {
    if (ts[k].quote < 0 || ts[k + 1].quote >= 0) continue;
    const Quote& q = line.quotes[ts[k].quote];
    if (ts[k].end != q.end) continue;
    const string_view next =
        text.substr(ts[k + 1].core_begin, ts[k + 1].core_end - ts[k + 1].core_begin);
    const auto [len, kind] = read_quotative(next);
    if (kind == 0 || len != next.size() || ts[k + 1].core_begin != ts[k + 1].begin) continue;
    ts[k].end = ts[k + 1].end;
    ts[k].comma = ts[k + 1].comma;
    ts[k].terminal = ts[k + 1].terminal;
    ts.erase(ts.begin() + static_cast<std::ptrdiff_t>(k + 1));
  }
}

/// Joins a bracketed gloss written after a space to the word before it, so that the particle
/// after the bracket reaches the name: 릴라 트레티코프 (Lila Tretikov)는.
void glue_parentheticals(string_view text, Line& line) {
  std::vector<Token>& ts = line.tokens;
  for (size_t k = 0; k + 1 < ts.size(); ++k) {
    if (ts[k].quote >= 0 || ts[k].comma || ts[k].terminal || ts[k].paren_end > 0) continue;
    if (text[ts[k + 1].begin] != '(') continue;
    for (size_t j = k + 1; j < ts.size() && j < k + 5; ++j) {
      if (ts[j].quote >= 0) break;
      const string_view w = text.substr(ts[j].begin, ts[j].end - ts[j].begin);
      const size_t close = w.rfind(')');
      if (close == string_view::npos) continue;
      ts[k].end = ts[j].end;
      ts[k].paren_end = ts[j].begin + close + 1;
      ts[k].comma = ts[j].comma;
      ts[k].terminal = ts[j].terminal;
      ts.erase(ts.begin() + static_cast<std::ptrdiff_t>(k + 1),
               ts.begin() + static_cast<std::ptrdiff_t>(j + 1));
      break;
    }
  }
}

/// Marks which quotation tokens end their sentence: a quotation that ends with final
/// punctuation and is followed by a space and no quotative stands as a sentence of its own.
void mark_quote_terminals(string_view text, Line& line) {
  for (Token& t : line.tokens) {
    if (t.quote < 0) continue;
    const Quote& q = line.quotes[t.quote];
    t.terminal = false;
    t.comma = false;
    const string_view suffix = text.substr(q.end, t.end - q.end);
    if (!suffix.empty()) {
      const char32_t c = last_cp(suffix);
      t.terminal = is_terminator(c);
      t.comma = c == ',' || c == ';' || c == ':';
      continue;
    }
    string_view inner = text.substr(q.text_begin, q.text_end - q.text_begin);
    while (!inner.empty() && (last_cp(inner) == ' ' || is_trailing_punct(last_cp(inner)))) {
      if (is_terminator(last_cp(inner))) {
        t.terminal = true;
        break;
      }
      inner = drop_last(inner);
    }
  }
}

// ---- Noun phrases around a subject ----------------------------------------------------------

enum class Ref { none, pronoun, demonstrative, surname };

/// A subject read from the words before a particle, before reference resolution.
struct Phrase {
  Speaker speaker;
  Ref ref = Ref::none;
  std::string ref_surname;  ///< 김 in 김 차관
  std::string ref_title;    ///< 차관 in 김 차관, 관계자 in 이 관계자
  bool titled = false;      ///< a title or an apposition was written with the name
};

/// Reads the words of one sentence, which starts at token `first` of its line (quotations are
/// tokens too, so that a phrase never crosses one). A phrase is read backwards from its head and
/// stops at the sentence's first word.
class PhraseReader {
 public:
  PhraseReader(string_view text, const Line& line, size_t first)
      : text_(text), line_(line), first_(first) {}

  string_view core(size_t k) const {
    const Token& t = line_.tokens[k];
    return string_view(text_.data() + t.core_begin, t.core_end - t.core_begin);
  }
  bool is_word(size_t k) const { return line_.tokens[k].quote < 0; }
  /// A word that may be part of a noun phrase ending at a later word: no comma after it.
  bool joins(size_t k) const {
    const Token& t = line_.tokens[k];
    return is_word(k) && !t.comma && !t.terminal && t.core_end > t.core_begin &&
           t.core_begin == t.begin;
  }

  std::optional<Phrase> read(size_t head, string_view stem) const;
  bool name_like(string_view w, bool allow_one_syllable) const {
    return name_like(w, allow_one_syllable, nullptr);
  }
  /// name_like with the lists of `w` when they were already looked up.
  bool name_like(string_view w, bool allow_one_syllable, const WordLists* lists_of_w) const;

 private:
  size_t extend_name(size_t k) const;
  size_t extend_title(size_t k) const;
  std::optional<Phrase> read_titled(size_t head, string_view stem, const TitleWord& t) const;
  std::optional<Phrase> read_quoted_name(size_t first, size_t head, string_view stem) const;
  std::optional<Phrase> read_joined_ssi(size_t head, string_view stem, string_view rest) const;
  std::optional<Phrase> read_role(size_t head, string_view stem, size_t title_first) const;
  std::optional<Phrase> read_named(size_t head, string_view stem, size_t title_first) const;
  bool affiliation_like(string_view w) const;
  std::optional<std::pair<size_t, size_t>> find_name(size_t run_first, size_t title_first) const;
  std::optional<Phrase> read_bare(size_t head, string_view stem) const;
  std::optional<Phrase> read_collective(size_t head, string_view stem,
                                        const WordLists& lists) const;
  void set_title(Phrase& p, size_t from, size_t to, size_t skip_begin, size_t skip_end,
                 string_view extra_end) const;

  string_view text_;
  const Line& line_;
  size_t first_;
};

bool PhraseReader::name_like(string_view w, bool allow_one_syllable,
                             const WordLists* lists_of_w) const {
  size_t n = 0;  // syllables
  if (!hangul_name(w, &n)) return false;
  if (n > 6 || (n < 2 && !allow_one_syllable)) return false;
  // A title, or a compound ending in one (축구선수, 관방장관), is not a name.
  if (const TitleWord* t = title_suffix(w); t != nullptr && syllable_count(t->word) >= 2) {
    return false;
  }
  const WordLists lists = lists_of_w != nullptr ? *lists_of_w : lists_of(w);
  if (lists.in(kKnownOrganization) || has_organization_suffix(w, lists, n) ||
      lists.in(kNeverSpeaker) || lists.in(kTitleModifier) || lists.ends_in(kClassifierEnding)) {
    return false;
  }
  if (ends_with(w, "의") && !lists.ends_in(kUiNounEnding)) return false;
  if (is_apposition(w) || ends_with(w, "이자") || ends_with(w, "들")) return false;
  if (lists.in(kCommonNoun)) return false;
  // A Korean name with its subject particle (김상조가) or an adnominal form (쓰러진, 지명된,
  // 새로운) is not a name written before a title.
  if (ends_with(w, "가") && korean_name_shaped(drop_last(w))) return false;
  std::optional<bool> shaped;  // korean_name_shaped(w), asked at most once
  auto name_shaped = [&] {
    if (!shaped) shaped = korean_name_shaped(w, lists);
    return *shaped;
  };
  // 회사원, 대학생, 근로자, 물리학과: what someone is, not who.
  if (n >= 3 && !name_shaped() && ends_with_any(w, {"원", "생", "자", "꾼", "과"})) {
    return false;
  }
  static const WordSet kAdnominals{"쓰러진", "지명된", "새로운", "알려진", "선출된", "임명된",
                                   "체포된", "구속된", "숨진",   "다친",   "떠난",   "이끈",
                                   "만난",   "앞선",   "이른",   "지난",   "최초의"};
  if (kAdnominals.contains(w) || ends_with_any(w, {"된", "로운", "다운"})) {
    return false;
  }
  return !has_verb_ending(w, lists) || name_shaped();
}

/// Extends a name at word `k` backwards over the earlier words of a foreign name (조 바이든,
/// 무스타파 술레이만); returns the first word of the name.
size_t PhraseReader::extend_name(size_t k) const {
  size_t start = k;
  while (start > first_ && k - start < 2 && joins(start - 1)) {
    const string_view w = core(start - 1);
    const string_view cur = core(start);
    if (!name_like(w, true) || ends_with(w, "인")) break;
    if (korean_name_shaped(cur) &&
        (korean_name_shaped(w) || syllable_count(w) == 1 || is_surname(w))) {
      break;
    }
    --start;
  }
  return start;
}

/// Extends a title that ends at word `k` backwards over the words of its noun phrase: bare
/// nouns, "X이자" (one title and another), and one genitive with its owner, stopping before a
/// description of that owner (사이버 보안업체 | 치후 360의 창업자). Returns the first word.
size_t PhraseReader::extend_title(size_t k) const {
  size_t start = k;
  bool in_owner = false;
  while (start > first_ && k - start < 8 && joins(start - 1)) {
    const string_view w = core(start - 1);
    const WordLists lists = lists_of(w);
    const bool date = contains_digit(w) && ends_with_any(w, {"일", "월", "년", "시"});
    if (w.empty() || date || lists.in(kNeverSpeaker)) break;
    // 의장국인 벨기에의 외무장관: an apposition inside the title describes its owner.
    if (ends_with(w, "인") && title_exact(w) == nullptr) break;
    // 물의를 일으킨 김 씨: after an object the word is a verb.
    if (start - 1 > first_ && is_word(start - 2) && ends_with_any(core(start - 2), {"을", "를"})) {
      break;
    }
    const bool genitive = ends_with(w, "의") && !lists.ends_in(kUiNounEnding);
    if (genitive) {
      if (in_owner) break;
      in_owner = true;
    } else if (in_owner && lists.ends_in(kClassifierEnding)) {
      break;
    } else if (!ends_with(w, "이자") && lists.ends_in(kClauseEnding) &&
               !lists.ends_in(kUiNounEnding) && !korean_name_shaped(w, lists) &&
               !lists.in(kKnownOrganization) && !has_organization_suffix(w, lists) &&
               !ends_with(w, "학과")) {  // 물리학과
      break;
    }
    // 보러 온 주민: a one-syllable word is a verb form unless it names a body (미, 시).
    if (syllable_count(w) == 1 && all_hangul(w) && !lists.in(kKnownOrganization) &&
        !lists.in(kCommonNoun)) {
      break;
    }
    --start;
  }
  return start;
}

/// Sets the title of `p` to the words [from, to] minus the name [skip_begin, skip_end), with
/// `extra_end` (a title word cut from its copula, 위원인 → 위원) replacing the end of `to`.
void PhraseReader::set_title(Phrase& p, size_t from, size_t to, size_t skip_begin, size_t skip_end,
                             string_view extra_end) const {
  if (from >= skip_begin && from < skip_end) from = skip_end;
  std::string title;
  for (size_t k = from; k <= to; ++k) {
    if (k >= skip_begin && k < skip_end) continue;
    string_view w = core(k);
    if (k == to && !extra_end.empty()) w = extra_end;
    if (!title.empty()) title += ' ';
    title += w;
  }
  p.speaker.title = std::move(title);
  p.speaker.title_begin = line_.tokens[from].core_begin;
  p.speaker.title_end = extra_end.empty() ? line_.tokens[to].core_end
                                          : line_.tokens[to].core_begin + extra_end.size();
  p.titled = true;
}

std::string join_words(string_view text, const Line& line, size_t from, size_t to,
                       size_t last_end) {
  std::string out;
  for (size_t k = from; k <= to; ++k) {
    const Token& t = line.tokens[k];
    if (!out.empty()) out += ' ';
    out += text.substr(t.core_begin, (k == to ? last_end : t.core_end) - t.core_begin);
  }
  return out;
}

std::optional<Phrase> PhraseReader::read(size_t head, string_view stem) const {
  if (stem.empty()) return std::nullopt;
  const bool pronoun = stem == "그" || stem == "그녀";
  if (pronoun || one_of(stem, {"그들", "이들", "그녀들", "양측"})) {
    Phrase p;
    p.ref = pronoun ? Ref::pronoun : Ref::none;
    p.speaker.kind = pronoun ? SpeakerKind::person : SpeakerKind::group;
    p.speaker.name = std::string(stem);
    p.speaker.begin = line_.tokens[head].core_begin;
    p.speaker.end = p.speaker.begin + stem.size();
    return p;
  }
  if (ends_with(stem, "씨") && stem.size() > 3) {  // 김씨, 홍길동씨
    return read_joined_ssi(head, stem, stem.substr(0, stem.size() - 3));
  }
  if (const TitleWord* t = title_suffix(stem)) {
    if (auto p = read_titled(head, stem, *t)) return p;
  }
  return read_bare(head, stem);
}

/// A subject that ends in a title or role: 김민수 차관, 외교부 김민수 차관, 김 차관, 이 관계자,
/// 업계 한 관계자, 블링컨 미국 국무장관, 김씨, 관방장관.
std::optional<Phrase> PhraseReader::read_titled(size_t head, string_view stem,
                                                const TitleWord& t) const {
  Phrase p;
  const size_t head_begin = line_.tokens[head].core_begin;
  p.speaker.begin = head_begin;
  p.speaker.end = head_begin + stem.size();
  if (stem != t.word) {
    const string_view rest = stem.substr(0, stem.size() - t.word.size());
    if (t.word == "씨") return read_joined_ssi(head, stem, rest);
    if (t.role) {  // 업계관계자, 정부관계자
      if (!all_hangul(rest)) return std::nullopt;
      Phrase p;
      p.speaker.begin = head_begin;
      p.speaker.end = head_begin + stem.size();
      p.speaker.name = std::string(stem);
      p.speaker.kind = SpeakerKind::role;
      return p;
    }
    // A compound title (관방장관, 부교육감, 국방부장관); 시장 also means a market.
    if (t.word == "시장" || syllable_count(t.word) < 2) return std::nullopt;
  }
  // Modifiers written before the title: 전 장관, 당시 차관.
  size_t title_first = head;
  while (title_first > first_ && joins(title_first - 1) &&
         is_title_modifier(core(title_first - 1))) {
    --title_first;
  }
  if (auto p = read_quoted_name(title_first, head, stem)) return p;
  if (title_first == first_ || !joins(title_first - 1)) {
    if (t.word == "씨") return std::nullopt;  // 씨 alone names nobody
    p.speaker.kind = SpeakerKind::role;
    p.speaker.name = std::string(stem);
    if (!t.role) {
      p.ref = Ref::demonstrative;  // 대변인은: the spokesperson met before
      p.ref_title = std::string(stem);
    }
    return p;
  }
  const string_view before = core(title_first - 1);
  const bool demonstrative = one_of(before, {"이", "그", "해당", "같은", "동"});
  if (t.role && !demonstrative) return read_role(head, stem, title_first);
  if (demonstrative || is_surname(before)) {
    // 김 차관, 김 씨, 이 관계자: a reference to someone met before.
    p.ref = t.role || !is_surname(before) ? Ref::demonstrative : Ref::surname;
    p.ref_surname = std::string(before);
    p.ref_title = std::string(stem);
    p.speaker.begin = line_.tokens[title_first - 1].core_begin;
    p.speaker.name = join_words(text_, line_, title_first - 1, head, p.speaker.end);
    p.speaker.kind = t.role ? SpeakerKind::role : SpeakerKind::person;
    return p;
  }
  return read_named(head, stem, title_first);
}

/// ‘기르마’ 에티오피아 대통령: a name in single marks right before the words [first, head].
std::optional<Phrase> PhraseReader::read_quoted_name(size_t first, size_t head,
                                                     string_view stem) const {
  if (first == first_) return std::nullopt;
  const Token& t = line_.tokens[first - 1];
  if (t.quote < 0 || !is_single(line_.quotes[t.quote].open_mark)) return std::nullopt;
  const Quote& q = line_.quotes[t.quote];
  if (t.end != q.end || q.text_end <= q.text_begin) return std::nullopt;
  const string_view inner = text_.substr(q.text_begin, q.text_end - q.text_begin);
  if (!all_hangul(inner) || syllable_count(inner) > 8) return std::nullopt;
  Phrase p;
  p.speaker.begin = q.text_begin;
  p.speaker.end = q.text_end;
  p.speaker.name = std::string(inner);
  set_title(p, first, head, 0, 0, stem);
  return p;
}

/// 김씨, 홍길동씨: the title 씨 written without a space.
std::optional<Phrase> PhraseReader::read_joined_ssi(size_t head, string_view stem,
                                                    string_view rest) const {
  if (!korean_name_shaped(rest) && !is_surname(rest) && !(rest.size() == 1 && is_latin(rest[0]))) {
    return std::nullopt;
  }
  Phrase p;
  const size_t head_begin = line_.tokens[head].core_begin;
  p.speaker.begin = head_begin;
  p.speaker.name = std::string(rest);
  p.speaker.end = head_begin + rest.size();
  p.speaker.title = "씨";
  p.titled = true;
  if (is_surname(rest)) {
    p.ref = Ref::surname;
    p.ref_surname = std::string(rest);
    p.ref_title = "씨";
    p.speaker.name = std::string(stem);
    p.speaker.end = head_begin + stem.size();
  }
  return p;
}

/// 업계 한 관계자, 국방부 관계자, 현지 소식통: a person known by a role.
std::optional<Phrase> PhraseReader::read_role(size_t head, string_view stem,
                                              size_t title_first) const {
  size_t first = extend_title(title_first);
  if (first > first_ && joins(first - 1) && core(first - 1) == "한") {
    first = extend_title(first - 1);  // 업계의 한 시민단체 관계자: one official
  }
  Phrase p;
  p.speaker.begin = line_.tokens[first].core_begin;
  p.speaker.end = line_.tokens[head].core_begin + stem.size();
  p.speaker.name = join_words(text_, line_, first, head, p.speaker.end);
  p.speaker.kind = SpeakerKind::role;
  return p;
}

/// Words that place a title rather than name a person: 미국, 국방부, 삼성전자의, 국방, CNN.
bool PhraseReader::affiliation_like(string_view w) const {
  const WordLists lists = lists_of(w);
  return lists.in(kKnownOrganization) || has_organization_suffix(w, lists) ||
         lists.in(kCommonNoun) || lists.ends_in(kClassifierEnding) ||
         (ends_with(w, "의") && !lists.ends_in(kUiNounEnding)) || !hangul_name(w);
}

/// The name in the words before a title, if any: the last Korean-shaped name (외교부 김민수
/// 차관, 박영선 새정연 원내대표), else the words right before the affiliation (블링컨 미국
/// 국무장관, 조 바이든 대통령). Returns [first, last] word indices.
std::optional<std::pair<size_t, size_t>> PhraseReader::find_name(size_t run_first,
                                                                 size_t title_first) const {
  for (size_t j = title_first; j-- > run_first;) {
    if (korean_name_shaped(core(j)) && name_like(core(j), false)) {
      return std::pair{std::max(extend_name(j), run_first), j};  // 버락 오바마: 오 is a surname too
    }
  }
  size_t j = title_first;
  // 블링컨 미국 국무장관; but in 치후 360의 창업자 the word before a genitive is its owner.
  while (j > run_first && affiliation_like(core(j - 1))) {
    if (ends_with(core(j - 1), "의") && !is_noun_ending_in_ui(core(j - 1))) return std::nullopt;
    --j;
  }
  if (j == run_first || !name_like(core(j - 1), false)) return std::nullopt;
  size_t first = extend_name(j - 1);
  return std::pair{std::max(first, run_first), j - 1};
}

/// [affiliation] NAME [affiliation] [modifier] TITLE, or a role when no name is written.
std::optional<Phrase> PhraseReader::read_named(size_t head, string_view stem,
                                               size_t title_first) const {
  Phrase p;
  p.speaker.end = line_.tokens[head].core_begin + stem.size();
  size_t run_first = extend_title(title_first);
  if (auto quoted = read_quoted_name(run_first, head, stem)) return quoted;
  // A name before a title may carry a clause ending of its own (페르난도, 술레이만), which the
  // title's phrase stops at; the name is still the word right before.
  if (run_first == title_first && name_like(core(title_first - 1), false)) --run_first;
  const auto name = find_name(run_first, title_first);
  if (!name) {
    p.speaker.begin = line_.tokens[run_first].core_begin;
    p.speaker.name = join_words(text_, line_, run_first, head, p.speaker.end);
    p.speaker.kind = SpeakerKind::role;
    p.ref = Ref::demonstrative;  // 미국 대통령은: the president met before, if any
    p.ref_title = std::string(stem);
    return p;
  }
  const auto [name_first, name_last] = *name;
  p.speaker.begin = line_.tokens[name_first].core_begin;
  p.speaker.end = line_.tokens[name_last].core_end;
  p.speaker.name = join_words(text_, line_, name_first, name_last, p.speaker.end);
  set_title(p, run_first, head, name_first, name_last + 1, stem);
  // 시장 is also a market (플라스틱 시장은): after anything but a Korean name it is taken as a
  // speaker only where a verb of saying follows, never as the topic of later sentences.
  if (stem == "시장" && !korean_name_shaped(core(name_last))) p.titled = false;
  return p;
}

/// A subject with no title after it: 저우훙이, 위원인 저우훙이, 공동 창업자 무스타파
/// 술레이만, 중국 정부, 전문가들.
/// A subject that is not one person: 학교 측, 국민의 56%, 전문가들, 게시글, 중국 정부.
std::optional<Phrase> PhraseReader::read_collective(size_t head, string_view stem,
                                                    const WordLists& lists) const {
  static constexpr string_view kDocuments[] = {
      "글",   "게시글", "편지", "기사",   "보도", "공지", "공고문", "안내문", "메시지",
      "문자", "일기",   "유서", "게시물", "댓글", "사설", "칼럼",   "서한",   "친서"};
  Phrase p;
  p.speaker.begin = line_.tokens[head].core_begin;
  p.speaker.end = p.speaker.begin + stem.size();
  size_t first = head;
  if (stem == "측" && head > first_ && joins(head - 1)) {  // 학교 측, 김 후보 측
    first = head - 1;
    p.speaker.kind = SpeakerKind::organization;
  } else if (contains_digit(stem) && ends_with_any(stem, {"%", "명", "대", "세"})) {
    // 국민의 56%가, 대리인단 15명은, 30대가: people counted rather than named.
    while (first > first_ && head - first < 2 && joins(first - 1) &&
           !has_clause_ending(core(first - 1)) && !contains_digit(core(first - 1)) &&
           !is_never_speaker(core(first - 1))) {
      --first;
    }
    p.speaker.kind = SpeakerKind::group;
  } else if (ends_with(stem, "들") && syllable_count(stem) >= 3 && !lists.in(kNeverSpeaker)) {
    p.speaker.kind = SpeakerKind::group;
  } else if (one_of(stem, kDocuments)) {
    p.speaker.kind = SpeakerKind::organization;  // a document speaks for its unnamed author
  } else if (!lists.in(kNeverSpeaker) && !contains_digit(stem) &&
             (lists.in(kKnownOrganization) || has_organization_suffix(stem, lists) ||
              !all_hangul(stem))) {
    while (first > first_ && head - first < 2 && joins(first - 1) &&
           organization_like(core(first - 1))) {
      --first;
    }
    p.speaker.kind = SpeakerKind::organization;
  } else {
    return std::nullopt;
  }
  p.speaker.begin = line_.tokens[first].core_begin;
  p.speaker.name = join_words(text_, line_, first, head, p.speaker.end);
  return p;
}

/// A subject with no title after it: 저우훙이, 위원인 저우훙이, 공동 창업자 무스타파
/// 술레이만, and the collectives of read_collective.
std::optional<Phrase> PhraseReader::read_bare(size_t head, string_view stem) const {
  const WordLists lists = lists_of(stem);
  if (auto collective = read_collective(head, stem, lists)) return collective;
  if (lists.in(kNeverSpeaker) || !name_like(stem, false, &lists)) return std::nullopt;
  Phrase p;
  p.speaker.end = line_.tokens[head].core_begin + stem.size();
  const size_t name_first = extend_name(head);
  p.speaker.begin = line_.tokens[name_first].core_begin;
  p.speaker.name = join_words(text_, line_, name_first, head, p.speaker.end);
  if (name_first == first_ || !joins(name_first - 1)) return p;
  // An apposition before the name: 위원인 저우훙이, 공동 창업자 술레이만, 출신인 김 씨.
  const size_t t = name_first - 1;
  const string_view before = core(t);
  if (is_apposition(before)) {
    const string_view title = before.substr(0, before.size() - 3);
    set_title(p, extend_title(t), t, 0, 0, title);
  } else if (const TitleWord* tw = title_suffix(before); tw != nullptr && !tw->role) {
    set_title(p, extend_title(t), t, 0, 0, {});
  } else if (organization_like(before)) {
    set_title(p, t, t, 0, 0, {});
  }
  return p;
}

// ---- Sentences ------------------------------------------------------------------------------

size_t subject_stem_ending_in(string_view word, char32_t last);

/// Length of `word` without a subject or topic particle (은/는/이/가/께서), or 0 when it has
/// none. The particle must fit the last syllable (은 and 이 after a final consonant), so the
/// 이 of 저우훙이 stays in the name when 는 follows it. Most words end otherwise and are
/// turned away here, inline.
FACTLINT_HOT size_t subject_stem(string_view word) {
  const char32_t last = last_cp(word);
  if (last != U'은' && last != U'는' && last != U'이' && last != U'가' && last != U'서') return 0;
  return subject_stem_ending_in(word, last);
}

/// subject_stem of a word whose last character is `last`.
size_t subject_stem_ending_in(string_view word, char32_t last) {
  if (last == U'서') return ends_with(word, "께서") && word.size() > 6 ? word.size() - 6 : 0;
  const string_view stem = drop_last(word);
  if (stem.empty()) return 0;
  const char32_t p = last_cp(stem);
  if (is_hangul(p)) {
    const bool coda = utf8::has_final_consonant(p);
    if ((last == U'은' || last == U'이') != coda) return 0;
    // A case particle before the topic marker: 회견에서는, 이번에는, 정부로서는. Only a stem
    // ending in the last syllable of one of these particles is looked up.
    switch (p) {
      case U'서':
      case U'게':
      case U'에':
      case U'로':
      case U'께':
      case U'테':
      case U'지':
      case U'터':
      case U'와':
      case U'과':
      case U'의':
        if (const WordLists lists = lists_of(stem);
            lists.ends_in(kParticleBeforeTopic) && !lists.ends_in(kUiNounEnding)) {
          return 0;
        }
        break;
      default:
        break;
    }
  } else if (!is_alnum(p) && p != '%' && p != U'％') {
    return 0;
  }
  return stem.size();
}

/// A subject that is surely a speaker: titled, a reference, an institution or a group, or a
/// name shaped like a person's. A bare word (트럼프는, 사건은) may be either, so it is taken only
/// as the topic of a sentence that also has a verb of saying.
/// Names written somewhere in the document with a title or an apposition: a bare 호나우두가
/// is a person when 축구선수 호나우두는 came before or comes after.
class KnownNames {
 public:
  void add(const std::string& name) {
    names_.insert(name);
    if (const size_t space = name.rfind(' '); space != std::string::npos) {
      names_.insert(name.substr(space + 1));  // 호나우두 of 호나우두, 술레이만 of 무스타파 술레이만
    }
  }
  bool contains(string_view name) const { return names_.find(name) != names_.end(); }

 private:
  /// Looked up by view, without a copy of the name.
  struct Hash {
    using is_transparent = void;
    size_t operator()(string_view s) const { return std::hash<string_view>{}(s); }
  };
  std::unordered_set<std::string, Hash, std::equal_to<>> names_;
};

bool is_known_name(const KnownNames& known, string_view name) { return known.contains(name); }

bool strong(const Phrase& p, const KnownNames& known) {
  return p.titled || p.ref != Ref::none || p.speaker.kind != SpeakerKind::person ||
         is_known_name(known, p.speaker.name);
}

/// What one sentence says about its quotations.
struct QuoteSite {
  size_t token = 0;               ///< the quotation's token
  int quote = -1;                 ///< index into the line's quotations
  string_view quotative;          ///< into the text
  bool speech = false;            ///< reported as speech (a quotative and a verb of saying)
  std::optional<size_t> verb;     ///< token of the verb
  std::optional<Phrase> subject;  ///< written in this sentence
};

struct Sentence {
  size_t line = 0;             ///< index into the document's lines
  size_t first = 0, last = 0;  ///< token range [first, last)
  std::vector<QuoteSite> sites;
  std::optional<Phrase> topic;  ///< the first subject of the sentence outside quotations
  bool speech_verb = false;     ///< a verb of saying outside any quotation; read only with a topic
  bool standalone_quote = false;  ///< nothing but one quotation
};

/// What a candidate must turn out to be to count as the subject.
enum class Needs {
  anything,      ///< 은/는/이/가/께서
  strong,        ///< 도 (김 장관도): also marks 이번에도, 그러면서도
  organization,  ///< 에서/에서는 (협회에서는): also marks places and events
};

/// A word of the sentence that may be its subject: a word with a subject particle.
struct Candidate {
  size_t token;
  size_t stem;  ///< bytes of the word before the particle
  bool topic;   ///< 은/는/도/에서는 (the topic) rather than 이/가/에서
  Needs needs = Needs::anything;
};

/// Reads the particle of a possible subject: its stem length, whether it marks the topic and
/// what the stem must be. `particle_part` is the word after a bracketed note when there is one.
FACTLINT_HOT std::optional<Candidate> read_candidate(size_t k, string_view w,
                                                     string_view particle_part) {
  const string_view p = particle_part;
  if (!particle_part.empty()) {
    if (one_of(p, {"은", "는", "이", "가", "도", "께서"})) {
      return Candidate{k, w.size(), p != "이" && p != "가" && p != "께서",
                       p == "도" ? Needs::strong : Needs::anything};
    }
    return std::nullopt;
  }
  if (const size_t stem = subject_stem(w); stem > 0) {
    const char32_t c = last_cp(w);
    return Candidate{k, stem, c == U'은' || c == U'는'};
  }
  if (ends_with(w, "에서는") && w.size() >= 12) {
    return Candidate{k, w.size() - 9, true, Needs::organization};
  }
  if (ends_with(w, "에서") && w.size() >= 9) {
    return Candidate{k, w.size() - 6, false, Needs::organization};
  }
  if (ends_with(w, "입니다") && w.size() > 9) {  // 방송 관계자입니다. (a broadcast's cue)
    return Candidate{k, w.size() - 9, false, Needs::strong};
  }
  if (ends_with(w, "도") && w.size() > 6 &&
      !ends_with_any(w, {"에도", "서도", "로도", "까지도", "에게도", "고도", "지도", "라도"})) {
    return Candidate{k, w.size() - 3, true, Needs::strong};
  }
  return std::nullopt;
}

/// True when the quotation reads as a clause of speech: it ends like a sentence (다, 요 ...) or
/// holds several sentences. Short terms in single marks never do.
bool clause_like(string_view text, const Quote& q) {
  string_view inner = text.substr(q.text_begin, q.text_end - q.text_begin);
  while (!inner.empty() && (is_trailing_punct(last_cp(inner)) || last_cp(inner) == ' ')) {
    inner = drop_last(inner);
  }
  const char32_t c = last_cp(inner);
  return c == U'다' || c == U'요' || c == U'죠' || c == U'까' || c == U'냐' || c == U'라' ||
         c == U'자' || c == U'네' || c == U'군' || c == U'오' || c == U'니' || c == U'지';
}

/// Buffers a SentenceReader fills, kept from one sentence to the next so that reading a
/// sentence allocates nothing once they have grown.
struct SentenceScratch {
  std::vector<Candidate> candidates;
  std::vector<std::optional<std::optional<Phrase>>> phrases;
  std::vector<size_t> next_verb;
};

class SentenceReader {
 public:
  SentenceReader(string_view text, const Line& line, Sentence& s, const KnownNames& known,
                 SentenceScratch& scratch)
      : text_(text),
        line_(line),
        s_(s),
        reader_(text, line, s.first),
        known_(known),
        candidates_(scratch.candidates),
        phrases_(scratch.phrases),
        next_verb_(scratch.next_verb) {
    candidates_.clear();
    phrases_.clear();
    next_verb_.clear();
  }

  void read() {
    collect_candidates();
    read_topic();
    for (size_t k = s_.first; k < s_.last; ++k) {
      if (line_.tokens[k].quote >= 0) read_site(k);
    }
    // Only a sentence with a topic needs to know (the topic is who speaks): most have none, and
    // the verbs of a sentence with a quotation were looked up for it already.
    if (s_.topic) {
      if (!next_verb_.empty()) {
        s_.speech_verb = next_verb_[0] != string_view::npos;
      } else {
        for (size_t k = s_.first; k < s_.last && !s_.speech_verb; ++k) {
          s_.speech_verb = reader_.is_word(k) && is_speech_verb(reader_.core(k));
        }
      }
    }
    const Token& last = line_.tokens[s_.last - 1];
    s_.standalone_quote = s_.last - s_.first == 1 && last.quote >= 0;
  }

 private:
  void collect_candidates() {
    for (size_t k = s_.first; k < s_.last; ++k) {
      const Token& t = line_.tokens[k];
      if (quoted_name(k)) {
        const string_view suffix = quote_suffix(text_, t, line_.quotes[t.quote]);
        candidates_.push_back({k, 0, suffix == "은" || suffix == "는"});
        continue;
      }
      if (!reader_.is_word(k) || t.core_begin != t.begin) continue;
      string_view after;
      if (t.paren_end > 0) {
        Token rest;
        rest.begin = t.paren_end;
        rest.end = t.end;
        trim_word(text_, rest);
        after = text_.substr(rest.core_begin, rest.core_end - rest.core_begin);
        if (after.empty()) continue;
      }
      const auto c = read_candidate(k, reader_.core(k), after);
      if (!c) continue;
      // 청장이 아닌, 위원이 됐다: the complement of 아니다 or 되다, not a subject.
      if (k + 1 < s_.last && reader_.is_word(k + 1)) {
        const string_view next = reader_.core(k + 1);
        if (starts_with(next, "아니") || starts_with(next, "아닌") || starts_with(next, "되") ||
            starts_with(next, "됐") || starts_with(next, "된")) {
          continue;
        }
      }
      candidates_.push_back(*c);
    }
  }

  /// A name in single marks with a subject particle: ‘자유북한방송’은.
  bool quoted_name(size_t k) const {
    const Token& t = line_.tokens[k];
    if (t.quote < 0 || !is_single(line_.quotes[t.quote].open_mark)) return false;
    const Quote& q = line_.quotes[t.quote];
    const string_view suffix = quote_suffix(text_, t, q);
    const string_view inner = text_.substr(q.text_begin, q.text_end - q.text_begin);
    return one_of(suffix, {"은", "는", "이", "가"}) && !inner.empty() &&
           inner.find(' ') == string_view::npos && syllable_count(inner) <= 10;
  }

  /// The subject phrase a candidate reads as, read once per candidate.
  const std::optional<Phrase>& phrase(const Candidate& c) const {
    const size_t index = static_cast<size_t>(&c - candidates_.data());
    if (phrases_.size() < candidates_.size()) phrases_.resize(candidates_.size());
    auto& slot = phrases_[index];
    if (!slot) slot = read_phrase(c);
    return *slot;
  }

  std::optional<Phrase> read_phrase(const Candidate& c) const {
    if (!reader_.is_word(c.token)) {
      const Quote& q = line_.quotes[line_.tokens[c.token].quote];
      Phrase p;
      p.speaker.begin = q.text_begin;
      p.speaker.end = q.text_end;
      p.speaker.name = std::string(text_.substr(q.text_begin, q.text_end - q.text_begin));
      p.speaker.kind = SpeakerKind::organization;
      return p;
    }
    const string_view w = reader_.core(c.token);
    auto p = reader_.read(c.token, w.substr(0, c.stem));
    if (!p) return p;
    if (c.needs == Needs::strong && !strong(*p, known_)) return std::nullopt;
    if (c.needs == Needs::organization && p->speaker.kind != SpeakerKind::organization) {
      // 아시아경제에서는: a long unknown name before 에서 is an outlet or a body; a place or an
      // event (현장에서는, 기자회견에서) is not a speaker.
      const string_view name = p->speaker.name;
      if (p->titled || p->ref != Ref::none || p->speaker.kind != SpeakerKind::person ||
          syllable_count(name) < 4 || name.find(' ') != string_view::npos ||
          ends_with_any(name, {"회견", "인터뷰", "회의", "회", "식", "장", "연설", "현장", "방송",
                               "자리", "재판", "법정", "포럼", "세미나", "발표", "브리핑"})) {
        return std::nullopt;
      }
      p->speaker.kind = SpeakerKind::organization;
    }
    // A bare word after an object or adverbial is a clause, not a subject: 법을 따르는.
    // A bare word whose stem ends like a verb is a clause: 묘사하는, 모이는.
    const string_view stem = w.substr(0, c.stem);
    const bool verb_stem =
        ends_with(stem, "하") || ends_with(stem, "되") ||
        (last_cp(w) == U'는' && ends_with_any(stem, {"이", "치", "리", "우", "주", "르"}));
    if (!strong(*p, known_) && verb_stem) {
      return std::nullopt;
    }
    if (!strong(*p, known_) && c.token > s_.first && reader_.is_word(c.token - 1) &&
        p->speaker.begin == line_.tokens[c.token].core_begin) {
      const string_view prev = reader_.core(c.token - 1);
      if (ends_with_any(prev, {"을", "를", "에", "에서", "로", "와", "과", "게"}))
        return std::nullopt;
    }
    return p;
  }

  /// The subject of the sentence: its first topic (은/는), else the last 이/가 subject, among
  /// the candidates in [from, to); nullptr when there is none. It points into the phrases read
  /// for this sentence.
  const Phrase* subject_in(size_t from, size_t to, bool weak = false) const {
    for (const Candidate& c : candidates_) {
      if (c.token < from || c.token >= to || !c.topic) continue;
      if (const auto& p = phrase(c)) return &*p;
    }
    return last_subject(from, to, weak);
  }

  /// The subject (이/가) nearest the end of [from, to); a body with 에서 (국회에서) only when
  /// there is no other, since it is more often a place.
  const Phrase* last_subject(size_t from, size_t to, bool weak) const {
    for (const bool places : {false, true}) {
      for (auto it = candidates_.rbegin(); it != candidates_.rend(); ++it) {
        if (it->token < from || it->token >= to || it->topic) continue;
        if ((it->needs == Needs::organization) != places) continue;
        if (const auto& p = phrase(*it); p && (weak || strong(*p, known_))) return &*p;
      }
    }
    return nullptr;
  }

  const Phrase* nearest_subject(size_t from, size_t to) const {
    return last_subject(from, to, /*weak=*/false);
  }

  /// The topic of the sentence for the sentences after it: its first topic (은/는) that is
  /// surely a speaker, else its last such subject (이/가).
  void read_topic() {
    for (const Candidate& c : candidates_) {
      if (!c.topic) continue;
      if (const auto& p = phrase(c); p && strong(*p, known_)) {
        s_.topic = *p;
        return;
      }
    }
    if (const Phrase* s = last_subject(s_.first, s_.last, /*weak=*/false)) s_.topic = *s;
  }

  std::optional<size_t> find_verb(size_t from) const {
    if (from >= s_.last) return std::nullopt;
    if (reader_.is_word(from) && is_naming_verb(reader_.core(from))) return std::nullopt;
    // The first verb of saying at or after each word, found once per sentence, so that a
    // sentence of many quotations stays linear.
    if (next_verb_.empty()) {
      next_verb_.assign(s_.last - s_.first + 1, string_view::npos);
      for (size_t k = s_.last; k-- > s_.first;) {
        const bool verb = reader_.is_word(k) && is_speech_verb(reader_.core(k));
        next_verb_[k - s_.first] = verb ? k : next_verb_[k - s_.first + 1];
      }
    }
    const size_t k = next_verb_[from - s_.first];
    return k == string_view::npos ? std::nullopt : std::optional<size_t>(k);
  }

  void read_site(size_t k) {
    QuoteSite site;
    site.token = k;
    site.quote = line_.tokens[k].quote;
    const Quote& q = line_.quotes[site.quote];
    const string_view suffix = quote_suffix(text_, line_.tokens[k], q);
    const auto [len, kind] = read_quotative(suffix);
    site.quotative = suffix.substr(0, len);
    if (kind == 1) {
      site.verb = find_verb(k + 1);
      // A quotative after a clause reports speech even when the verb is not one of saying:
      // “…”며 답변을 피했다, “…”고 판시했다.
      const bool naming =
          k + 1 < s_.last && reader_.is_word(k + 1) && is_naming_verb(reader_.core(k + 1));
      site.speech = site.verb.has_value() || (clause_like(text_, q) && !naming);
    } else if (kind == 2 && k + 2 < s_.last && reader_.is_word(k + 1) &&
               is_speech_object(reader_.core(k + 1)) && reader_.is_word(k + 2)) {
      // “…”라는 입장을 밝혔다
      if (is_speech_verb(reader_.core(k + 2))) {
        site.verb = k + 2;
        site.speech = true;
      }
    }
    if (site.speech) find_subject(site);
    s_.sites.push_back(std::move(site));
  }

  void find_subject(QuoteSite& site) const {
    const size_t k = site.token;
    const size_t end = site.verb ? *site.verb : s_.last;
    // “…”라고 김 장관은 말했다: a subject between the quotation and the verb comes first.
    const Phrase* s = subject_in(k + 1, end, /*weak=*/site.verb.has_value());
    // 한경은 호나우두가 “…”고 말했다고 전했다: the verb is itself reported, so its subject is
    // the one nearest the quotation, not the topic of the sentence.
    if (!s && site.verb && ends_with_any(reader_.core(*site.verb), {"다고", "다며", "다는"})) {
      s = nearest_subject(s_.first, k);
    }
    if (!s) s = subject_in(s_.first, k);
    if (s) {
      site.subject = *s;
    }
  }

  string_view text_;
  const Line& line_;
  Sentence& s_;
  PhraseReader reader_;
  const KnownNames& known_;
  std::vector<Candidate>& candidates_;
  std::vector<std::optional<std::optional<Phrase>>>& phrases_;  ///< see phrase()
  std::vector<size_t>& next_verb_;                              ///< see find_verb
};

// ---- The document ---------------------------------------------------------------------------

/// Someone met so far, for resolving references.
bool same_surname(string_view name, string_view surname) {
  return starts_with(name, surname) && all_hangul(surname) && name.size() > surname.size() &&
         name.find(' ') == string_view::npos;
}

class Resolver {
 public:
  /// Remembers a person or role as a possible antecedent.
  void meet(const Speaker& s) {
    if (s.kind != SpeakerKind::person && s.kind != SpeakerKind::role) return;
    // Only the last kReach people are ever looked at: forget the older ones, a batch at a time
    // so that the erase stays linear, and the list stays small however long the text is.
    if (people_.size() == 2 * kReach) {
      people_.erase(people_.begin(), people_.begin() + static_cast<std::ptrdiff_t>(kReach));
    }
    people_.push_back(s);
  }

  /// Resolves `p` written at `pos`; returns the speaker and whether it was a reference.
  std::pair<Speaker, bool> resolve(const Phrase& p) const {
    Speaker written = p.speaker;
    if (p.ref == Ref::none) return {linked_short_name(written), false};
    for (auto it = people_.rbegin(); it != recent_end(); ++it) {
      const Speaker& s = *it;
      if (!matches(p, s)) continue;
      Speaker out = s;
      out.begin = written.begin;
      out.end = written.end;
      out.title_begin = out.title_end = 0;
      return {out, true};
    }
    return {written, true};
  }

 private:
  /// References reach back this many people at most: an article names a person again long
  /// before that many others come between, and a long text stays linear.
  static constexpr size_t kReach = 64;

  std::vector<Speaker>::const_reverse_iterator recent_end() const {
    return people_.size() > kReach ? people_.rbegin() + kReach : people_.rend();
  }

  static bool matches(const Phrase& p, const Speaker& s) {
    switch (p.ref) {
      case Ref::pronoun:
        return s.kind == SpeakerKind::person || s.kind == SpeakerKind::role;
      case Ref::demonstrative:
        return ends_with(s.title, p.ref_title) || ends_with(s.name, p.ref_title);
      case Ref::surname:
        if (s.kind == SpeakerKind::person && same_surname(s.name, p.ref_surname) &&
            (p.ref_title == "씨" || ends_with(s.title, p.ref_title))) {
          return true;
        }
        // 이 대변인: Mr Lee the spokesperson, or this spokesperson.
        return p.ref_surname == "이" && ends_with(s.title, p.ref_title);
      case Ref::none:
        break;
    }
    return false;
  }

  /// A bare family name of someone met with a full foreign name (술레이만 after 무스타파
  /// 술레이만) is that person.
  Speaker linked_short_name(Speaker written) const {
    if (written.kind != SpeakerKind::person || written.name.find(' ') != std::string::npos) {
      return written;
    }
    for (auto it = people_.rbegin(); it != recent_end(); ++it) {
      const std::string& full = it->name;
      if (full.size() > written.name.size() + 1 && ends_with(full, written.name) &&
          full[full.size() - written.name.size() - 1] == ' ') {
        Speaker out = *it;
        out.begin = written.begin;
        out.end = written.end;
        if (written.title_end > 0) {
          out.title = written.title;
          out.title_begin = written.title_begin;
          out.title_end = written.title_end;
        } else {
          out.title_begin = out.title_end = 0;
        }
        return out;
      }
    }
    return written;
  }

  std::vector<Speaker> people_;
};

/// What is read from a document for resolution. A long text is read a window of lines at a
/// time (LineReader), so the tokens of the whole text are never held at once: `lines` and
/// `sentences` hold the window, indexed by their place in the whole document.
struct Reading {
  std::vector<Line> lines;          ///< lines [line_base, line_base + lines.size())
  std::vector<Sentence> sentences;  ///< sentences [sentence_base, sentence_end())
  size_t line_base = 0;
  size_t sentence_base = 0;
  KnownNames known;
  std::vector<Speaker> people;  ///< titled_people() of the text read so far, in order

  const Line& line(size_t index) const { return lines[index - line_base]; }
  const Sentence& sentence(size_t index) const { return sentences[index - sentence_base]; }
  Sentence& sentence(size_t index) { return sentences[index - sentence_base]; }
  size_t sentence_end() const { return sentence_base + sentences.size(); }

  /// Forgets the sentences before `keep` and the lines before the first one kept.
  void drop_before(size_t keep) {
    keep = std::min(std::max(keep, sentence_base), sentence_end());
    const size_t keep_line = keep < sentence_end() ? sentence(keep).line : line_base + lines.size();
    keep_from(sentences, keep - sentence_base);
    sentence_base = keep;
    keep_from(lines, keep_line - line_base);
    line_base = keep_line;
  }

 private:
  /// Keeps the elements from `first` on. A buffer more than twice the size this window needed
  /// was grown by a larger window before (one of long lines, say): it is swapped for one of the
  /// size needed, once, rather than kept for the whole text.
  template <class T>
  static void keep_from(std::vector<T>& v, size_t first) {
    const size_t needed = v.size();
    if (v.capacity() <= 2 * needed) {
      v.erase(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(first));
      return;
    }
    std::vector<T> kept;
    kept.reserve(needed);
    kept.insert(kept.end(), std::make_move_iterator(v.begin() + static_cast<std::ptrdiff_t>(first)),
                std::make_move_iterator(v.end()));
    v.swap(kept);
  }
};

/// `word` without one trailing particle of any case (김민수 차관을 → 김민수 차관), for reading
/// people wherever they stand in a sentence.
/// `w` without the first of `particles` it ends with, when something is left.
string_view without_first(string_view w, std::span<const string_view> particles) {
  for (string_view particle : particles) {
    if (ends_with(w, particle) && w.size() > particle.size()) {
      return w.substr(0, w.size() - particle.size());
    }
  }
  return w;
}

string_view strip_any_particle(string_view w) {
  // Most words end in no particle: only these last syllables can. A word is compared with the
  // particles ending in its last syllable, longest first (에게서 before 께서, 으로 before 로).
  static constexpr string_view kSeo[] = {"에게서", "께서"};
  static constexpr string_view kGe[] = {"에게"};
  static constexpr string_view kTeo[] = {"으로부터", "로부터"};
  static constexpr string_view kRo[] = {"으로", "로"};
  const char32_t last = last_cp(w);
  switch (last) {
    case U'은':  // a subject or topic particle (subject_stem)
    case U'는':
    case U'이':
    case U'가': {
      const size_t st = subject_stem_ending_in(w, last);
      return st > 0 ? w.substr(0, st) : w;
    }
    case U'서':
      if (const size_t st = subject_stem_ending_in(w, last); st > 0) return w.substr(0, st);
      return without_first(w, kSeo);
    case U'게':
      return without_first(w, kGe);
    case U'터':
      return without_first(w, kTeo);
    case U'로':
      return without_first(w, kRo);
    case U'과':  // particles of one syllable: the last character itself
    case U'와':
    case U'을':
    case U'를':
    case U'의':
    case U'도':
    case U'만':
      return w.size() > 3 ? w.substr(0, w.size() - 3) : w;
    default:
      return w;
  }
}

/// Every person written with a title or an apposition in the sentences of `r` from `from` on:
/// 김민수 차관을, 위원인 저우훙이는.
std::vector<Speaker> titled_people(string_view text, const Reading& r, size_t from) {
  std::vector<Speaker> out;
  for (size_t i = std::max(from, r.sentence_base); i < r.sentence_end(); ++i) {
    const Sentence& s = r.sentence(i);
    const Line& line = r.line(s.line);
    // Headlines and captions drop particles (애플의 CEO 스티브 잡스 사퇴), so the words of a
    // name cannot be told from the words after it; people are read from prose only.
    if (!line.tokens[s.last - 1].terminal) continue;
    PhraseReader reader(text, line, s.first);
    // title_suffix of the word before, when it was found while reading that word (a word
    // without a particle is its own stem).
    const TitleWord* prev_title = nullptr;
    bool prev_title_known = false;
    for (size_t k = s.first; k < s.last; ++k) {
      if (!reader.is_word(k)) {
        prev_title_known = false;
        continue;
      }
      const string_view word = reader.core(k);
      const string_view stem = strip_any_particle(word);
      const TitleWord* t = title_suffix(stem);
      const bool titled_head = t != nullptr && !t->role;
      const TitleWord* title_of_prev = prev_title;
      const bool title_of_prev_known = prev_title_known;
      prev_title = t;
      prev_title_known = stem.size() == word.size();
      // 위원인 저우훙이, 브라질의 축구선수 호나우두; not 베르그 청장 일행 (the title is the
      // name's before it) nor 장관은 장관 재임, nor a title that is also a common word (시장).
      auto title_before = [&] {
        const TitleWord* before =
            title_of_prev_known ? title_of_prev : title_suffix(reader.core(k - 1));
        return before != nullptr && !before->role &&
               !one_of(before->word, {"시장", "이사", "대사", "소장", "인사", "관리", "수상",
                                      "과장", "주장", "검사", "수석", "부장", "단장"}) &&
               (k - 1 == s.first || !reader.joins(k - 2) ||
                (!reader.name_like(reader.core(k - 2), true) &&
                 !has_clause_ending(reader.core(k - 2))) ||
                ends_with(reader.core(k - 2), "의"));
      };
      const bool after_apposition = k > s.first && reader.joins(k - 1) &&
                                    (is_apposition(reader.core(k - 1)) || title_before());
      if (!titled_head && !after_apposition) continue;
      // After an apposition the name may run over several words: 창업자 무스타파 술레이만.
      size_t h = k;
      string_view head_stem = stem;
      while (after_apposition && h + 1 < s.last && h - k < 2 && reader.core(h) == head_stem &&
             reader.joins(h) && reader.is_word(h + 1) &&
             strip_any_particle(reader.core(h + 1)) != reader.core(h + 1) &&
             reader.name_like(strip_any_particle(reader.core(h + 1)), false)) {
        ++h;
        head_stem = strip_any_particle(reader.core(h));
      }
      auto p = reader.read(h, head_stem);
      if (h != k) prev_title_known = false;
      k = h;
      if (p && p->ref == Ref::none && p->speaker.kind == SpeakerKind::person && p->titled) {
        out.push_back(p->speaker);
      }
    }
  }
  return out;
}

/// Reads a text line by line into a Reading, a chunk of lines at a time.
class LineReader {
 public:
  /// Reads `text` from `begin`, the start of a line. A reader that does not start at 0 does
  /// not know whether the paragraph before was left inside a quotation, so its first line
  /// never `continues_quote`.
  explicit LineReader(string_view text, size_t begin = 0) : text_(text), begin_(begin) {}

  /// Where a window that read(chunk) reads from `begin` ends: the start of the first line (or
  /// stretch of a long line) at or after begin + chunk, or the end of the text.
  static size_t window_end(string_view text, size_t begin, size_t chunk) {
    const size_t stop = begin + chunk;
    while (begin < stop) {
      const size_t end = stretch_end(text, begin);
      if (end == text.size()) return text.size();
      begin = next_start(text, end);
    }
    return begin;
  }

  bool done() const { return done_; }
  /// Where the lines not read yet start.
  size_t position() const { return done_ ? text_.size() : begin_; }

  /// Appends the next lines, at least `chunk` bytes of them unless the text ends, and their
  /// sentences.
  void read(Reading& r, size_t chunk) {
    const size_t stop = begin_ + chunk;
    while (!done_) {
      const size_t end = stretch_end(text_, begin_);
      read_line(r, begin_, end);
      if (end == text_.size()) {
        done_ = true;
        break;
      }
      begin_ = next_start(text_, end);
      if (begin_ >= stop) break;
    }
  }

 private:
  /// A line is read as one unless it is longer than this: a text pasted without line breaks,
  /// or hostile input. Such a line is read in stretches (see stretch_end), so that the tokens
  /// and sentences held at once stay a few times the window, not the line. Paragraphs of
  /// articles are a few kilobytes and are never cut.
  static constexpr size_t kLongLine = size_t{1} << 16;

  /// Where the stretch of text that starts at `begin` ends: the end of its line, or, past
  /// kLongLine bytes, right after the first sentence end ('.', '?' or '!' before a space), else
  /// at the first space after twice that, else at a character boundary after three times that.
  /// A quotation left open at a cut is read as unclosed. It depends on `begin` alone, so
  /// readers that start at different stretches cut the rest of the line alike.
  static size_t stretch_end(string_view text, size_t begin) {
    const size_t size = text.size();
    const size_t short_end = std::min(size, begin + kLongLine);
    if (const void* nl = std::memchr(text.data() + begin, '\n', short_end - begin)) {
      return static_cast<size_t>(static_cast<const char*>(nl) - text.data());
    }
    const size_t space_from = std::min(size, begin + 2 * kLongLine);
    const size_t hard_end = std::min(size, begin + 3 * kLongLine);
    for (size_t p = short_end; p < hard_end; ++p) {
      const char c = text[p];
      if (c == '\n') return p;
      if (p < space_from && (c == '.' || c == '?' || c == '!') && p + 1 < size &&
          text[p + 1] == ' ') {
        return p + 1;
      }
      if (p >= space_from && c == ' ') return p;
    }
    size_t end = hard_end;
    while (end > begin + 1 && end < size &&
           (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) {
      --end;
    }
    return end;
  }

  /// Where the stretch after one that ends at `end` (< text.size()) starts.
  static size_t next_start(string_view text, size_t end) {
    return text[end] == '\n' ? end + 1 : end;
  }

 private:
  void read_line(Reading& r, size_t begin, size_t end) {
    Line line;
    line.quotes = find_quotes(text_, begin, end, line.open_at_end);
    line.tokens = std::move(spare_tokens_);
    tokenize(text_, begin, end, line);
    glue_spaced_quotatives(text_, line);
    glue_parentheticals(text_, line);
    mark_quote_terminals(text_, line);
    // tokenize() reserves more than most lines need; the window keeps each line's tokens at
    // their exact size and the roomy buffer is used again for the next line.
    std::vector<Token> exact(line.tokens.begin(), line.tokens.end());
    spare_tokens_ = std::move(line.tokens);
    line.tokens = std::move(exact);
    const size_t index = r.line_base + r.lines.size();
    if (paragraph_open_) {  // the paragraph before, skipping blank lines
      line.continues_quote = *paragraph_open_ && !line.tokens.empty() && line.tokens[0].quote >= 0;
    }
    if (!line.tokens.empty()) paragraph_open_ = line.open_at_end;
    r.lines.push_back(std::move(line));
    const Line& l = r.lines.back();
    size_t first = 0;
    for (size_t k = 0; k < l.tokens.size(); ++k) {
      if (!l.tokens[k].terminal && k + 1 < l.tokens.size()) continue;
      Sentence& s = r.sentences.emplace_back();
      s.line = index;
      s.first = first;
      s.last = k + 1;
      first = k + 1;
    }
  }

  string_view text_;
  size_t begin_ = 0;
  bool done_ = false;
  std::vector<Token> spare_tokens_;  ///< see read_line
  /// Whether the last line with words ended inside a quotation; nullopt before the first.
  std::optional<bool> paragraph_open_;
};

/// Bytes of text read at a time, since the tokens and sentences of a window take about six
/// times its size. A text of up to kWholeTextBytes (an article, or a few hundred of them) is read
/// as one window; a longer one, which is many articles, in windows of kWindowBytes.
constexpr size_t kWholeTextBytes = size_t{1} << 20;
constexpr size_t kWindowBytes = size_t{1} << 18;

/// A nested quotation or a term in single marks: no speaker is looked for.
Attribution plain(const Quote& q) {
  Attribution a;
  a.quote = q;
  return a;
}

class DocumentResolver {
 public:
  DocumentResolver(string_view text, const Reading& r) : text_(text), r_(r) {}

  /// The sentences after the last one run, up to `until`. Sentence until - 1 and the sentence
  /// after it must be read (the one before it too, when it is still in the window).
  void run(size_t until, std::vector<Attribution>& out) {
    for (; next_ < until; ++next_) {
      const size_t i = next_;
      const Sentence& s = r_.sentence(i);
      const Line& line = r_.line(s.line);
      const size_t start = line.tokens[s.first].begin;
      for (; met_ < r_.people.size() && r_.people[met_].begin < start; ++met_) {
        resolver_.meet(r_.people[met_]);
      }
      std::optional<Speaker> topic;
      if (s.topic) topic = resolver_.resolve(*s.topic).first;
      std::optional<Speaker> last_speaker;
      for (const QuoteSite& site : s.sites) {
        out.push_back(attribute(s, line, site, i));
        if (out.back().speaker) last_speaker = out.back().speaker;
        append_nested(line, site, out);
      }
      if (s.topic && s.topic->ref == Ref::none && topic) resolver_.meet(*topic);
      // Whoever spoke last: a quotation's speaker, or the subject of a verb of saying.
      if (!last_speaker && topic && s.speech_verb) last_speaker = topic;
      if (last_speaker) {
        speaker_ = last_speaker;
        speaker_sentence_ = i;
      }
      if (last_speaker || topic) {
        previous_ = last_speaker ? last_speaker : topic;
        previous_sentence_ = i;
      }
    }
  }

  /// The first sentence not run yet.
  size_t next() const { return next_; }

 private:
  /// A sentence may leave its speaker unwritten when an earlier one named them: “…”라고
  /// 덧붙였다. A quotation with a verb of saying takes the last speaker or subject of the six
  /// sentences before (Korean drops a subject for as long as it stays the same); one standing
  /// alone only that of the sentence right before or after.
  static constexpr size_t kContextSentences = 6;

  Attribution attribute(const Sentence& s, const Line& line, const QuoteSite& site, size_t index) {
    const Quote& q = line.quotes[site.quote];
    Attribution a = plain(q);
    a.quotative = site.quotative;
    const bool single = is_single(q.open_mark);
    if (single && !clause_like(text_, q)) return a;
    a.speech = site.speech;
    if (site.verb) {
      const Token& v = line.tokens[*site.verb];
      a.verb_begin = v.core_begin;
      a.verb_end = v.core_end;
      a.verb = text_.substr(v.core_begin, v.core_end - v.core_begin);
      extend_verb(line, s, *site.verb, a);
    }
    if (site.subject) {
      auto [speaker, by_ref] = resolver_.resolve(*site.subject);
      a.speaker = speaker;
      a.speaker_by_reference = by_ref;
      if (site.subject->ref == Ref::none) resolver_.meet(speaker);
      return a;
    }
    a.speech = site.speech || (!single && s.standalone_quote && clause_like(text_, q));
    if (!a.speech) return a;
    const bool continued = line.continues_quote && site.token == 0;
    const size_t reach = site.speech || continued ? kContextSentences : 1;
    const bool answer =
        starts_with(a.verb, "답") || starts_with(a.verb, "대답") || starts_with(a.verb, "응답");
    // “…” 그는 이렇게 말했다: a quotation on its own is introduced by the sentence after it
    // when that sentence says so.
    std::optional<Speaker> next = site.speech ? std::nullopt : next_speaker(index);
    std::optional<Phrase> asked;
    if (answer && index > 0) asked = addressee(r_.sentence(index - 1));
    if (asked) {
      a.speaker = resolver_.resolve(*asked).first;
      a.speaker_from_context = true;
    } else if (next) {
      a.speaker = next;
      a.speaker_from_context = true;
    } else if ((site.speech || continued) && speaker_ && index - speaker_sentence_ <= reach) {
      // “…”라고 했다 with no subject continues the last speaker, even across sentences whose
      // subject was something else (러시아는 … 때문이고).
      a.speaker = speaker_;
      a.speaker_from_context = true;
    } else if (previous_ && index - previous_sentence_ <= reach) {
      a.speaker = previous_;
      a.speaker_from_context = true;
    } else if (auto after = next_speaker(index)) {
      a.speaker = after;
      a.speaker_from_context = true;
    }
    return a;
  }

  /// Who was asked in sentence `s` (총무팀에 문의했다): the speaker of an answer right after it.
  std::optional<Phrase> addressee(const Sentence& s) const {
    const Line& line = r_.line(s.line);
    const PhraseReader reader(text_, line, s.first);
    std::optional<Phrase> found;
    for (size_t k = s.first; k < s.last; ++k) {
      if (!reader.is_word(k)) continue;
      const string_view w = reader.core(k);
      for (string_view particle : {"에게", "에"}) {
        if (!ends_with(w, particle) || w.size() <= particle.size() + 3) continue;
        auto p = reader.read(k, w.substr(0, w.size() - particle.size()));
        if (p && strong(*p, r_.known) && p->speaker.kind != SpeakerKind::group) found = p;
        break;
      }
    }
    return found;
  }

  /// 말하기도 했다: the verb is both words.
  void extend_verb(const Line& line, const Sentence& s, size_t k, Attribution& a) const {
    if (!ends_with(a.verb, "기도") || k + 1 >= s.last || line.tokens[k + 1].quote >= 0) return;
    const Token& n = line.tokens[k + 1];
    const string_view w = text_.substr(n.core_begin, n.core_end - n.core_begin);
    if (!starts_with(w, "했") && !starts_with(w, "하였") && !starts_with(w, "한다")) return;
    a.verb_end = n.core_end;
    a.verb = text_.substr(a.verb_begin, a.verb_end - a.verb_begin);
  }

  /// The subject of the next sentence when it reports speech without a quotation of its own:
  /// “…” 그는 이렇게 말했다.
  std::optional<Speaker> next_speaker(size_t index) const {
    if (index + 1 >= r_.sentence_end()) return std::nullopt;
    const Sentence& n = r_.sentence(index + 1);
    if (!n.sites.empty() || !n.speech_verb || !n.topic) return std::nullopt;
    return resolver_.resolve(*n.topic).first;
  }

  void append_nested(const Line& line, const QuoteSite& site, std::vector<Attribution>& out) {
    const Quote& outer = line.quotes[site.quote];
    // Quotations are in order of their opening mark: only those opened inside `outer`.
    auto q = std::upper_bound(line.quotes.begin(), line.quotes.end(), outer.begin,
                              [](size_t at, const Quote& x) { return at < x.begin; });
    for (; q != line.quotes.end() && q->begin < outer.end; ++q) {
      if (q->depth > 0 && q->end <= outer.end) out.push_back(plain(*q));
    }
  }

  string_view text_;
  const Reading& r_;
  Resolver resolver_;
  std::optional<Speaker> previous_;  ///< the last speaker or subject met
  size_t previous_sentence_ = 0;
  std::optional<Speaker> speaker_;  ///< the last one who spoke
  size_t speaker_sentence_ = 0;
  size_t next_ = 0;  ///< the next sentence to run
  size_t met_ = 0;   ///< r_.people before this are antecedents
};

}  // namespace

std::string_view to_string(SpeakerKind kind) {
  switch (kind) {
    case SpeakerKind::person:
      return "person";
    case SpeakerKind::role:
      return "role";
    case SpeakerKind::group:
      return "group";
    case SpeakerKind::organization:
      return "organization";
  }
  return "person";
}

std::vector<Attribution> find_attributions(std::string_view text) {
  return find_quote_facts(text).attributions;
}

std::vector<Speaker> find_people(std::string_view text) { return find_quote_facts(text).people; }

QuoteFacts find_quote_facts(std::string_view text) {
  // The sentences in order, each with the one before and after it, and with the names of the
  // people written with a title (KnownNames) before it and in the window after it: the whole
  // text when it is read as one window. Each window is read once, first for its people, then,
  // once the window after it is read, for its sentences.
  Reading r;
  LineReader lines(text);
  auto read_window = [&](size_t chunk) {
    const size_t from = r.sentence_end();
    lines.read(r, chunk);
    std::vector<Speaker> found = titled_people(text, r, from);
    for (const Speaker& p : found) r.known.add(p.name);
    r.people.insert(r.people.end(), std::make_move_iterator(found.begin()),
                    std::make_move_iterator(found.end()));
  };
  read_window(text.size() <= kWholeTextBytes ? text.size() : kWindowBytes);
  QuoteFacts facts;
  // Each quotation gives at most one attribution. Room for them all is made at once, since a
  // vector's doubling holds the old buffer and the new one together: for one window, exactly;
  // for a longer text, as many as the first window's rate promises for the whole text, and a
  // tenth more. Room not used is never touched, so it takes no memory; it is capped at two
  // bytes per byte of text for a text whose first window is dense in quotation marks and the
  // rest not. A text denser than its first window grows the vector as before.
  size_t quotes = 0;
  for (const Line& line : r.lines) quotes += line.quotes.size();
  if (lines.done()) {
    facts.attributions.reserve(quotes);
  } else if (const size_t read = lines.position(); read > 0) {
    const double rate = static_cast<double>(quotes) / static_cast<double>(read);
    const auto expected = static_cast<size_t>(rate * 1.1 * static_cast<double>(text.size()));
    facts.attributions.reserve(std::min(expected, 2 * text.size() / sizeof(Attribution)));
  }
  DocumentResolver resolver(text, r);
  size_t unread = 0;  // the first sentence SentenceReader has not read
  SentenceScratch scratch;
  for (;;) {
    const size_t ahead = r.sentence_end();
    if (!lines.done()) read_window(kWindowBytes);
    const size_t ready = lines.done() ? r.sentence_end() : ahead;
    for (; unread < ready; ++unread) {
      Sentence& s = r.sentence(unread);
      SentenceReader(text, r.line(s.line), s, r.known, scratch).read();
    }
    if (lines.done()) {
      resolver.run(r.sentence_end(), facts.attributions);
      break;
    }
    // The last sentence read waits for the next one (next_speaker).
    if (unread > 0) resolver.run(unread - 1, facts.attributions);
    // Keep the sentence before the next one to run (addressee).
    r.drop_before(resolver.next() > 0 ? resolver.next() - 1 : 0);
  }
  // The resolver is done with the reading: its people move to the result.
  std::vector<Speaker>& people = facts.people;
  people = std::move(r.people);
  auto titled_speaker = [](const Attribution& a) {
    return a.speaker && !a.speaker_by_reference && !a.speaker_from_context &&
           a.speaker->kind == SpeakerKind::person && a.speaker->title_end > 0;
  };
  people.reserve(people.size() +
                 static_cast<size_t>(std::count_if(facts.attributions.begin(),
                                                   facts.attributions.end(), titled_speaker)));
  for (const Attribution& a : facts.attributions) {
    if (titled_speaker(a)) people.push_back(*a.speaker);
  }
  // A stable sort takes a buffer of half the vector; most are in order already.
  const auto by_begin = [](const Speaker& a, const Speaker& b) { return a.begin < b.begin; };
  if (!std::is_sorted(people.begin(), people.end(), by_begin)) {
    std::stable_sort(people.begin(), people.end(), by_begin);
  }
  people.erase(std::unique(people.begin(), people.end(),
                           [](const Speaker& a, const Speaker& b) {
                             return a.begin == b.begin && a.end == b.end;
                           }),
               people.end());
  people.shrink_to_fit();  // kept as long as the document: duplicates were many
  const auto by_quote = [](const Attribution& a, const Attribution& b) {
    return a.quote.begin < b.quote.begin;
  };
  if (!std::is_sorted(facts.attributions.begin(), facts.attributions.end(), by_quote)) {
    std::stable_sort(facts.attributions.begin(), facts.attributions.end(), by_quote);
  }
  return facts;
}

}  // namespace factlint::extract
