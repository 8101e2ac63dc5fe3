// indexer::DocumentLinker: typed links, co-mentions and their evidence, from
// short sentences of our own over a small gazetteer built here, so that each
// rule of typed_links.h has a case (and each trap a case that must not fire).

#include "indexer/document_links.h"

#include <gtest/gtest.h>

#include <set>
#include <string>
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
      MakeNode("european-union", "regional_org", {"European Union", "EU"}, {"Liên minh châu Âu", "EU"}),
      MakeNode("vietnam", "country", {"Vietnam"}, {"Việt Nam"}, {"Việt"}),
      MakeNode("japan", "country", {"Japan"}, {"Nhật Bản"}, {"Nhật"}),
      MakeNode("south-korea", "country", {"South Korea"}, {"Hàn Quốc"}),
      MakeNode("china", "country", {"China"}, {"Trung Quốc"}, {"Trung"}),
      MakeNode("united-states", "country", {"United States", "US"}, {"Hoa Kỳ", "Mỹ"}),
      MakeNode("indonesia", "country", {"Indonesia"}, {"Indonesia"}),
      MakeNode("laos", "country", {"Laos"}, {"Lào"}),
      MakeNode("thailand", "country", {"Thailand"}, {"Thái Lan"}),
      MakeNode("singapore", "country", {"Singapore"}, {"Singapore"}),
      MakeNode("australia", "country", {"Australia"}, {"Úc", "Australia"}),
      MakeNode("timor-leste", "country", {"Timor-Leste"}, {"Timor-Leste"}),
      MakeNode("amazon", "organization", {"Amazon"}, {"Amazon"}),
      MakeNode("vn-ministry", "organization", {"Ministry of Testing"}, {"Bộ Kiểm thử"}),
      MakeNode("kr-ministry", "organization", {}, {"Bộ Thử nghiệm Hàn Quốc"}),
      MakeNode("green-law", "law", {"Green Data Act"}, {"Luật Dữ liệu Xanh"}),
      MakeNode("blue-law", "law", {"Blue Data Act"}, {"Luật Dữ liệu Lam"}),
      MakeNode("common-frame", "agreement", {"Common Data Framework"}, {"Khung Dữ liệu Chung"}),
      MakeNode("plan-2030", "plan", {"Digital Plan 2030"}, {"Kế hoạch Số 2030"}),
      MakeNode("trade-pact", "agreement", {"Coral Trade Agreement"}, {"Hiệp định Thương mại San hô"}),
      MakeNode("test-summit", "event", {"Coral Summit"}, {"Hội nghị San hô"}),
      MakeNode("vn-kr-forum", "event", {}, {"Diễn đàn Số Việt Nam - Hàn Quốc"}),
      MakeNode("seed-project", "programme", {}, {"Dự án Hạt giống"}),
      MakeNode("vn-assembly", "organization", {}, {"Quốc hội Việt Nam"}),
      MakeNode("germany", "country", {"Germany"}, {"Đức"}),
      MakeNode("philippines", "country", {"Philippines"}, {"Philippines"}),
      MakeNode("coral-bank", "organization", {"Coral Reserve Bank"}, {}),
      MakeNode("reef-authority", "organization", {"Reef Monetary Authority"}, {}),
      MakeNode("pay-scheme", "programme", {"Coral Pay Scheme"}, {}),
      MakeNode("coral-consensus", "agreement", {"Coral Consensus"}, {}),
      MakeNode("reef-act", "law", {"Reef Workers Act"}, {}),
      MakeNode("pay-initiative", "initiative", {"Coral Payment Initiative"}, {"Sáng kiến Thanh toán San hô"}),
      MakeNode("quad-like", "regional_org", {"Reef Four"}, {"Nhóm Rạn San hô"}),
      MakeNode("coral-facility", "programme", {"Coral Insurance Facility"}, {}),
      MakeNode("reef-bank", "organization", {"Reef Development Bank"}, {"Ngân hàng Phát triển Rạn"}),
      MakeNode("india", "country", {"India"}, {"Ấn Độ"}),
      MakeNode("jp-reef-agency", "organization", {"Japan's Reef Agency"}, {}),
      MakeNode("myanmar", "country", {"Myanmar"}, {"Myanmar"}),
      MakeNode("new-zealand", "country", {"New Zealand"}, {"New Zealand"}),
      MakeNode("united-kingdom", "country", {"United Kingdom"}, {"Anh"}),
      MakeNode("us-state-dept", "organization", {"U.S. Department of State"}, {}),
  };
}

class DocumentLinksTest : public ::testing::Test {
 protected:
  graph::DocumentContribution Extract(const std::string& body, const std::string& date = "2022-01-01") {
    return links_.Extract(body, date);
  }
  std::set<Link> Typed(const std::string& body) { return links_.Typed(body); }

  LinkHarness links_{Gazetteer()};
};

TEST_F(DocumentLinksTest, CooperationJoinsSubjectWithEachPartnerNotPartnersWithEachOther) {
  EXPECT_EQ(Typed("Năm 2023, Việt Nam hợp tác với Nhật Bản và Hàn Quốc về an ninh mạng."),
            (std::set<Link>{{"japan", "cooperation", "vietnam"}, {"south-korea", "cooperation", "vietnam"}}));
}

