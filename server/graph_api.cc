#include "server/graph_api.h"

#include <algorithm>

#include "graph/partnership.h"
#include "graph/shortest_path.h"
#include "graph/traversal.h"
#include "indexer/link_triggers.h"
#include "server/api_params.h"
#include "server/json_views.h"
#include "server/neighborhood_json.h"

namespace policygraph::server {

using nlohmann::json;

const std::vector<std::string>& DefaultPartners() {
  static const std::vector<std::string> kPartners = {
      "united-states", "china",  "european-union", "japan",  "south-korea",   "india",
      "australia",     "russia", "new-zealand",    "canada", "united-kingdom"};
  return kPartners;
}

std::vector<std::string> DefaultMembers(const graph::GraphStore& store) {
  if (!store.GetNode("asean")) return {};
  std::vector<std::string> members = {"asean"};
  for (const auto& id : store.MembersOf("asean")) members.push_back(id);
  return members;
}

namespace {

constexpr size_t kMaxMatrixSide = 30;
constexpr size_t kMaxEvidence = 200;

void Neighbors(const RequestContext& ctx, const httplib::Request& req, httplib::Response& res) {
  auto id = TextParam(req, res, "id", true, ctx.limits.max_id_bytes);
  if (!id) return;
  auto depth = SizeParam(req, res, "depth", 1, 1, graph::NeighborhoodRequest::kMaxDepth);
  if (!depth) return;
  auto limit = SizeParam(req, res, "limit", 200, 1, ctx.limits.max_graph_nodes);
  if (!limit) return;
  auto filter = LinkFilterParams(req, res);
  if (!filter) return;
  graph::NeighborhoodRequest request;
  request.id = *id;
  request.depth = static_cast<int>(*depth);
  request.max_nodes = *limit;
  request.filter = *filter;
  graph::Neighborhood hood;
  Status s = graph::Neighbors(ctx.graph, request, &hood);
  if (!s.ok()) return SendStatus(res, s);
  // Thousands of edges around a hub: written straight to text (the same
  // bytes as SendJson(ToJson(hood)), neighborhood_json.h).
  res.set_content(NeighborhoodJsonText(hood, *id, static_cast<int>(*depth)), "application/json");
}

void Path(const RequestContext& ctx, const httplib::Request& req, httplib::Response& res) {
  auto source = TextParam(req, res, "source", true, ctx.limits.max_id_bytes);
  if (!source) return;
  auto target = TextParam(req, res, "target", true, ctx.limits.max_id_bytes);
  if (!target) return;
  auto hops = SizeParam(req, res, "max_hops", 4, 1, graph::PathRequest::kMaxHops);
  if (!hops) return;
  auto filter = LinkFilterParams(req, res);
  if (!filter) return;
  graph::PathRequest request;
  request.from = *source;
  request.to = *target;
  request.max_hops = static_cast<int>(*hops);
  request.filter = *filter;
  graph::Path path;
  Status s = graph::ShortestPath(ctx.graph, request, &path);
  if (!s.ok()) return SendStatus(res, s);
  SendJson(res, ToJson(path, *source, *target));
}

void Evidence(const RequestContext& ctx, const httplib::Request& req, httplib::Response& res) {
  auto source = TextParam(req, res, "source", true, ctx.limits.max_id_bytes);
  if (!source) return;
  auto relation = TextParam(req, res, "relation", true, 40);
  if (!relation) return;
  auto target = TextParam(req, res, "target", true, ctx.limits.max_id_bytes);
  if (!target) return;
  auto limit = SizeParam(req, res, "limit", 50, 1, kMaxEvidence);
  if (!limit) return;
  const auto& known = indexer::AllRelations();
  if (std::find(known.begin(), known.end(), *relation) == known.end()) {
    return SendError(res, 400, "bad_parameter", "parameter 'relation': unknown relation '" + relation->substr(0, 40) + "'");
  }
  graph::EdgeKey key{*source, *relation, *target};
  // Undirected links are stored smaller id first; accept either order.
  if (indexer::IsUndirectedRelation(key.relation) && key.target < key.source) std::swap(key.source, key.target);
  for (const auto* id : {&key.source, &key.target}) {
    if (!ctx.graph.GetNode(*id)) return SendError(res, 404, "not_found", "no entity with id '" + *id + "'");
  }
  auto evidence = ctx.graph.EvidenceOf(key, *limit);
  json items = json::array();
  for (const auto& ev : evidence) items.push_back(ToJson(ev));
  SendJson(res, {{"source", key.source}, {"relation", key.relation}, {"target", key.target},
                 {"evidence", items}});
}

void Matrix(const RequestContext& ctx, const httplib::Request& req, httplib::Response& res) {
  auto partners = ListParam(req, res, "partners", kMaxMatrixSide, ctx.limits.max_id_bytes);
  if (!partners) return;
  auto members = ListParam(req, res, "members", kMaxMatrixSide, ctx.limits.max_id_bytes);
  if (!members) return;
  auto filter = LinkFilterParams(req, res);
  if (!filter) return;
  graph::PartnershipRequest request;
  request.partners = *partners;
  if (request.partners.empty()) {
    for (const auto& id : DefaultPartners()) {
      if (ctx.graph.GetNode(id)) request.partners.push_back(id);
    }
  }
  request.members = members->empty() ? DefaultMembers(ctx.graph) : *members;
  request.filter = *filter;
  graph::PartnershipMatrix matrix;
  Status s = graph::BuildPartnershipMatrix(ctx.graph, request, &matrix);
  if (!s.ok()) return SendStatus(res, s);
  json body = ToJson(matrix);
  json names = json::object();
  for (const auto* ids : {&matrix.partners, &matrix.members}) {
    for (const auto& id : *ids) {
      if (auto n = ctx.graph.GetNode(id)) names[id] = EntitySummaryJson(*n);
    }
  }
  body["entities"] = names;
  SendJson(res, body);
}

void Timeline(const RequestContext& ctx, const httplib::Request& req, httplib::Response& res) {
  auto a = TextParam(req, res, "a", true, ctx.limits.max_id_bytes);
  if (!a) return;
  auto b = TextParam(req, res, "b", true, ctx.limits.max_id_bytes);
  if (!b) return;
  auto limit = SizeParam(req, res, "limit", 100, 1, kMaxEvidence);
  if (!limit) return;
  auto filter = LinkFilterParams(req, res);
  if (!filter) return;
  std::vector<graph::TimelineEntry> entries;
  Status s = graph::PairTimeline(ctx.graph, *a, *b, *filter, *limit, &entries);
  if (!s.ok()) return SendStatus(res, s);
  json items = json::array();
  for (const auto& e : entries) items.push_back(ToJson(e));
  SendJson(res, {{"a", *a}, {"b", *b}, {"entries", items}});
}

}  // namespace

void RegisterGraphRoutes(httplib::Server& server, const ApiContext& ctx) {
  server.Get("/api/graph/neighbors", OnOneGeneration(ctx, Neighbors));
  server.Get("/api/graph/path", OnOneGeneration(ctx, Path));
  server.Get("/api/graph/evidence", OnOneGeneration(ctx, Evidence));
  server.Get("/api/graph/matrix", OnOneGeneration(ctx, Matrix));
  server.Get("/api/graph/timeline", OnOneGeneration(ctx, Timeline));
}

}  // namespace policygraph::server
