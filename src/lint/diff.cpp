// unified_diff (declared in lint/fix.h): the lines of the two texts are matched, then printed
// as hunks with three lines of context, the format `patch` and `git apply` read.
//
// Myers' O(ND) algorithm finds the shortest edit script, but its trace takes D times the length
// of both texts: on a 10 MB article with thousands of fixes that was minutes and gigabytes. So
// it only matches stretches of up to kMyersLines lines. Longer texts are first cut at the lines
// they share that occur once in each (patience diff's anchors: a fix rewrites a line or two and
// leaves the rest, whose lines of prose are nearly all unique), and each stretch between two
// anchors is matched the same way. A long stretch with no anchor at all is shown as removed and
// added whole: still a correct diff, if not the shortest.

#include <fmt/format.h>

#include <algorithm>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
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
std::vector<Op> edit_script(std::span<const std::string_view> a,
                            std::span<const std::string_view> b) {
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

/// Stretches of at most this many lines (both texts together) are matched by edit_script; its
/// trace then takes at most a few MB.
constexpr std::size_t kMyersLines = 1000;
/// How deep stretches are cut at anchors before the rest is shown whole.
constexpr int kMaxDepth = 32;

struct Lines {
  const std::vector<std::string_view>& a;
  const std::vector<std::string_view>& b;
  std::vector<Op>& ops;

  void add(Op op, std::size_t count) { ops.insert(ops.end(), count, op); }

  /// Appends the ops that turn a[a0, a1) into b[b0, b1).
  void match(std::size_t a0, std::size_t a1, std::size_t b0, std::size_t b1, int depth) {
    std::size_t prefix = 0;
    while (a0 + prefix < a1 && b0 + prefix < b1 && a[a0 + prefix] == b[b0 + prefix]) ++prefix;
    add(Op::keep, prefix);
    a0 += prefix;
    b0 += prefix;
    std::size_t suffix = 0;
    while (a1 - suffix > a0 && b1 - suffix > b0 && a[a1 - suffix - 1] == b[b1 - suffix - 1]) {
      ++suffix;
    }
    a1 -= suffix;
    b1 -= suffix;
    if (a0 == a1 || b0 == b1) {
      add(Op::remove, a1 - a0);
      add(Op::add, b1 - b0);
    } else if ((a1 - a0) + (b1 - b0) <= kMyersLines) {
      const std::vector<Op> part =
          edit_script(std::span(a).subspan(a0, a1 - a0), std::span(b).subspan(b0, b1 - b0));
      ops.insert(ops.end(), part.begin(), part.end());
    } else {
      cut_at_anchors(a0, a1, b0, b1, depth);
    }
    add(Op::keep, suffix);
  }

  /// Matches the lines that occur once in a[a0, a1) and once in b[b0, b1), keeping the longest
  /// run of them in the same order in both, and matches the stretches between them.
  void cut_at_anchors(std::size_t a0, std::size_t a1, std::size_t b0, std::size_t b1, int depth) {
    std::vector<std::pair<std::size_t, std::size_t>> anchors;  // (a index, b index), by a
    if (depth < kMaxDepth) {
      struct Seen {
        std::size_t in_a = 0, in_b = 0, a_at = 0, b_at = 0;
      };
      std::unordered_map<std::string_view, Seen> seen;
      for (std::size_t i = a0; i < a1; ++i) {
        Seen& s = seen[a[i]];
        ++s.in_a;
        s.a_at = i;
      }
      for (std::size_t j = b0; j < b1; ++j) {
        if (auto it = seen.find(b[j]); it != seen.end()) {
          ++it->second.in_b;
          it->second.b_at = j;
        }
      }
      for (std::size_t i = a0; i < a1; ++i) {
        const Seen& s = seen[a[i]];
        if (s.in_a == 1 && s.in_b == 1) anchors.emplace_back(i, s.b_at);
      }
    }
    if (anchors.empty()) {
      add(Op::remove, a1 - a0);
      add(Op::add, b1 - b0);
      return;
    }
    // The longest run increasing in b (patience sorting): tails[k] is the anchor that ends the
    // best run of length k + 1 found so far, and before[] links each anchor to the one it
    // follows.
    std::vector<std::size_t> tails;
    std::vector<std::size_t> before(anchors.size(), anchors.size());
    for (std::size_t k = 0; k < anchors.size(); ++k) {
      const auto at =
          std::lower_bound(tails.begin(), tails.end(), anchors[k].second,
                           [&](std::size_t t, std::size_t bj) { return anchors[t].second < bj; });
      if (at != tails.begin()) before[k] = *(at - 1);
      if (at == tails.end()) {
        tails.push_back(k);
      } else {
        *at = k;
      }
    }
    std::vector<std::size_t> run;
    for (std::size_t k = tails.back(); k != anchors.size(); k = before[k]) run.push_back(k);
    std::reverse(run.begin(), run.end());
    for (const std::size_t k : run) {
      const auto [i, j] = anchors[k];
      match(a0, i, b0, j, depth + 1);
      add(Op::keep, 1);
      a0 = i + 1;
      b0 = j + 1;
    }
    match(a0, a1, b0, b1, depth + 1);
  }
};

/// The ops from a to b: the shortest for texts of up to kMyersLines lines, see above for longer.
std::vector<Op> line_ops(const std::vector<std::string_view>& a,
                         const std::vector<std::string_view>& b) {
  if (a.size() + b.size() <= kMyersLines) return edit_script(a, b);
  std::vector<Op> ops;
  Lines{a, b, ops}.match(0, a.size(), 0, b.size(), 0);
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
  const std::vector<Op> ops = line_ops(a, b);
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
