// Framework names in legal and policy style (docs/QUALITY.md, "Framework
// names"): instruments cited by number, a law's version in its name, and
// Vietnamese titles in sentence case. Every sentence is written for this
// test. Each rule has cases where it must find the name and cases where the
// same words are no name, in both languages where it applies.

#include <gtest/gtest.h>

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "indexer/discovered_entities.h"
#include "indexer/entity_discovery.h"
#include "tests/support/discovered_names.h"

namespace policygraph::indexer {
namespace {

using testing::AllNames;
using testing::Named;

using graph::Node;

class FrameworkNamesTest : public ::testing::Test {
 protected:
  std::vector<DiscoveredName> Discover(const std::string& text) { return DiscoverNames(text, analyzer_); }

  static bool AllNamesWithout(const std::vector<DiscoveredName>& names, const std::string& word) {
    return std::none_of(names.begin(), names.end(),
                        [&](const DiscoveredName& n) { return n.name.find(word) != std::string::npos; });
  }

  static bool Has(const std::vector<std::string>& list, const std::string& s) {
    return std::find(list.begin(), list.end(), s) != list.end();
  }

  // The discovered entities of these texts, each text one document.
  std::vector<Node> Entities(const std::vector<std::string>& texts) {
    DiscoveredEntities discovered(analyzer_, gazetteer_);
    for (const auto& text : texts) discovered.Add(DiscoverNames(text, analyzer_));
    return discovered.Merged();
  }

  static const Node* Holding(const std::vector<Node>& nodes, const std::string& name) {
    for (const auto& n : nodes) {
      if (Has(n.names_en, name) || Has(n.names_vi, name)) return &n;
    }
    return nullptr;
  }

