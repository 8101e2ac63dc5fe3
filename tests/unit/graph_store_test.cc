// graph::GraphStore (RocksDB) and graph::Neighbors, each test in a fresh
// TempDir. The document lifecycle tests follow one edge through add, support
// by a second document, re-indexing and removal, checking the summary, the
// evidence and the counters at each step: they are derived data that must
// never drift from the evidence on disk.

#include "graph/graph_store.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <functional>
#include <algorithm>
#include <memory>
#include <optional>
#include <map>
#include <random>
#include <set>
#include <string>
#include <tuple>
#include <string_view>
#include <vector>

#include <rocksdb/db.h>

#include "graph/record_codec.h"
#include "graph/traversal.h"
#include "tests/support/test_support.h"

namespace policygraph::graph {
namespace {

using policygraph::testing::TempDir;
using Strings = std::vector<std::string>;

Node MakeNode(std::string id, Strings alias_keys) {
  Node n;
  n.id = id;
  n.type = "country";
  n.names_en = {id};
  n.alias_keys = std::move(alias_keys);
  return n;
}

Evidence Ev(std::string doc, uint32_t begin, uint32_t end, std::string date) {
  Evidence e;
  e.doc_id = doc;
  e.begin = begin;
  e.end = end;
  e.date = date;
  e.text = doc + " sentence at " + std::to_string(begin);
  return e;
}

const EdgeKey kAseanChina{"asean", "co_mention", "china"};

class GraphStoreTest : public ::testing::Test {
 protected:
  void SetUp() override { Open({}); }

  void Open(const GraphStoreOptions& options) {
    store_.reset();
    Status s = GraphStore::Open((dir_.path() / "graph").string(), options, &store_);
    ASSERT_TRUE(s.ok()) << s.message();
    ASSERT_NE(store_, nullptr);
  }

  void Replace(const DocumentContribution& c) {
    Status s = store_->ReplaceDocument(c);
    ASSERT_TRUE(s.ok()) << s.message();
  }

  Strings HitIds(const std::string& prefix, size_t limit) const {
    Strings ids;
    for (const auto& h : store_->FindByAliasPrefix(prefix, limit)) ids.push_back(h.id);
    return ids;
  }

  void ExpectCounts(uint64_t nodes, uint64_t edges, uint64_t documents) const {
    const GraphCounts c = store_->Counts();
    EXPECT_EQ(c.nodes, nodes);
    EXPECT_EQ(c.edges, edges);
    EXPECT_EQ(c.documents, documents);
  }

  // A node's adjacency record as rows: (source, relation, target, weight,
  // evidence count, first date, last date).
  using Row = std::tuple<std::string, std::string, std::string, uint32_t, uint32_t, std::string, std::string>;
  std::vector<Row> AdjacencyRows(const std::string& id) const {
    std::vector<Row> rows;
    auto a = store_->AdjacencyOf(id);
    if (!a) return rows;
    AdjacencyEntryView v;
    for (size_t i = 0; i < a->size(); ++i) {
      EXPECT_TRUE(a->Entry(i, &v)) << id << " entry " << i;
      const std::string other(v.other);
      rows.emplace_back(v.outgoing ? id : other, std::string(v.relation), v.outgoing ? other : id, v.weight,
                        v.evidence_count, std::string(v.first_date), std::string(v.last_date));
    }
    return rows;
  }
  // What the record must hold: the out family's summaries of the node's
  // edges, as EdgesOf reads them, stably sorted by weight.
  std::vector<Row> EdgeRows(const std::string& id) const {
    auto edges = store_->EdgesOf(id);
    std::stable_sort(edges.begin(), edges.end(),
                     [](const EdgeSummary& a, const EdgeSummary& b) { return a.weight > b.weight; });
    std::vector<Row> rows;
    for (const auto& e : edges) {
      rows.emplace_back(e.key.source, e.key.relation, e.key.target, e.weight, e.evidence_count, e.first_date,
                        e.last_date);
    }
    return rows;
  }

  TempDir dir_;
  std::unique_ptr<GraphStore> store_;
};

TEST_F(GraphStoreTest, EmptyStore) {
  ExpectCounts(0, 0, 0);
  EXPECT_EQ(store_->GetNode("china"), std::nullopt);
  EXPECT_TRUE(store_->EdgesOf("china").empty());
  EXPECT_TRUE(store_->DocumentIds().empty());
  EXPECT_EQ(store_->EntitiesOfDocument("doc"), std::nullopt);
  EXPECT_TRUE(store_->FindByAliasPrefix("", 10).empty());
}

TEST_F(GraphStoreTest, PutNodesAndGetNode) {
  Node china = MakeNode("china", {"china", "trung quoc"});
  china.wikidata = "Q148";
  china.names_vi = {"Trung Quốc"};
  china.member_of = {"un"};
  ASSERT_TRUE(store_->PutNodes({china, MakeNode("india", {"india", "an do"})}).ok());
  ExpectCounts(2, 0, 0);

  auto got = store_->GetNode("china");
  ASSERT_TRUE(got.has_value());
  EXPECT_EQ(got->id, "china");
  EXPECT_EQ(got->type, "country");
  EXPECT_EQ(got->wikidata, "Q148");
  EXPECT_EQ(got->names_en, Strings{"china"});
  EXPECT_EQ(got->names_vi, Strings{"Trung Quốc"});
  EXPECT_EQ(got->member_of, Strings{"un"});
  EXPECT_EQ(got->alias_keys, (Strings{"china", "trung quoc"}));
  EXPECT_EQ(store_->GetNode("chin"), std::nullopt) << "ids are exact, not prefixes";
}

TEST_F(GraphStoreTest, FindByAliasPrefix) {
  ASSERT_TRUE(store_
                  ->PutNodes({MakeNode("india", {"india", "an do"}),
                              MakeNode("indonesia", {"indonesia"}),
                              MakeNode("united-states", {"united states", "united states of america",
                                                         "hoa ky", "my"}),
                              MakeNode("china", {"china", "trung quoc"})})
                  .ok());
  EXPECT_EQ(HitIds("ind", 10), (Strings{"india", "indonesia"}));  // alias key order
  EXPECT_EQ(HitIds("ind", 1), Strings{"india"});
  // Two aliases of one node share the prefix: the node comes once.
  EXPECT_EQ(HitIds("united", 10), Strings{"united-states"});
  EXPECT_EQ(HitIds("trung q", 10), Strings{"china"});
  EXPECT_EQ(HitIds("an do", 10), Strings{"india"});
  EXPECT_TRUE(HitIds("x", 10).empty());
  EXPECT_TRUE(HitIds("indiana", 10).empty()) << "a longer prefix than the alias";
  // The empty prefix lists every node once, in alias key order.
  EXPECT_EQ(HitIds("", 10), (Strings{"india", "china", "united-states", "indonesia"}));
  EXPECT_EQ(HitIds("", 2), (Strings{"india", "china"}));

  const auto hits = store_->FindByAliasPrefix("united", 10);
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].alias_key, "united states") << "the first alias in key order";
}

