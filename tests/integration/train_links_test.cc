// `policygraph train-links`: labels candidate pairs from gold articles,
// cross-validates the link classifier and writes a model that loads. Runs on
// our own held-out articles (tests/eval/graph/), which need nothing from
// ../shared.
#include <gtest/gtest.h>

#include <string>

#include "indexer/link_model.h"
#include "tests/support/test_support.h"

namespace policygraph {
namespace {

using testing::RunPolicygraph;
using testing::SourceDir;
using testing::TempDir;

TEST(TrainLinksTest, CrossValidatesAndWritesAModelThatLoads) {
  TempDir dir;
  const auto gold = SourceDir() / "tests" / "eval" / "graph";
  std::string sets;
  for (const std::string lang : {"vi", "en"}) {
    const std::string stem = (gold / ("heldout-" + lang)).string();
    sets += stem + ".txt\t" + stem + "-entities.tsv\t" + stem + "-links.tsv\n";
  }
  testing::WriteFile(dir.path() / "sets.tsv", sets);
  const std::string model = (dir.path() / "links.model").string();
  auto r = RunPolicygraph({"train-links", "--sets", (dir.path() / "sets.tsv").string(), "--cv", "--out", model,
                           "--gazetteer", (SourceDir() / "corpus" / "gazetteer").string(), "--l2", "0.001",
                           "--threshold", "0.5"});
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("2 articles"), std::string::npos) << r.out;
  // The rules' figures per article are eval-graph's (docs/QUALITY.md): the
  // labelling and scoring here match what eval-graph counts.
  EXPECT_NE(r.out.find("heldout-vi.txt\t51\t0.978 / 0.882"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("heldout-en.txt\t31\t0.765 / 0.839"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\nunion\t"), std::string::npos) << r.out;
  indexer::LinkModel loaded;
  Status s = indexer::LinkModel::Load(model, &loaded);
  ASSERT_TRUE(s.ok()) << s.message();
  EXPECT_GT(loaded.feature_count(), 50u);
  EXPECT_DOUBLE_EQ(loaded.threshold(), 0.5);
}

TEST(TrainLinksTest, BadSetsFileIsAClearError) {
  TempDir dir;
  testing::WriteFile(dir.path() / "sets.tsv", "only-a-text.txt\tand-entities.tsv\n");
  auto r = RunPolicygraph({"train-links", "--sets", (dir.path() / "sets.tsv").string()});
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.out.find("expected 3 fields"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace policygraph
