// The link rules of the ninth session's per-sentence round (docs/QUALITY.md,
// "Stakes, allotted aid, forgone acts and listed bodies"): buying into a
// company is investment in it, "khoản vay/viện trợ … mà A dành cho B" gives
// A's loan or aid to B, "thay vì cho vay"/"instead of lending" names what was
// not done, the bodies listed after a membership word are all joined, and
// those who co-organise an event take part in it.
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
      MakeNode("asean", "regional_org", {"ASEAN"}, {"ASEAN"}),
      MakeNode("vietnam", "country", {"Vietnam"}, {"Việt Nam"}),
      MakeNode("japan", "country", {"Japan"}, {"Nhật Bản"}),
      MakeNode("south-korea", "country", {"South Korea"}, {"Hàn Quốc"}),
      MakeNode("china", "country", {"China"}, {"Trung Quốc"}),
      MakeNode("laos", "country", {"Laos"}, {"Lào"}),
      MakeNode("india", "country", {"India"}, {"Ấn Độ"}),
      MakeNode("pearl-group", "organization", {"Pearl Group"}, {"Tập đoàn Ngọc Trai"}),
      MakeNode("shell-mart", "organization", {"Shell Mart"}, {"Công ty Vỏ Sò"}),
      MakeNode("rcep", "agreement", {"RCEP"}, {"RCEP"}),
      MakeNode("coral-fta", "agreement", {"Coral Free Trade Area"}, {"Khu vực Thương mại Tự do San Hô"}),
      MakeNode("reef-programme", "programme", {"Reef Programme"}, {"Chương trình Rạn San hô"}),
      MakeNode("reef-forum", "event", {"Reef Forum 2025"}, {"Diễn đàn Rạn San hô 2025"}),
  };
}

class StakeAidLinksTest : public ::testing::Test {
 protected:
  std::set<Link> Typed(const std::string& body) { return links_.Typed(body); }
  LinkHarness links_{Gazetteer()};
};

TEST_F(StakeAidLinksTest, BuyingIntoACompanyIsInvestmentInIt) {
  const Link bought{"pearl-group", "investment", "shell-mart"};
  EXPECT_TRUE(Typed("Tập đoàn Ngọc Trai mua khoảng 6% cổ phần Công ty Vỏ Sò với giá 1 tỷ USD.").count(bought));
  EXPECT_TRUE(Typed("Tập đoàn Ngọc Trai đã mua 50,9% cổ phần mảng bán lẻ của Công ty Vỏ Sò.").count(bought));
  EXPECT_TRUE(Typed("Năm 2021, Tập đoàn Ngọc Trai mua lại Công ty Vỏ Sò.").count(bought));
  EXPECT_TRUE(Typed("Pearl Group returned by taking a 75% stake in Shell Mart for US$1.5 billion.").count(bought));
  EXPECT_TRUE(Typed("In 2023 Pearl Group bought 70 percent of Shell Mart.").count(bought));
  EXPECT_TRUE(Typed("Pearl Group acquired Shell Mart in 2020.").count(bought));
}

TEST_F(StakeAidLinksTest, AStakeNotBoughtOrNotInACompanyIsNoInvestment) {
  // No verb of buying or holding: a stake mentioned, sold, or equitised.
  EXPECT_TRUE(Typed("Pearl Group's stake in Shell Mart fell last year.").empty());
  EXPECT_FALSE(Typed("Tập đoàn Ngọc Trai hoàn tất cổ phần hóa Công ty Vỏ Sò.")
                   .count({"pearl-group", "investment", "shell-mart"}));
  // A country after "acquired … from" is no company bought.
  EXPECT_FALSE(Typed("Vietnam acquired two patrol ships from Japan.").count({"vietnam", "investment", "japan"}));
}

TEST_F(StakeAidLinksTest, ALoanOrAidAllottedToAPartyLinksTheGiver) {
  EXPECT_TRUE(Typed("Vệ tinh được xây bằng khoản vay ưu đãi mà Nhật Bản dành cho Việt Nam.")
                  .count({"japan", "investment", "vietnam"}));
  EXPECT_TRUE(Typed("Hàn Quốc sau đó dành cho Lào một gói hỗ trợ kỹ thuật.")
                  .count({"laos", "cooperation", "south-korea"}));
}

TEST_F(StakeAidLinksTest, AllottingWithNoLoanOrAidIsNoLink) {
  EXPECT_TRUE(Typed("Nhật Bản dành cho Việt Nam sự quan tâm đặc biệt trong chuyến thăm.").empty());
  // The recipient must follow "dành cho" at once.
  EXPECT_FALSE(Typed("Nhật Bản dành cho các doanh nghiệp nhỏ của Việt Nam một gói hỗ trợ.")
                   .count({"japan", "cooperation", "vietnam"}));
}

