// attribution/title-mismatch: one person introduced with two different titles or affiliations
// (김민수 차관 … 김민수 장관, 외교부 김민수 차관 … 국방부 김민수 차관).
//
// People come from the quotation extractor (extract/quote.h: find_people), which reads a name
// with the title or apposition written around it. Titles are compared only where they cannot
// both be true: two ranks of one ladder (장관/차관, 회장/부회장, 교수/부교수) or two ministries,
// agencies or parties. Titles that may legitimately differ stay silent: a former or acting
// office (전 장관, 당시 차관, 권한대행), a nominee (후보자, 내정자), two offices held at once
// (경제부총리 겸 기획재정부 장관, 창업자이자 위원) and roles of different kinds (의원 and
// 위원장). Every later title that contradicts the first is reported once, with a related span
// on the first. See docs/checks/attribution/title-mismatch.md.

#include <fmt/format.h>

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "checks/all_checks.h"
#include "checks/facts.h"
#include "extract/quote.h"
#include "text/document.h"

namespace factlint {
namespace {

constexpr RuleInfo kRule{"attribution/title-mismatch", Severity::warning,
                         Message{"one person given two different titles or affiliations",
                                 "같은 사람의 직함이나 소속을 두 가지로 씀"},
                         false};

/// Ranks that exclude each other, by ladder. The longest ending of a title decides its rank, so
/// 국무총리 is 총리 and 경제부총리 is 부총리.
struct Rank {
  std::string_view word;
  int ladder;
};
constexpr Rank kRanks[] = {
    {"장관", 1},   {"차관", 1},     {"차관보", 1}, {"대통령", 2},   {"부통령", 2}, {"총리", 2},
    {"부총리", 2}, {"회장", 3},     {"부회장", 3}, {"사장", 4},     {"부사장", 4}, {"교수", 5},
    {"부교수", 5}, {"조교수", 5},   {"위원장", 6}, {"부위원장", 6}, {"의장", 7},   {"부의장", 7},
    {"대령", 8},   {"중령", 8},     {"소령", 8},   {"대위", 8},     {"중장", 8},   {"준장", 8},
    {"대변인", 9}, {"부대변인", 9}, {"총장", 10},  {"부총장", 10},  {"청장", 11},  {"차장", 11},
};

const Rank* rank_of(std::string_view head) {
  const Rank* best = nullptr;
  for (const Rank& r : kRanks) {
    if (head.ends_with(r.word) && (best == nullptr || r.word.size() > best->word.size())) {
      best = &r;
    }
  }
  return best;
}

/// Words that make a title a past, acting or future one, or several at once.
bool is_qualified(std::string_view title) {
  for (std::string_view w :
       {"전",     "前",       "당시",     "전임", "신임",   "초대",   "차기", "직전",
        "현",     "권한대행", "직무대행", "대행", "내정자", "후보자", "후보", "지명자",
        "당선인", "당선자",   "겸",       "명예", "대리",   "출신"}) {
    std::size_t at = title.find(w);
    while (at != std::string_view::npos) {
      const bool starts = at == 0 || title[at - 1] == ' ';
      const std::size_t end = at + w.size();
      const bool ends = end == title.size() || title[end] == ' ';
      if (starts && ends) return true;
      at = title.find(w, at + 1);
    }
  }
  return title.find("이자 ") != std::string_view::npos;
}

std::vector<std::string_view> words(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < s.size()) {
    const std::size_t j = std::min(s.find(' ', i), s.size());
    if (j > i) out.push_back(s.substr(i, j - i));
    i = j + 1;
  }
  return out;
}

/// The ministry, agency or party a title names (외교부, 통계청, 민주당), or empty.
std::string_view affiliation(std::string_view title) {
  const auto ws = words(title);
  for (std::size_t k = ws.size(); k-- > 1;) {  // the last word is the rank itself
    const std::string_view w = ws[k - 1];
    if (w.size() >= 6 &&
        (w.ends_with("부") || w.ends_with("청") || w.ends_with("처") || w.ends_with("당"))) {
      return w;
    }
  }
  return {};
}

/// True when one person cannot hold both titles at the same time.
bool contradict(std::string_view a, std::string_view b) {
  if (a == b || a.empty() || b.empty() || is_qualified(a) || is_qualified(b)) return false;
  const auto wa = words(a);
  const auto wb = words(b);
  const Rank* ra = rank_of(wa.back());
  const Rank* rb = rank_of(wb.back());
  if (ra != nullptr && rb != nullptr && ra->ladder == rb->ladder && ra != rb) return true;
  const std::string_view fa = affiliation(a);
  const std::string_view fb = affiliation(b);
  if (fa.empty() || fb.empty() || fa.ends_with(fb) || fb.ends_with(fa)) return false;
  // Two ministries, two agencies or two parties; a ministry and a party may both be right.
  return fa.substr(fa.size() - 3) == fb.substr(fb.size() - 3) && wa.back() == wb.back();
}

class TitleMismatchCheck final : public Check {
 public:
  std::span<const RuleInfo> rules() const override { return {&kRule, 1}; }
  FactSet facts_read() const override { return Fact::people; }

  void run(const Document& doc, const LintContext& context, Emitter& out) const override {
    if (!out.enabled(kRule)) return;
    std::map<std::string, std::vector<extract::Speaker>> by_name;
    std::unique_ptr<DocumentFacts> own;
    const DocumentFacts& facts = facts_of(doc, context, own);
    for (const extract::Speaker& p : facts.people()) {
      // Only full names: a bare family name (김) or one word of two may be another person.
      if (p.kind != extract::SpeakerKind::person || p.title_end == 0) continue;
      if (p.name.size() < 9 || p.title == "씨") continue;
      by_name[p.name].push_back(p);
    }
    for (const auto& [name, mentions] : by_name) {
      const extract::Speaker& first = mentions.front();
      std::set<std::string> reported;
      for (const extract::Speaker& m : mentions) {
        if (!contradict(first.title, m.title) || !reported.insert(m.title).second) continue;
        report(doc, context, out, first, m);
      }
    }
  }

 private:
  static void report(const Document& doc, const LintContext& context, Emitter& out,
                     const extract::Speaker& first, const extract::Speaker& m) {
    const std::size_t line = doc.position(first.title_begin).line;
    auto message = context.lang == Lang::ko
                       ? fmt::format("{}의 직함이 {}행에서는 '{}', 여기서는 '{}'입니다", m.name,
                                     line, first.title, m.title)
                       : fmt::format("{} is '{}' here but '{}' on line {}", m.name, m.title,
                                     first.title, line);
    Diagnostic* d = out.report(kRule, Span{m.title_begin, m.title_end}, std::move(message));
    if (d == nullptr) return;
    d->related.push_back({Span{first.title_begin, first.title_end},
                          context.lang == Lang::ko ? "처음 소개한 곳" : "first introduced here"});
  }
};

}  // namespace

std::unique_ptr<Check> make_title_mismatch_check() {
  return std::make_unique<TitleMismatchCheck>();
}

}  // namespace factlint
