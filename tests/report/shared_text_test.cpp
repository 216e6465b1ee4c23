// Findings' messages (report/shared_text.h): text compares as text, and the emitter stores a
// message repeated in a run once, however many findings carry it.

#include "report/shared_text.h"

#include <catch2/catch.hpp>

#include "checks/check.h"

using factlint::Diagnostic;
using factlint::Emitter;
using factlint::RuleInfo;
using factlint::RuleSeverities;
using factlint::SharedText;
using factlint::Span;

TEST_CASE("shared text compares and converts as its text", "[report]") {
  const SharedText empty;
  CHECK(empty.empty());
  CHECK(empty == "");
  CHECK(empty.str().empty());
  const SharedText hello = std::string("안녕 hello");
  CHECK(hello == "안녕 hello");
  CHECK(hello == std::string("안녕 hello"));
  CHECK(hello == std::string_view("안녕 hello"));
  CHECK(hello.size() == std::string_view("안녕 hello").size());
  CHECK(std::string_view(hello) == "안녕 hello");
  CHECK_FALSE(hello == "안녕");
  const SharedText copy = hello;
  CHECK(copy.shares(hello));
  const SharedText equal = "안녕 hello";
  CHECK(equal == hello);
  CHECK_FALSE(equal.shares(hello));
  CHECK(SharedText("a") < SharedText("b"));
}

TEST_CASE("a message repeated in a run is stored once", "[report]") {
  static const RuleInfo kRule{"test/rule", factlint::Severity::warning, {}, false};
  static const RuleInfo kOff{"test/off", factlint::Severity::warning, {}, false};
  RuleSeverities severities;
  severities["test/off"] = std::nullopt;
  std::vector<Diagnostic> found;
  Emitter emitter(severities, found);
  REQUIRE(emitter.report(kRule, Span{0, 1}, "write “…”") != nullptr);
  REQUIRE(emitter.report(kRule, Span{5, 6}, "write ‘…’") != nullptr);
  CHECK(emitter.report(kOff, Span{7, 8}, "write “…”") == nullptr);
  REQUIRE(emitter.report(kRule, Span{9, 10}, std::string("write ") + "“…”") != nullptr);
  REQUIRE(found.size() == 3);
  CHECK(found[0].message == "write “…”");
  CHECK(found[1].message == "write ‘…’");
  CHECK(found[2].message == "write “…”");
  CHECK(found[2].message.shares(found[0].message));
  CHECK_FALSE(found[1].message.shares(found[0].message));
  CHECK(found[2].span == Span{9, 10});
}
