// indexer::ParseDocument, LoadDocument, IsIsoDate, SlugifyId and
// CollectDocumentFiles: turning files on disk into SourceDocuments.

#include "indexer/document.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "indexer/analyzer.h"
#include "tests/support/test_support.h"

namespace policygraph::indexer {
namespace {

namespace fs = std::filesystem;
using policygraph::testing::TempDir;
using policygraph::testing::WriteFile;

SourceDocument Parse(const std::string& content) {
  SourceDocument doc;
  Status s = ParseDocument("doc.md", content, &doc);
  EXPECT_TRUE(s.ok()) << s.message();
  return doc;
}

TEST(DocumentTest, FrontMatterFields) {
  const SourceDocument doc = Parse(
      "---\n"
      "title: Thailand's data-protection law takes effect\n"
      "lang: en\n"
      "date: 2022-06-01\n"
      "type: news\n"
      "id: thai-pdpa\n"
      "---\n"
      "Body line 1.\n"
      "Body line 2.\n");
  EXPECT_EQ(doc.title, "Thailand's data-protection law takes effect");
  EXPECT_EQ(doc.lang, "en");
  EXPECT_EQ(doc.date, "2022-06-01");
  EXPECT_EQ(doc.type, "news");
  EXPECT_EQ(doc.id, "thai-pdpa");
  EXPECT_EQ(doc.body, "Body line 1.\nBody line 2.\n");
  EXPECT_EQ(doc.path, "") << "set by LoadDocument, not by ParseDocument";
}

TEST(DocumentTest, FrontMatterValues) {
  struct Case {
    const char* why;
    std::string line;  // one front matter line
    std::string title;
  };
  const std::vector<Case> cases = {
      {"double quotes are stripped", "title: \"Luật An ninh mạng\"", "Luật An ninh mạng"},
      {"single quotes are stripped", "title: 'Quoted'", "Quoted"},
      {"mismatched quotes are kept", "title: \"half'", "\"half'"},
      {"a lone quote is kept", "title: \"", "\""},
      {"a colon in the value stays", "title: ASEAN: a digital masterplan", "ASEAN: a digital masterplan"},
      {"spaces around key and value are trimmed", "  title  :   spaced   ", "spaced"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.why);
    EXPECT_EQ(Parse("---\n" + c.line + "\n---\nbody\n").title, c.title);
  }
}

TEST(DocumentTest, UnknownKeysCommentsAndBlankLinesAreIgnored) {
  const SourceDocument doc = Parse(
      "---\n"
      "author: Someone\n"
      "\n"
      "# a comment: with a colon\n"
      "source: https://example.org/a:b\n"
      "lang: vi\n"
      "---\n"
      "Nội dung.\n");
  EXPECT_EQ(doc.lang, "vi");
  EXPECT_EQ(doc.title, "Nội dung.");
  EXPECT_EQ(doc.body, "Nội dung.\n");
}

TEST(DocumentTest, IdIsSlugified) {
  EXPECT_EQ(Parse("---\nid: Nghị định 13/2023\n---\nx\n").id, "Ngh---------nh-13-2023");
}

TEST(DocumentTest, CrlfAndBom) {
  // Windows editors: both are removed, so body offsets mean the same on
  // every platform.
  const SourceDocument doc =
      Parse("\xEF\xBB\xBF---\r\ntitle: T\r\ndate: 2021\r\n---\r\nLine 1\r\nLine 2\r\n");
  EXPECT_EQ(doc.title, "T");
  EXPECT_EQ(doc.date, "2021");
  EXPECT_EQ(doc.body, "Line 1\nLine 2\n");
}

TEST(DocumentTest, NoFrontMatter) {
  const SourceDocument doc = Parse("Just text.\n---\nnot: front matter\n");
  EXPECT_EQ(doc.body, "Just text.\n---\nnot: front matter\n");
  EXPECT_EQ(doc.title, "Just text.");
  EXPECT_EQ(doc.lang, "");
  EXPECT_EQ(doc.date, "");
}

TEST(DocumentTest, EmptyFrontMatterAndEmptyBody) {
  SourceDocument doc = Parse("---\n---\nbody\n");
  EXPECT_EQ(doc.body, "body\n");
  doc = Parse("---\ntitle: Only a title\n---");  // closing line without '\n'
  EXPECT_EQ(doc.title, "Only a title");
  EXPECT_EQ(doc.body, "");
  doc = Parse("");
  EXPECT_EQ(doc.title, "");
  EXPECT_EQ(doc.body, "");
}

TEST(DocumentTest, TitleFallsBackToFirstNonEmptyLine) {
  struct Case {
    std::string content;
    std::string title;
  };
  const std::vector<Case> cases = {
      {"# Luật An ninh mạng\n\nNội dung.\n", "Luật An ninh mạng"},
      {"\n\n  ## Heading two  \ntext\n", "Heading two"},
      {"#\n###   \nReal title\n", "Real title"},  // headings with no text are skipped
      {"---\nlang: en\n---\n\n# After front matter\n", "After front matter"},
      {"---\ntitle: \"\"\n---\nFallback\n", "Fallback"},  // an empty title falls back too
      {"   \n\t\n", ""},
  };
  for (const auto& c : cases) EXPECT_EQ(Parse(c.content).title, c.title) << c.content;
}

TEST(DocumentTest, LongFallbackTitleIsCutTo200Bytes) {
  const SourceDocument doc = Parse(std::string(300, 'x') + "\n");
  EXPECT_EQ(doc.title, std::string(200, 'x') + "…");
}

TEST(DocumentTest, LongFallbackTitleStaysValidUtf8) {
  // 100 × "ạ" (3 bytes each) = 300 bytes; 200 is not a multiple of 3, so a
  // byte cut splits a character. The title goes into the search document's
  // JSON data, which nlohmann::json::dump() refuses (throws) when invalid.
  std::string line;
  for (int i = 0; i < 100; ++i) line += "ạ";
  const SourceDocument doc = Parse(line + "\n");
  EXPECT_TRUE(IsValidUtf8(doc.title)) << doc.title.size() << " bytes";
  EXPECT_LE(doc.title.size(), 200u + std::string("…").size());
}

TEST(DocumentTest, ErrorsNameTheLine) {
  struct Case {
    const char* why;
    std::string content;
    std::string message_part;
  };
  const std::vector<Case> cases = {
      {"lang not in vi/en/other", "---\ntitle: T\nlang: fr\n---\nx\n",
       "doc.md:3: lang 'fr' is not one of vi, en, other"},
      {"month 13", "---\ndate: 2022-13-01\n---\nx\n", "doc.md:2: date '2022-13-01'"},
      {"two-digit year", "---\n\ndate: 22-01-01\n---\nx\n", "doc.md:3: date '22-01-01'"},
      {"line without a colon", "---\ntitle: T\nno colon here\n---\nx\n",
       "doc.md:3: front matter line is not 'key: value'"},
      {"front matter never closed", "---\ntitle: T\nbody without closing\n",
       "doc.md:3: front matter line"},
      {"front matter never closed, all lines valid", "---\ntitle: T\n",
       "doc.md: front matter opened with '---' is never closed"},
      {"only the opening marker", "---\n", "never closed"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.why);
    SourceDocument doc;
    Status s = ParseDocument("doc.md", c.content, &doc);
    ASSERT_TRUE(s.IsInvalidArgument()) << s.message();
    EXPECT_NE(s.message().find(c.message_part), std::string::npos) << s.message();
  }
}

TEST(DocumentTest, InvalidUtf8IsRejectedWithOffset) {
  SourceDocument doc;
  Status s = ParseDocument("doc.md", "---\ntitle: T\n---\nabc\xff\n", &doc);
  ASSERT_TRUE(s.IsInvalidArgument());
  EXPECT_NE(s.message().find("doc.md: not valid UTF-8"), std::string::npos) << s.message();
  EXPECT_NE(s.message().find("offset 20"), std::string::npos) << s.message();
}

TEST(DocumentTest, ParseResetsTheOutput) {
  SourceDocument doc;
  doc.title = "stale";
  doc.date = "1999";
  ASSERT_TRUE(ParseDocument("doc.md", "new\n", &doc).ok());
  EXPECT_EQ(doc.title, "new");
  EXPECT_EQ(doc.date, "");
}

TEST(DocumentTest, IsIsoDateGolden) {
  struct Case {
    const char* date;
    bool ok;
  };
  const std::vector<Case> cases = {
      {"2022", true},         {"2022-06", true},       {"2022-06-01", true},
      {"1999-12-31", true},   {"2022-01-01", true},
      // Only "plausible" is checked: no calendar, so 31 February passes.
      {"2022-02-31", true},
      {"2022-13-01", false},  {"2022-00", false},      {"2022-06-00", false},
      {"2022-06-32", false},  {"22-01-01", false},     {"2022-6-1", false},
      {"2022/06/01", false},  {"20220601", false},     {"2022-06-01T10:00", false},
      {"", false},            {"abcd", false},         {" 2022", false},
      {"2022-", false},       {"2022-06-", false},     {"2022-ab-01", false},
      {"2022-+1-01", false},  {"２０２２", false},  // full-width digits
  };
  for (const auto& c : cases) EXPECT_EQ(IsIsoDate(c.date), c.ok) << c.date;
}

TEST(DocumentTest, SlugifyIdGolden) {
  struct Case {
    std::string raw;
    std::string id;
  };
  const std::vector<Case> cases = {
      {"asean-digital-2025", "asean-digital-2025"},
      {"v1.2_final", "v1.2_final"},
      {"My Notes", "My-Notes"},
      {"a/b\\c?d#e", "a-b-c-d-e"},
      {"", ""},
      // Byte-wise: each byte of a multi-byte character becomes one '-'.
      {"mạng", "m---ng"},
  };
  for (const auto& c : cases) EXPECT_EQ(SlugifyId(c.raw), c.id) << c.raw;
}

TEST(DocumentTest, LoadDocumentSetsPathAndDefaultId) {
  TempDir dir;
  const fs::path file = dir.path() / "vi" / "Luật an ninh mạng 2018.md";
  WriteFile(file, "# Luật An ninh mạng\nNội dung.\n");
  SourceDocument doc;
  Status s = LoadDocument(file, &doc);
  ASSERT_TRUE(s.ok()) << s.message();
  EXPECT_EQ(doc.path, file.string());
  EXPECT_EQ(doc.id, "Lu---t-an-ninh-m---ng-2018");  // the file stem, slugified
  EXPECT_EQ(doc.title, "Luật An ninh mạng");

  WriteFile(file, "---\nid: law-2018\n---\nx\n");
  ASSERT_TRUE(LoadDocument(file, &doc).ok());
  EXPECT_EQ(doc.id, "law-2018") << "front matter id wins over the file name";
}

TEST(DocumentTest, LoadDocumentErrors) {
  TempDir dir;
  SourceDocument doc;
  EXPECT_FALSE(LoadDocument(dir.path() / "missing.md", &doc).ok());
  const fs::path bad = dir.path() / "bad.md";
  WriteFile(bad, "---\nlang: xx\n---\n");
  Status s = LoadDocument(bad, &doc);
  ASSERT_TRUE(s.IsInvalidArgument());
  EXPECT_NE(s.message().find(bad.string() + ":2:"), std::string::npos) << s.message();
}

std::vector<std::string> Relative(const std::vector<fs::path>& files, const fs::path& root) {
  std::vector<std::string> out;
  for (const auto& f : files) out.push_back(f.lexically_relative(root).generic_string());
  return out;
}

TEST(DocumentTest, CollectDocumentFiles) {
  TempDir dir;
  const fs::path root = dir.path();
  for (const char* f : {"b.txt", "a.md", "c.pdf", "notes.markdown", "sub/d.md", "sub/deeper/e.txt",
                        "sub/deeper/f.docx", "z/.hidden.md"}) {
    WriteFile(root / f, "x\n");
  }
  fs::create_directories(root / "empty");
  std::vector<fs::path> files = {"stale"};
  Status s = CollectDocumentFiles({root.string()}, &files);
  ASSERT_TRUE(s.ok()) << s.message();
  EXPECT_EQ(Relative(files, root),
            (std::vector<std::string>{"a.md", "b.txt", "sub/d.md", "sub/deeper/e.txt",
                                      "z/.hidden.md"}));
}

TEST(DocumentTest, CollectDocumentFilesMergesAndDeduplicates) {
  TempDir dir;
  const fs::path root = dir.path();
  WriteFile(root / "x/1.md", "x\n");
  WriteFile(root / "y/2.txt", "x\n");
  std::vector<fs::path> files;
  Status s = CollectDocumentFiles(
      {(root / "y").string(), (root / "x").string(), (root / "x/1.md").string()}, &files);
  ASSERT_TRUE(s.ok()) << s.message();
  EXPECT_EQ(Relative(files, root), (std::vector<std::string>{"x/1.md", "y/2.txt"}));
}

TEST(DocumentTest, CollectDocumentFilesErrors) {
  TempDir dir;
  WriteFile(dir.path() / "paper.pdf", "%PDF\n");
  WriteFile(dir.path() / "ok.md", "x\n");
  std::vector<fs::path> files;

  Status s = CollectDocumentFiles({(dir.path() / "missing").string()}, &files);
  EXPECT_TRUE(s.IsNotFound()) << s.message();
  EXPECT_NE(s.message().find("missing"), std::string::npos) << s.message();

  // Named explicitly, an unsupported file is an error, not silently skipped.
  s = CollectDocumentFiles({(dir.path() / "paper.pdf").string()}, &files);
  EXPECT_TRUE(s.IsInvalidArgument()) << s.message();
  EXPECT_NE(s.message().find("paper.pdf"), std::string::npos) << s.message();

  // One bad path fails the whole call.
  s = CollectDocumentFiles({(dir.path() / "ok.md").string(), (dir.path() / "nope").string()},
                           &files);
  EXPECT_TRUE(s.IsNotFound()) << s.message();
}

}  // namespace
}  // namespace policygraph::indexer
