#include "report/progress.h"

#include <fmt/format.h>

#include <ostream>

namespace factlint {

std::string render_progress(std::size_t done, std::size_t total, std::uint64_t bytes,
                            double seconds, std::size_t width) {
  const double rate = seconds > 0 ? static_cast<double>(bytes) / 1e6 / seconds : 0.0;
  const std::string counts = fmt::format("{}/{} files, {:.1f} MB/s", done, total, rate);
  if (counts.size() + 13 > width) return counts.substr(0, width);
  const std::size_t cells = std::min<std::size_t>(40, width - counts.size() - 3);
  const std::size_t filled = total == 0 ? cells : std::min(cells, done * cells / total);
  return fmt::format("[{}{}] {}", std::string(filled, '#'), std::string(cells - filled, '-'),
                     counts);
}

Progress::Progress(std::ostream& out, std::size_t total, std::size_t width,
                   std::chrono::milliseconds delay)
    : out_(out), total_(total), width_(width), delay_(delay) {}

void Progress::update(std::size_t done, std::uint64_t bytes) {
  done_ = done;
  bytes_ = bytes;
  const Clock::time_point now = Clock::now();
  if (now - start_ < delay_ || now - last_draw_ < std::chrono::milliseconds(100)) return;
  last_draw_ = now;
  const double seconds = std::chrono::duration<double>(now - start_).count();
  // "\r" and "erase to end of line": the frame replaces itself.
  out_ << '\r' << render_progress(done, total_, bytes, seconds, width_ - 1) << "\x1b[K"
       << std::flush;
  shown_ = true;
}

void Progress::clear() {
  if (!shown_) return;
  out_ << "\r\x1b[K" << std::flush;
  shown_ = false;
}

}  // namespace factlint
