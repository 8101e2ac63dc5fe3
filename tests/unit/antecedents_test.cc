// links::AntecedentResolver through DocumentLinker: referring expressions
// ("hai bên", "nước này", "the two sides", "the bloc", "it", "its") stand
// for parties named earlier in the passage, only where the antecedent is
// unambiguous; the evidence then runs from the antecedent's sentence to the
// trigger's. Short sentences of our own over a small gazetteer built here.

#include "indexer/links/antecedents.h"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "tests/support/link_harness.h"

namespace policygraph::indexer {
namespace {

using graph::Node;
using testing::Link;
using testing::LinkHarness;
using testing::MakeNode;

std::vector<Node> Gazetteer() {
  return {
      MakeNode("asean", "regional_org", {"ASEAN"}, {"ASEAN"}),
      MakeNode("vietnam", "country", {"Vietnam"}, {"Việt Nam"}),
      MakeNode("japan", "country", {"Japan"}, {"Nhật Bản"}),
      MakeNode("south-korea", "country", {"South Korea"}, {"Hàn Quốc"}),
      MakeNode("united-states", "country", {"United States", "US"}, {"Hoa Kỳ", "Mỹ"}),
      MakeNode("india", "country", {"India"}, {"Ấn Độ"}),
      // The ocean is no country: the gazetteer says so, as the bundled one does.
      MakeNode("indian-ocean", "not_entity", {"Indian Ocean"}, {"Ấn Độ Dương"}),
      MakeNode("laos", "country", {"Laos"}, {"Lào"}),
      MakeNode("thailand", "country", {"Thailand"}, {"Thái Lan"}),
      MakeNode("australia", "country", {"Australia"}, {"Úc", "Australia"}),
      MakeNode("timor-leste", "country", {"Timor-Leste"}, {"Timor-Leste"}),
      MakeNode("green-law", "law", {"Green Data Act"}, {"Luật Dữ liệu Xanh"}),
      MakeNode("coral-summit", "event", {"Coral Summit"}, {"Hội nghị San hô"}),
  };
}

class AntecedentsTest : public ::testing::Test {
 protected:
  graph::DocumentContribution Extract(const std::string& body) { return links_.Extract(body, "2024-01-01"); }
  std::set<Link> Typed(const std::string& body) { return links_.Typed(body); }

  // The evidence of one typed link; fails the test if there is not exactly one.
  graph::Evidence EvidenceOf(const std::string& body, const Link& link) {
    std::vector<graph::Evidence> found = links_.EvidenceOf(body, link, "2024-01-01");
    EXPECT_EQ(found.size(), 1u);
    return found.empty() ? graph::Evidence{} : found.front();
  }

