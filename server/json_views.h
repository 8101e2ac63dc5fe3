// JSON shapes of the API, in one place, shared by the HTTP routes and the
// CLI's --json output so the two never drift apart.
#pragma once

#include <nlohmann/json.hpp>

#include "graph/graph_types.h"
#include "graph/traversal.h"
#include "server/search_service.h"

namespace policygraph::server {

nlohmann::json ToJson(const SearchResults& results);
nlohmann::json ToJson(const StoredDocument& doc);
nlohmann::json ToJson(const DocumentRef& doc);
nlohmann::json EntitySummaryJson(const graph::Node& node);  // id, type, name, names
nlohmann::json ToJson(const graph::EdgeSummary& edge);
nlohmann::json ToJson(const graph::Evidence& evidence);
nlohmann::json ToJson(const graph::Neighborhood& hood, const std::string& id, int depth);

// {"error": {"code": ..., "message": ...}}
nlohmann::json ErrorJson(const std::string& code, const std::string& message);

}  // namespace policygraph::server