TEST_F(GraphStoreTest, PutNodesReplacesAliases) {
  ASSERT_TRUE(store_->PutNodes({MakeNode("china", {"china", "trung quoc"})}).ok());
  ASSERT_TRUE(store_->PutNodes({MakeNode("china", {"china", "prc"})}).ok());
  ExpectCounts(1, 0, 0);  // a replaced node is not counted twice
  EXPECT_TRUE(HitIds("trung", 10).empty()) << "old alias must be gone";
  EXPECT_EQ(HitIds("prc", 10), Strings{"china"});
  EXPECT_EQ(store_->GetNode("china")->alias_keys, (Strings{"china", "prc"}));
}

TEST_F(GraphStoreTest, PutNodesWithTheSameIdTwiceInOneCall) {
  // The gazetteer rejects duplicate ids, so the indexer never does this; but
  // the counter and the alias index should still describe one node.
  ASSERT_TRUE(store_
                  ->PutNodes({MakeNode("china", {"trung quoc"}), MakeNode("china", {"prc"})})
                  .ok());
  EXPECT_EQ(store_->Counts().nodes, 1u);
  EXPECT_TRUE(HitIds("trung", 10).empty()) << "stale alias 'trung quoc' still indexed";
  EXPECT_EQ(store_->GetNode("china")->alias_keys, Strings{"prc"});
}

TEST_F(GraphStoreTest, DocumentLifecycle) {
  ASSERT_TRUE(store_->PutNodes({MakeNode("asean", {"asean"}), MakeNode("china", {"china"})}).ok());

  // 1. doc-a: two sentences support asean–china.
  Replace({"doc-a",
           {"asean", "china"},
           {{kAseanChina, Ev("doc-a", 0, 20, "2021-05-01")},
            {kAseanChina, Ev("doc-a", 30, 50, "2021-05-01")}}});
  {
    SCOPED_TRACE("after doc-a");
    ExpectCounts(2, 1, 1);
    auto edges = store_->EdgesOf("asean");
    ASSERT_EQ(edges.size(), 1u);
    EXPECT_EQ(edges[0].key, kAseanChina);
    EXPECT_EQ(edges[0].weight, 1u);
    EXPECT_EQ(edges[0].evidence_count, 2u);
  }

  // 2. doc-b supports the same edge: weight 2, dates span both documents.
  Replace({"doc-b", {"asean", "china"}, {{kAseanChina, Ev("doc-b", 10, 40, "2022-03")}}});
  {
    SCOPED_TRACE("after doc-b");
    ExpectCounts(2, 1, 2);
    for (const char* id : {"asean", "china"}) {  // out and in direction
      auto edges = store_->EdgesOf(id);
      ASSERT_EQ(edges.size(), 1u) << id;
      EXPECT_EQ(edges[0].key, kAseanChina);
      EXPECT_EQ(edges[0].weight, 2u);
      EXPECT_EQ(edges[0].evidence_count, 3u);
      EXPECT_EQ(edges[0].first_date, "2021-05-01");
      EXPECT_EQ(edges[0].last_date, "2022-03");
    }
    auto evidence = store_->EvidenceOf(kAseanChina, 10);
    ASSERT_EQ(evidence.size(), 3u);  // key order: doc, then begin
    EXPECT_EQ(evidence[0].doc_id, "doc-a");
    EXPECT_EQ(evidence[0].begin, 0u);
    EXPECT_EQ(evidence[0].end, 20u);
    EXPECT_EQ(evidence[0].date, "2021-05-01");
    EXPECT_EQ(evidence[0].text, "doc-a sentence at 0");
    EXPECT_EQ(evidence[1].doc_id, "doc-a");
    EXPECT_EQ(evidence[1].begin, 30u);
    EXPECT_EQ(evidence[2].doc_id, "doc-b");
    EXPECT_EQ(evidence[2].begin, 10u);
    EXPECT_EQ(store_->EvidenceOf(kAseanChina, 2).size(), 2u);
    EXPECT_EQ(store_->DocumentIds(), (Strings{"doc-a", "doc-b"}));
    EXPECT_EQ(store_->EntitiesOfDocument("doc-a"), (Strings{"asean", "china"}));
  }

  // 3. doc-a re-indexed without the edge: only doc-b's support is left.
  Replace({"doc-a", {"asean"}, {}});
  {
    SCOPED_TRACE("after re-indexing doc-a");
    ExpectCounts(2, 1, 2);
    auto edges = store_->EdgesOf("asean");
    ASSERT_EQ(edges.size(), 1u);
    EXPECT_EQ(edges[0].weight, 1u);
    EXPECT_EQ(edges[0].evidence_count, 1u);
    EXPECT_EQ(edges[0].first_date, "2022-03");
    EXPECT_EQ(edges[0].last_date, "2022-03");
    auto evidence = store_->EvidenceOf(kAseanChina, 10);
    ASSERT_EQ(evidence.size(), 1u);
    EXPECT_EQ(evidence[0].doc_id, "doc-b");
    EXPECT_EQ(store_->EntitiesOfDocument("doc-a"), Strings{"asean"});
  }

  // 4. doc-b removed: no support left, the edge goes in both directions.
  ASSERT_TRUE(store_->RemoveDocument("doc-b").ok());
  {
    SCOPED_TRACE("after removing doc-b");
    ExpectCounts(2, 0, 1);
    EXPECT_TRUE(store_->EdgesOf("asean").empty());
    EXPECT_TRUE(store_->EdgesOf("china").empty());
    EXPECT_TRUE(store_->EvidenceOf(kAseanChina, 10).empty());
    EXPECT_EQ(store_->DocumentIds(), Strings{"doc-a"});
    EXPECT_EQ(store_->EntitiesOfDocument("doc-b"), std::nullopt);
  }

  // 5. Removing an unknown document is OK and changes nothing.
  ASSERT_TRUE(store_->RemoveDocument("never-indexed").ok());
  ExpectCounts(2, 0, 1);
}

