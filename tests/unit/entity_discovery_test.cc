// indexer::DiscoverNames: names found from the text's own patterns (quotes,
// head words, parentheses). Every sentence here is written for this test.
// What matters: the right span and type, aliases from parentheses and
// ordinals, and no names from ordinary phrases, titles of office or
// headings; any input, NFD or broken UTF-8, must be safe.

#include "indexer/entity_discovery.h"

#include <gtest/gtest.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "tests/support/discovered_names.h"

namespace policygraph::indexer {
namespace {

using testing::AllNames;
using testing::Named;

class EntityDiscoveryTest : public ::testing::Test {
 protected:
  std::vector<DiscoveredName> Discover(const std::string& text) {
    std::vector<DiscoveredName> names = DiscoverNames(text, analyzer_);
    // Invariants of every result: spans inside the text, in text order,
    // not overlapping, and a name that is the spanned text (here NFC).
    uint32_t previous_end = 0;
    for (const auto& n : names) {
      EXPECT_LT(n.begin, n.end) << n.name;
      EXPECT_LE(n.end, text.size()) << n.name;
      EXPECT_GE(n.begin, previous_end) << n.name;
      previous_end = n.end;
      EXPECT_FALSE(n.type.empty()) << n.name;
      EXPECT_GT(n.confidence, 0.0) << n.name;
      EXPECT_LE(n.confidence, 1.0) << n.name;
    }
    return names;
  }

  static bool HasAlias(const DiscoveredName& n, const std::string& alias) {
    return std::find(n.aliases.begin(), n.aliases.end(), alias) != n.aliases.end();
  }

  static std::string Nfd(const std::string& nfc) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
    std::string out;
    nfd->normalize(icu::UnicodeString::fromUTF8(nfc), status).toUTF8String(out);
    EXPECT_TRUE(U_SUCCESS(status));
    return out;
  }

