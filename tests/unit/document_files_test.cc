// DocumentFileList and ComparePaths: the packed file list keeps the order
// and the dedup std::filesystem::path gave CollectDocumentFiles, since the
// order of the files is the order of the documents in both stores.
#include "indexer/document_files.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

namespace policygraph::indexer {
namespace {

namespace fs = std::filesystem;

int Sign(int c) { return c < 0 ? -1 : (c > 0 ? 1 : 0); }

TEST(DocumentFilesTest, ComparePathsTable) {
  struct Case {
    const char* a;
    const char* b;
    int expected;
  };
  const Case cases[] = {
      {"a/b", "a/b", 0},
      {"a/b", "a-c", -1},      // element "a" before "a-c", though '-' < '/' as bytes
      {"a/b.md", "a.md", -1},  // likewise "a" before "a.md"
      {"a", "a/b", -1},        // fewer elements first
      {"a//b", "a/b", 0},      // runs of slashes are one separator
      {"a/", "a", 1},          // a trailing slash is one more, empty, element
      {"a/", "a/b", -1},
      {"/x", "x", 1},          // a root directory after none
      {"//x", "/x", 0},
      {"/", "", 1},
      {"", "", 0},
      {"./a", "a", -1},        // "." is compared as a name
      {"en/0010/g1.md", "en/0009/g2.md", 1},
      {"vi/0000/g0000001.md", "en/0999/g0999999.md", 1},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(ComparePaths(c.a, c.b), c.expected) << c.a << " vs " << c.b;
    EXPECT_EQ(ComparePaths(c.b, c.a), -c.expected) << c.b << " vs " << c.a;
    // The reference ComparePaths stands in for.
    EXPECT_EQ(Sign(fs::path(c.a).compare(fs::path(c.b))), c.expected) << c.a << " vs " << c.b;
  }
}

// Random paths over the characters that decide order ('/', '-', '.', and
// letters on either side of '/' as bytes): the same sign as
// std::filesystem::path::compare every time.
TEST(DocumentFilesTest, ComparePathsAgreesWithFilesystemPath) {
  std::mt19937 rng(7);
  const std::string alphabet = "/-.ab0";
  auto random_path = [&] {
    std::string p;
    const size_t n = rng() % 9;
    for (size_t i = 0; i < n; ++i) p.push_back(alphabet[rng() % alphabet.size()]);
    return p;
  };
  for (int i = 0; i < 20000; ++i) {
    const std::string a = random_path(), b = random_path();
    ASSERT_EQ(ComparePaths(a, b), Sign(fs::path(a).compare(fs::path(b)))) << "'" << a << "' vs '" << b << "'";
  }
}

TEST(DocumentFilesTest, SortUniqueOrdersAsFilesystemPathsAndDropsRepeats) {
  const std::vector<std::string> paths = {"c/x.md", "a-b/y.md", "a/z.md", "a/b/w.md", "c/x.md",
                                          "a.md",   "a/z.md",   "b.txt",  "a/b.md"};
  DocumentFileList list;
  for (const auto& p : paths) list.Add(p);
  ASSERT_EQ(list.size(), paths.size());
  EXPECT_EQ(list[1], "a-b/y.md");
  list.SortUnique();

  std::vector<fs::path> expected(paths.begin(), paths.end());
  std::sort(expected.begin(), expected.end());
  expected.erase(std::unique(expected.begin(), expected.end()), expected.end());
  ASSERT_EQ(list.size(), expected.size());
  for (size_t i = 0; i < list.size(); ++i) EXPECT_EQ(list[i], expected[i].native()) << i;
  EXPECT_EQ(list[0], "a/b/w.md");
  EXPECT_EQ(list[list.size() - 1], "c/x.md");
}

TEST(DocumentFilesTest, EmptyListAndEmptyPath) {
  DocumentFileList list;
  EXPECT_TRUE(list.empty());
  list.SortUnique();
  EXPECT_EQ(list.size(), 0u);
  list.Add("");
  list.Add("x.md");
  EXPECT_EQ(list[0], "");
  EXPECT_EQ(list[1], "x.md");
}

// A packed list costs its bytes and one offset a path, not a
// std::filesystem::path's component list.
TEST(DocumentFilesTest, MemoryIsAboutThePathsBytes) {
  DocumentFileList list;
  for (int i = 0; i < 10000; ++i) list.Add("/tmp/gen/en/" + std::to_string(1000 + i / 1000) + "/g" + std::to_string(i) + ".md");
  list.SortUnique();
  EXPECT_LT(list.MemoryBytes(), 10000u * (30 + 8) + 1024);
}

}  // namespace
}  // namespace policygraph::indexer
