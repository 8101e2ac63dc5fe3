#include "tests/support/discovered_names.h"

namespace policygraph::testing {

std::optional<indexer::DiscoveredName> Named(const std::vector<indexer::DiscoveredName>& names,
                                             const std::string& name) {
  for (const auto& n : names) {
    if (n.name == name) return n;
  }
  return std::nullopt;
}

std::vector<std::string> AllNames(const std::vector<indexer::DiscoveredName>& names) {
  std::vector<std::string> out;
  for (const auto& n : names) out.push_back(n.name);
  return out;
}

}  // namespace policygraph::testing
