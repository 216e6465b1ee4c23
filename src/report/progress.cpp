#include "report/progress.h"

#include <fmt/format.h>

#include <ostream>

#include "text/width.h"

namespace factlint {

std::string render_progress(std::size_t done, std::size_t total, std::uint64_t bytes,
                            double seconds, std::size_t width, Lang lang) {
  const double rate = seconds > 0 ? static_cast<double>(bytes) / 1e6 / seconds : 0.0;
  const std::string files = lang == Lang::ko ? fmt::format("파일 {}/{}개", done, total)
                                             : fmt::format("{}/{} files", done, total);
  const std::string counts = fmt::format("{}, {:.1f} MB/s", files, rate);
  const std::size_t counts_width = display_width(counts);
  if (counts_width + 13 > width) return counts_width <= width ? counts : files;
  const std::size_t cells = std::min<std::size_t>(40, width - counts_width - 3);
  const std::size_t filled = total == 0 ? cells : std::min(cells, done * cells / total);
  return fmt::format("[{}{}] {}", std::string(filled, '#'), std::string(cells - filled, '-'),
                     counts);
}

Progress::Progress(std::ostream& out, std::size_t total, std::size_t width,
                   std::chrono::milliseconds delay, Lang lang)
    : out_(out), total_(total), width_(width), delay_(delay), lang_(lang) {}

void Progress::update(std::size_t done, std::uint64_t bytes) {
  done_ = done;
  bytes_ = bytes;
  const Clock::time_point now = Clock::now();
  if (now - start_ < delay_ || now - last_draw_ < std::chrono::milliseconds(100)) return;
  last_draw_ = now;
  const double seconds = std::chrono::duration<double>(now - start_).count();
  // "\r" and "erase to end of line": the frame replaces itself.
  out_ << '\r' << render_progress(done, total_, bytes, seconds, width_ - 1, lang_) << "\x1b[K"
       << std::flush;
  shown_ = true;
}

void Progress::clear() {
  if (!shown_) return;
  out_ << "\r\x1b[K" << std::flush;
  shown_ = false;
}

}  // namespace factlint
