// DecodeEdgeSummary reads the form EncodeEdgeSummary writes without the JSON
// parser; every other text must still decode exactly as the parser reads it.
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

}  // namespace
}  // namespace policygraph::graph