TEST_F(DocumentLinksTest, CooperationBetweenTwoNamedAfterTheTrigger) {
  EXPECT_EQ(Typed("Hợp tác giữa ASEAN và Trung Quốc được tăng cường."),
            (std::set<Link>{{"asean", "cooperation", "china"}}));
}

TEST_F(DocumentLinksTest, SubjectsJoinedByAndCooperate) {
  EXPECT_EQ(Typed("Japan and Singapore signed a digital partnership in 2023."),
            (std::set<Link>{{"japan", "cooperation", "singapore"}}));
}

TEST_F(DocumentLinksTest, APlaceIsNotAPartnerAndASpeakerIsNotAParty) {
  EXPECT_TRUE(Typed("Bộ trưởng Việt Nam cho rằng hợp tác trong ASEAN cần được thúc đẩy.").empty());
}

TEST_F(DocumentLinksTest, AContrastStartsANewClause) {
  EXPECT_TRUE(Typed("ASEAN members signed up, while Laos and Thailand stayed out.").empty());
}

TEST_F(DocumentLinksTest, MinistriesCooperatingLinkTheirCountriesToo) {
  auto links = Typed("Bộ Kiểm thử Việt Nam và Bộ Thử nghiệm Hàn Quốc phối hợp tổ chức hội thảo.");
  EXPECT_TRUE(links.count({"kr-ministry", "cooperation", "vn-ministry"}));
  EXPECT_TRUE(links.count({"south-korea", "cooperation", "vietnam"}));
  EXPECT_FALSE(links.count({"vietnam", "cooperation", "vn-ministry"}));
}

TEST_F(DocumentLinksTest, TwoCountriesPairedInANameCooperate) {
  EXPECT_TRUE(Typed("Diễn đàn Số Việt Nam - Hàn Quốc diễn ra sôi nổi.").count({"south-korea", "cooperation", "vietnam"}));
}

TEST_F(DocumentLinksTest, EnactmentByTheSubjectOfAnAdoptionVerb) {
  EXPECT_EQ(Typed("Tháng 9/2022, Indonesia thông qua “Luật Dữ liệu Xanh”."),
            (std::set<Link>{{"indonesia", "enactment", "green-law"}}));
  EXPECT_EQ(Typed("In 2022 the European Union adopted the Blue Data Act."),
            (std::set<Link>{{"european-union", "enactment", "blue-law"}}));
}

TEST_F(DocumentLinksTest, ThroughIsNotAdoption) {
  EXPECT_TRUE(Typed("Liên minh châu Âu hỗ trợ Indonesia thông qua dự án “Luật Dữ liệu Xanh”.").count(
                  {"european-union", "enactment", "green-law"}) == 0);
}

TEST_F(DocumentLinksTest, LaunchingTalksOnAnAgreementDoesNotEnactIt) {
  EXPECT_FALSE(Typed("Thái Lan khởi động đàm phán Hiệp định Thương mại San hô.").count(
      {"thailand", "enactment", "trade-pact"}));
}

TEST_F(DocumentLinksTest, ACountrysOwnPlanIsOneItEnacted) {
  EXPECT_EQ(Typed("“Kế hoạch Số 2030” của Lào tập trung vào hạ tầng."),
            (std::set<Link>{{"laos", "enactment", "plan-2030"}}));
  // The owner named inside a longer name of the law.
  EXPECT_EQ(Typed("Thailand's Green Data Act took effect in June."),
            (std::set<Link>{{"thailand", "enactment", "green-law"}}));
}

TEST_F(DocumentLinksTest, AttendanceAndHosting) {
  EXPECT_EQ(Typed("Hội nghị San hô tổ chức tại Hà Nội, Việt Nam có sự tham dự của Nhật Bản và Úc."),
            (std::set<Link>{{"vietnam", "participation", "test-summit"},
                            {"japan", "participation", "test-summit"},
                            {"australia", "participation", "test-summit"}}));
}

TEST_F(DocumentLinksTest, InvestmentReachesThePlaceAfterAmountAndPurpose) {
  EXPECT_EQ(Typed("Amazon đã đầu tư 5 tỷ USD để xây dựng ba trung tâm dữ liệu ở Tây Java, Indonesia."),
            (std::set<Link>{{"amazon", "investment", "indonesia"}}));
  // US$ is a currency, not the United States.
  EXPECT_EQ(Typed("Amazon plans to invest US$5 billion in Thailand."),
            (std::set<Link>{{"amazon", "investment", "thailand"}}));
}

TEST_F(DocumentLinksTest, MembershipAndAdmission) {
  EXPECT_EQ(Typed("Timor-Leste chính thức trở thành thành viên của ASEAN."),
            (std::set<Link>{{"timor-leste", "membership", "asean"}}));
  EXPECT_EQ(Typed("ASEAN kết nạp Timor-Leste vào năm 2025."), (std::set<Link>{{"timor-leste", "membership", "asean"}}));
  EXPECT_EQ(Typed("Singapore gia nhập Hiệp định Thương mại San hô năm 2020."),
            (std::set<Link>{{"singapore", "membership", "trade-pact"}}));
}

TEST_F(DocumentLinksTest, BasisWithTheLawsNamedBefore) {
  EXPECT_EQ(Typed("Luật Dữ liệu Xanh có hiệu lực.\nLuật Dữ liệu Lam được ban hành.\n"
                  "Các luật trên dựa trên Khung Dữ liệu Chung."),
            (std::set<Link>{{"green-law", "basis", "common-frame"}, {"blue-law", "basis", "common-frame"}}));
  EXPECT_EQ(Typed("The Green Data Act was modelled on the Common Data Framework."),
            (std::set<Link>{{"green-law", "basis", "common-frame"}}));
}

