// Graph traversal over a GraphStore: breadth-first neighbourhoods.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "graph/graph_store.h"
#include "graph/link_filter.h"

namespace policygraph::graph {

struct NeighborhoodRequest {
  std::string id;
  int depth = 1;           // hops from `id`; 1..kMaxDepth
  size_t max_nodes = 200;  // cap on returned nodes, the start included
  // Only edges the filter Accepts are followed and only nodes it AcceptsNode
  // are reached (nor traversed through); the start is included whatever its
  // type. Nodes the filter turns away take no room under max_nodes.
  LinkFilter filter;
  static constexpr int kMaxDepth = 3;
};

// An edge of a neighbourhood, its ends named by their place in the
// neighbourhood's `nodes` rather than by id. A depth-2 answer from a busy
// node holds ~13,000 edges among ~200 nodes; two id strings an edge (most
// ids are past the short-string buffer) put a fifth to a quarter of the
// walk's time in the allocator, for copies every reader then copied again
// (into JSON, into text) or never read (docs/PERFORMANCE.md 6e, 6f).
struct NeighborhoodEdge {
  uint32_t source = 0;  // index in Neighborhood::nodes
  uint32_t target = 0;
  std::string relation;
  uint32_t weight = 0;          // number of documents supporting the edge
  uint32_t evidence_count = 0;  // number of supporting sentences
  std::string first_date;
  std::string last_date;
};

struct Neighborhood {
  std::vector<Node> nodes;  // the start first, then by hop distance
  std::vector<NeighborhoodEdge> edges;  // only edges with both ends in `nodes`
  bool truncated = false;  // an acceptable node was left out for max_nodes

  const std::string& SourceId(const NeighborhoodEdge& e) const { return nodes[e.source].id; }
  const std::string& TargetId(const NeighborhoodEdge& e) const { return nodes[e.target].id; }
  // The edge with its ends' ids, as the store and the other queries give it.
  EdgeSummary Summary(const NeighborhoodEdge& e) const;
};

// Returns NotFound when the start node does not exist, InvalidArgument for a
// depth out of range.
Status Neighbors(const GraphStore& store, const NeighborhoodRequest& request, Neighborhood* out);

}  // namespace policygraph::graph
