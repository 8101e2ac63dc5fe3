// The graph's read queries over a real GraphStore in a TempDir: LinkFilter,
// Neighbors with filters, ShortestPath, the partnership matrix and a pair's
// timeline. Each fixture builds a small graph through the public write API
// (PutNodes, ReplaceDocument), so edge weights and dates are derived by the
// store exactly as they are for the indexer's graph.

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "graph/graph_store.h"
#include "graph/link_filter.h"
#include "graph/partnership.h"
#include "graph/shortest_path.h"
#include "graph/traversal.h"
#include "tests/support/test_support.h"

namespace policygraph::graph {
namespace {

using policygraph::testing::TempDir;
using Strings = std::vector<std::string>;
using Keys = std::vector<EdgeKey>;

Node MakeNode(const std::string& id, const std::string& type) {
  Node n;
  n.id = id;
  n.type = type;
  n.names_en = {id};
  return n;
}

Evidence Ev(const std::string& doc, uint32_t begin, const std::string& date) {
  Evidence ev;
  ev.doc_id = doc;
  ev.begin = begin;
  ev.end = begin + 10;
  ev.date = date;
  ev.text = doc + " sentence at " + std::to_string(begin);
  return ev;
}

// One sentence of a document supporting an edge.
struct Mention {
  EdgeKey edge;
  uint32_t begin;
  std::string date;
};

class GraphQueriesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Status s = GraphStore::Open((dir_.path() / "graph").string(), {}, &store_);
    ASSERT_TRUE(s.ok()) << s.message();
  }

  void Nodes(const std::vector<Node>& nodes) {
    Status s = store_->PutNodes(nodes);
    ASSERT_TRUE(s.ok()) << s.message();
  }

  // Indexes document `doc_id` as supporting the given edges.
  void Doc(const std::string& doc_id, const std::vector<Mention>& mentions) {
    DocumentContribution c;
    c.doc_id = doc_id;
    std::set<std::string> entities;
    for (const auto& m : mentions) {
      entities.insert(m.edge.source);
      entities.insert(m.edge.target);
      c.evidence.emplace_back(m.edge, Ev(doc_id, m.begin, m.date));
    }
    c.entities.assign(entities.begin(), entities.end());
    Status s = store_->ReplaceDocument(c);
    ASSERT_TRUE(s.ok()) << s.message();
  }

  // Gives `edge` weight `docs`: that many undated documents support it.
  void Link(const EdgeKey& edge, int docs) {
    for (int i = 0; i < docs; ++i) {
      Doc(edge.source + "~" + edge.target + "~" + std::to_string(i), {{edge, 0, ""}});
    }
  }

  TempDir dir_;
  std::unique_ptr<GraphStore> store_;
};

// ---------------------------------------------------------------------------
// LinkFilter on its own.

EdgeSummary Summary(const std::string& relation, uint32_t weight, const std::string& first,
                    const std::string& last) {
  EdgeSummary e;
  e.key = {"a", relation, "b"};
  e.weight = weight;
  e.first_date = first;
  e.last_date = last;
  return e;
}

LinkFilter Dates(const std::string& from, const std::string& to) {
  LinkFilter f;
  f.date_from = from;
  f.date_to = to;
  return f;
}

TEST(LinkFilterTest, RelationsAndMinWeight) {
  LinkFilter f;
  EXPECT_TRUE(f.Accepts(Summary("signed", 1, "", "")));
  EXPECT_FALSE(f.Accepts(Summary("signed", 0, "", ""))) << "default min_weight is 1";
  f.relations = {"signed", "member_of"};
  EXPECT_TRUE(f.Accepts(Summary("member_of", 1, "", "")));
  EXPECT_FALSE(f.Accepts(Summary("co_mention", 5, "", "")));
  f.min_weight = 3;
  EXPECT_FALSE(f.Accepts(Summary("signed", 2, "", "")));
  EXPECT_TRUE(f.Accepts(Summary("signed", 3, "", "")));
}

TEST(LinkFilterTest, DateOverlapAtTheBoundsPrecision) {
  const EdgeSummary june = Summary("signed", 1, "2022-06-15", "2022-06-15");
  EXPECT_TRUE(Dates("2022", "").Accepts(june));
  EXPECT_TRUE(Dates("", "2022").Accepts(june));
  EXPECT_TRUE(Dates("2022-06", "2022-06").Accepts(june)) << "a month bound covers the month";
  EXPECT_FALSE(Dates("2022-07", "").Accepts(june));
  EXPECT_FALSE(Dates("", "2022-05").Accepts(june));
  EXPECT_FALSE(Dates("2022-06-16", "").Accepts(june));
  EXPECT_FALSE(Dates("2023", "2024").Accepts(june));

  // An edge spanning years overlaps a range inside its span.
  const EdgeSummary span = Summary("signed", 1, "2019-03-01", "2023-01-01");
  EXPECT_TRUE(Dates("2020", "2021").Accepts(span));
  EXPECT_FALSE(Dates("2023-02", "").Accepts(span));
  EXPECT_FALSE(Dates("", "2019-02").Accepts(span));
}