// A discovered node goes once no stored document names it and the caller
// does not keep it; gazetteer nodes stay whatever names them.
TEST_F(GraphStoreTest, UnusedDiscoveredNodesAreRemoved) {
  Node fund = MakeNode("d-fund", {"coral fund"});
  fund.type = "programme";
  fund.discovered = true;
  Node forum = MakeNode("d-forum", {"reef forum"});
  forum.type = "event";
  forum.discovered = true;
  Node fresh = MakeNode("d-fresh", {"fresh name"});
  fresh.discovered = true;
  ASSERT_TRUE(store_->PutNodes({MakeNode("asean", {"asean"}), MakeNode("china", {"china"}), fund, forum, fresh}).ok());
  Replace({"doc-a", {"asean", "d-fund"}, {}});
  Replace({"doc-b", {"china", "d-forum"}, {}});
  // doc-b is re-indexed without the forum; doc-a is removed.
  Replace({"doc-b", {"china"}, {}});
  ASSERT_TRUE(store_->RemoveDocument("doc-a").ok());
  size_t removed = 0;
  ASSERT_TRUE(store_->RemoveUnusedDiscoveredNodes({"d-fresh"}, &removed).ok());
  EXPECT_EQ(removed, 2u);
  EXPECT_FALSE(store_->GetNode("d-fund"));
  EXPECT_FALSE(store_->GetNode("d-forum"));
  EXPECT_TRUE(store_->FindByAliasPrefix("reef", 10).empty());
  EXPECT_TRUE(store_->GetNode("d-fresh"));  // kept by the caller
  EXPECT_TRUE(store_->GetNode("asean"));    // gazetteer nodes stay unnamed
  EXPECT_EQ(store_->Counts().nodes, 3u);
  ASSERT_TRUE(store_->RemoveUnusedDiscoveredNodes({"d-fresh"}, &removed).ok());
  EXPECT_EQ(removed, 0u);
}

TEST_F(GraphStoreTest, ReplacingWithTheSameContributionIsIdempotent) {
  const DocumentContribution doc{
      "doc", {"asean", "china"}, {{kAseanChina, Ev("doc", 5, 9, "2020")}}};
  Replace(doc);
  Replace(doc);
  ExpectCounts(0, 1, 1);
  auto edges = store_->EdgesOf("china");
  ASSERT_EQ(edges.size(), 1u);
  EXPECT_EQ(edges[0].weight, 1u);
  EXPECT_EQ(edges[0].evidence_count, 1u);
  EXPECT_EQ(store_->EvidenceOf(kAseanChina, 10).size(), 1u);
}

TEST_F(GraphStoreTest, EdgesOfDoesNotLeakIntoIdsWithTheSamePrefix) {
  // "asean" is a byte prefix of "asean-plus": the scan must stop at the id.
  const EdgeKey other{"asean-plus", "co_mention", "japan"};
  Replace({"doc", {}, {{kAseanChina, Ev("doc", 0, 1, "")}, {other, Ev("doc", 2, 3, "")}}});
  auto edges = store_->EdgesOf("asean");
  ASSERT_EQ(edges.size(), 1u);
  EXPECT_EQ(edges[0].key, kAseanChina);
  EXPECT_EQ(edges[0].first_date, "") << "no dates known";
  EXPECT_EQ(store_->EvidenceOf(kAseanChina, 10).size(), 1u);
}

TEST_F(GraphStoreTest, EdgesOfWithAKeyTestKeepsTheEdgesItWantsInOrder) {
  // "china" is the source of two edges and the target of two.
  const EdgeKey coop{"asean", "cooperation", "china"};
  const EdgeKey invest{"china", "investment", "laos"};
  const EdgeKey member{"china", "membership", "rcep"};
  Replace({"doc", {}, {{kAseanChina, Ev("doc", 0, 1, "2021")}, {coop, Ev("doc", 2, 3, "2022")},
                        {invest, Ev("doc", 4, 5, "")}, {member, Ev("doc", 6, 7, "2020")}}});
  auto keys = [](const std::vector<EdgeSummary>& edges) {
    std::vector<EdgeKey> out;
    for (const auto& e : edges) out.push_back(e.key);
    return out;
  };
  const auto all = store_->EdgesOf("china");
  EXPECT_EQ(keys(all), (std::vector<EdgeKey>{invest, member, kAseanChina, coop}))
      << "outgoing first, then incoming, each in key order (target, relation, source)";
  EXPECT_EQ(keys(store_->EdgesOf("china", [](std::string_view, std::string_view) { return true; })), keys(all));
  auto by_relation = store_->EdgesOf("china", [](std::string_view relation, std::string_view) {
    return relation != "co_mention" && relation != "investment";
  });
  EXPECT_EQ(keys(by_relation), (std::vector<EdgeKey>{member, coop}));
  auto by_other = store_->EdgesOf("china", [](std::string_view, std::string_view other) {
    return other == "asean" || other == "laos";
  });
  ASSERT_EQ(keys(by_other), (std::vector<EdgeKey>{invest, kAseanChina, coop}));
  EXPECT_EQ(by_other[2].first_date, "2022") << "an incoming edge's summary is read";
  EXPECT_EQ(by_other[2].weight, 1u);
  EXPECT_TRUE(store_->EdgesOf("china", [](std::string_view, std::string_view) { return false; }).empty());
}

// The adjacency record is derived data: through a second document sharing
// an edge, a re-index, a removal and an edge losing all support, both ends'
// records hold exactly the edges' summaries.
// GetNodes and AdjacenciesOf (one MultiGet each) give, key by key, what
// GetNode and AdjacencyOf give: ids with no record, an id asked twice, an
// empty batch.
TEST_F(GraphStoreTest, BatchedReadsGiveWhatSingleReadsGive) {
  ASSERT_TRUE(store_->PutNodes({MakeNode("asean", {"asean"}), MakeNode("china", {"trung quoc"}),
                                MakeNode("lonely", {})}).ok());
  Replace({"d1", {"asean", "china"}, {{kAseanChina, Ev("d1", 0, 10, "2021-05-01")}}});
  Replace({"d2", {"china", "ghost"}, {{{"china", "cooperation", "ghost"}, Ev("d2", 0, 9, "")}}});
  ASSERT_TRUE(store_->Commit().ok());
  const std::vector<std::string_view> ids = {"china", "ghost", "lonely", "nobody", "asean", "china"};
  std::vector<std::optional<Node>> nodes;
  store_->GetNodes(ids, &nodes);
  ASSERT_EQ(nodes.size(), ids.size());
  std::vector<std::optional<Adjacency>> records;
  store_->AdjacenciesOf(ids, &records);
  ASSERT_EQ(records.size(), ids.size());
  for (size_t k = 0; k < ids.size(); ++k) {
    const std::string id(ids[k]);
    const auto node = store_->GetNode(id);
    ASSERT_EQ(nodes[k].has_value(), node.has_value()) << id;
    if (node) {
      EXPECT_EQ(EncodeNode(*nodes[k]), EncodeNode(*node)) << id;
    }
    const auto record = store_->AdjacencyOf(id);
    ASSERT_EQ(records[k].has_value(), record.has_value()) << id;
    if (!record) continue;
    ASSERT_EQ(records[k]->size(), record->size()) << id;
    AdjacencyEntryView a, b;
    for (size_t i = 0; i < record->size(); ++i) {
      ASSERT_TRUE(records[k]->Entry(i, &a) && record->Entry(i, &b)) << id;
      EXPECT_EQ(std::tie(a.outgoing, a.relation, a.other, a.weight, a.evidence_count, a.first_date, a.last_date),
                std::tie(b.outgoing, b.relation, b.other, b.weight, b.evidence_count, b.first_date, b.last_date))
          << id << " entry " << i;
    }
  }
  EXPECT_TRUE(nodes[0].has_value());
  EXPECT_FALSE(nodes[1].has_value()) << "ghost has edges but no node";
  EXPECT_FALSE(records[2].has_value()) << "lonely has a node but no edges";
  EXPECT_FALSE(nodes[3].has_value());
  EXPECT_FALSE(records[3].has_value());
  store_->GetNodes({}, &nodes);
  EXPECT_TRUE(nodes.empty());
  store_->AdjacenciesOf({}, &records);
  EXPECT_TRUE(records.empty());
}