  Analyzer analyzer_;
};

TEST_F(EntityDiscoveryTest, EmptyAndPlainTextGiveNothing) {
  EXPECT_TRUE(Discover("").empty());
  EXPECT_TRUE(Discover("\n\n  \n").empty());
  EXPECT_TRUE(Discover("các nước trong khu vực tiếp tục hợp tác về an ninh mạng.").empty());
  EXPECT_TRUE(Discover("the parties shall cooperate in good faith.").empty());
}

TEST_F(EntityDiscoveryTest, QuotedTitleWithHeadWord) {
  const std::string text = "Năm 2023, chính phủ thông qua “Chiến lược Dữ liệu mở quốc gia” để thúc đẩy đổi mới.";
  const auto names = Discover(text);
  ASSERT_EQ(names.size(), 1u) << ::testing::PrintToString(AllNames(names));
  const auto& n = names[0];
  EXPECT_EQ(n.name, "Chiến lược Dữ liệu mở quốc gia");
  EXPECT_EQ(n.type, "strategy");
  EXPECT_GE(n.confidence, 0.85);
  EXPECT_EQ(text.substr(n.begin, n.end - n.begin), n.name);  // quotes are not in the span
}

TEST_F(EntityDiscoveryTest, StraightQuotesAndEnglishHeadInsideQuotes) {
  const auto names = Discover("Ministers endorsed the \"Mekong Digital Skills Roadmap\" last week.");
  const auto n = Named(names, "Mekong Digital Skills Roadmap");
  ASSERT_TRUE(n) << ::testing::PrintToString(AllNames(names));
  EXPECT_EQ(n->type, "plan");
  EXPECT_GE(n->confidence, 0.85);
}

TEST_F(EntityDiscoveryTest, HeadWordBeforeTheQuoteGivesTheType) {
  const auto names =
      Discover("Bộ đã trình Đề án “Phát triển nhân lực số giai đoạn 2024 - 2030” lên Thủ tướng.");
  const auto n = Named(names, "Phát triển nhân lực số giai đoạn 2024 - 2030");
  ASSERT_TRUE(n) << ::testing::PrintToString(AllNames(names));
  EXPECT_EQ(n->type, "programme");
  EXPECT_GE(n->confidence, 0.85);
}

TEST_F(EntityDiscoveryTest, QuotedTitleWithoutHeadWordIsALowerConfidenceInitiative) {
  const auto names = Discover("Hai nước cùng thúc đẩy “Hành lang số xanh” và \"Cầu nối Tri thức Mekong\" trong năm nay.");
  const auto corridor = Named(names, "Hành lang số xanh");
  const auto bridge = Named(names, "Cầu nối Tri thức Mekong");
  ASSERT_TRUE(corridor) << ::testing::PrintToString(AllNames(names));
  ASSERT_TRUE(bridge) << ::testing::PrintToString(AllNames(names));
  EXPECT_EQ(corridor->type, "initiative");
  EXPECT_LT(corridor->confidence, 0.7);
  EXPECT_GT(corridor->confidence, 0.4);
}

TEST_F(EntityDiscoveryTest, QuotedOrdinaryPhrasesAreNotNames) {
  // Lower case, a short compound, an honour, a clause, a defined term.
  EXPECT_TRUE(Discover("Sự chênh lệch đã tạo ra “khoảng trống pháp lý” giữa các nước.").empty());
  EXPECT_TRUE(Discover("Hợp đồng gọi bên bán là “Nhà cung cấp” trong văn bản này.").empty());
  EXPECT_TRUE(Discover("Ông được tặng “Huân chương Lao động hạng Ba” năm 2020.").empty());
  EXPECT_TRUE(Discover("Người phát ngôn nói “Chúng tôi đã sẵn sàng” trước báo giới.").empty());
  EXPECT_TRUE(Discover("“Cyber Resilience Board” means the board established under section 4.").empty());
  EXPECT_TRUE(Discover("In this Part, “licensed operator” includes a former licensee.").empty());
}

TEST_F(EntityDiscoveryTest, UnquotedHeadWithAcronymAndTranslationInParentheses) {
  const auto names = Discover(
      "Tháng 5, Ủy ban Điều phối An ninh thông tin Khu vực (Regional Information Security "
      "Coordination Committee - RISCC) đã họp phiên đầu tiên.");
  ASSERT_EQ(names.size(), 1u) << ::testing::PrintToString(AllNames(names));
  const auto& n = names[0];
  EXPECT_EQ(n.name, "Ủy ban Điều phối An ninh thông tin Khu vực");
  EXPECT_EQ(n.type, "organization");
  EXPECT_NEAR(n.confidence, 0.85, 0.05);
  EXPECT_TRUE(HasAlias(n, "Regional Information Security Coordination Committee"))
      << ::testing::PrintToString(n.aliases);
  EXPECT_TRUE(HasAlias(n, "RISCC"));
}

TEST_F(EntityDiscoveryTest, UnquotedHeadNameEndsAtThePredicate) {
  const auto names = Discover("Ngày 3/4, Diễn đàn Kinh tế số Đông Nam Á 2024 tổ chức tại Hà Nội.");
  const auto n = Named(names, "Diễn đàn Kinh tế số Đông Nam Á 2024");
  ASSERT_TRUE(n) << ::testing::PrintToString(AllNames(names));
  EXPECT_EQ(n->type, "event");
  EXPECT_NEAR(n->confidence, 0.7, 0.05);

  const auto laws = Discover("Theo Luật Giao dịch điện tử và Bộ luật Dân sự, hợp đồng này có hiệu lực.");
  EXPECT_TRUE(Named(laws, "Luật Giao dịch điện tử")) << ::testing::PrintToString(AllNames(laws));
  EXPECT_TRUE(Named(laws, "Bộ luật Dân sự")) << ::testing::PrintToString(AllNames(laws));
  EXPECT_EQ(Named(laws, "Bộ luật Dân sự")->type, "law");
}

TEST_F(EntityDiscoveryTest, VietnameseNamesMixCaseListsAndPartners) {
  const auto names = Discover(
      "Bộ Văn hóa, Thể thao và Du lịch phối hợp với Bộ Lao động - Thương binh và Xã hội. "
      "Diễn đàn Hợp tác số Việt Nam - Nhật Bản diễn ra trong hai ngày.");
  EXPECT_TRUE(Named(names, "Bộ Văn hóa, Thể thao và Du lịch")) << ::testing::PrintToString(AllNames(names));
  EXPECT_TRUE(Named(names, "Bộ Lao động - Thương binh và Xã hội")) << ::testing::PrintToString(AllNames(names));
  EXPECT_TRUE(Named(names, "Diễn đàn Hợp tác số Việt Nam - Nhật Bản")) << ::testing::PrintToString(AllNames(names));
}

TEST_F(EntityDiscoveryTest, TwoNamesJoinedByVaAreTwo) {
  const auto names = Discover("Sự kiện do Hiệp hội Điện toán Đám mây Việt Nam và Hiệp hội An ninh mạng Quốc gia đồng tổ chức.");
  EXPECT_TRUE(Named(names, "Hiệp hội Điện toán Đám mây Việt Nam")) << ::testing::PrintToString(AllNames(names));
  EXPECT_TRUE(Named(names, "Hiệp hội An ninh mạng Quốc gia")) << ::testing::PrintToString(AllNames(names));
}

TEST_F(EntityDiscoveryTest, DocumentNumbersAndYearsMakeALawName) {
  const auto names = Discover("Căn cứ Nghị định số 13/2023/NĐ-CP ngày 17 tháng 4 năm 2023 của Chính phủ;");
  const auto n = Named(names, "Nghị định số 13/2023/NĐ-CP");
  ASSERT_TRUE(n) << ::testing::PrintToString(AllNames(names));
  EXPECT_EQ(n->type, "law");
}

TEST_F(EntityDiscoveryTest, OldAndNewTonePlacementAreTheSameHead) {
  const auto names = Discover("Uỷ ban Quốc gia về Chuyển đổi số đã họp. Ủy ban Quốc gia về Chuyển đổi số đã họp.");
  ASSERT_EQ(names.size(), 2u) << ::testing::PrintToString(AllNames(names));
  EXPECT_EQ(names[0].type, "organization");
  EXPECT_EQ(names[1].type, "organization");
}

TEST_F(EntityDiscoveryTest, TitlesOfOfficeAndCommonPhrasesAreNotNames) {
  // "Bộ trưởng" is a minister; the head words here lead only lower-case words.
  EXPECT_TRUE(Discover("Bộ trưởng cho biết sẽ tăng ngân sách.").empty());
  EXPECT_TRUE(Discover("Chương trình cung cấp các khóa học miễn phí cho sinh viên.").empty());
  EXPECT_TRUE(Discover("Các nước đưa ra chiến lược phát triển kỹ thuật số riêng.").empty());
  EXPECT_TRUE(Discover("Luật này có hiệu lực kể từ ngày ký.").empty());
  // The minister's title run holds a strategy head, but no strategy.
  const auto names = Discover("Phó Thủ tướng kiêm Bộ trưởng Điều phối Chính sách Kinh tế Lào phát biểu.");
  for (const auto& n : names) EXPECT_NE(n.type, "strategy") << n.name;
  // A minister of an organisation: the organisation is a name.
  const auto ministry = Discover("Bộ trưởng Bộ Tài nguyên và Môi trường đã ký quyết định.");
  EXPECT_EQ(AllNames(ministry), std::vector<std::string>{"Bộ Tài nguyên và Môi trường"});
}

TEST_F(EntityDiscoveryTest, NameCutShortReadsItselfFromTheRestOfTheText) {
  // The second sentence has no clear end after the name; the first says
  // where "Bộ Nội vụ" ends.
  const auto names = Discover("Hồ sơ gửi Bộ Nội vụ. Bộ Nội vụ phản hồi ý kiến trong mười ngày.");
  ASSERT_EQ(names.size(), 2u) << ::testing::PrintToString(AllNames(names));
  EXPECT_EQ(names[0].name, "Bộ Nội vụ");
  EXPECT_EQ(names[1].name, "Bộ Nội vụ");
}

TEST_F(EntityDiscoveryTest, EnglishActsWithYears) {
  const auto names = Discover(
      "Section 5 of the Online Safety Act 2021 amends the Broadcasting Services Act 1992 and the "
      "Data Privacy Act of 2012.");
  EXPECT_TRUE(Named(names, "Online Safety Act 2021")) << ::testing::PrintToString(AllNames(names));
  EXPECT_TRUE(Named(names, "Broadcasting Services Act 1992")) << ::testing::PrintToString(AllNames(names));
  EXPECT_TRUE(Named(names, "Data Privacy Act of 2012")) << ::testing::PrintToString(AllNames(names));
  for (const auto& n : names) EXPECT_EQ(n.type, "law") << n.name;
}

TEST_F(EntityDiscoveryTest, EnglishPossessiveAndComplements) {
  const auto names = Discover(
      "Malaysia's Personal Data Protection Act applies here, and the Cyber Defence Agency of "
      "Norland reports to the Ministry of Digital Affairs.");
  const auto act = Named(names, "Malaysia's Personal Data Protection Act");
  ASSERT_TRUE(act) << ::testing::PrintToString(AllNames(names));
  EXPECT_EQ(act->type, "law");
  EXPECT_TRUE(Named(names, "Cyber Defence Agency of Norland")) << ::testing::PrintToString(AllNames(names));
  const auto ministry = Named(names, "Ministry of Digital Affairs");
  ASSERT_TRUE(ministry) << ::testing::PrintToString(AllNames(names));
  EXPECT_EQ(ministry->type, "organization");
}

TEST_F(EntityDiscoveryTest, EnglishHeadingsAndGenericReferencesAreNotNames) {
  EXPECT_TRUE(Discover("Section 12 - Duties of the Commissioner").empty());
  EXPECT_TRUE(Discover("PART 3 - GENERAL PROVISIONS OF THIS ACT").empty());
  EXPECT_TRUE(Discover("This Act binds the Crown. The Principal Act is amended as follows.").empty());
  EXPECT_TRUE(Discover("Nothing in this Regulation affects the powers of the Commission.").empty());
  EXPECT_TRUE(Discover("Subject to Part 4, Division 2 of the Act applies.").empty());
}

TEST_F(EntityDiscoveryTest, TwoEnglishActsJoinedByAndAreTwo) {
  const auto names = Discover("It is read with the Privacy Act 1988 and the Spam Act 2003.");
  EXPECT_EQ(AllNames(names), (std::vector<std::string>{"Privacy Act 1988", "Spam Act 2003"}));
}

TEST_F(EntityDiscoveryTest, AcronymWhoseInitialsMatchTheRunBeforeIt) {
  const auto names = Discover("Theo Global Cyber Observatory (GCO), số vụ tấn công đã tăng.");
  const auto n = Named(names, "Global Cyber Observatory");
  ASSERT_TRUE(n) << ::testing::PrintToString(AllNames(names));
  EXPECT_EQ(n->type, "organization");
  EXPECT_TRUE(HasAlias(*n, "GCO"));
  EXPECT_GT(n->confidence, 0.6);
  EXPECT_LT(n->confidence, 0.85);
  // Initials that do not match, and a bare acronym, are no name.
  EXPECT_TRUE(Discover("Người dân dùng Thẻ căn cước (NRIC) để đăng ký.").empty());
  EXPECT_TRUE(Discover("Theo dữ liệu của OECD, tỷ lệ này tăng.").empty());
}

bool HasVariant(const DiscoveredName& n, const std::string& v) {
  return std::find(n.variants.begin(), n.variants.end(), v) != n.variants.end();
}

// A name without its ordinal is a variant, not an alias: every meeting of
// the series shares it (DiscoveredEntities drops one that two claim).
TEST_F(EntityDiscoveryTest, OrdinalsGoIntoVariantsAndLeadingTheIntoAliases) {
  const auto vi = Discover("Hội nghị Bộ trưởng Năng lượng ASEAN lần thứ 41 đã thông qua tuyên bố chung.");
  const auto meeting = Named(vi, "Hội nghị Bộ trưởng Năng lượng ASEAN lần thứ 41");
  ASSERT_TRUE(meeting) << ::testing::PrintToString(AllNames(vi));
  EXPECT_EQ(meeting->type, "event");
  EXPECT_TRUE(HasVariant(*meeting, "Hội nghị Bộ trưởng Năng lượng ASEAN")) << ::testing::PrintToString(meeting->variants);
  EXPECT_FALSE(HasAlias(*meeting, "Hội nghị Bộ trưởng Năng lượng ASEAN"));

  const auto word = Discover("Hội nghị Thượng đỉnh Kinh tế số Lần thứ hai khai mạc sáng nay.");
  ASSERT_EQ(word.size(), 1u) << ::testing::PrintToString(AllNames(word));
  EXPECT_TRUE(HasVariant(word[0], "Hội nghị Thượng đỉnh Kinh tế số")) << ::testing::PrintToString(word[0].variants);

  const auto two = Discover("Hội nghị Cấp cao ASEAN lần thứ 28 và 29 diễn ra ở Viêng Chăn.");
  const auto joint = Named(two, "Hội nghị Cấp cao ASEAN lần thứ 28 và 29");
  ASSERT_TRUE(joint) << ::testing::PrintToString(AllNames(two));
  EXPECT_TRUE(HasVariant(*joint, "Hội nghị Cấp cao ASEAN")) << ::testing::PrintToString(joint->variants);

  const auto en = Discover("Delegates met at the Third Regional Data Governance Forum in March.");
  const auto forum = Named(en, "Third Regional Data Governance Forum");
  ASSERT_TRUE(forum) << ::testing::PrintToString(AllNames(en));
  EXPECT_TRUE(HasVariant(*forum, "Regional Data Governance Forum"));

  const auto numeric = Discover("It was adopted at the 31st ASEAN Summit in Manila.");
  const auto summit = Named(numeric, "31st ASEAN Summit");
  ASSERT_TRUE(summit) << ::testing::PrintToString(AllNames(numeric));
  EXPECT_TRUE(HasVariant(*summit, "ASEAN Summit"));

  const auto the = Discover("Khung Tiêu chuẩn Thương mại số (The Digital Trade Standards Framework) được công bố.");
  ASSERT_EQ(the.size(), 1u) << ::testing::PrintToString(AllNames(the));
  EXPECT_EQ(the[0].name, "Khung Tiêu chuẩn Thương mại số");
  EXPECT_TRUE(HasAlias(the[0], "The Digital Trade Standards Framework")) << ::testing::PrintToString(the[0].aliases);
  EXPECT_TRUE(HasAlias(the[0], "Digital Trade Standards Framework"));
}

TEST_F(EntityDiscoveryTest, LongQuotedTitleGetsItsShortFormAsAlias) {
  const auto names = Discover(
      "Chính phủ phê duyệt “Kế hoạch Hạ tầng số Quốc gia, hướng tới kết nối toàn dân đến năm 2030, "
      "tầm nhìn 2045”.");
  ASSERT_EQ(names.size(), 1u) << ::testing::PrintToString(AllNames(names));
  EXPECT_EQ(names[0].type, "plan");
  EXPECT_TRUE(HasAlias(names[0], "Kế hoạch Hạ tầng số Quốc gia")) << ::testing::PrintToString(names[0].aliases);
}

TEST_F(EntityDiscoveryTest, TranslationInParenthesesIsAnAliasNotASecondName) {
  const auto names = Discover("Ngày 5/6, Tuần lễ Đổi mới Sáng tạo Quốc gia 2024 (National Innovation Week 2024) khai mạc.");
  ASSERT_EQ(names.size(), 1u) << ::testing::PrintToString(AllNames(names));
  EXPECT_EQ(names[0].name, "Tuần lễ Đổi mới Sáng tạo Quốc gia 2024");
  EXPECT_EQ(names[0].type, "event");
  EXPECT_TRUE(HasAlias(names[0], "National Innovation Week 2024"));
}

TEST_F(EntityDiscoveryTest, NfdInputGivesTheSameNamesWithSpansIntoTheInput) {
  const std::string nfc =
      "Tháng 5, Ủy ban Điều phối An ninh thông tin Khu vực (RISCC) ban hành “Khung Ứng phó sự cố "
      "mạng chung”.";
  const std::string nfd = Nfd(nfc);
  ASSERT_NE(nfc, nfd);
  const auto from_nfc = Discover(nfc);
  const auto from_nfd = Discover(nfd);
  ASSERT_EQ(AllNames(from_nfc), AllNames(from_nfd));
  ASSERT_EQ(from_nfd.size(), 2u) << ::testing::PrintToString(AllNames(from_nfd));
  for (size_t i = 0; i < from_nfd.size(); ++i) {
    EXPECT_EQ(from_nfd[i].type, from_nfc[i].type);
    EXPECT_EQ(from_nfd[i].aliases, from_nfc[i].aliases);
    // The span is in the NFD input and holds the name's NFD form.
    const auto& n = from_nfd[i];
    EXPECT_EQ(nfd.substr(n.begin, n.end - n.begin), Nfd(n.name));
  }
}

TEST_F(EntityDiscoveryTest, MalformedUtf8DoesNotCrash) {
  std::string text = "Theo Luật An ninh mạng \xff\xfe và “Chiến lược Dữ liệu \xc3 quốc gia” (\xe1\x80) ";
  text += std::string("\xf0\x9f", 2);  // a cut four-byte sequence at the very end
  const auto names = Discover(text);
  EXPECT_TRUE(Named(names, "Luật An ninh mạng")) << ::testing::PrintToString(AllNames(names));
  // Every byte value and cut sequences everywhere: no crash, spans valid.
  std::string noise;
  for (int i = 0; i < 256; ++i) noise += static_cast<char>(i);
  noise += " Bộ Ngoại giao (MOFA) \xe2\x80 “Sáng kiến Xanh \xcc";
  Discover(noise);
  Discover(std::string("\"", 1));
  Discover("“");
  Discover("(");
  Discover("Luật");
}

TEST_F(EntityDiscoveryTest, NamesAreReportedOncePerOccurrenceInTextOrder) {
  const auto names = Discover(
      "“Hiệp định Đối tác Số khu vực” (RDPA) có hiệu lực. Hiệp định Đối tác Số khu vực (RDPA) mở ra thị trường.");
  ASSERT_EQ(names.size(), 2u) << ::testing::PrintToString(AllNames(names));
  EXPECT_EQ(names[0].name, "Hiệp định Đối tác Số khu vực");
  EXPECT_EQ(names[1].name, "Hiệp định Đối tác Số khu vực");
  EXPECT_LT(names[0].begin, names[1].begin);
  EXPECT_GT(names[0].confidence, names[1].confidence - 1e-9);
  EXPECT_TRUE(HasAlias(names[0], "RDPA"));
  EXPECT_TRUE(HasAlias(names[1], "RDPA"));
}

TEST_F(EntityDiscoveryTest, VietnameseNamesRunThroughYearsPurposesAndCompounds) {
  auto names = AllNames(Discover("Úc công bố Chiến lược Kinh tế Biển Nam đến năm 2040 vào tháng 9."));
  EXPECT_NE(std::find(names.begin(), names.end(), "Chiến lược Kinh tế Biển Nam đến năm 2040"), names.end())
      << ::testing::PrintToString(names);
  names = AllNames(Discover("Hai bên dự Hội nghị Cấp cao kỷ niệm 30 năm quan hệ Lào - Nhật Bản tại Viêng Chăn."));
  EXPECT_NE(std::find(names.begin(), names.end(), "Hội nghị Cấp cao kỷ niệm 30 năm quan hệ Lào - Nhật Bản"),
            names.end())
      << ::testing::PrintToString(names);
  names = AllNames(Discover("Hai nước ký Hiệp định Thương mại tự do Lào - Úc (LAFTA) năm ngoái."));
  EXPECT_NE(std::find(names.begin(), names.end(), "Hiệp định Thương mại tự do Lào - Úc"), names.end())
      << ::testing::PrintToString(names);
  names = AllNames(Discover("Họ tham gia Khuôn khổ Hợp tác Biển vì Hòa bình (KHB) từ đầu."));
  EXPECT_NE(std::find(names.begin(), names.end(), "Khuôn khổ Hợp tác Biển vì Hòa bình"), names.end())
      << ::testing::PrintToString(names);
}

TEST_F(EntityDiscoveryTest, CompanyAfterALowerCaseDescriptor) {
  auto found = Discover("Năm ngoái, tập đoàn bán dẫn Rivertone Micro mở nhà máy ở Đà Nẵng.");
  auto company = Named(found, "Rivertone Micro");
  ASSERT_TRUE(company) << ::testing::PrintToString(AllNames(found));
  EXPECT_EQ(company->type, "organization");
  EXPECT_FALSE(Named(Discover("công ty này mở rộng hoạt động."), "này"));
}

TEST_F(EntityDiscoveryTest, EnglishNumberedAndHeadFirstLaws) {
  const auto act = Discover("On 30 December 2021 the Philippines enacted Republic Act No. 11641, which created a ministry.");
  EXPECT_TRUE(Named(act, "Republic Act No. 11641")) << ::testing::PrintToString(AllNames(act));

  const auto law = Discover(
      "Vietnam's Law on Vietnamese Workers Working Abroad under Contract (Law No. 69/2020/QH14) was passed in 2020.");
  const auto named = Named(law, "Vietnam's Law on Vietnamese Workers Working Abroad under Contract");
  ASSERT_TRUE(named) << ::testing::PrintToString(AllNames(law));
  EXPECT_EQ(named->type, "law");
  EXPECT_TRUE(HasAlias(*named, "Law No. 69/2020/QH14")) << ::testing::PrintToString(named->aliases);

  // "Act on the …" and "Regulation of the …" stay citations.
  EXPECT_FALSE(Named(Discover("It amends the Regulation of the European Parliament on data."),
                     "Regulation of the European Parliament"));
  // A "Law on the …" is named so; a plural possessive stays inside a title.
  const auto tax = Discover("The rate rose under the Law on the Harmonization of Tax Regulations, approved in 2021.");
  EXPECT_TRUE(Named(tax, "Law on the Harmonization of Tax Regulations")) << ::testing::PrintToString(AllNames(tax));
  const auto rights = Discover("It follows the Law on Protection of Consumers' Rights, passed in 2023.");
  EXPECT_TRUE(Named(rights, "Law on Protection of Consumers' Rights")) << ::testing::PrintToString(AllNames(rights));
}

TEST_F(EntityDiscoveryTest, DeclarationsAndConsensusAreAgreementsWithoutTheirYear) {
  const auto names = Discover("The Consensus builds on the Cebu Declaration of 2007 and goes further.");
  const auto cebu = Named(names, "Cebu Declaration");
  ASSERT_TRUE(cebu) << ::testing::PrintToString(AllNames(names));
  EXPECT_EQ(cebu->type, "agreement");
  // A law keeps "of 2012": it is part of the name.
  EXPECT_TRUE(Named(Discover("It amends the Privacy Act of 2012 in two places."), "Privacy Act of 2012"));
}

TEST_F(EntityDiscoveryTest, RelationshipLevelsAreNotNames) {
  EXPECT_TRUE(Discover("The two countries upgraded ties to a Comprehensive Strategic Partnership in 2023.").empty());
}

TEST_F(EntityDiscoveryTest, TheNounAfterAnAcronymGivesTheType) {
  const auto names = Discover("Japan will replace it with an Employment for Skill Development (ESD) system in 2027.");
  const auto esd = Named(names, "Employment for Skill Development");
  ASSERT_TRUE(esd) << ::testing::PrintToString(AllNames(names));
  EXPECT_EQ(esd->type, "programme");
}

TEST_F(EntityDiscoveryTest, ParticlesOfOtherLanguagesInsideAnAcronymRun) {
  const auto names = Discover("Officials of Bangko Sentral ng Pilipinas (BSP) attended.");
  const auto bsp = Named(names, "Bangko Sentral ng Pilipinas");
  ASSERT_TRUE(bsp) << ::testing::PrintToString(AllNames(names));
  EXPECT_TRUE(HasAlias(*bsp, "BSP"));
}

TEST_F(EntityDiscoveryTest, AStatedShortNameIsAnAlias) {
  const auto names = Discover(
      "They signed the Memorandum of Understanding on Cooperation in Regional Payment Connectivity, usually "
      "shortened to the RPC MoU.");
  ASSERT_EQ(names.size(), 1u) << ::testing::PrintToString(AllNames(names));
  EXPECT_TRUE(HasAlias(names[0], "RPC MoU")) << ::testing::PrintToString(names[0].aliases);
}

TEST_F(EntityDiscoveryTest, VietnameseNameAfterALowercaseHeadWithItsTranslation) {
  const auto names = Discover("Liên minh châu Âu công bố chiến lược Cổng Toàn cầu (Global Gateway) vào tháng 12/2021.");
  const auto gateway = Named(names, "Cổng Toàn cầu");
  ASSERT_TRUE(gateway) << ::testing::PrintToString(AllNames(names));
  EXPECT_EQ(gateway->type, "strategy");
  EXPECT_TRUE(HasAlias(*gateway, "Global Gateway"));
  // Without a translation after it, a lower-case head names nothing.
  EXPECT_FALSE(Named(Discover("EU công bố chiến lược Cổng Toàn cầu vào tháng 12/2021."), "Cổng Toàn cầu"));
}

TEST_F(EntityDiscoveryTest, AVietnameseTitleRunsOnToATranslationOfTheSameKind) {
  const auto names = Discover(
      "Việt Nam, Lào và Thái Lan là các bên tham gia Hiệp định Tạo thuận lợi vận chuyển người và hàng hóa qua biên "
      "giới (Cross-Border Transport Facilitation Agreement – CBTA) từ năm 2019.");
  const auto cbta = Named(names, "Hiệp định Tạo thuận lợi vận chuyển người và hàng hóa qua biên giới");
  ASSERT_TRUE(cbta) << ::testing::PrintToString(AllNames(names));
  EXPECT_TRUE(HasAlias(*cbta, "CBTA"));
  // Not across a verb and another head: two names.
  const auto two = Discover(
      "Tập đoàn CATL của Trung Quốc ký thỏa thuận với Tập đoàn Pin Indonesia (Indonesia Battery Corporation - IBC).");
  EXPECT_TRUE(Named(two, "Tập đoàn Pin Indonesia")) << ::testing::PrintToString(AllNames(two));
}

TEST_F(EntityDiscoveryTest, PersonsAfterAFormOfAddressOrAnAcademicTitle) {
  const auto names = Discover(
      "Ông Morikawa Shinji, Trưởng đại diện JICA, và PGS.TS Nguyễn Văn Lâm, Hiệu trưởng nhà trường, phát biểu.");
  const auto a = Named(names, "Morikawa Shinji");
  const auto b = Named(names, "Nguyễn Văn Lâm");
  ASSERT_TRUE(a && b) << ::testing::PrintToString(AllNames(names));
  EXPECT_EQ(a->type, "person");
  EXPECT_EQ(b->type, "person");
  // "Bà Rịa" is a place: no surname, not Latin letters.
  EXPECT_TRUE(Discover("Tỉnh Bà Rịa – Vũng Tàu có cảng lớn.").empty() ||
              !Named(Discover("Tỉnh Bà Rịa – Vũng Tàu có cảng lớn."), "Rịa"));
}

TEST_F(EntityDiscoveryTest, CompaniesAfterAnEnglishCompanyNoun) {
  const auto names = Discover(
      "It buys data from the American firm HawkEye 360, and the shipyard Larsen & Toubro built the boats.");
  EXPECT_TRUE(Named(names, "HawkEye 360")) << ::testing::PrintToString(AllNames(names));
  EXPECT_TRUE(Named(names, "Larsen & Toubro")) << ::testing::PrintToString(AllNames(names));
}

TEST_F(EntityDiscoveryTest, ACompanyDescribedAfterAComma) {
  const auto names = Discover("Google đã rót vốn vào GoTo, tập đoàn công nghệ lớn nhất Indonesia.");
  const auto goto_ = Named(names, "GoTo");
  ASSERT_TRUE(goto_) << ::testing::PrintToString(AllNames(names));
  EXPECT_EQ(goto_->type, "organization");
}

// "Convention Against …", "Trafficking in Persons", "ASEAN+3", a lower-case
// programme noun before its acronym, "… Group", "Operation …", and pooled
// funds typed as programmes.
TEST_F(EntityDiscoveryTest, TitlesOfTheCrimeAndFoodSecurityKind) {
  const auto names = Discover(
      "The legal backbone is the ASEAN Convention Against Trafficking in Persons, Especially Women and Children "
      "(ACTIP), signed in 2015. The Coral Counter Trafficking programme (CCT) runs to 2028. Washington designated "
      "Prince Group in 2025. Operation HAECHI-IV led to arrests. Công cụ chung là Hiệp định Dự trữ Gạo khẩn cấp "
      "ASEAN+3 (APTERR). Các nước góp tiền vào Quỹ Ứng phó Dịch bệnh Khu vực, còn Quỹ Đầu tư Trực tiếp Nga rót vốn.");
  auto actip = Named(names, "ASEAN Convention Against Trafficking in Persons, Especially Women and Children");
  ASSERT_TRUE(actip) << ::testing::PrintToString(AllNames(names));
  EXPECT_NE(std::find(actip->aliases.begin(), actip->aliases.end(), "ACTIP"), actip->aliases.end());
  auto programme = Named(names, "Coral Counter Trafficking programme");
  ASSERT_TRUE(programme) << ::testing::PrintToString(AllNames(names));
  EXPECT_EQ(programme->type, "programme");
  ASSERT_TRUE(Named(names, "Prince Group")) << ::testing::PrintToString(AllNames(names));
  auto operation = Named(names, "Operation HAECHI-IV");
  ASSERT_TRUE(operation) << ::testing::PrintToString(AllNames(names));
  EXPECT_EQ(operation->type, "event");
  ASSERT_TRUE(Named(names, "Hiệp định Dự trữ Gạo khẩn cấp ASEAN+3")) << ::testing::PrintToString(AllNames(names));
  auto fund = Named(names, "Quỹ Ứng phó Dịch bệnh Khu vực");
  ASSERT_TRUE(fund) << ::testing::PrintToString(AllNames(names));
  EXPECT_EQ(fund->type, "programme");
  auto investor = Named(names, "Quỹ Đầu tư Trực tiếp Nga");
  ASSERT_TRUE(investor) << ::testing::PrintToString(AllNames(names));
  EXPECT_EQ(investor->type, "organization");
}

// Gatherings by their usual names are events: games, festivals, expos, a
// named military exercise, and their Vietnamese heads.
TEST_F(EntityDiscoveryTest, GamesFestivalsExposAndExercisesAreEvents) {
  const auto names = Discover(
      "Cambodia hosted the Southeast Asian Games in 2023, Busan International Film Festival screened six films, "
      "and Manila sent troops to Exercise Balikatan. Việt Nam tham gia Liên hoan phim quốc tế Hà Nội và Đại hội "
      "Thể thao Đông Nam Á lần thứ 31.");
  for (const char* event : {"Southeast Asian Games", "Busan International Film Festival", "Exercise Balikatan",
                            "Liên hoan phim quốc tế Hà Nội", "Đại hội Thể thao Đông Nam Á lần thứ 31"}) {
    auto found = Named(names, event);
    ASSERT_TRUE(found) << event << ": " << ::testing::PrintToString(AllNames(names));
    EXPECT_EQ(found->type, "event") << event;
  }
}

// Soft law and commitments by their heads: guidelines, guides,
// recommendations, visions, amendments.
TEST_F(EntityDiscoveryTest, GuidelinesVisionsAndAmendmentsAreFrameworks) {
  const auto names = Discover(
      "Members adopted the ASEAN Guidelines on Online Dispute Resolution and cited the Osaka Blue Ocean Vision; "
      "the Kigali Amendment entered into force, and regulators follow the FATF Recommendations.");
  for (const auto& [name, type] : std::vector<std::pair<std::string, std::string>>{
           {"ASEAN Guidelines on Online Dispute Resolution", "initiative"},
           {"Osaka Blue Ocean Vision", "strategy"},
           {"Kigali Amendment", "agreement"},
           {"FATF Recommendations", "initiative"}}) {
    auto found = Named(names, name);
    ASSERT_TRUE(found) << name << ": " << ::testing::PrintToString(AllNames(names));
    EXPECT_EQ(found->type, type) << name;
  }
}

// Universities and scholarships are heads; a list of portfolios with
// several commas stays in a ministry's name; "Access to … Act".
TEST_F(EntityDiscoveryTest, UniversitiesScholarshipsAndLongMinistries) {
  const auto names = Discover(
      "Monash University opened a campus, and Indonesia's Ministry of Education, Culture, Research and Technology "
      "funds the Global Korea Scholarship. The Universal Access to Quality Tertiary Education Act took effect.");
  auto university = Named(names, "Monash University");
  ASSERT_TRUE(university) << ::testing::PrintToString(AllNames(names));
  EXPECT_EQ(university->type, "organization");
  auto scholarship = Named(names, "Global Korea Scholarship");
  ASSERT_TRUE(scholarship) << ::testing::PrintToString(AllNames(names));
  EXPECT_EQ(scholarship->type, "programme");
  EXPECT_TRUE(Named(names, "Indonesia's Ministry of Education, Culture, Research and Technology"))
      << ::testing::PrintToString(AllNames(names));
  EXPECT_TRUE(Named(names, "Universal Access to Quality Tertiary Education Act"))
      << ::testing::PrintToString(AllNames(names));
}

// "Ban Thư ký …" heads an organisation, and "đặt" (is based) ends a name.
TEST_F(EntityDiscoveryTest, ASecretariatAndWhereItIsBased) {
  const auto names = Discover("Ban Thư ký APTERR đặt tại Bangkok điều phối các yêu cầu hỗ trợ.");
  auto secretariat = Named(names, "Ban Thư ký APTERR");
  ASSERT_TRUE(secretariat) << ::testing::PrintToString(AllNames(names));
  EXPECT_EQ(secretariat->type, "organization");
}

// ---------------------------------------------------------------------------
// Rules added for recall on unseen text (docs/QUALITY.md, "Entity recall on
// unseen text"). Each has a case that must fire and one that must not.

TEST_F(EntityDiscoveryTest, DeclarationsAndFairsAreHeads) {
  auto names = Discover("Hội nghị đã thông qua Tuyên bố Viêng Chăn, khẳng định cam kết chia sẻ dữ liệu.");
  auto declaration = Named(names, "Tuyên bố Viêng Chăn");
  ASSERT_TRUE(declaration) << ::testing::PrintToString(AllNames(names));
  EXPECT_EQ(declaration->type, "agreement");
  names = Discover("Hội chợ Trung Quốc - ASEAN lần thứ 19 (CAExpo) diễn ra tại Nam Ninh.");
  auto fair = Named(names, "Hội chợ Trung Quốc - ASEAN lần thứ 19");
  ASSERT_TRUE(fair) << ::testing::PrintToString(AllNames(names));
  EXPECT_EQ(fair->type, "event");
  // The verb, and a joint statement with nothing proper in it, name nothing.
  EXPECT_TRUE(Discover("Bộ trưởng tuyên bố sẽ tăng cường hợp tác.").empty());
  EXPECT_TRUE(Discover("Tuyên bố chung nêu rõ hai bên sẽ hợp tác.").empty());
}

TEST_F(EntityDiscoveryTest, CooperationAndPartnershipNamedByAPairOfParties) {
  auto names = Discover("Ấn Độ duy trì Hợp tác Mekong - Sông Hằng, còn ASEAN mới chỉ nhắc đến Mekong.");
  auto cooperation = Named(names, "Hợp tác Mekong - Sông Hằng");
  ASSERT_TRUE(cooperation) << ::testing::PrintToString(AllNames(names));
  EXPECT_EQ(cooperation->type, "regional_org");
  names = Discover("Năm 2020, Australia khởi động Quan hệ Đối tác Mekong - Australia với ngân sách lớn.");
  auto partnership = Named(names, "Quan hệ Đối tác Mekong - Australia");
  ASSERT_TRUE(partnership) << ::testing::PrintToString(AllNames(names));
  EXPECT_EQ(partnership->type, "initiative");
  // The common nouns, the level of relations and a cooperative are not.
  EXPECT_TRUE(Discover("Hợp tác liên chính phủ giúp giảm bớt rủi ro.").empty());
  EXPECT_TRUE(Discover("Hai nước nâng cấp lên Quan hệ Đối tác Chiến lược Toàn diện.").empty());
  names = Discover("AFSIS có văn phòng tại Bộ Nông nghiệp và Hợp tác xã Thái Lan, chịu trách nhiệm.");
  EXPECT_TRUE(Named(names, "Bộ Nông nghiệp và Hợp tác xã Thái Lan")) << ::testing::PrintToString(AllNames(names));
}

TEST_F(EntityDiscoveryTest, CompoundsWhoseSyllableIsAStopWord) {
  auto names = Discover(
      "Ngày 01/6/2022, Bộ Y tế ban hành \"Kế hoạch Chuẩn bị sẵn sàng ứng phó đại dịch giai đoạn 2022-2025\".");
  EXPECT_TRUE(Named(names, "Kế hoạch Chuẩn bị sẵn sàng ứng phó đại dịch giai đoạn 2022-2025"))
      << ::testing::PrintToString(AllNames(names));
  names = Discover("Bộ ban hành Kế hoạch hành động quốc gia về phòng, chống khai thác IUU giai đoạn 2024-2030 "
                   "(NPOA-IUU), giao nhiệm vụ cho các tỉnh.");
  EXPECT_TRUE(Named(names, "Kế hoạch hành động quốc gia về phòng, chống khai thác IUU giai đoạn 2024-2030"))
      << ::testing::PrintToString(AllNames(names));
  // "bị" as the passive still ends a quoted sentence; "phòng, chống" after
  // a ministry is what it does.
  names = Discover("Báo chí đưa tin “Chương trình Xanh bị dừng” vào tuần trước.");
  EXPECT_FALSE(Named(names, "Chương trình Xanh bị dừng")) << ::testing::PrintToString(AllNames(names));
  names = Discover("Bộ Y tế phòng, chống dịch bệnh trong mùa mưa. Bộ Y tế cho biết.");
  for (const auto& n : names) EXPECT_EQ(n.name, "Bộ Y tế");
}

TEST_F(EntityDiscoveryTest, WhereVietnameseNamesEnd) {
  // "ký" (sign) after a capitalised word is the verb.
  auto names = Discover("Đại học Khoa học và Công nghệ Hải dương Tokyo ký thỏa thuận hợp tác đào tạo.");
  EXPECT_TRUE(Named(names, "Đại học Khoa học và Công nghệ Hải dương Tokyo")) << ::testing::PrintToString(AllNames(names));
  names = Discover("Ban Thư ký ASEAN cho biết như vậy.");
  EXPECT_TRUE(Named(names, "Ban Thư ký ASEAN")) << ::testing::PrintToString(AllNames(names));
  // A year after a meeting's ordinal says when it was held.
  names = Discover("Hội nghị Bộ trưởng Nông nghiệp ASEAN - Ấn Độ lần thứ 5 năm 2020 thông qua kế hoạch.");
  EXPECT_TRUE(Named(names, "Hội nghị Bộ trưởng Nông nghiệp ASEAN - Ấn Độ lần thứ 5"))
      << ::testing::PrintToString(AllNames(names));
  // A framework word after a capitalised two-syllable word is part of the
  // name; after "và" in a body's name too; between two frameworks it is not.
  names = Discover("Hai bên thành lập Trung tâm Hợp tác Chuỗi cung ứng Khoáng sản Chiến lược Việt Nam - Hàn Quốc.");
  EXPECT_TRUE(Named(names, "Trung tâm Hợp tác Chuỗi cung ứng Khoáng sản Chiến lược Việt Nam - Hàn Quốc"))
      << ::testing::PrintToString(AllNames(names));
  names = Discover("Theo chuyên gia của Viện Chính sách và Chiến lược Phát triển Nông nghiệp Nông thôn (IPSARD), "
                   "bài học là rõ.");
  EXPECT_TRUE(Named(names, "Viện Chính sách và Chiến lược Phát triển Nông nghiệp Nông thôn"))
      << ::testing::PrintToString(AllNames(names));
  names = Discover("Chính phủ thông qua Chiến lược Số Quốc gia và Kế hoạch Hành động Xanh.");
  EXPECT_TRUE(Named(names, "Chiến lược Số Quốc gia")) << ::testing::PrintToString(AllNames(names));
  EXPECT_TRUE(Named(names, "Kế hoạch Hành động Xanh")) << ::testing::PrintToString(AllNames(names));
  // "và phía Trung Quốc" is the other party; "thiết lập" a verb.
  names = Discover("Bộ Giao thông vận tải Việt Nam và phía Trung Quốc ký bản ghi nhớ.");
  EXPECT_TRUE(Named(names, "Bộ Giao thông vận tải Việt Nam")) << ::testing::PrintToString(AllNames(names));
}

TEST_F(EntityDiscoveryTest, APeriodInBracketsAndOneReachedThroughVa) {
  auto names = Discover("Kế hoạch Hành động Hợp tác Nông nghiệp ASEAN - Trung Quốc (2021-2025) xác định ưu tiên.");
  auto plan = Named(names, "Kế hoạch Hành động Hợp tác Nông nghiệp ASEAN - Trung Quốc (2021-2025)");
  ASSERT_TRUE(plan) << ::testing::PrintToString(AllNames(names));
  EXPECT_TRUE(HasAlias(*plan, "Kế hoạch Hành động Hợp tác Nông nghiệp ASEAN - Trung Quốc"));
  names = Discover("Văn phòng ban hành Kế hoạch Tổng thể Quản lý Tài nguyên nước 20 năm (2018-2037), lần đầu.");
  EXPECT_TRUE(Named(names, "Kế hoạch Tổng thể Quản lý Tài nguyên nước 20 năm (2018-2037)"))
      << ::testing::PrintToString(AllNames(names));
  names = Discover("Thủ tướng phê duyệt Chiến lược phát triển nông nghiệp và nông thôn bền vững giai đoạn "
                   "2021-2030, tầm nhìn đến năm 2050.");
  EXPECT_TRUE(Named(names, "Chiến lược phát triển nông nghiệp và nông thôn bền vững giai đoạn 2021-2030, tầm "
                           "nhìn đến năm 2050"))
      << ::testing::PrintToString(AllNames(names));
  // A long lower-case description runs on to its horizon; without one the
  // sentence goes on.
  names = Discover("Thủ tướng phê duyệt Chiến lược phát triển công nghiệp bán dẫn đến năm 2030 vào tháng 9/2024.");
  EXPECT_TRUE(Named(names, "Chiến lược phát triển công nghiệp bán dẫn đến năm 2030"))
      << ::testing::PrintToString(AllNames(names));
  names = Discover("Bộ ban hành Kế hoạch thực hiện nhiệm vụ phát triển công nghiệp bán dẫn cho các trường đại học.");
  EXPECT_TRUE(AllNames(names).empty()) << ::testing::PrintToString(AllNames(names));
  // One year in brackets is a date; a body takes no period.
  names = Discover("Các nước ký Hiệp định Mekong (1995) để hợp tác.");
  EXPECT_TRUE(Named(names, "Hiệp định Mekong")) << ::testing::PrintToString(AllNames(names));
  names = Discover("Trung tâm Dữ liệu Mekong (2020-2025) được tài trợ.");
  EXPECT_TRUE(Named(names, "Trung tâm Dữ liệu Mekong")) << ::testing::PrintToString(AllNames(names));
}

TEST_F(EntityDiscoveryTest, LongLowerCaseTitlesUpToTheirAcronym) {
  auto names = Discover("Việt Nam gia nhập Hiệp định về các biện pháp của quốc gia có cảng nhằm phòng ngừa, ngăn chặn "
                        "và loại bỏ khai thác IUU (PSMA) của FAO vào năm 2018.");
  auto psma = Named(names, "Hiệp định về các biện pháp của quốc gia có cảng nhằm phòng ngừa, ngăn chặn và loại bỏ "
                           "khai thác IUU");
  ASSERT_TRUE(psma) << ::testing::PrintToString(AllNames(names));
  EXPECT_EQ(psma->type, "agreement");
  EXPECT_TRUE(HasAlias(*psma, "PSMA"));
  names = Discover("ASEAN và Trung Quốc đàm phán Bộ Quy tắc ứng xử ở Biển Đông (COC) từ năm 2002.");
  EXPECT_TRUE(Named(names, "Bộ Quy tắc ứng xử ở Biển Đông")) << ::testing::PrintToString(AllNames(names));
  // A capitalised name between the head and the acronym: the acronym may
  // be that name's.
  names = Discover("Hai bên ký Hiệp định về hợp tác với Cơ quan Hợp tác Quốc tế Nhật Bản (JICA) năm 2020.");
  for (const auto& n : names) EXPECT_NE(n.name.rfind("Hiệp định", 0), 0u) << n.name;
}

TEST_F(EntityDiscoveryTest, PersonsAfterMoreTitlesAndRoles) {
  auto names = Discover("Chiến lược do Đặc phái viên Nicholas Moore chủ trì soạn thảo.");
  EXPECT_TRUE(Named(names, "Nicholas Moore")) << ::testing::PrintToString(AllNames(names));
  names = Discover("Phát biểu tại hội nghị, Tiến sĩ Anoulak Kittikhoun cho rằng Ủy hội cần thay đổi.");
  EXPECT_TRUE(Named(names, "Anoulak Kittikhoun")) << ::testing::PrintToString(AllNames(names));
  names = Discover("In Hanoi, SBV Governor Nguyễn Thị Hồng told lawmakers that payments were rising.");
  EXPECT_TRUE(Named(names, "Nguyễn Thị Hồng")) << ::testing::PrintToString(AllNames(names));
  names = Discover("Bộ trưởng Thương mại và Công nghiệp Singapore Gan Kim Yong nhiều lần nhấn mạnh điều đó.");
  EXPECT_TRUE(Named(names, "Singapore Gan Kim Yong")) << ::testing::PrintToString(AllNames(names));
  names = Discover("OFAC sanctioned the group and its leader, Saw Chit Thu, in May.");
  EXPECT_TRUE(Named(names, "Saw Chit Thu")) << ::testing::PrintToString(AllNames(names));
  names = Discover("Masood Karimipour, UNODC's regional representative, warned of new scams.");
  EXPECT_TRUE(Named(names, "Masood Karimipour")) << ::testing::PrintToString(AllNames(names));
  // A member is no title; a body after a role is no person.
  names = Discover("Việt Nam là thành viên Hiệp định Đối tác Xanh từ năm 2020.");
  for (const auto& n : names) EXPECT_NE(n.type, "person") << n.name;
  names = Discover("The project's leader, Mekong River Commission Secretariat, reported delays.");
  for (const auto& n : names) EXPECT_NE(n.type, "person") << n.name;
  // "Tổng Bí thư", "Đại sứ" are titles; a title before an earlier name, in
  // an earlier clause or sentence, or "hệ thống" (system) is none for "Hà
  // Nội" ("Hà" is also a surname).
  names = Discover("Tổng Bí thư Trần Văn Bình và Đại sứ Lê Thị Hoa dự lễ.");
  EXPECT_TRUE(Named(names, "Trần Văn Bình")) << ::testing::PrintToString(AllNames(names));
  EXPECT_TRUE(Named(names, "Lê Thị Hoa")) << ::testing::PrintToString(AllNames(names));
  for (const char* text : {"Thủ tướng Trần Văn Bình thăm Hà Nội tháng 5.",
                           "Sau chuyến thăm của Thủ tướng Trần Văn Bình tháng 10, Hà Nội và Lào ký văn kiện.",
                           "Ấn Độ có hệ thống Aadhaar. Tổ chức này khuyến nghị Hà Nội sớm hành động."}) {
    EXPECT_FALSE(Named(Discover(text), "Hà Nội")) << text;
  }
}

// A diplomatic mission is a body of its own, and its head ends a ministry's
// name before it: "và" joins words inside "Bộ Tài nguyên và Môi trường",
// but "Bộ Công an và Đại sứ quán Pháp" lists two bodies.
TEST_F(EntityDiscoveryTest, AnEmbassyAfterVaIsASecondBody) {
  auto names = Discover("Năm 2024, Bộ Ngoại thương và Đại sứ quán Pháp tại Hà Nội ký thỏa thuận hợp tác.");
  EXPECT_TRUE(Named(names, "Đại sứ quán Pháp")) << ::testing::PrintToString(AllNames(names));
  EXPECT_TRUE(Named(names, "Bộ Ngoại thương")) << ::testing::PrintToString(AllNames(names));
  for (const auto& n : names) EXPECT_EQ(n.name.find("và Đại sứ quán"), std::string::npos) << n.name;
  names = Discover("Tổng lãnh sự quán Hoa Kỳ tại Thành phố Hồ Chí Minh tổ chức hội thảo.");
  EXPECT_TRUE(Named(names, "Tổng lãnh sự quán Hoa Kỳ"))
      << ::testing::PrintToString(AllNames(names));
  // "và" before a capitalised word that is no head still joins a name.
  names = Discover("Năm 2024, Bộ Ngoại thương và Hợp tác Kinh tế ký thỏa thuận với Lào.");
  EXPECT_TRUE(Named(names, "Bộ Ngoại thương và Hợp tác Kinh tế")) << ::testing::PrintToString(AllNames(names));
}

TEST_F(EntityDiscoveryTest, CompaniesDescribedListedOrWithLittleWords) {
  auto names = Discover("Sinovac chuyển giao để Bio Farma, doanh nghiệp dược nhà nước, đóng lọ.");
  EXPECT_TRUE(Named(names, "Bio Farma")) << ::testing::PrintToString(AllNames(names));
  names = Discover("VinBioCare nhận chuyển giao từ Arcturus Therapeutics, một công ty của Mỹ.");
  EXPECT_TRUE(Named(names, "Arcturus Therapeutics")) << ::testing::PrintToString(AllNames(names));
  names = Discover("Khoản vay do các ngân hàng thu xếp, gồm Ngân hàng Krung Thai, Kasikornbank, Ngân hàng "
                   "Xuất nhập khẩu Thái Lan và TISCO.");
  for (const char* bank : {"Ngân hàng Krung Thai", "Kasikornbank", "Ngân hàng Xuất nhập khẩu Thái Lan", "TISCO"}) {
    EXPECT_TRUE(Named(names, bank)) << bank << ": " << ::testing::PrintToString(AllNames(names));
  }
  names = Discover("Đập được xây bởi liên doanh giữa Hydrolancang International Energy, Tập đoàn Royal Group và "
                   "EVN International, lần lượt là doanh nghiệp của ba nước.");
  EXPECT_TRUE(Named(names, "Hydrolancang International Energy")) << ::testing::PrintToString(AllNames(names));
  EXPECT_TRUE(Named(names, "EVN International")) << ::testing::PrintToString(AllNames(names));
  names = Discover("Một nghiên cứu của công ty Eyes on Earth, do Mỹ tài trợ, đã công bố.");
  EXPECT_TRUE(Named(names, "Eyes on Earth")) << ::testing::PrintToString(AllNames(names));
  names = Discover("Tháng 9, hãng tàu Mitsui O.S.K. Lines (MOL) của Nhật Bản rót vốn.");
  EXPECT_TRUE(Named(names, "Mitsui O.S.K. Lines")) << ::testing::PrintToString(AllNames(names));
  // No headed body in the list, or a place described: nothing.
  EXPECT_TRUE(Discover("Các nước gồm Lào, Campuchia và Myanmar đều tham gia.").empty());
  EXPECT_TRUE(Discover("Ông chuyển từ Hà Nội, một thành phố lớn, vào Nam.").empty());
}

TEST_F(EntityDiscoveryTest, EnglishOwnersForcesAndAgreementHeads) {
  auto names = Discover("In May 2024 the US Treasury Department's Office of Foreign Assets Control (OFAC) sanctioned "
                        "the Karen National Army.");
  EXPECT_TRUE(Named(names, "US Treasury Department")) << ::testing::PrintToString(AllNames(names));
  EXPECT_TRUE(Named(names, "Office of Foreign Assets Control")) << ::testing::PrintToString(AllNames(names));
  EXPECT_TRUE(Named(names, "Karen National Army")) << ::testing::PrintToString(AllNames(names));
  names = Discover("ASEAN and China kept negotiating a Code of Conduct in the South China Sea (COC); later the "
                   "ASEAN-China Free Trade Area (ACFTA) was upgraded. The Agreement Relating to Supply Chain "
                   "Resilience for Prosperity, concluded in 2023, followed.");
  for (const char* name : {"Code of Conduct in the South China Sea", "ASEAN-China Free Trade Area",
                           "Agreement Relating to Supply Chain Resilience for Prosperity"}) {
    auto n = Named(names, name);
    ASSERT_TRUE(n) << name << ": " << ::testing::PrintToString(AllNames(names));
    EXPECT_EQ(n->type, "agreement") << name;
  }
  names = Discover("In 2023 the Ministry of Education of the Republic of Korea and Vietnam's Ministry of Education "
                   "and Training (MOET) signed a plan.");
  EXPECT_TRUE(Named(names, "Ministry of Education of the Republic of Korea")) << ::testing::PrintToString(AllNames(names));
  names = Discover("They adopted the ASEAN Leaders' Declaration on Combating Trafficking in Persons Caused by the "
                   "Abuse of Technology, which calls for action.");
  EXPECT_TRUE(Named(names, "ASEAN Leaders' Declaration on Combating Trafficking in Persons Caused by the Abuse of "
                           "Technology"))
      << ::testing::PrintToString(AllNames(names));
  // Lower case, or "by" after a verb of the sentence: no name, no more name.
  EXPECT_TRUE(Discover("The parties agreed on a code of conduct and the army said so.").empty());
  names = Discover("Ministers welcomed the Declaration on Maritime Safety adopted by Japan.");
  EXPECT_TRUE(Named(names, "Declaration on Maritime Safety")) << ::testing::PrintToString(AllNames(names));
}

TEST_F(EntityDiscoveryTest, ProjectsNumberedConferencesAndCampuses) {
  auto names = Discover("At the multilateral level, Project Nexus, an international scheme, links payment systems.");
  auto nexus = Named(names, "Project Nexus");
  ASSERT_TRUE(nexus) << ::testing::PrintToString(AllNames(names));
  EXPECT_EQ(nexus->type, "programme");
  names = Discover("At COP27, hosted by Egypt, the parties agreed to set up a fund.");
  auto cop = Named(names, "COP27");
  ASSERT_TRUE(cop) << ::testing::PrintToString(AllNames(names));
  EXPECT_EQ(cop->type, "event");
  names = Discover("Vietnam National University, Hanoi signed a cooperation agreement with Kyoto University.");
  EXPECT_TRUE(Named(names, "Vietnam National University, Hanoi")) << ::testing::PrintToString(AllNames(names));
  // The COP process, a lower-case project, two universities in a list.
  EXPECT_TRUE(Discover("The COP process moves slowly, and the project Nexus is a code name.").empty());
  names = Discover("Kyoto University, Osaka University and others joined.");
  EXPECT_TRUE(Named(names, "Kyoto University")) << ::testing::PrintToString(AllNames(names));
}

TEST_F(EntityDiscoveryTest, NamesBeforeOrAfterALowerCaseKindWord) {
  auto names = Discover("The European Union launched its Global Gateway strategy in December 2021.");
  auto gateway = Named(names, "Global Gateway");
  ASSERT_TRUE(gateway) << ::testing::PrintToString(AllNames(names));
  EXPECT_EQ(gateway->type, "strategy");
  names = Discover("Japan relaunched its JENESYS programme (Japan-East Asia Network of Exchange for Students and "
                   "Youths) in 2013.");
  auto jenesys = Named(names, "JENESYS");
  ASSERT_TRUE(jenesys) << ::testing::PrintToString(AllNames(names));
  EXPECT_EQ(jenesys->type, "programme");
  EXPECT_TRUE(HasAlias(*jenesys, "Japan-East Asia Network of Exchange for Students and Youths"));
  names = Discover("Tháng 12/2020, Trung tâm Stimson khởi động dự án Mekong Dam Monitor, hợp tác với nhiều bên.");
  auto monitor = Named(names, "Mekong Dam Monitor");
  ASSERT_TRUE(monitor) << ::testing::PrintToString(AllNames(names));
  EXPECT_EQ(monitor->type, "programme");
  // A lone acronym, a lower-case kind alone, one Latin word after "dự án".
  EXPECT_TRUE(Discover("The bloc revised its ASEAN programme and the new strategy last year.").empty());
  EXPECT_TRUE(Discover("Họ khởi động dự án Mekong mới vào năm sau.").empty());
}

TEST_F(EntityDiscoveryTest, LawTitlesInSentenceCaseAndAmendingLaws) {
  // A law's lower-case list of the fields it governs is part of its title.
  auto names = Discover("Quốc hội thông qua Luật Khoa học, công nghệ và đổi mới sáng tạo ngày 27/6/2025.");
  EXPECT_TRUE(Named(names, "Luật Khoa học, công nghệ và đổi mới sáng tạo")) << ::testing::PrintToString(AllNames(names));
  names = Discover("Nghị định hướng dẫn Luật Nhập cảnh, xuất cảnh, quá cảnh, cư trú tại Việt Nam.");
  EXPECT_TRUE(Named(names, "Luật Nhập cảnh, xuất cảnh, quá cảnh, cư trú")) << ::testing::PrintToString(AllNames(names));
  names = Discover("Theo Luật Khám bệnh, chữa bệnh số 40/2009/QH12 và Luật Thi đua, khen thưởng.");
  EXPECT_TRUE(Named(names, "Luật Khám bệnh, chữa bệnh số 40/2009/QH12")) << ::testing::PrintToString(AllNames(names));
  EXPECT_TRUE(Named(names, "Luật Thi đua, khen thưởng")) << ::testing::PrintToString(AllNames(names));
  // One lower-case stretch after the comma is the sentence going on, and a
  // head after it starts another name.
  names = Discover("Luật Căn cước, thay cho Luật Căn cước công dân năm 2014, có hiệu lực từ năm 2024.");
  EXPECT_TRUE(Named(names, "Luật Căn cước")) << ::testing::PrintToString(AllNames(names));
  names = Discover("Luật Hoạt động vũ trụ, dự kiến trình Quốc hội năm 2026, đặt nền móng pháp lý.");
  EXPECT_TRUE(Named(names, "Luật Hoạt động vũ trụ")) << ::testing::PrintToString(AllNames(names));
  names = Discover("Theo Luật Báo chí, cơ quan chủ quản báo chí phải gửi hồ sơ.");
  EXPECT_TRUE(Named(names, "Luật Báo chí")) << ::testing::PrintToString(AllNames(names));
  // An amending law is named by formula after the laws it amends.
  names = Discover("Năm 2020, Quốc hội thông qua Luật sửa đổi, bổ sung một số điều của Luật Phòng, chống thiên tai "
                   "và Luật Đê điều, giữ nguyên cấu trúc của luật gốc.");
  EXPECT_TRUE(Named(names, "Luật sửa đổi, bổ sung một số điều của Luật Phòng, chống thiên tai và Luật Đê điều"))
      << ::testing::PrintToString(AllNames(names));
  names = Discover("Quốc hội thông qua Luật sửa đổi, bổ sung một số điều của Luật Dược vào tháng 11.");
  EXPECT_TRUE(Named(names, "Luật sửa đổi, bổ sung một số điều của Luật Dược")) << ::testing::PrintToString(AllNames(names));
  // Without a law after the formula it is not one.
  names = Discover("Luật sửa đổi nhiều quy định về thuế.");
  EXPECT_FALSE(Named(names, "Luật sửa đổi nhiều quy định về thuế")) << ::testing::PrintToString(AllNames(names));
}

TEST_F(EntityDiscoveryTest, AFacilityIsABodyButOnTheBasisOfIsNot) {
  auto names = Discover("Ở cấp khu vực, Cơ sở Bảo hiểm Rủi ro Thiên tai Đông Nam Á (SEADRIF) được góp vốn năm 2018.");
  auto facility = Named(names, "Cơ sở Bảo hiểm Rủi ro Thiên tai Đông Nam Á");
  ASSERT_TRUE(facility) << ::testing::PrintToString(AllNames(names));
  EXPECT_EQ(facility->type, "organization");
  names = Discover("Kế hoạch được xây dựng trên cơ sở \"Điều lệ Y tế Quốc tế\" của WHO.");
  // The quoted title takes no type from "cơ sở" before it.
  for (const auto& n : names) EXPECT_NE(n.type, "organization") << n.name;
  names = Discover("Cơ sở dữ liệu quốc gia về dân cư được kết nối.");
  EXPECT_TRUE(names.empty()) << ::testing::PrintToString(AllNames(names));
}

TEST_F(EntityDiscoveryTest, SubcommitteesBoardsTeamsAndSystems) {
  auto names = Discover("Việt Nam chủ trì Tiểu ban ASEAN về Khí tượng và Địa vật lý (SCMG) năm nay.");
  EXPECT_TRUE(Named(names, "Tiểu ban ASEAN về Khí tượng và Địa vật lý")) << ::testing::PrintToString(AllNames(names));
  names = Discover("Ban Quản lý Khu công nghệ cao Hòa Lạc ký hợp đồng với nhà thầu.");
  EXPECT_TRUE(Named(names, "Ban Quản lý Khu công nghệ cao Hòa Lạc")) << ::testing::PrintToString(AllNames(names));
  names = Discover("Hệ thống Một cửa Quốc gia (NSW) kết nối các bộ, ngành.");
  const auto system = Named(names, "Hệ thống Một cửa Quốc gia");
  ASSERT_TRUE(system) << ::testing::PrintToString(AllNames(names));
  EXPECT_EQ(system->type, "programme");
  // "di chỉ" (an archaeological site) is one word: "chỉ" is not "only" here.
  names = Discover("Hội đồng Quốc tế về Di tích và Di chỉ (ICOMOS) đề nghị công nhận khu di tích.");
  EXPECT_TRUE(Named(names, "Hội đồng Quốc tế về Di tích và Di chỉ")) << ::testing::PrintToString(AllNames(names));
  // A body's session is a meeting; a court is a body.
  names = Discover("Việt Nam dự Cuộc họp SCOSA lần thứ 35 tại Jakarta.");
  const auto meeting = Named(names, "Cuộc họp SCOSA lần thứ 35");
  ASSERT_TRUE(meeting) << ::testing::PrintToString(AllNames(names));
  EXPECT_EQ(meeting->type, "event");
  names = Discover("Vụ việc được đưa ra Tòa án Công lý Quốc tế năm 2019.");
  EXPECT_TRUE(Named(names, "Tòa án Công lý Quốc tế")) << ::testing::PrintToString(AllNames(names));
  // "Đội ngũ" (staff) is no team's name.
  EXPECT_TRUE(Discover("Đội ngũ chuyên gia Nhật Bản đã đến Hà Nội.").empty());
}

TEST_F(EntityDiscoveryTest, EnglishHubsCoalitionsPanelsAndConsortia) {
  auto names = Discover("The project was designed at the BIS Innovation Hub in Singapore.");
  EXPECT_TRUE(Named(names, "BIS Innovation Hub")) << ::testing::PrintToString(AllNames(names));
  names = Discover("Norway co-chairs the High Level Panel for a Sustainable Ocean Economy, which met in Lisbon.");
  EXPECT_TRUE(Named(names, "High Level Panel for a Sustainable Ocean Economy"))
      << ::testing::PrintToString(AllNames(names));
  names = Discover("Telcos formed the Asia Direct Cable Consortium in 2020.");
  EXPECT_TRUE(Named(names, "Asia Direct Cable Consortium")) << ::testing::PrintToString(AllNames(names));
}

}  // namespace
}  // namespace policygraph::indexer
