// The link rules of the twelfth session (docs/QUALITY.md, "Twelfth
// session"): a sum committed or spent somewhere is investment there, two or
// three parties who launch or set up one thing together are partners, a
// relative clause's "which builds on" speaks of the framework before it, and
// those who stage or conduct an exercise take part in it.
// Each rule has a case that fires and a trap that must not.

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
      MakeNode("vietnam", "country", {"Vietnam"}, {"Việt Nam"}),
      MakeNode("japan", "country", {"Japan"}, {"Nhật Bản"}),
      MakeNode("thailand", "country", {"Thailand"}, {"Thái Lan"}),
      MakeNode("pearl-group", "organization", {"Pearl Group"}, {"Tập đoàn Ngọc Trai"}),
      MakeNode("coral-bank", "organization", {"Coral Bank"}, {"Ngân hàng San Hô"}),
      MakeNode("reef-fund", "programme", {"Reef Fund"}, {"Quỹ Rạn San hô"}),
      MakeNode("reef-act", "law", {"Reef Act"}, {"Luật Rạn San hô"}),
      MakeNode("tide-treaty", "agreement", {"Tide Treaty"}, {"Hiệp ước Thủy triều"}),
      MakeNode("coral-shield", "event", {"Coral Shield"}, {"Lá chắn San hô"}),
  };
}

class SumsAndJointStartsLinksTest : public ::testing::Test {
 protected:
  std::set<Link> Typed(const std::string& body) { return links_.Typed(body); }
  LinkHarness links_{Gazetteer()};
};

// "committed", "pledged", "put", "spent", "bỏ ra", "dành": investment where
// a sum follows, in the place where it is spent or for whom it is.
TEST_F(SumsAndJointStartsLinksTest, ASumCommittedOrSpentInACountryIsInvestment) {
  const Link in_vietnam{"pearl-group", "investment", "vietnam"};
  EXPECT_TRUE(Typed("Pearl Group has committed more than US$7 billion to a packaging complex in Hanoi, Vietnam.")
                  .count(in_vietnam));
  EXPECT_TRUE(Typed("Pearl Group pledged US$1.7 billion for Vietnam in April 2024.").count(in_vietnam));
  EXPECT_TRUE(Typed("Tập đoàn Ngọc Trai bỏ ra 20 triệu USD xây xưởng lắp ráp tại Việt Nam.").count(in_vietnam));
  EXPECT_TRUE(Typed("Pearl Group spent US$3 billion on refineries in Vietnam.").count(in_vietnam));
}

TEST_F(SumsAndJointStartsLinksTest, ACommitmentWithNoSumOrOneReceivedIsNoInvestment) {
  // No sum: a commitment to a policy, a plan put forward.
  EXPECT_TRUE(Typed("Pearl Group committed to the reform agenda in Vietnam.").empty());
  EXPECT_TRUE(Typed("Pearl Group put forward a plan for Vietnam.").empty());
  // A sum received: the one before "nhận" was promised it.
  EXPECT_FALSE(Typed("Việt Nam nhận cam kết 20 tỷ USD từ Nhật Bản tại Bali.").count({"vietnam", "investment", "japan"}));
  // A party named later, not where the money goes.
  EXPECT_FALSE(Typed("Pearl Group pledged US$20 million to the centre under its partnership with Vietnam.")
                   .count({"pearl-group", "investment", "vietnam"}));
}

TEST_F(SumsAndJointStartsLinksTest, PartiesWhoLaunchOrSetUpOneThingTogetherArePartners) {
  const Link partners{"pearl-group", "cooperation", "coral-bank"};
  auto has = [&](const std::string& body) {
    const auto links = Typed(body);
    return links.count(partners) > 0 || links.count({"coral-bank", "cooperation", "pearl-group"}) > 0;
  };
  EXPECT_TRUE(has("In 2017 Pearl Group and Coral Bank launched the Reef Fund."));
  EXPECT_TRUE(has("Most of the money sits in the Reef Fund, which Pearl Group and Coral Bank established in 2019."));
  EXPECT_TRUE(has("Tập đoàn Ngọc Trai và Ngân hàng San Hô thành lập Quỹ Rạn San hô năm 2020."));
}

TEST_F(SumsAndJointStartsLinksTest, AdoptingOrAnnouncingSideBySideIsNoPartnership) {
  // Each may pass or announce its own: no joint act.
  EXPECT_FALSE(Typed("Vietnam and Thailand adopted the Reef Act in 2020.").count({"thailand", "cooperation", "vietnam"}));
  EXPECT_FALSE(Typed("Vietnam and Thailand adopted the Reef Act in 2020.").count({"vietnam", "cooperation", "thailand"}));
  const auto announced = Typed("Pearl Group and Coral Bank announced the Reef Fund.");
  EXPECT_FALSE(announced.count({"pearl-group", "cooperation", "coral-bank"}) ||
               announced.count({"coral-bank", "cooperation", "pearl-group"}));
}

TEST_F(SumsAndJointStartsLinksTest, WhichBuildsOnSpeaksOfTheFrameworkBeforeIt) {
  const Link rests{"reef-act", "basis", "tide-treaty"};
  EXPECT_TRUE(Typed("Vietnam answered with a new Reef Act, passed in November 2017 and in force since 1 January "
                    "2019, which builds on the Tide Treaty.")
                  .count(rests));
  // Another clause in between: the "which" is not the act's.
  EXPECT_FALSE(Typed("Vietnam passed the Reef Act in 2017; its fleet then grew, a change which builds on the "
                     "Tide Treaty.")
                   .count(rests));
}

TEST_F(SumsAndJointStartsLinksTest, ThoseWhoStageOrConductAnExerciseTakePartInIt) {
  const auto staged = Typed("A month later Vietnam and Thailand staged their largest Coral Shield exercise to date.");
  EXPECT_TRUE(staged.count({"vietnam", "participation", "coral-shield"}));
  EXPECT_TRUE(staged.count({"thailand", "participation", "coral-shield"}));
  EXPECT_TRUE(Typed("Nhật Bản và Thái Lan tiến hành cuộc tập trận Lá chắn San hô năm 2024.")
                  .count({"japan", "participation", "coral-shield"}));
  // Conducting something that is not an event: no one takes part.
  EXPECT_TRUE(Typed("Vietnam conducted a review of the Reef Act.").count({"vietnam", "participation", "reef-act"}) == 0);
}

}  // namespace
}  // namespace policygraph::indexer