TEST_F(GraphStoreTest, AdjacencyRecordFollowsEveryDocumentChange) {
  const EdgeKey coop{"china", "cooperation", "laos"};
  auto row = [](const EdgeKey& k, uint32_t weight, uint32_t evidence, std::string first, std::string last) {
    return Row{k.source, k.relation, k.target, weight, evidence, first, last};
  };
  auto expect = [&](const std::string& id, const std::vector<Row>& want) {
    EXPECT_EQ(AdjacencyRows(id), want) << id;
    EXPECT_EQ(AdjacencyRows(id), EdgeRows(id)) << id;
  };
  EXPECT_FALSE(store_->AdjacencyOf("china").has_value()) << "no edges, no record";

  Replace({"doc-a", {"asean", "china"}, {{kAseanChina, Ev("doc-a", 0, 20, "2021-05-01")}}});
  {
    SCOPED_TRACE("doc-a");
    expect("asean", {row(kAseanChina, 1, 1, "2021-05-01", "2021-05-01")});
    expect("china", {row(kAseanChina, 1, 1, "2021-05-01", "2021-05-01")});
  }
  // Two documents share asean–china; doc-b also links china and laos.
  Replace({"doc-b", {"asean", "china", "laos"},
           {{kAseanChina, Ev("doc-b", 0, 9, "2022-03")}, {kAseanChina, Ev("doc-b", 10, 19, "2020")},
            {coop, Ev("doc-b", 20, 29, "2022")}}});
  {
    SCOPED_TRACE("doc-b shares the edge");
    expect("asean", {row(kAseanChina, 2, 3, "2020", "2022-03")});
    // Weight first; equal weights: outgoing (china is coop's source) first.
    expect("china", {row(kAseanChina, 2, 3, "2020", "2022-03"), row(coop, 1, 1, "2022", "2022")});
    expect("laos", {row(coop, 1, 1, "2022", "2022")});
  }
  // doc-a re-indexed: it now supports coop and no longer asean–china.
  Replace({"doc-a", {"china", "laos"}, {{coop, Ev("doc-a", 0, 9, "2019")}}});
  {
    SCOPED_TRACE("doc-a re-indexed");
    expect("asean", {row(kAseanChina, 1, 2, "2020", "2022-03")});
    expect("china", {row(coop, 2, 2, "2019", "2022"), row(kAseanChina, 1, 2, "2020", "2022-03")});
    expect("laos", {row(coop, 2, 2, "2019", "2022")});
  }
  // doc-b removed: asean–china loses its last support and leaves both
  // records; coop keeps doc-a's.
  ASSERT_TRUE(store_->RemoveDocument("doc-b").ok());
  {
    SCOPED_TRACE("doc-b removed");
    expect("asean", {});
    expect("china", {row(coop, 1, 1, "2019", "2019")});
    expect("laos", {row(coop, 1, 1, "2019", "2019")});
  }
  ASSERT_TRUE(store_->RemoveDocument("doc-a").ok());
  for (const char* id : {"asean", "china", "laos"}) expect(id, {});

  // Merged by Commit's compaction, read by a secondary instance: the same.
  Replace({"doc-c", {"asean", "china"}, {{kAseanChina, Ev("doc-c", 0, 9, "2023")}}});
  ASSERT_TRUE(store_->Commit().ok());
  GraphStoreOptions read_only;
  read_only.read_only = true;
  Open(read_only);
  expect("china", {row(kAseanChina, 1, 1, "2023", "2023")});
  expect("laos", {});
}

// Many documents replaced and removed at random over a few nodes: after each
// step every node's record equals its edges' summaries, before and after a
// commit (which merges the records' operands).
TEST_F(GraphStoreTest, AdjacencyRecordsStayExactUnderRandomUpdates) {
  const Strings ids = {"a", "b", "c", "d", "e"};
  const Strings relations = {"co_mention", "cooperation", "membership"};
  std::mt19937 rng(6);
  auto pick = [&](const Strings& from) { return from[rng() % from.size()]; };
  for (int step = 0; step < 120; ++step) {
    const std::string doc = "doc-" + std::to_string(rng() % 8);
    if (rng() % 4 == 0) {
      ASSERT_TRUE(store_->RemoveDocument(doc).ok());
    } else {
      DocumentContribution c{doc, {}, {}};
      const int sentences = static_cast<int>(rng() % 4);
      for (int k = 0; k < sentences; ++k) {
        const std::string date = rng() % 3 == 0 ? "" : "202" + std::to_string(rng() % 5);
        c.evidence.push_back({{pick(ids), pick(relations), pick(ids)}, Ev(doc, 10u * k, 10u * k + 5, date)});
      }
      Replace(c);
    }
    if (step % 40 == 39) {
      ASSERT_TRUE(store_->Commit().ok());
    }
    for (const auto& id : ids) {
      ASSERT_EQ(AdjacencyRows(id), EdgeRows(id)) << "step " << step << ", node " << id;
    }
  }
}

