// The JSON text of a neighbourhood (GET /api/graph/neighbors), written
// straight into a string: exactly the bytes ToJson(hood, id, depth).dump()
// writes (json_views.h), without building a json tree first.
//
// Why: a depth-2 answer around a hub holds thousands of edges (7,981 around
// `china` in the 1M-edge benchmark graph, 1.3 MB). One nlohmann object an
// edge, then dump(), took ~25 ms where the traversal took ~2 (docs/
// PERFORMANCE.md 6g): most of the route's time.
#pragma once

#include <string>

#include "graph/traversal.h"

namespace policygraph::server {

std::string NeighborhoodJsonText(const graph::Neighborhood& hood, const std::string& id, int depth);

}  // namespace policygraph::server
