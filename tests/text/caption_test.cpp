#include "text/caption.h"

#include <catch2/catch.hpp>

using factlint::classify_caption;

TEST_CASE("caption forms of Korean newsrooms", "[caption]") {
  struct Case {
    const char* line;
    bool caption;
    bool credit_only;
  };
  const Case cases[] = {
      {"= 픽사베이", true, true},
      {"= 소프트웨어정책연구소 누리집", true, true},
      {"사진=연합뉴스", true, true},
      {"[사진=뉴시스] 시민들이 광장에서 행진하고 있다", true, false},
      {"▲ 축제 첫날 광장을 가득 메운 시민들. (사진=축제조직위원회)", true, false},
      {"ⓒ 한빛일보", true, true},
      {"새 모델이 생성한 예시 장면 = 개발사 누리집", true, false},
      {"시민들이 행진하고 있다. (사진=통신사)", true, false},
      // Prose is never a caption, even when it starts like one.
      {"사진=부산시 제공이라는 표현은 본문이다.", false, false},
      {"정부는 새 정책을 발표했다.", false, false},
      {"a = b 라는 식이 성립한다고 설명했다.", false, false},
      {"", false, false},
  };
  for (const Case& c : cases) {
    INFO(c.line);
    const auto info = classify_caption(c.line);
    CHECK(info.is_caption == c.caption);
    CHECK(info.credit_only == c.credit_only);
  }
}
