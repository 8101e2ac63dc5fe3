// Foreign names without a head word (indexer/discovery/foreign_names.h),
// through indexer::DiscoverNames. Every sentence here is written for this
// test; the company and person names are made up. What matters: a bare
// foreign name is an organisation or a person only when its suffix or its
// context says so, and places, products and Vietnamese words are not.

#include "indexer/discovery/foreign_names.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "indexer/entity_discovery.h"

namespace policygraph::indexer {
namespace {

class ForeignNamesTest : public ::testing::Test {
 protected:
  std::vector<DiscoveredName> Discover(const std::string& text) { return DiscoverNames(text, analyzer_); }

  std::optional<DiscoveredName> Find(const std::string& text, const std::string& name) {
    for (const auto& n : Discover(text)) {
      if (n.name == name) return n;
    }
    return std::nullopt;
  }

  std::string All(const std::string& text) {
    std::string out;
    for (const auto& n : Discover(text)) out += "[" + n.name + " " + n.type + "] ";
    return out;
  }

  Analyzer analyzer_;
};

TEST(VietnameseSyllableTest, SyllableShapes) {
  using discovery::CouldBeVietnameseSyllable;
  for (const char* w : {"nam", "long", "thai", "nghieng", "quang", "huong", "a", "khuya", "gia"}) {
    EXPECT_TRUE(CouldBeVietnameseSyllable(w)) << w;
  }
  for (const char* w : {"lab", "meta", "rocket", "zenova", "wex", "kraft", "bolts", "corvex", "ist"}) {
    EXPECT_FALSE(CouldBeVietnameseSyllable(w)) << w;
  }
}

TEST_F(ForeignNamesTest, CompanySuffixInEitherLanguage) {
  auto n = Find("Năm ngoái, Kestrel Harbour Holdings mua lại bến số 3.", "Kestrel Harbour Holdings");
  ASSERT_TRUE(n) << All("Năm ngoái, Kestrel Harbour Holdings mua lại bến số 3.");
  EXPECT_EQ(n->type, "organization");
  EXPECT_LT(n->confidence, 0.7);  // below head-word names
  EXPECT_GE(n->confidence, 0.5);  // but an entity
  n = Find("The plant was sold to Norvale Shipping Lines in 2021.", "Norvale Shipping Lines");
  ASSERT_TRUE(n);
  EXPECT_EQ(n->type, "organization");
  // A suffix alone, or a suffix after a Vietnamese word, is no name.
  EXPECT_FALSE(Find("Lines of credit were opened.", "Lines"));
  EXPECT_FALSE(Find("Cảng Hòa Lines mở rộng.", "Lines"));
}

TEST_F(ForeignNamesTest, VietnameseOfCountry) {
  auto n = Find("Các cơ quan lớn như KOSMA của Hàn Quốc và Orbitale của Pháp đều có mặt.", "Orbitale");
  ASSERT_TRUE(n) << All("Các cơ quan lớn như KOSMA của Hàn Quốc và Orbitale của Pháp đều có mặt.");
  EXPECT_EQ(n->type, "organization");
  EXPECT_TRUE(Find("Các cơ quan lớn như KOSMA của Hàn Quốc và Orbitale của Pháp đều có mặt.", "KOSMA"));
  // A Vietnamese word, and a foreign name of no country, stay out.
  EXPECT_FALSE(Find("Đây là Vinh của Nghệ An.", "Vinh"));
  EXPECT_FALSE(Find("Tranh của Picasso được trưng bày.", "Picasso"));
  // A place after its classifier, a foreign noun after the noun it
  // completes.
  EXPECT_FALSE(Find("Dự án ở tỉnh Vorakhet của Lào đã xong.", "Vorakhet"));
  EXPECT_FALSE(Find("Tỷ lệ thâm nhập Internet của Brunei là cao nhất.", "Internet"));
}

TEST_F(ForeignNamesTest, VietnameseSubjectOfABodysVerb) {
  const std::string text = "Trong khi đó, Zenova Space đã ký hợp đồng phóng vệ tinh; Corvex và Brightwell cùng góp vốn.";
  auto n = Find(text, "Zenova Space");
  ASSERT_TRUE(n) << All(text);
  EXPECT_EQ(n->type, "organization");
  EXPECT_TRUE(Find(text, "Corvex")) << All(text);
  EXPECT_TRUE(Find(text, "Brightwell")) << All(text);
  // A place or a product doing something else, and a Vietnamese name.
  EXPECT_FALSE(Find("Tại Toulouse, các kỹ sư được huấn luyện.", "Toulouse"));
  EXPECT_FALSE(Find("Năm 2013, Astrolux được đưa lên quỹ đạo.", "Astrolux"));
  EXPECT_FALSE(Find("Sau đó, Long An ký kết văn bản.", "Long An"));
}

TEST_F(ForeignNamesTest, VietnameseAgentAndParties) {
  const std::string by = "Vệ tinh đầu tiên do Helior Dynamics chế tạo theo hợp đồng.";
  ASSERT_TRUE(Find(by, "Helior Dynamics")) << All(by);
  const std::string between = "Theo hợp đồng giữa VNX và Skyreach, vệ tinh được phóng.";
  ASSERT_TRUE(Find(between, "Skyreach")) << All(between);
  ASSERT_TRUE(Find(between, "VNX")) << All(between);
  const std::string with = "Trung tâm đã ký bản ghi nhớ với Wexford, Qubitra và Lumina.";
  for (const char* name : {"Wexford", "Qubitra", "Lumina"}) EXPECT_TRUE(Find(with, name)) << name << ": " << All(with);
  // "do" as "because", "với" with no agreement before it.
  EXPECT_FALSE(Find("Chuyến bay bị hủy do Covid lan rộng.", "Covid"));
  EXPECT_FALSE(Find("Anh ấy đi du lịch với Zelda.", "Zelda"));
}

TEST_F(ForeignNamesTest, EnglishCountryOwnsABody) {
  const std::string text = "The deal was backed by Japan's KORVEX and Norway's Telvora in 2024.";
  auto n = Find(text, "Telvora");
  ASSERT_TRUE(n) << All(text);
  EXPECT_EQ(n->type, "organization");
  EXPECT_TRUE(Find(text, "KORVEX")) << All(text);
  // Two words (often a person) or a head noun are not read this way.
  EXPECT_FALSE(Find("Brunei's Haji Rosli never arrived.", "Haji Rosli"));
  EXPECT_FALSE(Find("Brunei's Haji Rosli never arrived.", "Haji"));
  // An office, or the first word of a longer name.
  EXPECT_FALSE(Find("Later, Japan's Ambassador spoke.", "Ambassador"));
  EXPECT_FALSE(Find("Last year Indonesia's House of Representatives passed it.", "House"));
}

TEST_F(ForeignNamesTest, EnglishSubjectsOfACompanysVerb) {
  const std::string text = "Prices rose, and Zenova Cobalt has spent heavily; Korvane Motor and Ilvex Green each hold a stake.";
  for (const char* name : {"Zenova Cobalt", "Korvane Motor", "Ilvex Green"}) {
    const auto n = Find(text, name);
    ASSERT_TRUE(n) << name << ": " << All(text);
    EXPECT_EQ(n->type, "organization");
  }
  // At a sentence's start any word is capitalised; "signed" is a person's
  // verb as often as a company's; an owner's possessive is no subject.
  EXPECT_FALSE(Find("Investors bought the bonds.", "Investors"));
  // A law's defined term after a determiner.
  EXPECT_FALSE(Find("It applies where a Member State holds the data.", "Member State"));
  EXPECT_FALSE(Find("Later that year Arif Santoso signed the deal.", "Arif Santoso"));
  const std::string owned = "The cable went to China's Helior Technologies instead.";
  EXPECT_TRUE(Find(owned, "Helior Technologies")) << All(owned);
  const std::string agency = "The Danish agency Danvora also backs the plan.";
  EXPECT_TRUE(Find(agency, "Danvora")) << All(agency);
}

TEST_F(ForeignNamesTest, PersonsBesideARole) {
  auto n = Find("Tổng giám đốc IAEA Marco Bellini cho biết như vậy.", "Marco Bellini");
  ASSERT_TRUE(n) << All("Tổng giám đốc IAEA Marco Bellini cho biết như vậy.");
  EXPECT_EQ(n->type, "person");
  n = Find("Chủ tịch Zenova Hiro Tanabe thăm Hà Nội.", "Hiro Tanabe");
  ASSERT_TRUE(n) << All("Chủ tịch Zenova Hiro Tanabe thăm Hà Nội.");
  EXPECT_EQ(n->type, "person");
  EXPECT_TRUE(Find("Tổng Công tố Pavel Orlov cho biết.", "Pavel Orlov")) << All("Tổng Công tố Pavel Orlov cho biết.");
  const std::string en = "Under its director Mei Lin Zhou, the office grew; governor Arif Santoso concedes the point.";
  n = Find(en, "Mei Lin Zhou");
  ASSERT_TRUE(n) << All(en);
  EXPECT_EQ(n->type, "person");
  EXPECT_TRUE(Find(en, "Arif Santoso")) << All(en);
  const std::string who = "The office, once run by Lars Nygaard, who later moved to Geneva, grew fast.";
  EXPECT_TRUE(Find(who, "Lars Nygaard")) << All(who);
  // A place before ", which", or a Vietnamese name after a title, is left
  // to the other rules.
  EXPECT_FALSE(Find("It met in New Delhi, which hosted the talks.", "New Delhi"));
  EXPECT_FALSE(Find("A minister of the Northern Territory, who has responsibility, agrees.", "Northern Territory"));
  EXPECT_FALSE(Find("The report goes to the chief Privacy Commissioner today.", "Privacy Commissioner"));
}

}  // namespace
}  // namespace policygraph::indexer
