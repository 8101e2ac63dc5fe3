#include "indexer/gazetteer.h"

#include <algorithm>
#include <set>

#include "indexer/analyzer.h"
#include "indexer/text_fields.h"

namespace policygraph::indexer {


namespace {

bool IsSlug(const std::string& id) {
  return !id.empty() && std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
  });
}

}  // namespace

bool IsKnownEntityType(const std::string& type) {
  static const std::set<std::string> kTypes = {
      "country", "regional_org", "organization", "law",   "agreement", "strategy",
      "plan",    "programme",    "initiative",   "event", "person",    kNotEntityType, kCapitalType,
      kStateBodyType};
  return kTypes.count(type) > 0;
}

Status ParseGazetteer(const std::string& name, const std::string& content,
                      std::vector<graph::Node>* entities) {
  return ForEachTsvRow(name, content, [&](const std::vector<std::string>& fields, const std::string& where) {
    if (fields.size() != 6 && fields.size() != 7) {
      return Status::InvalidArgument(where + "expected 6 or 7 tab-separated fields "
                                     "(id, type, wikidata, names_en, names_vi, member_of[, pairing_names]), found " +
                                     std::to_string(fields.size()));
    }
    graph::Node node;
    node.id = Trim(fields[0]);
    node.type = Trim(fields[1]);
    node.wikidata = Trim(fields[2]) == "-" ? "" : Trim(fields[2]);
    node.names_en = SplitList(fields[3]);
    node.names_vi = SplitList(fields[4]);
    node.member_of = SplitList(fields[5]);
    if (fields.size() == 7) node.pairing_names = SplitList(fields[6]);
    if (!IsSlug(node.id)) {
      return Status::InvalidArgument(where + "id '" + node.id +
                                     "' must be a lowercase slug of a-z, 0-9, '-' and '_'");
    }
    if (!IsKnownEntityType(node.type)) {
      return Status::InvalidArgument(where + "unknown type '" + node.type + "'");
    }
    if (node.names_en.empty() && node.names_vi.empty()) {
      return Status::InvalidArgument(where + "entity '" + node.id + "' has no names");
    }
    entities->push_back(std::move(node));
    return Status::OK();
  });
}

Status LoadGazetteer(const std::string& path, std::vector<graph::Node>* entities) {
  Status s = LoadTsvFiles(path, "gazetteer", /*require_files=*/true, ParseGazetteer, entities);
  if (!s.ok()) return s;
  std::set<std::string> ids;
  for (const auto& e : *entities) ids.insert(e.id);
  for (const auto& e : *entities) {
    if (StandsForItsCountry(e.type) && e.member_of.size() != 1) {
      return Status::InvalidArgument("gazetteer " + path + ": " + e.type + " '" + e.id +
                                     "' must name exactly one country in member_of");
    }
    for (const auto& parent : e.member_of) {
      if (!ids.count(parent)) {
        return Status::InvalidArgument("gazetteer " + path + ": '" + e.id +
                                       "' is a member of unknown entity '" + parent + "'");
      }
    }
  }
  return Status::OK();
}

}  // namespace policygraph::indexer
