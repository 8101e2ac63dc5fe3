#include "indexer/discovery/funds.h"

#include "indexer/discovery/name_types.h"

namespace policygraph::indexer::discovery {
namespace {

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }
bool EndsWith(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}

}  // namespace

std::string_view FundType(std::string_view name, std::string_view type) {
  if (type != kOrganization && type != kProgramme) return type;
  const bool fund = StartsWith(name, "Quỹ ") || EndsWith(name, " Fund") || EndsWith(name, " Facility");
  if (!fund) return type;
  // Investment, wealth, pension and research funds are institutions.
  static constexpr std::string_view kInstitution[] = {"Đầu tư", "đầu tư", "Investment", "Wealth", "Pension",
                                                      "Nghiên cứu", "Research", "Tiền tệ", "Monetary"};
  for (auto word : kInstitution) {
    if (name.find(word) != std::string_view::npos) return kOrganization;
  }
  // A state's own fund is an institution of that state ("Quỹ Phát triển
  // khoa học và công nghệ Quốc gia", "Quỹ Bảo vệ môi trường Việt Nam",
  // "National Research Fund"); a fund shared by partners is a programme.
  if (EndsWith(name, " Quốc gia") || EndsWith(name, " Việt Nam") || name.find("National ") != std::string_view::npos) {
    return kOrganization;
  }
  return kProgramme;
}

}  // namespace policygraph::indexer::discovery
