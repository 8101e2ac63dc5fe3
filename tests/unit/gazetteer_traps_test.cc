// The bundled gazetteer (corpus/gazetteer/) against the traps issue 4 names:
// the Indian Ocean is not India, the Pacific is not Thái Bình, cosmetics
// ("thẩm mỹ") hold no United States, and "Trung" alone is China only in a
// pairing such as "Mỹ - Trung". Sentences are our own.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "indexer/analyzer.h"
#include "indexer/entity_matcher.h"
#include "indexer/gazetteer.h"
#include "tests/support/test_support.h"

namespace policygraph::indexer {
namespace {

class GazetteerTrapsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    entities_ = new std::vector<graph::Node>();
    Status s = LoadGazetteer((testing::SourceDir() / "corpus" / "gazetteer").string(), entities_);
    ASSERT_TRUE(s.ok()) << s.message();
  }
  static void TearDownTestSuite() { delete entities_; }

  std::set<std::string> Ids(const std::string& text) const {
    EntityMatcher matcher(analyzer_, *entities_);
    std::set<std::string> ids;
    for (const auto& m : matcher.Find(text, analyzer_.Tokenize(text))) ids.insert(m.entity_id);
    return ids;
  }

  Analyzer analyzer_;
  static std::vector<graph::Node>* entities_;
};
std::vector<graph::Node>* GazetteerTrapsTest::entities_ = nullptr;

TEST_F(GazetteerTrapsTest, OceansAreNotCountries) {
  EXPECT_EQ(Ids("Tàu thuyền qua lại trên Ấn Độ Dương và Thái Bình Dương."), std::set<std::string>{});
  EXPECT_EQ(Ids("Cáp quang biển nối Ấn Độ Dương với châu Âu, còn Ấn Độ đầu tư vào cảng."),
            std::set<std::string>{"india"});
  EXPECT_EQ(Ids("Cables across the Indian Ocean reach India."), std::set<std::string>{"india"});
}

TEST_F(GazetteerTrapsTest, CosmeticsHoldNoUnitedStates) {
  EXPECT_EQ(Ids("Ngành thẩm mỹ và mỹ phẩm tăng trưởng nhanh."), std::set<std::string>{});
  EXPECT_EQ(Ids("Mỹ và Nhật Bản ký thỏa thuận."), (std::set<std::string>{"united-states", "japan"}));
}

TEST_F(GazetteerTrapsTest, TrungIsChinaOnlyInAPairing) {
  EXPECT_EQ(Ids("Cạnh tranh Mỹ - Trung ngày càng gay gắt."), (std::set<std::string>{"united-states", "china"}));
  EXPECT_EQ(Ids("Trung tâm dữ liệu miền Trung mở rộng."), std::set<std::string>{});
  EXPECT_EQ(Ids("Quan hệ Việt - Nhật phát triển."), (std::set<std::string>{"vietnam", "japan"}));
}

TEST_F(GazetteerTrapsTest, TextWithoutDiacriticsStillNamesCountries) {
  EXPECT_EQ(Ids("Trung Quoc va Han Quoc"), (std::set<std::string>{"china", "south-korea"}));
}

// The bare Vietnamese ministry names are Vietnam's; a partner's ministry is
// named with its country and, being longer, wins.
TEST_F(GazetteerTrapsTest, APartnersMinistryIsNotVietnams) {
  EXPECT_EQ(Ids("Bộ Ngoại giao Nhật Bản đã trao đổi với Bộ Ngoại giao."),
            (std::set<std::string>{"japan-mofa", "vietnam-mofa"}));
  EXPECT_EQ(Ids("Ngân hàng Nhà nước Lào và Ngân hàng Nhà nước ký biên bản."),
            (std::set<std::string>{"bank-of-lao-pdr", "sbv"}));
  EXPECT_EQ(Ids("The People's Bank of China and the Bank of China signed."),
            (std::set<std::string>{"pboc", "bank-of-china"}));
}

// A treaty named after a city is the treaty, not the city's country; the
// 1973 "Hiệp định Paris" is no climate agreement.
TEST_F(GazetteerTrapsTest, TreatiesNamedAfterCities) {
  EXPECT_EQ(Ids("Việt Nam thực hiện Thỏa thuận Paris về biến đổi khí hậu."),
            (std::set<std::string>{"vietnam", "paris-agreement"}));
  EXPECT_EQ(Ids("Parties to the Basel Convention met."), std::set<std::string>{"basel-convention"});
}

// Acronyms that are also ordinary terms have no row: a BOT contract is no
// Bank of Thailand, and "First" opening a sentence is no FIRST.
TEST_F(GazetteerTrapsTest, AcronymsThatAreCommonTermsMatchNothing) {
  EXPECT_EQ(Ids("Dự án BOT được ký kết."), std::set<std::string>{});
  EXPECT_EQ(Ids("First, the plan was approved."), std::set<std::string>{});
}

}  // namespace
}  // namespace policygraph::indexer
