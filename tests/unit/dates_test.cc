// indexer::FindDates: golden tables of Vietnamese and English date
// expressions (and of numbers that must not become dates), byte spans, NFD
// input, tone placement, default years, malformed UTF-8 and large input.
//
// A mention is rendered as "<text at its span> = <iso>[..<iso_end>][ period]",
// so every golden row checks the span together with the value.

#include "indexer/dates.h"

#include <gtest/gtest.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <cstdint>
#include <random>
#include <string>
#include <vector>

namespace policygraph::indexer {
namespace {

std::string Render(std::string_view text, const DateMention& m) {
  std::string out(text.substr(m.begin, m.end - m.begin));
  out += " = " + m.iso;
  if (!m.iso_end.empty()) out += ".." + m.iso_end;
  if (m.period) out += " period";
  return out;
}

std::vector<std::string> Find(std::string_view text, std::string_view default_year = "") {
  std::vector<std::string> out;
  for (const DateMention& m : FindDates(text, default_year)) out.push_back(Render(text, m));
  return out;
}

std::string Nfd(const std::string& text) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  EXPECT_TRUE(U_SUCCESS(status));
  std::string out;
  nfd->normalize(icu::UnicodeString::fromUTF8(text), status).toUTF8String(out);
  EXPECT_TRUE(U_SUCCESS(status));
  return out;
}

bool IsIsoShape(const std::string& iso) {
  if (iso.size() != 4 && iso.size() != 7 && iso.size() != 10) return false;
  for (size_t i = 0; i < iso.size(); ++i) {
    const bool dash = i == 4 || i == 7;
    if (dash ? iso[i] != '-' : !(iso[i] >= '0' && iso[i] <= '9')) return false;
  }
  return true;
}

// What every result must satisfy, whatever the input: spans inside the text,
// in order, not overlapping; values in ISO shape; a range ending after it
// starts, at the same precision; `period` only on a range of years.
void ExpectWellFormed(std::string_view text, const std::vector<DateMention>& mentions) {
  uint32_t last_end = 0;
  for (const DateMention& m : mentions) {
    ASSERT_LT(m.begin, m.end);
    ASSERT_LE(m.end, text.size());
    ASSERT_GE(m.begin, last_end) << "overlap or out of order";
    last_end = m.end;
    EXPECT_TRUE(IsIsoShape(m.iso)) << m.iso;
    if (!m.iso_end.empty()) {
      EXPECT_EQ(m.iso_end.size(), m.iso.size()) << m.iso << ".." << m.iso_end;
      EXPECT_GT(m.iso_end, m.iso);
    }
    if (m.period) {
      EXPECT_EQ(m.iso.size(), 4u);
      EXPECT_FALSE(m.iso_end.empty());
    }
  }
}

struct Case {
  const char* text;
  std::vector<std::string> expected;
  const char* why;
};

void ExpectGolden(const std::vector<Case>& cases, std::string_view default_year = "") {
  for (const Case& c : cases) {
    EXPECT_EQ(Find(c.text, default_year), c.expected) << "text: \"" << c.text << "\" (" << c.why << ")";
    ExpectWellFormed(c.text, FindDates(c.text, default_year));
  }
}

TEST(DatesTest, VietnameseGolden) {
  ExpectGolden({
      {"Ngày 01/6/2022, “Luật bảo vệ dữ liệu”", {"Ngày 01/6/2022 = 2022-06-01"}, "day/month/year"},
      {"Ngày 1/10/2022, \"Luật", {"Ngày 1/10/2022 = 2022-10-01"}, "one-digit day"},
      {"Ngày 23/11/2022, Hội nghị", {"Ngày 23/11/2022 = 2022-11-23"}, ""},
      {"họp vào 23/11/2022 tại", {"23/11/2022 = 2022-11-23"}, "bare d/m/y"},
      {"ngày 01-06-2022", {"ngày 01-06-2022 = 2022-06-01"}, "dashes"},
      {"ngày 1.6.2022", {"ngày 1.6.2022 = 2022-06-01"}, "dots"},
      {"Hà Nội, ngày 15 tháng 11 năm 2022", {"ngày 15 tháng 11 năm 2022 = 2022-11-15"}, "in words"},
      {"trước ngày 01 tháng 7 năm 2006 thì", {"ngày 01 tháng 7 năm 2006 = 2006-07-01"}, ""},
      {"tính đến tháng 7/2022, tỷ lệ", {"tháng 7/2022 = 2022-07"}, "month/year"},
      {"Tháng 8/2022, Hội nghị", {"Tháng 8/2022 = 2022-08"}, ""},
      {"tháng 9 năm 2022", {"tháng 9 năm 2022 = 2022-09"}, "month in words"},
      {"tháng 09-2022", {"tháng 09-2022 = 2022-09"}, "zero-padded, dash"},
      {"tháng 9-10/2022", {"tháng 9-10/2022 = 2022-09..2022-10"}, "range of months"},
      {"Ngày 18-20/10/2022, Tuần lễ", {"Ngày 18-20/10/2022 = 2022-10-18..2022-10-20"}, "range of days"},
      {"từ 1/1/2022 - 31/12/2022", {"1/1/2022 - 31/12/2022 = 2022-01-01..2022-12-31"}, "range of dates"},
      {"Trong năm 2022, đe dọa", {"năm 2022 = 2022"}, "year"},
      {"Năm 2022, các nước", {"Năm 2022 = 2022"}, "capitalised"},
      {"Đầu năm 2022, “Hiệp định", {"Đầu năm 2022 = 2022"}, "start of year"},
      {"Cuối năm 2021 và đầu năm 2022", {"Cuối năm 2021 = 2021", "đầu năm 2022 = 2022"}, "two"},
      {"giữa năm 2022", {"giữa năm 2022 = 2022"}, "middle of year"},
      {"nửa đầu năm 2022, tội phạm", {"nửa đầu năm 2022 = 2022"}, "first half"},
      {"nửa cuối năm 2021", {"nửa cuối năm 2021 = 2021"}, "second half"},
      {"quý I/2022", {"quý I/2022 = 2022"}, "quarter"},
      {"quý 4 năm 2021", {"quý 4 năm 2021 = 2021"}, "quarter in words"},
      {"2021-2025", {"2021-2025 = 2021..2025 period"}, "plan period"},
      {"2021 - 2025", {"2021 - 2025 = 2021..2025 period"}, "spaced dash"},
      {"giai đoạn 2021 - 2025", {"giai đoạn 2021 - 2025 = 2021..2025 period"}, "giai đoạn"},
      {"Chiến lược 2016-2025", {"2016-2025 = 2016..2025 period"}, ""},
      {"kế hoạch 5 năm 2021-2025", {"năm 2021-2025 = 2021..2025 period"}, "năm before a period"},
      {"Ngày 12/10, Bộ Thông tin", {}, "no year and no default year"},
      {"Tháng 4, Cyber Elite", {}, "no year and no default year"},
      {"ngày 15 tháng 11", {}, "no year and no default year"},
      {"đến năm 2025, tầm nhìn 2030”.", {"năm 2025 = 2025", "2030 = 2030"}, "keyword then bare"},
  });
}

TEST(DatesTest, EnglishGolden) {
  ExpectGolden({
      {"On 1 June 2022 the law", {"1 June 2022 = 2022-06-01"}, "day month year"},
      {"June 1, 2022", {"June 1, 2022 = 2022-06-01"}, "month day, year"},
      {"1st of June, 2022", {"1st of June, 2022 = 2022-06-01"}, "ordinal"},
      {"Sept. 30, 2021", {"Sept. 30, 2021 = 2021-09-30"}, "abbreviation"},
      {"adopted in March 2022.", {"March 2022 = 2022-03"}, "month year"},
      {"in 2022, the", {"2022 = 2022"}, "year"},
      {"2021-2025", {"2021-2025 = 2021..2025 period"}, "hyphen"},
      {"2021–2025", {"2021–2025 = 2021..2025 period"}, "en dash"},
      {"early 2022", {"early 2022 = 2022"}, ""},
      {"late 2021", {"late 2021 = 2021"}, ""},
      {"by mid-2022", {"mid-2022 = 2022"}, ""},
      {"since 2022-06-01.", {"2022-06-01 = 2022-06-01"}, "ISO 8601"},
      {"June 1", {}, "no year and no default year"},
  });
}

TEST(DatesTest, BareYearsInNames) {
  ExpectGolden({
      {"(Smart Country 2025 Plan)", {"2025 = 2025"}, "a year inside a name"},
      {"Kết nối ASEAN 2025” (The Master Plan)", {"2025 = 2025"}, ""},
      {"Singapore 2022 (SICW2022)", {"2022 = 2022"}, "glued to letters: not a year"},
      {"G20 2022", {"2022 = 2022"}, "after a code"},
  });
}

TEST(DatesTest, NotDates) {
  ExpectGolden({
      {"tăng 119,7% so với", {}, "decimal percentage"},
      {"hơn 373.000 người", {}, "thousands"},
      {"Decree 53/2022/ND-CP", {}, "document number"},
      {"Nghị định 13/2023/NĐ-CP", {}, "document number, Vietnamese letters"},
      {"theo 13/2023/NĐ-CP ngày 17/4/2023", {"ngày 17/4/2023 = 2023-04-17"}, "the date after it is"},
      {"Ngày 01/6/2022/QĐ", {}, "a date-looking document number"},
      {"tháng 9/2022/QĐ", {}, "a month-looking document number"},
      {"Luật số 2/2022 và 5/2022", {}, "number/year without tháng"},
      {"mạng 5G và ISO 27001", {}, "codes"},
      {"ISO/IEC 27001:2013", {}, "standard with year"},
      {"TCVN 6909 : 2001", {}, "standard with spaced colon"},
      {"176 1906 Tỷ lệ", {}, "a row of table codes"},
      {"200 triệu USD", {}, "money"},
      {"2000 tỷ đồng", {}, "money that looks like a year"},
      {"2000 USD và 2000 người", {}, "quantities"},
      {"tăng 2022%", {}, "percentage"},
      {"$2022", {}, "currency"},
      {"G2022 v2022 2022a 2022年", {}, "glued to letters"},
      {"1899 và 2100", {}, "outside bare-year range"},
      {"2021-22, 2021/2022", {}, "abbreviated or slashed pair"},
      {"2025-2021", {}, "backward range"},
      {"năm 2022-NĐ", {}, "year glued to a code"},
      {"phiên bản 2022.1", {}, "version number"},
      {"12345 20221", {}, "five digits"},
  });
}

TEST(DatesTest, ImpossibleDatesAreSkipped) {
  ExpectGolden({
      {"32/1/2022", {}, "day 32"},
      {"29/2/2023", {}, "not a leap year"},
      {"29/2/1900", {}, "century, not a leap year"},
      {"31/4/2022", {}, "April has 30 days"},
      {"0/1/2022", {}, "day 0"},
      {"1/13/2022", {}, "month 13"},
      {"tháng 13/2022", {}, "month 13"},
      {"tháng 0/2022", {}, "month 0"},
      {"ngày 30 tháng 2 năm 2024", {}, "February 30"},
      {"2022-02-30", {}, "ISO February 30"},
      {"2022-13-01", {}, "ISO month 13"},
      {"18-40/10/2022", {}, "range past the month"},
      {"20-18/10/2022", {}, "backward range of days"},
      {"29/2/2024", {"29/2/2024 = 2024-02-29"}, "leap year"},
      {"29/2/2000", {"29/2/2000 = 2000-02-29"}, "400-year leap year"},
  });
}

TEST(DatesTest, DefaultYearCompletesDatesWithoutYear) {
  ExpectGolden(
      {
          {"Ngày 12/10, Bộ Thông tin", {"Ngày 12/10 = 2022-10-12"}, "day/month"},
          {"Tháng 4, Cyber Elite", {"Tháng 4 = 2022-04"}, "month"},
          {"dọa mạng. Tháng 4.", {"Tháng 4 = 2022-04"}, "month before a full stop"},
          {"ngày 15 tháng 11", {"ngày 15 tháng 11 = 2022-11-15"}, "in words"},
          {"on 12 October", {"12 October = 2022-10-12"}, "English"},
          {"June 1", {"June 1 = 2022-06-01"}, "English"},
          {"Ngày 12/10/2021", {"Ngày 12/10/2021 = 2021-10-12"}, "a written year wins"},
          {"họp 12/10 tại", {}, "bare day/month is too ambiguous"},
          {"ngày 31/4", {}, "still validated"},
          {"ngày 29/2", {}, "2022 is not a leap year"},
      },
      "2022");
  EXPECT_EQ(Find("ngày 29/2", "2024"), std::vector<std::string>{"ngày 29/2 = 2024-02-29"});
  EXPECT_TRUE(Find("Ngày 12/10", "22").empty()) << "not a four-digit year: no default";
  EXPECT_TRUE(Find("Ngày 12/10", "abcd").empty());
  EXPECT_TRUE(Find("Ngày 12/10", "").empty());
}

TEST(DatesTest, SpansPointIntoTheText) {
  const std::string text =
      "Tháng 8/2022, Hội nghị ASEAN. Ngày 18-20/10/2022, Tuần lễ; năm 2022 và giai đoạn 2021 - 2025.";
  const auto mentions = FindDates(text);
  ASSERT_EQ(mentions.size(), 4u);
  const char* spans[] = {"Tháng 8/2022", "Ngày 18-20/10/2022", "năm 2022", "giai đoạn 2021 - 2025"};
  size_t from = 0;
  for (size_t i = 0; i < mentions.size(); ++i) {
    const size_t at = text.find(spans[i], from);
    ASSERT_NE(at, std::string::npos) << spans[i];
    EXPECT_EQ(mentions[i].begin, at) << spans[i];
    EXPECT_EQ(mentions[i].end, at + std::string(spans[i]).size()) << spans[i];
    from = mentions[i].end;
  }
  EXPECT_EQ(mentions[1].iso, "2022-10-18");
  EXPECT_EQ(mentions[1].iso_end, "2022-10-20");
  EXPECT_FALSE(mentions[1].period) << "a range of days is not a plan period";
  EXPECT_TRUE(mentions[3].period);
}

TEST(DatesTest, LongestExpressionWinsAndNothingOverlaps) {
  // "năm 2022" inside the full date, "2022" inside "năm 2022", the days
  // inside a range: each is reported once, as part of the longer expression.
  EXPECT_EQ(Find("ngày 15 tháng 11 năm 2022"), std::vector<std::string>{"ngày 15 tháng 11 năm 2022 = 2022-11-15"});
  EXPECT_EQ(Find("tháng 9 năm 2022"), std::vector<std::string>{"tháng 9 năm 2022 = 2022-09"});
  EXPECT_EQ(Find("nửa đầu năm 2022"), std::vector<std::string>{"nửa đầu năm 2022 = 2022"});
  EXPECT_EQ(Find("18-20/10/2022"), std::vector<std::string>{"18-20/10/2022 = 2022-10-18..2022-10-20"});
}

TEST(DatesTest, NfdInputGivesTheSameDatesWithSpansIntoTheNfdText) {
  const std::string nfc =
      "Ngày 01/6/2022, tháng 9 năm 2022, Đầu năm 2022, cuối năm 2021, giữa năm 2022, nửa đầu năm 2022, "
      "ngày 15 tháng 11 năm 2022, giai đoạn 2021 – 2025, quý I/2022, THÁNG 8/2022.";
  const std::string nfd = Nfd(nfc);
  ASSERT_NE(nfd, nfc) << "the input must really be decomposed";
  const auto from_nfc = FindDates(nfc);
  const auto from_nfd = FindDates(nfd);
  ASSERT_EQ(from_nfc.size(), 10u);
  ASSERT_EQ(from_nfd.size(), from_nfc.size());
  ExpectWellFormed(nfd, from_nfd);
  for (size_t i = 0; i < from_nfc.size(); ++i) {
    const std::string nfc_span = nfc.substr(from_nfc[i].begin, from_nfc[i].end - from_nfc[i].begin);
    const std::string nfd_span = nfd.substr(from_nfd[i].begin, from_nfd[i].end - from_nfd[i].begin);
    EXPECT_EQ(nfd_span, Nfd(nfc_span)) << nfc_span;
    EXPECT_EQ(from_nfd[i].iso, from_nfc[i].iso) << nfc_span;
    EXPECT_EQ(from_nfd[i].iso_end, from_nfc[i].iso_end) << nfc_span;
  }
}

TEST(DatesTest, ToneOnEitherVowelAndAnyCase) {
  ExpectGolden({
      {"cuôí năm 2021", {"cuôí năm 2021 = 2021"}, "tone on the last vowel"},
      {"giưã năm 2022", {"giưã năm 2022 = 2022"}, "tone on the last vowel"},
      {"ĐẦU NĂM 2022", {"ĐẦU NĂM 2022 = 2022"}, "upper case"},
      {"NGÀY 15 THÁNG 11 NĂM 2022", {"NGÀY 15 THÁNG 11 NĂM 2022 = 2022-11-15"}, "upper case"},
      {"Cuối Năm 2020", {"Cuối Năm 2020 = 2020"}, "title case"},
      {"na\xcc\x86m 2022", {"na\xcc\x86m 2022 = 2022"}, "NFD năm: a + combining breve"},
      {"tha\xcc\x81ng 9/2022", {"tha\xcc\x81ng 9/2022 = 2022-09"}, "NFD tháng: a + combining acute"},
      {"\xc4\x91" "a\xcc\x80\xcc\x82u năm 2022", {"\xc4\x91" "a\xcc\x80\xcc\x82u năm 2022 = 2022"},
       "đầu with the tone mark before the circumflex"},
      // Words that look alike but are not the keywords.
      {"Việt Nam 2022", {"2022 = 2022"}, "Nam is not năm: only the bare year"},
      {"thang 9/2022", {}, "unaccented thang is not tháng"},
  });
}

TEST(DatesTest, MalformedUtf8NeverBreaksTheScan) {
  ExpectGolden({
      {"\xff\xfe Ngày 01/6/2022", {"Ngày 01/6/2022 = 2022-06-01"}, "invalid bytes before"},
      {"Ngày 01/6/2022\xe1\xba", {"Ngày 01/6/2022 = 2022-06-01"}, "truncated sequence at the end"},
      {"\x80\x80 2022 \xbf", {"2022 = 2022"}, "lone continuation bytes"},
      {"th\xc3ng 9/2022", {}, "a broken tháng is no keyword"},
      {"1\xc0\xaf" "6\xc0\xaf" "2022", {"2022 = 2022"}, "an overlong slash is no slash: no 2022-06-01"},
      {"ng\xe0y 1/6/2022", {"1/6/2022 = 2022-06-01"}, "Latin-1 byte in ngày: the bare date remains"},
      {"\xed\xa0\x80 năm 2022", {"năm 2022 = 2022"}, "encoded surrogate"},
      {"", {}, "empty"},
      {"\xe1", {}, "one truncated byte"},
      {"2", {}, "one digit"},
      {"ngày", {}, "keyword at the end"},
      {"tháng 9/", {}, "separator at the end"},
  });
}

// Random mixtures of date pieces, keywords, marks and broken bytes: the scan
// must end, and its results must be well formed.
TEST(DatesTest, RandomInputIsScannedSafely) {
  const std::vector<std::string> pieces = {
      "0", "1", "2", "9", "12", "31", "2022", "2021", "1999", "/", "-", "–", ".", ",", ":", "%", " ", "  ",
      "\n", "\xc2\xa0", "ngày", "tháng", "năm", "đầu", "nửa", "quý", "I", "giai", "đoạn", "June", "May",
      "st", "of", "mid", "early", "a\xcc\x81", "\xcc\x80", "\xcc\x86", "\xff", "\xe1\xba", "\x80", "ND", "CP",
      "G", "$", "triệu"};
  std::mt19937 rng(20221018);
  std::uniform_int_distribution<size_t> pick(0, pieces.size() - 1);
  std::uniform_int_distribution<int> length(0, 40);
  for (int i = 0; i < 5000; ++i) {
    std::string text;
    for (int n = length(rng); n > 0; --n) text += pieces[pick(rng)];
    SCOPED_TRACE(text);
    ExpectWellFormed(text, FindDates(text, i % 2 ? "2022" : ""));
    if (HasFatalFailure()) return;
  }
}

TEST(DatesTest, LargeInputs) {
  const std::string paragraph =
      "Ngày 01/6/2022, tăng 119,7% so với năm 2021 (Decree 53/2022/ND-CP); hơn 373.000 người. ";
  const size_t copies = 50000;  // about 4.5 MB
  std::string text;
  text.reserve(paragraph.size() * copies);
  for (size_t i = 0; i < copies; ++i) text += paragraph;
  const auto mentions = FindDates(text);
  ASSERT_EQ(mentions.size(), 2 * copies);
  EXPECT_EQ(Render(text, mentions.back()), "năm 2021 = 2021");
  EXPECT_EQ(mentions.back().begin, text.size() - paragraph.size() + paragraph.find("năm 2021"));

  // Degenerate runs: one endless number, endless separators, endless spaces.
  EXPECT_TRUE(FindDates(std::string(2'000'000, '7')).empty());
  EXPECT_TRUE(FindDates(std::string(2'000'000, '/')).empty());
  const std::string spaces = std::string(2'000'000, ' ') + "năm 2022";
  EXPECT_EQ(Find(spaces), std::vector<std::string>{"năm 2022 = 2022"});
  std::string slashes;
  for (int i = 0; i < 200'000; ++i) slashes += "1/";
  EXPECT_TRUE(FindDates(slashes).empty());
}

}  // namespace
}  // namespace policygraph::indexer
