// The link rules of the eighth session's per-sentence round (docs/QUALITY.md,
// "Links between entities that are found"): joint action with "cùng",
// verbs and nouns of meeting, working with, helping and training a party,
// members listed "as its parties"/"among its members", enactment gerunds and
// "Congress". Each rule has a case that fires and a trap that must not.

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
      MakeNode("vietnam", "country", {"Vietnam"}, {"Việt Nam"}),
      MakeNode("japan", "country", {"Japan"}, {"Nhật Bản"}),
      MakeNode("south-korea", "country", {"South Korea"}, {"Hàn Quốc"}),
      MakeNode("china", "country", {"China"}, {"Trung Quốc"}),
      MakeNode("laos", "country", {"Laos"}, {"Lào"}),
      MakeNode("philippines", "country", {"Philippines"}, {"Philippines"}),
      MakeNode("indonesia", "country", {"Indonesia"}, {"Indonesia"}),
      MakeNode("reef-institute", "organization", {"Reef Institute"}, {"Viện Rạn San hô"}),
      MakeNode("ocean-centre", "organization", {"Ocean Centre"}, {"Trung tâm Đại dương"}),
      MakeNode("tide-agency", "organization", {"Tide Agency"}, {"Cơ quan Thủy triều"}),
      MakeNode("wave-office", "organization", {"Wave Office"}, {"Văn phòng Sóng"}),
      MakeNode("coral-facility", "agreement", {"Coral Swap Facility"}, {}),
      MakeNode("reef-partnership", "initiative", {"Reef Security Partnership"}, {}),
      MakeNode("plan-2030", "plan", {"Digital Plan 2030"}, {"Kế hoạch Số 2030"}),
      MakeNode("reef-act", "law", {"Reef Workers Act"}, {}),
  };
}

class JointWorkLinksTest : public ::testing::Test {
 protected:
  std::set<Link> Typed(const std::string& body) { return links_.Typed(body); }
  LinkHarness links_{Gazetteer()};
};

TEST_F(JointWorkLinksTest, TogetherBeforeAVerbMakesItsSubjectsPartners) {
  // "A và B cùng <verb>": the subjects with each other.
  EXPECT_TRUE(Typed("Viện Rạn San hô và Trung tâm Đại dương cùng vận hành một trạm quan trắc từ năm 2015.")
                  .count({"ocean-centre", "cooperation", "reef-institute"}));
  // "A (đã) cùng B <verb>": A with B, and with each one listed with B.
  EXPECT_EQ(Typed("Cơ quan Thủy triều đã cùng Viện Rạn San hô và Văn phòng Sóng khởi động một dự án mới."),
            (std::set<Link>{{"reef-institute", "cooperation", "tide-agency"},
                            {"tide-agency", "cooperation", "wave-office"}}));
  // After a verb: "do A triển khai cùng B".
  EXPECT_TRUE(Typed("Dự án do Cơ quan Thủy triều triển khai cùng Văn phòng Sóng.")
                  .count({"tide-agency", "cooperation", "wave-office"}));
}

TEST_F(JointWorkLinksTest, TogetherOfSamenessOrASharedStateIsNoCooperation) {
  // "cùng là thành viên" (both are members), "cùng năm" (the same year).
  auto shared = Typed("Việt Nam và Lào cùng là thành viên của ASEAN.");
  EXPECT_FALSE(shared.count({"laos", "cooperation", "vietnam"}));
  EXPECT_TRUE(Typed("Cùng năm, Viện Rạn San hô công bố báo cáo về Trung tâm Đại dương.").empty());
  // After a comma the subject is further back, not the name just before.
  EXPECT_FALSE(Typed("Trung tâm Đại dương ký với Viện Rạn San hô, đồng thời cùng Văn phòng Sóng tổ chức hội thảo.")
                   .count({"reef-institute", "cooperation", "wave-office"}));
  // Names after a comma alone open a clause of their own.
  EXPECT_FALSE(Typed("Viện Rạn San hô cùng Trung tâm Đại dương phân tích mẫu, Văn phòng Sóng đặt một phòng thí "
                     "nghiệm tại Lào.")
                   .count({"reef-institute", "cooperation", "wave-office"}));
}

