// The funder's other partners (indexer/links/funded_work.cc, docs/QUALITY.md
// "Funded work, channels of aid, contracts and signatory lists"): the body
// that carries out a project another funds ("EU tài trợ … cho dự án …, do A
// phối hợp với B thực hiện", "The EU funds X, which A implements"), the body
// what it funds helps ("dự án do X tài trợ đã hỗ trợ A"), and the body aid is
// given through ("gave US$2 million through A", "tài trợ … thông qua A");
// and, from the same count of misses, "theo hợp đồng ký với" (under, not
// according to), "được A, B và C ký với D" (signatory lists) and "mà"
// opening a relative clause. Each rule has cases that fire and traps that
// must not.

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
      MakeNode("european-union", "regional_org", {"European Union", "EU"}, {"Liên minh châu Âu", "EU"}),
      MakeNode("vietnam", "country", {"Vietnam"}, {"Việt Nam"}),
      MakeNode("japan", "country", {"Japan"}, {"Nhật Bản"}),
      MakeNode("south-korea", "country", {"South Korea"}, {"Hàn Quốc"}),
      MakeNode("laos", "country", {"Laos"}, {"Lào"}),
      MakeNode("reef-institute", "organization", {"Reef Institute"}, {"Viện Rạn San hô"}),
      MakeNode("ocean-centre", "organization", {"Ocean Centre"}, {"Trung tâm Đại dương"}),
      MakeNode("tide-agency", "organization", {"Tide Agency"}, {"Cơ quan Thủy triều"}),
      MakeNode("coral-agreement", "agreement", {"Coral Agreement"}, {"Hiệp định Rạn San hô"}),
  };
}

class FundedWorkLinksTest : public ::testing::Test {
 protected:
  std::set<Link> Typed(const std::string& body) { return links_.Typed(body); }
  LinkHarness links_{Gazetteer()};
};

const Link kEuReef{"european-union", "cooperation", "reef-institute"};
const Link kEuOcean{"european-union", "cooperation", "ocean-centre"};
const Link kJapanReef{"japan", "cooperation", "reef-institute"};
const Link kJapanOcean{"japan", "cooperation", "ocean-centre"};

TEST_F(FundedWorkLinksTest, TheFunderWorksWithWhoCarriesOutItsProject) {
  // "do A phối hợp với B thực hiện": both carry it out.
  auto typed = Typed("Liên minh châu Âu (EU) tài trợ 1,5 triệu euro cho dự án đào tạo nghề truyền thống tại Lào, "
                     "do Viện Rạn San hô phối hợp với Trung tâm Đại dương thực hiện.");
  EXPECT_TRUE(typed.count(kEuReef));
  EXPECT_TRUE(typed.count(kEuOcean));
  // The funder in a relative clause, adverbs before the verb.
  EXPECT_TRUE(Typed("Nhã nhạc được bảo tồn nhờ một dự án mà Nhật Bản tài trợ trong giai đoạn 2005 - 2008, "
                    "do Viện Rạn San hô trực tiếp triển khai.")
                  .count(kJapanReef));
  EXPECT_TRUE(Typed("Nhật Bản tài trợ dự án đổi mới giáo dục đại học do Viện Rạn San hô chủ trì.").count(kJapanReef));
  // English: "which A implements", "implemented by A together with B".
  EXPECT_TRUE(Typed("The EU funds a training programme, which the Reef Institute implements in Laos.").count(kEuReef));
  typed = Typed("Japan funds a coastal programme implemented by the Reef Institute together with the Ocean Centre.");
  EXPECT_TRUE(typed.count(kJapanReef));
  EXPECT_TRUE(typed.count(kJapanOcean));
}

