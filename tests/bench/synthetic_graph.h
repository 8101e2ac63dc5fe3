// A seeded synthetic entity graph for the graph benchmark (issue 6): the
// shape of policygraph's real graph at a size the corpus does not reach yet.
//
// Nodes are entities of the gazetteer's types. A handful of hubs carry real
// gazetteer ids (asean, china, united-states, european-union, ...); the rest
// are "<type>-NNNNN". Every node has a propensity 1/rank^alpha (hubs rank
// first), and each edge picks both ends in proportion to it among the types
// its relation allows, so degrees follow a power law: hubs touch most of the
// graph, the tail a few dozen nodes. Edges are distinct (source, relation,
// target); cooperation and co_mention are undirected and stored with
// source < target, as the indexer stores them. Weights (supporting documents)
// are heavy-tailed; dates span 2005-2025; a few edges are undated.
//
// Everything depends only on the options (the seed among them), never on the
// standard library's distributions, so the same options give the same graph
// with any compiler.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace policygraph::bench {

// splitmix64: tiny, fast and fully specified (unlike std:: distributions).
class Rng {
 public:
  explicit Rng(uint64_t seed) : state_(seed) {}
  uint64_t Next();
  uint64_t Below(uint64_t n);  // uniform in [0, n); n > 0
  double Unit();               // uniform in [0, 1)

 private:
  uint64_t state_;
};

struct SyntheticNode {
  std::string id;
  std::string type;
  std::string name_en;
  std::string name_vi;
  bool hub = false;
  double propensity = 0;  // relative chance of being an edge's end
};

struct SyntheticEdge {
  uint32_t source = 0;  // index into SyntheticGraph::nodes
  uint32_t target = 0;
  uint8_t relation = 0;  // index into kRelations
  uint32_t weight = 1;   // supporting documents
  std::string first_date;  // YYYY-MM-DD, or "" with last_date "" when undated
  std::string last_date;
};

struct SyntheticGraphOptions {
  uint64_t edges = 1000000;
  uint32_t nodes = 5000;  // "a few thousand entities"
  uint64_t seed = 1;
  double alpha = 1.0;     // exponent of the rank power law
};

struct SyntheticGraph {
  std::vector<SyntheticNode> nodes;
  std::vector<SyntheticEdge> edges;  // in generation order
  size_t hubs = 0;                   // nodes[0 .. hubs) are the hubs
};

// The relations the indexer types links with (indexer/link_triggers.h).
inline constexpr const char* kRelations[] = {"cooperation", "enactment", "participation",
                                             "investment",  "membership", "basis",
                                             "co_mention"};
inline constexpr size_t kRelationCount = sizeof(kRelations) / sizeof(kRelations[0]);
bool IsUndirected(uint8_t relation);

// What a traversal may follow, in the terms both systems share: relations
// and a minimum weight (graph::LinkFilter's relations and min_weight; the
// peer's table has no entity types).
struct EdgeFilter {
  std::vector<std::string> relations;  // empty: every relation
  uint32_t min_weight = 1;
  bool Accepts(const SyntheticEdge& edge) const;
};

// Fails (false, *error says why) when the node types cannot hold that many
// distinct edges; more --nodes then.
bool GenerateSyntheticGraph(const SyntheticGraphOptions& options, SyntheticGraph* graph,
                            std::string* error);

}  // namespace policygraph::bench
