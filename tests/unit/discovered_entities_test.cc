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

// With countries and a company in the gazetteer: what a country or a known
// name beside a discovered one does to it (docs/QUALITY.md, "Entity recall
// on unseen text").
class DiscoveredEntitiesWithGazetteerTest : public DiscoveredEntitiesTest {
 protected:
  void SetUp() override {
    auto add = [this](const std::string& id, const std::string& type, std::vector<std::string> en,
                      std::vector<std::string> vi) {
      Node n;
      n.id = id;
      n.type = type;
      n.names_en = std::move(en);
      n.names_vi = std::move(vi);
      gazetteer_.push_back(std::move(n));
    };
    add("china", "country", {"China"}, {"Trung Quốc"});
    add("singapore", "country", {"Singapore"}, {"Singapore"});
    add("vietnam", "country", {"Vietnam"}, {"Việt Nam"});
    add("evn", "organization", {"Vietnam Electricity", "EVN"}, {"Tập đoàn Điện lực Việt Nam", "EVN"});
    add("reef-ministers", "event", {"Reef Ministers' Meeting"}, {"Hội nghị Bộ trưởng Rạn san hô"});
    add("reef-act", "law", {"Reef Act"}, {});
  }
};

// "Ngoại trưởng Trung Quốc Vương Nghị": the country says whose minister.
TEST_F(DiscoveredEntitiesWithGazetteerTest, ACountryBeforeAPersonIsNotPartOfTheName) {
  auto nodes = Discovered({"Ngoại trưởng Trung Quốc Vương Nghị phê phán việc này.",
                           "Bộ trưởng Thương mại và Công nghiệp Singapore Gan Kim Yong nhiều lần nhấn mạnh."});
  EXPECT_NE(Holding(nodes, "Vương Nghị"), nullptr) << ::testing::PrintToString(Names(nodes));
  EXPECT_NE(Holding(nodes, "Gan Kim Yong"), nullptr) << ::testing::PrintToString(Names(nodes));
  EXPECT_EQ(Holding(nodes, "Trung Quốc Vương Nghị"), nullptr);
  // A two-word name after a country is left whole: too short to tell.
  nodes = Discovered({"Tổng thống Singapore Tharman phát biểu."});
  EXPECT_EQ(Holding(nodes, "Tharman"), nullptr) << ::testing::PrintToString(Names(nodes));
}

// "Bộ … Việt Nam về quản lý nước thông minh": the body ends with its country.
TEST_F(DiscoveredEntitiesWithGazetteerTest, ABodyEndsWithItsCountryBeforeVe) {
  auto nodes = Discovered({"K-water ký bản ghi nhớ với Bộ Tài nguyên và Môi trường Việt Nam về quản lý nước thông "
                           "minh tại Đồng bằng sông Cửu Long."});
  EXPECT_NE(Holding(nodes, "Bộ Tài nguyên và Môi trường Việt Nam"), nullptr) << ::testing::PrintToString(Names(nodes));
  // "về" before a capitalised topic stays in the name.
  nodes = Discovered({"Ủy ban Việt Nam về Hợp tác Mekong đã họp."});
  EXPECT_NE(Holding(nodes, "Ủy ban Việt Nam về Hợp tác Mekong"), nullptr) << ::testing::PrintToString(Names(nodes));
}

// A resolution is cited by its number; a title up to "về" is a variant.
TEST_F(DiscoveredEntitiesWithGazetteerTest, ShortFormsOfNumberedAndLongTitles) {
  auto nodes = Discovered({"Chính phủ ban hành Nghị quyết số 120/NQ-CP năm 2017 về phát triển bền vững Đồng bằng "
                           "sông Cửu Long thích ứng với biến đổi khí hậu.",
                           "Các bên ra Tuyên bố sông Hàn về quan hệ đối tác vì con người, thịnh vượng và hòa bình."});
  const Node* resolution = Holding(nodes, "Nghị quyết số 120/NQ-CP");
  ASSERT_NE(resolution, nullptr) << ::testing::PrintToString(Names(nodes));
  EXPECT_EQ(resolution->type, "law");
  EXPECT_NE(Holding(nodes, "Tuyên bố sông Hàn"), nullptr) << ::testing::PrintToString(Names(nodes));
}

// "EVN International" is not EVN; "COP27" is a meeting of its own.
TEST_F(DiscoveredEntitiesWithGazetteerTest, SubsidiariesAndNumberedConferences) {
  auto nodes = Discovered({"Đập do liên doanh giữa Hydrolancang International Energy, Tập đoàn Royal Group và EVN "
                           "International, lần lượt của ba nước, xây dựng.",
                           "At COP27, hosted by Egypt, the parties agreed."});
  const Node* subsidiary = Holding(nodes, "EVN International");
  ASSERT_NE(subsidiary, nullptr) << ::testing::PrintToString(Names(nodes));
  EXPECT_EQ(subsidiary->type, "organization");
  EXPECT_NE(Holding(nodes, "COP27"), nullptr) << ::testing::PrintToString(Names(nodes));
  // The known company written out with its Vietnamese head stays the known one.
  nodes = Discovered({"Tập đoàn Điện lực Việt Nam EVN cho biết."});
  EXPECT_EQ(Holding(nodes, "Tập đoàn Điện lực Việt Nam EVN"), nullptr) << ::testing::PrintToString(Names(nodes));
}

// "58th … Meeting", "Hội nghị … lần thứ 43" of a series the gazetteer
// knows: one meeting, an entity of its own; the series keeps its name.
TEST_F(DiscoveredEntitiesWithGazetteerTest, ANumberedMeetingOfAKnownSeriesIsItsOwnEvent) {
  auto nodes = Discovered({"Singapore hosted the 12th Reef Ministers' Meeting in July.",
                           "Hội nghị Bộ trưởng Rạn san hô lần thứ 13 diễn ra tại Việt Nam."});
  const Node* english = Holding(nodes, "12th Reef Ministers' Meeting");
  const Node* vietnamese = Holding(nodes, "Hội nghị Bộ trưởng Rạn san hô lần thứ 13");
  ASSERT_TRUE(english && vietnamese) << ::testing::PrintToString(Names(nodes));
  EXPECT_EQ(english->type, "event");
  EXPECT_NE(english, vietnamese);
  EXPECT_EQ(Holding(nodes, "Reef Ministers' Meeting"), nullptr) << ::testing::PrintToString(Names(nodes));
  // The series named without an ordinal is the gazetteer's, as before.
  EXPECT_TRUE(Discovered({"Hội nghị Bộ trưởng Rạn san hô diễn ra tại Việt Nam."}).empty());
}

// "European Chips Act" beside a known "CHIPS Act": a capitalised qualifier
// names another law; a country before it names the known law's owner.
TEST_F(DiscoveredEntitiesWithGazetteerTest, AQualifiedNameOfAKnownLawIsAnotherLaw) {
  auto nodes = Discovered({"In 2023 the European Reef Act entered into force."});
  const Node* european = Holding(nodes, "European Reef Act");
  ASSERT_NE(european, nullptr) << ::testing::PrintToString(Names(nodes));
  EXPECT_EQ(european->type, "law");
  EXPECT_EQ(Holding(nodes, "Reef Act"), nullptr);
  EXPECT_TRUE(Discovered({"In 2023 the Singapore Reef Act entered into force."}).empty());
}

}  // namespace
}  // namespace policygraph::indexer