TEST_F(DocumentLinksTest, PairsWithoutATypedLinkAreCoMentions) {
  auto c = Extract("Mỹ và Trung Quốc cạnh tranh gay gắt.");
  ASSERT_EQ(c.evidence.size(), 1u);
  EXPECT_EQ(c.evidence[0].first, (graph::EdgeKey{"china", kCoMention, "united-states"}));
  EXPECT_TRUE(c.evidence[0].second.trigger.empty());
}

TEST_F(DocumentLinksTest, PairingNameCountsOnlyInAPairing) {
  auto c = Extract("Cạnh tranh Mỹ - Trung lan sang Trung tâm dữ liệu.");
  EXPECT_EQ(c.entities, (std::vector<std::string>{"china", "united-states"}));
  EXPECT_EQ(Extract("Trung tâm dữ liệu của Mỹ.").entities, (std::vector<std::string>{"united-states"}));
  // A possessive says whose, as "của" does; a country merely inside a
  // body's name ("Bộ Thử nghiệm Hàn Quốc") is not a mention of its own.
  EXPECT_EQ(Extract("Japan's Reef Agency met.").entities, (std::vector<std::string>{"japan", "jp-reef-agency"}));
  EXPECT_EQ(Extract("Bộ Thử nghiệm Hàn Quốc họp.").entities, (std::vector<std::string>{"kr-ministry"}));
}

TEST_F(DocumentLinksTest, EvidenceNamesPassageSpanTriggerAndDate) {
  const std::string body = "Mở đầu.\nNgày 5/3/2023, Việt Nam hợp tác với Nhật Bản. Sau đó Nhật Bản hợp tác với Hàn Quốc.";
  auto c = Extract(body, "2024-01-01");
  std::vector<graph::Evidence> coop;
  for (const auto& [key, ev] : c.evidence) {
    if (key.relation == "cooperation") coop.push_back(ev);
  }
  ASSERT_EQ(coop.size(), 2u);
  EXPECT_EQ(coop[0].passage, 1u);
  EXPECT_EQ(body.substr(coop[0].begin, coop[0].end - coop[0].begin),
            "Ngày 5/3/2023, Việt Nam hợp tác với Nhật Bản.");
  EXPECT_EQ(coop[0].trigger, "hợp tác");
  EXPECT_EQ(coop[0].date, "2023-03-05");
  // The second sentence states no date: it carries the passage's last one.
  EXPECT_EQ(coop[1].date, "2023-03-05");
  // With no date in the passage, the document's.
  auto plain = Extract("Việt Nam hợp tác với Nhật Bản.", "2024-01-01");
  ASSERT_FALSE(plain.evidence.empty());
  EXPECT_EQ(plain.evidence[0].second.date, "2024-01-01");
}

TEST_F(DocumentLinksTest, RelativeClauseNamesTheEnactor) {
  EXPECT_TRUE(Typed("The rules follow the Blue Data Act, which the European Union adopted in 2016.")
                  .count({"european-union", "enactment", "blue-law"}));
}

TEST_F(DocumentLinksTest, AFrontedDateIsNotAPlace) {
  EXPECT_EQ(Typed("In April 2024 Thailand passed the Green Data Act."),
            (std::set<Link>{{"thailand", "enactment", "green-law"}}));
}

TEST_F(DocumentLinksTest, ACountryAfterACityIsAPlaceButNotTheSubjectAfterIt) {
  // "tại Hà Nội, Việt Nam, Singapore ký …": Vietnam is where, Singapore who.
  EXPECT_EQ(Typed("Ngày 5/3/2023, tại Hà Nội, Việt Nam, Singapore gia nhập Hiệp định Thương mại San hô."),
            (std::set<Link>{{"singapore", "membership", "trade-pact"}}));
  // "ở Jakarta, Nhật Bản công bố …" after an event: Japan acts at it.
  EXPECT_TRUE(Typed("Tại Hội nghị San hô ở Jakarta, Nhật Bản công bố Kế hoạch Số 2030.")
                  .count({"japan", "participation", "test-summit"}));
}

TEST_F(DocumentLinksTest, IntentIsNotMembership) {
  EXPECT_FALSE(Typed("Trung Quốc đã nộp đơn xin gia nhập Hiệp định Thương mại San hô.")
                   .count({"china", "membership", "trade-pact"}));
  EXPECT_FALSE(Typed("China applied to join the Coral Trade Agreement in 2021.")
                   .count({"china", "participation", "trade-pact"}));
}

TEST_F(DocumentLinksTest, DialoguePartnerOfTheNameBeforeIt) {
  EXPECT_TRUE(Typed("Japan became an ASEAN dialogue partner long ago.").count({"asean", "cooperation", "japan"}));
}

TEST_F(DocumentLinksTest, ThisLawIsTheLawNamedLast) {
  EXPECT_EQ(Typed("Indonesia thông qua Luật Dữ liệu Xanh; luật này dựa trên Khung Dữ liệu Chung."),
            (std::set<Link>{{"indonesia", "enactment", "green-law"}, {"green-law", "basis", "common-frame"}}));
}

