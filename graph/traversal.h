// Graph traversal over a GraphStore: breadth-first neighbourhoods.
#pragma once

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

struct Neighborhood {
  std::vector<Node> nodes;  // the start first, then by hop distance
  std::vector<EdgeSummary> edges;  // only edges with both ends in `nodes`
  bool truncated = false;  // an acceptable node was left out for max_nodes
};

// Returns NotFound when the start node does not exist, InvalidArgument for a
// depth out of range.
Status Neighbors(const GraphStore& store, const NeighborhoodRequest& request, Neighborhood* out);

}  // namespace policygraph::graph