TEST(LinkFilterTest, ACoarseEdgeDateOverlapsAFinerBound) {
  // "2023" stands for the whole year, which overlaps May 2023 onwards.
  const EdgeSummary year = Summary("signed", 1, "2023", "2023");
  EXPECT_TRUE(Dates("2023-05-01", "").Accepts(year));
  EXPECT_TRUE(Dates("", "2023-05-01").Accepts(year));
  EXPECT_FALSE(Dates("2024-01", "").Accepts(year));
  EXPECT_FALSE(Dates("", "2022-12-31").Accepts(year));
}

TEST(LinkFilterTest, UndatedEdgesPassOnlyWithoutBounds) {
  const EdgeSummary undated = Summary("co_mention", 1, "", "");
  EXPECT_TRUE(Dates("", "").Accepts(undated));
  EXPECT_FALSE(Dates("2000", "").Accepts(undated));
  EXPECT_FALSE(Dates("", "2100").Accepts(undated));
}

TEST(LinkFilterTest, NodeTypes) {
  LinkFilter f;
  EXPECT_TRUE(f.AcceptsNode(MakeNode("x", "law")));
  f.entity_types = {"country", "regional_org"};
  EXPECT_TRUE(f.AcceptsNode(MakeNode("x", "country")));
  EXPECT_FALSE(f.AcceptsNode(MakeNode("x", "law")));
}

// ---------------------------------------------------------------------------
// A small policy graph for neighbourhoods and paths:
//
//   japan ==cooperates_with(2: 2019-03-01, 2021-06-10)== vietnam
//   vietnam ==member_of(2: 2019-03-01, 2020-11-15)==> asean --signed(2020-11-15)--> rcep
//   china --co_mention(2022-01-05)-- vietnam
//   china --co_mention(undated)-- japan
//   laos: no links.
class PolicyGraphTest : public GraphQueriesTest {
 protected:
  void SetUp() override {
    GraphQueriesTest::SetUp();
    Nodes({MakeNode("vietnam", "country"), MakeNode("japan", "country"),
           MakeNode("china", "country"), MakeNode("laos", "country"),
           MakeNode("asean", "regional_org"), MakeNode("rcep", "agreement")});
    Doc("d1", {{kVnJapan, 0, "2019-03-01"}, {kVnAsean, 50, "2019-03-01"}});
    Doc("d2", {{kVnJapan, 0, "2021-06-10"}});
    Doc("d3", {{kChinaVn, 0, "2022-01-05"}});
    Doc("d4", {{kVnAsean, 0, "2020-11-15"}, {kAseanRcep, 40, "2020-11-15"}});
    Doc("d5", {{kChinaJapan, 0, ""}});
  }

  Status Hood(const std::string& id, int depth, const LinkFilter& filter,
              size_t max_nodes = 200) {
    NeighborhoodRequest req;
    req.id = id;
    req.depth = depth;
    req.max_nodes = max_nodes;
    req.filter = filter;
    return Neighbors(*store_, req, &hood_);
  }

  Strings NodeIds() const {
    Strings ids;
    for (const auto& n : hood_.nodes) ids.push_back(n.id);
    return ids;
  }

  // Edge keys sorted, for checks that do not care about the order.
  Keys EdgeSet() const {
    Keys keys;
    for (const auto& e : hood_.edges) keys.push_back(hood_.Summary(e).key);
    std::sort(keys.begin(), keys.end());
    return keys;
  }

  static Keys Sorted(Keys keys) {
    std::sort(keys.begin(), keys.end());
    return keys;
  }

  Status FindPath(const std::string& from, const std::string& to, int max_hops = 4,
                  const LinkFilter& filter = {}) {
    PathRequest req;
    req.from = from;
    req.to = to;
    req.max_hops = max_hops;
    req.filter = filter;
    return ShortestPath(*store_, req, &path_);
  }

  Strings PathIds() const {
    Strings ids;
    for (const auto& n : path_.nodes) ids.push_back(n.id);
    return ids;
  }

  Keys PathEdges() const {
    Keys keys;
    for (const auto& e : path_.edges) keys.push_back(e.key);
    return keys;
  }

  const EdgeKey kVnJapan{"vietnam", "cooperates_with", "japan"};
  const EdgeKey kVnAsean{"vietnam", "member_of", "asean"};
  const EdgeKey kAseanRcep{"asean", "signed", "rcep"};
  const EdgeKey kChinaVn{"china", "co_mention", "vietnam"};
  const EdgeKey kChinaJapan{"china", "co_mention", "japan"};
  Neighborhood hood_;
  Path path_;
};