TEST_F(DocumentLinksTest, BothSidesAreTheTwoCountriesNamedLast) {
  EXPECT_TRUE(Typed("Tổng thống Mỹ thăm Việt Nam năm 2023, khi hai nước nâng cấp quan hệ lên Đối tác chiến lược.")
                  .count({"united-states", "cooperation", "vietnam"}));
}

TEST_F(DocumentLinksTest, ThreeSignatoriesOfAnAgreementBecomePartiesToIt) {
  EXPECT_EQ(Typed("Japan, Singapore and Thailand signed the Coral Trade Agreement in 2022."),
            (std::set<Link>{{"japan", "membership", "trade-pact"},
                            {"singapore", "membership", "trade-pact"},
                            {"thailand", "membership", "trade-pact"}}));
  // Two who sign one cooperate.
  EXPECT_EQ(Typed("Japan and Singapore signed the Coral Trade Agreement in 2022."),
            (std::set<Link>{{"japan", "cooperation", "singapore"}}));
}

TEST_F(DocumentLinksTest, HostedByNamesOnlyTheHost) {
  EXPECT_EQ(Typed("The Coral Summit was hosted by Indonesia, the ministers of Japan and Laos attending."),
            (std::set<Link>{{"indonesia", "participation", "test-summit"}}));
}

TEST_F(DocumentLinksTest, AStateBodyEnactsForItsCountry) {
  auto links = Typed("Ngày 21/11/2017, Quốc hội Việt Nam thông qua Luật Dữ liệu Xanh.");
  EXPECT_TRUE(links.count({"vn-assembly", "enactment", "green-law"}));
  EXPECT_TRUE(links.count({"vietnam", "enactment", "green-law"}));
}

TEST_F(DocumentLinksTest, AGroundThatOpensTheSentence) {
  EXPECT_TRUE(Typed("Trên cơ sở Luật Dữ liệu Xanh, năm 2019 Indonesia ban hành Luật Dữ liệu Lam.")
                  .count({"blue-law", "basis", "green-law"}));
}

TEST_F(DocumentLinksTest, ASubjectWithADescriptionBetweenCommas) {
  EXPECT_TRUE(Typed("Nhật Bản, quốc gia có nhiều kinh nghiệm về quản lý dữ liệu trên biển, đã hợp tác với Việt Nam.")
                  .count({"japan", "cooperation", "vietnam"}));
}

// "admitted as X's member" is passive: the member comes first.
TEST_F(DocumentLinksTest, AdmittedAsAMemberIsPassive) {
  EXPECT_EQ(Typed("Timor-Leste, admitted as ASEAN's eleventh member in 2025, must align its rules."),
            (std::set<Link>{{"timor-leste", "membership", "asean"}}));
  EXPECT_EQ(Typed("Timor-Leste được kết nạp vào ASEAN năm 2025."),
            (std::set<Link>{{"timor-leste", "membership", "asean"}}));
}

// "developed jointly by A and B": the parties are after "by".
TEST_F(DocumentLinksTest, JointlyByNamesTheParties) {
  auto links = Typed("Singapore watched the launch of a link developed jointly by the Coral Reserve Bank and the Reef Monetary Authority.");
  EXPECT_TRUE(links.count({"coral-bank", "cooperation", "reef-authority"})) << ::testing::PrintToString(links);
  EXPECT_FALSE(links.count({"coral-bank", "cooperation", "singapore"}));
}

// The country after "in" right after an event hosts it.
TEST_F(DocumentLinksTest, TheCountryAnEventIsHeldInHostsIt) {
  EXPECT_TRUE(Typed("The Coral Consensus was adopted at the Coral Summit in Manila, the Philippines.")
                  .count({"philippines", "participation", "test-summit"}));
  EXPECT_TRUE(Typed("Hội nghị San hô tại Kuala Lumpur, Thái Lan đã thông qua tuyên bố.")
                  .count({"thailand", "participation", "test-summit"}));
}

// "its Act": the country the sentence is about.
TEST_F(DocumentLinksTest, ItsLawIsTheSubjectCountrysLaw) {
  EXPECT_TRUE(Typed("Germany has drawn nurses from Asia since its Reef Workers Act came into force in 2020.")
                  .count({"germany", "enactment", "reef-act"}));
}

// "In Vietnam, Decree … took effect": the country the sentence opens with.
TEST_F(DocumentLinksTest, TheCountryASentenceOpensWithOwnsItsLaw) {
  EXPECT_TRUE(Typed("In Indonesia, the Green Data Act took effect on 1 July 2024.")
                  .count({"indonesia", "enactment", "green-law"}));
}

// "cooperation on X with Y": X is the topic, not a party.
TEST_F(DocumentLinksTest, WhatCooperationIsAboutIsNotAParty) {
  auto links = Typed("Japan signed memoranda of cooperation on Amazon with Vietnam and Indonesia.");
  EXPECT_TRUE(links.count({"japan", "cooperation", "vietnam"})) << ::testing::PrintToString(links);
  EXPECT_FALSE(links.count({"amazon", "cooperation", "vietnam"}));
}

// A list of three or more subjects agreeing is a group, not pairs with the last.
TEST_F(DocumentLinksTest, AListOfSubjectsIsNotPartnersOfItsLastItem) {
  auto links = Typed("Australia, Japan, Singapore and the United States agreed to share information.");
  EXPECT_FALSE(links.count({"australia", "cooperation", "united-states"})) << ::testing::PrintToString(links);
}

