// indexer::DiscoveredEntities: discovered names become entities beside the
// gazetteer's. These cases are about names that several entities could
// share: a meeting's name without its ordinal, and a name cut after its head.

#include "indexer/discovered_entities.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace policygraph::indexer {
namespace {

using graph::Node;

class DiscoveredEntitiesTest : public ::testing::Test {
 protected:
  // The discovered entities of these texts, each text one document.
  std::vector<Node> Discovered(const std::vector<std::string>& texts) {
    DiscoveredEntities discovered(analyzer_, gazetteer_);
    for (const auto& text : texts) discovered.Add(DiscoverNames(text, analyzer_));
    std::vector<Node> out;
    for (auto& n : discovered.Merged()) {
      if (n.discovered) out.push_back(std::move(n));
    }
    return out;
  }

  static const Node* Holding(const std::vector<Node>& nodes, const std::string& name) {
    for (const auto& n : nodes) {
      for (const auto* names : {&n.names_en, &n.names_vi}) {
        if (std::find(names->begin(), names->end(), name) != names->end()) return &n;
      }
    }
    return nullptr;
  }

  static std::vector<std::string> Names(const std::vector<Node>& nodes) {
    std::vector<std::string> out;
    for (const auto& n : nodes) {
      for (const auto* names : {&n.names_en, &n.names_vi}) out.insert(out.end(), names->begin(), names->end());
    }
    return out;
  }

  Analyzer analyzer_;
  std::vector<Node> gazetteer_;
};

TEST_F(DiscoveredEntitiesTest, OneMeetingIsAlsoNamedWithoutItsOrdinal) {
  auto nodes = Discovered({"Các nước dự Hội nghị Năng lượng Khu vực lần thứ 41 tại Bali."});
  const Node* meeting = Holding(nodes, "Hội nghị Năng lượng Khu vực lần thứ 41");
  ASSERT_NE(meeting, nullptr) << ::testing::PrintToString(Names(nodes));
  EXPECT_EQ(meeting, Holding(nodes, "Hội nghị Năng lượng Khu vực"));
}

// Two meetings of one series share the name without an ordinal: it names
// neither, and they stay two entities.
TEST_F(DiscoveredEntitiesTest, TwoMeetingsOfASeriesStayApart) {
  auto nodes = Discovered({"Các nước dự Hội nghị Năng lượng Khu vực lần thứ 41 tại Bali.",
                           "Một năm sau, Hội nghị Năng lượng Khu vực lần thứ 42 diễn ra ở Viêng Chăn."});
  const Node* first = Holding(nodes, "Hội nghị Năng lượng Khu vực lần thứ 41");
  const Node* second = Holding(nodes, "Hội nghị Năng lượng Khu vực lần thứ 42");
  ASSERT_TRUE(first && second) << ::testing::PrintToString(Names(nodes));
  EXPECT_NE(first, second);
  EXPECT_EQ(Holding(nodes, "Hội nghị Năng lượng Khu vực"), nullptr);
}

// "ASEAN Consensus" after "ASEAN Consensus on the Protection …" is the same
// agreement, not a second one.
TEST_F(DiscoveredEntitiesTest, ANameCutAfterItsHeadJoinsTheLongName) {
  auto nodes = Discovered(
      {"Members adopted the Coral Consensus on the Protection of Reef Workers in 2017. Drafted on the basis of "
       "the Coral Consensus, the law abolished fees."});
  const Node* full = Holding(nodes, "Coral Consensus on the Protection of Reef Workers");
  ASSERT_NE(full, nullptr) << ::testing::PrintToString(Names(nodes));
  EXPECT_EQ(Holding(nodes, "Coral Consensus"), full) << ::testing::PrintToString(Names(nodes));
  EXPECT_EQ(nodes.size(), 1u) << ::testing::PrintToString(Names(nodes));
}

// A company's own one-word name is an entity; "Tập đoàn Alibaba" is also
// "Alibaba".
TEST_F(DiscoveredEntitiesTest, OneWordCompanyNamesAreKept) {
  auto nodes = Discovered({"Google đã rót vốn vào GoTo, tập đoàn công nghệ lớn nhất Indonesia. Tập đoàn Alibaba "
                           "rót thêm vốn vào Lazada, sàn thương mại điện tử lớn."});
  EXPECT_NE(Holding(nodes, "GoTo"), nullptr) << ::testing::PrintToString(Names(nodes));
  EXPECT_NE(Holding(nodes, "Lazada"), nullptr) << ::testing::PrintToString(Names(nodes));
  const Node* alibaba = Holding(nodes, "Alibaba");
  ASSERT_NE(alibaba, nullptr) << ::testing::PrintToString(Names(nodes));
  EXPECT_EQ(alibaba, Holding(nodes, "Tập đoàn Alibaba"));
}

}  // namespace
}  // namespace policygraph::indexer