// Each edge's summary (weight, evidence count, first and last date), kept
// incrementally where a document adds to an edge it did not support before
// and re-derived where it replaces or removes its own evidence, equals one
// computed from scratch from every document's current contribution.
TEST_F(GraphStoreTest, EdgeSummariesEqualOnesComputedFromScratch) {
  const Strings ids = {"a", "b", "c", "d"};
  const Strings relations = {"co_mention", "cooperation"};
  std::mt19937 rng(11);
  auto pick = [&](const Strings& from) { return from[rng() % from.size()]; };
  std::map<std::string, DocumentContribution> current;  // what each stored document contributes
  for (int step = 0; step < 200; ++step) {
    const std::string doc = "doc-" + std::to_string(rng() % 10);
    if (rng() % 5 == 0) {
      ASSERT_TRUE(store_->RemoveDocument(doc).ok());
      current.erase(doc);
    } else {
      DocumentContribution c{doc, {}, {}};
      const int sentences = static_cast<int>(rng() % 4);
      for (int k = 0; k < sentences; ++k) {
        const std::string source = pick(ids), target = pick(ids);
        if (source == target) continue;
        const std::string date = rng() % 3 == 0 ? "" : "202" + std::to_string(rng() % 5);
        c.evidence.push_back({{source, pick(relations), target}, Ev(doc, 10u * k, 10u * k + 5, date)});
      }
      Replace(c);
      current[doc] = c;
    }
    std::map<EdgeKey, EdgeSummary> expected;
    std::map<EdgeKey, std::set<std::string>> supporting;
    for (const auto& [doc_id, c] : current) {
      for (const auto& [edge, ev] : c.evidence) {
        EdgeSummary& e = expected[edge];
        e.key = edge;
        supporting[edge].insert(doc_id);
        ++e.evidence_count;
        if (ev.date.empty()) continue;
        if (e.first_date.empty() || ev.date < e.first_date) e.first_date = ev.date;
        if (e.last_date.empty() || ev.date > e.last_date) e.last_date = ev.date;
      }
    }
    std::set<std::tuple<std::string, std::string, std::string, uint32_t, uint32_t, std::string, std::string>> want,
        got;
    for (auto& [edge, e] : expected) {
      e.weight = static_cast<uint32_t>(supporting[edge].size());
      want.emplace(edge.source, edge.relation, edge.target, e.weight, e.evidence_count, e.first_date, e.last_date);
    }
    for (const auto& id : ids) {
      for (const auto& e : store_->EdgesOf(id)) {
        got.emplace(e.key.source, e.key.relation, e.key.target, e.weight, e.evidence_count, e.first_date,
                    e.last_date);
      }
    }
    ASSERT_EQ(got, want) << "step " << step;
  }
}

// A store written by an older build (schema 1: no adjacency family) is
// refused with the re-index message, by a writer and by a reader, and left
// as it was.
TEST_F(GraphStoreTest, AStoreOfAnOlderSchemaAsksForAReindex) {
  const std::string path = (dir_.path() / "old").string();
  {
    rocksdb::Options options;
    options.create_if_missing = true;
    options.create_missing_column_families = true;
    std::vector<rocksdb::ColumnFamilyDescriptor> families;
    for (const char* name : {"default", "nodes", "aliases", "out", "in", "evidence", "docs", "meta"}) {
      families.emplace_back(name, rocksdb::ColumnFamilyOptions());
    }
    std::vector<rocksdb::ColumnFamilyHandle*> handles;
    rocksdb::DB* raw = nullptr;
    ASSERT_TRUE(rocksdb::DB::Open(options, path, families, &handles, &raw).ok());
    std::unique_ptr<rocksdb::DB> db(raw);
    ASSERT_TRUE(db->Put(rocksdb::WriteOptions(), handles[7], "schema_version", "1").ok());
    for (auto* h : handles) ASSERT_TRUE(db->DestroyColumnFamilyHandle(h).ok());
  }
  GraphStoreOptions read_only;
  read_only.read_only = true;
  for (const GraphStoreOptions& options : {GraphStoreOptions(), read_only}) {
    std::unique_ptr<GraphStore> old;
    Status s = GraphStore::Open(path, options, &old);
    EXPECT_EQ(s.code(), Status::Code::kCorruption) << s.message();
    EXPECT_EQ(old, nullptr);
    EXPECT_NE(s.message().find("schema version 1"), std::string::npos) << s.message();
    EXPECT_NE(s.message().find("re-index"), std::string::npos) << s.message();
  }
  std::vector<std::string> families;
  ASSERT_TRUE(rocksdb::DB::ListColumnFamilies(rocksdb::DBOptions(), path, &families).ok());
  EXPECT_EQ(families.size(), 8u) << "the old store gained a family";
}

// A store of schema 2 or 3 has every family, but its adjacency records are
// in a format this build cannot read (1: the other end after four fields,
// an index of entry numbers; 2: an index of offsets ordered by the ends'
// bytes, without hashes): refused with the re-index message, by a writer
// and by a reader, and its version and records left as they were.
void ExpectAnOlderRecordFormatAsksForAReindex(const std::string& path, const std::string& version,
                                              const std::string& old_record) {
  auto with_store = [&](bool create, const std::function<void(rocksdb::DB*, std::vector<rocksdb::ColumnFamilyHandle*>&)>& fn) {
    rocksdb::Options options;
    options.create_if_missing = create;
    options.create_missing_column_families = create;
    std::vector<rocksdb::ColumnFamilyDescriptor> families;
    for (const char* name : {"default", "nodes", "aliases", "out", "in", "evidence", "docs", "meta", "adjacency"}) {
      families.emplace_back(name, rocksdb::ColumnFamilyOptions());
    }
    std::vector<rocksdb::ColumnFamilyHandle*> handles;
    rocksdb::DB* raw = nullptr;
    ASSERT_TRUE(rocksdb::DB::Open(options, path, families, &handles, &raw).ok());
    std::unique_ptr<rocksdb::DB> db(raw);
    fn(db.get(), handles);
    for (auto* h : handles) ASSERT_TRUE(db->DestroyColumnFamilyHandle(h).ok());
  };
  with_store(true, [&](rocksdb::DB* db, std::vector<rocksdb::ColumnFamilyHandle*>& handles) {
    ASSERT_TRUE(db->Put(rocksdb::WriteOptions(), handles[7], "schema_version", version).ok());
    ASSERT_TRUE(db->Put(rocksdb::WriteOptions(), handles[8], "china", old_record).ok());
  });
  GraphStoreOptions read_only;
  read_only.read_only = true;
  for (const GraphStoreOptions& options : {GraphStoreOptions(), read_only}) {
    std::unique_ptr<GraphStore> old;
    Status s = GraphStore::Open(path, options, &old);
    EXPECT_EQ(s.code(), Status::Code::kCorruption) << s.message();
    EXPECT_EQ(old, nullptr);
    EXPECT_NE(s.message().find("schema version " + version), std::string::npos) << s.message();
    EXPECT_NE(s.message().find("re-index"), std::string::npos) << s.message();
  }
  with_store(false, [&](rocksdb::DB* db, std::vector<rocksdb::ColumnFamilyHandle*>& handles) {
    std::string value;
    ASSERT_TRUE(db->Get(rocksdb::ReadOptions(), handles[7], "schema_version", &value).ok());
    EXPECT_EQ(value, version);
    ASSERT_TRUE(db->Get(rocksdb::ReadOptions(), handles[8], "china", &value).ok());
    EXPECT_EQ(value, old_record);
  });
}

TEST_F(GraphStoreTest, AStoreOfSchemaTwoAsksForAReindex) {
  // Format 1's record of one edge, as schema 2 wrote it.
  static constexpr char kOldRecord[] =
      "A\x01\x01\x01\x0a" "co_mention" "\0\0\0\0" "\0\0\0\0" "\x02\x01\x01\x00\x05" "japan" "\0\0";
  ExpectAnOlderRecordFormatAsksForAReindex((dir_.path() / "v2").string(), "2",
                                           std::string(kOldRecord, sizeof kOldRecord - 1));
}

