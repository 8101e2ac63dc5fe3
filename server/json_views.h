// JSON shapes of the API, in one place, shared by the HTTP routes and the
// CLI's --json output so the two never drift apart.
#pragma once

#include <nlohmann/json.hpp>

#include "graph/graph_types.h"
#include "graph/partnership.h"
#include "graph/shortest_path.h"
#include "graph/traversal.h"
#include "server/search_service.h"

namespace policygraph::server {

nlohmann::json ToJson(const SearchResults& results);
nlohmann::json ToJson(const SearchFacets& facets);  // entity names are added by the API
nlohmann::json ToJson(const StoredDocument& doc);
nlohmann::json ToJson(const DocumentRef& doc);
nlohmann::json EntitySummaryJson(const graph::Node& node);  // id, type, name, names
nlohmann::json ToJson(const graph::EdgeSummary& edge);
nlohmann::json ToJson(const graph::Evidence& evidence);
nlohmann::json ToJson(const graph::Neighborhood& hood, const std::string& id, int depth);
nlohmann::json ToJson(const graph::Path& path, const std::string& source, const std::string& target);
nlohmann::json ToJson(const graph::PartnershipMatrix& matrix);
nlohmann::json ToJson(const graph::TimelineEntry& entry);

// {"error": {"code": ..., "message": ...}}
nlohmann::json ErrorJson(const std::string& code, const std::string& message);

}  // namespace policygraph::server
