#include "report/progress.h"

#include <catch2/catch.hpp>
#include <sstream>

using factlint::render_progress;

TEST_CASE("progress: the bar fills with the share of files done", "[progress]") {
  CHECK(render_progress(3, 10, 2'500'000, 1.0, 40) == "[#####------------] 3/10 files, 2.5 MB/s");
  CHECK(render_progress(0, 10, 0, 0.0, 40) == "[-----------------] 0/10 files, 0.0 MB/s");
  CHECK(render_progress(10, 10, 12'340'000, 2.0, 40) == "[################] 10/10 files, 6.2 MB/s");
}

TEST_CASE("progress: the bar is at most 40 cells and left out when narrow", "[progress]") {
  CHECK(render_progress(1, 2, 1'000'000, 0.5, 200) ==
        "[####################--------------------] 1/2 files, 2.0 MB/s");
  CHECK(render_progress(3, 10, 2'500'000, 1.0, 32) == "3/10 files, 2.5 MB/s");
  CHECK(render_progress(3, 10, 2'500'000, 1.0, 33) == "[###-------] 3/10 files, 2.5 MB/s");
  CHECK(render_progress(3, 10, 2'500'000, 1.0, 10) == "3/10 files");
}

TEST_CASE("progress: Korean counts Hangul as two columns", "[progress]") {
  // "파일 3/10개, 2.5 MB/s" is 21 columns wide: the bar gets 40 - 21 - 3 = 16 cells.
  CHECK(render_progress(3, 10, 2'500'000, 1.0, 40, factlint::Lang::ko) ==
        "[####------------] 파일 3/10개, 2.5 MB/s");
  CHECK(render_progress(3, 10, 2'500'000, 1.0, 30, factlint::Lang::ko) == "파일 3/10개, 2.5 MB/s");
  CHECK(render_progress(3, 10, 2'500'000, 1.0, 15, factlint::Lang::ko) == "파일 3/10개");
}

TEST_CASE("progress: frames wait for the delay, then redraw in place and clear", "[progress]") {
  std::ostringstream out;
  factlint::Progress late(out, 4, 80, std::chrono::hours(1));
  late.update(1, 100);
  late.clear();
  CHECK(out.str().empty());  // A short run never shows a bar.
  factlint::Progress now(out, 4, 41, std::chrono::milliseconds(0));
  now.update(1, 0);
  now.update(2, 0);  // Within 100 ms of the first frame: not drawn.
  now.clear();
  now.clear();
  CHECK(out.str() == "\r[####--------------] 1/4 files, 0.0 MB/s\x1b[K\r\x1b[K");
}
