// Graph traversal over a GraphStore: breadth-first neighbourhoods.
#pragma once

#include <string>
#include <vector>

#include "graph/graph_store.h"

namespace policygraph::graph {

struct NeighborhoodRequest {
  std::string id;
  int depth = 1;           // hops from `id`; 1..kMaxDepth
  size_t max_nodes = 200;  // cap on returned nodes, the start included
  static constexpr int kMaxDepth = 3;
};

struct Neighborhood {
  std::vector<Node> nodes;  // the start first, then by hop distance
  std::vector<EdgeSummary> edges;
  bool truncated = false;  // max_nodes was reached
};

// Returns NotFound when the start node does not exist, InvalidArgument for a
// depth out of range.
Status Neighbors(const GraphStore& store, const NeighborhoodRequest& request, Neighborhood* out);

}  // namespace policygraph::graph
