// indexer::FindDefinedTerm: golden table. The span it returns is indexed
// under the "defined term" prefixes and earns the definition bonus, so a
// false positive promotes a passage for every query naming its subject, and
// a wrong span promotes it for the wrong words.

#include "indexer/definitions.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace policygraph::indexer {
namespace {

// The defined term as a string, or "<none>", so the table reads as text.
std::string DefinedTerm(const std::string& passage) {
  const auto span = FindDefinedTerm(passage);
  if (!span) return "<none>";
  EXPECT_LE(span->first, span->second);
  EXPECT_LE(span->second, passage.size());
  if (span->first > span->second || span->second > passage.size()) return "<bad span>";
  return passage.substr(span->first, span->second - span->first);
}

TEST(DefinitionsTest, FindDefinedTermGolden) {
  struct Case {
    const char* why;
    std::string passage;
    std::string term;  // "<none>" when not a definition
  };
  // 16 words before "là": one more than a term may have.
  const std::string long_subject =
      "Việc các cơ quan nhà nước và doanh nghiệp trong nước cùng phối hợp với đối tác nước ngoài";
  const std::vector<Case> cases = {
      // Vietnamese: [list marker] TERM là …
      {"numbered clause of a law's definitions article",
       "13. Sự cố an ninh mạng là sự việc bất ngờ xảy ra trên không gian mạng.",
       "Sự cố an ninh mạng"},
      {"letter marker a)", "a) Dữ liệu cá nhân là thông tin dưới dạng ký hiệu, chữ viết.",
       "Dữ liệu cá nhân"},
      {"letter marker đ) (two bytes)", "đ) Tội phạm mạng là hành vi sử dụng không gian mạng.",
       "Tội phạm mạng"},
      {"number with ')' marker", "2) Không gian mạng là mạng lưới kết nối.", "Không gian mạng"},
      {"no list marker at all", "Chuyển đổi số là quá trình thay đổi tổng thể.", "Chuyển đổi số"},
      {"only the first ' là ' ends the term",
       "Dữ liệu là tài sản, và thông tin là nguồn lực.", "Dữ liệu"},
      {"exactly 15 words is still a term",
       "Một hai ba bốn năm sáu bảy tám chín mười một hai ba bốn năm là số.",
       "Một hai ba bốn năm sáu bảy tám chín mười một hai ba bốn năm"},
      {"16 words is not",
       "Một hai ba bốn năm sáu bảy tám chín mười một hai ba bốn năm sáu là số.", "<none>"},
      // English: "TERM" means / includes / refers to …
      {"curly quotes + means", "“personal data” means any information relating to a person.",
       "personal data"},
      {"ASCII quotes + includes", "\"processing\" includes collection, recording and storage.",
       "processing"},
      {"a list marker and context before the quote, within the first 80 bytes",
       "(b) In this Act, “cybersecurity incident” refers to an event that harms systems.",
       "cybersecurity incident"},
      {"shall mean", "“Member State” shall mean a member of ASEAN.", "Member State"},
      {"a comma between the quote and the verb", "“controller”, means the person who decides.",
       "controller"},
      // Negatives.
      {"a comma before 'là': a statement, not a term",
       "Theo Bộ trưởng, dữ liệu là tài sản quý giá.", "<none>"},
      {"'là' at the very start", "là nền tảng của kinh tế số.", "<none>"},
      {"'là' right after the list marker: no term", "1. là nền tảng của kinh tế số.", "<none>"},
      {"more than 15 words before 'là'", long_subject + " là cần thiết.", "<none>"},
      {"no 'là' and no defining verb", "Việt Nam coi trọng việc bảo vệ dữ liệu cá nhân.",
       "<none>"},
      {"'là' only inside a longer word (làm)", "Các bên cùng làm việc về an ninh mạng.",
       "<none>"},
      {"a quoted English title not followed by a defining verb",
       "The “Digital Economy Framework Agreement” was signed in 2023.", "<none>"},
      {"a quote far from the start (over 80 bytes in) is not a definition",
       "The ministers met in Jakarta on Tuesday and, after a long discussion of the report, "
       "agreed that “data” means information.",
       "<none>"},
      {"parentheses in the subject are not a term", "Luật (sửa đổi) là văn bản mới.", "<none>"},
      {"empty passage", "", "<none>"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(DefinedTerm(c.passage), c.term) << c.why << "\n  passage: " << c.passage;
  }
}

TEST(DefinitionsTest, SpanIsInBytesOfThePassage) {
  // The indexer adds the passage's begin to these offsets; check them as
  // numbers once, with multi-byte letters before and inside the term.
  const std::string p = "đ) Dữ liệu là thông tin.";
  const auto span = FindDefinedTerm(p);
  ASSERT_TRUE(span.has_value());
  EXPECT_EQ(span->first, 4u);  // "đ" is 2 bytes, then ") "
  EXPECT_EQ(span->second, p.find(" là "));
  EXPECT_EQ(p.substr(span->first, span->second - span->first), "Dữ liệu");
}

}  // namespace
}  // namespace policygraph::indexer