TEST_F(FundedWorkLinksTest, WhatAFunderPaysForHelpsABodyOnItsBehalf) {
  EXPECT_TRUE(Typed("Dự án Bảo tồn do Nhật Bản tài trợ giai đoạn 2017 - 2022 đã hỗ trợ Viện Rạn San hô sửa đổi "
                    "các quy định.")
                  .count(kJapanReef));
  EXPECT_TRUE(Typed("Chương trình Xanh do EU tài trợ, hỗ trợ Viện Rạn San hô soạn bộ hướng dẫn.").count(kEuReef));
  EXPECT_TRUE(Typed("A project funded by Japan helped the Reef Institute map the coast.").count(kJapanReef));
  // Not when the funder is the subject ("Japan funds … and helps"): other
  // rules read that; nor when another name is the helping verb's subject,
  // nor across a contrast.
  EXPECT_FALSE(Typed("Dự án do Nhật Bản tài trợ, còn Liên minh châu Âu hỗ trợ Viện Rạn San hô.").count(kJapanReef));
  EXPECT_FALSE(Typed("Dự án do Nhật Bản tài trợ được Trung tâm Đại dương hỗ trợ Viện Rạn San hô triển khai.")
                   .count(kJapanReef));
}

TEST_F(FundedWorkLinksTest, APartnerAfterTheVerbWorksWithTheBodyNotTheFunder) {
  const auto typed = Typed("Đây là dự án mà Nhật Bản tài trợ, do Viện Rạn San hô triển khai cùng Trung tâm Đại dương.");
  EXPECT_TRUE(typed.count(kJapanReef));
  EXPECT_FALSE(typed.count(kJapanOcean));
}

TEST_F(FundedWorkLinksTest, NoCarrierInAnotherClauseOrFarFromTheVerb) {
  // A contrast opens a clause of its own.
  EXPECT_FALSE(Typed("Nhật Bản tài trợ cho Trung tâm Đại dương, còn Viện Rạn San hô triển khai một dự án riêng.")
                   .count(kJapanReef));
  // "do A <another verb> …": A is the agent of that verb, not of the one
  // of carrying out, and the subject of "vận hành" is no agent.
  const auto typed = Typed("Nhật Bản tài trợ cho dự án do Việt Nam đề xuất, và Viện Rạn San hô vận hành hệ thống.");
  EXPECT_FALSE(typed.count({"japan", "cooperation", "vietnam"}));
  EXPECT_FALSE(typed.count(kJapanReef));
  // No verb of carrying out: nothing but the grant itself.
  EXPECT_FALSE(Typed("The EU funds a training programme, which the Reef Institute praised.").count(kEuReef));
}

TEST_F(FundedWorkLinksTest, TheBodyAidGoesThroughWorksWithTheGiver) {
  EXPECT_TRUE(Typed("South Korea gave US$2 million through the Ocean Centre.")
                  .count({"ocean-centre", "cooperation", "south-korea"}));
  EXPECT_TRUE(Typed("Japan still funds food aid through the Reef Institute.").count(kJapanReef));
  EXPECT_TRUE(Typed("Hàn Quốc tài trợ 5 triệu USD thông qua Viện Rạn San hô.")
                  .count({"reef-institute", "cooperation", "south-korea"}));
}

TEST_F(FundedWorkLinksTest, NoChannelWithoutGivingOrThroughACountryOrOwnAgency) {
  // No verb of giving before "through".
  EXPECT_TRUE(Typed("Japan learned of the plan through the Reef Institute.").empty());
  // "UN agencies": the name describes the bodies; and the giver is the
  // nearest actor, not the last clause's channel joined by ", and".
  const auto typed = Typed("Japan still funds food aid through the Reef Institute, and the Ocean Centre has "
                           "channelled most of its assistance through European Union agencies.");
  EXPECT_FALSE(typed.count({"european-union", "cooperation", "ocean-centre"}));
  EXPECT_FALSE(typed.count({"european-union", "cooperation", "reef-institute"}));
  // A country aid passes through is no partner of the giver.
  EXPECT_FALSE(Typed("Japan gave US$2 million through Vietnam.").count({"japan", "cooperation", "vietnam"}));
  // The giver's own agency is the giver.
  EXPECT_FALSE(Typed("Nhật Bản tài trợ 5 triệu USD thông qua Cơ quan Thủy triều của Nhật Bản.")
                   .count({"japan", "cooperation", "tide-agency"}));
}