LinkFilter Relations(std::set<std::string> relations) {
  LinkFilter f;
  f.relations = std::move(relations);
  return f;
}

LinkFilter Types(std::set<std::string> types) {
  LinkFilter f;
  f.entity_types = std::move(types);
  return f;
}

TEST_F(PolicyGraphTest, NeighboursWithoutFilter) {
  ASSERT_TRUE(Hood("vietnam", 1, {}).ok());
  EXPECT_EQ(NodeIds(), (Strings{"vietnam", "japan", "asean", "china"})) << "strongest first";
  EXPECT_EQ(EdgeSet(), Sorted({kVnJapan, kVnAsean, kChinaVn}));
  EXPECT_FALSE(hood_.truncated);
}

TEST_F(PolicyGraphTest, NeighboursByRelation) {
  ASSERT_TRUE(Hood("vietnam", 2, Relations({"cooperates_with"})).ok());
  // japan's co_mention link to china is not followed either.
  EXPECT_EQ(NodeIds(), (Strings{"vietnam", "japan"}));
  EXPECT_EQ(EdgeSet(), Keys{kVnJapan});

  ASSERT_TRUE(Hood("vietnam", 3, Relations({"member_of", "signed"})).ok());
  EXPECT_EQ(NodeIds(), (Strings{"vietnam", "asean", "rcep"}));
  EXPECT_EQ(EdgeSet(), Sorted({kVnAsean, kAseanRcep}));
}

TEST_F(PolicyGraphTest, NeighboursByEntityType) {
  ASSERT_TRUE(Hood("vietnam", 2, Types({"country"})).ok());
  EXPECT_EQ(NodeIds(), (Strings{"vietnam", "japan", "china"}));
  // china–japan is found at the second hop: both ends are in the result.
  EXPECT_EQ(EdgeSet(), Sorted({kVnJapan, kChinaVn, kChinaJapan}));

  ASSERT_TRUE(Hood("vietnam", 2, Types({"regional_org", "agreement"})).ok());
  EXPECT_EQ(NodeIds(), (Strings{"vietnam", "asean", "rcep"})) << "the start is always included";
  EXPECT_EQ(EdgeSet(), Sorted({kVnAsean, kAseanRcep}));

  // rcep is two hops away, but only through asean, which the filter excludes.
  ASSERT_TRUE(Hood("vietnam", 3, Types({"agreement"})).ok());
  EXPECT_EQ(NodeIds(), Strings{"vietnam"});
  EXPECT_TRUE(hood_.edges.empty());
}

TEST_F(PolicyGraphTest, NeighboursByDateRange) {
  ASSERT_TRUE(Hood("vietnam", 1, Dates("2022", "")).ok());
  EXPECT_EQ(NodeIds(), (Strings{"vietnam", "china"}));

  ASSERT_TRUE(Hood("vietnam", 1, Dates("", "2019")).ok());
  EXPECT_EQ(NodeIds(), (Strings{"vietnam", "japan", "asean"}));

  // japan's link spans 2019-03 .. 2021-06: June 2021 overlaps, July does not.
  ASSERT_TRUE(Hood("vietnam", 1, Dates("2021-06", "2021-06")).ok());
  EXPECT_EQ(NodeIds(), (Strings{"vietnam", "japan"}));
  ASSERT_TRUE(Hood("vietnam", 1, Dates("2021-07", "2021-12")).ok());
  EXPECT_EQ(NodeIds(), Strings{"vietnam"});

  // The undated china–japan co-mention drops out under any date bound.
  ASSERT_TRUE(Hood("japan", 1, Dates("2000", "")).ok());
  EXPECT_EQ(NodeIds(), (Strings{"japan", "vietnam"}));
  ASSERT_TRUE(Hood("japan", 1, {}).ok());
  EXPECT_EQ(NodeIds(), (Strings{"japan", "vietnam", "china"}));
}

TEST_F(PolicyGraphTest, NeighboursByMinWeight) {
  LinkFilter f;
  f.min_weight = 2;
  ASSERT_TRUE(Hood("vietnam", 1, f).ok());
  EXPECT_EQ(NodeIds(), (Strings{"vietnam", "japan", "asean"}));
  EXPECT_EQ(EdgeSet(), Sorted({kVnJapan, kVnAsean}));
  f.min_weight = 3;
  ASSERT_TRUE(Hood("vietnam", 3, f).ok());
  EXPECT_EQ(NodeIds(), Strings{"vietnam"});
}

