#include "graph/traversal.h"

#include <algorithm>
#include <set>

namespace policygraph::graph {

Status Neighbors(const GraphStore& store, const NeighborhoodRequest& request, Neighborhood* out) {
  *out = Neighborhood();
  if (request.depth < 1 || request.depth > NeighborhoodRequest::kMaxDepth) {
    return Status::InvalidArgument("depth must be between 1 and " +
                                   std::to_string(NeighborhoodRequest::kMaxDepth));
  }
  auto start = store.GetNode(request.id);
  if (!start) return Status::NotFound("no entity with id '" + request.id + "'");

  std::set<std::string> visited = {request.id};
  std::set<EdgeKey> edges_seen;
  std::vector<std::string> frontier = {request.id};
  out->nodes.push_back(*start);
  for (int hop = 0; hop < request.depth && !frontier.empty(); ++hop) {
    std::vector<std::string> next;
    for (const auto& id : frontier) {
      auto edges = store.EdgesOf(id);
      // Strongest links first, so that a capped result keeps the best ones.
      std::stable_sort(edges.begin(), edges.end(),
                       [](const EdgeSummary& a, const EdgeSummary& b) { return a.weight > b.weight; });
      for (const auto& e : edges) {
        const std::string& other = e.key.source == id ? e.key.target : e.key.source;
        if (!visited.count(other)) {
          auto node = store.GetNode(other);
          if (!node) continue;  // edge to an entity no longer in the gazetteer
          if (out->nodes.size() >= request.max_nodes) {
            out->truncated = true;
            continue;
          }
          visited.insert(other);
          out->nodes.push_back(*node);
          next.push_back(other);
        }
        if (edges_seen.insert(e.key).second) out->edges.push_back(e);
      }
    }
    frontier = std::move(next);
  }
  // Keep only edges whose both ends are in the result.
  std::erase_if(out->edges, [&](const EdgeSummary& e) {
    return !visited.count(e.key.source) || !visited.count(e.key.target);
  });
  return Status::OK();
}

}  // namespace policygraph::graph
