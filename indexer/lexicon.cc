#include "indexer/lexicon.h"

#include <nlohmann/json.hpp>

namespace policygraph::indexer {

using nlohmann::json;

namespace {

json NodesJson(const std::vector<graph::Node>& nodes) {
  json out = json::array();
  for (const auto& n : nodes) {
    out.push_back({{"id", n.id}, {"type", n.type}, {"en", n.names_en}, {"vi", n.names_vi}});
  }
  return out;
}

std::vector<graph::Node> NodesFrom(const json& j) {
  std::vector<graph::Node> nodes;
  for (const auto& item : j) {
    graph::Node n;
    n.id = item.at("id").get<std::string>();
    n.type = item.at("type").get<std::string>();
    n.names_en = item.at("en").get<std::vector<std::string>>();
    n.names_vi = item.at("vi").get<std::vector<std::string>>();
    nodes.push_back(std::move(n));
  }
  return nodes;
}

}  // namespace

std::string EncodeLexicon(const Lexicon& lexicon) {
  return json{{"entities", NodesJson(lexicon.entities)}, {"concepts", NodesJson(lexicon.concepts)}}
      .dump(-1, ' ', false, json::error_handler_t::replace);
}

Status DecodeLexicon(const std::string& encoded, Lexicon* lexicon) {
  *lexicon = Lexicon();
  if (encoded.empty()) return Status::OK();
  try {
    json j = json::parse(encoded);
    lexicon->entities = NodesFrom(j.at("entities"));
    lexicon->concepts = NodesFrom(j.at("concepts"));
    return Status::OK();
  } catch (const json::exception& e) {
    return Status::Corruption(std::string("the index's lexicon is unreadable: ") + e.what());
  }
}

}  // namespace policygraph::indexer
