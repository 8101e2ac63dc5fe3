// DecodeEdgeSummary and DecodeNode read the forms EncodeEdgeSummary and
// EncodeNode write without the JSON parser; every other text must still
// decode exactly as the parser reads it.
#include "graph/record_codec.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace policygraph::graph {
namespace {

EdgeSummary Summary(uint32_t weight, uint32_t evidence, const std::string& first, const std::string& last) {
  EdgeSummary s;
  s.weight = weight;
  s.evidence_count = evidence;
  s.first_date = first;
  s.last_date = last;
  return s;
}

void ExpectSame(const EdgeSummary& a, const EdgeSummary& b) {
  EXPECT_EQ(a.weight, b.weight);
  EXPECT_EQ(a.evidence_count, b.evidence_count);
  EXPECT_EQ(a.first_date, b.first_date);
  EXPECT_EQ(a.last_date, b.last_date);
}

TEST(RecordCodecTest, EdgeSummaryRoundTrips) {
  for (const auto& s : {Summary(1, 1, "2022-06-01", "2022-06-01"), Summary(0, 0, "", ""),
                        Summary(4294967295u, 7, "2019", "2023-01"), Summary(12, 30, "", "2020")}) {
    const std::string text = EncodeEdgeSummary(s);
    auto back = DecodeEdgeSummary(text);
    ASSERT_TRUE(back.has_value()) << text;
    ExpectSame(*back, s);
  }
}

// What the JSON parser makes of `text`, the way the decoder used to read it.
std::optional<EdgeSummary> ParsedByJson(const std::string& text) {
  try {
    auto j = nlohmann::json::parse(text);
    EdgeSummary s;
    s.weight = j.at("weight").get<uint32_t>();
    s.evidence_count = j.at("evidence").get<uint32_t>();
    s.first_date = j.value("first", "");
    s.last_date = j.value("last", "");
    return s;
  } catch (const nlohmann::json::exception&) {
    return std::nullopt;
  }
}

TEST(RecordCodecTest, EdgeSummaryOtherFormsDecodeAsTheJsonParserReadsThem) {
  const std::vector<std::string> texts = {
      R"({"evidence":1,"first":"2022","last":"2023","weight":2})",
      R"({ "evidence": 1, "first": "2022", "last": "2023", "weight": 2 })",  // spaces
      R"({"weight":2,"evidence":1,"first":"2022","last":"2023"})",          // key order
      R"({"evidence":1,"weight":2})",                                         // no dates
      R"({"evidence":1,"first":"20\"22","last":"2023","weight":2})",        // escape
      R"({"evidence":1,"first":"2022 – nay","last":"2023","weight":2})",     // UTF-8
      R"({"evidence":01,"first":"2022","last":"2023","weight":2})",          // leading zero
      R"({"evidence":1,"first":"2022","last":"2023","weight":2}x)",         // trailing bytes
      R"({"evidence":1,"first":"2022","last":"2023","weight":)",            // truncated
      R"({"evidence":1,"first":"2022","last":"2023","weight":-2})",         // negative
      R"({"evidence":1,"first":"2022","last":"2023","weight":2.5})",        // not an integer
      R"({"evidence":1,"first":"2022","last":"2023","weight":4294967296})", // past 32 bits
      std::string("{\"evidence\":1,\"first\":\"20\x01\",\"last\":\"\",\"weight\":2}"),  // control byte
      "",
  };
  for (const auto& text : texts) {
    SCOPED_TRACE(text);
    auto want = ParsedByJson(text);
    auto got = DecodeEdgeSummary(text);
    ASSERT_EQ(got.has_value(), want.has_value());
    if (got) ExpectSame(*got, *want);
  }
}

Node MakeNode(const std::string& id, double confidence, bool discovered) {
  Node n;
  n.id = id;
  n.type = "country";
  n.wikidata = "Q881";
  n.names_en = {"Viet Nam", "Vietnam"};
  n.names_vi = {"Việt Nam", "nước CHXHCN Việt Nam"};
  n.member_of = {"asean", "apec"};
  n.pairing_names = {"Việt"};
  n.alias_keys = {"viet nam", "vietnam"};
  n.discovered = discovered;
  n.confidence = confidence;
  return n;
}