TEST_F(GraphStoreTest, AStoreOfSchemaThreeAsksForAReindex) {
  // Format 2's record of the same edge, as schema 3 wrote it.
  static constexpr char kOldRecord[] =
      "A\x02\x01\x01\x0a" "co_mention" "\0\0\0\0" "\0\0\0\0" "\x05" "japan" "\x02\x01\x01\x00\x00\x00";
  ExpectAnOlderRecordFormatAsksForAReindex((dir_.path() / "v3").string(), "3",
                                           std::string(kOldRecord, sizeof kOldRecord - 1));
}

TEST_F(GraphStoreTest, ReopenReadOnly) {
  ASSERT_TRUE(store_->PutNodes({MakeNode("asean", {"asean"}), MakeNode("china", {"china"})}).ok());
  Replace({"doc", {"asean", "china"}, {{kAseanChina, Ev("doc", 0, 10, "2022")}}});
  ASSERT_TRUE(store_->Commit().ok());
  GraphStoreOptions read_only;
  read_only.read_only = true;
  Open(read_only);

  ExpectCounts(2, 1, 1);
  EXPECT_TRUE(store_->GetNode("asean").has_value());
  EXPECT_EQ(store_->EdgesOf("china").size(), 1u);
  EXPECT_EQ(store_->EvidenceOf(kAseanChina, 10).size(), 1u);
  EXPECT_EQ(HitIds("chi", 10), Strings{"china"});

  EXPECT_FALSE(store_->PutNodes({MakeNode("x", {})}).ok());
  EXPECT_FALSE(store_->ReplaceDocument({"doc2", {}, {}}).ok());
  EXPECT_FALSE(store_->RemoveDocument("doc").ok());
  EXPECT_TRUE(store_->Commit().ok()) << "nothing to sync";
  ExpectCounts(2, 1, 1);
}

// A reader opened beside a running writer (the server beside `policygraph
// index`) holds the graph as it was when opened, and its sequence number
// says exactly which state that is.
TEST_F(GraphStoreTest, ReadOnlyBesideAWriterIsAFixedView) {
  ASSERT_TRUE(store_->PutNodes({MakeNode("asean", {"asean"}), MakeNode("china", {"china"})}).ok());
  Replace({"doc", {"asean", "china"}, {{kAseanChina, Ev("doc", 0, 10, "2022")}}});
  ASSERT_TRUE(store_->Commit().ok());
  const uint64_t first = store_->Sequence();
  GraphStoreOptions read_only;
  read_only.read_only = true;
  std::unique_ptr<GraphStore> before;
  Status s = GraphStore::Open((dir_.path() / "graph").string(), read_only, &before);
  ASSERT_TRUE(s.ok()) << s.message();
  EXPECT_EQ(before->Sequence(), first);

  // The writer goes on: a second document, and the first one's evidence
  // replaced.
  Replace({"doc2", {"asean", "china"}, {{kAseanChina, Ev("doc2", 0, 10, "2023")}}});
  Replace({"doc", {"asean", "china"}, {{kAseanChina, Ev("doc", 20, 30, "2024")}}});
  ASSERT_TRUE(store_->Commit().ok());
  EXPECT_GT(store_->Sequence(), first);

  EXPECT_EQ(before->Sequence(), first) << "a reader never catches up by itself";
  EXPECT_EQ(before->Counts().documents, 1u);
  auto old_evidence = before->EvidenceOf(kAseanChina, 10);
  ASSERT_EQ(old_evidence.size(), 1u);
  EXPECT_EQ(old_evidence[0].begin, 0u);
  EXPECT_FALSE(before->PutNodes({MakeNode("x", {})}).ok());

  std::unique_ptr<GraphStore> after;
  s = GraphStore::Open((dir_.path() / "graph").string(), read_only, &after);
  ASSERT_TRUE(s.ok()) << s.message();
  EXPECT_EQ(after->Sequence(), store_->Sequence());
  EXPECT_EQ(after->Counts().documents, 2u);
  EXPECT_EQ(after->EvidenceOf(kAseanChina, 10).size(), 2u);
  // The readers wrote no LOG of their own (RocksDB's read-only mode moved
  // the writer's LOG aside to LOG.old.* for one).
  for (const auto& entry : std::filesystem::directory_iterator(dir_.path() / "graph")) {
    EXPECT_NE(entry.path().filename().string().rfind("LOG.old", 0), 0u) << entry.path();
  }
}

TEST_F(GraphStoreTest, OpenFailures) {
  std::unique_ptr<GraphStore> second;
  // The first store holds the write lock.
  Status s = GraphStore::Open((dir_.path() / "graph").string(), {}, &second);
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(second, nullptr);

  GraphStoreOptions no_create;
  no_create.create_if_missing = false;
  s = GraphStore::Open((dir_.path() / "missing").string(), no_create, &second);
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(second, nullptr);

  GraphStoreOptions read_only;
  read_only.read_only = true;
  s = GraphStore::Open((dir_.path() / "missing2").string(), read_only, &second);
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(second, nullptr);
}

// a - b - c chain (a–b twice as strong as b–c), plus an edge from b to
// "ghost", an id with no node (an entity dropped from the gazetteer).
class TraversalTest : public GraphStoreTest {
 protected:
  void SetUp() override {
    GraphStoreTest::SetUp();
    ASSERT_TRUE(store_->PutNodes({MakeNode("a", {}), MakeNode("b", {}), MakeNode("c", {})}).ok());
    Replace({"d1", {"a", "b"}, {{kAB, Ev("d1", 0, 5, "")}}});
    Replace({"d2", {"a", "b", "c"}, {{kAB, Ev("d2", 0, 5, "")}, {kBC, Ev("d2", 6, 9, "")}}});
    Replace({"d3", {"b"}, {{kBGhost, Ev("d3", 0, 5, "")}}});
  }

  Status Run(const std::string& id, int depth, size_t max_nodes = 200) {
    NeighborhoodRequest req;
    req.id = id;
    req.depth = depth;
    req.max_nodes = max_nodes;
    return Neighbors(*store_, req, &hood_);
  }

  Strings NodeIds() const {
    Strings ids;
    for (const auto& n : hood_.nodes) ids.push_back(n.id);
    return ids;
  }

  std::vector<EdgeKey> EdgeKeys() const {
    std::vector<EdgeKey> keys;
    for (const auto& e : hood_.edges) keys.push_back(hood_.Summary(e).key);
    return keys;
  }

  const EdgeKey kAB{"a", "co_mention", "b"};
  const EdgeKey kBC{"b", "co_mention", "c"};
  const EdgeKey kBGhost{"b", "co_mention", "ghost"};
  Neighborhood hood_;
};

