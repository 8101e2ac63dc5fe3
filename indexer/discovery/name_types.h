// The gazetteer types a discovered name can take (see
// corpus/gazetteer/README.md); the head word or the rule that found a name
// gives it one of these. Persons are typed "person" by their own rule.
#pragma once

#include <string_view>

namespace policygraph::indexer::discovery {

inline constexpr std::string_view kLaw = "law";
inline constexpr std::string_view kAgreement = "agreement";
inline constexpr std::string_view kStrategy = "strategy";
inline constexpr std::string_view kPlan = "plan";
inline constexpr std::string_view kProgramme = "programme";
inline constexpr std::string_view kInitiative = "initiative";
inline constexpr std::string_view kEvent = "event";
inline constexpr std::string_view kOrganization = "organization";
// Intergovernmental fora named "… Process" (the Bali Process).
inline constexpr std::string_view kRegionalOrg = "regional_org";

}  // namespace policygraph::indexer::discovery
