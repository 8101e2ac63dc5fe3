#include "server/eval_graph.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "indexer/analyzer.h"
#include "indexer/document.h"
#include "indexer/link_triggers.h"
#include "indexer/text_fields.h"
#include "server/graph_gold.h"

namespace policygraph::server {

using json = nlohmann::json;

namespace {

struct Score {
  size_t found = 0, relevant = 0;  // recall: gold items found / gold items
  size_t right = 0, returned = 0;  // precision: right answers / answers
  double Recall() const { return relevant ? double(found) / relevant : 0; }
  double Precision() const { return returned ? double(right) / returned : 0; }
};

std::string Fixed(double v) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.3f", v);
  return buf;
}

}  // namespace

Status RunGraphEval(const GraphEvalOptions& options, std::ostream& out, std::ostream& progress) {
  std::vector<GoldEntity> gold_entities;
  std::vector<GoldLink> gold_links;
  Status s = LoadGold(options.gold_entities, options.gold_links, &gold_entities, &gold_links);
  if (!s.ok()) return s;

  IndexedArticle article;
  s = IndexArticle(options.file, gold_entities, options.gazetteer, options.link_model, options.work_dir, nullptr,
                   &progress, &article);
  if (!s.ok()) return s;
  const auto& doc = article.doc;
  const auto& store = article.store;
  const auto& nodes = article.nodes;
  GoldNodes& nodes_of = article.nodes_of;
  Score entities;
  entities.relevant = gold_entities.size();
  entities.returned = nodes.size();
  json missed_entities = json::array(), wrong_entities = json::array();
  for (const auto& e : gold_entities) {
    if (nodes_of[e.key].empty()) missed_entities.push_back(e.key + " (" + e.type + ")");
    else ++entities.found;
  }
  for (const auto& n : nodes) {
    bool right = std::any_of(nodes_of.begin(), nodes_of.end(), [&](const auto& held) { return held.second.count(n.id) > 0; });
    if (right) ++entities.right;
    else wrong_entities.push_back(n.id + " (" + n.type + (n.discovered ? ", discovered" : "") + ")");
  }

  // The document's typed edges with the paragraphs of their evidence.
  std::map<graph::EdgeKey, std::set<uint32_t>> edges;
  for (const auto& n : nodes) {
    for (const auto& e : store->EdgesOf(n.id)) {
      if (e.key.relation == indexer::kCoMention || edges.count(e.key)) continue;
      for (const auto& ev : store->EvidenceOf(e.key, 10000)) {
        if (ev.doc_id == doc.id) edges[e.key].insert(ParagraphAt(doc.body, ev.begin));
      }
    }
  }
  auto matches = [&](const graph::EdgeKey& k, const std::set<uint32_t>& paragraphs, const GoldLink& g) {
    return EdgeMatches(k, paragraphs, g, nodes_of);
  };
  Score links;
  links.relevant = gold_links.size();
  links.returned = edges.size();
  json missed_links = json::array(), wrong_links = json::array();
  for (const auto& g : gold_links) {
    bool found = std::any_of(edges.begin(), edges.end(), [&](const auto& e) { return matches(e.first, e.second, g); });
    if (found) ++links.found;
    else missed_links.push_back(g.a + " " + g.relation + " " + g.b);
  }
  for (const auto& edge : edges) {
    // (Not a structured binding: clang 14, which builds the fuzzers, cannot
    // capture one in a lambda.)
    const graph::EdgeKey& k = edge.first;
    const std::set<uint32_t>& paragraphs = edge.second;
    bool right = std::any_of(gold_links.begin(), gold_links.end(), [&](const GoldLink& g) { return matches(k, paragraphs, g); });
    if (right) {
      ++links.right;
    } else {
      std::string where;
      for (uint32_t p : paragraphs) {
        if (!where.empty()) where += ' ';
        where += std::to_string(p);
      }
      wrong_links.push_back(k.source + " " + k.relation + " " + k.target + " [" + where + "]");
    }
  }

  if (options.as_json) {
    json j = {{"file", options.file},
              {"entities", {{"precision", entities.Precision()}, {"recall", entities.Recall()},
                            {"right", entities.right}, {"returned", entities.returned},
                            {"found", entities.found}, {"gold", entities.relevant}}},
              {"links", {{"precision", links.Precision()}, {"recall", links.Recall()},
                         {"right", links.right}, {"returned", links.returned},
                         {"found", links.found}, {"gold", links.relevant}}}};
    if (options.verbose) {
      j["missed_entities"] = missed_entities;
      j["wrong_entities"] = wrong_entities;
      j["missed_links"] = missed_links;
      j["wrong_links"] = wrong_links;
    }
    out << j.dump(2) << "\n";
    return Status::OK();
  }
  out << "graph of " << options.file << "\n"
      << "entities: precision " << Fixed(entities.Precision()) << " (" << entities.right << "/"
      << entities.returned << ")  recall " << Fixed(entities.Recall()) << " (" << entities.found << "/"
      << entities.relevant << ")\n"
      << "links:    precision " << Fixed(links.Precision()) << " (" << links.right << "/" << links.returned
      << ")  recall " << Fixed(links.Recall()) << " (" << links.found << "/" << links.relevant << ")\n";
  if (options.verbose) {
    auto list = [&](const char* title, const json& items) {
      out << title << " (" << items.size() << "):\n";
      for (const auto& item : items) out << "  " << item.get<std::string>() << "\n";
    };
    list("missed entities", missed_entities);
    list("wrong entities", wrong_entities);
    list("missed links", missed_links);
    list("wrong links", wrong_links);
  }
  return Status::OK();
}

}  // namespace policygraph::server