// Not the funder's rule, but the same family of misses: "theo" before an
// instrument is "under" it ("chế tạo theo hợp đồng ký với B"), not "according
// to", so the maker before it is still the signing party.
TEST_F(FundedWorkLinksTest, WhoActsUnderAContractSignedWithAPartyCooperatesWithIt) {
  EXPECT_TRUE(Typed("Vệ tinh đầu tiên do Viện Rạn San hô chế tạo theo hợp đồng ký với Trung tâm Đại dương năm 2010.")
                  .count({"ocean-centre", "cooperation", "reef-institute"}));
  EXPECT_TRUE(Typed("Viện Rạn San hô hoạt động theo bản ghi nhớ ký với Trung tâm Đại dương.")
                  .count({"ocean-centre", "cooperation", "reef-institute"}));
  // A relative clause after the partner ("mà A dành cho B") names no more
  // partners of the maker.
  const auto typed = Typed("Vệ tinh do Viện Rạn San hô chế tạo theo hợp đồng ký với Trung tâm Đại dương năm 2010, "
                           "bằng khoản vay ưu đãi mà Nhật Bản dành cho Việt Nam.");
  EXPECT_TRUE(typed.count({"ocean-centre", "cooperation", "reef-institute"}));
  EXPECT_FALSE(typed.count({"japan", "cooperation", "reef-institute"}));
  EXPECT_FALSE(typed.count({"reef-institute", "cooperation", "vietnam"}));
  // ", mà" after the trigger: the relative clause's subject is no partner.
  EXPECT_FALSE(Typed("Khách từ Lào được miễn thị thực theo Hiệp định Rạn San hô ký năm 2006, mà Việt Nam là thành viên.")
                   .count({"laos", "cooperation", "vietnam"}));
  // "theo thỏa thuận giữa A và B": A and B are the parties, not what came
  // into being under it.
  const auto between = Typed("Viện Rạn San hô ra đời năm 2008 theo thỏa thuận giữa Việt Nam và Nhật Bản.");
  EXPECT_TRUE(between.count({"japan", "cooperation", "vietnam"}));
  EXPECT_FALSE(between.count({"reef-institute", "cooperation", "vietnam"}));
  // "theo" before a speaker's words still reports them: the speaker is
  // no party to what is reported.
  EXPECT_FALSE(Typed("Viện Rạn San hô cho biết theo Nhật Bản, Trung tâm Đại dương đã ký với Lào.")
                   .count({"laos", "cooperation", "reef-institute"}));
}

// Also from the same count of misses: the signatories listed between an
// agreement and "ký" after "được"/"mà" are its parties, with the one it was
// signed with ("được A, B và C ký với D").
TEST_F(FundedWorkLinksTest, SignatoriesListedAfterTheAgreementAreItsParties) {
  auto typed = Typed("Nền móng là Hiệp định Rạn San hô, được Nhật Bản, Lào và Việt Nam ký với Viện Rạn San hô năm 1993.");
  for (const char* party : {"japan", "laos", "vietnam", "reef-institute"}) {
    EXPECT_TRUE(typed.count({party, "membership", "coral-agreement"})) << party;
  }
  // Parties to one agreement, not partners of the body pairwise.
  EXPECT_FALSE(typed.count({"japan", "cooperation", "reef-institute"}));
  typed = Typed("Hiệp định Rạn San hô mà Nhật Bản, Lào và Việt Nam ký năm 1995 vẫn còn hiệu lực.");
  EXPECT_TRUE(typed.count({"laos", "membership", "coral-agreement"}));
  // Without "được"/"mà" before the list the agreement is not theirs.
  typed = Typed("Sau Hiệp định Rạn San hô, Nhật Bản và Lào ký với Viện Rạn San hô một bản ghi nhớ.");
  EXPECT_FALSE(typed.count({"japan", "membership", "coral-agreement"}));
}

}  // namespace
}  // namespace policygraph::indexer
