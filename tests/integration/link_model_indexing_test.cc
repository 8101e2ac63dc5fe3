// The trained link classifier in the indexer (IndexOptions::link_model,
// indexer/model_links.h): its links join the rules', its veto drops a rule's
// link, and a missing or corrupt model fails the run before anything is
// written. The models here are written by hand, one "bias" feature each, so
// that what they decide is known.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>

#include "graph/graph_store.h"
#include "indexer/corpus_indexer.h"
#include "indexer/link_model.h"
#include "tests/support/test_support.h"

namespace policygraph {
namespace {

namespace fs = std::filesystem;
using testing::TempDir;
using testing::WriteFile;

// A model whose only feature, present in every candidate, gives each label
// the weight in `weights` (12 numbers, LinkLabels() order).
std::string BiasModel(const std::string& weights, double veto) {
  std::string labels;
  for (const auto& l : indexer::LinkLabels()) labels += " " + l;
  return "policygraph-link-model 2\nlabels" + labels + "\nthreshold 0.5\nveto " + std::to_string(veto) +
         "\nomit r:\nfeatures 1\nbias\t" + weights + "\nend\n";
}

class LinkModelIndexingTest : public ::testing::Test {
 protected:
  void SetUp() override {
    WriteFile(dir_.path() / "gazetteer.tsv",
              "vietnam\tcountry\t-\tVietnam\tViệt Nam\t-\n"
              "japan\tcountry\t-\tJapan\tNhật Bản\t-\n");
    // Two sentences: one the rules read as cooperation, one they read as a
    // mere co-mention (no trigger word).
    WriteFile(dir_.path() / "texts" / "a.md",
              "Việt Nam hợp tác với Nhật Bản về an ninh mạng.\n\nNhật Bản và Việt Nam đều có mặt trong danh sách.\n");
  }

  Status Index(const std::string& model, const std::string& data) {
    indexer::IndexOptions options;
    options.data_dir = data;
    options.gazetteer = (dir_.path() / "gazetteer.tsv").string();
    options.link_model = model;
    indexer::IndexReport report;
    return indexer::IndexCorpus({(dir_.path() / "texts").string()}, options, &report);
  }

  // Relations between vietnam and japan, with their evidence counts.
  std::vector<std::pair<std::string, uint32_t>> Links(const std::string& data) {
    std::unique_ptr<graph::GraphStore> store;
    graph::GraphStoreOptions read_only;
    read_only.read_only = true;
    EXPECT_TRUE(graph::GraphStore::Open(data + "/graph", read_only, &store).ok());
    std::vector<std::pair<std::string, uint32_t>> out;
    if (!store) return out;
    for (const auto& e : store->EdgesOf("vietnam")) {
      if (e.key.source == "japan" || e.key.target == "japan") out.emplace_back(e.key.relation, e.evidence_count);
    }
    std::sort(out.begin(), out.end());
    return out;
  }

  std::string Model(const std::string& name, const std::string& text) {
    const fs::path path = dir_.path() / name;
    WriteFile(path, text);
    return path.string();
  }

  TempDir dir_;
};

TEST_F(LinkModelIndexingTest, WithoutAModelTheRulesAlone) {
  TempDir data;
  ASSERT_TRUE(Index("", data.str()).ok());
  EXPECT_EQ(Links(data.str()), (std::vector<std::pair<std::string, uint32_t>>{{"co_mention", 1}, {"cooperation", 1}}));
}

TEST_F(LinkModelIndexingTest, TheModelsLinksJoinTheRules) {
  // Cooperation at e^5 / (e^5 + 11) ≈ 0.93 for every pair.
  const std::string model = Model("coop.model", BiasModel("0 5 0 0 0 0 0 0 0 0 0 0", 1.0));
  TempDir data;
  Status s = Index(model, data.str());
  ASSERT_TRUE(s.ok()) << s.message();
  // The second sentence is now cooperation too; the first one stays one
  // sentence of evidence (the rules drew the same link).
  EXPECT_EQ(Links(data.str()), (std::vector<std::pair<std::string, uint32_t>>{{"cooperation", 2}}));
}

TEST_F(LinkModelIndexingTest, TheModelsVetoDropsARulesLink) {
  // "No link" at e^9 / (e^9 + 11) ≈ 0.9986, at least the veto of 0.9.
  const std::string model = Model("none.model", BiasModel("9 0 0 0 0 0 0 0 0 0 0 0", 0.9));
  TempDir data;
  Status s = Index(model, data.str());
  ASSERT_TRUE(s.ok()) << s.message();
  EXPECT_EQ(Links(data.str()), (std::vector<std::pair<std::string, uint32_t>>{{"co_mention", 2}}));
  // With a veto of 1 the same model leaves the rules' link.
  const std::string lenient = Model("lenient.model", BiasModel("9 0 0 0 0 0 0 0 0 0 0 0", 1.0));
  TempDir data2;
  ASSERT_TRUE(Index(lenient, data2.str()).ok());
  EXPECT_EQ(Links(data2.str()), (std::vector<std::pair<std::string, uint32_t>>{{"co_mention", 1}, {"cooperation", 1}}));
}

TEST_F(LinkModelIndexingTest, AMissingOrCorruptModelFailsTheRunAndLeavesTheIndex) {
  TempDir data;
  ASSERT_TRUE(Index("", data.str()).ok());
  const auto before = Links(data.str());

  Status s = Index((dir_.path() / "no-such.model").string(), data.str());
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find("no-such.model"), std::string::npos) << s.message();

  std::string corrupt = BiasModel("0 5 0 0 0 0 0 0 0 0 0 0", 1.0);
  corrupt.resize(corrupt.size() - 4);  // no "end"
  s = Index(Model("cut.model", corrupt), data.str());
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find("cut.model"), std::string::npos) << s.message();
  EXPECT_EQ(Links(data.str()), before);
}

// The shipped model loads, and says what it was trained with.
TEST(ShippedLinkModelTest, LoadsWithItsSettings) {
  indexer::LinkModel model;
  const auto path = testing::SourceDir() / "corpus" / "models" / "links.model";
  Status s = indexer::LinkModel::Load(path.string(), &model);
  ASSERT_TRUE(s.ok()) << s.message();
  EXPECT_DOUBLE_EQ(model.threshold(), 0.6);
  EXPECT_DOUBLE_EQ(model.veto(), 0.9);
  EXPECT_GT(model.feature_count(), 1000u);
}

}  // namespace
}  // namespace policygraph
