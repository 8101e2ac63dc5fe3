// indexer::ParseGazetteer / LoadGazetteer: the hand-edited entity list. Its
// errors are read by the people who edit it, so they must say file:line.

#include "indexer/gazetteer.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "tests/support/test_support.h"

namespace policygraph::indexer {
namespace {

using graph::Node;
using policygraph::testing::TempDir;
using policygraph::testing::WriteFile;
using Strings = std::vector<std::string>;

TEST(GazetteerTest, ParsesGoodRows) {
  const std::string content =
      "# id\ttype\twikidata\tnames_en\tnames_vi\tmember_of\n"
      "\n"
      "vietnam\tcountry\tQ881\tVietnam | Viet Nam\tViệt Nam\tasean | wto\n"
      "asean\tregional_org\t-\tASEAN\t-\t-\n"
      "china\tcountry\tQ148\tChina\tTrung Quốc\t\n"  // empty last field: trailing tab
      "   # an indented comment\n"
      "mekong_lancang\tinitiative\t\t  Mekong-Lancang Cooperation  \tHợp tác Mê Công - Lan Thương\t-\n";
  std::vector<Node> nodes;
  Status s = ParseGazetteer("countries.tsv", content, &nodes);
  ASSERT_TRUE(s.ok()) << s.message();
  ASSERT_EQ(nodes.size(), 4u);

  EXPECT_EQ(nodes[0].id, "vietnam");
  EXPECT_EQ(nodes[0].type, "country");
  EXPECT_EQ(nodes[0].wikidata, "Q881");
  EXPECT_EQ(nodes[0].names_en, (Strings{"Vietnam", "Viet Nam"}));
  EXPECT_EQ(nodes[0].names_vi, (Strings{"Việt Nam"}));
  EXPECT_EQ(nodes[0].member_of, (Strings{"asean", "wto"}));
  // The first English name is the display name.
  EXPECT_EQ(nodes[0].DisplayName(), "Vietnam");

  // "-" means empty, for lists and for wikidata.
  EXPECT_EQ(nodes[1].wikidata, "");
  EXPECT_EQ(nodes[1].names_en, (Strings{"ASEAN"}));
  EXPECT_TRUE(nodes[1].names_vi.empty());
  EXPECT_TRUE(nodes[1].member_of.empty());

  EXPECT_EQ(nodes[2].names_vi, (Strings{"Trung Quốc"}));
  EXPECT_TRUE(nodes[2].member_of.empty());

  // Names are trimmed; a '-' inside a name is not the empty marker.
  EXPECT_EQ(nodes[3].id, "mekong_lancang");
  EXPECT_EQ(nodes[3].wikidata, "");
  EXPECT_EQ(nodes[3].names_en, (Strings{"Mekong-Lancang Cooperation"}));
  EXPECT_EQ(nodes[3].names_vi, (Strings{"Hợp tác Mê Công - Lan Thương"}));
  // Alias keys are the indexer's job, not the parser's.
  EXPECT_TRUE(nodes[3].alias_keys.empty());
}

TEST(GazetteerTest, DisplayNameFallsBackToVietnameseThenId) {
  std::vector<Node> nodes;
  ASSERT_TRUE(ParseGazetteer("g.tsv", "x\tcountry\t-\t-\tHoa Kỳ | Mỹ\t-\n", &nodes).ok());
  ASSERT_EQ(nodes.size(), 1u);
  EXPECT_EQ(nodes[0].DisplayName(), "Hoa Kỳ");
  Node bare;
  bare.id = "bare";
  EXPECT_EQ(bare.DisplayName(), "bare");
}

TEST(GazetteerTest, CrlfLineEnds) {
  // Files saved on Windows must not get '\r' in their last field.
  std::vector<Node> nodes;
  Status s = ParseGazetteer("g.tsv", "vietnam\tcountry\tQ881\tVietnam\tViệt Nam\tasean\r\n", &nodes);
  ASSERT_TRUE(s.ok()) << s.message();
  ASSERT_EQ(nodes.size(), 1u);
  EXPECT_EQ(nodes[0].member_of, (Strings{"asean"}));
}

TEST(GazetteerTest, ParseAppendsToTheVector) {
  // LoadGazetteer parses file after file into one vector.
  std::vector<Node> nodes(1);
  ASSERT_TRUE(ParseGazetteer("g.tsv", "a\tcountry\t-\tA\t-\t-\n", &nodes).ok());
  ASSERT_EQ(nodes.size(), 2u);
  EXPECT_EQ(nodes[1].id, "a");
}

TEST(GazetteerTest, OptionalSeventhColumnHoldsPairingNames) {
  std::vector<Node> entities;
  ASSERT_TRUE(ParseGazetteer("g.tsv", "china\tcountry\tQ148\tChina\tTrung Quốc\t-\tTrung\n", &entities).ok());
  ASSERT_EQ(entities.size(), 1u);
  EXPECT_EQ(entities[0].pairing_names, std::vector<std::string>{"Trung"});
  entities.clear();
  ASSERT_TRUE(ParseGazetteer("g.tsv", "china\tcountry\tQ148\tChina\tTrung Quốc\t-\n", &entities).ok());
  EXPECT_TRUE(entities[0].pairing_names.empty());
}

TEST(GazetteerTest, ErrorsNameFileAndLine) {
  struct Case {
    const char* why;
    std::string row;            // parsed as line 3, after a comment and a good row
    const char* message_part;   // besides "g.tsv:3: "
  };
  const std::vector<Case> cases = {
      {"five fields", "china\tcountry\tQ148\tChina\tTrung Quốc", "expected 6 or 7 tab-separated fields"},
      {"eight fields", "china\tcountry\tQ148\tChina\tTrung Quốc\t-\tTrung\textra", "found 8"},
      {"spaces instead of tabs", "china country Q148 China - -", "found 1"},
      {"uppercase id", "China\tcountry\tQ148\tChina\t-\t-", "id 'China'"},
      {"space in id", "united states\tcountry\t-\tUS\t-\t-", "lowercase slug"},
      {"empty id", "\tcountry\t-\tUS\t-\t-", "id ''"},
      {"unknown type", "china\tnation\tQ148\tChina\t-\t-", "unknown type 'nation'"},
      {"no names", "china\tcountry\tQ148\t-\t-\t-", "has no names"},
      {"names of only separators", "china\tcountry\tQ148\t | \t\t-", "has no names"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.why);
    std::vector<Node> nodes;
    const std::string content = "# header\nasean\tregional_org\t-\tASEAN\t-\t-\n" + c.row + "\n";
    Status s = ParseGazetteer("g.tsv", content, &nodes);
    ASSERT_TRUE(s.IsInvalidArgument()) << s.message();
    EXPECT_TRUE(s.message().starts_with("g.tsv:3: ")) << s.message();
    EXPECT_NE(s.message().find(c.message_part), std::string::npos) << s.message();
  }
}

TEST(GazetteerTest, InvalidUtf8IsRejected) {
  std::vector<Node> nodes;
  Status s = ParseGazetteer("g.tsv", "china\tcountry\t-\tCh\xff na\t-\t-\n", &nodes);
  EXPECT_TRUE(s.IsInvalidArgument());
  EXPECT_NE(s.message().find("UTF-8"), std::string::npos) << s.message();
}

TEST(GazetteerTest, KnownEntityTypes) {
  for (const char* type : {"country", "regional_org", "organization", "law", "agreement",
                           "strategy", "plan", "programme", "initiative", "event", "person",
                           "not_entity"}) {
    EXPECT_TRUE(IsKnownEntityType(type)) << type;
  }
  for (const char* type : {"", "Country", "nation", "program", "organisation"}) {
    EXPECT_FALSE(IsKnownEntityType(type)) << type;
  }
}

TEST(GazetteerTest, LoadsEveryTsvOfADirectoryInNameOrder) {
  TempDir dir;
  WriteFile(dir.path() / "b-countries.tsv", "vietnam\tcountry\t-\tVietnam\t-\tasean\n");
  WriteFile(dir.path() / "a-orgs.tsv", "asean\tregional_org\t-\tASEAN\t-\t-\n");
  WriteFile(dir.path() / "README.md", "not a gazetteer\n");  // ignored: not .tsv
  std::vector<Node> nodes;
  Status s = LoadGazetteer(dir.str(), &nodes);
  ASSERT_TRUE(s.ok()) << s.message();
  ASSERT_EQ(nodes.size(), 2u);
  EXPECT_EQ(nodes[0].id, "asean");  // a-orgs.tsv first
  EXPECT_EQ(nodes[1].id, "vietnam");
}

TEST(GazetteerTest, LoadsASingleFileAndClearsTheOutput) {
  TempDir dir;
  WriteFile(dir.path() / "g.tsv", "asean\tregional_org\t-\tASEAN\t-\t-\n");
  std::vector<Node> nodes(3);
  Status s = LoadGazetteer((dir.path() / "g.tsv").string(), &nodes);
  ASSERT_TRUE(s.ok()) << s.message();
  ASSERT_EQ(nodes.size(), 1u);
}

TEST(GazetteerTest, LoadRejectsUnknownMemberOf) {
  TempDir dir;
  WriteFile(dir.path() / "g.tsv",
            "vietnam\tcountry\t-\tVietnam\t-\tasean\n"  // asean is not defined
            "china\tcountry\t-\tChina\t-\t-\n");
  std::vector<Node> nodes;
  Status s = LoadGazetteer(dir.str(), &nodes);
  ASSERT_TRUE(s.IsInvalidArgument()) << s.message();
  EXPECT_NE(s.message().find("'vietnam' is a member of unknown entity 'asean'"), std::string::npos)
      << s.message();
}

TEST(GazetteerTest, LoadRejectsIdsDuplicatedAcrossFiles) {
  TempDir dir;
  WriteFile(dir.path() / "a.tsv", "china\tcountry\t-\tChina\t-\t-\n");
  WriteFile(dir.path() / "b.tsv", "china\torganization\t-\tBank of China\t-\t-\n");
  std::vector<Node> nodes;
  Status s = LoadGazetteer(dir.str(), &nodes);
  ASSERT_TRUE(s.IsInvalidArgument()) << s.message();
  EXPECT_NE(s.message().find("id 'china' appears twice"), std::string::npos) << s.message();
}

TEST(GazetteerTest, LoadReportsTheFailingFileAndLine) {
  TempDir dir;
  WriteFile(dir.path() / "a.tsv", "asean\tregional_org\t-\tASEAN\t-\t-\n");
  WriteFile(dir.path() / "b.tsv", "# comment\nchina\tCountry\t-\tChina\t-\t-\n");
  std::vector<Node> nodes;
  Status s = LoadGazetteer(dir.str(), &nodes);
  ASSERT_TRUE(s.IsInvalidArgument()) << s.message();
  EXPECT_NE(s.message().find((dir.path() / "b.tsv").string() + ":2: "), std::string::npos)
      << s.message();
}

TEST(GazetteerTest, LoadMissingPathOrEmptyDirectoryIsNotFound) {
  TempDir dir;
  std::vector<Node> nodes;
  EXPECT_TRUE(LoadGazetteer((dir.path() / "nope").string(), &nodes).IsNotFound());
  EXPECT_TRUE(LoadGazetteer(dir.str(), &nodes).IsNotFound()) << "no .tsv files";
}

TEST(GazetteerTest, LoadsTheTestFixture) {
  std::vector<Node> nodes;
  Status s = LoadGazetteer((policygraph::testing::FixturesDir() / "gazetteer.tsv").string(), &nodes);
  ASSERT_TRUE(s.ok()) << s.message();
  std::set<std::string> ids;
  for (const auto& n : nodes) ids.insert(n.id);
  EXPECT_TRUE(ids.count("indian-ocean"));
  EXPECT_TRUE(ids.count("european-union"));
}

TEST(GazetteerTest, LoadsTheRepositoryGazetteer) {
  namespace fs = std::filesystem;
  const fs::path dir = policygraph::testing::SourceDir() / "corpus" / "gazetteer";
  bool has_tsv = false;
  std::error_code ec;
  if (fs::is_directory(dir, ec)) {
    for (const auto& e : fs::directory_iterator(dir, ec)) has_tsv |= e.path().extension() == ".tsv";
  }
  if (!has_tsv) GTEST_SKIP() << "no .tsv files in " << dir << " (not written yet)";

  std::vector<Node> nodes;
  Status s = LoadGazetteer(dir.string(), &nodes);
  ASSERT_TRUE(s.ok()) << s.message();
  std::set<std::string> ids;
  for (const auto& n : nodes) ids.insert(n.id);
  for (const char* id :
       {"asean", "china", "united-states", "european-union", "vietnam", "singapore"}) {
    EXPECT_TRUE(ids.count(id)) << "missing entity " << id;
  }
}

}  // namespace
}  // namespace policygraph::indexer