TEST_F(PolicyGraphTest, FilteredOutNodesDoNotCountTowardsMaxNodes) {
  // asean (regional_org) is excluded, so it neither takes room nor truncates.
  ASSERT_TRUE(Hood("vietnam", 1, Types({"country"}), /*max_nodes=*/3).ok());
  EXPECT_EQ(NodeIds(), (Strings{"vietnam", "japan", "china"}));
  EXPECT_FALSE(hood_.truncated);

  ASSERT_TRUE(Hood("vietnam", 1, Types({"country"}), /*max_nodes=*/2).ok());
  EXPECT_EQ(NodeIds(), (Strings{"vietnam", "japan"}));
  EXPECT_EQ(EdgeSet(), Keys{kVnJapan});
  EXPECT_TRUE(hood_.truncated);
}

TEST_F(PolicyGraphTest, PathDirect) {
  ASSERT_TRUE(FindPath("vietnam", "japan").ok());
  EXPECT_EQ(PathIds(), (Strings{"vietnam", "japan"}));
  EXPECT_EQ(PathEdges(), Keys{kVnJapan});
  EXPECT_EQ(path_.edges[0].weight, 2u);
  // Edges are followed against their direction too.
  ASSERT_TRUE(FindPath("japan", "vietnam", 1).ok());
  EXPECT_EQ(PathIds(), (Strings{"japan", "vietnam"}));
}

TEST_F(PolicyGraphTest, PathOfTwoAndThreeHops) {
  ASSERT_TRUE(FindPath("japan", "asean").ok());
  EXPECT_EQ(PathIds(), (Strings{"japan", "vietnam", "asean"}));
  EXPECT_EQ(PathEdges(), (Keys{kVnJapan, kVnAsean}));

  ASSERT_TRUE(FindPath("rcep", "japan").ok());
  EXPECT_EQ(PathIds(), (Strings{"rcep", "asean", "vietnam", "japan"}));
  EXPECT_EQ(PathEdges(), (Keys{kAseanRcep, kVnAsean, kVnJapan}));

  ASSERT_TRUE(FindPath("rcep", "japan", /*max_hops=*/3).ok());
  EXPECT_EQ(PathIds().size(), 4u) << "exactly max_hops edges is allowed";
  ASSERT_TRUE(FindPath("rcep", "japan", /*max_hops=*/2).ok());
  EXPECT_TRUE(path_.nodes.empty()) << "longer than max_hops";
  EXPECT_TRUE(path_.edges.empty());
}

TEST_F(PolicyGraphTest, PathPrefersFewerHopsOverStrongerLinks) {
  // china–japan is one undated co-mention; china–vietnam–japan is stronger
  // but longer.
  ASSERT_TRUE(FindPath("china", "japan").ok());
  EXPECT_EQ(PathIds(), (Strings{"china", "japan"}));
  // A date bound removes the undated link: the path detours through vietnam.
  ASSERT_TRUE(FindPath("china", "japan", 4, Dates("2000", "")).ok());
  EXPECT_EQ(PathIds(), (Strings{"china", "vietnam", "japan"}));
  EXPECT_EQ(PathEdges(), (Keys{kChinaVn, kVnJapan}));
}

TEST_F(PolicyGraphTest, PathToSelfAndNoPath) {
  ASSERT_TRUE(FindPath("vietnam", "vietnam").ok());
  EXPECT_EQ(PathIds(), Strings{"vietnam"});
  EXPECT_TRUE(path_.edges.empty());

  ASSERT_TRUE(FindPath("vietnam", "laos", PathRequest::kMaxHops).ok());
  EXPECT_TRUE(path_.nodes.empty());
}

TEST_F(PolicyGraphTest, PathErrors) {
  for (int hops : {0, -1, PathRequest::kMaxHops + 1}) {
    Status s = FindPath("vietnam", "japan", hops);
    EXPECT_TRUE(s.IsInvalidArgument()) << hops;
    EXPECT_NE(s.message().find("max_hops"), std::string::npos) << s.message();
    EXPECT_TRUE(path_.nodes.empty());
  }
  Status s = FindPath("atlantis", "japan");
  EXPECT_TRUE(s.IsNotFound());
  EXPECT_NE(s.message().find("atlantis"), std::string::npos) << s.message();
  s = FindPath("japan", "atlantis");
  EXPECT_TRUE(s.IsNotFound());
  EXPECT_NE(s.message().find("atlantis"), std::string::npos) << s.message();
}

TEST_F(PolicyGraphTest, FilterCutsTheOnlyPath) {
  ASSERT_TRUE(FindPath("japan", "asean", 4, Relations({"cooperates_with"})).ok());
  EXPECT_TRUE(path_.nodes.empty()) << "the member_of link is not allowed";

  LinkFilter strong;
  strong.min_weight = 2;
  ASSERT_TRUE(FindPath("rcep", "vietnam", 4, strong).ok());
  EXPECT_TRUE(path_.nodes.empty()) << "asean–rcep has weight 1";

  // The type filter applies to the nodes in between, not to the ends the
  // user named: vietnam (country) may not be crossed, asean may be reached.
  ASSERT_TRUE(FindPath("japan", "asean", 4, Types({"regional_org"})).ok());
  EXPECT_TRUE(path_.nodes.empty());
  ASSERT_TRUE(FindPath("japan", "asean", 4, Types({"country"})).ok());
  EXPECT_EQ(PathIds(), (Strings{"japan", "vietnam", "asean"}));
  ASSERT_TRUE(FindPath("asean", "japan", 4, Types({"country"})).ok());
  EXPECT_EQ(PathIds(), (Strings{"asean", "vietnam", "japan"}));
  ASSERT_TRUE(FindPath("rcep", "japan", 4, Types({"country"})).ok());
  EXPECT_TRUE(path_.nodes.empty()) << "asean is in between now";
}

