// Graph traversal over a GraphStore: breadth-first neighbourhoods.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
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

// A date as an edge carries it ("2022", "2022-06", "2022-06-01" or none),
// held in the edge itself rather than in a std::string (see
// NeighborhoodEdge). A longer date (none that the indexer writes) is kept
// by its Neighborhood instead; read dates through
// Neighborhood::FirstDate / LastDate.
struct EdgeDate {
  static constexpr size_t kCapacity = 10;      // "YYYY-MM-DD"
  static constexpr uint8_t kElsewhere = 0xFF;  // text holds an index in Neighborhood::long_dates
  char text[kCapacity] = {};
  uint8_t size = 0;
};

// An edge of a neighbourhood, its ends named by their place in the
// neighbourhood's `nodes` rather than by id, its relation by its place in
// `relations`. A depth-2 answer from a busy node holds ~13,000 edges among
// ~200 nodes: two id strings an edge (most ids are past the short-string
// buffer) put a fifth to a quarter of the walk's time in the allocator
// (docs/PERFORMANCE.md 6e, 6f); a relation and two dates as strings made
// each edge ~112 bytes, written on every query (44 now; 6j).
struct NeighborhoodEdge {
  uint32_t source = 0;  // index in Neighborhood::nodes
  uint32_t target = 0;
  uint32_t weight = 0;          // number of documents supporting the edge
  uint32_t evidence_count = 0;  // number of supporting sentences
  uint32_t relation = 0;        // index in Neighborhood::relations
  EdgeDate first_date;
  EdgeDate last_date;
};

struct Neighborhood {
  std::vector<Node> nodes;  // the start first, then by hop distance
  std::vector<NeighborhoodEdge> edges;  // only edges with both ends in `nodes`
  std::vector<std::string> relations;   // relation names; edges name theirs by place here
  std::vector<std::string> long_dates;  // dates longer than an EdgeDate holds
  bool truncated = false;  // an acceptable node was left out for max_nodes

  const std::string& SourceId(const NeighborhoodEdge& e) const { return nodes[e.source].id; }
  const std::string& TargetId(const NeighborhoodEdge& e) const { return nodes[e.target].id; }
  const std::string& Relation(const NeighborhoodEdge& e) const { return relations[e.relation]; }
  // "" when the edge has no date.
  std::string_view FirstDate(const NeighborhoodEdge& e) const { return Date(e.first_date); }
  std::string_view LastDate(const NeighborhoodEdge& e) const { return Date(e.last_date); }
  // The number of `relation` in `relations`, added if new.
  uint32_t RelationNumber(std::string_view relation);
  // Fills `date` with `text`.
  void SetDate(std::string_view text, EdgeDate* date);
  // Appends an edge between nodes `source` and `target` (their places in
  // `nodes`).
  void AddEdge(uint32_t source, uint32_t target, std::string_view relation, uint32_t weight, uint32_t evidence_count,
               std::string_view first_date, std::string_view last_date);
  // The edge with its ends' ids, as the store and the other queries give it.
  EdgeSummary Summary(const NeighborhoodEdge& e) const;

 private:
  std::string_view Date(const EdgeDate& d) const {
    if (d.size != EdgeDate::kElsewhere) return {d.text, d.size};
    uint32_t index = 0;
    std::memcpy(&index, d.text, sizeof index);
    return long_dates[index];
  }
};

// Returns NotFound when the start node does not exist, InvalidArgument for a
// depth out of range.
Status Neighbors(const GraphStore& store, const NeighborhoodRequest& request, Neighborhood* out);

}  // namespace policygraph::graph
