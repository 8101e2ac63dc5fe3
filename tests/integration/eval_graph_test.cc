// `policygraph eval-graph`: builds the graph from one article and scores its
// entities and links against gold files. Runs on our own held-out articles
// (tests/eval/graph/) and, where ../shared exists, on the ASEAN article the
// extractor was developed on. The floors asserted here are far below the
// targets (those are read from the output, see docs/QUALITY.md): they catch
// an extractor that broke, not one that got slightly worse.
#include <gtest/gtest.h>

#include <initializer_list>
#include <nlohmann/json.hpp>
#include <string>

#include "tests/support/test_support.h"

namespace policygraph {
namespace {

using nlohmann::json;
using testing::RunPolicygraph;
using testing::SharedDir;
using testing::SourceDir;
using testing::TempDir;

json EvalGraph(const std::string& file, const std::string& entities, const std::string& links) {
  auto r = RunPolicygraph({"eval-graph", file, "--gold-entities", entities, "--gold-links", links, "--gazetteer",
                           (SourceDir() / "corpus" / "gazetteer").string(), "--json"});
  EXPECT_EQ(r.exit_code, 0) << r.out;
  // Progress goes to stderr, which RunPolicygraph merges: the JSON starts at '{'.
  size_t start = r.out.find('{');
  return start == std::string::npos ? json() : json::parse(r.out.substr(start), nullptr, false);
}

void ExpectAbove(const json& report, double entity_floor, double link_floor) {
  ASSERT_TRUE(report.is_object()) << report.dump();
  EXPECT_GE(report["entities"]["recall"].get<double>(), entity_floor) << report.dump();
  EXPECT_GE(report["entities"]["precision"].get<double>(), entity_floor) << report.dump();
  EXPECT_GE(report["links"]["recall"].get<double>(), link_floor) << report.dump();
  EXPECT_GE(report["links"]["precision"].get<double>(), link_floor) << report.dump();
}

TEST(EvalGraphTest, HeldOutArticles) {
  const auto dir = SourceDir() / "tests" / "eval" / "graph";
  for (const std::string lang : {"vi", "en"}) {
    json report = EvalGraph((dir / ("heldout-" + lang + ".txt")).string(),
                            (dir / ("heldout-" + lang + "-entities.tsv")).string(),
                            (dir / ("heldout-" + lang + "-links.tsv")).string());
    ExpectAbove(report, 0.5, 0.3);
  }
}

void ExpectBlindSetsAbove(std::initializer_list<int> sets, double entity_floor, double link_floor) {
  for (int n : sets) {
    const std::string set = "blind" + std::to_string(n);
    const auto dir = SourceDir() / "tests" / "eval" / ("graph-" + set);
    for (const std::string lang : {"vi", "en"}) {
      SCOPED_TRACE(set + "-" + lang);
      const std::string stem = (dir / (set + "-" + lang)).string();
      json report = EvalGraph(stem + ".txt", stem + "-entities.tsv", stem + "-links.tsv");
      ExpectAbove(report, entity_floor, link_floor);
    }
  }
}

// The blind sets (tests/eval/graph-blindN/blindN-{vi,en}.*): each was written
// without the extractor; 2 to 8 were tuned on afterwards, 9 to 12 were not
// (docs/QUALITY.md).
TEST(EvalGraphTest, BlindSets) { ExpectBlindSetsAbove({2, 3, 4, 5, 6, 7, 9}, 0.5, 0.3); }

// Blind 8, 10, 11 and 12 state most of their links in ways the rules do not
// read yet (Vietnamese links at 0.47 / 0.35, 0.59 / 0.30, 0.64 / 0.32 and
// 0.62 / 0.29): a floor of 0.3 would fail on one lost link, so these only
// guard against a broken extractor.
TEST(EvalGraphTest, HardBlindSets) { ExpectBlindSetsAbove({8, 10, 11, 12}, 0.5, 0.2); }

TEST(EvalGraphTest, SharedAseanArticle) {
  auto shared = SharedDir();
  if (!shared) GTEST_SKIP() << "../shared is absent in this clone; the ASEAN article's eval needs it";
  json report = EvalGraph((*shared / "corpus" / "vi" / "asean-cyberspace-governance-2022.txt").string(),
                          (*shared / "eval" / "seed-entities.tsv").string(),
                          (*shared / "eval" / "seed-links.tsv").string());
  ExpectAbove(report, 0.7, 0.5);
}

TEST(EvalGraphTest, BadGoldFilesAreClearErrors) {
  TempDir dir;
  const auto article = dir.path() / "a.txt";
  testing::WriteFile(article, "Việt Nam hợp tác với Nhật Bản.\n");
  testing::WriteFile(dir.path() / "e.tsv", "vietnam\tcountry\tViệt Nam\n");
  testing::WriteFile(dir.path() / "l.tsv", "vietnam\tcooperation\tjapan\t0\n");
  auto r = RunPolicygraph({"eval-graph", article.string(), "--gold-entities", (dir.path() / "e.tsv").string(),
                           "--gold-links", (dir.path() / "l.tsv").string()});
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_NE(r.out.find("unknown entity key 'japan'"), std::string::npos) << r.out;

  r = RunPolicygraph({"eval-graph", article.string(), "--gold-entities", (dir.path() / "missing.tsv").string(),
                      "--gold-links", (dir.path() / "l.tsv").string()});
  EXPECT_EQ(r.exit_code, 1) << r.out;
  EXPECT_NE(r.out.find("missing.tsv"), std::string::npos) << r.out;

  r = RunPolicygraph({"eval-graph", article.string()});
  EXPECT_EQ(r.exit_code, 2) << r.out;
}

}  // namespace
}  // namespace policygraph