TEST_F(GraphQueriesTest, PathDoesNotCrossIdsWithoutANode) {
  Nodes({MakeNode("a", "country"), MakeNode("b", "country")});
  Link({"a", "co_mention", "ghost"}, 1);
  Link({"b", "co_mention", "ghost"}, 1);
  PathRequest req;
  req.from = "a";
  req.to = "b";
  Path path;
  ASSERT_TRUE(ShortestPath(*store_, req, &path).ok());
  EXPECT_TRUE(path.nodes.empty());
}

// Equal-length paths that differ only in the strength of their links. The
// weaker ways always go through the smaller ids, so a search that ignored
// weights and broke ties by id would pick them.
class PathPreferenceTest : public GraphQueriesTest {
 protected:
  void SetUp() override {
    GraphQueriesTest::SetUp();
    std::vector<Node> nodes;
    for (const char* id : {"src", "a1", "z1", "m", "dst", "p", "q1", "q2", "t", "r1", "r2", "u"}) {
      nodes.push_back(MakeNode(id, "country"));
    }
    Nodes(nodes);
  }

  Strings Find(const std::string& from, const std::string& to) {
    PathRequest req;
    req.from = from;
    req.to = to;
    Path path;
    Status s = ShortestPath(*store_, req, &path);
    EXPECT_TRUE(s.ok()) << s.message();
    EXPECT_EQ(path.edges.size() + 1, path.nodes.size());
    Strings ids;
    for (const auto& n : path.nodes) ids.push_back(n.id);
    return ids;
  }
};

TEST_F(PathPreferenceTest, StrongerFirstHopWinsWhereWaysMeet) {
  // src -> a1 -> m and src -> z1 -> m meet at m; src–z1 is the stronger.
  Link({"src", "rel", "a1"}, 1);
  Link({"src", "rel", "z1"}, 2);
  Link({"a1", "rel", "m"}, 1);
  Link({"z1", "rel", "m"}, 1);
  Link({"m", "rel", "dst"}, 1);
  EXPECT_EQ(Find("src", "dst"), (Strings{"src", "z1", "m", "dst"}));
  EXPECT_EQ(Find("dst", "src"), (Strings{"dst", "m", "z1", "src"}));
}

TEST_F(PathPreferenceTest, StrongerLastHopWins) {
  Link({"p", "rel", "q1"}, 1);
  Link({"p", "rel", "q2"}, 1);
  Link({"q1", "rel", "t"}, 1);
  Link({"q2", "rel", "t"}, 3);
  EXPECT_EQ(Find("p", "t"), (Strings{"p", "q2", "t"}));
  EXPECT_EQ(Find("t", "p"), (Strings{"t", "q2", "p"}));
}

TEST_F(PathPreferenceTest, EqualStrengthIsDecidedByIdNotStorageOrder) {
  // Searching from u, r2 is reached first (u -> r2 is an out edge of u, and
  // the store lists out edges before in edges such as r1 -> u), and the edge
  // into p from r2 (p -> r2) has the smaller key; the tie still goes to the
  // smaller id, r1.
  Link({"r1", "rel", "p"}, 1);
  Link({"p", "rel", "r2"}, 1);
  Link({"r1", "rel", "u"}, 1);
  Link({"u", "rel", "r2"}, 1);
  EXPECT_EQ(Find("p", "u"), (Strings{"p", "r1", "u"}));
  EXPECT_EQ(Find("u", "p"), (Strings{"u", "r1", "p"}));
}

