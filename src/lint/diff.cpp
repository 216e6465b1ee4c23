// unified_diff (declared in lint/fix.h): Myers' O(ND) difference algorithm over lines, printed
// as hunks with three lines of context, the format `patch` and `git apply` read.

#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "lint/fix.h"

namespace factlint {

namespace {

/// Lines including their line end, so that a change of line end shows and the diff applies.
std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') {
      lines.push_back(text.substr(start, i + 1 - start));
      start = i + 1;
    }
  }
  if (start < text.size()) lines.push_back(text.substr(start));
  return lines;
}

enum class Op { keep, remove, add };

/// The edit script from a to b (shortest, by Myers' greedy algorithm with a trace).
std::vector<Op> edit_script(const std::vector<std::string_view>& a,
                            const std::vector<std::string_view>& b) {
  const long n = static_cast<long>(a.size());
  const long m = static_cast<long>(b.size());
  const long max = n + m;
  std::vector<long> v(2 * max + 2, 0);
  std::vector<std::vector<long>> trace;
  for (long d = 0; d <= max; ++d) {
    trace.push_back(v);
    bool done = false;
    for (long k = -d; k <= d; k += 2) {
      long x = (k == -d || (k != d && v[k - 1 + max] < v[k + 1 + max])) ? v[k + 1 + max]
                                                                        : v[k - 1 + max] + 1;
      long y = x - k;
      while (x < n && y < m && a[x] == b[y]) ++x, ++y;
      v[k + max] = x;
      if (x >= n && y >= m) {
        done = true;
        break;
      }
    }
    if (done) break;
  }
  // Walk the trace backwards.
  std::vector<Op> ops;
  long x = n, y = m;
  for (long d = static_cast<long>(trace.size()) - 1; d >= 0; --d) {
    const std::vector<long>& vd = trace[d];
    const long k = x - y;
    long prev_k;
    if (k == -d || (k != d && vd[k - 1 + max] < vd[k + 1 + max])) {
      prev_k = k + 1;
    } else {
      prev_k = k - 1;
    }
    const long prev_x = d == 0 ? 0 : vd[prev_k + max];
    const long prev_y = prev_x - prev_k;
    while (x > prev_x && y > prev_y) {
      ops.push_back(Op::keep);
      --x, --y;
    }
    if (d > 0) ops.push_back(x == prev_x ? Op::add : Op::remove);
    x = prev_x;
    y = prev_y;
  }
  std::reverse(ops.begin(), ops.end());
  return ops;
}

void append_line(std::string& out, char mark, std::string_view line) {
  out += mark;
  out.append(line);
  if (line.empty() || line.back() != '\n') out += "\n\\ No newline at end of file\n";
}

}  // namespace

std::string unified_diff(std::string_view path, std::string_view before, std::string_view after) {
  if (before == after) return {};
  const auto a = split_lines(before);
  const auto b = split_lines(after);
  const std::vector<Op> ops = edit_script(a, b);
  constexpr std::size_t kContext = 3;
  std::string out = fmt::format("--- {}\n+++ {}\n", path, path);
  // Group changes into hunks separated by more than 2*kContext unchanged lines.
  std::size_t i = 0;
  std::size_t ai = 0, bi = 0;  // Line numbers (0-based) at ops[i].
  while (i < ops.size()) {
    if (ops[i] == Op::keep) {
      ++i, ++ai, ++bi;
      continue;
    }
    // A hunk starts kContext lines before this change.
    const std::size_t back = std::min<std::size_t>(kContext, std::min(ai, bi));
    std::size_t start = i - back;
    // Extend over later changes separated by at most 2*kContext unchanged lines.
    std::size_t last_change = i;
    for (std::size_t j = i; j < ops.size();) {
      if (ops[j] != Op::keep) {
        last_change = j++;
        continue;
      }
      std::size_t run_end = j;
      while (run_end < ops.size() && ops[run_end] == Op::keep) ++run_end;
      if (run_end == ops.size() || run_end - j > 2 * kContext) break;
      j = run_end;
    }
    const std::size_t end = std::min(ops.size(), last_change + 1 + kContext);
    std::size_t a_count = 0, b_count = 0;
    std::string body;
    std::size_t x = ai - back, y = bi - back;
    for (std::size_t j = start; j < end; ++j) {
      switch (ops[j]) {
        case Op::keep:
          append_line(body, ' ', a[x++]);
          ++y;
          ++a_count;
          ++b_count;
          break;
        case Op::remove:
          append_line(body, '-', a[x++]);
          ++a_count;
          break;
        case Op::add:
          append_line(body, '+', b[y++]);
          ++b_count;
          break;
      }
    }
    out += fmt::format("@@ -{},{} +{},{} @@\n", a_count ? ai - back + 1 : ai - back, a_count,
                       b_count ? bi - back + 1 : bi - back, b_count);
    out += body;
    ai = x;
    bi = y;
    i = end;
  }
  return out;
}

}  // namespace factlint
