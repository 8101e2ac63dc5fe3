// The HTTP API's route table and handlers. Handlers only translate between
// HTTP and the services: parse and bound parameters, call, render JSON.
#pragma once

#include <httplib.h>

#include <memory>

#include "graph/graph_store.h"
#include "indexer/analyzer.h"
#include "server/response_cache.h"
#include "server/search_service.h"
#include "server/serving_index.h"

namespace policygraph::server {

// Bounds on request parameters; a value outside them is a 400 naming it.
struct ApiLimits {
  size_t max_limit = 100;        // hits or entities per page
  size_t max_offset = 10000;     // deepest page start
  size_t max_prefix_bytes = 200;
  size_t max_id_bytes = 200;
  size_t max_graph_nodes = 500;  // nodes in one neighbours answer
};

struct ApiContext {
  const indexer::Analyzer& analyzer;
  const SearchService& search;  // over index.search_dir()
  ServingIndex& index;
  ApiLimits limits;
  // Search answers already rendered, per generation; nullptr: none kept.
  ResponseCache* search_cache = nullptr;
};

// What a handler reads during one request: one generation of the index
// (serving_index.h). `search` reads the generation's revision while the
// request runs; `graph` is the generation's graph.
struct RequestContext {
  const indexer::Analyzer& analyzer;
  const SearchService& search;
  const graph::GraphStore& graph;
  const ApiLimits& limits;
  const ServingIndex::Read& read;
  ResponseCache* search_cache;  // may be null
};

using ApiHandler = void (*)(const RequestContext&, const httplib::Request&, httplib::Response&);

// `handler` as an httplib handler that runs it on one generation. If the
// generation's search revision went away during the request (a re-index
// committed twice meanwhile), its answer is dropped and it runs again on the
// newest generation; after three such attempts the answer is a 503
// ("index_changing", Retry-After: 1).
httplib::Server::Handler OnOneGeneration(const ApiContext& ctx, ApiHandler handler);

// Registers every /api route on `server`. `ctx` must outlive the server.
void RegisterApiRoutes(httplib::Server& server, const ApiContext& ctx);

}  // namespace policygraph::server