void ExpectSame(const Node& a, const Node& b) {
  EXPECT_EQ(a.id, b.id);
  EXPECT_EQ(a.type, b.type);
  EXPECT_EQ(a.wikidata, b.wikidata);
  EXPECT_EQ(a.names_en, b.names_en);
  EXPECT_EQ(a.names_vi, b.names_vi);
  EXPECT_EQ(a.member_of, b.member_of);
  EXPECT_EQ(a.pairing_names, b.pairing_names);
  EXPECT_EQ(a.alias_keys, b.alias_keys);
  EXPECT_EQ(a.discovered, b.discovered);
  EXPECT_EQ(a.confidence, b.confidence);  // exactly: the same double
}

TEST(RecordCodecTest, NodeRoundTrips) {
  Node empty;
  empty.id = "x";
  empty.type = "law";
  Node emoji = MakeNode("e", 0.5, false);
  emoji.names_en = {"\xF0\x9F\x8C\x8F globe", "\x7F", ""};  // four-byte UTF-8, DEL, empty
  for (const Node& n : {MakeNode("vietnam", 1.0, false), MakeNode("mekong-lancang", 0.85, true),
                        MakeNode("d", 0.1, true), MakeNode("d2", 1e-05, true), MakeNode("d3", 0.0, true),
                        MakeNode("d4", 123456.789, false), MakeNode("q", 0.3333333333333333, true),
                        MakeNode("say \"hi\"\\", 1.0, false), empty, emoji}) {
    const std::string text = EncodeNode(n);
    auto back = DecodeNode(text);
    ASSERT_TRUE(back.has_value()) << text;
    ExpectSame(*back, n);
  }
}

// What the JSON parser makes of a node record, the way the decoder reads it
// when the text is not in the canonical form.
std::optional<Node> NodeParsedByJson(const std::string& text) {
  try {
    auto j = nlohmann::json::parse(text);
    Node n;
    n.id = j.at("id").get<std::string>();
    n.type = j.at("type").get<std::string>();
    n.wikidata = j.value("wikidata", "");
    n.names_en = j.value("names_en", std::vector<std::string>{});
    n.names_vi = j.value("names_vi", std::vector<std::string>{});
    n.member_of = j.value("member_of", std::vector<std::string>{});
    n.pairing_names = j.value("pairing_names", std::vector<std::string>{});
    n.alias_keys = j.value("alias_keys", std::vector<std::string>{});
    n.discovered = j.value("discovered", false);
    n.confidence = j.value("confidence", 1.0);
    return n;
  } catch (const nlohmann::json::exception&) {
    return std::nullopt;
  }
}

TEST(RecordCodecTest, NodeOtherFormsDecodeAsTheJsonParserReadsThem) {
  const std::string canonical = EncodeNode(MakeNode("vietnam", 0.85, false));
  // The canonical text with `from` replaced by `to`.
  auto with = [&](const std::string& from, const std::string& to) {
    std::string t = canonical;
    const size_t at = t.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    if (at != std::string::npos) t.replace(at, from.size(), to);
    return t;
  };
  const std::vector<std::string> texts = {
      canonical,
      with("\"confidence\":0.85", "\"confidence\":1"),          // an integer
      with("\"confidence\":0.85", "\"confidence\":01.5"),       // leading zero
      with("\"confidence\":0.85", "\"confidence\":-0.5"),       // negative
      with("\"confidence\":0.85", "\"confidence\":8.5e-1"),     // exponent
      with("\"confidence\":0.85", "\"confidence\":1."),         // no fraction digits
      with("\"confidence\":0.85", "\"confidence\":\"0.85\""),   // a string
      with("\"discovered\":false", "\"discovered\":0"),         // not a boolean
      with("\"discovered\":false", "\"discovered\":true"),
      with("\"id\":\"vietnam\"", "\"id\":\"viet\\u006eam\""),   // escape
      with("\"id\":\"vietnam\"", "\"id\":\"viet\\\"nam\""),     // escaped quote
      with("\"id\":\"vietnam\"", "\"id\": \"vietnam\""),        // space
      with("\"id\":\"vietnam\"", "\"id\":\"viet\x01nam\""),     // control byte
      with("\"id\":\"vietnam\"", "\"id\":\"viet\xC0\x80nam\""), // overlong
      with("\"id\":\"vietnam\"", "\"id\":\"viet\xED\xA0\x80nam\""),  // surrogate
      with("\"id\":\"vietnam\"", "\"id\":\"viet\xF5\x80\x80\x80\""), // past U+10FFFF
      with("\"id\":\"vietnam\"", "\"id\":\"viet\xE1\xBB\""),    // cut sequence
      with("\"id\":\"vietnam\"", "\"id\":7"),                   // not a string
      with("\"names_en\":[\"Viet Nam\",\"Vietnam\"]", "\"names_en\":[]"),
      with("\"names_en\":[\"Viet Nam\",\"Vietnam\"]", "\"names_en\":[\"Viet Nam\",]"),
      with("\"names_en\":[\"Viet Nam\",\"Vietnam\"]", "\"names_en\":[\"Viet Nam\",1]"),
      with("\"names_en\":[\"Viet Nam\",\"Vietnam\"]", "\"names_en\":\"Viet Nam\""),
      with(",\"wikidata\":\"Q881\"", ""),                       // a key missing
      with("{\"alias_keys\"", "{\"type\":\"law\",\"alias_keys\""),  // a key twice
      canonical + "x",                                          // trailing bytes
      canonical + " ",                                          // trailing space
      canonical.substr(0, canonical.size() - 1),                // truncated
      R"({"id":"x","type":"law"})",                             // the minimal record
      "",
  };
  for (const auto& text : texts) {
    SCOPED_TRACE(text);
    auto want = NodeParsedByJson(text);
    auto got = DecodeNode(text);
    ASSERT_EQ(got.has_value(), want.has_value());
    if (got) ExpectSame(*got, *want);
  }
}