  LinkHarness links_{Gazetteer()};
};

// The sentence with the trigger names no one: "hai bên" stands for the two
// countries named in the sentence before, and the evidence shows both.
TEST_F(AntecedentsTest, BothSidesInTheNextSentenceAreTheTwoNamedBefore) {
  const std::string first = "Việt Nam và Nhật Bản đều là nền kinh tế lớn ở châu Á.";
  const std::string second = "Hai bên nhất trí tăng cường hợp tác về an ninh mạng.";
  const std::string body = first + " " + second;
  EXPECT_EQ(Typed(body), (std::set<Link>{{"japan", "cooperation", "vietnam"}}));
  graph::Evidence ev = EvidenceOf(body, {"japan", "cooperation", "vietnam"});
  EXPECT_EQ(ev.begin, 0u);
  EXPECT_EQ(ev.end, body.size());
  EXPECT_EQ(ev.text, body);
  EXPECT_EQ(ev.trigger, "nhất trí");
  EXPECT_EQ(ev.passage, 0u);
}

// (The first sentences name the parties without linking them: "held talks"
// is itself dialogue, a cooperation trigger.)
TEST_F(AntecedentsTest, TheTwoSidesInEnglish) {
  const std::string body =
      "Japan and Vietnam sent delegations to Hanoi on Monday. The two sides agreed to expand cooperation on cybersecurity.";
  EXPECT_EQ(Typed(body), (std::set<Link>{{"japan", "cooperation", "vietnam"}}));
  graph::Evidence ev = EvidenceOf(body, {"japan", "cooperation", "vietnam"});
  EXPECT_EQ(ev.begin, 0u);
  EXPECT_EQ(ev.end, body.size());
}

// Three parties named together: "hai bên" could be any two of them.
TEST_F(AntecedentsTest, BothSidesAfterThreeCountriesStayUnresolved) {
  EXPECT_TRUE(Typed("Việt Nam, Nhật Bản và Hàn Quốc dự một hội thảo ở Tokyo. Hai bên nhất trí tăng cường hợp tác.")
                  .empty());
  EXPECT_TRUE(Typed("Japan, Vietnam and India sent delegations. The two sides agreed to expand cooperation.").empty());
}

// A new paragraph forgets what the last one named.
TEST_F(AntecedentsTest, AParagraphBoundaryEndsTheSearch) {
  EXPECT_TRUE(Typed("Việt Nam và Nhật Bản đều là nền kinh tế lớn ở châu Á.\nHai bên nhất trí tăng cường hợp tác.")
                  .empty());
  EXPECT_TRUE(Typed("Japan and Vietnam sent delegations.\n\nThe two sides agreed to expand cooperation.").empty());
}

// "both sides of the border", "hai bên biên giới": places, not parties.
TEST_F(AntecedentsTest, BothSidesOfABorderAreAPlace) {
  EXPECT_TRUE(Typed("Japan and Vietnam sent delegations. Traders on both sides of the border cooperate closely.").empty());
  EXPECT_TRUE(Typed("Lào và Thái Lan có chung sông Mê Kông. Người dân hai bên biên giới hợp tác chặt chẽ.").empty());
}

// "nước này" after a sentence about the US and the Indian Ocean: the ocean
// is no country, so the US is the only antecedent.
TEST_F(AntecedentsTest, ThisCountryIsNotAnOceanThatSoundsLikeACountry) {
  const std::string body = "Hải quân Mỹ tăng cường hiện diện ở Ấn Độ Dương. Nước này cũng hợp tác với Nhật Bản.";
  EXPECT_EQ(Typed(body), (std::set<Link>{{"japan", "cooperation", "united-states"}}));
  EXPECT_EQ(EvidenceOf(body, {"japan", "cooperation", "united-states"}).begin, 0u);
}

// Two countries in the sentence before: "nước này" could be either.
TEST_F(AntecedentsTest, ThisCountryAfterTwoCountriesStaysUnresolved) {
  auto links = Typed("Ấn Độ và Mỹ tăng cường hiện diện trên biển. Nước này cũng hợp tác với Nhật Bản.");
  EXPECT_FALSE(links.count({"india", "cooperation", "japan"})) << ::testing::PrintToString(links);
  EXPECT_FALSE(links.count({"japan", "cooperation", "united-states"})) << ::testing::PrintToString(links);
}

// "các nước này" is "these countries", a plural; "nguồn nước này" is water.
TEST_F(AntecedentsTest, PluralsAndWaterAreNoCountry) {
  EXPECT_TRUE(Typed("Thái Lan đã sẵn sàng. Các nước này hợp tác với Nhật Bản.").empty());
  EXPECT_TRUE(Typed("Lào có nhiều sông lớn. Nguồn nước này được Nhật Bản hỗ trợ.").empty());
}

TEST_F(AntecedentsTest, ThisCountryAdoptsALaw) {
  const std::string body = "Thái Lan đã chuẩn bị từ lâu. Năm 2019, nước này ban hành Luật Dữ liệu Xanh.";
  EXPECT_EQ(Typed(body), (std::set<Link>{{"thailand", "enactment", "green-law"}}));
  EXPECT_EQ(EvidenceOf(body, {"thailand", "enactment", "green-law"}).begin, 0u);
}

TEST_F(AntecedentsTest, TheBlocIsTheRegionalBodyNamedLast) {
  const std::string body = "ASEAN leaders met in Jakarta in May. The bloc cooperates with Australia on digital trade.";
  EXPECT_EQ(Typed(body), (std::set<Link>{{"asean", "cooperation", "australia"}}));
}

// "It" stands for the one actor the sentence before names, and for no one
// when that sentence names a law or an event it could as well stand for.
TEST_F(AntecedentsTest, ItIsTheOneActorNamedBeforeAndNothingElse) {
  EXPECT_EQ(Typed("Australia has a long record in the region. It works with Vietnam on maritime security."),
            (std::set<Link>{{"australia", "cooperation", "vietnam"}}));
  auto links = Typed("Thailand adopted the Green Data Act in 2020. It works with Vietnam on data security.");
  EXPECT_FALSE(links.count({"thailand", "cooperation", "vietnam"})) << ::testing::PrintToString(links);
  EXPECT_TRUE(Typed("The Coral Summit opened on Monday. It works with Vietnam on data security.").empty());
  // No actor at all before it.
  EXPECT_TRUE(Typed("The weather was fine. It works with Vietnam on data security.").empty());
}

// "it" as an object is not its own clause's subject: here it is the
// country of the sentence before, not ASEAN.
TEST_F(AntecedentsTest, AnObjectItIsNotItsClausesSubject) {
  const std::string body = "Timor-Leste applied in 2011. In 2022 ASEAN agreed to admit it as a member.";
  auto links = Typed(body);
  EXPECT_TRUE(links.count({"timor-leste", "membership", "asean"})) << ::testing::PrintToString(links);
  EXPECT_EQ(EvidenceOf(body, {"timor-leste", "membership", "asean"}).begin, 0u);
}

TEST_F(AntecedentsTest, ITIsNoPronoun) {
  EXPECT_TRUE(Typed("Australia leads the region. IT cooperation with Vietnam grew fast.").empty());
}

TEST_F(AntecedentsTest, ItsLawIsItsCountrysLaw) {
  const std::string body = "Thailand has moved quickly. Its Green Data Act took effect in 2022.";
  EXPECT_EQ(Typed(body), (std::set<Link>{{"thailand", "enactment", "green-law"}}));
}

// A dual followed by the names themselves ("hai nước Việt Nam và Lào")
// leaves the names to speak: no reference to anything earlier.
TEST_F(AntecedentsTest, ADualFollowedByTheNamesIsNoReference) {
  auto links = Typed("Nhật Bản và Hàn Quốc đều là nền kinh tế lớn. Hai nước Việt Nam và Lào hợp tác về năng lượng.");
  EXPECT_TRUE(links.count({"laos", "cooperation", "vietnam"})) << ::testing::PrintToString(links);
  EXPECT_FALSE(links.count({"japan", "cooperation", "south-korea"})) << ::testing::PrintToString(links);
}

// "hai nước sau", "the latter two": the last two of the list named before;
// "hai nước sau khi …" is "the two countries, after …".
TEST_F(AntecedentsTest, TheLatterTwoAreTheLastTwoOfAList) {
  auto links = Typed("Úc đã tặng Việt Nam, Lào và Thái Lan nhiều thiết bị. Hai nước sau cũng hợp tác với Ấn Độ.");
  EXPECT_TRUE(links.count({"india", "cooperation", "laos"})) << ::testing::PrintToString(links);
  EXPECT_TRUE(links.count({"india", "cooperation", "thailand"})) << ::testing::PrintToString(links);
  EXPECT_FALSE(links.count({"india", "cooperation", "vietnam"})) << ::testing::PrintToString(links);
  EXPECT_EQ(Typed("Japan, Laos and Thailand sent delegations. The latter two agreed to expand cooperation."),
            (std::set<Link>{{"laos", "cooperation", "thailand"}}));
  EXPECT_EQ(Typed("Việt Nam và Lào có chung đường biên giới dài. Hai nước sau khi đàm phán đã nhất trí tăng cường hợp tác."),
            (std::set<Link>{{"laos", "cooperation", "vietnam"}}));
}

// Evidence spans stay on UTF-8 character boundaries of the body.
TEST_F(AntecedentsTest, EvidenceSpansAreValidUtf8) {
  const std::string body = "Việt Nam và Nhật Bản đều là nền kinh tế lớn. Hai bên nhất trí tăng cường hợp tác về an ninh mạng.";
  for (const auto& [key, ev] : Extract(body).evidence) {
    ASSERT_LE(ev.end, body.size());
    ASSERT_LT(ev.begin, ev.end);
    for (uint32_t at : {ev.begin, ev.end}) {
      if (at < body.size()) {
        EXPECT_NE(static_cast<unsigned char>(body[at]) & 0xC0, 0x80) << at;
      }
    }
  }
}

// Frameworks and state bodies referred to, not named ("luật này", "the
// Act", "Chính phủ", "the Government"), over a gazetteer with laws, plans
// and agreements.
std::vector<Node> FrameworkGazetteer() {
  std::vector<Node> g = Gazetteer();
  g.push_back(MakeNode("cyber-law", "law", {"Cybersecurity Law"}, {"Luật An ninh mạng"}));
  g.push_back(MakeNode("decree-53", "law", {"Decree 53"}, {"Nghị định 53"}));
  g.push_back(MakeNode("digital-plan", "plan", {"Digital Plan"}, {"Kế hoạch Số"}));
  g.push_back(MakeNode("green-strategy", "strategy", {"Green Strategy"}, {"Chiến lược Xanh"}));
  g.push_back(MakeNode("mekong-agreement", "agreement", {"Mekong Agreement"}, {"Hiệp định Mekong"}));
  g.push_back(MakeNode("rcep", "agreement", {"RCEP"}, {"RCEP"}));
  return g;
}

class FrameworkReferenceTest : public ::testing::Test {
 protected:
  std::set<Link> Typed(const std::string& body) { return links_.Typed(body); }
  std::vector<graph::Evidence> EvidenceOf(const std::string& body, const Link& link) {
    return links_.EvidenceOf(body, link, "2024-01-01");
  }
  LinkHarness links_{FrameworkGazetteer()};
};

// "luật này" is the one law named before; "Chính phủ" is the one country
// the passage named. The evidence runs from the sentence naming each.
TEST_F(FrameworkReferenceTest, ThisLawAndTheGovernmentInVietnamese) {
  const std::string first = "Năm 2018, Việt Nam thông qua Luật An ninh mạng.";
  const std::string second = "Năm 2022, Chính phủ ban hành Nghị định 53 quy định chi tiết luật này.";
  const std::string body = first + " " + second;
  auto links = Typed(body);
  EXPECT_TRUE(links.count({"decree-53", "basis", "cyber-law"})) << ::testing::PrintToString(links);
  EXPECT_TRUE(links.count({"vietnam", "enactment", "decree-53"})) << ::testing::PrintToString(links);
  for (const Link& link : {Link{"decree-53", "basis", "cyber-law"}, Link{"vietnam", "enactment", "decree-53"}}) {
    auto evidence = EvidenceOf(body, link);
    ASSERT_EQ(evidence.size(), 1u) << std::get<2>(link);
    EXPECT_EQ(evidence[0].begin, 0u);
    EXPECT_EQ(evidence[0].end, body.size());
    EXPECT_EQ(evidence[0].text, body);
  }
}

TEST_F(FrameworkReferenceTest, TheActAndTheGovernmentInEnglish) {
  auto links = Typed(
      "Thailand passed the Cybersecurity Law in 2019. In 2023 the Government approved the Digital Plan. Decree 53 "
      "was issued under the law.");
  EXPECT_TRUE(links.count({"thailand", "enactment", "digital-plan"})) << ::testing::PrintToString(links);
  EXPECT_TRUE(links.count({"decree-53", "basis", "cyber-law"})) << ::testing::PrintToString(links);
  // A name with no head word ("RCEP") is an agreement by its type.
  links = Typed("Vietnam and Japan signed RCEP in 2020. In 2022 Laos ratified the agreement.");
  EXPECT_TRUE(links.count({"laos", "membership", "rcep"})) << ::testing::PrintToString(links);
  links = Typed("The Mekong Agreement was signed in 1995. Thailand later ratified the agreement.");
  EXPECT_TRUE(links.count({"thailand", "membership", "mekong-agreement"})) << ::testing::PrintToString(links);
}

// The head must fit: "chiến lược này" is no plan, "the strategy" no law.
TEST_F(FrameworkReferenceTest, TheHeadMustFit) {
  auto links = Typed("Việt Nam công bố Kế hoạch Số năm 2021. Năm 2022, Lào phê duyệt chiến lược này.");
  EXPECT_FALSE(links.count({"laos", "enactment", "digital-plan"})) << ::testing::PrintToString(links);
  links = Typed("Việt Nam công bố Chiến lược Xanh năm 2021. Năm 2022, Lào phê duyệt chiến lược này.");
  EXPECT_TRUE(links.count({"laos", "enactment", "green-strategy"})) << ::testing::PrintToString(links);
}

// A bare head counts capitalised ("… thi hành Luật …"), not lower-case
// ("thi hành luật …", any law).
TEST_F(FrameworkReferenceTest, ABareHeadCountsOnlyCapitalised) {
  auto links = Typed("Năm 2018, Việt Nam thông qua Luật An ninh mạng. Nghị định 53 hướng dẫn thi hành Luật trong lĩnh vực viễn thông.");
  EXPECT_TRUE(links.count({"decree-53", "basis", "cyber-law"})) << ::testing::PrintToString(links);
  links = Typed("Năm 2018, Việt Nam thông qua Luật An ninh mạng. Nghị định 53 hướng dẫn thi hành luật trong lĩnh vực viễn thông.");
  EXPECT_FALSE(links.count({"decree-53", "basis", "cyber-law"})) << ::testing::PrintToString(links);
}

// "it" stands for a framework where the sentence before names that one
// framework and nothing else; an actor named there makes it ambiguous.
TEST_F(FrameworkReferenceTest, ItIsTheOneFrameworkOfTheSentenceBefore) {
  auto links = Typed("The Digital Plan was drafted in 2021. Laos approved it in 2022.");
  EXPECT_TRUE(links.count({"laos", "enactment", "digital-plan"})) << ::testing::PrintToString(links);
  links = Typed("Vietnam drafted the Digital Plan in 2021. Laos approved it in 2022.");
  EXPECT_FALSE(links.count({"laos", "enactment", "digital-plan"})) << ::testing::PrintToString(links);
}

// Two laws named before "luật này": left unresolved.
TEST_F(FrameworkReferenceTest, TwoLawsBeforeTheReferenceLeaveItUnresolved) {
  auto links = Typed("Năm 2018, Việt Nam thông qua Luật An ninh mạng và Luật Dữ liệu Xanh. Nghị định 53 quy định chi tiết luật này.");
  EXPECT_FALSE(links.count({"decree-53", "basis", "cyber-law"})) << ::testing::PrintToString(links);
  EXPECT_FALSE(links.count({"decree-53", "basis", "green-law"})) << ::testing::PrintToString(links);
  links = Typed("Thailand passed the Cybersecurity Law and the Green Data Act in 2019. Decree 53 was issued under the law.");
  EXPECT_FALSE(links.count({"decree-53", "basis", "cyber-law"})) << ::testing::PrintToString(links);
  EXPECT_FALSE(links.count({"decree-53", "basis", "green-law"})) << ::testing::PrintToString(links);
}

// No framework before the reference, or only in an earlier paragraph.
TEST_F(FrameworkReferenceTest, NoFrameworkBeforeOrAParagraphBoundary) {
  EXPECT_FALSE(Typed("Việt Nam coi trọng an ninh mạng. Nghị định 53 quy định chi tiết luật này.")
                   .count({"decree-53", "basis", "cyber-law"}));
  auto links = Typed("Việt Nam thông qua Luật An ninh mạng năm 2018.\nNghị định 53 quy định chi tiết luật này.");
  EXPECT_FALSE(links.count({"decree-53", "basis", "cyber-law"})) << ::testing::PrintToString(links);
  links = Typed("Thailand passed the Cybersecurity Law in 2019.\n\nDecree 53 was issued under the law.");
  EXPECT_FALSE(links.count({"decree-53", "basis", "cyber-law"})) << ::testing::PrintToString(links);
}

// Legal drafting's own "… theo Luật này" (a capital mid-sentence) is the
// text itself, not the law named before.
TEST_F(FrameworkReferenceTest, ACapitalisedSelfReferenceIsTheDocument) {
  auto links = Typed("Việt Nam thông qua Luật An ninh mạng năm 2018. Nghị định 53 quy định chi tiết Luật này.");
  EXPECT_FALSE(links.count({"decree-53", "basis", "cyber-law"})) << ::testing::PrintToString(links);
}

// "Chính phủ Nhật Bản" names its own country; the passage's country does
// not replace it.
TEST_F(FrameworkReferenceTest, AGovernmentThatNamesItsCountry) {
  auto links = Typed("Việt Nam là đối tác quan trọng. Năm 2022, Chính phủ Nhật Bản phê duyệt Kế hoạch Số.");
  EXPECT_TRUE(links.count({"japan", "enactment", "digital-plan"})) << ::testing::PrintToString(links);
  EXPECT_FALSE(links.count({"vietnam", "enactment", "digital-plan"})) << ::testing::PrintToString(links);
  links = Typed("Vietnam is a close partner. In 2022 the Government of Japan approved the Digital Plan.");
  EXPECT_FALSE(links.count({"vietnam", "enactment", "digital-plan"})) << ::testing::PrintToString(links);
}

// A passage naming two countries leaves "Chính phủ" to no one; a
// paragraph boundary forgets the country (and the document, naming two,
// gives none).
TEST_F(FrameworkReferenceTest, TwoCountriesLeaveTheGovernmentUnresolved) {
  auto links = Typed("Việt Nam và Nhật Bản tăng cường hợp tác. Năm 2022, Chính phủ phê duyệt Kế hoạch Số.");
  EXPECT_FALSE(links.count({"vietnam", "enactment", "digital-plan"})) << ::testing::PrintToString(links);
  EXPECT_FALSE(links.count({"japan", "enactment", "digital-plan"})) << ::testing::PrintToString(links);
  links = Typed("Japan and Thailand held talks in Tokyo. In 2022 the Government approved the Digital Plan.");
  EXPECT_FALSE(links.count({"japan", "enactment", "digital-plan"})) << ::testing::PrintToString(links);
  EXPECT_FALSE(links.count({"thailand", "enactment", "digital-plan"})) << ::testing::PrintToString(links);
  links = Typed("Japan held talks with Laos.\nThailand values digital change.\nThe Government approved the Digital Plan.");
  EXPECT_FALSE(links.count({"thailand", "enactment", "digital-plan"})) << ::testing::PrintToString(links);
}

// Plural and generic readings are no state body of one country.
TEST_F(FrameworkReferenceTest, GenericGovernmentsAreNoParty) {
  auto links = Typed("Việt Nam coi trọng hợp tác. Các tổ chức phi chính phủ phê duyệt Kế hoạch Số.");
  EXPECT_FALSE(links.count({"vietnam", "enactment", "digital-plan"})) << ::testing::PrintToString(links);
  links = Typed("Việt Nam coi trọng hợp tác. Phó Thủ tướng phê duyệt Kế hoạch Số.");
  EXPECT_FALSE(links.count({"vietnam", "enactment", "digital-plan"})) << ::testing::PrintToString(links);
}

// With no country in the passage, the document's only country; a
// Vietnamese text naming none is Vietnam's.
TEST_F(FrameworkReferenceTest, TheDocumentsCountryWhereThePassageNamesNone) {
  auto links = Typed("Thailand is reviewing its data rules.\n\nIn 2023 the Government approved the Digital Plan.");
  EXPECT_TRUE(links.count({"thailand", "enactment", "digital-plan"})) << ::testing::PrintToString(links);
  links = Typed("Năm 2022, Thủ tướng Chính phủ phê duyệt Kế hoạch Số về chuyển đổi số quốc gia.");
  EXPECT_TRUE(links.count({"vietnam", "enactment", "digital-plan"})) << ::testing::PrintToString(links);
  links = Typed("In 2022 the Government approved the Digital Plan for the country's digital transformation.");
  EXPECT_FALSE(links.count({"vietnam", "enactment", "digital-plan"})) << ::testing::PrintToString(links);
  // In Vietnamese a bare "Quốc hội" in a passage naming no country is
  // Vietnam's even where the document names others: a foreign body is
  // named with its country ("Quốc hội Lào").
  links = Typed("Nhật Bản hợp tác với Lào.\nNăm 2023, Kế hoạch Số được Quốc hội thông qua.");
  EXPECT_TRUE(links.count({"vietnam", "enactment", "digital-plan"})) << ::testing::PrintToString(links);
  EXPECT_FALSE(links.count({"japan", "enactment", "digital-plan"})) << ::testing::PrintToString(links);
}

// Bodies by their head word ("bộ này", "the fund"), a singular joined to a
// name, leaders by title and name, and "Hà Nội" paired with a state.
std::vector<Node> BodiesGazetteer() {
  std::vector<Node> g = FrameworkGazetteer();
  g.push_back(MakeNode("vietnam-monre", "organization", {"Ministry of Natural Resources and Environment"},
                       {"Bộ Tài nguyên và Môi trường"}));
  g.push_back(MakeNode("japan-moe", "organization", {"Ministry of the Environment of Japan"},
                       {"Bộ Môi trường Nhật Bản"}));
  g.push_back(MakeNode("jica", "organization", {"Japan International Cooperation Agency", "JICA"},
                       {"Cơ quan Hợp tác Quốc tế Nhật Bản", "JICA"}));
  g.push_back(MakeNode("asu", "organization", {"Arizona State University", "ASU"}, {"Đại học Bang Arizona", "ASU"}));
  g.push_back(MakeNode("hust", "organization", {"Hanoi University of Science and Technology"},
                       {"Đại học Bách khoa Hà Nội"}));
  g.push_back(MakeNode("gcf", "organization", {"Green Climate Fund", "GCF"}, {"Quỹ Khí hậu Xanh", "GCF"}));
  g.push_back(MakeNode("adaptation-fund", "organization", {"Adaptation Fund"}, {"Quỹ Thích ứng"}));
  g.push_back(MakeNode("microsoft", "organization", {"Microsoft"}, {"Microsoft"}));
  g.push_back(MakeNode("philippines", "country", {"Philippines"}, {"Philippines"}));
  g.push_back(MakeNode("indonesia", "country", {"Indonesia"}, {"Indonesia"}));
  g.push_back(MakeNode("malaysia", "country", {"Malaysia"}, {"Malaysia"}));
  g.push_back(MakeNode("france", "country", {"France"}, {"Pháp"}));
  for (auto [id, city, country] : {std::tuple{"capital-paris", "Paris", "france"},
                                   std::tuple{"capital-washington", "Washington", "united-states"},
                                   std::tuple{"capital-hanoi", "Hanoi", "vietnam"}}) {
    Node n = MakeNode(id, "capital", {city}, std::string(city) == "Hanoi" ? std::vector<std::string>{}
                                                                          : std::vector<std::string>{city});
    n.member_of = {country};
    g.push_back(std::move(n));
  }
  return g;
}

class BodyLeaderCapitalTest : public ::testing::Test {
 protected:
  std::set<Link> Typed(const std::string& body) { return links_.Typed(body); }
  std::vector<graph::Evidence> EvidenceOf(const std::string& body, const Link& link) {
    return links_.EvidenceOf(body, link, "2024-01-01");
  }
  LinkHarness links_{BodiesGazetteer()};
};

// "bộ này" is the one ministry named before; JICA, an agency but no
// ministry, does not compete. The evidence starts at the ministry's sentence.
TEST_F(BodyLeaderCapitalTest, ThisMinistryIsTheOneMinistryNamedBefore) {
  const std::string first = "JICA hỗ trợ Bộ Tài nguyên và Môi trường xây dựng hướng dẫn kỹ thuật.";
  const std::string second = "Năm 2024, Bộ Môi trường Nhật Bản và bộ này ký bản ghi nhớ hợp tác.";
  const std::string body = first + " " + second;
  auto links = Typed(body);
  EXPECT_TRUE(links.count({"japan-moe", "cooperation", "vietnam-monre"})) << ::testing::PrintToString(links);
  auto evidence = EvidenceOf(body, {"japan-moe", "cooperation", "vietnam-monre"});
  ASSERT_EQ(evidence.size(), 1u);
  EXPECT_EQ(evidence[0].begin, 0u);
  EXPECT_EQ(evidence[0].end, body.size());
  // Two ministries before: either could be meant.
  links = Typed("Bộ Tài nguyên và Môi trường và Bộ Môi trường Nhật Bản họp trực tuyến. Năm 2024, JICA và bộ này ký "
                "bản ghi nhớ hợp tác.");
  EXPECT_FALSE(links.count({"jica", "cooperation", "vietnam-monre"})) << ::testing::PrintToString(links);
  EXPECT_FALSE(links.count({"japan-moe", "cooperation", "jica"})) << ::testing::PrintToString(links);
}

// The head must fit, and compounds that end in a head are no body: "trường
// này" after a ministry is nothing, "thị trường này" a market, "cán bộ
// này" an official.
TEST_F(BodyLeaderCapitalTest, TheHeadMustFitAndCompoundsAreNoBody) {
  auto links = Typed("Bộ Tài nguyên và Môi trường công bố báo cáo. Năm 2024, JICA ký bản ghi nhớ hợp tác với trường này.");
  EXPECT_FALSE(links.count({"jica", "cooperation", "vietnam-monre"})) << ::testing::PrintToString(links);
  links = Typed("Bộ Tài nguyên và Môi trường công bố báo cáo. Năm 2024, JICA ký bản ghi nhớ hợp tác với bộ này.");
  EXPECT_TRUE(links.count({"jica", "cooperation", "vietnam-monre"})) << ::testing::PrintToString(links);
  links = Typed("Đại học Bang Arizona công bố báo cáo. Năm 2024, JICA ký bản ghi nhớ hợp tác với thị trường này.");
  EXPECT_FALSE(links.count({"asu", "cooperation", "jica"})) << ::testing::PrintToString(links);
  links = Typed("Bộ Tài nguyên và Môi trường cử chuyên gia sang Nhật. Năm 2024, JICA ký bản ghi nhớ hợp tác với cán bộ này.");
  EXPECT_FALSE(links.count({"jica", "cooperation", "vietnam-monre"})) << ::testing::PrintToString(links);
  links = Typed("Đại học Bang Arizona công bố báo cáo. Năm 2024, JICA ký bản ghi nhớ hợp tác với hai trường này.");
  EXPECT_FALSE(links.count({"asu", "cooperation", "jica"})) << ::testing::PrintToString(links);
}

TEST_F(BodyLeaderCapitalTest, TheUniversityAndTheFund) {
  auto links = Typed("Mỹ giao Đại học Bang Arizona (ASU) đánh giá hệ sinh thái bán dẫn. Trường này sau đó phối hợp với "
                     "Đại học Bách khoa Hà Nội thiết kế các khóa đào tạo.");
  EXPECT_TRUE(links.count({"asu", "cooperation", "hust"})) << ::testing::PrintToString(links);
  links = Typed("The Green Climate Fund has become an important source of grants. The fund approved a grant to Laos "
                "for climate-resilient agriculture.");
  EXPECT_TRUE(links.count({"gcf", "cooperation", "laos"})) << ::testing::PrintToString(links);
  // Two funds before "the fund": unresolved.
  links = Typed("The Green Climate Fund and the Adaptation Fund met in Bonn. The fund approved a grant to Laos for "
                "climate-resilient agriculture.");
  EXPECT_FALSE(links.count({"gcf", "cooperation", "laos"})) << ::testing::PrintToString(links);
  EXPECT_FALSE(links.count({"adaptation-fund", "cooperation", "laos"})) << ::testing::PrintToString(links);
}

// "tập đoàn này", "the company": the one body named before that is no state
// body.
TEST_F(BodyLeaderCapitalTest, TheCompanyIsTheBodyNamedBeforeButNoMinistry) {
  auto links = Typed("Tháng 4/2024, Microsoft công bố đầu tư 1,7 tỷ USD vào Indonesia; một tháng sau, tập đoàn này "
                     "cam kết đầu tư 2,2 tỷ USD vào Malaysia.");
  EXPECT_TRUE(links.count({"microsoft", "investment", "malaysia"})) << ::testing::PrintToString(links);
  links = Typed("Microsoft opened a data centre in Jakarta. The company then agreed to invest 2.2 billion dollars "
                "in Malaysia.");
  EXPECT_TRUE(links.count({"microsoft", "investment", "malaysia"})) << ::testing::PrintToString(links);
  links = Typed("Bộ Tài nguyên và Môi trường công bố báo cáo. Năm 2024, JICA ký bản ghi nhớ hợp tác với công ty này.");
  EXPECT_FALSE(links.count({"jica", "cooperation", "vietnam-monre"})) << ::testing::PrintToString(links);
}

// "Bộ Môi trường Nhật Bản và cơ quan này": the agency joined to a name is
// not that name, but the one named before; alone, it is no one.
TEST_F(BodyLeaderCapitalTest, ASingularJoinedToANameIsNotThatName) {
  auto links = Typed("Năm 2023, Bộ Tài nguyên và Môi trường công bố kế hoạch. Năm 2024, Bộ Môi trường Nhật Bản và cơ "
                     "quan này ký bản ghi nhớ hợp tác.");
  EXPECT_TRUE(links.count({"japan-moe", "cooperation", "vietnam-monre"})) << ::testing::PrintToString(links);
  links = Typed("Năm 2024, Bộ Môi trường Nhật Bản và cơ quan này ký bản ghi nhớ hợp tác.");
  EXPECT_TRUE(links.empty()) << ::testing::PrintToString(links);
}

// A head of state or government by title and name stands for the passage's
// one country; "Thủ tướng <name>" in a Vietnamese text naming none is
// Vietnam's, as a bare "Thủ tướng" is.
TEST_F(BodyLeaderCapitalTest, ALeaderByTitleAndNameIsTheirCountry) {
  auto links = Typed("Philippines tập trung mở cửa thị trường. Năm 2022, Tổng thống Rodrigo Duterte phê duyệt Kế hoạch Số.");
  EXPECT_TRUE(links.count({"philippines", "enactment", "digital-plan"})) << ::testing::PrintToString(links);
  const std::string en =
      "The Philippines has focused on opening the market. President Ferdinand Marcos Jr. approved the Digital Plan "
      "in 2024.";
  links = Typed(en);
  EXPECT_TRUE(links.count({"philippines", "enactment", "digital-plan"})) << ::testing::PrintToString(links);
  auto evidence = EvidenceOf(en, {"philippines", "enactment", "digital-plan"});
  ASSERT_EQ(evidence.size(), 1u);
  EXPECT_EQ(evidence[0].begin, 0u);
  links = Typed("Tháng 9/2021, Thủ tướng Phạm Minh Chính phê duyệt Kế hoạch Số.");
  EXPECT_TRUE(links.count({"vietnam", "enactment", "digital-plan"})) << ::testing::PrintToString(links);
}

TEST_F(BodyLeaderCapitalTest, LeadersWhoseCountryIsNotThePassages) {
  // "Tổng thống" needs the passage's country: Vietnam has no president of that title.
  auto links = Typed("Năm 2022, Tổng thống Joko Widodo phê duyệt Kế hoạch Số.");
  EXPECT_FALSE(links.count({"vietnam", "enactment", "digital-plan"})) << ::testing::PrintToString(links);
  // The title's country named with it.
  links = Typed("Việt Nam coi trọng chuyển đổi số. Năm 2022, Tổng thống Mỹ Joe Biden phê duyệt Kế hoạch Số.");
  EXPECT_FALSE(links.count({"vietnam", "enactment", "digital-plan"})) << ::testing::PrintToString(links);
  // A nationality the matcher does not know, glued before the title.
  links = Typed("Vietnam values digital change. Chinese President Xi Jinping approved the Digital Plan.");
  EXPECT_FALSE(links.count({"vietnam", "enactment", "digital-plan"})) << ::testing::PrintToString(links);
  // "of <country>" after the name.
  links = Typed("Thailand values digital change. President Joko Widodo of Indonesia approved the Digital Plan.");
  EXPECT_FALSE(links.count({"thailand", "enactment", "digital-plan"})) << ::testing::PrintToString(links);
  // A leader who visits or meets acts as a person: the host's country is
  // not theirs.
  links = Typed("Việt Nam coi trọng chuyển đổi số. Năm 2023, Tổng thống Joko Widodo thăm Hà Nội và hợp tác với Lào.");
  EXPECT_FALSE(links.count({"laos", "cooperation", "vietnam"})) << ::testing::PrintToString(links);
  links = Typed("Vietnam values digital change. During the state visit of President Joko Widodo, Laos signed a "
                "cooperation agreement with Thailand.");
  EXPECT_FALSE(links.count({"laos", "cooperation", "vietnam"})) << ::testing::PrintToString(links);
  EXPECT_FALSE(links.count({"thailand", "cooperation", "vietnam"})) << ::testing::PrintToString(links);
  // A title with no name, and a deputy.
  links = Typed("Thái Lan coi trọng chuyển đổi số. Năm 2022, Tổng thống phê duyệt Kế hoạch Số.");
  EXPECT_FALSE(links.count({"thailand", "enactment", "digital-plan"})) << ::testing::PrintToString(links);
  links = Typed("Thái Lan coi trọng chuyển đổi số. Năm 2022, Phó Thủ tướng Anutin Charnvirakul phê duyệt Kế hoạch Số.");
  EXPECT_FALSE(links.count({"thailand", "enactment", "digital-plan"})) << ::testing::PrintToString(links);
}

// "Hà Nội" paired with a state by "và"/"với" is Vietnam; as a place, inside
// a name or beside no state it is the city.
TEST_F(BodyLeaderCapitalTest, HanoiPairedWithAStateIsVietnam) {
  const std::string body = "Trong chuyến thăm Pháp tháng 10/2024, Hà Nội và Paris ký ý định thư về hợp tác vũ trụ.";
  auto links = Typed(body);
  EXPECT_TRUE(links.count({"france", "cooperation", "vietnam"})) << ::testing::PrintToString(links);
  auto evidence = EvidenceOf(body, {"france", "cooperation", "vietnam"});
  ASSERT_EQ(evidence.size(), 1u);
  EXPECT_EQ(evidence[0].begin, 0u);
  EXPECT_EQ(evidence[0].end, body.size());
  links = Typed("Washington và Hà Nội đã ký thỏa thuận hợp tác phòng, chống ma túy từ năm 2006.");
  EXPECT_TRUE(links.count({"united-states", "cooperation", "vietnam"})) << ::testing::PrintToString(links);
}

TEST_F(BodyLeaderCapitalTest, HanoiAsACityIsNoParty) {
  auto links = Typed("Nhật Bản mở văn phòng tại Hà Nội và ký thỏa thuận hợp tác với Lào.");
  EXPECT_FALSE(links.count({"japan", "cooperation", "vietnam"})) << ::testing::PrintToString(links);
  links = Typed("Đường bay giữa Quảng Châu với Hà Nội và Đà Nẵng được nối lại theo thỏa thuận hợp tác.");
  EXPECT_TRUE(links.empty()) << ::testing::PrintToString(links);
  links = Typed("Đại học Quốc gia Hà Nội và Pháp ký thỏa thuận hợp tác đào tạo.");
  EXPECT_FALSE(links.count({"france", "cooperation", "vietnam"})) << ::testing::PrintToString(links);
  // A relative clause's act is its head noun's, which the rules do not see.
  links = Typed("Kế hoạch Số là ý tưởng mà Hà Nội và Paris khởi động từ năm 2004.");
  EXPECT_FALSE(links.count({"vietnam", "enactment", "digital-plan"})) << ::testing::PrintToString(links);
  // "Môi trường" in a ministry's name is no "trường" (school).
  links = Typed("Bộ Tài nguyên và Môi trường công bố báo cáo. Năm 2024, Pháp ký bản ghi nhớ hợp tác với trường này.");
  EXPECT_FALSE(links.count({"france", "cooperation", "vietnam-monre"})) << ::testing::PrintToString(links);
  links = Typed("Hà Nội và Đà Nẵng ký thỏa thuận hợp tác du lịch.");
  EXPECT_TRUE(links.empty()) << ::testing::PrintToString(links);
}

}  // namespace
}  // namespace policygraph::indexer
