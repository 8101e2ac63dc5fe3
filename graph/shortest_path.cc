#include "graph/shortest_path.h"

#include <algorithm>
#include <map>
#include <optional>
#include <unordered_map>
#include <unordered_set>

namespace policygraph::graph {

namespace {

// Work bounds: a few hubs (ASEAN, the UN, China) touch most of the graph, and
// six hops from one of them would otherwise read all of it for one request.
constexpr size_t kMaxNodesLookedAt = 100000;
constexpr size_t kMaxEdgesExamined = 2000000;

const std::string& OtherEnd(const EdgeSummary& edge, const std::string& id) {
  return edge.key.source == id ? edge.key.target : edge.key.source;
}

// How the search reached a node: by the strongest of the shortest ways.
struct Reach {
  int hops = 0;
  uint64_t strength = 0;  // sum of the edge weights from `from`
  std::string parent;     // "" for `from` itself
  EdgeSummary via;        // the edge from parent to this node
  Node node;
};

// One way of reaching a node: from `parent` over `edge`, `strength` in all.
struct Candidate {
  uint64_t strength;
  const std::string* parent;
  const EdgeSummary* edge;
};

// Among ways of equal length, the stronger one wins; ties go to the smaller
// parent id, then the smaller edge key, so the answer does not depend on the
// order in which the store lists edges.
bool Better(const Candidate& a, const Candidate& b) {
  if (a.strength != b.strength) return a.strength > b.strength;
  if (*a.parent != *b.parent) return *a.parent < *b.parent;
  return a.edge->key < b.edge->key;
}

class PathSearch {
 public:
  PathSearch(const GraphStore& store, const PathRequest& request, Node to)
      : store_(store), request_(request), to_node_(std::move(to)) {}

  // Runs the layered breadth-first search; `from` and `to` exist and differ.
  Status Run(Node from, Path* out) {
    std::vector<std::string> frontier = {request_.from};
    reach_[request_.from] = Reach{0, 0, "", {}, std::move(from)};
    const auto to_links = LinksOfTarget();
    for (int hops = 0; hops < request_.max_hops && !frontier.empty(); ++hops) {
      // Every node of the frontier is `hops` away and its strength is final
      // (all its predecessors were expanded before it), so if any of them
      // touches `to`, the best of those links closes a shortest path.
      if (auto last = BestLinkToTarget(frontier, to_links)) {
        *out = Assemble(*last);
        return Status::OK();
      }
      if (hops + 1 == request_.max_hops) break;  // a longer path is not wanted
      Status s = Expand(&frontier, hops + 1);
      if (!s.ok()) return s;
    }
    return Status::OK();  // no path within max_hops: *out stays empty
  }

 private:
  // `to`'s accepted links, by the id at their other end. Found once, up
  // front, so that the search can stop at the layer before `to` instead of
  // expanding that whole layer (the largest one, in a hub-heavy graph).
  std::map<std::string, std::vector<EdgeSummary>> LinksOfTarget() const {
    std::map<std::string, std::vector<EdgeSummary>> links;
    for (auto& e : store_.EdgesOf(request_.to)) {
      if (request_.filter.Accepts(e)) links[OtherEnd(e, request_.to)].push_back(std::move(e));
    }
    return links;
  }

  std::optional<Candidate> BestLinkToTarget(
      const std::vector<std::string>& frontier,
      const std::map<std::string, std::vector<EdgeSummary>>& to_links) const {
    std::optional<Candidate> best;
    for (const auto& id : frontier) {
      auto it = to_links.find(id);
      if (it == to_links.end()) continue;
      const Reach& r = reach_.at(id);
      for (const auto& e : it->second) {
        Candidate c{r.strength + e.weight, &id, &e};
        if (!best || Better(c, *best)) best = c;
      }
    }
    return best;
  }