// The indexer keeps contributions in a file of these lines until the search
// index has committed: every field must come back, and one line each.
TEST(RecordCodecTest, DocumentContributionRoundTripsOnOneLine) {
  DocumentContribution c;
  c.doc_id = "vi-luat-2018";
  c.entities = {"asean", "china", "viet-nam"};
  Evidence typed;
  typed.doc_id = c.doc_id;
  typed.begin = 4294967295u;
  typed.end = 12;
  typed.passage = 3;
  typed.date = "2018-06";
  typed.trigger = "hợp tác với";
  typed.text = "Việt Nam hợp tác với Trung Quốc.\nDòng \"hai\"\t\\ và \x01.";
  Evidence co;
  co.doc_id = c.doc_id;
  c.evidence = {{{"viet-nam", "cooperates_with", "china"}, typed}, {{"asean", "co_mention", "china"}, co}};
  const std::string line = EncodeDocumentContribution(c);
  EXPECT_EQ(line.find('\n'), std::string::npos) << line;
  auto back = DecodeDocumentContribution(line);
  ASSERT_TRUE(back.has_value()) << line;
  EXPECT_EQ(back->doc_id, c.doc_id);
  EXPECT_EQ(back->entities, c.entities);
  ASSERT_EQ(back->evidence.size(), c.evidence.size());
  for (size_t i = 0; i < c.evidence.size(); ++i) {
    const auto& [k, e] = back->evidence[i];
    EXPECT_EQ(k, c.evidence[i].first);
    EXPECT_EQ(e.doc_id, c.evidence[i].second.doc_id);
    EXPECT_EQ(e.begin, c.evidence[i].second.begin);
    EXPECT_EQ(e.end, c.evidence[i].second.end);
    EXPECT_EQ(e.passage, c.evidence[i].second.passage);
    EXPECT_EQ(e.date, c.evidence[i].second.date);
    EXPECT_EQ(e.trigger, c.evidence[i].second.trigger);
    EXPECT_EQ(e.text, c.evidence[i].second.text);
  }
  EXPECT_FALSE(DecodeDocumentContribution(line.substr(0, line.size() / 2)).has_value());
  EXPECT_FALSE(DecodeDocumentContribution(R"({"doc":"x"})").has_value());
  DocumentContribution empty;
  empty.doc_id = "e";
  auto empty_back = DecodeDocumentContribution(EncodeDocumentContribution(empty));
  ASSERT_TRUE(empty_back.has_value());
  EXPECT_TRUE(empty_back->entities.empty());
  EXPECT_TRUE(empty_back->evidence.empty());
}

}  // namespace
}  // namespace policygraph::graph
