#include "server/json_views.h"

namespace policygraph::server {

using nlohmann::json;

json ToJson(const SearchResults& r) {
  json hits = json::array();
  for (const auto& h : r.hits) {
    json hit = {{"id", h.id},
                {"passage", h.passage},
                {"passage_id", h.id + "#" + std::to_string(h.passage)},
                {"heading", h.heading.empty() ? json(nullptr) : json(h.heading)},
                {"title", h.title},
                {"lang", h.lang},
                {"date", h.date.empty() ? json(nullptr) : json(h.date)},
                {"type", h.type},
                {"score", h.score},
                {"snippet", h.snippet},
                {"begin", h.begin},
                {"end", h.end}};
    if (r.grouped) hit["more_in_document"] = h.more_in_document;
    hits.push_back(hit);
  }
  return {{"query", r.query},
          {"total", r.total},
          {"offset", r.offset},
          {"limit", r.limit},
          {"grouped", r.grouped},
          {"did_you_mean", r.did_you_mean.empty() ? json(nullptr) : json(r.did_you_mean)},
          {"hits", hits},
          {"facets", ToJson(r.facets)}};
}

json ToJson(const SearchFacets& f) {
  json entities = json::array();
  for (const auto& [id, count] : f.entity) entities.push_back({{"id", id}, {"count", count}});
  return {{"lang", f.lang}, {"year", f.year}, {"type", f.type}, {"entity", entities}, {"sampled", f.sampled}};
}

json ToJson(const StoredDocument& d) {
  json passages = json::array();
  for (const auto& p : d.passages) {
    passages.push_back({{"begin", p.begin}, {"end", p.end},
                        {"heading", p.heading.empty() ? json(nullptr) : json(p.heading)}});
  }
  json mentions = json::array();
  for (const auto& m : d.mentions) mentions.push_back({{"entity", m.entity}, {"begin", m.begin}, {"end", m.end}});
  return {{"id", d.id},     {"title", d.title}, {"lang", d.lang}, {"date", d.date},
          {"type", d.type}, {"path", d.path},   {"text", d.text}, {"entities", d.entities},
          {"passages", passages}, {"mentions", mentions}};
}

json ToJson(const DocumentRef& d) {
  return {{"id", d.id}, {"title", d.title}, {"lang", d.lang}, {"date", d.date}};
}

json EntitySummaryJson(const graph::Node& n) {
  return {{"id", n.id},
          {"type", n.type},
          {"name", n.DisplayName()},
          {"name_vi", n.names_vi.empty() ? n.DisplayName() : n.names_vi.front()},
          {"names_en", n.names_en},
          {"names_vi", n.names_vi},
          {"wikidata", n.wikidata.empty() ? json(nullptr) : json(n.wikidata)},
          {"member_of", n.member_of},
          {"discovered", n.discovered},
          {"confidence", n.confidence}};
}

namespace {

// One edge's JSON, for the edges of the store (EdgeSummary) and those of a
// neighbourhood (ends by number in its nodes) alike.
json EdgeJson(const std::string& source, std::string_view relation, const std::string& target, uint32_t weight,
              uint32_t evidence_count, std::string_view first_date, std::string_view last_date) {
  return {{"source", source},
          {"target", target},
          {"relation", relation},
          {"weight", weight},
          {"evidence_count", evidence_count},
          {"first_date", first_date.empty() ? json(nullptr) : json(first_date)},
          {"last_date", last_date.empty() ? json(nullptr) : json(last_date)}};
}

}  // namespace

json ToJson(const graph::EdgeSummary& e) {
  return EdgeJson(e.key.source, e.key.relation, e.key.target, e.weight, e.evidence_count, e.first_date,
                  e.last_date);
}

json ToJson(const graph::Evidence& ev) {
  return {{"document", ev.doc_id},
          {"passage", ev.passage},
          {"begin", ev.begin},
          {"end", ev.end},
          {"date", ev.date.empty() ? json(nullptr) : json(ev.date)},
          {"trigger", ev.trigger.empty() ? json(nullptr) : json(ev.trigger)},
          {"sentence", ev.text}};
}

json ToJson(const graph::Neighborhood& hood, const std::string& id, int depth) {
  json nodes = json::array(), edges = json::array();
  for (const auto& n : hood.nodes) nodes.push_back(EntitySummaryJson(n));
  for (const auto& e : hood.edges) {
    edges.push_back(EdgeJson(hood.SourceId(e), hood.Relation(e), hood.TargetId(e), e.weight, e.evidence_count,
                             hood.FirstDate(e), hood.LastDate(e)));
  }
  return {{"id", id}, {"depth", depth}, {"truncated", hood.truncated},
          {"nodes", nodes}, {"edges", edges}};
}

json ToJson(const graph::Path& path, const std::string& source, const std::string& target) {
  json nodes = json::array(), edges = json::array();
  for (const auto& n : path.nodes) nodes.push_back(EntitySummaryJson(n));
  for (const auto& e : path.edges) edges.push_back(ToJson(e));
  return {{"source", source}, {"target", target}, {"found", !path.nodes.empty()},
          {"hops", path.edges.size()}, {"nodes", nodes}, {"edges", edges}};
}

json ToJson(const graph::PartnershipMatrix& m) {
  json cells = json::array();
  for (const auto& c : m.cells) {
    cells.push_back({{"partner", c.partner}, {"member", c.member}, {"weight", c.weight},
                     {"evidence_count", c.evidence_count}, {"by_year", c.by_year},
                     {"relations", c.relations}});
  }
  return {{"partners", m.partners}, {"members", m.members}, {"cells", cells}};
}

json ToJson(const graph::TimelineEntry& e) {
  return {{"date", e.date.empty() ? json(nullptr) : json(e.date)},
          {"relation", e.relation},
          {"source", e.source},
          {"target", e.target},
          {"evidence", ToJson(e.evidence)}};
}

json ErrorJson(const std::string& code, const std::string& message) {
  return {{"error", {{"code", code}, {"message", message}}}};
}

}  // namespace policygraph::server
