#include "lint/linter.h"

#include <fmt/format.h>

#include <catch2/catch.hpp>

#include "checks/facts.h"
#include "rules/library.h"
#include "support.h"

using namespace factlint;

TEST_CASE("one mistake caught by two rules is reported once", "[linter]") {
  auto library = PackLibrary::load_installed();
  REQUIRE(std::holds_alternative<std::unique_ptr<PackLibrary>>(library));
  const Linter& linter = *std::get<std::unique_ptr<PackLibrary>>(library)->builtin().linter;
  // "오픈 AI" is both a name variant of 오픈AI in this article and a misspelled company name.
  const Document doc =
      test::make_document("오픈AI는 새 모델을 냈다. 오픈AI가 밝혔다. 오픈 AI의 발표다.\n");
  const auto found = linter.lint(doc, LintContext{}, {});
  REQUIRE(found.size() == 1);
  CHECK(found[0].rule == "consistency/name-variant");
  CHECK(doc.slice(found[0].span) == "오픈 AI");
}

namespace {

/// Runs after the built-in checks and records what the shared facts went through.
class FactProbe final : public Check {
 public:
  struct Seen {
    unsigned extractions[std::size(kAllFacts)] = {};
    bool held[std::size(kAllFacts)] = {};
  };
  explicit FactProbe(Seen& seen) : seen_(seen) {}
  std::span<const RuleInfo> rules() const override { return {}; }
  void run(const Document&, const LintContext& context, Emitter&) const override {
    REQUIRE(context.facts != nullptr);
    for (std::size_t i = 0; i < std::size(kAllFacts); ++i) {
      seen_.extractions[i] = context.facts->extractions(kAllFacts[i]);
      seen_.held[i] = context.facts->holds(kAllFacts[i]);
    }
  }

 private:
  Seen& seen_;
};

}  // namespace

TEST_CASE("each shared fact is extracted once and dropped after its last reader", "[linter]") {
  // Every built-in check that reads a fact declares it (Check::facts_read): one that did not
  // would read it after it was dropped, and it would be extracted twice.
  FactProbe::Seen seen;
  std::vector<std::unique_ptr<Check>> extra;
  extra.push_back(std::make_unique<FactProbe>(seen));
  const Linter linter(std::move(extra));
  const Document doc = test::make_document(
      "시청이 3월 5일 새 도서관을 연다.\n"
      "\n"
      "김민수 시장은 “주민 1,200명이 쓸 공간”이라고 말했다. 그는 ‘예산’이 30억 원이라고 "
      "덧붙였다. 찬성은 48%, 반대는 52%였다.\n");
  LintContext context;
  context.published = CivilDate{2024, 3, 4};
  linter.lint(doc, context, {});
  for (std::size_t i = 0; i < std::size(kAllFacts); ++i) {
    INFO("fact " << static_cast<unsigned>(kAllFacts[i]));
    CHECK(seen.extractions[i] == 1);
    CHECK_FALSE(seen.held[i]);  // dropped before the probe, which declares none
  }
}

namespace {

/// Reports fixed findings out of order, two of them at one place with one rule.
class Scatter final : public Check {
 public:
  std::span<const RuleInfo> rules() const override { return {kRules, 2}; }
  void run(const Document&, const LintContext&, Emitter& out) const override {
    out.report(kRules[0], Span{6, 9}, "first at 6");
    out.report(kRules[1], Span{6, 9}, "other rule at 6");
    out.report(kRules[0], Span{3, 6}, "at 3");
    out.report(kRules[0], Span{6, 9}, "second at 6");
    out.report(kRules[0], Span{0, 3}, "at 0");
    out.report(kRules[0], Span{6, 12}, "longer at 6");
  }
  static constexpr RuleInfo kRules[2] = {{"test/b", Severity::warning, {}, false},
                                         {"test/a", Severity::warning, {}, false}};
};

}  // namespace

TEST_CASE("findings are sorted by place and rule, equal ones in the order reported", "[linter]") {
  std::vector<std::unique_ptr<Check>> extra;
  extra.push_back(std::make_unique<Scatter>());
  const Linter linter(std::move(extra));
  const Document doc = test::make_document("가나다라마바사\n");
  const auto found = linter.lint(doc, LintContext{}, {});
  std::vector<std::string> got;
  for (const Diagnostic& d : found) {
    got.push_back(fmt::format("{}-{} {} {}", d.span.begin, d.span.end, d.rule, d.message.view()));
  }
  CHECK(got == std::vector<std::string>{"0-3 test/b at 0", "3-6 test/b at 3",
                                        "6-9 test/a other rule at 6", "6-9 test/b first at 6",
                                        "6-9 test/b second at 6", "6-12 test/b longer at 6"});
}

TEST_CASE("with a spare core a long document's speakers are read on a second thread", "[linter]") {
  // The checks that read the speakers run after the others, which see them not extracted yet;
  // the findings are those of one thread.
  FactProbe::Seen seen;
  std::vector<std::unique_ptr<Check>> extra;
  extra.push_back(std::make_unique<FactProbe>(seen));
  const Linter linter(std::move(extra));
  // A name of its own in each paragraph, so that each has its title mismatch.
  static constexpr std::string_view kSyllables[] = {"김", "이", "박", "최", "정",
                                                    "강", "조", "윤", "장", "임"};
  std::string text;
  for (int i = 0; text.size() < (std::size_t{1} << 18); ++i) {
    const std::string name = fmt::format("{}{}{}", kSyllables[i % 10], kSyllables[i / 10 % 10],
                                         kSyllables[i / 100 % 10]);
    text += fmt::format(
        "{} 장관은 {}일 “예산을 {}% 늘리겠다”고 말했다. {} 차관은 “검토하겠다”고 "
        "덧붙혔다.\n\n정부는 새 계획을 냈다. “다음 달 발표한다”\n\n이수진 대변인은 ‘{}개 "
        "사업’을 두고 \"곧 정하겠다\"고 밝혔다. 관계자는 “늦어도 연말”이라고 전했다.\n\n",
        name, i % 28 + 1, i % 90 + 10, name, i);
  }
  const Document doc = test::make_document(text);
  auto lint = [&](bool spare_core, std::size_t size) {
    const Document part = test::make_document(text.substr(0, size));
    LintContext context;
    context.spare_core = spare_core;
    std::vector<std::string> out;
    for (const Diagnostic& d : linter.lint(part, context, {})) {
      out.push_back(fmt::format("{}-{} {} {}", d.span.begin, d.span.end, d.rule, d.message.view()));
    }
    return out;
  };
  const auto one_thread = lint(false, text.size());
  CHECK(seen.extractions[1] == 1);  // the probe runs last
  const auto two_threads = lint(true, text.size());
  CHECK(seen.extractions[1] == 0);  // the probe ran before the speakers' checks
  CHECK(std::count_if(one_thread.begin(), one_thread.end(), [](const std::string& s) {
          return s.find("attribution/") != std::string::npos;
        }) > 100);
  CHECK(two_threads == one_thread);
  // A short document is read on one thread.
  lint(true, text.find("\n\n", 4096));
  CHECK(seen.extractions[1] == 1);
}
