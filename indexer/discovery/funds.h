// What kind of entity a fund or facility is. Most named funds are pools of
// money a programme pays out of ("Quỹ Ứng phó COVID-19 ASEAN", "ASEAN-Korea
// Cooperation Fund", "… Disaster Risk Insurance Facility"): frameworks, typed
// programme. A fund that invests or does research under its own management
// ("Quỹ Đầu tư Trực tiếp Nga", "National Research Foundation") is an
// organisation.
#pragma once

#include <string_view>

namespace policygraph::indexer::discovery {

// The type for a name found with `type`: programme for a pooled fund or
// facility, otherwise `type` unchanged.
std::string_view FundType(std::string_view name, std::string_view type);

}  // namespace policygraph::indexer::discovery