  Analyzer analyzer_;
  std::vector<Node> gazetteer_;
};

// ---- numbered instruments (numbered_instruments.h)

TEST_F(FrameworkNamesTest, VietnameseInstrumentEndsWithItsNumber) {
  const auto names = Discover("Từ tháng 8, Nghị quyết 212/NQ-CP kéo dài thời hạn lưu trú cho khách quốc tế.");
  const auto n = Named(names, "Nghị quyết 212/NQ-CP");
  ASSERT_TRUE(n) << ::testing::PrintToString(AllNames(names));
  EXPECT_EQ(n->type, "law");
}

TEST_F(FrameworkNamesTest, VietnameseInstrumentWithSoAndSubject) {
  const auto names = Discover("Jakarta ban hành Sắc lệnh số 77 về năng lượng tái tạo và gửi lên quốc hội.");
  const auto n = Named(names, "Sắc lệnh số 77 về năng lượng tái tạo");
  ASSERT_TRUE(n) << ::testing::PrintToString(AllNames(names));
  EXPECT_TRUE(Has(n->aliases, "Sắc lệnh số 77"));
  EXPECT_TRUE(Has(n->aliases, "Sắc lệnh 77"));
  const auto scheme = Discover("Đề án 517 hỗ trợ doanh nghiệp nhỏ, do bộ điều hành.");
  EXPECT_TRUE(Named(scheme, "Đề án 517")) << ::testing::PrintToString(AllNames(scheme));
}

TEST_F(FrameworkNamesTest, VietnameseNumberThatIsNoInstrumentNumber) {
  // A duration and a period after a head are no numbers of it.
  const auto names = Discover("Tỉnh lập Kế hoạch 5 năm cho ngành du lịch. Kế hoạch 2021-2025 về du lịch được thông qua.");
  EXPECT_FALSE(Named(names, "Kế hoạch 5")) << ::testing::PrintToString(AllNames(names));
  EXPECT_FALSE(Named(names, "Kế hoạch 2021-2025")) << ::testing::PrintToString(AllNames(names));
}

TEST_F(FrameworkNamesTest, EnglishInstrumentsByNumber) {
  const auto names = Discover(
      "Manila relied on Law No. 7 of 2003 on Mining and Quarrying, which parliament passed. "
      "The minister approved Decision 412/QD-TTg in May. Under Decree 55/2024/ND-CP, platforms collect tax. "
      "The Security Council adopted Resolution 2718 in December.");
  const auto law = Named(names, "Law No. 7 of 2003 on Mining and Quarrying");
  ASSERT_TRUE(law) << ::testing::PrintToString(AllNames(names));
  EXPECT_TRUE(Has(law->aliases, "Law No. 7 of 2003"));
  EXPECT_TRUE(Has(law->aliases, "Law 7 of 2003"));
  EXPECT_TRUE(Named(names, "Decision 412/QD-TTg")) << ::testing::PrintToString(AllNames(names));
  EXPECT_TRUE(Named(names, "Decree 55/2024/ND-CP")) << ::testing::PrintToString(AllNames(names));
  const auto resolution = Named(names, "Resolution 2718");
  ASSERT_TRUE(resolution) << ::testing::PrintToString(AllNames(names));
  EXPECT_EQ(resolution->type, "law");
}

TEST_F(FrameworkNamesTest, EnglishNumberThatIsNoInstrumentNumber) {
  // A small number without "No." is a part of a text; a year is the law's year.
  const auto names = Discover("Under Decision 2 of the committee, members report yearly. It adopted the Order 1999 text.");
  for (const auto& n : names) {
    EXPECT_EQ(n.name.find("Decision 2"), std::string::npos) << n.name;
    EXPECT_EQ(n.name.find("Order 1999"), std::string::npos) << n.name;
  }
}

TEST_F(FrameworkNamesTest, FormsWithAndWithoutSoMeetInOneEntity) {
  const auto nodes = Entities({"Chính phủ ban hành Nghị định số 31/2024/NĐ-CP về quản lý cảng cạn.",
                               "Theo Nghị định 31/2024/NĐ-CP, doanh nghiệp phải đăng ký."});
  const Node* with = Holding(nodes, "Nghị định số 31/2024/NĐ-CP về quản lý cảng cạn");
  ASSERT_NE(with, nullptr);
  EXPECT_EQ(with, Holding(nodes, "Nghị định 31/2024/NĐ-CP"));
  const auto english = Entities({"It follows Decree No. 31/2024/ND-CP on dry ports.", "Decree 31/2024/ND-CP applies."});
  ASSERT_NE(Holding(english, "Decree No. 31/2024/ND-CP"), nullptr);
  EXPECT_EQ(Holding(english, "Decree No. 31/2024/ND-CP"), Holding(english, "Decree 31/2024/ND-CP"));
}

TEST_F(FrameworkNamesTest, IssuerAcronymInsideTheNumberKeepsTheInstrument) {
  Node bank;
  bank.id = "sbv";
  bank.type = "organization";
  bank.names_en = {"State Bank of Vietnam", "NHNN"};
  bank.names_vi = {"Ngân hàng Nhà nước Việt Nam", "NHNN"};
  gazetteer_.push_back(bank);
  const auto nodes = Entities({"Cơ quan này ban hành Quyết định 1810/QĐ-NHNN, bắt buộc xác thực khuôn mặt."});
  const Node* decision = Holding(nodes, "Quyết định 1810/QĐ-NHNN");
  ASSERT_NE(decision, nullptr);
  EXPECT_NE(decision->id, "sbv");
}

// ---- versions (instrument_versions.h)

TEST_F(FrameworkNamesTest, YearEndsAVietnameseLaw) {
  const auto names = Discover("Luật Đa dạng sinh học năm 2008 từng là nền tảng của ngành.");
  const auto n = Named(names, "Luật Đa dạng sinh học năm 2008");
  ASSERT_TRUE(n) << ::testing::PrintToString(AllNames(names));
  EXPECT_TRUE(Has(n->variants, "Luật Đa dạng sinh học"));
}

TEST_F(FrameworkNamesTest, AmendmentIsPartOfAVietnameseLaw) {
  const auto names = Discover(
      "Quốc hội thông qua Luật Đa dạng sinh học (sửa đổi), có hiệu lực từ năm sau. "
      "Luật Thủy lợi sửa đổi, có hiệu lực từ tháng 7. Bộ luật Lao động sửa đổi năm 2019 nâng tuổi nghỉ hưu.");
  EXPECT_TRUE(Named(names, "Luật Đa dạng sinh học (sửa đổi)")) << ::testing::PrintToString(AllNames(names));
  EXPECT_TRUE(Named(names, "Luật Thủy lợi sửa đổi")) << ::testing::PrintToString(AllNames(names));
  EXPECT_TRUE(Named(names, "Bộ luật Lao động sửa đổi năm 2019")) << ::testing::PrintToString(AllNames(names));
}

TEST_F(FrameworkNamesTest, AmendAsAVerbIsNoVersion) {
  const auto names = Discover("Luật Thủy lợi sửa đổi quy định về phí dịch vụ.");
  EXPECT_FALSE(Named(names, "Luật Thủy lợi sửa đổi")) << ::testing::PrintToString(AllNames(names));
  EXPECT_TRUE(Named(names, "Luật Thủy lợi")) << ::testing::PrintToString(AllNames(names));
}

TEST_F(FrameworkNamesTest, EnglishAmendmentActAndPeriod) {
  const auto names = Discover(
      "Parliament passed the Mining (Amendment) Act 2024 last year. "
      "Ottawa's Indo-Pacific Strategy 2022–2032 funds partners.");
  const auto act = Named(names, "Mining (Amendment) Act 2024");
  ASSERT_TRUE(act) << ::testing::PrintToString(AllNames(names));
  EXPECT_EQ(act->type, "law");
  EXPECT_TRUE(Named(names, "Ottawa's Indo-Pacific Strategy 2022–2032")) << ::testing::PrintToString(AllNames(names));
  // "(Amendment)" before a word that heads no law is no act.
  EXPECT_TRUE(AllNamesWithout(Discover("The Mining (Amendment) Bill failed."), "Amendment"));
}

TEST_F(FrameworkNamesTest, TwoVersionsStayTwoAndTheShortFormFindsTheOnlyOne) {
  const auto two = Entities({"Luật Đa dạng sinh học năm 2008 được thay bằng Luật Đa dạng sinh học (sửa đổi), có hiệu lực."});
  const Node* old_law = Holding(two, "Luật Đa dạng sinh học năm 2008");
  const Node* new_law = Holding(two, "Luật Đa dạng sinh học (sửa đổi)");
  ASSERT_NE(old_law, nullptr);
  ASSERT_NE(new_law, nullptr);
  EXPECT_NE(old_law, new_law);
  EXPECT_EQ(Holding(two, "Luật Đa dạng sinh học"), nullptr);
  const auto one = Entities({"Competition Act 2004 set up a regulator. The Competition Act also bans cartels."});
  const Node* act = Holding(one, "Competition Act 2004");
  ASSERT_NE(act, nullptr);
  EXPECT_EQ(act, Holding(one, "Competition Act"));
}

// ---- sentence-case titles (sentence_case_titles.h)

TEST_F(FrameworkNamesTest, TitleUpToItsTimeScope) {
  const auto names = Discover(
      "Năm 2012, Thủ tướng phê duyệt Chiến lược phát triển ngành đường sắt và đường thủy nội địa đến năm 2030, giao bộ chủ trì. "
      "Đề án đào tạo, bồi dưỡng cán bộ ngoại giao giai đoạn 2021 - 2025, tầm nhìn đến năm 2035 được thông qua.");
  const auto strategy = Named(names, "Chiến lược phát triển ngành đường sắt và đường thủy nội địa đến năm 2030");
  ASSERT_TRUE(strategy) << ::testing::PrintToString(AllNames(names));
  EXPECT_EQ(strategy->type, "strategy");
  EXPECT_TRUE(Named(names, "Đề án đào tạo, bồi dưỡng cán bộ ngoại giao giai đoạn 2021 - 2025, tầm nhìn đến năm 2035"))
      << ::testing::PrintToString(AllNames(names));
}

TEST_F(FrameworkNamesTest, ScopeAfterAClauseIsNoTitle) {
  // "này" (this) and "được" start the clause before the year.
  const auto names = Discover("Kế hoạch này kéo dài đến năm 2030. Chương trình được gia hạn đến năm 2027.");
  EXPECT_TRUE(names.empty()) << ::testing::PrintToString(AllNames(names));
}

TEST_F(FrameworkNamesTest, TreatyNamedByItsSubject) {
  const auto names = Discover(
      "Việt Nam gia nhập Công ước năm 1971 về các vùng đất ngập nước từ năm 1989 và đã có chín khu Ramsar. "
      "Hà Nội phê chuẩn Công ước về bảo vệ quyền của người lao động di cư và thành viên gia đình họ năm 1990, mà "
      "nhiều nước chưa tham gia. Hai nước ký Hiệp định Dẫn độ giữa Việt Nam và Canada được ký năm 2019.");
  EXPECT_TRUE(Named(names, "Công ước năm 1971 về các vùng đất ngập nước")) << ::testing::PrintToString(AllNames(names));
  EXPECT_TRUE(Named(names, "Hiệp định Dẫn độ giữa Việt Nam và Canada")) << ::testing::PrintToString(AllNames(names));
}

TEST_F(FrameworkNamesTest, SubjectWithoutAClearEndIsNoTitle) {
  // The subject runs on past the limit with no mark: the sentence went on.
  const auto names = Discover(
      "Hiệp định về cơ bản đã hoàn tất. Công ước về việc các nước cần chia sẻ dữ liệu thời tiết thường xuyên hơn "
      "giữa các cơ quan khí tượng thủy văn của khu vực và các đối tác phát triển quốc tế lớn nhất hiện nay");
  for (const auto& n : names) EXPECT_LT(n.name.size(), 60u) << n.name;
}

TEST_F(FrameworkNamesTest, PlanImplementingAFrameworkAndTitleUpToItsAcronym) {
  const auto names = Discover(
      "Bộ ban hành Kế hoạch thực hiện Quy hoạch tổng thể quốc gia; các tỉnh triển khai ngay. "
      "Hai nước tài trợ Chương trình Hợp tác nghiên cứu biển vì phát triển bền vững (MARES) từ năm 2020. "
      "Chương trình cung cấp các khóa học về dữ liệu cho 300 cán bộ (ToT) kết thúc.");
  EXPECT_TRUE(Named(names, "Kế hoạch thực hiện Quy hoạch tổng thể quốc gia")) << ::testing::PrintToString(AllNames(names));
  const auto programme = Named(names, "Chương trình Hợp tác nghiên cứu biển vì phát triển bền vững");
  ASSERT_TRUE(programme) << ::testing::PrintToString(AllNames(names));
  EXPECT_TRUE(Has(programme->aliases, "MARES"));
  for (const auto& n : names) EXPECT_EQ(n.name.find("cung cấp"), std::string::npos) << n.name;
}

TEST_F(FrameworkNamesTest, LawNamedByAListOfFields) {
  const auto names = Discover("Quốc hội thông qua Luật Thủy sản, nuôi trồng và chế biến, thay thế luật cũ.");
  EXPECT_TRUE(Named(names, "Luật Thủy sản, nuôi trồng và chế biến")) << ::testing::PrintToString(AllNames(names));
  // Without "và" closing the list it is the sentence's list.
  const auto list = Discover("Quốc hội thông qua Luật Thủy sản, sau đó bàn tiếp.");
  EXPECT_TRUE(Named(list, "Luật Thủy sản")) << ::testing::PrintToString(AllNames(list));
}

}  // namespace
}  // namespace policygraph::indexer