  // Replaces *frontier by the nodes first reached at distance `hops`.
  Status Expand(std::vector<std::string>* frontier, int hops) {
    std::vector<std::string> next;
    for (const auto& id : *frontier) {
      const uint64_t strength = reach_.at(id).strength;
      for (auto& e : store_.EdgesOf(id)) {
        if (++edges_examined_ > kMaxEdgesExamined) return TooBroad();
        if (!request_.filter.Accepts(e)) continue;
        const std::string other = OtherEnd(e, id);
        Candidate c{strength + e.weight, &id, &e};
        if (auto it = reach_.find(other); it != reach_.end()) {
          // Reached earlier in this same layer: an equally short way, keep
          // the better. Reached in an earlier layer: a longer way, ignore.
          Reach& r = it->second;
          if (r.hops == hops && Better(c, Candidate{r.strength, &r.parent, &r.via})) {
            r.strength = c.strength;
            r.parent = id;
            r.via = e;
          }
          continue;
        }
        std::optional<Node> node = Admit(other);
        if (!node) continue;
        if (reach_.size() + refused_.size() > kMaxNodesLookedAt) return TooBroad();
        reach_[other] = Reach{hops, c.strength, id, std::move(e), std::move(*node)};
        next.push_back(other);
      }
    }
    *frontier = std::move(next);
    return Status::OK();
  }

  // The node to step onto, or nullopt when `id` has no node (an entity gone
  // from the gazetteer) or a type the filter excludes. Neither end comes
  // here (`from` is where the search starts; it stops at `to`'s neighbours),
  // so the type filter applies only to the nodes in between.
  std::optional<Node> Admit(const std::string& id) {
    if (refused_.count(id)) return std::nullopt;
    std::optional<Node> node = store_.GetNode(id);
    if (!node || !request_.filter.AcceptsNode(*node)) {
      refused_.insert(id);
      return std::nullopt;
    }
    return node;
  }

  // Walks the parents back from the last step's node to `from`.
  Path Assemble(const Candidate& last) const {
    Path path;
    for (const Reach* r = &reach_.at(*last.parent);; r = &reach_.at(r->parent)) {
      path.nodes.push_back(r->node);
      if (r->hops == 0) break;  // `from`
      path.edges.push_back(r->via);
    }
    std::reverse(path.nodes.begin(), path.nodes.end());
    std::reverse(path.edges.begin(), path.edges.end());
    path.nodes.push_back(to_node_);
    path.edges.push_back(*last.edge);
    return path;
  }

  Status TooBroad() const {
    return Status::InvalidArgument(
        "path search between '" + request_.from + "' and '" + request_.to +
        "' gave up: too many entities within " + std::to_string(request_.max_hops) +
        " hops; narrow it by relation, entity type or date, or ask for fewer hops");
  }

  const GraphStore& store_;
  const PathRequest& request_;
  const Node to_node_;
  std::unordered_map<std::string, Reach> reach_;
  std::unordered_set<std::string> refused_;
  size_t edges_examined_ = 0;
};

}  // namespace

Status ShortestPath(const GraphStore& store, const PathRequest& request, Path* out) {
  *out = Path();
  if (request.max_hops < 1 || request.max_hops > PathRequest::kMaxHops) {
    return Status::InvalidArgument("max_hops must be between 1 and " +
                                   std::to_string(PathRequest::kMaxHops));
  }
  std::optional<Node> from = store.GetNode(request.from);
  if (!from) return Status::NotFound("no entity with id '" + request.from + "'");
  std::optional<Node> to = store.GetNode(request.to);
  if (!to) return Status::NotFound("no entity with id '" + request.to + "'");
  // Both ends were named by the user, so the entity type filter applies only
  // to the nodes in between.
  if (request.from == request.to) {
    out->nodes.push_back(std::move(*from));
    return Status::OK();
  }
  PathSearch search(store, request, std::move(*to));
  return search.Run(std::move(*from), out);
}

}  // namespace policygraph::graph
