#include "lint/in_order.h"

#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <set>
#include <thread>

using namespace factlint;

TEST_CASE("jobs run on the threads asked for and are delivered in order", "[in-order]") {
  for (const unsigned threads : {1u, 2u, 3u, 8u}) {
    for (const std::size_t window : {std::size_t{1}, std::size_t{4}, std::size_t{64}}) {
      INFO("threads " << threads << ", window " << window);
      const std::size_t count = 200;
      std::mutex mutex;
      std::set<std::thread::id> workers;
      std::atomic<std::size_t> running{0}, most_running{0};
      std::vector<std::size_t> delivered;
      const std::thread::id caller = std::this_thread::get_id();
      std::size_t most_waiting = 0;  // results done but not delivered, seen at a delivery
      std::atomic<std::size_t> done{0};
      run_in_order<std::size_t>(
          count, threads, window,
          [&](std::size_t i) {
            const std::size_t now = ++running;
            for (std::size_t m = most_running;
                 now > m && !most_running.compare_exchange_weak(m, now);) {
            }
            {
              const std::lock_guard lock(mutex);
              workers.insert(std::this_thread::get_id());
            }
            // Uneven work, so that later jobs often finish first.
            std::this_thread::sleep_for(std::chrono::microseconds((i * 7919) % 5 * 100));
            --running;
            ++done;
            return i * i;
          },
          [&](std::size_t i, std::size_t& result) {
            CHECK(result == i * i);
            delivered.push_back(i);
            most_waiting = std::max(most_waiting, done - delivered.size());
          });
      REQUIRE(delivered.size() == count);
      for (std::size_t i = 0; i < count; ++i) CHECK(delivered[i] == i);
      CHECK(most_running <= threads);
      CHECK(workers.size() <= threads);
      CHECK(workers.contains(caller));             // the calling thread works too
      if (threads > 1) CHECK(workers.size() > 1);  // the work was shared
      // At most `window` results wait (at least as many as threads).
      CHECK(most_waiting <= std::max<std::size_t>(window, threads));
    }
  }
}

TEST_CASE("the waiting thread calls idle while a slow job runs elsewhere", "[in-order]") {
  std::atomic<int> idles{0};
  std::vector<std::size_t> delivered;
  const std::thread::id caller = std::this_thread::get_id();
  std::atomic<bool> other_started{false};
  run_in_order<int>(
      2, 2, 4,
      [&](std::size_t) {
        // Each thread takes one job. The other thread's is slow: the calling thread finishes
        // its own, then waits.
        if (std::this_thread::get_id() != caller) {
          other_started = true;
          std::this_thread::sleep_for(std::chrono::milliseconds(120));
        } else {
          while (!other_started) std::this_thread::sleep_for(std::chrono::milliseconds(1));
        }
        return 0;
      },
      [&](std::size_t i, int&) { delivered.push_back(i); }, [&] { ++idles; },
      std::chrono::milliseconds(10));
  CHECK(delivered == std::vector<std::size_t>{0, 1});
  CHECK(idles > 0);
}
