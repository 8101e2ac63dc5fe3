#include "server/graph_gold.h"

#include <algorithm>
#include <filesystem>
#include <sstream>

#include "indexer/link_triggers.h"
#include "indexer/text_fields.h"

namespace policygraph::server {

namespace {

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

}  // namespace

Status LoadGold(const std::string& entities_path, const std::string& links_path, std::vector<GoldEntity>* entities,
                std::vector<GoldLink>* links) {
  Status s = LoadGoldEntities(entities_path, entities);
  if (!s.ok()) return s;
  s = LoadGoldLinks(links_path, links);
  if (!s.ok()) return s;
  std::set<std::string> keys;
  for (const auto& e : *entities) keys.insert(e.key);
  for (const auto& l : *links) {
    for (const auto* k : {&l.a, &l.b}) {
      if (!keys.count(*k)) return Status::InvalidArgument(links_path + ": unknown entity key '" + *k + "'");
    }
  }
  return Status::OK();
}

std::string TypeClass(const std::string& type) {
  static const std::set<std::string> kFrameworks = {"law",       "agreement",  "strategy", "plan",
                                                    "programme", "initiative", "framework"};
  return kFrameworks.count(type) ? "framework" : type;
}

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

GoldNodes MapGoldEntities(const std::vector<graph::Node>& nodes, const std::vector<GoldEntity>& gold,
                          const indexer::Analyzer& analyzer) {
  auto key_of = [&](const std::string& name) {
    std::string key;
    for (const auto& t : analyzer.Tokenize(name)) key += (key.empty() ? "" : " ") + t.exact;
    return key;
  };
  auto holds = [&](const graph::Node& n, const GoldEntity& e) {
    if (TypeClass(n.type) != e.type) return false;
    std::set<std::string> names;
    for (const auto* list : {&n.names_en, &n.names_vi}) {
      for (const auto& name : *list) names.insert(key_of(name));
    }
    return std::any_of(e.forms.begin(), e.forms.end(), [&](const std::string& f) { return names.count(key_of(f)); });
  };
  GoldNodes nodes_of;
  for (const auto& e : gold) {
    auto& held = nodes_of[e.key];
    for (const auto& n : nodes) {
      if (holds(n, e)) held.insert(n.id);
    }
  }
  return nodes_of;
}

bool EdgeMatches(const graph::EdgeKey& k, const std::set<uint32_t>& paragraphs, const GoldLink& g,
                 const GoldNodes& nodes_of) {
  if (k.relation != g.relation) return false;
  auto holds = [&](const std::string& key, const std::string& id) {
    auto it = nodes_of.find(key);
    return it != nodes_of.end() && it->second.count(id) > 0;
  };
  bool ends = (holds(g.a, k.source) && holds(g.b, k.target)) ||
              (indexer::IsUndirectedRelation(g.relation) && holds(g.b, k.source) && holds(g.a, k.target));
  if (!ends) return false;
  return std::any_of(paragraphs.begin(), paragraphs.end(), [&](uint32_t p) { return g.paragraphs.count(p); });
}

Status IndexArticle(const std::string& file, const std::vector<GoldEntity>& gold_entities,
                    const std::string& gazetteer, const std::string& link_model, const std::string& work_dir,
                    indexer::SentenceObserver observe, std::ostream* progress, IndexedArticle* out) {
  Status s = indexer::LoadDocument(file, &out->doc);
  if (!s.ok()) return s;
  s = out->work.Open(work_dir);
  if (!s.ok()) return s;
  indexer::IndexOptions index_options;
  index_options.data_dir = (std::filesystem::path(out->work.path()) / "data").string();
  index_options.gazetteer = gazetteer;
  index_options.link_model = link_model;
  index_options.observe_sentences = std::move(observe);
  if (progress) *progress << "building the graph from " << file << std::endl;
  indexer::IndexReport report;
  s = indexer::IndexCorpus({file}, index_options, &report);
  if (!s.ok()) return s;

  graph::GraphStoreOptions read_only;
  read_only.read_only = true;
  s = graph::GraphStore::Open((std::filesystem::path(index_options.data_dir) / "graph").string(), read_only,
                              &out->store);
  if (!s.ok()) return s;
  out->nodes.clear();
  for (const auto& id : out->store->EntitiesOfDocument(out->doc.id).value_or(std::vector<std::string>{})) {
    if (auto n = out->store->GetNode(id)) out->nodes.push_back(*n);
  }
  indexer::Analyzer analyzer;
  out->nodes_of = MapGoldEntities(out->nodes, gold_entities, analyzer);
  return Status::OK();
}

}  // namespace policygraph::server
