#include "graph/traversal.h"

#include <algorithm>
#include <functional>
#include <optional>
#include <string_view>
#include <unordered_set>

namespace policygraph::graph {

namespace {

// Hash sets, not ordered ones: a walk from a hub tests tens of thousands of
// ids and edges against them.
struct IdHash {
  using is_transparent = void;  // lets a record's entries ask with a string_view
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
  std::unordered_set<std::string, IdHash, std::equal_to<>> rejected;
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
  std::vector<bool> relation_ok;
  std::vector<uint32_t> numbers;
  std::vector<std::string_view> sorted_included;  // views of walk.included's (node-stable) strings
  for (int hop = 0; hop < request.depth && !frontier.empty(); ++hop) {
    std::vector<std::string> next;
    for (const auto& id : frontier) {
      // One read: the node's edges, strongest first (a capped result keeps
      // the best-supported links), equal weights in key order.
      const std::optional<Adjacency> adjacency = store.AdjacencyOf(id);
      if (!adjacency) continue;  // no edges
      relation_ok.clear();
      for (const auto& r : adjacency->relations()) {
        relation_ok.push_back(filter.relations.empty() || filter.relations.count(r) > 0);
      }
      AdjacencyEntryView v;
      auto accepts = [&] {
        return relation_ok[v.relation_number] && filter.AcceptsWeightAndDates(v.weight, v.first_date, v.last_date);
      };
      auto add_edge = [&] {
        EdgeSummary e;
        e.key = v.outgoing ? EdgeKey{id, std::string(v.relation), std::string(v.other)}
                           : EdgeKey{std::string(v.other), std::string(v.relation), id};
        e.weight = v.weight;
        e.evidence_count = v.evidence_count;
        e.first_date = v.first_date;
        e.last_date = v.last_date;
        if (walk.edges_seen.insert(e.key).second) out->edges.push_back(std::move(e));
      };
      const size_t n = adjacency->size();
      size_t i = 0;
      // While the result is open: follow each edge, looking up the nodes it
      // reaches, until the result is full and known to be truncated.
      if (!(full() && out->truncated)) {
        for (; i < n; ++i) {
          if (!adjacency->Entry(i, &v) || !accepts()) continue;
          if (walk.included.count(v.other)) {
            add_edge();
            continue;
          }
          if (walk.rejected.count(v.other)) continue;
          if (full() && out->truncated) {
            ++i;
            break;
          }
          auto node = store.GetNode(std::string(v.other));
          // No node: an entity no longer in the gazetteer.
          if (!node || !filter.AcceptsNode(*node)) {
            walk.rejected.emplace(v.other);
            continue;
          }
          if (full()) {
            // A node the filter accepts but there is no room for: the
            // result is incomplete and must say so.
            out->truncated = true;
            continue;
          }
          walk.included.emplace(v.other);
          out->nodes.push_back(std::move(*node));
          next.emplace_back(v.other);
          add_edge();
        }
      }
      if (i >= n) continue;
      // The result is closed: of the entries left, only edges to nodes
      // already in it can still be added, in record order. A hub has tens of
      // thousands of entries and the result a few hundred nodes, so look
      // those nodes up in the record's by-other index instead of reading the
      // rest of it, when that reads fewer entries.
      if (n - i <= 4 * walk.included.size()) {
        for (; i < n; ++i) {
          if (adjacency->Entry(i, &v) && walk.included.count(v.other) && accepts()) add_edge();
        }
        continue;
      }
      // Nothing joins a closed result, so the sorted list is made once.
      if (sorted_included.size() != walk.included.size()) {
        sorted_included.assign(walk.included.begin(), walk.included.end());
        std::sort(sorted_included.begin(), sorted_included.end());
      }
      numbers.clear();
      adjacency->FindOthers(sorted_included, &numbers);
      std::sort(numbers.begin(), numbers.end());
      for (uint32_t number : numbers) {
        if (number >= i && adjacency->Entry(number, &v) && accepts()) add_edge();
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