TEST_F(TraversalTest, DepthOne) {
  ASSERT_TRUE(Run("a", 1).ok());
  EXPECT_EQ(NodeIds(), (Strings{"a", "b"}));
  EXPECT_EQ(EdgeKeys(), std::vector<EdgeKey>{kAB});
  EXPECT_EQ(hood_.edges[0].weight, 2u);
  EXPECT_FALSE(hood_.truncated);
}

TEST_F(TraversalTest, DepthTwoAndThree) {
  for (int depth : {2, 3}) {
    SCOPED_TRACE(depth);
    ASSERT_TRUE(Run("a", depth).ok());
    EXPECT_EQ(NodeIds(), (Strings{"a", "b", "c"}));
    EXPECT_EQ(EdgeKeys(), (std::vector<EdgeKey>{kAB, kBC}));
    EXPECT_FALSE(hood_.truncated);
  }
}

TEST_F(TraversalTest, StrongestNeighboursFirstAndGhostsSkipped) {
  ASSERT_TRUE(Run("b", 1).ok());
  EXPECT_EQ(NodeIds(), (Strings{"b", "a", "c"}));
  EXPECT_EQ(EdgeKeys(), (std::vector<EdgeKey>{kAB, kBC})) << "no edge to the node-less id";
}

TEST_F(TraversalTest, MaxNodesTruncates) {
  ASSERT_TRUE(Run("b", 1, /*max_nodes=*/2).ok());
  EXPECT_EQ(NodeIds(), (Strings{"b", "a"}));  // the stronger link is kept
  EXPECT_EQ(EdgeKeys(), std::vector<EdgeKey>{kAB}) << "edges to dropped nodes go too";
  EXPECT_TRUE(hood_.truncated);

  ASSERT_TRUE(Run("a", 1, /*max_nodes=*/2).ok());
  EXPECT_EQ(NodeIds(), (Strings{"a", "b"}));
  EXPECT_FALSE(hood_.truncated) << "exactly enough room is not truncation";
}

TEST_F(TraversalTest, FullResultStillGathersEdgesBetweenItsNodes) {
  // b's neighbours a (weight 2) and c fill max_nodes 3, and e does not fit:
  // the result is full and truncated before depth 2. Expanding a must still
  // find the a–c edge, between two nodes already in the result (and only
  // that: d, beyond a, cannot come in).
  ASSERT_TRUE(store_->PutNodes({MakeNode("d", {}), MakeNode("e", {})}).ok());
  const EdgeKey kAC{"a", "co_mention", "c"};
  const EdgeKey kAD{"a", "co_mention", "d"};
  const EdgeKey kBE{"b", "co_mention", "e"};
  Replace({"d4", {"a", "b", "c", "d", "e"},
           {{kAC, Ev("d4", 0, 5, "")}, {kAD, Ev("d4", 6, 9, "")}, {kBE, Ev("d4", 10, 15, "")}}});
  ASSERT_TRUE(Run("b", 2, /*max_nodes=*/3).ok());
  EXPECT_EQ(NodeIds(), (Strings{"b", "a", "c"}));
  EXPECT_TRUE(hood_.truncated);
  EXPECT_EQ(EdgeKeys(), (std::vector<EdgeKey>{kAB, kBC, kAC}));
}

// What ScanNeighbors gives: a Neighborhood with its edges as the store
// names them (ids at both ends).
struct ScanAnswer {
  std::vector<Node> nodes;
  std::vector<EdgeSummary> edges;
  bool truncated = false;
};

// Neighbors as it was before the adjacency records: the node's edges from
// EdgesOf (out and in key scans), filtered, stably sorted by weight, and a
// set of the edges seen. The records must give exactly its answers, in the
// same order.
ScanAnswer ScanNeighbors(const GraphStore& store, const NeighborhoodRequest& request) {
  ScanAnswer out;
  out.nodes.push_back(*store.GetNode(request.id));
  std::set<std::string> included = {request.id}, rejected;
  std::set<EdgeKey> seen;
  auto full = [&] { return out.nodes.size() >= request.max_nodes; };
  std::vector<std::string> frontier = {request.id};
  for (int hop = 0; hop < request.depth && !frontier.empty(); ++hop) {
    std::vector<std::string> next;
    for (const auto& id : frontier) {
      auto edges = store.EdgesOf(id);
      std::erase_if(edges, [&](const EdgeSummary& e) { return !request.filter.Accepts(e); });
      std::stable_sort(edges.begin(), edges.end(),
                       [](const EdgeSummary& a, const EdgeSummary& b) { return a.weight > b.weight; });
      for (const auto& e : edges) {
        const std::string& other = e.key.source == id ? e.key.target : e.key.source;
        if (!included.count(other)) {
          if (rejected.count(other) || (full() && out.truncated)) continue;
          auto node = store.GetNode(other);
          if (!node || !request.filter.AcceptsNode(*node)) {
            rejected.insert(other);
            continue;
          }
          if (full()) {
            out.truncated = true;
            continue;
          }
          included.insert(other);
          out.nodes.push_back(*node);
          next.push_back(other);
        }
        if (seen.insert(e.key).second) out.edges.push_back(e);
      }
    }
    frontier = std::move(next);
  }
  std::erase_if(out.edges, [&](const EdgeSummary& e) {
    return !included.count(e.key.source) || !included.count(e.key.target);
  });
  return out;
}

// Neighbors against ScanNeighbors: the same nodes (whole records) and
// edges (every field), in the same order, and the same truncation.
void ExpectTheScanTraversalsAnswer(const GraphStore& store, const NeighborhoodRequest& req, const std::string& what) {
  Neighborhood got;
  ASSERT_TRUE(Neighbors(store, req, &got).ok()) << what;
  const ScanAnswer want = ScanNeighbors(store, req);
  ASSERT_EQ(got.nodes.size(), want.nodes.size()) << what;
  for (size_t i = 0; i < got.nodes.size(); ++i) {
    ASSERT_EQ(EncodeNode(got.nodes[i]), EncodeNode(want.nodes[i])) << what << " node " << i;
  }
  ASSERT_EQ(got.truncated, want.truncated) << what;
  ASSERT_EQ(got.edges.size(), want.edges.size()) << what;
  for (size_t i = 0; i < got.edges.size(); ++i) {
    const EdgeSummary g = got.Summary(got.edges[i]);
    const auto& w = want.edges[i];
    ASSERT_EQ(std::tie(g.key, g.weight, g.evidence_count, g.first_date, g.last_date),
              std::tie(w.key, w.weight, w.evidence_count, w.first_date, w.last_date))
        << what << " edge " << i;
  }
}

