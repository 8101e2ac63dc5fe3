// The graph routes of the HTTP API:
//   /api/graph/neighbors  ?id &depth &limit + filters
//   /api/graph/path       ?source &target &max_hops + filters
//   /api/graph/evidence   ?source &relation &target &limit
//   /api/graph/matrix     ?partners &members + filters
//   /api/graph/timeline   ?a &b &limit + filters
// Filters: relation, type, from, to, min_weight (api_params.h).
#pragma once

#include <httplib.h>

#include "server/api.h"

namespace policygraph::server {

void RegisterGraphRoutes(httplib::Server& server, const ApiContext& ctx);

// Who the partnership matrix compares when the request does not say: the
// outside partners the explorer's users follow, those present in the graph.
const std::vector<std::string>& DefaultPartners();
// ASEAN and every entity the gazetteer lists as its member; empty without ASEAN.
std::vector<std::string> DefaultMembers(const graph::GraphStore& store);

}  // namespace policygraph::server
