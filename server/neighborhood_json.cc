#include "server/neighborhood_json.h"

#include <algorithm>
#include <vector>

#include <nlohmann/json.hpp>

#include "server/json_views.h"

namespace policygraph::server {

namespace {

using nlohmann::json;

// `text` as a JSON string, as dump() writes it: plain printable ASCII
// (ids, dates, relation names) as it is, anything else through nlohmann.
void AppendString(std::string_view text, std::string* out) {
  const bool plain = std::all_of(text.begin(), text.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return u >= 0x20 && u < 0x7f && c != '"' && c != '\\';
  });
  if (plain) {
    out->push_back('"');
    out->append(text);
    out->push_back('"');
    return;
  }
  out->append(json(text).dump(-1, ' ', false, json::error_handler_t::replace));
}

void AppendDate(std::string_view date, std::string* out) {
  if (date.empty()) {
    out->append("null");
  } else {
    AppendString(date, out);
  }
}

}  // namespace

std::string NeighborhoodJsonText(const graph::Neighborhood& hood, const std::string& id, int depth) {
  // Keys in the order dump() writes them: nlohmann's objects sort theirs.
  std::string out;
  out.reserve(256 + hood.nodes.size() * 256 + hood.edges.size() * 170);
  out.append("{\"depth\":").append(std::to_string(depth)).append(",\"edges\":[");
  // Each end's id, written once: edges name their ends by place in `nodes`.
  std::vector<std::string> ids(hood.nodes.size());
  for (size_t i = 0; i < hood.nodes.size(); ++i) AppendString(hood.nodes[i].id, &ids[i]);
  bool first = true;
  for (const auto& e : hood.edges) {
    out.append(first ? "{" : ",{");
    first = false;
    out.append("\"evidence_count\":").append(std::to_string(e.evidence_count));
    out.append(",\"first_date\":");
    AppendDate(hood.FirstDate(e), &out);
    out.append(",\"last_date\":");
    AppendDate(hood.LastDate(e), &out);
    out.append(",\"relation\":");
    AppendString(hood.Relation(e), &out);
    out.append(",\"source\":").append(ids[e.source]);
    out.append(",\"target\":").append(ids[e.target]);
    out.append(",\"weight\":").append(std::to_string(e.weight)).append("}");
  }
  out.append("],\"id\":");
  out.append(json(id).dump(-1, ' ', false, json::error_handler_t::replace));
  out.append(",\"nodes\":[");
  for (size_t i = 0; i < hood.nodes.size(); ++i) {
    if (i > 0) out.push_back(',');
    out.append(EntitySummaryJson(hood.nodes[i]).dump(-1, ' ', false, json::error_handler_t::replace));
  }
  out.append("],\"truncated\":").append(hood.truncated ? "true" : "false").append("}");
  return out;
}

}  // namespace policygraph::server
