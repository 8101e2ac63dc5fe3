// graph/adjacency_codec.h: a node's packed edge list, its order, its
// by-other index, the merge operands that keep it up to date, and what a
// malformed record or operand gives.
#include "graph/adjacency_codec.h"

#include <gtest/gtest.h>

#include <algorithm>

#include <string>
#include <tuple>
#include <vector>

namespace policygraph::graph {
namespace {

// "n<i>", built by appending: GCC 12 warns falsely (-Wrestrict) on
// "n" + std::to_string(i).
std::string NodeName(int i) {
  std::string name = "n";
  name += std::to_string(i);
  return name;
}

AdjacencyEntry E(bool outgoing, std::string relation, std::string other, uint32_t weight,
                 std::string first = "", std::string last = "", uint32_t evidence = 1) {
  return {outgoing, relation, other, weight, evidence, first, last};
}

using Row = std::tuple<bool, std::string, std::string, uint32_t, uint32_t, std::string, std::string>;

std::vector<Row> Rows(const std::string& record) {
  auto a = Adjacency::Parse(record);
  EXPECT_TRUE(a.has_value());
  std::vector<Row> rows;
  if (!a) return rows;
  AdjacencyEntryView v;
  for (size_t i = 0; i < a->size(); ++i) {
    EXPECT_TRUE(a->Entry(i, &v)) << i;
    rows.emplace_back(v.outgoing, std::string(v.relation), std::string(v.other), v.weight, v.evidence_count,
                      std::string(v.first_date), std::string(v.last_date));
  }
  return rows;
}

Row R(const AdjacencyEntry& e) {
  return {e.outgoing, e.relation, e.other, e.weight, e.evidence_count, e.first_date, e.last_date};
}

std::string Apply(const std::string* base, const std::vector<std::vector<AdjacencyChange>>& operands) {
  std::vector<std::string> encoded;
  for (const auto& o : operands) encoded.push_back(EncodeAdjacencyChanges(o));
  std::vector<std::string_view> views(encoded.begin(), encoded.end());
  std::string_view base_view = base ? std::string_view(*base) : std::string_view();
  std::string out;
  EXPECT_TRUE(ApplyAdjacencyChanges(base ? &base_view : nullptr, views, &out));
  return out;
}

TEST(AdjacencyCodecTest, EntriesComeInTraversalOrder) {
  // Weight descending; then outgoing before incoming; then relation; then
  // the other end, byte-wise: the order a stable sort by weight gave the
  // out-then-in key scans.
  const std::vector<AdjacencyEntry> want = {
      E(true, "cooperation", "laos", 5, "2020-01-02", "2024"),
      E(false, "co_mention", "asean", 5),
      E(true, "co_mention", "japan", 2, "2021", "2021"),
      E(true, "co_mention", "korea", 2),
      E(true, "membership", "apec", 2),
      E(false, "co_mention", "apec", 2),
      E(false, "co_mention", std::string("x\0y", 3), 2),
      E(false, "investment", "apec", 1, "", "", 7),
  };
  std::vector<AdjacencyEntry> shuffled = {want[5], want[2], want[7], want[0], want[6], want[3], want[1], want[4]};
  std::vector<Row> expected;
  for (const auto& e : want) expected.push_back(R(e));
  EXPECT_EQ(Rows(EncodeAdjacency(shuffled)), expected);
}

TEST(AdjacencyCodecTest, FindOtherListsEveryEntryOfThatEndInRecordOrder) {
  const std::string long_end(200, 'z');  // its length takes two bytes
  const std::string record = EncodeAdjacency({
      E(true, "co_mention", "apec", 1), E(false, "membership", "apec", 3), E(true, "cooperation", "laos", 2),
      E(false, "co_mention", "apec-plus", 9), E(true, "investment", "apec", 3), E(true, "co_mention", "", 1),
      E(false, "co_mention", long_end, 1)});
  auto a = Adjacency::Parse(record);
  ASSERT_TRUE(a.has_value());
  // Record order: apec-plus(9), investment apec(3, out), membership apec(3,
  // in), laos(2), "" (1, co_mention out), apec (1, co_mention out), the
  // long end (1, in).
  const std::vector<std::tuple<std::string, std::vector<uint32_t>>> cases = {
      {"apec", {1, 2, 5}}, {"apec-plus", {0}}, {"laos", {3}}, {"", {4}}, {long_end, {6}},
      {"ape", {}}, {"zzz", {}}, {"a", {}}, {long_end + "z", {}}};
  for (const auto& [other, numbers] : cases) {
    // The offsets of those entries.
    std::vector<uint32_t> want;
    for (uint32_t number : numbers) want.push_back(a->OffsetOf(number));
    std::vector<uint32_t> got;
    a->FindOther(other, &got);
    EXPECT_EQ(got, want) << "'" << other << "'";
  }
}

TEST(AdjacencyCodecTest, OffsetsGrowWithTheEntryNumberAndReadTheSameEntry) {
  std::vector<AdjacencyEntry> entries;
  for (int i = 0; i < 50; ++i) {
    entries.push_back(E(i % 2 == 0, "co_mention", NodeName(i), static_cast<uint32_t>(1 + i % 5),
                        "2020", "2021", static_cast<uint32_t>(i)));
  }
  auto a = Adjacency::Parse(EncodeAdjacency(entries));
  ASSERT_TRUE(a.has_value());
  AdjacencyEntryView by_number, by_offset;
  for (size_t i = 0; i < a->size(); ++i) {
    if (i > 0) {
      EXPECT_GT(a->OffsetOf(i), a->OffsetOf(i - 1)) << i;
    }
    ASSERT_TRUE(a->Entry(i, &by_number));
    ASSERT_TRUE(a->EntryAt(a->OffsetOf(i), &by_offset));
    EXPECT_EQ(by_offset.other, by_number.other);
    EXPECT_EQ(by_offset.weight, by_number.weight);
    EXPECT_EQ(by_offset.evidence_count, by_number.evidence_count);
    EXPECT_EQ(by_offset.outgoing, by_number.outgoing);
    EXPECT_EQ(by_offset.relation, by_number.relation);
    EXPECT_EQ(by_offset.last_date, by_number.last_date);
  }
  EXPECT_FALSE(a->EntryAt(1u << 30, &by_offset)) << "past the record";
}

// The by-other index's order: what FindOthers expects its argument in.
std::vector<OtherEndKey> Keys(const std::vector<std::string_view>& others) {
  std::vector<OtherEndKey> keys;
  for (auto other : others) keys.push_back(OtherEndKey::Of(other));
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  return keys;
}

TEST(AdjacencyCodecTest, FindOthersFindsWhatFindOtherFindsForEachEnd) {
  std::vector<AdjacencyEntry> entries;
  for (int i = 0; i < 300; ++i) {
    entries.push_back(E(i % 3 != 0, i % 2 ? "co_mention" : "cooperation", NodeName(i % 97),
                        static_cast<uint32_t>(1 + i % 7)));
  }
  auto a = Adjacency::Parse(EncodeAdjacency(entries));
  ASSERT_TRUE(a.has_value());
  const std::vector<std::vector<std::string_view>> queries = {
      {}, {"n0"}, {"n96", "n97"}, {"a", "n1", "n10", "n50", "n51", "n9", "z"}, {"n0", "n1", "n2", "n3", "n4", "n5"},
      {"n95", "n96"}, {"zz"}};
  for (const auto& others : queries) {
    std::vector<uint32_t> want, got;
    for (auto other : others) a->FindOther(other, &want);
    a->FindOthers(Keys(others), &got);
    std::sort(want.begin(), want.end());
    std::sort(got.begin(), got.end());
    EXPECT_EQ(got, want) << others.size();
  }
  std::vector<std::string> names;
  for (int i = 0; i < 97; ++i) names.push_back(NodeName(i));
  std::vector<uint32_t> got;
  a->FindOthers(Keys(std::vector<std::string_view>(names.begin(), names.end())), &got);
  std::vector<uint32_t> all;
  for (size_t i = 0; i < a->size(); ++i) all.push_back(a->OffsetOf(i));
  std::sort(got.begin(), got.end());
  EXPECT_EQ(got, all) << "every entry, each once";
}

TEST(AdjacencyCodecTest, OtherEndHashIsFnv1a) {
  // Part of the stored format: these must never change.
  EXPECT_EQ(OtherEndHash(""), 2166136261u);
  EXPECT_EQ(OtherEndHash("a"), 0xe40c292cu);
  EXPECT_EQ(OtherEndHash("foobar"), 0xbf9cf968u);
}

TEST(AdjacencyCodecTest, EndsSharingAHashAreToldApart) {
  // FNV-1a collisions: "costarring" and "liquid", "declinate" and "macallums".
  ASSERT_EQ(OtherEndHash("costarring"), OtherEndHash("liquid"));
  ASSERT_EQ(OtherEndHash("declinate"), OtherEndHash("macallums"));
  auto a = Adjacency::Parse(EncodeAdjacency({E(true, "co_mention", "liquid", 1), E(false, "co_mention", "costarring", 2),
                                             E(true, "cooperation", "liquid", 3), E(true, "co_mention", "declinate", 1)}));
  ASSERT_TRUE(a.has_value());
  // Record order: liquid (3), costarring (2), declinate (1, "d" < "l"), liquid (1).
  const std::vector<std::tuple<std::string_view, std::vector<uint32_t>>> cases = {
      {"liquid", {0, 3}}, {"costarring", {1}}, {"declinate", {2}}, {"macallums", {}}};
  for (const auto& [other, numbers] : cases) {
    std::vector<uint32_t> want, one, many;
    for (uint32_t number : numbers) want.push_back(a->OffsetOf(number));
    a->FindOther(other, &one);
    EXPECT_EQ(one, want) << other;
    a->FindOthers(Keys({other}), &many);
    EXPECT_EQ(many, want) << other;
  }
  std::vector<uint32_t> all;
  a->FindOthers(Keys({"liquid", "costarring", "declinate", "macallums"}), &all);
  std::sort(all.begin(), all.end());
  std::vector<uint32_t> every;
  for (uint32_t i = 0; i < 4; ++i) every.push_back(a->OffsetOf(i));
  EXPECT_EQ(all, every);
}

// `which` names, beside each offset, the key whose end the entry holds: an
// end sharing its hash with another must not take the other's place.
TEST(AdjacencyCodecTest, FindOthersSaysWhichEndEachOffsetHolds) {
  auto a = Adjacency::Parse(EncodeAdjacency({E(true, "co_mention", "liquid", 1), E(false, "co_mention", "costarring", 2),
                                             E(true, "cooperation", "liquid", 3), E(true, "co_mention", "declinate", 1),
                                             E(true, "co_mention", "n5", 4)}));
  ASSERT_TRUE(a.has_value());
  const auto keys = Keys({"liquid", "costarring", "declinate", "macallums", "n5", "zz"});
  std::vector<uint32_t> offsets, which;
  a->FindOthers(keys, &offsets, &which);
  ASSERT_EQ(offsets.size(), a->size());
  ASSERT_EQ(which.size(), offsets.size());
  AdjacencyEntryView v;
  for (size_t f = 0; f < offsets.size(); ++f) {
    ASSERT_LT(which[f], keys.size());
    ASSERT_TRUE(a->EntryAt(offsets[f], &v));
    EXPECT_EQ(v.other, keys[which[f]].other) << "offset " << offsets[f];
  }
}

TEST(AdjacencyCodecTest, EmptyRecord) {
  auto a = Adjacency::Parse(EncodeAdjacency({}));
  ASSERT_TRUE(a.has_value());
  EXPECT_EQ(a->size(), 0u);
  std::vector<uint32_t> got;
  a->FindOther("x", &got);
  EXPECT_TRUE(got.empty());
  AdjacencyEntryView v;
  EXPECT_FALSE(a->Entry(0, &v));
}

TEST(AdjacencyCodecTest, ChangesApplyInOrderAndTheLastOneWins) {
  const AdjacencyEntry coop = E(true, "cooperation", "laos", 1, "2020", "2020");
  const AdjacencyEntry coop2 = E(true, "cooperation", "laos", 4, "2020", "2023", 6);
  const AdjacencyEntry back = E(false, "cooperation", "laos", 3);  // same ends, other direction
  const AdjacencyEntry japan = E(true, "co_mention", "japan", 2);
  struct Case {
    const char* name;
    std::vector<std::vector<AdjacencyChange>> operands;
    std::vector<AdjacencyEntry> want;
  };
  const std::vector<Case> cases = {
      {"set on nothing", {{{false, coop}}}, {coop}},
      {"an update re-sorts", {{{false, coop}, {false, japan}}, {{false, coop2}}}, {coop2, japan}},
      {"directions are distinct entries", {{{false, coop}, {false, back}}}, {back, coop}},
      {"removal", {{{false, coop}, {false, japan}}, {{true, coop}}}, {japan}},
      {"removal of what is not there", {{{true, coop}}}, {}},
      {"removal then set again", {{{false, coop}}, {{true, coop}}, {{false, coop2}}}, {coop2}},
      {"within one operand too", {{{false, coop}, {true, coop}, {false, japan}}}, {japan}},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    std::vector<Row> want;
    for (const auto& e : c.want) want.push_back(R(e));
    EXPECT_EQ(Rows(Apply(nullptr, c.operands)), want);
    // Applied in two steps (as a compaction may: a merged base, then the
    // rest), the result is the same.
    if (c.operands.size() > 1) {
      const std::string base = Apply(nullptr, {c.operands.front()});
      EXPECT_EQ(Rows(Apply(&base, {c.operands.begin() + 1, c.operands.end()})), want);
    }
  }
}

TEST(AdjacencyCodecTest, MalformedInputIsReportedNotRead) {
  const std::string good = EncodeAdjacency({E(true, "co_mention", "japan", 2, "2021", "2022"),
                                            E(false, "membership", "asean", 1)});
  EXPECT_FALSE(Adjacency::Parse("").has_value());
  EXPECT_FALSE(Adjacency::Parse("B\x01").has_value()) << "magic";
  EXPECT_FALSE(Adjacency::Parse(std::string("A\x01\0\0", 4)).has_value()) << "format 1 (schema 2)";
  EXPECT_FALSE(Adjacency::Parse(std::string("A\x02\0\0", 4)).has_value()) << "format 2 (schema 3)";
  EXPECT_TRUE(Adjacency::Parse(std::string("A\x03\0\0", 4)).has_value()) << "this format, empty";
  EXPECT_FALSE(Adjacency::Parse(std::string("A\x04\0\0", 4)).has_value()) << "a later format";
  EXPECT_FALSE(Adjacency::Parse(good.substr(0, 8)).has_value()) << "arrays cut short";
  // Cut in the entries: the header parses, the entries report failure.
  auto cut = Adjacency::Parse(good.substr(0, good.size() - 3));
  ASSERT_TRUE(cut.has_value());
  AdjacencyEntryView v;
  EXPECT_TRUE(cut->Entry(0, &v));
  EXPECT_EQ(v.last_date, "2022");
  EXPECT_FALSE(cut->Entry(1, &v));
  EXPECT_FALSE(cut->Entry(2, &v)) << "past the end";

  std::string out;
  const std::string_view bad_base = "garbage";
  EXPECT_FALSE(ApplyAdjacencyChanges(&bad_base, {}, &out));
  const std::string op = EncodeAdjacencyChanges({{false, E(true, "co_mention", "japan", 2)}});
  for (const std::string& bad : {op.substr(0, op.size() - 1), op + "x", std::string("\x01\x07", 2)}) {
    std::vector<std::string_view> operands = {bad};
    EXPECT_FALSE(ApplyAdjacencyChanges(nullptr, operands, &out)) << bad.size();
  }
}

}  // namespace
}  // namespace policygraph::graph
