// Look-ups the discovery tests share over DiscoverNames' results: the name
// found with exactly this text, and every name found (for failure messages).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "indexer/entity_discovery.h"

namespace policygraph::testing {

// The discovered name written exactly `name`, if any.
std::optional<indexer::DiscoveredName> Named(const std::vector<indexer::DiscoveredName>& names,
                                             const std::string& name);

// Every discovered name's text, in order.
std::vector<std::string> AllNames(const std::vector<indexer::DiscoveredName>& names);

}  // namespace policygraph::testing
