// Golden tables for indexer::Analyzer: the one analyser behind both indexing
// and querying, so any change here silently changes what queries match.
//
// Byte strings are written with explicit escapes where the bytes matter (NFD,
// malformed UTF-8). A hex escape swallows every following hex digit, so a
// literal is split ("\xc4\x90" "a") wherever a hex digit follows.

#include "indexer/analyzer.h"

#include <gtest/gtest.h>

#include <ostream>
#include <string>
#include <vector>

namespace policygraph::indexer {

// Readable failure output for token vectors.
void PrintTo(const Token& t, std::ostream* os) {
  *os << "{\"" << t.exact << "\", \"" << t.folded << "\", " << t.begin << ", " << t.end << ", "
      << t.position << "}";
}

namespace {

// (exact, folded, begin, end, position): the order the tables read best in.
Token T(std::string exact, std::string folded, uint32_t begin, uint32_t end, uint32_t position) {
  Token t;
  t.exact = std::move(exact);
  t.folded = std::move(folded);
  t.begin = begin;
  t.end = end;
  t.position = position;
  return t;
}

struct TokenizeCase {
  const char* why;
  std::string input;
  std::vector<Token> expected;
};

const Analyzer& SharedAnalyzer() {
  static const Analyzer* analyzer = new Analyzer();
  return *analyzer;
}

TEST(AnalyzerTest, TokenizeGolden) {
  const std::vector<TokenizeCase> cases = {
      {"Vietnamese NFC: ạ is one code point of 3 bytes", "An ninh mạng",
       {T("an", "an", 0, 2, 0), T("ninh", "ninh", 3, 7, 1), T("mạng", "mang", 8, 14, 2)}},
      {"same text in NFD (a + U+0323): same terms, offsets into the NFD bytes",
       "An ninh ma\xcc\xa3ng",
       {T("an", "an", 0, 2, 0), T("ninh", "ninh", 3, 7, 1), T("mạng", "mang", 8, 14, 2)}},
      {"đ has no Unicode decomposition; folded to d by hand", "Đào tạo",
       {T("đào", "dao", 0, 5, 0), T("tạo", "tao", 6, 11, 1)}},
      {"Đ + a + U+0300 (NFD): exact is recomposed to NFC",
       "\xc4\x90" "a\xcc\x80o ta\xcc\xa3o",
       {T("đào", "dao", 0, 6, 0), T("tạo", "tao", 7, 12, 1)}},
      {"upper case ASCII is case-folded", "ASEAN", {T("asean", "asean", 0, 5, 0)}},
      {"upper case with stacked diacritics (Ệ)", "VIỆT NAM",
       {T("việt", "viet", 0, 6, 0), T("nam", "nam", 7, 10, 1)}},
      {"NFD upper case with two combining marks (E + U+0323 + U+0302)",
       "VIE\xcc\xa3\xcc\x82T NAM",
       {T("việt", "viet", 0, 8, 0), T("nam", "nam", 9, 12, 1)}},
      {"English: possessive 's dropped (the name must match), a lower-case compound kept whole, "
       "brackets split",
       "The EU's data-protection law (GDPR).",
       {T("the", "the", 0, 3, 0), T("eu", "eu", 4, 6, 1), T("data-protection", "data-protection", 9, 24, 2),
        T("law", "law", 25, 28, 3), T("gdpr", "gdpr", 30, 34, 4)}},
      {"useful tokens stay whole: VNCERT/CC, 5G, a date, e-commerce, 119,7 (the % is punctuation)",
       "VNCERT/CC 5G 01/6/2022 e-commerce 119,7%",
       {T("vncert/cc", "vncert/cc", 0, 9, 0), T("5g", "5g", 10, 12, 1), T("01/6/2022", "01/6/2022", 13, 22, 2),
        T("e-commerce", "e-commerce", 23, 33, 3), T("119,7", "119,7", 34, 39, 4)}},
      {"a year range is one token", "2021-2025", {T("2021-2025", "2021-2025", 0, 9, 0)}},
      {"names joined by '-' stay apart: each must match on its own", "ASEAN-China",
       {T("asean", "asean", 0, 5, 0), T("china", "china", 6, 11, 1)}},
      {"so do Vietnamese syllables", "kinh tế-xã hội",
       {T("kinh", "kinh", 0, 4, 0), T("tế", "te", 5, 9, 1), T("xã", "xa", 10, 13, 2),
        T("hội", "hoi", 14, 19, 3)}},
      {"a year is one token", "năm 2022",
       {T("năm", "nam", 0, 4, 0), T("2022", "2022", 5, 9, 1)}},
      {"ICU keeps a decimal comma inside a number (Vietnamese 119,7)", "119,7 tỷ USD",
       {T("119,7", "119,7", 0, 5, 0), T("tỷ", "ty", 6, 10, 1), T("usd", "usd", 11, 14, 2)}},
      {"and a decimal point / thousands separators", "3.5 million 1.000.000",
       {T("3.5", "3.5", 0, 3, 0), T("million", "million", 4, 11, 1),
        T("1.000.000", "1.000.000", 12, 21, 2)}},
      {"a date stays one token", "20/11/2022", {T("20/11/2022", "20/11/2022", 0, 10, 0)}},
      {"punctuation only yields nothing", "... !!! ?? -- ,", {}},
      {"empty input", "", {}},
      {"malformed byte is U+FFFD: no crash, offsets still count raw bytes", "abc\xff def",
       {T("abc", "abc", 0, 3, 0), T("def", "def", 5, 8, 1)}},
      {"truncated multi-byte sequence at the end", "abc\xe1\xba", {T("abc", "abc", 0, 3, 0)}},
      {"only malformed bytes", "\xff\xfe", {}},
      {"4-byte character (emoji) between words: not a token, offsets stay right",
       "x\xf0\x9f\x98\x80y z",
       {T("x", "x", 0, 1, 0), T("y", "y", 5, 6, 1), T("z", "z", 7, 8, 2)}},
      {"tabs and newlines separate", "a\tb\nc",
       {T("a", "a", 0, 1, 0), T("b", "b", 2, 3, 1), T("c", "c", 4, 5, 2)}},
      {"full case folding may change the byte length (ß -> ss)", "Straße",
       {T("strasse", "strasse", 0, 7, 0)}},
      {"a token over 64 bytes is dropped and takes no position", std::string(70, 'a') + " ok",
       {T("ok", "ok", 71, 73, 0)}},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.why);
    EXPECT_EQ(SharedAnalyzer().Tokenize(c.input), c.expected) << "input: " << c.input;
  }
}

TEST(AnalyzerTest, TokenSpansPointAtTheSourceText) {
  // Snippets cut the original text with these offsets, so the span must be
  // exactly the word as written, in whatever normal form it came.
  const std::string nfd = "Ba\xcc\x89o ve\xcc\xa3\xcc\x82 du\xcc\x9b\xcc\x83 lie\xcc\xa3\xcc\x82u";
  const auto tokens = SharedAnalyzer().Tokenize(nfd);
  ASSERT_EQ(tokens.size(), 4u);
  EXPECT_EQ(nfd.substr(tokens[0].begin, tokens[0].end - tokens[0].begin), "Ba\xcc\x89o");
  EXPECT_EQ(nfd.substr(tokens[3].begin, tokens[3].end - tokens[3].begin),
            "lie\xcc\xa3\xcc\x82u");
  EXPECT_EQ(tokens[0].exact, "bảo");
  EXPECT_EQ(tokens[1].exact, "vệ");
  EXPECT_EQ(tokens[2].exact, "dữ");
  EXPECT_EQ(tokens[3].exact, "liệu");
  EXPECT_EQ(tokens[2].folded, "du");
}

struct FoldCase {
  std::string input;
  std::string exact;
  std::string folded;
};

TEST(AnalyzerTest, ExactAndFoldGolden) {
  const std::vector<FoldCase> cases = {
      {"An Ninh MẠNG", "an ninh mạng", "an ninh mang"},
      {"Đào Tạo", "đào tạo", "dao tao"},
      {"ĐỒNG", "đồng", "dong"},
      {"Ấn Độ Dương", "ấn độ dương", "an do duong"},
      // NFD input comes out NFC (á is the single code point U+00E1).
      {"a\xcc\x81", "\xc3\xa1", "a"},
      {"Hoa Ky\xcc\x80", "hoa kỳ", "hoa ky"},
      // No tokenising: punctuation and spacing are kept as they are.
      {"Hà Nội, 2022!", "hà nội, 2022!", "ha noi, 2022!"},
      {"e-Commerce", "e-commerce", "e-commerce"},
      {"Straße", "strasse", "strasse"},
      {"", "", ""},
      // A malformed byte becomes U+FFFD rather than being passed through.
      {"abc\xff", "abc\xef\xbf\xbd", "abc\xef\xbf\xbd"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.input);
    EXPECT_EQ(SharedAnalyzer().Exact(c.input), c.exact);
    EXPECT_EQ(SharedAnalyzer().Fold(c.input), c.folded);
  }
}

TEST(AnalyzerTest, FoldAgreesWithTokenFolded) {
  // Alias keys are built with Fold() and compared with tokens' folded terms.
  for (const std::string word : {"Trung Quốc", "Đông Nam Á", "Liên minh châu Âu", "Mỹ"}) {
    std::string joined;
    for (const auto& t : SharedAnalyzer().Tokenize(word)) {
      if (!joined.empty()) joined += " ";
      joined += t.folded;
    }
    EXPECT_EQ(SharedAnalyzer().Fold(word), joined) << word;
  }
}

struct Span {
  uint32_t begin, end;
  bool operator==(const Span&) const = default;
};
std::ostream& operator<<(std::ostream& os, const Span& s) {
  return os << "[" << s.begin << ", " << s.end << ")";
}

std::vector<Span> SentenceSpans(const std::string& text) {
  std::vector<Span> out;
  for (const auto& s : SharedAnalyzer().Sentences(text)) out.push_back({s.begin, s.end});
  return out;
}

TEST(AnalyzerTest, SentencesGolden) {
  struct Case {
    const char* why;
    std::string input;
    std::vector<Span> expected;
  };
  const std::vector<Case> cases = {
      {"two sentences, surrounding whitespace trimmed",
       "  Việt Nam ký hiệp định.  ASEAN hoan nghênh!  ", {{2, 32}, {34, 53}}},
      {"question mark, no trailing whitespace", "Who signed? Nobody.", {{0, 11}, {12, 19}}},
      {"a single sentence without final punctuation", "an ninh mạng", {{0, 14}}},
      {"empty", "", {}},
      {"whitespace only yields no empty span", " \n\t ", {}},
      {"a period after a citation abbreviation ends nothing", "Decree No. 52 took effect. It applies.",
       {{0, 26}, {27, 38}}},
      {"nor after a Vietnamese title", "PGS. Lê Văn An phát biểu.", {{0, 30}}},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.why);
    EXPECT_EQ(SentenceSpans(c.input), c.expected);
  }
}

