// RunOrdered (indexer/ordered_parallel.h): results reach the consumer in
// order whatever the threads, errors stop the run, exceptions come back.
#include "indexer/ordered_parallel.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
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
