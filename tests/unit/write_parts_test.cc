#include "indexer/write_parts.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <optional>
#include <vector>

namespace policygraph::indexer {
namespace {

// The bytes before each of `n` documents of `size` bytes each.
std::vector<uint64_t> Even(size_t n, uint64_t size) {
  std::vector<uint64_t> before(n + 1, 0);
  for (size_t i = 0; i < n; ++i) before[i + 1] = before[i] + size;
  return before;
}

TEST(WritePartsTest, StartsWithOnePartAWriterOfEqualText) {
  WriteParts parts(Even(10, 100), 2, 1, 8);
  EXPECT_EQ(parts.Begin(0), 0u);
  EXPECT_EQ(parts.End(0), 5u);
  EXPECT_EQ(parts.Begin(1), 5u);
  EXPECT_EQ(parts.End(1), 10u);
  EXPECT_EQ(parts.max_parts(), 8u);
}

TEST(WritePartsTest, SplitsByTextNotByDocuments) {
  // One long document, then short ones: the long one is a run of its own.
  const std::vector<uint64_t> before = {0, 1000, 1010, 1020, 1030, 1040};
  EXPECT_EQ(SplitByText(before, 2), (std::vector<size_t>{0, 1, 5}));
  EXPECT_EQ(SplitByText(Even(4, 10), 4), (std::vector<size_t>{0, 1, 2, 3, 4}));
  // And a far half is half the text left.
  WriteParts parts(before, 1, 1, 8);
  const auto second = parts.TakeFarHalf();
  ASSERT_TRUE(second.has_value());
  EXPECT_EQ(parts.Begin(*second), 1u);
}


TEST(WritePartsTest, AFreeWriterTakesTheFarHalfOfWhatIsLeft) {
  WriteParts parts(Even(100, 10), 2, 1, 8);
  // Writer 0 wrote its 50; writer 1 has written documents 50..59.
  for (size_t d = 0; d < 50; ++d) ASSERT_TRUE(parts.MayWrite(0, d));
  EXPECT_FALSE(parts.MayWrite(0, 50));
  for (size_t d = 50; d < 60; ++d) ASSERT_TRUE(parts.MayWrite(1, d));
  const auto taken = parts.TakeFarHalf();
  ASSERT_TRUE(taken.has_value());
  EXPECT_EQ(*taken, 2u);
  // 40 left (60..99): the new part takes the far 20.
  EXPECT_EQ(parts.Begin(2), 80u);
  EXPECT_EQ(parts.End(2), 100u);
  EXPECT_EQ(parts.End(1), 80u);
  // Part 1's writer stops where part 2 begins.
  for (size_t d = 60; d < 80; ++d) ASSERT_TRUE(parts.MayWrite(1, d));
  EXPECT_FALSE(parts.MayWrite(1, 80));
  EXPECT_EQ(parts.InOrder(), (std::vector<size_t>{0, 1, 2}));
}

TEST(WritePartsTest, TheDocumentAboutToBeWrittenStaysWithItsPart) {
  WriteParts parts(Even(4, 10), 2, 1, 8);
  // Part 0 is done; part 1 (documents 2, 3) has written nothing: document 2
  // may be in its writer's hands, so only document 3 can be taken.
  for (size_t d = 0; d < 2; ++d) ASSERT_TRUE(parts.MayWrite(0, d));
  const auto taken = parts.TakeFarHalf();
  ASSERT_TRUE(taken.has_value());
  EXPECT_EQ(parts.Begin(*taken), 3u);
  EXPECT_EQ(parts.End(1), 3u);
  // Nothing is left worth taking: part 1 holds one document, part 2 one.
  EXPECT_FALSE(parts.TakeFarHalf().has_value());
}

TEST(WritePartsTest, NoSplitBelowTheLeastTextOrBeyondTheMostParts) {
  WriteParts small(Even(100, 10), 2, 300, 8);
  for (size_t d = 0; d < 50; ++d) ASSERT_TRUE(small.MayWrite(0, d));
  for (size_t d = 50; d < 95; ++d) ASSERT_TRUE(small.MayWrite(1, d));
  // 5 documents (50 bytes) left: halves under 300 bytes.
  EXPECT_FALSE(small.TakeFarHalf().has_value());

  WriteParts capped(Even(100, 10), 2, 1, 3);
  EXPECT_TRUE(capped.TakeFarHalf().has_value());
  EXPECT_FALSE(capped.TakeFarHalf().has_value());  // three parts already
}

TEST(WritePartsTest, PartsInDocumentOrder) {
  WriteParts parts(Even(64, 10), 2, 1, 16);
  // Nothing written yet: each split halves the largest part left.
  while (parts.TakeFarHalf()) {
  }
  const auto order = parts.InOrder();
  ASSERT_GE(order.size(), 3u);
  EXPECT_EQ(parts.Begin(order[0]), 0u);
  for (size_t i = 1; i < order.size(); ++i) EXPECT_EQ(parts.Begin(order[i]), parts.End(order[i - 1]));
  EXPECT_EQ(parts.End(order.back()), 64u);
}

}  // namespace
}  // namespace policygraph::indexer