TEST(AnalyzerTest, SentenceTextIsTheTrimmedSentence) {
  const std::string text = "  Việt Nam ký hiệp định.  ASEAN hoan nghênh!  ";
  const auto spans = SharedAnalyzer().Sentences(text);
  ASSERT_EQ(spans.size(), 2u);
  EXPECT_EQ(text.substr(spans[0].begin, spans[0].end - spans[0].begin), "Việt Nam ký hiệp định.");
  EXPECT_EQ(text.substr(spans[1].begin, spans[1].end - spans[1].begin), "ASEAN hoan nghênh!");
}

TEST(AnalyzerTest, DetectLanguageClearCases) {
  struct Case {
    const char* why;
    std::string text;
    Language expected;
  };
  const std::vector<Case> cases = {
      {"Vietnamese prose",
       "Việt Nam và các nước ASEAN đã thống nhất tăng cường hợp tác về an ninh mạng và chuyển "
       "đổi số.",
       Language::kVietnamese},
      {"English prose",
       "Vietnam and the ASEAN member states agreed to strengthen cooperation on cybersecurity.",
       Language::kEnglish},
      // Only letters are counted; Vietnamese typed without diacritics is
      // indistinguishable from English by this rule.
      {"Vietnamese without diacritics reads as English",
       "Viet Nam va cac nuoc ASEAN da thong nhat tang cuong hop tac ve an ninh mang",
       Language::kEnglish},
      {"empty", "", Language::kOther},
      {"no letters at all", "12345 !!! 2022-06-01", Language::kOther},
      {"another script", "Москва и Пекин подписали соглашение", Language::kOther},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.why);
    EXPECT_EQ(SharedAnalyzer().DetectLanguage(c.text), c.expected);
  }
}

