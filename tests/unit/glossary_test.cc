// indexer::ParseGlossary / LoadGlossary: the bilingual glossary is edited by
// hand, so every mistake must fail the index run with the file and line, and
// a valid row must become exactly one concept with both languages' forms.

#include "indexer/glossary.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/support/test_support.h"

namespace policygraph::indexer {
namespace {

using testing::SourceDir;
using testing::TempDir;
using testing::WriteFile;

bool Has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

const graph::Node* FindId(const std::vector<graph::Node>& nodes, const std::string& id) {
  for (const auto& n : nodes) {
    if (n.id == id) return &n;
  }
  return nullptr;
}

TEST(GlossaryTest, ParsesRows) {
  const std::string content =
      "# id\tenglish\tvietnamese\n"
      "\n"
      "cybersecurity\tcybersecurity | cyber security\tan ninh mạng | an ninh không gian mạng\n"
      "   \n"
      "  # an indented comment\n"
      "personal-data\tpersonal data\tdữ liệu cá nhân\r\n"  // CRLF line end
      "  e-gov  \t  e-government |  | digital government  \t chính phủ điện tử \n";
  std::vector<graph::Node> concepts;
  Status s = ParseGlossary("g.tsv", content, &concepts);
  ASSERT_TRUE(s.ok()) << s.message();
  ASSERT_EQ(concepts.size(), 3u);

  EXPECT_EQ(concepts[0].id, "cybersecurity");
  EXPECT_EQ(concepts[0].type, kConceptType);
  EXPECT_EQ(concepts[0].type, "concept");
  EXPECT_EQ(concepts[0].names_en, (std::vector<std::string>{"cybersecurity", "cyber security"}));
  EXPECT_EQ(concepts[0].names_vi, (std::vector<std::string>{"an ninh mạng", "an ninh không gian mạng"}));

  // CR stripped: the last form must not end in '\r'.
  EXPECT_EQ(concepts[1].id, "personal-data");
  EXPECT_EQ(concepts[1].names_vi, std::vector<std::string>{"dữ liệu cá nhân"});

  // Fields are trimmed, and an empty item between bars is dropped.
  EXPECT_EQ(concepts[2].id, "e-gov");
  EXPECT_EQ(concepts[2].names_en, (std::vector<std::string>{"e-government", "digital government"}));
  EXPECT_EQ(concepts[2].names_vi, std::vector<std::string>{"chính phủ điện tử"});
}

TEST(GlossaryTest, EmptyContentIsNoConcepts) {
  std::vector<graph::Node> concepts;
  EXPECT_TRUE(ParseGlossary("g.tsv", "", &concepts).ok());
  EXPECT_TRUE(ParseGlossary("g.tsv", "# only a comment\n\n", &concepts).ok());
  EXPECT_TRUE(concepts.empty());
}

TEST(GlossaryTest, ErrorsNameFileAndLine) {
  struct Case {
    const char* why;
    std::string content;
    std::string where;     // expected in the message: file:line
    std::string mentions;  // and this
  };
  const std::vector<Case> cases = {
      {"two columns", "# header\nok\ta\tb\nbad\tonly english\n", "g.tsv:3:", "found 2"},
      {"four columns", "x\ta\tb\tc\n", "g.tsv:1:", "found 4"},
      {"no tab at all", "\n\njust text\n", "g.tsv:3:", "found 1"},
      {"empty id", "  \tdata\tdữ liệu\n", "g.tsv:1:", "empty id"},
      {"no English form", "data\t\tdữ liệu\n", "g.tsv:1:", "'data'"},
      {"English side is '-'", "data\t-\tdữ liệu\n", "g.tsv:1:", "English"},
      {"Vietnamese side only bars", "data\tdata\t | \n", "g.tsv:1:", "Vietnamese"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.why);
    std::vector<graph::Node> concepts;
    Status s = ParseGlossary("g.tsv", c.content, &concepts);
    ASSERT_FALSE(s.ok());
    EXPECT_TRUE(s.IsInvalidArgument());
    EXPECT_TRUE(Has(s.message(), c.where)) << s.message();
    EXPECT_TRUE(Has(s.message(), c.mentions)) << s.message();
  }
}

TEST(GlossaryTest, InvalidUtf8IsAnError) {
  std::vector<graph::Node> concepts;
  Status s = ParseGlossary("g.tsv", "data\tdata\td\xff\n", &concepts);
  EXPECT_TRUE(s.IsInvalidArgument());
  EXPECT_TRUE(Has(s.message(), "g.tsv")) << s.message();
}

TEST(GlossaryTest, LoadsEveryTsvOfADirectory) {
  TempDir dir;
  WriteFile(dir.path() / "a.tsv", "cybersecurity\tcybersecurity\tan ninh mạng\n");
  WriteFile(dir.path() / "b.tsv", "personal-data\tpersonal data\tdữ liệu cá nhân\n");
  WriteFile(dir.path() / "README.md", "not\ta\tglossary\trow\n");  // not .tsv: ignored
  std::vector<graph::Node> concepts = {graph::Node()};                // cleared first
  Status s = LoadGlossary(dir.str(), &concepts);
  ASSERT_TRUE(s.ok()) << s.message();
  ASSERT_EQ(concepts.size(), 2u);
  EXPECT_EQ(concepts[0].id, "cybersecurity");  // files in name order
  EXPECT_EQ(concepts[1].id, "personal-data");

  // A single file works too.
  s = LoadGlossary((dir.path() / "b.tsv").string(), &concepts);
  ASSERT_TRUE(s.ok()) << s.message();
  ASSERT_EQ(concepts.size(), 1u);
  EXPECT_EQ(concepts[0].id, "personal-data");
}

TEST(GlossaryTest, DuplicateIdAcrossFilesNamesBothFiles) {
  TempDir dir;
  WriteFile(dir.path() / "first.tsv", "cybersecurity\tcybersecurity\tan ninh mạng\n");
  WriteFile(dir.path() / "second.tsv",
            "other\tother\tkhác\ncybersecurity\tcyber security\tan ninh không gian mạng\n");
  std::vector<graph::Node> concepts;
  Status s = LoadGlossary(dir.str(), &concepts);
  ASSERT_FALSE(s.ok());
  EXPECT_TRUE(s.IsInvalidArgument());
  EXPECT_TRUE(Has(s.message(), "'cybersecurity'")) << s.message();
  EXPECT_TRUE(Has(s.message(), "first.tsv")) << s.message();
  EXPECT_TRUE(Has(s.message(), "second.tsv")) << s.message();
}

TEST(GlossaryTest, DuplicateIdInOneFileIsAnError) {
  TempDir dir;
  WriteFile(dir.path() / "g.tsv", "x\tx\tx\nx\ty\ty\n");
  std::vector<graph::Node> concepts;
  Status s = LoadGlossary((dir.path() / "g.tsv").string(), &concepts);
  EXPECT_TRUE(s.IsInvalidArgument()) << s.message();
  EXPECT_TRUE(Has(s.message(), "'x'")) << s.message();
}

TEST(GlossaryTest, ParseErrorInAFileNamesThatFile) {
  TempDir dir;
  WriteFile(dir.path() / "a.tsv", "ok\tok\tok\n");
  WriteFile(dir.path() / "b.tsv", "ok2\tok\tok\nbroken\n");
  std::vector<graph::Node> concepts;
  Status s = LoadGlossary(dir.str(), &concepts);
  ASSERT_TRUE(s.IsInvalidArgument()) << s.message();
  EXPECT_TRUE(Has(s.message(), "b.tsv:2:")) << s.message();
}

TEST(GlossaryTest, MissingPathIsNotFound) {
  TempDir dir;
  std::vector<graph::Node> concepts;
  Status s = LoadGlossary((dir.path() / "nope").string(), &concepts);
  EXPECT_TRUE(s.IsNotFound()) << s.message();
  EXPECT_TRUE(Has(s.message(), "nope")) << s.message();
}

TEST(GlossaryTest, BundledGlossaryLoads) {
  // The glossary shipped in corpus/ must always load: a bad row there breaks
  // every index run.
  std::vector<graph::Node> concepts;
  Status s = LoadGlossary((SourceDir() / "corpus" / "glossary").string(), &concepts);
  ASSERT_TRUE(s.ok()) << s.message();
  EXPECT_GT(concepts.size(), 300u);
  const graph::Node* cyber = FindId(concepts, "cybersecurity");
  ASSERT_NE(cyber, nullptr);
  EXPECT_EQ(cyber->names_en.front(), "cybersecurity");
  EXPECT_EQ(cyber->names_vi.front(), "an ninh mạng");
  const graph::Node* personal = FindId(concepts, "personal-data");
  ASSERT_NE(personal, nullptr);
  EXPECT_EQ(personal->names_vi.front(), "dữ liệu cá nhân");
  for (const auto& c : concepts) {
    EXPECT_EQ(c.type, kConceptType) << c.id;
    EXPECT_FALSE(c.names_en.empty()) << c.id;
    EXPECT_FALSE(c.names_vi.empty()) << c.id;
  }
}

}  // namespace
}  // namespace policygraph::indexer
