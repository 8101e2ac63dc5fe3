// Entity recall rules of the ninth session, through indexer::DiscoverNames:
// where a Vietnamese body's name ends before its verb
// (indexer/discovery/body_name_ends.h), the heads of sets of rules,
// mechanisms and scholarships, "hàng không" inside a name, English
// soft-law instruments, states' own funds, and roles before a foreign
// person. Every sentence is written for this test; the foreign names are
// made up.

#include "indexer/discovery/body_name_ends.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "indexer/entity_discovery.h"

namespace policygraph::indexer {
namespace {

class RecallRulesTest : public ::testing::Test {
 protected:
  std::optional<DiscoveredName> Find(const std::string& text, const std::string& name) {
    for (const auto& n : DiscoverNames(text, analyzer_)) {
      if (n.name == name) return n;
    }
    return std::nullopt;
  }

  std::string All(const std::string& text) {
    std::string out;
    for (const auto& n : DiscoverNames(text, analyzer_)) out += "[" + n.name + " " + n.type + "] ";
    return out;
  }

  Analyzer analyzer_;
};

TEST_F(RecallRulesTest, BodyNameEndsAfterForeignWordOrCountry) {
  const std::string darm = "Hơn 30 trường, do Đại học Kỹ thuật Brennstadt điều phối, cử giảng viên sang dạy.";
  EXPECT_TRUE(Find(darm, "Đại học Kỹ thuật Brennstadt")) << All(darm);
  const std::string bank = "Ngân hàng Kovalen hiện là ngân hàng nước ngoài lớn nhất.";
  EXPECT_TRUE(Find(bank, "Ngân hàng Kovalen")) << All(bank);
  const std::string court = "Viện Kiểm sát Nhân dân Tối cao Trung Quốc nhất trí trao đổi kinh nghiệm.";
  EXPECT_TRUE(Find(court, "Viện Kiểm sát Nhân dân Tối cao Trung Quốc")) << All(court);
  const std::string acronym = "Ủy ban Quốc gia UNESCO điều phối hồ sơ đề cử.";
  EXPECT_TRUE(Find(acronym, "Ủy ban Quốc gia UNESCO")) << All(acronym);
}

TEST_F(RecallRulesTest, BodyNameKeepsItsOwnLowerCaseSyllables) {
  // The second syllable of a capitalised word, and a joining word.
  const std::string police = "Bộ Công an xử lý vụ việc.";
  EXPECT_TRUE(Find(police, "Bộ Công an")) << All(police);
  const std::string ministry = "Bộ Tài nguyên và Môi trường công bố báo cáo.";
  EXPECT_TRUE(Find(ministry, "Bộ Tài nguyên và Môi trường")) << All(ministry);
  // Two capitalised syllables that are no country's name: the second may
  // start a word of its own.
  const std::string guard = "Bộ Tư lệnh Vùng Cảnh sát biển chủ trì tuần tra.";
  EXPECT_TRUE(Find(guard, "Bộ Tư lệnh Vùng Cảnh sát biển")) << All(guard);
  const std::string politburo = "Bộ Chính trị Ban Chấp hành Trung ương quyết định thành lập.";
  EXPECT_TRUE(Find(politburo, "Bộ Chính trị Ban Chấp hành Trung ương")) << All(politburo);
  // After a foreign word a capitalised syllable may start a compound.
  const std::string mekong = "Ủy ban sông Mekong Quốc gia Campuchia đã gửi thông báo.";
  EXPECT_TRUE(Find(mekong, "Ủy ban sông Mekong Quốc gia Campuchia")) << All(mekong);
  // Only bodies: a programme's title goes on past a country in lower case.
  const std::string programme = "Chương trình Hợp tác Kestrel Việt Nam về phát triển nông thôn bền vững (KVRD) khởi động.";
  EXPECT_FALSE(Find(programme, "Chương trình Hợp tác Kestrel Việt Nam")) << All(programme);
}

// A verb a body does with a partner, written in lower case after the
// capitalised name, is its predicate; written capitalised it is a word of
// the name.
TEST_F(RecallRulesTest, BodyNameEndsAtItsVerb) {
  const std::string plan = "Bộ Kế hoạch và Đầu tư ký với Cơ quan Xúc tiến Kestrel một bản ghi nhớ.";
  EXPECT_TRUE(Find(plan, "Bộ Kế hoạch và Đầu tư")) << All(plan);
  const std::string finance = "Bộ Tài chính hợp tác với Ngân hàng Kovalen về trái phiếu.";
  EXPECT_TRUE(Find(finance, "Bộ Tài chính")) << All(finance);
  const std::string agri = "Bộ Nông nghiệp và Môi trường triển khai dự án cùng Kovalen.";
  EXPECT_TRUE(Find(agri, "Bộ Nông nghiệp và Môi trường")) << All(agri);
  const std::string foreign = "Bộ Ngoại giao Đức tài trợ cho chương trình học bổng.";
  EXPECT_TRUE(Find(foreign, "Bộ Ngoại giao Đức")) << All(foreign);
  // Capitalised, the same words name the body's field.
  const std::string centre = "Trung tâm Hỗ trợ Đầu tư Kovalen công bố danh sách.";
  EXPECT_TRUE(Find(centre, "Trung tâm Hỗ trợ Đầu tư Kovalen")) << All(centre);
  // "hợp tác xã" is a cooperative, not the verb.
  const std::string coop = "Liên minh Hợp tác xã Kovalen hợp tác xã viên đông nhất.";
  EXPECT_FALSE(Find(coop, "Liên minh Hợp tác xã Kovalen hợp tác xã viên đông nhất")) << All(coop);
  // What an institute does, its term of office, a year: not its name.
  const std::string institute = "Viện Khảo cổ Kestrel thỏa thuận khai quật chung với đối tác.";
  EXPECT_TRUE(Find(institute, "Viện Khảo cổ Kestrel")) << All(institute);
  const std::string digitised = "Viện Nghiên cứu Kovalen số hóa hàng nghìn trang tư liệu.";
  EXPECT_TRUE(Find(digitised, "Viện Nghiên cứu Kovalen")) << All(digitised);
  const std::string term = "Ủy ban Di sản Kestrel nhiệm kỳ 2023-2027 họp lần đầu.";
  EXPECT_TRUE(Find(term, "Ủy ban Di sản Kestrel")) << All(term);
  const std::string year = "Cục Kovalen năm 2023 đã xử lý hồ sơ.";
  EXPECT_TRUE(Find(year, "Cục Kovalen")) << All(year);
  // A port is a body; "nằm" (lies) is what the sentence says of it.
  const std::string port = "Cảng Quốc tế Kestrel nằm ở cửa sông.";
  auto p = Find(port, "Cảng Quốc tế Kestrel");
  ASSERT_TRUE(p) << All(port);
  EXPECT_EQ(p->type, "organization");
}

TEST_F(RecallRulesTest, SetsOfRulesMechanismsAndScholarships) {
  const std::string standards = "Ủy ban khuyến khích áp dụng Bộ tiêu chuẩn Trái phiếu Xanh Kestrel, vốn được công bố.";
  auto n = Find(standards, "Bộ tiêu chuẩn Trái phiếu Xanh Kestrel");
  ASSERT_TRUE(n) << All(standards);
  EXPECT_NE(n->type, "organization");
  const std::string taxonomy = "Danh mục theo cấu trúc của Bộ phân loại ASEAN về tài chính bền vững, với hỗ trợ kỹ thuật.";
  n = Find(taxonomy, "Bộ phân loại ASEAN về tài chính bền vững");
  ASSERT_TRUE(n) << All(taxonomy);
  EXPECT_NE(n->type, "organization");
  // "Bộ" before a capitalised field is still a ministry.
  n = Find("Bộ Tài chính ban hành thông tư.", "Bộ Tài chính");
  ASSERT_TRUE(n);
  EXPECT_EQ(n->type, "organization");
  const std::string mechanism = "Hai bên vận hành Cơ chế Tín chỉ chung (JCM) từ năm 2013.";
  n = Find(mechanism, "Cơ chế Tín chỉ chung");
  ASSERT_TRUE(n) << All(mechanism);
  EXPECT_NE(n->type, "organization");
  EXPECT_TRUE(All("Hai bên thống nhất cơ chế phối hợp liên ngành.").empty());
  const std::string scholarship = "Học bổng Varenne do Bộ Ngoại giao cấp mỗi năm.";
  n = Find(scholarship, "Học bổng Varenne");
  ASSERT_TRUE(n) << All(scholarship);
  EXPECT_EQ(n->type, "programme");
}

TEST_F(RecallRulesTest, AviationIsNoNegation) {
  const std::string aviation = "Cục Hàng không Dân dụng Kestrel cấp phép bay.";
  EXPECT_TRUE(Find(aviation, "Cục Hàng không Dân dụng Kestrel")) << All(aviation);
  // "không" (not) after any other word still ends a name.
  const std::string health = "Bộ Y tế không cấp phép lưu hành.";
  EXPECT_TRUE(Find(health, "Bộ Y tế")) << All(health);
}

TEST_F(RecallRulesTest, SoftLawInstrumentsInEnglish) {
  const std::string standards = "A year later the forum added the ASEAN Social Bond Standards to its set.";
  auto n = Find(standards, "ASEAN Social Bond Standards");
  ASSERT_TRUE(n) << All(standards);
  EXPECT_NE(n->type, "organization");
  const std::string principles = "It was built on the Green Bond Principles of the market association.";
  EXPECT_TRUE(Find(principles, "Green Bond Principles")) << All(principles);
  // "of" names the issuer, a name of its own.
  const std::string issuer = "It was built on the Green Bond Principles of the Kestrel Capital Market Association (KCMA).";
  EXPECT_TRUE(Find(issuer, "Green Bond Principles")) << All(issuer);
  EXPECT_TRUE(Find(issuer, "Kestrel Capital Market Association")) << All(issuer);
  const std::string taxonomy = "Regulators released the Kestrel Taxonomy for Sustainable Finance in 2021.";
  EXPECT_TRUE(Find(taxonomy, "Kestrel Taxonomy for Sustainable Finance")) << All(taxonomy);
  EXPECT_TRUE(All("Standards were raised again.").empty());
}

TEST_F(RecallRulesTest, StatesOwnFundsAreInstitutions) {
  auto n = Find("Doanh nghiệp đóng tiền vào Quỹ Bảo vệ môi trường Việt Nam.", "Quỹ Bảo vệ môi trường Việt Nam");
  ASSERT_TRUE(n);
  EXPECT_EQ(n->type, "organization");
  n = Find("Quỹ Hợp tác Mekong - Hàn Quốc tài trợ dự án.", "Quỹ Hợp tác Mekong - Hàn Quốc");
  ASSERT_TRUE(n);
  EXPECT_EQ(n->type, "programme");
}

TEST_F(RecallRulesTest, RolesBeforeAForeignPerson) {
  const std::string ceo = "The firm pledged US$1 billion when chief executive Torvald Eskin visited Jakarta.";
  auto n = Find(ceo, "Torvald Eskin");
  ASSERT_TRUE(n) << All(ceo);
  EXPECT_EQ(n->type, "person");
  const std::string successor = "Ministers came four times, and his successor Brant Hollow made the city his first stop.";
  EXPECT_TRUE(Find(successor, "Brant Hollow")) << All(successor);
  const std::string diplomat = "Anwar appointed the former diplomat Ozrik Hallam as special envoy.";
  EXPECT_TRUE(Find(diplomat, "Ozrik Hallam")) << All(diplomat);
}

TEST_F(RecallRulesTest, CompaniesPuttingInCapital) {
  const std::string raise = "Riêng Kestrel Display đã nâng vốn tại Bắc Ninh lên 6,5 tỷ USD.";
  auto n = Find(raise, "Kestrel Display");
  ASSERT_TRUE(n) << All(raise);
  EXPECT_EQ(n->type, "organization");
  const std::string pour = "Goertex nâng vốn tại Nghệ An, còn Zorvan Solar đổ khoảng 1,5 tỷ USD vào tổ hợp pin.";
  EXPECT_TRUE(Find(pour, "Goertex")) << All(pour);
  EXPECT_TRUE(Find(pour, "Zorvan Solar")) << All(pour);
  // A Vietnamese subject, or a foreign name that is no clause's subject, is none.
  EXPECT_FALSE(Find("Riêng Bình Dương đã nâng vốn điều lệ.", "Bình Dương"));
  EXPECT_FALSE(Find("Khách sạn ở Kestrel Bay đổ đầy khách.", "Kestrel Bay"));
}

TEST_F(RecallRulesTest, ExecutiveOrdersByNumber) {
  const std::string vi = "Tổng thống ký Sắc lệnh hành pháp 14257, áp mức thuế mới.";
  auto n = Find(vi, "Sắc lệnh hành pháp 14257");
  ASSERT_TRUE(n) << All(vi);
  EXPECT_EQ(n->type, "law");
  const std::string en = "The president signed Executive Order 62 in June 2024, cutting the tariff.";
  n = Find(en, "Executive Order 62");
  ASSERT_TRUE(n) << All(en);
  EXPECT_EQ(n->type, "law");
  // Any other small number after a head is a part of a document.
  EXPECT_FALSE(Find("Decision 2 of the committee applies.", "Decision 2"));
}

}  // namespace
}  // namespace policygraph::indexer
