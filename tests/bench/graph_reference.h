// The reference answers of the graph benchmark: plain breadth-first search
// over the generated edges in memory, and the checks that hold policygraph's
// and the SQLite peer's results to it. Neither system under test is the
// judge of the other.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "tests/bench/synthetic_graph.h"

namespace policygraph::bench {

class ReferenceGraph {
 public:
  explicit ReferenceGraph(const SyntheticGraph& graph);

  std::optional<uint32_t> Index(const std::string& id) const;
  // Every node within `depth` hops of `start` over accepted edges of either
  // direction, with its distance; `start` at 0.
  std::unordered_map<uint32_t, int> Ball(uint32_t start, int depth, const EdgeFilter& filter) const;
  // Whether an accepted edge joins a and b, either way.
  bool Linked(uint32_t a, uint32_t b, const EdgeFilter& filter) const;
  // The edges touching `node` (indices into the graph's edges).
  std::vector<uint32_t> EdgesOf(uint32_t node) const;

 private:
  const SyntheticGraph& graph_;
  std::unordered_map<std::string, uint32_t> index_;
  std::vector<uint64_t> begin_;  // CSR: node i's edges are edges_[begin_[i] .. begin_[i+1])
  std::vector<uint32_t> edges_;
};

// How a neighbour set compares to the reference.
enum class Verdict {
  kExact,      // the same set
  kCapped,     // not every node fitted, and the result is a valid cut: the
               // start, `limit` distinct nodes all within reach, and every
               // layer but the last complete
  kMismatch,
};

// `got` are node ids; `limit` 0 means uncapped.
Verdict CheckNeighbors(const ReferenceGraph& ref, const std::string& start, int depth,
                       const EdgeFilter& filter, size_t limit, const std::vector<std::string>& got,
                       std::string* why);

// `path` is from ... to, empty for "no path"; it must be as short as the
// reference's and every step an accepted edge.
bool CheckPath(const ReferenceGraph& ref, const std::string& from, const std::string& to,
               int max_hops, const EdgeFilter& filter, const std::vector<std::string>& path,
               std::string* why);

}  // namespace policygraph::bench