// ---------------------------------------------------------------------------
// The partnership matrix:
//
//   china --cooperates_with--> vietnam   d1 2021-03-01; d2 2022-05-02 and 2022-07
//   vietnam --cooperates_with--> china   d3 2022-09-09
//   china --co_mention-- vietnam         d1 2021-03-01; d4 undated
//   united-states --signed--> asean      d5 2020
//   china --co_mention-- japan           d6 2022 (japan is not a column)
//   thailand: no links with the partners.
class PartnershipTest : public GraphQueriesTest {
 protected:
  void SetUp() override {
    GraphQueriesTest::SetUp();
    Nodes({MakeNode("china", "country"), MakeNode("united-states", "country"),
           MakeNode("vietnam", "country"), MakeNode("thailand", "country"),
           MakeNode("japan", "country"), MakeNode("asean", "regional_org")});
    Doc("d1", {{kChinaVnCoop, 0, "2021-03-01"}, {kChinaVnCo, 100, "2021-03-01"}});
    Doc("d2", {{kChinaVnCoop, 0, "2022-05-02"}, {kChinaVnCoop, 200, "2022-07"}});
    Doc("d3", {{kVnChinaCoop, 0, "2022-09-09"}});
    Doc("d4", {{kChinaVnCo, 0, ""}});
    Doc("d5", {{kUsAseanSigned, 0, "2020"}});
    Doc("d6", {{kChinaJapanCo, 0, "2022"}});
    request_.partners = {"china", "united-states"};
    request_.members = {"vietnam", "asean", "thailand"};
  }

  Status Build() { return BuildPartnershipMatrix(*store_, request_, &matrix_); }

  // The cell of a pair, or nullptr when the matrix has none.
  const PartnershipCell* Cell(const std::string& partner, const std::string& member) const {
    for (const auto& c : matrix_.cells) {
      if (c.partner == partner && c.member == member) return &c;
    }
    return nullptr;
  }

  std::vector<std::pair<std::string, std::string>> CellPairs() const {
    std::vector<std::pair<std::string, std::string>> pairs;
    for (const auto& c : matrix_.cells) pairs.emplace_back(c.partner, c.member);
    return pairs;
  }

  std::vector<TimelineEntry> Timeline(const std::string& a, const std::string& b,
                                      const LinkFilter& filter = {}, size_t limit = 100) {
    std::vector<TimelineEntry> entries;
    Status s = PairTimeline(*store_, a, b, filter, limit, &entries);
    EXPECT_TRUE(s.ok()) << s.message();
    return entries;
  }

  const EdgeKey kChinaVnCoop{"china", "cooperates_with", "vietnam"};
  const EdgeKey kVnChinaCoop{"vietnam", "cooperates_with", "china"};
  const EdgeKey kChinaVnCo{"china", "co_mention", "vietnam"};
  const EdgeKey kUsAseanSigned{"united-states", "signed", "asean"};
  const EdgeKey kChinaJapanCo{"china", "co_mention", "japan"};
  PartnershipRequest request_;
  PartnershipMatrix matrix_;
};

using Years = std::map<std::string, uint32_t>;
using Pairs = std::vector<std::pair<std::string, std::string>>;

TEST_F(PartnershipTest, CellsOfEveryRelationAndDate) {
  ASSERT_TRUE(Build().ok());
  EXPECT_EQ(matrix_.partners, request_.partners);
  EXPECT_EQ(matrix_.members, request_.members);
  // Row by row, in the request's order; pairs without links have no cell.
  EXPECT_EQ(CellPairs(), (Pairs{{"china", "vietnam"}, {"united-states", "asean"}}));

  const PartnershipCell* cv = Cell("china", "vietnam");
  ASSERT_NE(cv, nullptr);
  EXPECT_EQ(cv->weight, 4u) << "d1..d4, both directions, both relations";
  EXPECT_EQ(cv->evidence_count, 6u);
  // d1 in 2021; d2 and d3 in 2022; the undated d4 in no year.
  EXPECT_EQ(cv->by_year, (Years{{"2021", 1}, {"2022", 2}}));
  EXPECT_EQ(cv->relations, (Strings{"co_mention", "cooperates_with"}));

  const PartnershipCell* ua = Cell("united-states", "asean");
  ASSERT_NE(ua, nullptr);
  EXPECT_EQ(ua->weight, 1u);
  EXPECT_EQ(ua->evidence_count, 1u);
  EXPECT_EQ(ua->by_year, (Years{{"2020", 1}}));
  EXPECT_EQ(ua->relations, Strings{"signed"});
}

TEST_F(PartnershipTest, CoMentionExcludedByRelations) {
  request_.filter.relations = {"cooperates_with", "signed"};
  ASSERT_TRUE(Build().ok());
  const PartnershipCell* cv = Cell("china", "vietnam");
  ASSERT_NE(cv, nullptr);
  EXPECT_EQ(cv->weight, 3u) << "d4 only co-mentions the pair";
  EXPECT_EQ(cv->evidence_count, 4u);
  EXPECT_EQ(cv->by_year, (Years{{"2021", 1}, {"2022", 2}}));
  EXPECT_EQ(cv->relations, Strings{"cooperates_with"});
  EXPECT_NE(Cell("united-states", "asean"), nullptr);

  request_.filter.relations = {"co_mention"};
  ASSERT_TRUE(Build().ok());
  ASSERT_EQ(CellPairs(), (Pairs{{"china", "vietnam"}}));
  EXPECT_EQ(matrix_.cells[0].weight, 2u);
}

