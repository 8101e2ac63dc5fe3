// indexer::EncodeLexicon / DecodeLexicon: the lexicon travels in the search
// index's metadata from the indexer to every query, so it must round-trip
// exactly, and a damaged one must be an error value, never an exception
// thrown through the search service.

#include "indexer/lexicon.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/support/link_harness.h"

namespace policygraph::indexer {
namespace {

using testing::MakeNode;

// The fields the lexicon carries (wikidata, member_of and alias keys are
// the graph's business, not the query matcher's).
std::string Render(const std::vector<graph::Node>& nodes) {
  std::string out;
  for (const auto& n : nodes) {
    out += n.id;
    out += "/";
    out += n.type;
    out += " en:";
    for (const auto& e : n.names_en) out += "[" + e + "]";
    out += " vi:";
    for (const auto& v : n.names_vi) out += "[" + v + "]";
    out += "\n";
  }
  return out;
}

TEST(LexiconTest, RoundTrip) {
  Lexicon lexicon;
  lexicon.entities = {
      MakeNode("china", "country", {"China"}, {"Trung Quốc"}),
      MakeNode("united-states", "country", {"United States", "US"}, {"Hoa Kỳ", "Mỹ"}),
      MakeNode("indian-ocean", "not_entity", {"Indian Ocean"}, {"Ấn Độ Dương"}),
      MakeNode("no-vi", "organization", {"Only \"English\" | with \\ odd chars"}, {}),
  };
  lexicon.concepts = {
      MakeNode("cybersecurity", "concept", {"cybersecurity", "cyber security"}, {"an ninh mạng"}),
      MakeNode("learned:asean digital masterplan 2025", "concept", {"ASEAN Digital Masterplan 2025"},
        {"Kế hoạch tổng thể kỹ thuật số ASEAN năm 2025"}),
  };
  const std::string encoded = EncodeLexicon(lexicon);
  EXPECT_FALSE(encoded.empty());
  Lexicon decoded;
  decoded.entities.push_back(MakeNode("stale", "x", {}, {}));  // replaced, not appended to
  Status s = DecodeLexicon(encoded, &decoded);
  ASSERT_TRUE(s.ok()) << s.message();
  EXPECT_EQ(Render(decoded.entities), Render(lexicon.entities));
  EXPECT_EQ(Render(decoded.concepts), Render(lexicon.concepts));
  // Encoding is deterministic: the search service caches on the string.
  EXPECT_EQ(EncodeLexicon(decoded), encoded);
}

TEST(LexiconTest, EmptyLexiconRoundTrips) {
  Lexicon decoded;
  ASSERT_TRUE(DecodeLexicon(EncodeLexicon(Lexicon()), &decoded).ok());
  EXPECT_TRUE(decoded.entities.empty());
  EXPECT_TRUE(decoded.concepts.empty());
}

TEST(LexiconTest, EmptyStringIsEmptyLexicon) {
  // An index built before lexicons existed has no metadata: not an error.
  Lexicon decoded;
  decoded.concepts.push_back(MakeNode("stale", "concept", {"x"}, {"y"}));
  Status s = DecodeLexicon("", &decoded);
  EXPECT_TRUE(s.ok()) << s.message();
  EXPECT_TRUE(decoded.entities.empty());
  EXPECT_TRUE(decoded.concepts.empty());
}

TEST(LexiconTest, InvalidUtf8NameIsReplacedNotThrown) {
  // Names come from validated files, but encoding must not throw on a bad byte.
  Lexicon lexicon;
  lexicon.entities = {MakeNode("bad", "country", {"ab\xff" "c"}, {"x"})};
  std::string encoded;
  ASSERT_NO_THROW(encoded = EncodeLexicon(lexicon));
  Lexicon decoded;
  ASSERT_TRUE(DecodeLexicon(encoded, &decoded).ok());
  ASSERT_EQ(decoded.entities.size(), 1u);
  EXPECT_EQ(decoded.entities[0].id, "bad");
}

TEST(LexiconTest, MalformedIsCorruptionNeverThrows) {
  const std::vector<std::pair<const char*, std::string>> cases = {
      {"truncated JSON", "{\"entities\": ["},
      {"not JSON", "hello"},
      {"a JSON array, not an object", "[]"},
      {"a JSON string", "\"entities\""},
      {"null", "null"},
      {"missing concepts", "{\"entities\": []}"},
      {"missing entities", "{\"concepts\": []}"},
      {"entities not a list of objects", "{\"entities\": [1], \"concepts\": []}"},
      {"entities a number", "{\"entities\": 5, \"concepts\": []}"},
      {"a node without its id", "{\"entities\": [{\"type\": \"x\", \"en\": [], \"vi\": []}], \"concepts\": []}"},
      {"id of the wrong type",
       "{\"entities\": [{\"id\": 7, \"type\": \"x\", \"en\": [], \"vi\": []}], \"concepts\": []}"},
      {"names not a list",
       "{\"entities\": [], \"concepts\": [{\"id\": \"a\", \"type\": \"concept\", \"en\": \"x\", \"vi\": []}]}"},
      {"a name of the wrong type",
       "{\"entities\": [], \"concepts\": [{\"id\": \"a\", \"type\": \"concept\", \"en\": [1], \"vi\": []}]}"},
      {"invalid UTF-8 inside a string", "{\"entities\": [], \"concepts\": [\"\xff\"]}"},
      {"trailing garbage", "{\"entities\": [], \"concepts\": []} x"},
  };
  for (const auto& [why, encoded] : cases) {
    SCOPED_TRACE(why);
    Lexicon decoded;
    Status s;
    ASSERT_NO_THROW(s = DecodeLexicon(encoded, &decoded));
    EXPECT_FALSE(s.ok());
    EXPECT_EQ(s.code(), Status::Code::kCorruption) << s.message();
    EXPECT_FALSE(s.message().empty());
  }
}

}  // namespace
}  // namespace policygraph::indexer