// Central banks act for their states.
TEST_F(DocumentLinksTest, CentralBanksCooperatingLinkTheirCountries) {
  const std::vector<Node> entities = {
      MakeNode("india", "country", {"India"}, {"Ấn Độ"}),
      MakeNode("singapore", "country", {"Singapore"}, {"Singapore"}),
      MakeNode("rbi", "organization", {"Reserve Bank of India"}, {}),
      MakeNode("mas", "organization", {"Monetary Authority of Singapore"}, {}),
  };
  std::set<Link> links = LinkHarness(entities).All(
      "The Reserve Bank of India and the Monetary Authority of Singapore cooperated on fast payments.");
  EXPECT_TRUE(links.count({"india", "cooperation", "singapore"})) << ::testing::PrintToString(links);
}

// "các bên tham gia Hiệp định", "parties to": membership of an agreement.
TEST_F(DocumentLinksTest, PartiesToAnAgreementAreItsMembers) {
  EXPECT_EQ(Typed("Việt Nam, Lào và Thái Lan là các bên tham gia Hiệp định Thương mại San hô."),
            (std::set<Link>{{"vietnam", "membership", "trade-pact"},
                            {"laos", "membership", "trade-pact"},
                            {"thailand", "membership", "trade-pact"}}));
}

// "builds on": basis.
TEST_F(DocumentLinksTest, BuildsOnIsABasis) {
  EXPECT_TRUE(Typed("The Blue Data Act builds on the Common Data Framework.")
                  .count({"blue-law", "basis", "common-frame"}));
}

// Signing a memorandum on an initiative with two others makes all parties.
TEST_F(DocumentLinksTest, SignatoriesOfAMemorandumOnAnInitiativeAreItsMembers) {
  EXPECT_EQ(Typed("Indonesia, Thái Lan và Singapore ký bản ghi nhớ về “Sáng kiến Thanh toán San hô”."),
            (std::set<Link>{{"indonesia", "membership", "pay-initiative"},
                            {"thailand", "membership", "pay-initiative"},
                            {"singapore", "membership", "pay-initiative"}}));
}

// "quỹ đầu tư" is a fund, not the verb; investing in a company stops at it.
TEST_F(DocumentLinksTest, AnInvestmentFundIsNotAnInvestmentAndTheCompanyIsTheTarget) {
  EXPECT_TRUE(Typed("Theo Amazon, quỹ đầu tư của Singapore, thị trường tăng mạnh.").empty());
  auto links = Typed("Singapore đã rót vốn vào Amazon, tập đoàn lớn nhất Indonesia.");
  EXPECT_TRUE(links.count({"singapore", "investment", "amazon"})) << ::testing::PrintToString(links);
  EXPECT_FALSE(links.count({"singapore", "investment", "indonesia"}));
}

// Donating is cooperation; proposing to negotiate is not yet a link.
TEST_F(DocumentLinksTest, DonationsCooperateAndProposalsDoNot) {
  EXPECT_TRUE(Typed("Nhật Bản đã trao tặng Việt Nam một triệu liều vắc xin.").count({"japan", "cooperation", "vietnam"}));
  EXPECT_TRUE(Typed("Indonesia đề xuất đàm phán một thỏa thuận về khoáng sản với Hoa Kỳ.").empty());
}

// A grouping and the countries listed as its members; the grouping, not
// its members, acts.
TEST_F(DocumentLinksTest, AGroupingsListedMembersAreMembersNotSubjects) {
  EXPECT_EQ(Typed("Năm 2021, Nhóm Rạn San hô gồm Mỹ, Nhật Bản, Ấn Độ và Australia công bố Kế hoạch Số 2030."),
            (std::set<Link>{{"united-states", "membership", "quad-like"},
                            {"japan", "membership", "quad-like"},
                            {"india", "membership", "quad-like"},
                            {"australia", "membership", "quad-like"},
                            {"quad-like", "enactment", "plan-2030"}}));
  EXPECT_EQ(Typed("The Coral Insurance Facility was set up in 2018 with Japan, Singapore and Laos as founding members."),
            (std::set<Link>{{"japan", "membership", "coral-facility"},
                            {"singapore", "membership", "coral-facility"},
                            {"laos", "membership", "coral-facility"}}));
  // A list of topics after "gồm" names no members.
  EXPECT_TRUE(Typed("Nhóm Rạn San hô gồm ba trụ cột.").empty());
}

// Grants are cooperation; loans, and a bank's funding, are investment.
TEST_F(DocumentLinksTest, GrantsCooperateLoansInvest) {
  EXPECT_EQ(Typed("Nhật Bản tài trợ 5 triệu USD cho Lào để đào tạo."), (std::set<Link>{{"japan", "cooperation", "laos"}}));
  EXPECT_EQ(Typed("Bằng nguồn vốn vay ưu đãi, Hàn Quốc đã tài trợ cho Lào xây dựng trung tâm dữ liệu."),
            (std::set<Link>{{"south-korea", "investment", "laos"}}));
  EXPECT_EQ(Typed("Ngân hàng Phát triển Rạn tài trợ 500 triệu USD cho Indonesia."),
            (std::set<Link>{{"reef-bank", "investment", "indonesia"}}));
  EXPECT_EQ(Typed("Ngân hàng Phát triển Rạn cho Philippines vay 400 triệu USD."),
            (std::set<Link>{{"reef-bank", "investment", "philippines"}}));
  EXPECT_EQ(Typed("The Reef Development Bank has lent the Philippines US$ 300 million for dams and extended a "
                  "green loan to Indonesia."),
            (std::set<Link>{{"reef-bank", "investment", "philippines"}, {"reef-bank", "investment", "indonesia"}}));
  EXPECT_EQ(Typed("Japan has given the Reef Development Bank more than US$ 80 million in grants."),
            (std::set<Link>{{"japan", "cooperation", "reef-bank"}}));
}

