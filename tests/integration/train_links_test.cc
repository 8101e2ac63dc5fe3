// `policygraph train-links`: labels candidate pairs from gold articles,
// cross-validates the link classifier and writes a model that loads. Runs on
// our own held-out articles (tests/eval/graph/), which need nothing from
// ../shared.
#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include "indexer/analyzer.h"  // IsValidUtf8
#include "indexer/link_model.h"
#include "indexer/text_fields.h"
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
  EXPECT_NE(r.out.find("heldout-vi.txt\t51\t0.958 / 0.902"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("heldout-en.txt\t31\t0.765 / 0.839"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\nunion\t"), std::string::npos) << r.out;
  indexer::LinkModel loaded;
  Status s = indexer::LinkModel::Load(model, &loaded);
  ASSERT_TRUE(s.ok()) << s.message();
  EXPECT_GT(loaded.feature_count(), 50u);
  EXPECT_DOUBLE_EQ(loaded.threshold(), 0.5);
}

// --test: the model trained on --sets decides other articles, and only sums
// over them are printed, never one of them by name.
TEST(TrainLinksTest, TestSetIsReportedAsSumsOnly) {
  TempDir dir;
  const auto gold = SourceDir() / "tests" / "eval" / "graph";
  auto row = [&](const std::string& lang) {
    const std::string stem = (gold / ("heldout-" + lang)).string();
    return stem + ".txt\t" + stem + "-entities.tsv\t" + stem + "-links.tsv\n";
  };
  testing::WriteFile(dir.path() / "train.tsv", row("vi"));
  testing::WriteFile(dir.path() / "test.tsv", row("en"));
  auto r = RunPolicygraph({"train-links", "--sets", (dir.path() / "train.tsv").string(), "--test",
                           (dir.path() / "test.tsv").string(), "--gazetteer",
                           (SourceDir() / "corpus" / "gazetteer").string(), "--veto", "0.9", "--cross"});
  ASSERT_EQ(r.exit_code, 0) << r.out;
  const size_t report = r.out.find("\ntest: 1 articles, 31 gold links");
  ASSERT_NE(report, std::string::npos) << r.out;
  const std::string sums = r.out.substr(report);
  for (const char* system : {"\nrules\t", "\nclassifier\t", "\nunion\t", "\nvetoed union\t"}) {
    EXPECT_NE(sums.find(system), std::string::npos) << system << "\n" << sums;
  }
  // The rules' sum is eval-graph's figure for the article (as above).
  EXPECT_NE(sums.find("\nrules\t0.765 / 0.839"), std::string::npos) << sums;
  EXPECT_EQ(sums.find("heldout-en"), std::string::npos) << sums;
  // --cross: what links across neighbouring sentences would add, on the test
  // set too.
  EXPECT_NE(sums.find("\ntest (sums only)\nlinks across neighbouring sentences: "), std::string::npos) << sums;
}

// corpus/models/links.model is what `train-links` makes of the training sets
// today (corpus/models/README.md): a change to the features, the triggers or
// the gazetteer that would train another model fails here until the model is
// trained again. The training sets hold the ASEAN article of ../shared.
TEST(TrainLinksTest, ShippedModelIsTheOneTheTrainingSetsGive) {
  auto shared = testing::SharedDir();
  if (!shared) GTEST_SKIP() << "../shared is absent in this clone; the training sets hold its ASEAN article";
  TempDir dir;
  // The sets file's paths are from the repository root: made absolute here.
  std::string content, sets;
  ASSERT_TRUE(indexer::ReadTextFile((SourceDir() / "tests" / "eval" / "graph-sets-training.tsv").string(), &content)
                  .ok());
  std::istringstream lines(content);
  for (std::string line; std::getline(lines, line);) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    std::string field, row;
    while (std::getline(fields, field, '\t')) {
      const std::string prefix = "../shared/";
      const auto path = field.rfind(prefix, 0) == 0 ? *shared / field.substr(prefix.size()) : SourceDir() / field;
      if (!row.empty()) row += '\t';
      row += path.string();
    }
    sets += row + "\n";
  }
  testing::WriteFile(dir.path() / "sets.tsv", sets);
  const std::string model = (dir.path() / "links.model").string();
  auto r = RunPolicygraph({"train-links", "--sets", (dir.path() / "sets.tsv").string(), "--out", model, "--gazetteer",
                           (SourceDir() / "corpus" / "gazetteer").string(), "--omit", "r:", "--l2", "0.001",
                           "--threshold", "0.6", "--veto", "0.9"});
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("63 articles"), std::string::npos) << r.out;
  std::string trained, shipped;
  ASSERT_TRUE(indexer::ReadTextFile(model, &trained).ok());
  ASSERT_TRUE(indexer::ReadTextFile((SourceDir() / "corpus" / "models" / "links.model").string(), &shipped).ok());
  EXPECT_TRUE(trained == shipped) << "corpus/models/links.model is stale: train it again (corpus/models/README.md)";
}

// --diagnose quotes each missed link's sentence on one line, a long one cut
// short: at a character's edge, so that the report stays UTF-8 whatever
// reads it next (it cut inside "ệ" before).
TEST(TrainLinksTest, DiagnoseCutsLongSentencesAtACharactersEdge) {
  TempDir dir;
  // Byte 400 falls inside "á" of this sentence.
  std::string sentence = "Trong năm, Việt Nam và Nhật Bản";
  while (sentence.size() < 420) sentence += " cùng bàn về hợp tác kinh tế, tiềm năng và triển vọng phát triển";
  sentence += ".";
  testing::WriteFile(dir.path() / "a.txt", "Tiêu đề\n\n" + sentence + "\n");
  testing::WriteFile(dir.path() / "a-entities.tsv",
                     "# key\ttype\tforms\nvietnam\tcountry\tViệt Nam\njapan\tcountry\tNhật Bản\n");
  testing::WriteFile(dir.path() / "a-links.tsv", "# a\tclass\tb\tparagraphs\njapan\tinvestment\tvietnam\t1\n");
  const std::string stem = (dir.path() / "a").string();
  testing::WriteFile(dir.path() / "sets.tsv", stem + ".txt\t" + stem + "-entities.tsv\t" + stem + "-links.tsv\n");
  auto r = RunPolicygraph({"train-links", "--sets", (dir.path() / "sets.tsv").string(), "--diagnose", "--gazetteer",
                           (SourceDir() / "corpus" / "gazetteer").string()});
  ASSERT_EQ(r.exit_code, 0) << r.out;
  const size_t line = r.out.find("GOLD\t");
  ASSERT_NE(line, std::string::npos) << r.out;
  const std::string report = r.out.substr(line, r.out.find('\n', line) - line);
  const std::string quoted = report.substr(report.rfind('\t') + 1);  // the sentence, last on the line
  EXPECT_EQ(quoted.rfind("Trong năm, Việt Nam và Nhật Bản", 0), 0u) << report;
  EXPECT_LT(quoted.size(), sentence.size()) << "the sentence was not cut: the test proves nothing";
  EXPECT_TRUE(indexer::IsValidUtf8(report)) << report;
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
