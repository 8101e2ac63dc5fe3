#include "server/api.h"

#include <charconv>
#include <optional>

#include "graph/traversal.h"
#include "server/api_params.h"
#include "server/openapi.h"
#include "server/graph_api.h"
#include "server/json_views.h"

namespace policygraph::server {

using nlohmann::json;

namespace {

void Health(const RequestContext& ctx, const httplib::Request&, httplib::Response& res) {
  graph::GraphCounts counts = ctx.graph.Counts();
  SendJson(res, {{"status", "ok"},
                 {"documents", ctx.search.DocumentCount()},
                 {"nodes", counts.nodes},
                 {"edges", counts.edges},
                 {"generation", ctx.read.revision().generation}});
}

void Stats(const RequestContext& ctx, const httplib::Request&, httplib::Response& res) {
  const graph::GraphCounts counts = ctx.graph.Counts();
  const graph::GraphBreakdown& b = ctx.read.Breakdown();
  SendJson(res, {{"documents", ctx.search.DocumentCount()},
                 {"nodes", counts.nodes},
                 {"edges", counts.edges},
                 {"discovered_nodes", b.discovered_nodes},
                 {"relations", b.edges_by_relation},
                 {"entity_types", b.nodes_by_type}});
}

void OpenApi(httplib::Response& res) { res.set_content(OpenApiDocument(), "application/json"); }

void Search(const RequestContext& ctx, const httplib::Request& req, httplib::Response& res) {
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
  const std::string facets = req.has_param("facets") ? req.get_param_value("facets") : "true";
  if (facets != "true" && facets != "false") {
    return SendError(res, 400, "bad_parameter", "parameter 'facets' must be 'true' or 'false'");
  }
  // Every parameter the answer depends on, defaults filled in.
  const std::string cache_key = std::to_string(*limit) + ' ' + std::to_string(*offset) + ' ' + group + ' ' +
                                facets + ' ' + *q;
  if (ctx.search_cache != nullptr) {
    if (auto cached = ctx.search_cache->Get(ctx.read.generation_id(), cache_key)) {
      res.set_header("X-Cache", "hit");
      return res.set_content(*cached, "application/json");
    }
  }
  Status s = ctx.search.Search({*q, *limit, *offset, group == "document", facets == "true"}, &results);
  if (s.IsInvalidArgument()) return SendError(res, 400, "bad_query", s.message());
  if (!s.ok()) return SendStatus(res, s);
  json body = ToJson(results);
  // Facet entities by name, in the graph's display language-neutral form.
  for (auto& e : body["facets"]["entity"]) {
    auto node = ctx.graph.GetNode(e["id"].get<std::string>());
    e["name"] = node ? node->DisplayName() : e["id"].get<std::string>();
    e["name_vi"] = node && !node->names_vi.empty() ? node->names_vi.front() : e["name"].get<std::string>();
    e["type"] = node ? node->type : "";
  }
  SendJson(res, body);
  if (ctx.search_cache != nullptr && !ctx.read.expired()) {
    res.set_header("X-Cache", "miss");
    ctx.search_cache->Put(ctx.read.generation_id(), cache_key, res.body);
  }
}

void Document(const RequestContext& ctx, const httplib::Request& req, httplib::Response& res) {
  const std::string id = req.matches[1];
  if (id.size() > ctx.limits.max_id_bytes) return SendError(res, 400, "bad_parameter", "id too long");
  StoredDocument doc;
  Status s = ctx.search.GetDocument(id, &doc);
  if (!s.ok()) return SendStatus(res, s);
  SendJson(res, ToJson(doc));
}

void Entities(const RequestContext& ctx, const httplib::Request& req, httplib::Response& res) {
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

void Entity(const RequestContext& ctx, const httplib::Request& req, httplib::Response& res) {
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

}  // namespace

httplib::Server::Handler OnOneGeneration(const ApiContext& ctx, ApiHandler handler) {
  return [&ctx, handler](const httplib::Request& req, httplib::Response& res) {
    constexpr int kAttempts = 3;
    const httplib::Response fresh = res;  // with the server's default headers
    for (int attempt = 1;; ++attempt) {
      {
        const std::unique_ptr<ServingIndex::Read> read = ctx.index.BeginRead();
        handler({ctx.analyzer, ctx.search, read->graph(), ctx.limits, *read, ctx.search_cache}, req, res);
        if (!read->expired()) return;
      }  // the Read ends, and marks its generation expired, before Refresh()
      res = fresh;
      if (attempt == kAttempts) {
        res.set_header("Retry-After", "1");
        return SendError(res, 503, "index_changing",
                         "the index was replaced " + std::to_string(kAttempts) +
                             " times while answering (it is being re-indexed); retry shortly");
      }
      ctx.index.Refresh();
    }
  };
}

void RegisterApiRoutes(httplib::Server& server, const ApiContext& ctx) {
  // The whole route table, in one place. Every route that reads the index
  // reads one generation of it (OnOneGeneration).
  server.Get("/api/health", OnOneGeneration(ctx, Health));
  server.Get("/api/stats", OnOneGeneration(ctx, Stats));
  server.Get("/api/openapi.json", [](const auto&, auto& res) { OpenApi(res); });
  server.Get("/api/search", OnOneGeneration(ctx, Search));
  server.Get(R"(/api/documents/([^/]+))", OnOneGeneration(ctx, Document));
  server.Get("/api/entities", OnOneGeneration(ctx, Entities));
  server.Get(R"(/api/entities/([^/]+))", OnOneGeneration(ctx, Entity));
  RegisterGraphRoutes(server, ctx);
}

}  // namespace policygraph::server