TEST_F(StakeAidLinksTest, WhatIsDoneInsteadOfLendingIsNoLoan) {
  const auto typed = Typed("Ấn Độ chọn cách khác: thay vì cho vay, Ấn Độ tài trợ không hoàn lại cho Việt Nam.");
  EXPECT_TRUE(typed.count({"india", "cooperation", "vietnam"}));
  EXPECT_FALSE(typed.count({"india", "investment", "vietnam"}));
  // Without "thay vì" the loan near a grant still makes it lending.
  EXPECT_TRUE(Typed("Bằng khoản vay ưu đãi, Ấn Độ tài trợ cho Việt Nam toàn bộ chi phí.")
                  .count({"india", "investment", "vietnam"}));
}

TEST_F(StakeAidLinksTest, BodiesListedAfterAMembershipWordAreAllJoined) {
  const auto vi = Typed("Việt Nam và Trung Quốc đều là thành viên RCEP và Khu vực Thương mại Tự do San Hô.");
  EXPECT_TRUE(vi.count({"vietnam", "membership", "coral-fta"}));
  EXPECT_TRUE(vi.count({"china", "membership", "coral-fta"}));
  EXPECT_TRUE(vi.count({"vietnam", "membership", "rcep"}));
  // A programme listed with them, its acronym in brackets between.
  EXPECT_TRUE(Typed("Lào là thành viên của ASEAN và Chương trình Rạn San hô.")
                  .count({"laos", "membership", "reef-programme"}));
  EXPECT_TRUE(Typed("Vietnam and Laos are members of ASEAN, RCEP and the Coral Free Trade Area.")
                  .count({"laos", "membership", "rcep"}));
}

TEST_F(StakeAidLinksTest, AListOfBodiesEndsAtAClauseOrAnUnclosedComma) {
  // A comma never closed by "và": the next name opens a clause of its own.
  EXPECT_FALSE(Typed("Việt Nam là thành viên ASEAN, RCEP có hiệu lực từ năm 2022.")
                   .count({"vietnam", "membership", "rcep"}));
  // A country ends the list.
  EXPECT_FALSE(Typed("Lào là thành viên ASEAN và Nhật Bản ký RCEP năm 2020.").count({"laos", "membership", "rcep"}));
}

TEST_F(StakeAidLinksTest, CoOrganisersTakePartInTheirEvent) {
  const auto vi = Typed("Tại Diễn đàn Rạn San hô 2025 do Tập đoàn Ngọc Trai và Công ty Vỏ Sò đồng tổ chức ở Hà Nội, "
                        "các đại biểu thảo luận về tài chính xanh.");
  EXPECT_TRUE(vi.count({"pearl-group", "participation", "reef-forum"}));
  EXPECT_TRUE(vi.count({"shell-mart", "participation", "reef-forum"}));
  EXPECT_TRUE(Typed("Pearl Group co-organised the Reef Forum 2025 in Hanoi.")
                  .count({"pearl-group", "participation", "reef-forum"}));
  // "co-chairs" as a noun names no act on what the sentence goes on to.
  EXPECT_FALSE(Typed("Under Laos and Japan as co-chairs, ministers endorsed the Reef Programme.")
                   .count({"laos", "participation", "reef-programme"}));
}

// "do A tổ chức/quản lý/cấp", "A tổ chức <event>": who organises, runs or
// grants an event or programme takes part in it; the noun "tổ chức"
// (organisation) does not.
TEST_F(StakeAidLinksTest, WhoOrganisesOrRunsAnEventOrProgrammeTakesPartInIt) {
  const Link forum{"japan", "participation", "reef-forum"};
  EXPECT_TRUE(Typed("Diễn đàn Rạn San hô 2025 do Nhật Bản tổ chức tại Đà Nẵng.").count(forum));
  EXPECT_TRUE(Typed("Diễn đàn Rạn San hô 2025, sự kiện thường niên do Nhật Bản lập ra, thu hút 300 khách.").count(forum));
  EXPECT_TRUE(Typed("Tháng 5, Nhật Bản tổ chức Diễn đàn Rạn San hô 2025 tại Đà Nẵng.").count(forum));
  EXPECT_TRUE(Typed("Chương trình Rạn San hô do Tập đoàn Ngọc Trai quản lý đã cấp 50 suất.")
                  .count({"pearl-group", "participation", "reef-programme"}));
  // The noun: an organisation of Japan's, not an act on the forum.
  EXPECT_FALSE(Typed("Tổ chức của Nhật Bản gửi đại biểu tới Diễn đàn Rạn San hô 2025 để quan sát.").count(forum));
  // "do" naming a cause, with no verb of organising after the agent.
  EXPECT_FALSE(Typed("Diễn đàn Rạn San hô 2025 bị hoãn do Nhật Bản phản đối.").count(forum));
  // An agreement is joined, not organised.
  EXPECT_FALSE(Typed("Khu vực Thương mại Tự do San Hô do Trung Quốc quản lý.")
                   .count({"china", "participation", "coral-fta"}));
}

}  // namespace
}  // namespace policygraph::indexer
