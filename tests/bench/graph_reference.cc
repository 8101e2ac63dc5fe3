#include "tests/bench/graph_reference.h"

#include <algorithm>
#include <unordered_set>

namespace policygraph::bench {

ReferenceGraph::ReferenceGraph(const SyntheticGraph& graph) : graph_(graph) {
  for (uint32_t i = 0; i < graph.nodes.size(); ++i) index_.emplace(graph.nodes[i].id, i);
  begin_.assign(graph.nodes.size() + 1, 0);
  for (const auto& e : graph.edges) {
    ++begin_[e.source + 1];
    ++begin_[e.target + 1];
  }
  for (size_t i = 0; i < graph.nodes.size(); ++i) begin_[i + 1] += begin_[i];
  edges_.resize(begin_.back());
  std::vector<uint64_t> fill(begin_.begin(), begin_.end() - 1);
  for (uint32_t i = 0; i < graph.edges.size(); ++i) {
    edges_[fill[graph.edges[i].source]++] = i;
    edges_[fill[graph.edges[i].target]++] = i;
  }
}

std::optional<uint32_t> ReferenceGraph::Index(const std::string& id) const {
  auto it = index_.find(id);
  if (it == index_.end()) return std::nullopt;
  return it->second;
}

std::vector<uint32_t> ReferenceGraph::EdgesOf(uint32_t node) const {
  return {edges_.begin() + begin_[node], edges_.begin() + begin_[node + 1]};
}

std::unordered_map<uint32_t, int> ReferenceGraph::Ball(uint32_t start, int depth,
                                                       const EdgeFilter& filter) const {
  std::unordered_map<uint32_t, int> dist = {{start, 0}};
  std::vector<uint32_t> frontier = {start};
  for (int d = 1; d <= depth && !frontier.empty(); ++d) {
    std::vector<uint32_t> next;
    for (uint32_t n : frontier) {
      for (uint64_t j = begin_[n]; j < begin_[n + 1]; ++j) {
        const SyntheticEdge& e = graph_.edges[edges_[j]];
        if (!filter.Accepts(e)) continue;
        const uint32_t other = e.source == n ? e.target : e.source;
        if (dist.emplace(other, d).second) next.push_back(other);
      }
    }
    frontier = std::move(next);
  }
  return dist;
}

bool ReferenceGraph::Linked(uint32_t a, uint32_t b, const EdgeFilter& filter) const {
  for (uint64_t j = begin_[a]; j < begin_[a + 1]; ++j) {
    const SyntheticEdge& e = graph_.edges[edges_[j]];
    if ((e.source == b || e.target == b) && filter.Accepts(e)) return true;
  }
  return false;
}

Verdict CheckNeighbors(const ReferenceGraph& ref, const std::string& start, int depth,
                       const EdgeFilter& filter, size_t limit, const std::vector<std::string>& got,
                       std::string* why) {
  auto s = ref.Index(start);
  if (!s) {
    *why = "unknown start " + start;
    return Verdict::kMismatch;
  }
  const auto ball = ref.Ball(*s, depth, filter);
  std::unordered_set<uint32_t> seen;
  int deepest = 0;
  for (const auto& id : got) {
    auto i = ref.Index(id);
    if (!i || !ball.count(*i)) {
      *why = id + " is not within " + std::to_string(depth) + " hops of " + start;
      return Verdict::kMismatch;
    }
    if (!seen.insert(*i).second) {
      *why = id + " returned twice";
      return Verdict::kMismatch;
    }
    deepest = std::max(deepest, ball.at(*i));
  }
  if (!seen.count(*s)) {
    *why = "the start " + start + " is missing";
    return Verdict::kMismatch;
  }
  if (limit == 0 || ball.size() <= limit) {
    if (seen.size() == ball.size()) return Verdict::kExact;
    *why = std::to_string(seen.size()) + " nodes, the reference has " + std::to_string(ball.size());
    return Verdict::kMismatch;
  }
  if (seen.size() != limit) {
    *why = "capped at " + std::to_string(seen.size()) + " nodes, not " + std::to_string(limit);
    return Verdict::kMismatch;
  }
  for (const auto& [node, d] : ball) {
    if (d < deepest && !seen.count(node)) {
      *why = "layer " + std::to_string(d) + " incomplete while layer " + std::to_string(deepest) +
             " has nodes";
      return Verdict::kMismatch;
    }
  }
  return Verdict::kCapped;
}

bool CheckPath(const ReferenceGraph& ref, const std::string& from, const std::string& to,
               int max_hops, const EdgeFilter& filter, const std::vector<std::string>& path,
               std::string* why) {
  auto f = ref.Index(from), t = ref.Index(to);
  if (!f || !t) {
    *why = "unknown end";
    return false;
  }
  const auto ball = ref.Ball(*f, max_hops, filter);
  auto it = ball.find(*t);
  const int want = it == ball.end() ? -1 : it->second;
  const int got = static_cast<int>(path.size()) - 1;
  if (got != want) {
    *why = "length " + std::to_string(got) + ", the reference's " + std::to_string(want);
    return false;
  }
  if (path.empty()) return true;
  if (path.front() != from || path.back() != to) {
    *why = "does not run from " + from + " to " + to;
    return false;
  }
  for (size_t i = 0; i + 1 < path.size(); ++i) {
    auto a = ref.Index(path[i]), b = ref.Index(path[i + 1]);
    if (!a || !b || !ref.Linked(*a, *b, filter)) {
      *why = "no accepted edge " + path[i] + " - " + path[i + 1];
      return false;
    }
  }
  return true;
}

}  // namespace policygraph::bench
