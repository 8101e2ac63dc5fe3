// Shortest path between two entities, over links of either direction.
#pragma once

#include <string>
#include <vector>

#include "graph/graph_store.h"
#include "graph/link_filter.h"

namespace policygraph::graph {

struct PathRequest {
  std::string from;
  std::string to;
  int max_hops = 4;  // 1..kMaxHops
  LinkFilter filter;
  static constexpr int kMaxHops = 6;
};

struct Path {
  std::vector<Node> nodes;          // from ... to; empty when no path exists
  // edges[i] joins nodes[i] and nodes[i+1]; each keeps its stored direction,
  // so its source may be nodes[i+1].
  std::vector<EdgeSummary> edges;
};

// Fewest hops first; among paths of equal length, the one whose edge weights
// sum highest, then (for a deterministic answer) the smaller ids and edge
// keys. The filter's relations, dates and min_weight apply to every edge, its
// entity types to the nodes in between but not to `from` and `to`, which the
// user named. from == to gives a one-node path.
//
// NotFound when either entity does not exist; InvalidArgument for max_hops out
// of range, and also when the search gives up because it would have to look
// at more than ~100k entities (a hub-heavy graph with a loose filter): the
// message says to narrow the filter. An OK status with an empty path means no
// path within max_hops.
Status ShortestPath(const GraphStore& store, const PathRequest& request, Path* out);

}  // namespace policygraph::graph
