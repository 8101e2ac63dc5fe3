// server::ResponseCache: the bounds (entries, bytes, least recently used
// out first) and the rule that an answer never outlives its generation.

#include "server/response_cache.h"

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

namespace policygraph::server {
namespace {

std::string Body(const std::shared_ptr<const std::string>& b) { return b ? *b : "<miss>"; }

TEST(ResponseCacheTest, HitAndMiss) {
  ResponseCache cache({});
  EXPECT_EQ(cache.Get(1, "q=a"), nullptr);
  cache.Put(1, "q=a", "A");
  EXPECT_EQ(Body(cache.Get(1, "q=a")), "A");
  EXPECT_EQ(cache.Get(1, "q=b"), nullptr);
  cache.Put(1, "q=a", "A2");  // replaced, not duplicated
  EXPECT_EQ(Body(cache.Get(1, "q=a")), "A2");
  const auto s = cache.stats();
  EXPECT_EQ(s.entries, 1u);
  EXPECT_EQ(s.bytes, 3u + 2u);
  EXPECT_EQ(s.hits, 2u);
  EXPECT_EQ(s.misses, 2u);
}

TEST(ResponseCacheTest, EntryBoundEvictsLeastRecentlyUsed) {
  ResponseCache cache({.max_entries = 3, .max_bytes = 1 << 20});
  cache.Put(1, "a", "1");
  cache.Put(1, "b", "2");
  cache.Put(1, "c", "3");
  ASSERT_NE(cache.Get(1, "a"), nullptr);  // a is now the most recent; b the least
  cache.Put(1, "d", "4");
  EXPECT_EQ(cache.Get(1, "b"), nullptr);
  EXPECT_EQ(Body(cache.Get(1, "a")), "1");
  EXPECT_EQ(Body(cache.Get(1, "c")), "3");
  EXPECT_EQ(Body(cache.Get(1, "d")), "4");
  EXPECT_EQ(cache.stats().entries, 3u);
  EXPECT_EQ(cache.stats().evictions, 1u);
}

TEST(ResponseCacheTest, ByteBound) {
  ResponseCache cache({.max_entries = 100, .max_bytes = 100});
  // 1 + 20 bytes each: four fit in 100, the fifth pushes out the oldest.
  for (char k = 'a'; k <= 'e'; ++k) cache.Put(7, std::string(1, k), std::string(20, k));
  EXPECT_EQ(cache.Get(7, "a"), nullptr);
  EXPECT_EQ(Body(cache.Get(7, "e")), std::string(20, 'e'));
  EXPECT_LE(cache.stats().bytes, 100u);
  EXPECT_EQ(cache.stats().entries, 4u);
}

TEST(ResponseCacheTest, OversizedAnswerIsNotStored) {
  ResponseCache cache({.max_entries = 100, .max_bytes = 100});
  cache.Put(1, "small", "x");
  cache.Put(1, "big", std::string(30, 'y'));  // over a quarter of the bytes
  EXPECT_EQ(cache.Get(1, "big"), nullptr);
  EXPECT_EQ(Body(cache.Get(1, "small")), "x");  // and it pushed nothing out
}

TEST(ResponseCacheTest, ZeroEntriesIsOff) {
  ResponseCache cache({.max_entries = 0, .max_bytes = 1 << 20});
  cache.Put(1, "a", "1");
  EXPECT_EQ(cache.Get(1, "a"), nullptr);
  EXPECT_EQ(cache.stats().entries, 0u);
}

TEST(ResponseCacheTest, NewerGenerationEmptiesIt) {
  ResponseCache cache({});
  cache.Put(1, "a", "old");
  cache.Put(1, "b", "old");
  EXPECT_EQ(cache.Get(2, "a"), nullptr);  // a lookup on generation 2 drops generation 1
  EXPECT_EQ(cache.stats().entries, 0u);
  EXPECT_EQ(cache.stats().invalidations, 1u);
  cache.Put(2, "a", "new");
  EXPECT_EQ(Body(cache.Get(2, "a")), "new");
}

TEST(ResponseCacheTest, NewerGenerationPutEmptiesIt) {
  ResponseCache cache({});
  cache.Put(3, "a", "old");
  cache.Put(4, "b", "new");
  EXPECT_EQ(cache.Get(4, "a"), nullptr);
  EXPECT_EQ(Body(cache.Get(4, "b")), "new");
}

TEST(ResponseCacheTest, OlderGenerationIsNeitherServedNorStored) {
  ResponseCache cache({});
  cache.Put(5, "a", "five");
  // A request still running on generation 4 while the server is on 5.
  EXPECT_EQ(cache.Get(4, "a"), nullptr);
  cache.Put(4, "b", "four");
  EXPECT_EQ(cache.Get(5, "b"), nullptr);
  EXPECT_EQ(Body(cache.Get(5, "a")), "five");  // and generation 5's answers stay
}

TEST(ResponseCacheTest, BodyOutlivesEviction) {
  ResponseCache cache({.max_entries = 1, .max_bytes = 1 << 20});
  cache.Put(1, "a", "kept by the reader");
  auto held = cache.Get(1, "a");
  cache.Put(1, "b", "2");  // evicts a
  EXPECT_EQ(cache.Get(1, "a"), nullptr);
  EXPECT_EQ(Body(held), "kept by the reader");
}

TEST(ResponseCacheTest, ConcurrentUseStaysWithinBounds) {
  ResponseCache cache({.max_entries = 50, .max_bytes = 4000});
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&cache, t] {
      for (int i = 0; i < 2000; ++i) {
        const uint64_t generation = 1 + i / 500;
        // Built with append: GCC 12 warns falsely (-Wrestrict) on "k" + ...
        std::string key = "k";
        key.append(std::to_string((i * 7 + t) % 120));
        std::string expected = key;
        expected.append("@").append(std::to_string(generation));
        if (auto body = cache.Get(generation, key)) {
          EXPECT_EQ(*body, expected);
        } else {
          cache.Put(generation, key, expected);
        }
      }
    });
  }
  for (auto& th : threads) th.join();
  const auto s = cache.stats();
  EXPECT_LE(s.entries, 50u);
  EXPECT_LE(s.bytes, 4000u);
}

}  // namespace
}  // namespace policygraph::server