TEST_F(GraphStoreTest, NeighborsGivesTheScanTraversalsAnswersOnRandomGraphs) {
  for (unsigned seed = 1; seed <= 6; ++seed) {
    TempDir dir;
    std::unique_ptr<GraphStore> store;
    ASSERT_TRUE(GraphStore::Open((dir.path() / "g").string(), {}, &store).ok());
    std::mt19937 rng(seed);
    Strings ids;
    std::vector<Node> nodes;
    for (int i = 0; i < 40; ++i) {
      ids.push_back("n" + std::to_string(i));
      if (i % 9 == 8) continue;  // an id with edges but no node
      Node n = MakeNode(ids.back(), {});
      n.type = i % 4 == 0 ? "organisation" : "country";
      nodes.push_back(n);
    }
    ASSERT_TRUE(store->PutNodes(nodes).ok());
    const Strings relations = {"co_mention", "cooperation", "membership"};
    for (int d = 0; d < 60; ++d) {
      DocumentContribution c{"doc-" + std::to_string(d), {}, {}};
      for (int k = 0; k < 12; ++k) {
        // Skewed ends, so that a few nodes are hubs and results fill up.
        const std::string a = ids[std::min(rng() % 40, rng() % 40)], b = ids[rng() % 40];
        const std::string date = rng() % 4 == 0 ? "" : "20" + std::to_string(18 + rng() % 6);
        c.evidence.push_back({{a, relations[rng() % 3], b}, Ev(c.doc_id, 10u * k, 10u * k + 5, date)});
      }
      ASSERT_TRUE(store->ReplaceDocument(c).ok());
    }
    if (seed % 2 == 0) {
      ASSERT_TRUE(store->Commit().ok());
    }
    std::vector<LinkFilter> filters(4);
    filters[1].relations = {"cooperation", "membership"};
    filters[2].min_weight = 2;
    filters[3].date_from = "2020";
    filters[3].date_to = "2021";
    filters[3].entity_types = {"country"};
    for (const char* start : {"n0", "n1", "n5", "n13", "n30"}) {
      for (int depth = 1; depth <= 3; ++depth) {
        for (size_t max_nodes : {size_t{1}, size_t{2}, size_t{4}, size_t{9}, size_t{20}, SIZE_MAX}) {
          for (size_t f = 0; f < filters.size(); ++f) {
            NeighborhoodRequest req;
            req.id = start;
            req.depth = depth;
            req.max_nodes = max_nodes;
            req.filter = filters[f];
            ExpectTheScanTraversalsAnswer(*store, req,
                                          "seed " + std::to_string(seed) + " start " + start + " depth " +
                                              std::to_string(depth) + " max " + std::to_string(max_nodes) +
                                              " filter " + std::to_string(f));
          }
        }
      }
    }
  }
}

// Past the traversal's batches: a hub with 600 neighbours, so that a result
// of up to 500 nodes reads its nodes in more than one read-ahead batch
// (256), and its frontier's records in more than one batch (256) after the
// result has closed; some ids have no node, and a type filter turns more
// away.
TEST_F(GraphStoreTest, NeighborsGivesTheScanTraversalsAnswersPastOneBatch) {
  TempDir dir;
  std::unique_ptr<GraphStore> store;
  ASSERT_TRUE(GraphStore::Open((dir.path() / "g").string(), {}, &store).ok());
  std::mt19937 rng(11);
  Strings ids;
  std::vector<Node> nodes;
  for (int i = 0; i < 700; ++i) {
    // Longer than the short-string buffer, as the synthetic graph's ids.
    ids.push_back("organisation-" + std::to_string(10000 + i));
    if (i % 37 == 36) continue;  // an id with edges but no node
    Node n = MakeNode(ids.back(), {});
    n.type = i % 5 == 0 ? "organisation" : "country";
    n.names_vi = {"tên " + std::to_string(i)};
    nodes.push_back(n);
  }
  ASSERT_TRUE(store->PutNodes(nodes).ok());
  const Strings relations = {"co_mention", "cooperation", "membership"};
  DocumentContribution c;
  int documents = 0;
  auto add = [&](const std::string& a, const std::string& b) {
    const std::string date = rng() % 4 == 0 ? "" : "20" + std::to_string(18 + rng() % 6);
    c.evidence.push_back({{a, relations[rng() % 3], b}, Ev(c.doc_id, 10u * c.evidence.size(), 10u * c.evidence.size() + 5, date)});
  };
  auto flush = [&] {
    ASSERT_TRUE(store->ReplaceDocument(c).ok());
    c = DocumentContribution{"doc-" + std::to_string(++documents), {}, {}};
  };
  c.doc_id = "doc-0";
  for (int round = 0; round < 3; ++round) {  // weights 1 to 3 on the hub's edges
    for (int i = 1; i < 700; ++i) {
      if (rng() % (round + 1) == 0) rng() % 2 ? add(ids[0], ids[i]) : add(ids[i], ids[0]);
      if (c.evidence.size() == 20) flush();
    }
  }
  for (int k = 0; k < 6000; ++k) {
    add(ids[rng() % 700], ids[std::min(rng() % 700, rng() % 700)]);
    if (c.evidence.size() == 20) flush();
  }
  flush();
  ASSERT_TRUE(store->Commit().ok());
  std::vector<LinkFilter> filters(3);
  filters[1].relations = {"cooperation", "membership"};
  filters[2].min_weight = 2;
  filters[2].entity_types = {"country"};
  for (const std::string& start : {ids[0], ids[5]}) {
    for (int depth = 1; depth <= 3; ++depth) {
      for (size_t max_nodes : {size_t{300}, size_t{500}, SIZE_MAX}) {
        for (size_t f = 0; f < filters.size(); ++f) {
          NeighborhoodRequest req;
          req.id = start;
          req.depth = depth;
          req.max_nodes = max_nodes;
          req.filter = filters[f];
          ExpectTheScanTraversalsAnswer(*store, req,
                                        "start " + start + " depth " + std::to_string(depth) + " max " +
                                            std::to_string(max_nodes) + " filter " + std::to_string(f));
        }
      }
    }
  }
}

TEST_F(TraversalTest, Errors) {
  for (int depth : {0, -1, NeighborhoodRequest::kMaxDepth + 1}) {
    Status s = Run("a", depth);
    EXPECT_TRUE(s.IsInvalidArgument()) << depth;
    EXPECT_NE(s.message().find("depth"), std::string::npos) << s.message();
  }
  Status s = Run("nobody", 1);
  EXPECT_TRUE(s.IsNotFound());
  EXPECT_NE(s.message().find("nobody"), std::string::npos) << s.message();
  EXPECT_TRUE(hood_.nodes.empty());
  s = Run("ghost", 1);
  EXPECT_TRUE(s.IsNotFound()) << "an id with edges but no node";
}

TEST_F(TraversalTest, IsolatedNode) {
  ASSERT_TRUE(store_->PutNodes({MakeNode("lonely", {})}).ok());
  ASSERT_TRUE(Run("lonely", 3).ok());
  EXPECT_EQ(NodeIds(), Strings{"lonely"});
  EXPECT_TRUE(hood_.edges.empty());
}

}  // namespace
}  // namespace policygraph::graph