// "… và gửi tặng Myanmar": the second verb keeps the sentence's subject.
TEST_F(DocumentLinksTest, ACoordinatedVerbKeepsTheSubject) {
  EXPECT_EQ(Typed("Ấn Độ khởi động Kế hoạch Số 2030 vào tháng 1/2021 và gửi tặng Myanmar những lô vắc xin."),
            (std::set<Link>{{"india", "enactment", "plan-2030"}, {"india", "cooperation", "myanmar"}}));
  // The sentence's first name is no actor: no one to carry.
  auto links = Typed("Theo Kế hoạch Số 2030, các nước sẽ họp và gửi tặng Myanmar vắc xin.");
  EXPECT_TRUE(links.empty()) << ::testing::PrintToString(links);
}

// ", and X announced …" opens a new clause: X is no partner of the first.
TEST_F(DocumentLinksTest, AnActorWithItsOwnVerbAfterAndIsNotAPartner) {
  auto links = Typed("The United Kingdom works with ASEAN on early warning, and New Zealand announced a new plan.");
  EXPECT_TRUE(links.count({"asean", "cooperation", "united-kingdom"})) << ::testing::PrintToString(links);
  EXPECT_FALSE(links.count({"new-zealand", "cooperation", "united-kingdom"}));
}

// "approved the Plan, which builds on the Framework": only the first is
// approved.
TEST_F(DocumentLinksTest, AFrameworkPastAnotherVerbIsNotEnacted) {
  auto links = Typed("Vietnam approved the Digital Plan 2030, which builds on the Common Data Framework.");
  EXPECT_TRUE(links.count({"vietnam", "enactment", "plan-2030"})) << ::testing::PrintToString(links);
  EXPECT_FALSE(links.count({"vietnam", "enactment", "common-frame"}));
}

// Joining an initiative makes one its member.
TEST_F(DocumentLinksTest, JoiningAnInitiativeIsMembership) {
  EXPECT_EQ(Typed("Việt Nam và Lào tham gia Sáng kiến Thanh toán San hô năm 2020."),
            (std::set<Link>{{"vietnam", "membership", "pay-initiative"}, {"laos", "membership", "pay-initiative"}}));
}

// Setting up a fund or programme enacts it; the memorandum "về việc thành
// lập" something does not, and neither does a proposal.
TEST_F(DocumentLinksTest, SettingUpAProgrammeEnactsIt) {
  EXPECT_EQ(Typed("Dự án Hạt giống do Trung Quốc lập ra từ năm 2016."),
            (std::set<Link>{{"china", "enactment", "seed-project"}}));
  auto links = Typed("Việt Nam và Hàn Quốc ký bản ghi nhớ về việc thành lập Dự án Hạt giống.");
  EXPECT_FALSE(links.count({"vietnam", "enactment", "seed-project"})) << ::testing::PrintToString(links);
  EXPECT_TRUE(Typed("Năm 2021, Philippines từng đề xuất thành lập Dự án Hạt giống.").empty());
}

// "Washington đã tặng Việt Nam …, tặng Philippines …": the first verb's
// recipient is no donor; the subject carries over the comma.
TEST_F(DocumentLinksTest, ARecipientIsNotTheNextDonor) {
  EXPECT_EQ(Typed("Hoa Kỳ đã tặng Việt Nam 40 triệu liều vắc xin, tặng Philippines 30 triệu liều."),
            (std::set<Link>{{"united-states", "cooperation", "vietnam"}, {"philippines", "cooperation", "united-states"}}));
}

// "A và B ký thỏa thuận … để đưa C vào vận hành": C is no party.
TEST_F(DocumentLinksTest, APurposeClauseNamesNoParty) {
  EXPECT_EQ(Typed("Nhật Bản và ASEAN ký thỏa thuận hỗ trợ kỹ thuật để chuẩn bị đưa Amazon vào vận hành."),
            (std::set<Link>{{"asean", "cooperation", "japan"}}));
}

// "là nhà đầu tư … tại Việt Nam" and "do Ấn Độ bỏ vốn đầu tư": who invests
// where, from an investor noun after a copula and from a passive.
TEST_F(DocumentLinksTest, InvestorNounsAndPassiveInvestment) {
  EXPECT_EQ(Typed("Amazon tiếp tục là nhà đầu tư nước ngoài lớn nhất tại Việt Nam."),
            (std::set<Link>{{"amazon", "investment", "vietnam"}}));
  EXPECT_EQ(Typed("Tháng 5/2023, cảng Sittwe ở bang Rakhine, Myanmar, do Ấn Độ bỏ vốn đầu tư xây dựng, đã hoạt động."),
            (std::set<Link>{{"india", "investment", "myanmar"}}));
  // "quỹ đầu tư", "nhà đầu tư" elsewhere still name no investment.
  EXPECT_TRUE(Typed("Các nhà đầu tư của Singapore quan tâm tới Việt Nam.").empty());
}

