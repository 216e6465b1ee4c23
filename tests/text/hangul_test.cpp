// How a word ends when read aloud, and the particle forms that follow from it.

#include "text/hangul.h"

#include <catch2/catch.hpp>

using factlint::hangul::Coda;
using factlint::hangul::final_coda;
using factlint::hangul::fit_particles;
using factlint::hangul::particle_fits;
using factlint::hangul::syllable_coda;

TEST_CASE("the coda of a Hangul syllable comes from (cp - 0xAC00) % 28", "[hangul]") {
  CHECK(syllable_coda(U'가') == Coda::none);
  CHECK(syllable_coda(U'이') == Coda::none);
  CHECK(syllable_coda(U'각') == Coda::other);
  CHECK(syllable_coda(U'울') == Coda::rieul);  // ㄹ is final index 8.
  CHECK(syllable_coda(U'닭') == Coda::other);  // ㄺ is a cluster, not ㄹ.
  CHECK(syllable_coda(U'힣') == Coda::other);  // The last syllable (final ㅎ).
  CHECK(syllable_coda(U'A') == std::nullopt);
  CHECK(syllable_coda(U'ㄱ') == std::nullopt);  // A compatibility jamo is not a syllable.
}

TEST_CASE("words end in their last syllable", "[hangul]") {
  CHECK(final_coda("제미나이") == Coda::none);
  CHECK(final_coda("로켓") == Coda::other);
  CHECK(final_coda("서울") == Coda::rieul);
  CHECK(final_coda("") == std::nullopt);
}

TEST_CASE("digits are read in Sino-Korean", "[hangul]") {
  // 일 이 삼 사 오 육 칠 팔 구; a final 0 is 영, 십, 백, 천 or 만.
  CHECK(final_coda("1") == Coda::rieul);
  CHECK(final_coda("2") == Coda::none);
  CHECK(final_coda("3") == Coda::other);
  CHECK(final_coda("4") == Coda::none);
  CHECK(final_coda("5") == Coda::none);
  CHECK(final_coda("6") == Coda::other);
  CHECK(final_coda("7") == Coda::rieul);
  CHECK(final_coda("8") == Coda::rieul);
  CHECK(final_coda("9") == Coda::none);
  CHECK(final_coda("0") == Coda::other);
  CHECK(final_coda("10") == Coda::other);     // 십
  CHECK(final_coda("100") == Coda::other);    // 백
  CHECK(final_coda("1,000") == Coda::other);  // 천
  CHECK(final_coda("2024") == Coda::none);    // 이천이십사
  CHECK(final_coda("1.5") == Coda::none);     // 일 점 오
  CHECK(final_coda("30%") == Coda::none);     // 퍼센트
  CHECK(final_coda("갤럭시S23") == Coda::other);
}

TEST_CASE("Latin letters are read by their Korean names", "[hangul]") {
  CHECK(final_coda("챗GPT") == Coda::none);   // 티
  CHECK(final_coda("AI") == Coda::none);      // 아이
  CHECK(final_coda("LG") == Coda::none);      // 지
  CHECK(final_coda("KBS") == Coda::none);     // 에스
  CHECK(final_coda("URL") == Coda::rieul);    // 엘
  CHECK(final_coda("CNN") == Coda::other);    // 엔
  CHECK(final_coda("IBM") == Coda::other);    // 엠
  CHECK(final_coda("DR") == Coda::rieul);     // 알
  CHECK(final_coda("GPT-4o") == Coda::none);  // A lone lowercase letter: 오
  // A lowercase word is read as a word: "Google" ends in a vowel, "Apple" too, "Gmail" in ㄹ;
  // the spelling does not tell.
  CHECK(final_coda("Google") == std::nullopt);
  CHECK(final_coda("iPhone") == std::nullopt);
}