TEST_F(PartnershipTest, DateRangeCountsOnlyEvidenceInside) {
  request_.filter.date_from = "2022";
  ASSERT_TRUE(Build().ok());
  EXPECT_EQ(CellPairs(), (Pairs{{"china", "vietnam"}})) << "the 2020 signing is out of range";
  const PartnershipCell* cv = Cell("china", "vietnam");
  ASSERT_NE(cv, nullptr);
  EXPECT_EQ(cv->weight, 2u) << "d2 and d3; d1 is from 2021, d4 is undated";
  EXPECT_EQ(cv->evidence_count, 3u);
  EXPECT_EQ(cv->by_year, (Years{{"2022", 2}}));
  EXPECT_EQ(cv->relations, Strings{"cooperates_with"}) << "no co-mention inside the range";

  request_.filter.date_from = "";
  request_.filter.date_to = "2021-12";
  ASSERT_TRUE(Build().ok());
  cv = Cell("china", "vietnam");
  ASSERT_NE(cv, nullptr);
  EXPECT_EQ(cv->weight, 1u);
  EXPECT_EQ(cv->evidence_count, 2u) << "d1's two sentences";
  EXPECT_EQ(cv->by_year, (Years{{"2021", 1}}));
  EXPECT_EQ(cv->relations, (Strings{"co_mention", "cooperates_with"}));
  EXPECT_NE(Cell("united-states", "asean"), nullptr);

  // Month precision picks one sentence out of d2.
  request_.filter.date_from = "2022-06";
  request_.filter.date_to = "2022-07";
  ASSERT_TRUE(Build().ok());
  cv = Cell("china", "vietnam");
  ASSERT_NE(cv, nullptr);
  EXPECT_EQ(cv->weight, 1u);
  EXPECT_EQ(cv->evidence_count, 1u);

  request_.filter.date_from = "2030";
  request_.filter.date_to = "";
  ASSERT_TRUE(Build().ok());
  EXPECT_TRUE(matrix_.cells.empty());
}

TEST_F(PartnershipTest, AnEdgeSpanningTheRangeNeedsEvidenceInsideIt) {
  // china signed with japan in 2019 and 2023: the edge's span overlaps
  // 2021..2022, but none of its evidence is dated there.
  const EdgeKey signed_with_japan{"china", "signed", "japan"};
  Doc("d7", {{signed_with_japan, 0, "2019"}});
  Doc("d8", {{signed_with_japan, 0, "2023"}});
  request_.partners = {"china"};
  request_.members = {"japan"};
  request_.filter = Dates("2021", "2022");
  ASSERT_TRUE(Build().ok());
  ASSERT_EQ(CellPairs(), (Pairs{{"china", "japan"}}));
  EXPECT_EQ(matrix_.cells[0].weight, 1u) << "only d6's co-mention";
  EXPECT_EQ(matrix_.cells[0].relations, Strings{"co_mention"});

  request_.filter = Dates("2020", "2021");
  ASSERT_TRUE(Build().ok());
  EXPECT_TRUE(matrix_.cells.empty()) << "weight 0 gives no cell";
  EXPECT_TRUE(Timeline("china", "japan", request_.filter).empty());
}

TEST_F(PartnershipTest, MinWeightAppliesToEachEdge) {
  request_.filter.min_weight = 2;
  ASSERT_TRUE(Build().ok());
  // Kept: china->vietnam cooperates_with (d1, d2) and the co_mention (d1,
  // d4). Dropped: vietnam->china (d3 only) and the signing (d5 only).
  EXPECT_EQ(CellPairs(), (Pairs{{"china", "vietnam"}}));
  const PartnershipCell* cv = Cell("china", "vietnam");
  ASSERT_NE(cv, nullptr);
  EXPECT_EQ(cv->weight, 3u);
  EXPECT_EQ(cv->by_year, (Years{{"2021", 1}, {"2022", 1}}));
}

TEST_F(PartnershipTest, PartnersAndMembersMayOverlap) {
  // vietnam as both a row and a column; duplicates are shown once.
  request_.partners = {"vietnam", "china", "vietnam"};
  request_.members = {"china", "vietnam"};
  ASSERT_TRUE(Build().ok());
  EXPECT_EQ(matrix_.partners, (Strings{"vietnam", "china"}));
  EXPECT_EQ(CellPairs(), (Pairs{{"vietnam", "china"}, {"china", "vietnam"}}));
  ASSERT_EQ(matrix_.cells.size(), 2u);
  EXPECT_EQ(matrix_.cells[0].weight, 4u);
  EXPECT_EQ(matrix_.cells[1].weight, 4u) << "the same links seen from either end";
}