// Linking words ("nối", "kết nối") pair only subjects joined by "và".
TEST_F(DocumentLinksTest, LinkingWordsPairOnlyJoinedSubjects) {
  EXPECT_EQ(Typed("Tháng 4/2021, Thái Lan và Singapore nối hai hệ thống chuyển tiền nhanh."),
            (std::set<Link>{{"singapore", "cooperation", "thailand"}}));
  EXPECT_TRUE(Typed("Dự án Hạt giống kết nối các thành phố của Mỹ với ASEAN.").empty());
}

// "builds on the agreement": the agreement named last in the passage.
TEST_F(DocumentLinksTest, TheAgreementIsTheOneNamedLast) {
  auto links = Typed("Singapore ratified the Coral Trade Agreement in 2020. The Digital Plan 2030 builds on the agreement.");
  EXPECT_TRUE(links.count({"plan-2030", "basis", "trade-pact"})) << ::testing::PrintToString(links);
}

// A clause of time ("sau khi", "after") has the main clause's subject.
TEST_F(DocumentLinksTest, AnAfterClauseTakesTheMainSubject) {
  EXPECT_TRUE(Typed("Sau khi khởi động Kế hoạch Số 2030 năm 2015, Nhật Bản tiếp tục giới thiệu nhiều dự án.")
                  .count({"japan", "enactment", "plan-2030"}));
  EXPECT_TRUE(Typed("Hàn Quốc đẩy mạnh hợp tác hạ tầng với khu vực sau khi công bố Kế hoạch Số 2030.")
                  .count({"south-korea", "enactment", "plan-2030"}));
}

// A product ("vắc xin Amazon" standing for a brand) and a country as a
// nationality ("các doanh nghiệp Nhật Bản") are no parties.
TEST_F(DocumentLinksTest, ProductsAndNationalitiesAreNoParties) {
  EXPECT_EQ(Typed("Hoa Kỳ đã tặng Việt Nam 40 triệu liều vắc xin Amazon."),
            (std::set<Link>{{"united-states", "cooperation", "vietnam"}}));
  EXPECT_EQ(Typed("Việt Nam hợp tác với các doanh nghiệp Nhật Bản và với Hàn Quốc."),
            (std::set<Link>{{"south-korea", "cooperation", "vietnam"}}));
}

// Supplying or handing over to a named state is cooperation with it alone;
// "nước này" is the country named last.
TEST_F(DocumentLinksTest, SupplyAndThisCountry) {
  EXPECT_EQ(Typed("Hàn Quốc cũng cung cấp gạo cho Myanmar và Lào."),
            (std::set<Link>{{"myanmar", "cooperation", "south-korea"}, {"laos", "cooperation", "south-korea"}}));
  EXPECT_EQ(Typed("The Philippines deported four suspects wanted for fraud to Japan."),
            (std::set<Link>{{"japan", "cooperation", "philippines"}}));
  EXPECT_TRUE(Typed("Philippines đi theo hướng khác. Năm 2019, nước này ban hành Luật Dữ liệu Xanh.")
                  .count({"philippines", "enactment", "green-law"}));
}

// A list of subjects stops at a verb of its own; the agent of a passive is
// no subject of what follows; an alias in brackets after "với X" is X.
TEST_F(DocumentLinksTest, SubjectsStopAtAnotherVerb) {
  auto links = Typed("Japan and India jointly designated Amazon, a group that had invested billions in Laos.");
  EXPECT_TRUE(links.count({"amazon", "investment", "laos"})) << ::testing::PrintToString(links);
  EXPECT_FALSE(links.count({"india", "investment", "laos"}));
  links = Typed("At the Coral Summit, hosted by Indonesia in May 2023, they adopted the Digital Plan 2030.");
  EXPECT_FALSE(links.count({"indonesia", "enactment", "plan-2030"})) << ::testing::PrintToString(links);
}

// "Beijing, Bangkok and Naypyidaw agreed on a joint operation": three
// subjects in a list are pairwise partners.
TEST_F(DocumentLinksTest, ThreeSubjectsInAListCooperatePairwise) {
  EXPECT_EQ(Typed("In 2025 China, Thailand and Laos agreed on a joint operation."),
            (std::set<Link>{{"china", "cooperation", "thailand"}, {"china", "cooperation", "laos"},
                            {"laos", "cooperation", "thailand"}}));
}

// An application to join is no membership; "joined" alone is membership of
// the agreement named last.
TEST_F(DocumentLinksTest, JoiningTheAgreementNamedBefore) {
  auto links = Typed("Singapore and Laos were its early parties to the Coral Trade Agreement, and Thailand joined in 2018. "
                     "Indonesia's application to join was not accepted.");
  EXPECT_TRUE(links.count({"thailand", "membership", "trade-pact"})) << ::testing::PrintToString(links);
  EXPECT_FALSE(links.count({"indonesia", "membership", "trade-pact"}));
}

// "X, được A, B và C ký": the signatories of a passive signing are parties.
TEST_F(DocumentLinksTest, PassiveSigningMakesParties) {
  EXPECT_EQ(Typed("Hiệp định Thương mại San hô, được Trung Quốc, Nhật Bản và Hàn Quốc ký năm 2011, có hiệu lực năm 2012."),
            (std::set<Link>{{"china", "membership", "trade-pact"}, {"japan", "membership", "trade-pact"},
                            {"south-korea", "membership", "trade-pact"}}));
}