TEST_CASE("closing quotes and a final parenthesis are read past", "[hangul]") {
  CHECK(final_coda("제미나이(Gemini)") == Coda::none);
  CHECK(final_coda("로켓(rocket)") == Coda::other);
  CHECK(final_coda("‘서울’") == Coda::rieul);
  CHECK(final_coda("\"챗GPT\"") == Coda::none);
  CHECK(final_coda("(괄호)") == std::nullopt);
  CHECK(final_coda("괄호)") == std::nullopt);  // Unbalanced: no guess.
}

TEST_CASE("the first particle takes the form the coda asks for", "[hangul]") {
  // 은/는, 이/가, 을/를, 과/와.
  CHECK(fit_particles("는", Coda::other) == "은");
  CHECK(fit_particles("은", Coda::none) == "는");
  CHECK(fit_particles("가", Coda::other) == "이");
  CHECK(fit_particles("이", Coda::none) == "가");
  CHECK(fit_particles("를", Coda::rieul) == "을");
  CHECK(fit_particles("을", Coda::none) == "를");
  CHECK(fit_particles("와", Coda::other) == "과");
  CHECK(fit_particles("과의", Coda::none) == "와의");
  // 으로/로: ㄹ takes 로 (서울로).
  CHECK(fit_particles("로", Coda::other) == "으로");
  CHECK(fit_particles("로", Coda::rieul) == "로");
  CHECK(fit_particles("으로", Coda::rieul) == "로");
  CHECK(fit_particles("으로도", Coda::none) == "로도");
  CHECK(fit_particles("로부터", Coda::other) == "으로부터");
  CHECK(fit_particles("로서는", Coda::other) == "으로서는");
  // The copula: 이라고/라고, 이다/다, 이며/며, 이나/나, 이란/란, 이었다/였다.
  CHECK(fit_particles("라고", Coda::other) == "이라고");
  CHECK(fit_particles("이라고", Coda::none) == "라고");
  CHECK(fit_particles("이라는", Coda::none) == "라는");
  CHECK(fit_particles("다", Coda::other) == "이다");
  CHECK(fit_particles("이다", Coda::none) == "다");
  CHECK(fit_particles("며", Coda::rieul) == "이며");
  CHECK(fit_particles("이나", Coda::none) == "나");
  CHECK(fit_particles("란", Coda::other) == "이란");
  CHECK(fit_particles("였다", Coda::other) == "이었다");
  CHECK(fit_particles("이었다고", Coda::none) == "였다고");
  CHECK(fit_particles("예요", Coda::other) == "이에요");
}

TEST_CASE("particles that do not alternate are left alone", "[hangul]") {
  for (const char* p :
       {"의", "에", "에서", "에서는", "도", "만", "까지", "부터", "처럼", "인", "하고"}) {
    CHECK(fit_particles(p, Coda::none) == p);
    CHECK(fit_particles(p, Coda::other) == p);
  }
  // 이 stands alone as the subject particle; as the start of a longer copula ending it is not
  // turned into 가 (이자 → 가자 would be nonsense).
  CHECK(fit_particles("이자", Coda::none) == "이자");
  CHECK(fit_particles("이므로", Coda::none) == "이므로");
}

TEST_CASE("whether a particle fits after a coda", "[hangul]") {
  CHECK(particle_fits("는", Coda::none));
  CHECK_FALSE(particle_fits("는", Coda::other));
  CHECK_FALSE(particle_fits("은", Coda::none));
  CHECK(particle_fits("로", Coda::rieul));
  CHECK_FALSE(particle_fits("으로", Coda::rieul));
  CHECK_FALSE(particle_fits("고", Coda::other));  // 중고 is not 중 + the copula.
  CHECK(particle_fits("이고", Coda::other));
  // The copula keeps its 이 after a vowel if the writer wants (학교이다 = 학교다).
  CHECK(particle_fits("이다", Coda::none));
  CHECK(particle_fits("이라고", Coda::none));
  CHECK_FALSE(particle_fits("이", Coda::none));  // But the subject particle is 가 there.
  CHECK(particle_fits("에서", Coda::other));
}
