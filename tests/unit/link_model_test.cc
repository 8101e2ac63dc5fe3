// indexer::LinkModel: training learns a separable rule, the model file
// round-trips, and a corrupt or missing file is refused.

#include "indexer/link_model.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "tests/support/test_support.h"

namespace policygraph::indexer {
namespace {

// Pairs with "between:adopt" are enactments from the earlier entity,
// pairs with "between:with" cooperation, the rest nothing; "w:noise" comes
// with every label alike.
std::vector<LinkExample> SeparableSet() {
  std::vector<LinkExample> out;
  for (int i = 0; i < 20; ++i) {
    out.push_back({{"bias", "between:adopt", "w:noise"}, LinkLabelIndex("enactment>")});
    out.push_back({{"bias", "between:with", "w:noise"}, LinkLabelIndex("cooperation")});
    out.push_back({{"bias", "between:said", "w:noise"}, 0});
    out.push_back({{"bias", "w:noise"}, 0});
  }
  return out;
}

TEST(LinkModelTest, LabelsAreNoneThenRelationsWithDirection) {
  EXPECT_EQ(LinkLabels()[0], "none");
  EXPECT_EQ(LinkLabelIndex("none"), 0);
  EXPECT_GT(LinkLabelIndex("cooperation"), 0);
  EXPECT_GT(LinkLabelIndex("basis<"), 0);
  EXPECT_EQ(LinkLabelIndex("cooperation>"), -1);  // cooperation has no direction
  EXPECT_EQ(LinkLabelIndex("co_mention"), -1);
}

TEST(LinkModelTest, TrainingLearnsASeparableRule) {
  LinkModel m = LinkModel::Train(SeparableSet(), {});
  EXPECT_EQ(m.Decide({"bias", "between:adopt", "w:noise"}), "enactment>");
  EXPECT_EQ(m.Decide({"bias", "between:with", "w:noise"}), "cooperation");
  EXPECT_EQ(m.Decide({"bias", "between:said", "w:noise"}), "");
  EXPECT_EQ(m.Decide({"bias", "w:noise"}), "");
  std::vector<double> p = m.Probabilities({"bias", "between:adopt"});
  EXPECT_GT(p[LinkLabelIndex("enactment>")], 0.8);
  double sum = 0;
  for (double v : p) sum += v;
  EXPECT_NEAR(sum, 1.0, 1e-9);
}

TEST(LinkModelTest, OmittedFamiliesAreNotLearned) {
  // Only the word tells the labels apart; with words left out, it cannot.
  std::vector<LinkExample> set;
  for (int i = 0; i < 20; ++i) {
    set.push_back({{"bias", "w:adopted"}, LinkLabelIndex("enactment>")});
    set.push_back({{"bias", "w:said"}, 0});
  }
  LinkTrainOptions with_words;
  EXPECT_EQ(LinkModel::Train(set, with_words).Decide({"bias", "w:adopted"}), "enactment>");
  LinkTrainOptions without;
  without.omit = {"w:"};
  LinkModel m = LinkModel::Train(set, without);
  EXPECT_EQ(m.feature_count(), 1u);
  EXPECT_EQ(m.Probabilities({"bias", "w:adopted"}), m.Probabilities({"bias", "w:said"}));
}

TEST(LinkModelTest, StrongerRegularisationGivesLessConfidentModels) {
  LinkTrainOptions loose, tight;
  loose.l2 = 1e-4;
  tight.l2 = 1.0;
  const std::vector<std::string> x = {"bias", "between:adopt", "w:noise"};
  const int label = LinkLabelIndex("enactment>");
  EXPECT_GT(LinkModel::Train(SeparableSet(), loose).Probabilities(x)[label],
            LinkModel::Train(SeparableSet(), tight).Probabilities(x)[label]);
}

TEST(LinkModelTest, ModelFileRoundTrips) {
  LinkTrainOptions options;
  options.omit = {"r:"};
  options.threshold = 0.35;
  options.veto = 0.85;
  LinkModel m = LinkModel::Train(SeparableSet(), options);
  testing::TempDir dir;
  const std::string path = (dir.path() / "links.model").string();
  ASSERT_TRUE(m.Save(path).ok());
  LinkModel loaded;
  Status s = LinkModel::Load(path, &loaded);
  ASSERT_TRUE(s.ok()) << s.message();
  EXPECT_DOUBLE_EQ(loaded.threshold(), 0.35);
  EXPECT_DOUBLE_EQ(loaded.veto(), 0.85);
  EXPECT_EQ(loaded.Serialize(), m.Serialize());
  for (const std::vector<std::string>& x : std::vector<std::vector<std::string>>{
           {"bias", "between:adopt"}, {"bias", "between:with", "r:label=none"}, {"bias"}}) {
    std::vector<double> a = m.Probabilities(x), b = loaded.Probabilities(x);
    for (size_t c = 0; c < a.size(); ++c) EXPECT_NEAR(a[c], b[c], 1e-7);
    EXPECT_EQ(m.Decide(x), loaded.Decide(x));
    EXPECT_EQ(m.Judge(x).label, m.Decide(x));
    EXPECT_NEAR(m.Judge(x).none, a[0], 1e-12);
  }
}

TEST(LinkModelTest, CorruptFilesAreRefused) {
  const std::string good = LinkModel::Train(SeparableSet(), {}).Serialize();
  LinkModel out;
  ASSERT_TRUE(LinkModel::Parse(good, &out).ok());
  // The line edits below are meant to be the only fault: twelve plain weights parse.
  ASSERT_EQ(LinkLabels().size(), 12u);
  auto replaced = [&](const std::string& from, const std::string& to) {
    std::string t = good;
    size_t at = t.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    return t.replace(at, from.size(), to);
  };
  const size_t first_feature = good.find("\nbetween:adopt\t");
  ASSERT_NE(first_feature, std::string::npos);
  // The line of "between:adopt" with other weights.
  auto weights = [&](const std::string& w) {
    std::string t = good;
    const size_t from = first_feature + std::string("\nbetween:adopt\t").size();
    return t.replace(from, t.find('\n', from) - from, w);
  };
  const std::vector<std::pair<std::string, std::string>> corrupt = {
      {"empty", ""},
      {"other version", replaced("policygraph-link-model 2", "policygraph-link-model 1")},
      {"other labels", replaced("labels none cooperation", "labels none partnership")},
      {"truncated", good.substr(0, good.size() - 4)},
      {"cut mid-features", good.substr(0, first_feature + 1)},
      {"threshold not a number", replaced("threshold 0.5", "threshold half")},
      {"no veto", replaced("veto 1\n", "")},
      {"veto outside [0, 1]", replaced("veto 1\n", "veto 1.5\n")},
      {"weight not a number", replaced("between:adopt\t", "between:adopt\tx")},
      {"weight not finite", weights("nan 0 0 0 0 0 0 0 0 0 0 0")},
      {"plain weights (control: must parse)", weights("0 0 0 0 0 0 0 0 0 0 0 0")},
      {"weight infinite", weights("0 0 0 inf 0 0 0 0 0 0 0 0")},
      {"a weight missing", weights("0 0 0 0 0 0 0 0 0 0 0")},
      {"a weight too many", weights("0 0 0 0 0 0 0 0 0 0 0 0 0")},
  };
  for (const auto& [what, text] : corrupt) {
    Status s = LinkModel::Parse(text, &out);
    if (what.rfind("plain weights", 0) == 0) {
      EXPECT_TRUE(s.ok()) << s.message();
      continue;
    }
    EXPECT_FALSE(s.ok()) << what;
    EXPECT_EQ(s.code(), Status::Code::kCorruption) << what << ": " << s.message();
  }
  testing::TempDir dir;
  Status missing = LinkModel::Load((dir.path() / "absent.model").string(), &out);
  EXPECT_FALSE(missing.ok());
  EXPECT_NE(missing.message().find("absent.model"), std::string::npos);
}

}  // namespace
}  // namespace policygraph::indexer
