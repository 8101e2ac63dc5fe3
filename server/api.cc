#include "server/api.h"

#include <charconv>
#include <optional>

#include "graph/traversal.h"
#include "server/json_views.h"

namespace policygraph::server {

using nlohmann::json;

namespace {

void SendJson(httplib::Response& res, const json& body) {
  // error_handler_t::replace: stored text is validated UTF-8, but a stray
  // byte must never turn into an exception halfway through a response.
  res.set_content(body.dump(-1, ' ', false, json::error_handler_t::replace), "application/json");
}

void SendStatus(httplib::Response& res, const Status& s) {
  if (s.IsNotFound()) return SendError(res, 404, "not_found", s.message());
  if (s.IsInvalidArgument()) return SendError(res, 400, "bad_request", s.message());
  SendError(res, 500, "internal", s.message());
}

// Reads an optional unsigned integer parameter within [min, max]. On a bad
// value, answers 400 naming the parameter and returns nullopt.
std::optional<size_t> SizeParam(const httplib::Request& req, httplib::Response& res,
                                const char* name, size_t fallback, size_t min, size_t max) {
  if (!req.has_param(name)) return fallback;
  const std::string v = req.get_param_value(name);
  size_t value = 0;
  auto [ptr, ec] = std::from_chars(v.data(), v.data() + v.size(), value);
  if (v.empty() || ec != std::errc() || ptr != v.data() + v.size() || value < min || value > max) {
    SendError(res, 400, "bad_parameter",
              std::string("parameter '") + name + "' must be an integer from " + std::to_string(min) +
                  " to " + std::to_string(max) + ", got '" + v.substr(0, 40) + "'");
    return std::nullopt;
  }
  return value;
}

// A required or optional text parameter no longer than max_bytes.
std::optional<std::string> TextParam(const httplib::Request& req, httplib::Response& res,
                                     const char* name, bool required, size_t max_bytes) {
  if (!req.has_param(name)) {
    if (!required) return std::string();
    SendError(res, 400, "missing_parameter", std::string("parameter '") + name + "' is required");
    return std::nullopt;
  }
  std::string v = req.get_param_value(name);
  if (v.size() > max_bytes) {
    SendError(res, 400, "bad_parameter",
              std::string("parameter '") + name + "' is longer than " + std::to_string(max_bytes) +
                  " bytes");
    return std::nullopt;
  }
  if (!indexer::IsValidUtf8(v)) {
    SendError(res, 400, "bad_parameter", std::string("parameter '") + name + "' is not valid UTF-8");
    return std::nullopt;
  }
  return v;
}

void Health(const ApiContext& ctx, httplib::Response& res) {
  graph::GraphCounts counts = ctx.graph.Counts();
  SendJson(res, {{"status", "ok"},
                 {"documents", ctx.search.DocumentCount()},
                 {"nodes", counts.nodes},
                 {"edges", counts.edges}});
}

void Search(const ApiContext& ctx, const httplib::Request& req, httplib::Response& res) {
  auto q = TextParam(req, res, "q", true, kMaxQueryBytes);
  if (!q) return;
  auto limit = SizeParam(req, res, "limit", 10, 1, ctx.limits.max_limit);
  if (!limit) return;
  auto offset = SizeParam(req, res, "offset", 0, 0, ctx.limits.max_offset);
  if (!offset) return;
  const std::string group = req.has_param("group") ? req.get_param_value("group") : "passage";
  if (group != "passage" && group != "document") {
    return SendError(res, 400, "bad_parameter", "parameter 'group' must be 'passage' or 'document'");
  }
  SearchResults results;
  Status s = ctx.search.Search({*q, *limit, *offset, group == "document"}, &results);
  if (s.IsInvalidArgument()) return SendError(res, 400, "bad_query", s.message());
  if (!s.ok()) return SendStatus(res, s);
  SendJson(res, ToJson(results));
}

void Document(const ApiContext& ctx, const httplib::Request& req, httplib::Response& res) {
  const std::string id = req.matches[1];
  if (id.size() > ctx.limits.max_id_bytes) return SendError(res, 400, "bad_parameter", "id too long");
  StoredDocument doc;
  Status s = ctx.search.GetDocument(id, &doc);
  if (!s.ok()) return SendStatus(res, s);
  SendJson(res, ToJson(doc));
}

void Entities(const ApiContext& ctx, const httplib::Request& req, httplib::Response& res) {
  auto prefix = TextParam(req, res, "prefix", false, ctx.limits.max_prefix_bytes);
  if (!prefix) return;
  auto limit = SizeParam(req, res, "limit", 20, 1, ctx.limits.max_limit);
  if (!limit) return;
  // Folding the prefix as the indexer folded the names makes "trung quoc",
  // "Trung Quốc" and "TRUNG QUỐC" all find China.
  const std::string key = prefix->empty() ? "" : ctx.analyzer.Fold(*prefix);
  json items = json::array();
  for (const auto& hit : ctx.graph.FindByAliasPrefix(key, *limit)) {
    if (auto node = ctx.graph.GetNode(hit.id)) {
      json item = EntitySummaryJson(*node);
      item["matched"] = hit.alias_key;
      items.push_back(item);
    }
  }
  SendJson(res, {{"prefix", *prefix}, {"entities", items}});
}

void Entity(const ApiContext& ctx, const httplib::Request& req, httplib::Response& res) {
  const std::string id = req.matches[1];
  if (id.size() > ctx.limits.max_id_bytes) return SendError(res, 400, "bad_parameter", "id too long");
  auto node = ctx.graph.GetNode(id);
  if (!node) return SendError(res, 404, "not_found", "no entity with id '" + id + "'");
  json body = EntitySummaryJson(*node);
  auto edges = ctx.graph.EdgesOf(id);
  std::stable_sort(edges.begin(), edges.end(),
                   [](const auto& a, const auto& b) { return a.weight > b.weight; });
  json links = json::array();
  for (size_t i = 0; i < edges.size() && i < 20; ++i) links.push_back(ToJson(edges[i]));
  body["links"] = links;
  std::vector<DocumentRef> docs;
  Status s = ctx.search.DocumentsMentioning(id, 50, &docs);
  if (!s.ok()) return SendStatus(res, s);
  json doc_list = json::array();
  for (const auto& d : docs) doc_list.push_back(ToJson(d));
  body["documents"] = doc_list;
  SendJson(res, body);
}

void Neighbors(const ApiContext& ctx, const httplib::Request& req, httplib::Response& res) {
  auto id = TextParam(req, res, "id", true, ctx.limits.max_id_bytes);
  if (!id) return;
  auto depth = SizeParam(req, res, "depth", 1, 1, graph::NeighborhoodRequest::kMaxDepth);
  if (!depth) return;
  auto limit = SizeParam(req, res, "limit", 200, 1, ctx.limits.max_graph_nodes);
  if (!limit) return;
  graph::Neighborhood hood;
  Status s = graph::Neighbors(ctx.graph, {*id, static_cast<int>(*depth), *limit}, &hood);
  if (!s.ok()) return SendStatus(res, s);
  SendJson(res, ToJson(hood, *id, static_cast<int>(*depth)));
}

}  // namespace

void SendError(httplib::Response& res, int status, const std::string& code,
               const std::string& message) {
  res.status = status;
  SendJson(res, ErrorJson(code, message));
}

void RegisterApiRoutes(httplib::Server& server, const ApiContext& ctx) {
  // The whole route table, in one place.
  server.Get("/api/health", [&ctx](const auto&, auto& res) { Health(ctx, res); });
  server.Get("/api/search", [&ctx](const auto& req, auto& res) { Search(ctx, req, res); });
  server.Get(R"(/api/documents/([^/]+))",
             [&ctx](const auto& req, auto& res) { Document(ctx, req, res); });
  server.Get("/api/entities", [&ctx](const auto& req, auto& res) { Entities(ctx, req, res); });
  server.Get(R"(/api/entities/([^/]+))", [&ctx](const auto& req, auto& res) { Entity(ctx, req, res); });
  server.Get("/api/graph/neighbors", [&ctx](const auto& req, auto& res) { Neighbors(ctx, req, res); });
}

}  // namespace policygraph::server
