// indexer::SplitPassages and IsHeadingLine: golden tables. A passage is the
// unit of search, so its byte span is what a hit points at and what the
// snippet is cut from; a heading is indexed with every passage under it.
// Expected spans are computed with find() on the body, so each row states
// the passage's text rather than hand-counted offsets (Vietnamese letters
// take 2–3 bytes each).

#include "indexer/passages.h"

#include <gtest/gtest.h>

#include <ostream>
#include <string>
#include <vector>

#include "indexer/analyzer.h"

namespace policygraph::indexer {

// Readable failure output.
void PrintTo(const Passage& p, std::ostream* os) {
  *os << "{" << p.begin << ", " << p.end << ", \"" << p.heading << "\", "
      << (p.is_heading ? "heading" : "text") << "}";
}

namespace {

const Analyzer& SharedAnalyzer() {
  static const Analyzer* analyzer = new Analyzer();
  return *analyzer;
}

// What a passage should be: its text (located in the body with find(),
// starting at the end of the previous expected passage), heading, kind.
struct Expected {
  std::string text;
  std::string heading;
  bool is_heading = false;
};

// Renders passages as text|heading|kind lines, so a failure shows the text.
std::string Render(std::string_view body, const std::vector<Passage>& passages) {
  std::string out;
  for (const auto& p : passages) {
    out += std::string(body.substr(p.begin, p.end - p.begin));
    out += " |" + p.heading + "|";
    out += p.is_heading ? "H\n" : "T\n";
  }
  return out;
}

std::string Render(const std::vector<Expected>& expected) {
  std::string out;
  for (const auto& e : expected) {
    out += e.text;
    out += " |" + e.heading + "|";
    out += e.is_heading ? "H\n" : "T\n";
  }
  return out;
}

// The spans the expected passages have in `body`, in order.
std::vector<Passage> Spans(std::string_view body, const std::vector<Expected>& expected) {
  std::vector<Passage> out;
  size_t from = 0;
  for (const auto& e : expected) {
    const size_t at = body.find(e.text, from);
    EXPECT_NE(at, std::string_view::npos) << "test table: '" << e.text << "' not in the body";
    if (at == std::string_view::npos) return out;
    out.push_back({static_cast<uint32_t>(at), static_cast<uint32_t>(at + e.text.size()), e.heading,
                   e.is_heading});
    from = at + e.text.size();
  }
  return out;
}

bool SamePassage(const Passage& a, const Passage& b) {
  return a.begin == b.begin && a.end == b.end && a.heading == b.heading && a.is_heading == b.is_heading;
}

TEST(PassagesTest, SplitGolden) {
  struct Case {
    const char* why;
    std::string body;
    std::vector<Expected> expected;
  };
  const std::vector<Case> cases = {
      {"each non-empty line is one passage; blank lines separate nothing extra",
       "First paragraph.\n\nSecond paragraph.\nThird.",
       {{"First paragraph.", ""}, {"Second paragraph.", ""}, {"Third.", ""}}},
      {"surrounding spaces, tabs and CR are outside the span",
       "  \tIndented line.  \r\n\t Another one\t\r\n",
       {{"Indented line.", ""}, {"Another one", ""}}},
      {"empty body", "", {}},
      {"only blank lines", "\n\n  \n\t\n", {}},
      {"a markdown heading is the heading of what follows, not a passage; '#' and spaces dropped",
       "## Scope\nThis law applies to all.\nIt applies online too.",
       {{"This law applies to all.", "Scope"}, {"It applies online too.", "Scope"}}},
      {"text before any heading has none; a later heading replaces the earlier",
       "Intro text.\n# One\nBody one.\n# Two\nBody two.",
       {{"Intro text.", ""}, {"Body one.", "One"}, {"Body two.", "Two"}}},
      {"a heading directly followed by another is a passage of its own (nothing carries it)",
       "# Part A\n## Section 1\nBody text.",
       {{"# Part A", "Part A", true}, {"Body text.", "Section 1"}}},
      {"a heading at the end is a passage of its own",
       "Body text.\n## Annex", {{"Body text.", ""}, {"## Annex", "Annex", true}}},
      {"a heading-only document is one heading passage", "# Title only",
       {{"# Title only", "Title only", true}}},
      {"Vietnamese law layout: Chương, then Điều, then numbered clauses under the Điều",
       "Chương I\nĐiều 5. Giải thích từ ngữ\n1. Sự cố an ninh mạng là sự việc bất ngờ.\n"
       "2. Không gian mạng là mạng lưới kết nối.\n",
       {{"Chương I", "Chương I", true},
        {"1. Sự cố an ninh mạng là sự việc bất ngờ.", "Điều 5. Giải thích từ ngữ"},
        {"2. Không gian mạng là mạng lưới kết nối.", "Điều 5. Giải thích từ ngữ"}}},
      {"a chapter title line under Chương is ordinary text (upper case, no number)",
       "CHƯƠNG II\nNHỮNG QUY ĐỊNH CHUNG\nĐiều 1. Phạm vi\nLuật này quy định.",
       {{"NHỮNG QUY ĐỊNH CHUNG", "CHƯƠNG II"}, {"Luật này quy định.", "Điều 1. Phạm vi"}}},
      {"English layout: Chapter / Article",
       "Chapter IV\nArticle 12\nData must be kept safe.",
       {{"Chapter IV", "Chapter IV", true}, {"Data must be kept safe.", "Article 12"}}},
      {"lines without word characters (rules, table borders) are skipped, and do not end a heading's wait",
       "# Heading\n-----\n|---|---|\n***\nBody.\n| a | b |",
       {{"Body.", "Heading"}, {"| a | b |", "Heading"}}},
      {"a heading followed only by a rule is still at the end: a passage",
       "Body.\n# Last\n---\n", {{"Body.", ""}, {"# Last", "Last", true}}},
      {"'Điều kiện' (condition) is a word, not an article heading",
       "Điều kiện áp dụng\nNội dung.", {{"Điều kiện áp dụng", ""}, {"Nội dung.", ""}}},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.why);
    const auto actual = SplitPassages(c.body, SharedAnalyzer());
    const auto expected = Spans(c.body, c.expected);
    EXPECT_EQ(Render(c.body, actual), Render(c.expected));
    ASSERT_EQ(actual.size(), expected.size());
    for (size_t i = 0; i < actual.size(); ++i) {
      EXPECT_TRUE(SamePassage(actual[i], expected[i]))
          << "passage " << i << ": got " << ::testing::PrintToString(actual[i]) << ", want "
          << ::testing::PrintToString(expected[i]);
    }
  }
}

TEST(PassagesTest, NonAsciiPunctuationOnlyLinesAreSkipped) {
  // A rule drawn with em dashes or box-drawing characters has no word
  // character either; as a passage it would have no terms and show up as an
  // empty hit for filter-only queries (lang:vi).
  const std::string body = "Body.\n\xE2\x80\x94\xE2\x80\x94\xE2\x80\x94\n\xE2\x94\x80\xE2\x94\x80\n"
                           "\xE2\x80\xA2 \xE2\x80\xA2 \xE2\x80\xA2\nMore.";  // ——— ── • • •
  const auto passages = SplitPassages(body, SharedAnalyzer());
  EXPECT_EQ(Render(body, passages), "Body. ||T\nMore. ||T\n");
}

TEST(PassagesTest, LongLineIsCutAtSentenceBoundaries) {
  // 60 sentences of ~45 bytes: about 2,700 bytes on one line.
  std::string line;
  std::vector<std::string> sentences;
  for (int i = 0; i < 60; ++i) {
    std::string s = "Câu số ";
    s += std::to_string(i);
    s += " nói về an ninh mạng khu vực.";
    sentences.push_back(s);
    if (i > 0) line += " ";
    line += s;
  }
  ASSERT_GT(line.size(), kMaxPassageChars);
  const std::string body = "# Heading\nShort intro.\n  " + line + "  \nAfter.";
  const size_t line_begin = body.find(line);
  const size_t line_end = line_begin + line.size();

  const auto passages = SplitPassages(body, SharedAnalyzer());
  ASSERT_GE(passages.size(), 4u);  // intro, at least two pieces, after
  EXPECT_EQ(passages.front().begin, body.find("Short intro."));
  EXPECT_EQ(passages.back().begin, body.find("After."));
  const std::vector<Passage> pieces(passages.begin() + 1, passages.end() - 1);
  ASSERT_GE(pieces.size(), 2u) << "the long line was not cut";

  // The pieces tile the line: first starts at the line, last ends at it, and
  // only whitespace lies between consecutive pieces.
  EXPECT_EQ(pieces.front().begin, line_begin);
  EXPECT_EQ(pieces.back().end, line_end);
  for (size_t i = 0; i < pieces.size(); ++i) {
    SCOPED_TRACE(::testing::Message() << "piece " << i);
    const Passage& p = pieces[i];
    EXPECT_FALSE(p.is_heading);
    EXPECT_EQ(p.heading, "Heading");  // every piece keeps the heading
    EXPECT_LE(p.end - p.begin, kMaxPassageChars);
    EXPECT_GE(p.begin, line_begin);
    EXPECT_LE(p.end, line_end);
    // Whole sentences: a piece starts with "Câu số" and ends with a full stop.
    const std::string text = body.substr(p.begin, p.end - p.begin);
    EXPECT_EQ(text.rfind("Câu số ", 0), 0u) << text;
    EXPECT_EQ(text.back(), '.') << text;
    if (i > 0) {
      ASSERT_GT(p.begin, pieces[i - 1].end);
      const std::string gap = body.substr(pieces[i - 1].end, p.begin - pieces[i - 1].end);
      EXPECT_EQ(gap.find_first_not_of(' '), std::string::npos) << "gap '" << gap << "'";
    }
  }
}

TEST(PassagesTest, LineOfExactlyTheLimitIsOnePassage) {
  // The boundary: kMaxPassageChars is still one passage, one character more is cut.
  std::string line;
  while (line.size() + 10 <= kMaxPassageChars) line += "Word word. ";
  line.resize(kMaxPassageChars - 1);
  line += ".";
  ASSERT_EQ(line.size(), kMaxPassageChars);
  auto passages = SplitPassages(line, SharedAnalyzer());
  ASSERT_EQ(passages.size(), 1u);
  EXPECT_EQ(passages[0].begin, 0u);
  EXPECT_EQ(passages[0].end, kMaxPassageChars);

  passages = SplitPassages(line + " Word.", SharedAnalyzer());
  EXPECT_GT(passages.size(), 1u);
}

TEST(PassagesTest, IsHeadingLineGolden) {
  struct Case {
    const char* line;
    bool heading;
    const char* why;
  };
  const std::vector<Case> cases = {
      {"Điều 5.", true, "Vietnamese article with its number"},
      {"Điều 5. Giải thích từ ngữ", true, "article with its title"},
      {"Chương I", true, "chapter with a Roman numeral"},
      {"CHƯƠNG II", true, "upper-case chapter"},
      {"Mục 2", true, "section"},
      {"Phần 1", true, "part"},
      {"Article 12", true, "English article"},
      {"Chapter IV", true, "English chapter, Roman numeral"},
      {"Part 3", true, "English part"},
      {"Section 2", true, "English section"},
      {"# x", true, "markdown heading"},
      {"### Deep heading", true, "any markdown level"},
      {"Điều kiện", false, "'Điều kiện' (condition) starts with Điều but is a word"},
      {"Điều", false, "the word alone"},
      {"Part of the plan", false, "'Part' followed by a lower-case word"},
      {"Article", false, "the word alone"},
      {"Article ", false, "the word and a space"},
      {"Articles 5 and 6", false, "plural: not 'Article' + space"},
      {"article 12", false, "lower case does not start a section"},
      {"Section of the report", false, "'Section' followed by a word"},
      {"Mục tiêu của chiến lược", false, "'Mục tiêu' (goal)"},
      {"Phần lớn doanh nghiệp", false, "'Phần lớn' (most)"},
      {"", false, "empty line"},
      {"1. Sự cố an ninh mạng", false, "a numbered clause is text"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(IsHeadingLine(c.line), c.heading) << "'" << c.line << "': " << c.why;
  }
}

TEST(PassagesTest, OverlongArticleLineIsText) {
  // "Article 5 …" running to a paragraph is text that cites an article, not
  // a heading: only lines under 400 bytes can be headings.
  std::string line = "Article 5 ";
  while (line.size() < 420) line += "of the agreement requires parties to cooperate ";
  EXPECT_FALSE(IsHeadingLine(line));
  EXPECT_TRUE(IsHeadingLine(line.substr(0, 300)));
}

TEST(PassagesTest, OverlongHashLineIsNotLost) {
  // A paragraph is never taken for a heading, whatever it starts with (a
  // hashtag, "#1 priority …"): as a heading it would be cut to 300 bytes and
  // its words past that point indexed nowhere.
  std::string line = "#VietNam2030 ";
  while (line.size() < 600) line += "chiến lược chuyển đổi số quốc gia ";
  line += "ĐOẠNCUỐI.";
  const std::string body = line + "\nNext paragraph.";
  const auto passages = SplitPassages(body, SharedAnalyzer());
  const size_t tail = body.find("ĐOẠNCUỐI");
  bool covered = false;
  for (const auto& p : passages) covered = covered || (p.begin <= tail && tail < p.end);
  EXPECT_TRUE(covered);
}

}  // namespace
}  // namespace policygraph::indexer