TEST_F(JointWorkLinksTest, MeetingHelpingAndTrainingAPartyIsCooperation) {
  EXPECT_TRUE(Typed("The Tide Agency has held annual workshops with the Wave Office since 2008.")
                  .count({"tide-agency", "cooperation", "wave-office"}));
  EXPECT_TRUE(Typed("Indonesia held talks with Japan in May.").count({"indonesia", "cooperation", "japan"}));
  EXPECT_TRUE(Typed("The Reef Institute trains officers of the Tide Agency every year.")
                  .count({"reef-institute", "cooperation", "tide-agency"}));
  EXPECT_TRUE(Typed("Song song, Cơ quan Thủy triều giúp Văn phòng Sóng xây dựng cơ sở dữ liệu biển.")
                  .count({"tide-agency", "cooperation", "wave-office"}));
  EXPECT_TRUE(Typed("Năm 2024, các bộ trưởng ASEAN họp với Trung Quốc và Nhật Bản.")
                  .count({"asean", "cooperation", "china"}));
}

TEST_F(JointWorkLinksTest, MeetingTrapsObjectsTopicsAndRelativeClauses) {
  // The object of "with the" is no subject of the next verb.
  auto talks = Typed("The Ocean Centre agreed an arrangement with the Reef Institute, and has held talks with the "
                     "Wave Office.");
  EXPECT_FALSE(talks.count({"reef-institute", "cooperation", "wave-office"}));
  // "về Việt Nam" is what the searches are about; "trợ giúp pháp lý" is a noun.
  EXPECT_TRUE(Typed("Các chiến dịch của Văn phòng Sóng giúp lượng tìm kiếm về Việt Nam tăng 30%.").empty());
  EXPECT_TRUE(Typed("Văn phòng Sóng tập trung vào trợ giúp pháp lý, Việt Nam tài trợ phần còn lại.")
                  .count({"vietnam", "cooperation", "wave-office"}) == 0);
  // A relative pronoun opens a clause of other parties.
  auto relative = Typed("The EU co-finances it with Japan and which the Tide Agency runs with the Wave Office.");
  EXPECT_TRUE(relative.count({"european-union", "cooperation", "japan"}));
  EXPECT_FALSE(relative.count({"european-union", "cooperation", "tide-agency"}));
}

TEST_F(JointWorkLinksTest, MembersListedAsItsPartiesOrAmongItsMembers) {
  auto parties = Typed("The Coral Swap Facility, a US$240 billion pool of swap commitments, entered into force in "
                       "March 2010 with the ten ASEAN economies, China, Japan and South Korea as its parties.");
  EXPECT_TRUE(parties.count({"china", "membership", "coral-facility"}));
  EXPECT_TRUE(parties.count({"japan", "membership", "coral-facility"}));
  EXPECT_TRUE(parties.count({"south-korea", "membership", "coral-facility"}));
  EXPECT_FALSE(parties.count({"asean", "membership", "coral-facility"}));  // its members, not the body
  auto among = Typed("The Reef Security Partnership, launched in 2022 with Japan, South Korea and the EU among its "
                     "members, has yet to finance a project.");
  EXPECT_TRUE(among.count({"japan", "membership", "reef-partnership"}));
  EXPECT_TRUE(among.count({"european-union", "membership", "reef-partnership"}));
  // "as its partner" names no member.
  EXPECT_TRUE(Typed("The Reef Security Partnership was set up with Japan as its partner.").count(
                  {"japan", "membership", "reef-partnership"}) == 0);
}

TEST_F(JointWorkLinksTest, EnactmentByGerundAndByCongress) {
  EXPECT_TRUE(Typed("Indonesia responded in October 2024 by approving the Digital Plan 2030.")
                  .count({"indonesia", "enactment", "plan-2030"}));
  EXPECT_TRUE(Typed("The Philippines tightened its rules. Congress passed the Reef Workers Act in January 2021.")
                  .count({"philippines", "enactment", "reef-act"}));
  // "Congress" with two countries before it stands for neither.
  auto two = Typed("Japan and the Philippines differ. Congress passed the Reef Workers Act in January 2021.");
  EXPECT_FALSE(two.count({"philippines", "enactment", "reef-act"}));
  EXPECT_FALSE(two.count({"japan", "enactment", "reef-act"}));
}

}  // namespace
}  // namespace policygraph::indexer
