// Ordered parallel map: runs work(i) for i = 0 .. n-1 on a few worker
// threads and hands every result to consume(i, result) on the calling
// thread, strictly in order of i, so that whatever consume() writes comes out
// exactly as a plain loop would have written it.
//
// Indexing uses it so that the per-document analysis (which is independent
// per document) runs on every core while the writes to the stores stay on
// one thread and in document order. At most `window` results wait at any
// time, finished or not, and the total cost(i) of the items being worked
// on, waiting or being consumed stays within `budget` (an item is always let
// through when nothing else is in flight, whatever its cost), so memory stays
// bounded however many items there are and however large some are. With
// `threads` <= 1 it is the plain loop, on the calling thread.
//
// consume() returning a non-OK Status stops the run: no further work starts,
// the workers are joined and that Status is returned. An exception thrown by
// work() is rethrown from the calling thread when its turn to be consumed
// comes; one thrown by consume() also joins the workers first.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <exception>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "graph/status.h"

namespace policygraph::indexer {

// The number of worker threads to use when asked for 0 ("as many as there
// are cores"): at least 1.
inline size_t DefaultThreadCount() {
  const unsigned cores = std::thread::hardware_concurrency();
  return cores == 0 ? 1 : cores;
}

template <typename Result, typename Cost, typename Work, typename Consume>
Status RunOrdered(size_t n, size_t threads, size_t window, size_t budget, Cost cost, Work work, Consume consume) {
  if (threads <= 1 || n <= 1) {
    for (size_t i = 0; i < n; ++i) {
      Status s = consume(i, work(i));
      if (!s.ok()) return s;
    }
    return Status::OK();
  }
  if (window < threads) window = threads;

  struct Slot {
    std::optional<Result> value;
    std::exception_ptr error;
  };
  std::vector<Slot> slots(window);  // item i waits in slots[i % window]
  std::mutex mutex;
  std::condition_variable changed;
  size_t next = 0;      // the next item a worker may claim
  size_t consumed = 0;  // items handed to consume() so far
  size_t in_flight = 0;  // the cost of the items claimed and not yet fully consumed
  bool stop = false;
  auto may_claim = [&] {
    return next < consumed + window && (in_flight == 0 || in_flight + cost(next) <= budget);
  };

  auto worker = [&] {
    for (;;) {
      size_t i;
      {
        std::unique_lock<std::mutex> lock(mutex);
        changed.wait(lock, [&] { return stop || next >= n || may_claim(); });
        if (stop || next >= n) return;
        i = next++;
        in_flight += cost(i);
      }
      Slot done;
      try {
        done.value.emplace(work(i));
      } catch (...) {
        done.error = std::current_exception();
      }
      {
        std::lock_guard<std::mutex> lock(mutex);
        slots[i % window] = std::move(done);
      }
      changed.notify_all();
    }
  };
  std::vector<std::thread> pool;
  auto finish = [&] {
    {
      std::lock_guard<std::mutex> lock(mutex);
      stop = true;
    }
    changed.notify_all();
    for (auto& t : pool) t.join();
  };
  try {
    pool.reserve(threads);
    for (size_t t = 0; t < threads; ++t) pool.emplace_back(worker);
  } catch (...) {  // no thread to be had: join those started, then report
    finish();
    throw;
  }

  Status status = Status::OK();
  try {
    for (size_t i = 0; i < n && status.ok(); ++i) {
      Slot ready;
      {
        std::unique_lock<std::mutex> lock(mutex);
        Slot& slot = slots[i % window];
        changed.wait(lock, [&] { return slot.value.has_value() || slot.error != nullptr; });
        ready = std::move(slot);
        slot = Slot();
        consumed = i + 1;
      }
      changed.notify_all();  // a window place is free
      if (ready.error) std::rethrow_exception(ready.error);
      status = consume(i, std::move(*ready.value));
      // The item's cost counts until consume() is done with it (and has
      // dropped what it does not keep): a large result being written is
      // still in memory.
      {
        std::lock_guard<std::mutex> lock(mutex);
        in_flight -= cost(i);
      }
      changed.notify_all();
    }
  } catch (...) {
    finish();
    throw;
  }
  finish();
  return status;
}

// The same with every item costing 1 and no budget beyond the window.
template <typename Result, typename Work, typename Consume>
Status RunOrdered(size_t n, size_t threads, size_t window, Work work, Consume consume) {
  return RunOrdered<Result>(
      n, threads, window, window, [](size_t) { return size_t{1}; }, std::move(work), std::move(consume));
}

}  // namespace policygraph::indexer