// Cells come from each partner's adjacency record (graph/partnership.cc):
// an edge a partner has with itself (a self-loop is listed twice in the
// record, out and in) counts once, and a partner without edges has no row.
TEST_F(PartnershipTest, ASelfLoopCountsOnceAndAPartnerWithoutEdgesHasNoCells) {
  Doc("d7", {{EdgeKey{"china", "cooperates_with", "china"}, 0, "2023-01-01"}});
  request_.partners = {"china", "thailand"};
  request_.members = {"china", "vietnam"};
  ASSERT_TRUE(Build().ok());
  EXPECT_EQ(CellPairs(), (Pairs{{"china", "china"}, {"china", "vietnam"}}));
  const PartnershipCell* self = Cell("china", "china");
  ASSERT_NE(self, nullptr);
  EXPECT_EQ(self->weight, 1u);
  EXPECT_EQ(self->evidence_count, 1u);
  EXPECT_EQ(self->by_year, (Years{{"2023", 1}}));
  EXPECT_EQ(Timeline("china", "china").size(), 1u);
  EXPECT_TRUE(Timeline("thailand", "vietnam").empty());
}

TEST_F(PartnershipTest, Errors) {
  request_.members = {"vietnam", "narnia", "atlantis"};
  Status s = Build();
  EXPECT_TRUE(s.IsNotFound());
  EXPECT_NE(s.message().find("narnia"), std::string::npos) << s.message();

  request_.members = {"vietnam"};
  request_.partners = {"china", "mordor"};
  s = Build();
  EXPECT_TRUE(s.IsNotFound());
  EXPECT_NE(s.message().find("mordor"), std::string::npos) << s.message();

  request_.partners = {};
  EXPECT_TRUE(Build().IsInvalidArgument());
  request_.partners = {"china"};
  request_.members = {};
  EXPECT_TRUE(Build().IsInvalidArgument());
  EXPECT_TRUE(matrix_.cells.empty());

  std::vector<TimelineEntry> entries;
  s = PairTimeline(*store_, "china", "narnia", {}, 10, &entries);
  EXPECT_TRUE(s.IsNotFound());
  EXPECT_NE(s.message().find("narnia"), std::string::npos) << s.message();
}

TEST_F(PartnershipTest, TimelineOldestFirstUndatedLast) {
  const auto entries = Timeline("china", "vietnam");
  Strings dates, docs, relations;
  for (const auto& e : entries) {
    dates.push_back(e.date);
    docs.push_back(e.evidence.doc_id);
    relations.push_back(e.relation);
  }
  EXPECT_EQ(dates, (Strings{"2021-03-01", "2021-03-01", "2022-05-02", "2022-07", "2022-09-09", ""}));
  EXPECT_EQ(docs, (Strings{"d1", "d1", "d2", "d2", "d3", "d4"}));
  // Same date and document: in sentence order.
  EXPECT_EQ(relations[0], "cooperates_with");
  EXPECT_EQ(relations[1], "co_mention");
  EXPECT_EQ(entries[1].evidence.begin, 100u);
  // The reverse-direction edge keeps its own direction.
  EXPECT_EQ(entries[4].source, "vietnam");
  EXPECT_EQ(entries[4].target, "china");
  EXPECT_EQ(entries[4].evidence.text, "d3 sentence at 0");
  // Agrees with the matrix cell.
  ASSERT_TRUE(Build().ok());
  ASSERT_NE(Cell("china", "vietnam"), nullptr);
  EXPECT_EQ(entries.size(), Cell("china", "vietnam")->evidence_count);

  // Either order of the pair gives the same timeline.
  const auto reversed = Timeline("vietnam", "china");
  ASSERT_EQ(reversed.size(), entries.size());
  for (size_t i = 0; i < entries.size(); ++i) {
    EXPECT_EQ(reversed[i].evidence.doc_id, entries[i].evidence.doc_id) << i;
    EXPECT_EQ(reversed[i].relation, entries[i].relation) << i;
  }
}

TEST_F(PartnershipTest, TimelineFilterAndLimit) {
  auto entries = Timeline("china", "vietnam", {}, /*limit=*/2);
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[0].date, "2021-03-01");
  EXPECT_EQ(entries[1].date, "2021-03-01") << "the limit keeps the oldest";
  EXPECT_TRUE(Timeline("china", "vietnam", {}, 0).empty());

  entries = Timeline("china", "vietnam", Relations({"co_mention"}));
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[0].evidence.doc_id, "d1");
  EXPECT_EQ(entries[1].evidence.doc_id, "d4");
  EXPECT_EQ(entries[1].date, "");

  // A date range drops undated evidence and evidence outside it.
  entries = Timeline("china", "vietnam", Dates("2022-06", ""));
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[0].date, "2022-07");
  EXPECT_EQ(entries[1].date, "2022-09-09");

  EXPECT_TRUE(Timeline("china", "thailand").empty());
  EXPECT_TRUE(Timeline("united-states", "vietnam").empty());
}

}  // namespace
}  // namespace policygraph::graph
