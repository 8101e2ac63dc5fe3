// graph::IdTable: the traversal's flat table of ids met. Held to a std::map
// doing the same inserts and finds, through growth, ids that are prefixes of
// one another, the empty id and bytes past ASCII.

#include "graph/id_table.h"

#include <gtest/gtest.h>

#include <map>
#include <random>
#include <string>
#include <vector>

namespace policygraph::graph {
namespace {

using namespace std::string_literals;

TEST(IdTableTest, FindsWhatWasInsertedAndNothingElse) {
  IdTable table;
  EXPECT_EQ(table.Find("asean"), IdTable::kAbsent);
  table.Insert("asean", 0);
  table.Insert("asea", 7);
  table.Insert("", 3);
  table.Insert("a\0b"s, 4);
  table.Insert("mạng", 5);
  EXPECT_EQ(table.size(), 5u);
  EXPECT_EQ(table.Find("asean"), 0u);
  EXPECT_EQ(table.Find("asea"), 7u);
  EXPECT_EQ(table.Find(""), 3u);
  EXPECT_EQ(table.Find("a\0b"s), 4u);
  EXPECT_EQ(table.Find("mạng"), 5u);
  EXPECT_EQ(table.Find("a"), IdTable::kAbsent);
  EXPECT_EQ(table.Find("a\0"s), IdTable::kAbsent);
  EXPECT_EQ(table.Find("mang"), IdTable::kAbsent);
  EXPECT_EQ(table.Find("aseanx"), IdTable::kAbsent);
}

TEST(IdTableTest, AgreesWithAMapThroughGrowth) {
  std::mt19937 rng(7);
  IdTable table(/*expected=*/4);  // grows many times
  std::map<std::string, uint32_t> want;
  for (uint32_t i = 0; i < 5000; ++i) {
    // Ids alike but for their tail, as the synthetic graph's are.
    const std::string id = "organisation-" + std::to_string(rng() % 8000);
    const uint32_t found = table.Find(id);
    auto it = want.find(id);
    ASSERT_EQ(found, it == want.end() ? IdTable::kAbsent : it->second) << id;
    if (it == want.end()) {
      table.Insert(id, i);
      want.emplace(id, i);
    }
  }
  EXPECT_EQ(table.size(), want.size());
  std::map<std::string, uint32_t> seen;
  table.ForEach([&](std::string_view id, uint32_t value) { seen.emplace(std::string(id), value); });
  EXPECT_EQ(seen, want);
}

}  // namespace
}  // namespace policygraph::graph
