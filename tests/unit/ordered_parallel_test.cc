// RunOrdered (indexer/ordered_parallel.h): results reach the consumer in
// order whatever the threads, errors stop the run, exceptions come back.
#include "indexer/ordered_parallel.h"

#include <gtest/gtest.h>

#include <atomic>
#include <algorithm>
#include <chrono>
#include <mutex>
#include <stdexcept>
#include <thread>
#include <vector>

namespace policygraph::indexer {
namespace {

// Later items finish first, so out-of-order completion is the usual case.
size_t SlowSquare(size_t i, size_t n) {
  std::this_thread::sleep_for(std::chrono::microseconds(50 * ((n - i) % 7)));
  return i * i;
}

TEST(OrderedParallelTest, ConsumesInOrderForAnyThreadCount) {
  constexpr size_t n = 200;
  for (size_t threads : {0u, 1u, 2u, 3u, 8u}) {
    std::vector<size_t> seen;
    Status s = RunOrdered<size_t>(
        n, threads, 4, [&](size_t i) { return SlowSquare(i, n); },
        [&](size_t i, size_t value) {
          EXPECT_EQ(i, seen.size());
          seen.push_back(value);
          return Status::OK();
        });
    ASSERT_TRUE(s.ok());
    ASSERT_EQ(seen.size(), n) << threads << " threads";
    for (size_t i = 0; i < n; ++i) EXPECT_EQ(seen[i], i * i) << threads << " threads";
  }
}

TEST(OrderedParallelTest, KeepsAtMostTheWindowInFlight) {
  constexpr size_t window = 5;
  std::atomic<size_t> started{0};
  size_t consumed = 0;
  Status s = RunOrdered<size_t>(
      100, 3, window,
      [&](size_t i) {
        ++started;
        return i;
      },
      [&](size_t, size_t) {
        ++consumed;
        // Work may start on at most `window` items beyond those consumed.
        EXPECT_LE(started.load(), consumed + window);
        return Status::OK();
      });
  EXPECT_TRUE(s.ok());
  EXPECT_EQ(consumed, 100u);
}

TEST(OrderedParallelTest, KeepsTheCostInFlightWithinTheBudget) {
  // Item i costs i % 10; a budget of 12 admits a few small items or one
  // large one. Work that is running is in flight, so the items running at
  // once never cost more than 12 together, unless one runs alone.
  std::mutex mutex;
  size_t running_cost = 0, running = 0, worst = 0;
  auto cost = [](size_t i) { return i % 10; };
  Status s = RunOrdered<size_t>(
      300, 3, 8, 12, cost,
      [&](size_t i) {
        {
          std::lock_guard<std::mutex> lock(mutex);
          running_cost += cost(i);
          if (++running > 1) worst = std::max(worst, running_cost);
        }
        std::this_thread::sleep_for(std::chrono::microseconds(20 * (i % 3)));
        std::lock_guard<std::mutex> lock(mutex);
        running_cost -= cost(i);
        --running;
        return i;
      },
      [&](size_t i, size_t value) {
        EXPECT_EQ(i, value);
        return Status::OK();
      });
  EXPECT_TRUE(s.ok());
  EXPECT_LE(worst, 12u);
}

TEST(OrderedParallelTest, AnItemOverTheBudgetRunsAlone) {
  std::atomic<size_t> running{0}, most{0};
  size_t consumed = 0;
  Status s = RunOrdered<size_t>(
      40, 3, 8, 10, [](size_t) { return size_t{25}; },
      [&](size_t i) {
        const size_t now = ++running;
        if (now > most) most = now;
        std::this_thread::sleep_for(std::chrono::microseconds(100));
        --running;
        return i;
      },
      [&](size_t, size_t) {
        ++consumed;
        return Status::OK();
      });
  EXPECT_TRUE(s.ok());
  EXPECT_EQ(consumed, 40u);
  EXPECT_EQ(most.load(), 1u);
}

TEST(OrderedParallelTest, StopsAtTheFirstError) {
  for (size_t threads : {1u, 2u}) {
    size_t consumed = 0;
    Status s = RunOrdered<size_t>(
        1000, threads, 8, [](size_t i) { return i; },
        [&](size_t i, size_t) {
          ++consumed;
          return i == 10 ? Status::IOError("disk full") : Status::OK();
        });
    EXPECT_EQ(s.code(), Status::Code::kIOError);
    EXPECT_EQ(consumed, 11u);
  }
}

TEST(OrderedParallelTest, RethrowsWorkExceptionsOnTheCallingThread) {
  for (size_t threads : {1u, 2u}) {
    size_t consumed = 0;
    EXPECT_THROW(RunOrdered<size_t>(
                     50, threads, 4,
                     [](size_t i) -> size_t {
                       if (i == 7) throw std::runtime_error("bad document");
                       return i;
                     },
                     [&](size_t, size_t) {
                       ++consumed;
                       return Status::OK();
                     }),
                 std::runtime_error);
    EXPECT_EQ(consumed, 7u);
  }
}

}  // namespace
}  // namespace policygraph::indexer
