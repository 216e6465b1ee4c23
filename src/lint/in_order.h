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
/// `tick` while it waits (a progress display redraws there). The calling thread counts as one of
/// the `threads` and works on jobs too; with one thread everything runs on it.
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
  std::condition_variable ready_cv;  // The result the calling thread waits for arrived.
  std::condition_variable room_cv;   // A result was delivered: the window moved.
  std::map<std::size_t, Result> ready;
  std::size_t next = 0;       // The next job to claim.
  std::size_t delivered = 0;  // Jobs delivered so far.
  bool waiting = false;       // The calling thread waits for job `delivered`.
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
      bool awaited;  // wake the calling thread only for the result it waits for
      {
        std::lock_guard lock(mutex);
        ready.emplace(i, std::move(r));
        awaited = waiting && i == delivered;
      }
      if (awaited) ready_cv.notify_one();
    }
  };
  // The calling thread is one of the `threads`: it delivers what is ready in order and works on
  // a job while the next one to deliver is not ready, so that there are no more threads than
  // asked for and no thread wakes another for every job.
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(worker);
  std::unique_lock lock(mutex);
  while (delivered < count) {
    if (auto node = ready.extract(delivered)) {
      const std::size_t i = delivered++;
      lock.unlock();
      room_cv.notify_all();
      deliver(i, node.mapped());
      lock.lock();
    } else if (next < count && next < delivered + window) {
      const std::size_t i = next++;
      lock.unlock();
      Result r = work(i);
      lock.lock();
      ready.emplace(i, std::move(r));
    } else {
      waiting = true;
      const bool arrived = ready_cv.wait_for(lock, tick, [&] { return ready.contains(delivered); });
      waiting = false;
      if (!arrived && idle) {
        lock.unlock();
        idle();
        lock.lock();
      }
    }
  }
  lock.unlock();
  for (std::thread& t : pool) t.join();
}

}  // namespace factlint
