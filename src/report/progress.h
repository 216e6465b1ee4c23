#pragma once
/// The progress bar a long pretty run draws on a terminal's standard error.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <string>

#include "report/lang.h"

namespace factlint {

/// One frame, at most `width` terminal columns: "[#####-----] 12/40 files, 3.4 MB/s" (Korean:
/// "파일 12/40개, 3.4 MB/s"). The bar is left out when the width leaves it fewer than 10 cells,
/// the rate when even that does not fit.
std::string render_progress(std::size_t done, std::size_t total, std::uint64_t bytes,
                            double seconds, std::size_t width, Lang lang = Lang::en);

/// Draws frames on `out` (a terminal): not before `delay` has passed since the start, at most
/// every 100 ms; clear() erases the frame before other output.
class Progress {
 public:
  Progress(std::ostream& out, std::size_t total, std::size_t width, std::chrono::milliseconds delay,
           Lang lang = Lang::en);
  void update(std::size_t done, std::uint64_t bytes);
  /// Redraws the last state (called while waiting for a slow file).
  void tick() { update(done_, bytes_); }
  void clear();

 private:
  using Clock = std::chrono::steady_clock;
  std::ostream& out_;
  std::size_t total_;
  std::size_t width_;
  std::chrono::milliseconds delay_;
  Lang lang_;
  Clock::time_point start_ = Clock::now();
  Clock::time_point last_draw_{};
  std::size_t done_ = 0;
  std::uint64_t bytes_ = 0;
  bool shown_ = false;
};

}  // namespace factlint
