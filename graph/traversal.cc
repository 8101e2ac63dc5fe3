#include "graph/traversal.h"

#include <algorithm>
#include <functional>
#include <string_view>
#include <unordered_set>

namespace policygraph::graph {

namespace {

const std::string& OtherEnd(const EdgeSummary& edge, const std::string& id) {
  return edge.key.source == id ? edge.key.target : edge.key.source;
}

// The edges of `id` the filter lets us follow, strongest first, so that a
// result capped by max_nodes keeps the best-supported links. The sort is
// stable: equal weights keep the store's (key) order, which is deterministic.
// `want` may drop edges by their keys beforehand (the store then does not
// read them); dropping some edges keeps the others' relative order.
std::vector<EdgeSummary> FollowableEdges(
    const GraphStore& store, const std::string& id, const LinkFilter& filter,
    const std::function<bool(std::string_view, std::string_view)>& want) {
  std::vector<EdgeSummary> edges = store.EdgesOf(id, want);
  std::erase_if(edges, [&](const EdgeSummary& e) { return !filter.Accepts(e); });
  std::stable_sort(edges.begin(), edges.end(),
                   [](const EdgeSummary& a, const EdgeSummary& b) { return a.weight > b.weight; });
  return edges;
}

// Hash sets, not ordered ones: a walk from a hub tests tens of thousands of
// ids and edges against them.
struct IdHash {
  using is_transparent = void;  // lets the store's key test ask with a string_view
  size_t operator()(std::string_view id) const { return std::hash<std::string_view>()(id); }
};
struct EdgeKeyHash {
  size_t operator()(const EdgeKey& k) const {
    const std::hash<std::string> h;
    return (h(k.source) * 31 + h(k.relation)) * 31 + h(k.target);
  }
};
// Breadth-first state: which ids are in the result, which were looked at and
// turned away (no node record, or a type the filter excludes), so that each
// id costs at most one GetNode.
struct Walk {
  std::unordered_set<std::string, IdHash, std::equal_to<>> included;
  std::unordered_set<std::string> rejected;
  std::unordered_set<EdgeKey, EdgeKeyHash> edges_seen;
};

}  // namespace

Status Neighbors(const GraphStore& store, const NeighborhoodRequest& request, Neighborhood* out) {
  *out = Neighborhood();
  if (request.depth < 1 || request.depth > NeighborhoodRequest::kMaxDepth) {
    return Status::InvalidArgument("depth must be between 1 and " +
                                   std::to_string(NeighborhoodRequest::kMaxDepth));
  }
  auto start = store.GetNode(request.id);
  if (!start) return Status::NotFound("no entity with id '" + request.id + "'");

  const LinkFilter& filter = request.filter;
  Walk walk;
  walk.included.insert(request.id);
  // The start is always included, whatever its type: the user asked for it.
  out->nodes.push_back(*start);
  auto full = [&] { return out->nodes.size() >= request.max_nodes; };
  std::vector<std::string> frontier = {request.id};
  for (int hop = 0; hop < request.depth && !frontier.empty(); ++hop) {
    std::vector<std::string> next;
    for (const auto& id : frontier) {
      // Edges the loop below would drop anyway are dropped by the store on
      // their keys, unread: those of a relation the filter excludes, and,
      // once the result is full and known to be truncated, those to nodes
      // not in it (only edges between two nodes already in the result can
      // still be added). The others keep their relative order, so the
      // result is the same; the store no longer decodes every edge of every
      // hub on the last layer.
      const bool closed = full() && out->truncated;
      auto want = [&](std::string_view relation, std::string_view other) {
        if (!filter.relations.empty() && !filter.relations.count(std::string(relation))) return false;
        return !closed || walk.included.count(other) > 0;
      };
      for (const auto& e : FollowableEdges(store, id, filter, want)) {
        const std::string& other = OtherEnd(e, id);
        if (!walk.included.count(other)) {
          // Once the result is full and known to be truncated, no lookup can
          // change it: skip them (a hub has tens of thousands of neighbours).
          if (walk.rejected.count(other) || (full() && out->truncated)) continue;
          auto node = store.GetNode(other);
          // No node: an entity no longer in the gazetteer.
          if (!node || !filter.AcceptsNode(*node)) {
            walk.rejected.insert(other);
            continue;
          }
          if (full()) {
            // A node the filter accepts but there is no room for: the
            // result is incomplete and must say so.
            out->truncated = true;
            continue;
          }
          walk.included.insert(other);
          out->nodes.push_back(std::move(*node));
          next.push_back(other);
        }
        if (walk.edges_seen.insert(e.key).second) out->edges.push_back(e);
      }
    }
    frontier = std::move(next);
  }
  // Keep only edges whose both ends are in the result (an edge seen from a
  // node whose neighbour was then capped away must not dangle).
  std::erase_if(out->edges, [&](const EdgeSummary& e) {
    return !walk.included.count(e.key.source) || !walk.included.count(e.key.target);
  });
  return Status::OK();
}

}  // namespace policygraph::graph