TEST(AnalyzerTest, LanguageCodes) {
  EXPECT_EQ(LanguageCode(Language::kVietnamese), "vi");
  EXPECT_EQ(LanguageCode(Language::kEnglish), "en");
  EXPECT_EQ(LanguageCode(Language::kOther), "other");
}

TEST(AnalyzerTest, IsValidUtf8Golden) {
  struct Case {
    const char* why;
    std::string text;
    bool valid;
    size_t bad_offset;  // checked only when !valid
  };
  const std::vector<Case> cases = {
      {"ASCII", "abc", true, 0},
      {"empty", "", true, 0},
      {"Vietnamese NFC and NFD", "mạng ma\xcc\xa3ng", true, 0},
      {"4-byte character", "x\xf0\x9f\x98\x80", true, 0},
      {"0xFF never occurs in UTF-8", "abc\xff", false, 3},
      {"lead byte with nothing after it", "\xc3", false, 0},
      {"lead byte followed by ASCII", "ab\xc3\x28", false, 2},
      {"encoded UTF-16 surrogate", "a\xed\xa0\x80", false, 1},
      {"overlong encoding of '/'", "\xc0\xaf", false, 0},
      {"above U+10FFFF", "\xf4\x90\x80\x80", false, 0},
      {"stray continuation byte after a 3-byte character", "ạ\x80", false, 3},
      {"the first of several bad bytes is reported", "ok\xff\xfe", false, 2},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.why);
    size_t bad = 12345;
    EXPECT_EQ(IsValidUtf8(c.text, &bad), c.valid);
    if (!c.valid) {
      EXPECT_EQ(bad, c.bad_offset);
    }
    EXPECT_EQ(IsValidUtf8(c.text), c.valid) << "without an offset pointer";
  }
}

}  // namespace
}  // namespace policygraph::indexer
