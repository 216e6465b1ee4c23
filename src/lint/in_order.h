#pragma once
/// Runs independent jobs on several threads and hands their results back in job order, so that
/// a parallel run prints exactly what a sequential one prints.

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <functional>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

namespace factlint {

/// Calls `work(i)` for every i in [0, count) on `threads` threads and `deliver(i, result)` on the
/// calling thread in increasing i. At most `window` results wait for delivery, so memory stays
/// bounded however many jobs there are. `idle()` is called on the calling thread about every
/// `tick` while it waits (a progress display redraws there). With one thread everything runs on
/// the calling thread.
template <typename Result>
void run_in_order(std::size_t count, unsigned threads, std::size_t window,
                  const std::function<Result(std::size_t)>& work,
                  const std::function<void(std::size_t, Result&)>& deliver,
                  const std::function<void()>& idle = nullptr,
                  std::chrono::milliseconds tick = std::chrono::milliseconds(100)) {
  if (threads <= 1 || count <= 1) {
    for (std::size_t i = 0; i < count; ++i) {
      Result r = work(i);
      deliver(i, r);
    }
    return;
  }
  if (window < threads) window = threads;
  std::mutex mutex;
  std::condition_variable ready_cv;  // A result arrived.
  std::condition_variable room_cv;   // A result was delivered: the window moved.
  std::map<std::size_t, Result> ready;
  std::size_t next = 0;       // The next job to claim.
  std::size_t delivered = 0;  // Jobs delivered so far.
  auto worker = [&] {
    while (true) {
      std::size_t i;
      {
        std::unique_lock lock(mutex);
        room_cv.wait(lock, [&] { return next >= count || next < delivered + window; });
        if (next >= count) return;
        i = next++;
      }
      Result r = work(i);
      {
        std::lock_guard lock(mutex);
        ready.emplace(i, std::move(r));
      }
      ready_cv.notify_one();
    }
  };
  std::vector<std::thread> pool;
  for (unsigned t = 0; t < threads; ++t) pool.emplace_back(worker);
  for (std::size_t i = 0; i < count; ++i) {
    std::unique_lock lock(mutex);
    while (!ready.contains(i)) {
      if (ready_cv.wait_for(lock, tick) == std::cv_status::timeout && idle) {
        lock.unlock();
        idle();
        lock.lock();
      }
    }
    auto node = ready.extract(i);
    ++delivered;
    lock.unlock();
    room_cv.notify_all();
    deliver(i, node.mapped());
  }
  for (std::thread& t : pool) t.join();
}

}  // namespace factlint
