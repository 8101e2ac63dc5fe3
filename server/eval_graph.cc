#include "server/eval_graph.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "graph/graph_store.h"
#include "indexer/analyzer.h"
#include "indexer/corpus_indexer.h"
#include "indexer/document.h"
#include "indexer/link_triggers.h"
#include "indexer/text_fields.h"
#include "server/work_directory.h"

namespace policygraph::server {

namespace fs = std::filesystem;
using json = nlohmann::json;

namespace {

struct GoldEntity {
  std::string key, type;
  std::vector<std::string> forms;
};
struct GoldLink {
  std::string a, relation, b;
  std::set<uint32_t> paragraphs;
};

Status LoadGoldEntities(const std::string& path, std::vector<GoldEntity>* out) {
  std::string content;
  Status s = indexer::ReadTextFile(path, &content);
  if (!s.ok()) return s;
  return indexer::ForEachTsvRow(path, content, [&](const std::vector<std::string>& f, const std::string& where) {
    if (f.size() != 3) return Status::InvalidArgument(where + "expected 3 fields (key, type, surface forms)");
    out->push_back({indexer::Trim(f[0]), indexer::Trim(f[1]), indexer::SplitList(f[2])});
    return Status::OK();
  });
}

Status LoadGoldLinks(const std::string& path, std::vector<GoldLink>* out) {
  std::string content;
  Status s = indexer::ReadTextFile(path, &content);
  if (!s.ok()) return s;
  return indexer::ForEachTsvRow(path, content, [&](const std::vector<std::string>& f, const std::string& where) {
    if (f.size() != 4) return Status::InvalidArgument(where + "expected 4 fields (a, class, b, paragraphs)");
    GoldLink link{indexer::Trim(f[0]), indexer::Trim(f[1]), indexer::Trim(f[2]), {}};
    std::istringstream ps(f[3]);
    std::string p;
    while (ps >> p) {
      try {
        link.paragraphs.insert(static_cast<uint32_t>(std::stoul(p)));
      } catch (...) {
        return Status::InvalidArgument(where + "paragraph '" + p + "' is not a number");
      }
    }
    out->push_back(std::move(link));
    return Status::OK();
  });
}

// The gold files' type for a node type: every kind of framework is one.
std::string TypeClass(const std::string& type) {
  static const std::set<std::string> kFrameworks = {"law",       "agreement",  "strategy", "plan",
                                                    "programme", "initiative", "framework"};
  return kFrameworks.count(type) ? "framework" : type;
}

// 0-based index of the non-empty line holding byte `offset` of `body`.
uint32_t ParagraphAt(std::string_view body, uint32_t offset) {
  uint32_t paragraph = 0;
  size_t line_start = 0;
  while (line_start < body.size()) {
    size_t line_end = body.find('\n', line_start);
    if (line_end == std::string_view::npos) line_end = body.size();
    std::string_view line = body.substr(line_start, line_end - line_start);
    bool blank = line.find_first_not_of(" \t\r") == std::string_view::npos;
    if (offset <= line_end) return paragraph;  // a blank line's offset counts as the next paragraph
    if (!blank) ++paragraph;
    line_start = line_end + 1;
  }
  return paragraph;
}

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
  Status s = LoadGoldEntities(options.gold_entities, &gold_entities);
  if (!s.ok()) return s;
  s = LoadGoldLinks(options.gold_links, &gold_links);
  if (!s.ok()) return s;
  std::set<std::string> keys;
  for (const auto& e : gold_entities) keys.insert(e.key);
  for (const auto& l : gold_links) {
    for (const auto* k : {&l.a, &l.b}) {
      if (!keys.count(*k)) return Status::InvalidArgument(options.gold_links + ": unknown entity key '" + *k + "'");
    }
  }

  indexer::SourceDocument doc;
  s = indexer::LoadDocument(options.file, &doc);
  if (!s.ok()) return s;

  WorkDirectory work;
  s = work.Open(options.work_dir);
  if (!s.ok()) return s;
  indexer::IndexOptions index_options;
  index_options.data_dir = (fs::path(work.path()) / "data").string();
  index_options.gazetteer = options.gazetteer;
  indexer::IndexReport report;
  progress << "building the graph from " << options.file << std::endl;
  s = indexer::IndexCorpus({options.file}, index_options, &report);
  if (!s.ok()) return s;
  std::unique_ptr<graph::GraphStore> store;
  graph::GraphStoreOptions read_only;
  read_only.read_only = true;
  s = graph::GraphStore::Open((fs::path(index_options.data_dir) / "graph").string(), read_only, &store);
  if (!s.ok()) return s;

  indexer::Analyzer analyzer;
  auto key_of = [&](const std::string& name) {
    std::string key;
    for (const auto& t : analyzer.Tokenize(name)) key += (key.empty() ? "" : " ") + t.exact;
    return key;
  };

  // The document's nodes, and which gold entity each one is.
  std::vector<graph::Node> nodes;
  for (const auto& id : store->EntitiesOfDocument(doc.id).value_or(std::vector<std::string>{})) {
    if (auto n = store->GetNode(id)) nodes.push_back(*n);
  }
  auto holds = [&](const graph::Node& n, const GoldEntity& e) {
    if (TypeClass(n.type) != e.type) return false;
    std::set<std::string> names;
    for (const auto* list : {&n.names_en, &n.names_vi}) {
      for (const auto& name : *list) names.insert(key_of(name));
    }
    return std::any_of(e.forms.begin(), e.forms.end(), [&](const std::string& f) { return names.count(key_of(f)); });
  };
  std::map<std::string, std::set<std::string>> nodes_of;  // gold key -> node ids
  Score entities;
  entities.relevant = gold_entities.size();
  entities.returned = nodes.size();
  json missed_entities = json::array(), wrong_entities = json::array();
  for (const auto& e : gold_entities) {
    for (const auto& n : nodes) {
      if (holds(n, e)) nodes_of[e.key].insert(n.id);
    }
    if (nodes_of[e.key].empty()) missed_entities.push_back(e.key + " (" + e.type + ")");
    else ++entities.found;
  }
  for (const auto& n : nodes) {
    bool right = std::any_of(gold_entities.begin(), gold_entities.end(), [&](const GoldEntity& e) { return holds(n, e); });
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
    if (k.relation != g.relation) return false;
    bool ends = (nodes_of[g.a].count(k.source) && nodes_of[g.b].count(k.target)) ||
                (indexer::IsUndirectedRelation(g.relation) && nodes_of[g.b].count(k.source) &&
                 nodes_of[g.a].count(k.target));
    if (!ends) return false;
    return std::any_of(paragraphs.begin(), paragraphs.end(), [&](uint32_t p) { return g.paragraphs.count(p); });
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
      for (uint32_t p : paragraphs) where += (where.empty() ? "" : " ") + std::to_string(p);
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
