// The HTTP API's route table and handlers. Handlers only translate between
// HTTP and the services: parse and bound parameters, call, render JSON.
#pragma once

#include <httplib.h>

#include <memory>
#include <mutex>

#include "graph/graph_store.h"
#include "indexer/analyzer.h"
#include "server/search_service.h"

namespace policygraph::server {

// Bounds on request parameters; a value outside them is a 400 naming it.
struct ApiLimits {
  size_t max_limit = 100;        // hits or entities per page
  size_t max_offset = 10000;     // deepest page start
  size_t max_prefix_bytes = 200;
  size_t max_id_bytes = 200;
  size_t max_graph_nodes = 500;  // nodes in one neighbours answer
};

// Figures computed once per server: its stores do not change while it runs.
struct StatsCache {
  std::once_flag once;
  graph::GraphBreakdown breakdown;
};

struct ApiContext {
  const indexer::Analyzer& analyzer;
  const SearchService& search;
  const graph::GraphStore& graph;
  ApiLimits limits;
  std::shared_ptr<StatsCache> stats = std::make_shared<StatsCache>();
};

// Registers every /api route on `server`. `ctx` must outlive the server.
void RegisterApiRoutes(httplib::Server& server, const ApiContext& ctx);

}  // namespace policygraph::server
