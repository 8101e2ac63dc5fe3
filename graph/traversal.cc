#include "graph/traversal.h"

#include <algorithm>
#include <optional>
#include <string_view>

#include "graph/id_table.h"

namespace policygraph::graph {

namespace {

// Breadth-first state: which ids are in the result (by their number in it)
// and whether each was expanded yet; which were looked at and turned away
// (no node record, or a type the filter excludes), so that each id costs at
// most one GetNode. One flat table for both (graph/id_table.h): a walk from
// a hub tests thousands of ids against it.
//
// An edge between two nodes of the result is added when the first of its
// ends is expanded, and only then: when a node W is expanded, every node the
// edge W–X could bring in either is in the result already (and the edge is
// added), or comes in by it, or never will (the result is full). So an edge
// to a node expanded earlier was added by that node, and is skipped without
// building it again; no set of edges seen is needed.
struct Walk {
  static constexpr uint32_t kRejected = IdTable::kAbsent - 1;
  IdTable met;                // id -> its number in the result, or kRejected
  std::vector<char> expanded;  // by number in the result

  void Include(std::string_view id) {
    met.Insert(id, static_cast<uint32_t>(expanded.size()));
    expanded.push_back(false);
  }
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
  walk.Include(request.id);
  // The start is always included, whatever its type: the user asked for it.
  out->nodes.push_back(*start);
  auto full = [&] { return out->nodes.size() >= request.max_nodes; };
  std::vector<std::string> frontier = {request.id};
  std::vector<bool> relation_ok;
  std::vector<uint32_t> offsets;
  // The result's ids in the records' by-other order (hash, then bytes),
  // each with its number (views of walk.met's bytes: nothing is added once
  // the result is closed), and those a closed expansion looks for.
  std::vector<std::pair<OtherEndKey, uint32_t>> sorted_included;
  std::vector<OtherEndKey> wanted;
  for (int hop = 0; hop < request.depth && !frontier.empty(); ++hop) {
    std::vector<std::string> next;
    for (const auto& id : frontier) {
      walk.expanded[walk.met.Find(id)] = true;
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
      // Adds the edge of entry v, to a node in the result, unless the other
      // end was expanded before (it added the edge then). A loop (id to
      // itself) has two entries, outgoing first: the incoming one is the
      // same edge.
      auto add_edge = [&](bool other_expanded) {
        if (v.other == id ? !v.outgoing : other_expanded) return;
        EdgeSummary e;
        e.key = v.outgoing ? EdgeKey{id, std::string(v.relation), std::string(v.other)}
                           : EdgeKey{std::string(v.other), std::string(v.relation), id};
        e.weight = v.weight;
        e.evidence_count = v.evidence_count;
        e.first_date = v.first_date;
        e.last_date = v.last_date;
        out->edges.push_back(std::move(e));
      };
      const size_t n = adjacency->size();
      size_t i = 0;
      // While the result is open: follow each edge, looking up the nodes it
      // reaches, until the result is full and known to be truncated.
      if (!(full() && out->truncated)) {
        for (; i < n; ++i) {
          if (!adjacency->Entry(i, &v) || !accepts()) continue;
          if (const uint32_t met = walk.met.Find(v.other); met != IdTable::kAbsent) {
            if (met != Walk::kRejected) add_edge(walk.expanded[met]);
            continue;
          }
          if (full() && out->truncated) {
            ++i;
            break;
          }
          auto node = store.GetNode(std::string(v.other));
          // No node: an entity no longer in the gazetteer.
          if (!node || !filter.AcceptsNode(*node)) {
            walk.met.Insert(v.other, Walk::kRejected);
            continue;
          }
          if (full()) {
            // A node the filter accepts but there is no room for: the
            // result is incomplete and must say so.
            out->truncated = true;
            continue;
          }
          walk.Include(v.other);
          out->nodes.push_back(std::move(*node));
          next.emplace_back(v.other);
          add_edge(false);
        }
      }
      if (i >= n) continue;
      // The result is closed: of the entries left, only edges to nodes
      // already in it can still be added, in record order. A hub has tens of
      // thousands of entries and the result a few hundred nodes, so look
      // those nodes up in the record's by-other index instead of reading the
      // rest of it, when that reads fewer entries.
      if (n - i <= 2 * walk.expanded.size()) {
        for (; i < n; ++i) {
          if (!adjacency->Entry(i, &v)) continue;
          const uint32_t met = walk.met.Find(v.other);
          if (met != IdTable::kAbsent && met != Walk::kRejected && accepts()) add_edge(walk.expanded[met]);
        }
        continue;
      }
      // Nothing joins a closed result, so the sorted list is made once.
      if (sorted_included.size() != walk.expanded.size()) {
        sorted_included.clear();
        walk.met.ForEach([&](std::string_view included, uint32_t number) {
          if (number != Walk::kRejected) sorted_included.emplace_back(OtherEndKey::Of(included), number);
        });
        std::sort(sorted_included.begin(), sorted_included.end(),
                  [](const auto& a, const auto& b) { return a.first < b.first; });
      }
      // Only the nodes not expanded yet (an edge to another was added by
      // it), and this one, for a loop.
      wanted.clear();
      for (const auto& [other, number] : sorted_included) {
        if (!walk.expanded[number] || other.other == id) wanted.push_back(other);
      }
      offsets.clear();
      adjacency->FindOthers(wanted, &offsets);
      // Offsets sort in record order; those before entry i were read above.
      std::sort(offsets.begin(), offsets.end());
      const uint32_t from = adjacency->OffsetOf(i);
      for (uint32_t offset : offsets) {
        if (offset >= from && adjacency->EntryAt(offset, &v) && accepts()) add_edge(/*other_expanded=*/false);
      }
    }
    frontier = std::move(next);
  }
  // Every edge added has both ends in the result: one is the node expanded,
  // the other was in the result or came in by the edge, and nothing leaves.
  return Status::OK();
}

}  // namespace policygraph::graph