// "A và B …, rồi cùng EU lập …": two sides; ", còn X …" a new clause; a
// ministry's plan is its own; "Về phía X," is a topic.
TEST_F(DocumentLinksTest, SidesClausesMinistriesAndTopics) {
  EXPECT_EQ(Typed("Indonesia và Úc phản đối, rồi cùng EU lập một nhóm đặc nhiệm chung."),
            (std::set<Link>{{"european-union", "cooperation", "indonesia"}, {"australia", "cooperation", "european-union"}}));
  auto links = Typed("Nhật Bản tài trợ cho Lào, còn Ngân hàng Phát triển Rạn cấp khoản vay cho Philippines.");
  EXPECT_FALSE(links.count({"japan", "investment", "philippines"})) << ::testing::PrintToString(links);
  EXPECT_TRUE(links.count({"reef-bank", "investment", "philippines"}));
  EXPECT_EQ(Typed("Bộ Kiểm thử công bố Kế hoạch Số 2030."), (std::set<Link>{{"vn-ministry", "enactment", "plan-2030"}}));
  EXPECT_TRUE(Typed("Về phía Ấn Độ, Hội nghị San hô thông qua Kế hoạch Số 2030.").empty());
}

// "A and B jointly designated C": the subjects are the partners. "X, do Y
// khởi xướng, hiện quy tụ A, B": the members of X. "cả hai nước đều là
// thành viên của X": the two countries named last. A recipient after
// "cho" is no donor; "rồi" carries the subject.
TEST_F(DocumentLinksTest, JointSubjectsAgentClausesBothCountriesAndRecipients) {
  EXPECT_EQ(Typed("The United States and Japan jointly designated Amazon as a criminal group."),
            (std::set<Link>{{"japan", "cooperation", "united-states"}}));
  auto links = Typed("Nhóm Rạn San hô, do Bộ Thử nghiệm Hàn Quốc khởi xướng, hiện quy tụ Lào, Thái Lan và Việt Nam.");
  EXPECT_TRUE(links.count({"laos", "membership", "quad-like"})) << ::testing::PrintToString(links);
  EXPECT_TRUE(links.count({"vietnam", "membership", "quad-like"}));
  links = Typed("Indonesia và Úc phản đối; cả hai nước đều là thành viên sáng lập của Nhóm Rạn San hô.");
  EXPECT_TRUE(links.count({"indonesia", "membership", "quad-like"})) << ::testing::PrintToString(links);
  EXPECT_TRUE(links.count({"australia", "membership", "quad-like"}));
  links = Typed("Ấn Độ đồng ý bán gạo cho Singapore, rồi lần lượt cấp hạn ngạch cho Indonesia và Lào.");
  EXPECT_TRUE(links.count({"india", "cooperation", "indonesia"})) << ::testing::PrintToString(links);
  EXPECT_TRUE(links.count({"india", "cooperation", "laos"}));
  EXPECT_FALSE(links.count({"indonesia", "cooperation", "singapore"}));
}

}  // namespace
}  // namespace policygraph::indexer

namespace policygraph::indexer {
namespace {

// ICU ends a sentence after "U.S." before a capital and at every line
// break; a name running across such an end makes the two sentences one for
// the rules (which read a sentence's names by its words), and its evidence
// is the whole of them. (A 1M-document run once failed on a name matched
// across a sentence's end.)
TEST_F(DocumentLinksTest, ANameAcrossASentenceBreakJoinsTheSentences) {
  const std::string body = "In 2023 the U.S. Department of State signed an agreement with Vietnam.";
  const auto c = Extract(body);
  bool found = false;
  for (const auto& [key, ev] : c.evidence) {
    if (key.source == "us-state-dept" && key.relation == "cooperation" && key.target == "vietnam") {
      found = true;
      EXPECT_EQ(ev.begin, 0u);
      EXPECT_EQ(ev.end, body.size());
    }
  }
  EXPECT_TRUE(found);
  EXPECT_EQ(Typed("Việt Nam hợp tác với Trung\nQuốc về an ninh mạng."),
            (std::set<Link>{{"china", "cooperation", "vietnam"}}));
}

// The rules index a sentence's words by position: a mention outside them is
// the caller's mistake, reported, not read past.
TEST(TypedLinksTest, AMentionOutsideTheSentenceIsRejected) {
  const std::string text = "Việt Nam hợp tác với Nhật Bản.";
  Analyzer analyzer;
  const std::vector<Token> tokens = analyzer.Tokenize(text);
  SentenceContext ctx;
  ctx.text = text;
  ctx.tokens = &tokens;
  SentenceMention vietnam;
  vietnam.id = "vietnam";
  vietnam.type = "country";
  vietnam.kind = EntityKind::kActor;
  vietnam.first = 0;
  vietnam.count = 2;
  SentenceMention japan = vietnam;
  japan.id = "japan";
  japan.first = 5;
  japan.count = 3;  // one word past the sentence's seven
  ctx.mentions = {vietnam, japan};
  EXPECT_THROW(FindTypedLinks(ctx), std::invalid_argument);
  ctx.mentions[1].count = 2;
  EXPECT_NO_THROW(FindTypedLinks(ctx));
}

}  // namespace
}  // namespace policygraph::indexer
