#include "tests/bench/graph_store_loader.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <set>

#include "graph/graph_store.h"

namespace policygraph::bench {

namespace {

// What a sentence typed with each relation says (indexer/link_triggers.cc
// has the real lists); co-mentions have no trigger.
constexpr const char* kTriggers[] = {"hợp tác với", "thông qua", "tham dự", "đầu tư vào",
                                     "là thành viên của", "dựa trên", ""};
static_assert(std::size(kTriggers) == kRelationCount);

std::string Folded(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

graph::Node ToNode(const SyntheticNode& n) {
  graph::Node node;
  node.id = n.id;
  node.type = n.type;
  node.names_en = {n.name_en};
  node.names_vi = {n.name_vi};
  node.alias_keys = {Folded(n.name_en)};
  if (n.name_vi != n.name_en) node.alias_keys.push_back(Folded(n.name_vi));
  // The tail is what the indexer discovers in the text; the hubs are in the
  // gazetteer.
  node.discovered = !n.hub;
  node.confidence = n.hub ? 1.0 : 0.8;
  return node;
}

// The date of copy k of an edge's w sentences: the first carries first_date,
// the last last_date, those between first_date (so the store's summary gets
// exactly the edge's dates back).
const std::string& CopyDate(const SyntheticEdge& e, uint32_t k) {
  return k + 1 == e.weight && k > 0 ? e.last_date : e.first_date;
}

uint64_t Mix(uint64_t x) {
  x += 0x9E3779B97F4A7C15ULL;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}

// Which (edge, copy) pairs each document holds, as one flat array sliced by
// `begin` (a few million pairs; a vector per document would cost more than
// the pairs).
struct DocumentPlan {
  std::vector<uint64_t> begin;   // documents + 1 offsets into `items`
  std::vector<uint32_t> edge;    // edge index per item
  std::vector<uint32_t> copy;    // k of the edge's weight copies
};

DocumentPlan PlanDocuments(const SyntheticGraph& graph, size_t per_document) {
  uint64_t total = 0;
  uint32_t max_weight = 1;
  for (const auto& e : graph.edges) {
    total += e.weight;
    max_weight = std::max(max_weight, e.weight);
  }
  // Copies of one edge go to consecutive documents from a hashed start, so
  // there must be more documents than the heaviest edge has copies.
  const uint64_t docs =
      std::max<uint64_t>((total + per_document - 1) / std::max<size_t>(per_document, 1), max_weight + 1);
  auto doc_of = [&](size_t i, uint32_t k) { return (Mix(i) % docs + k) % docs; };
  DocumentPlan plan;
  plan.begin.assign(docs + 1, 0);
  for (size_t i = 0; i < graph.edges.size(); ++i) {
    for (uint32_t k = 0; k < graph.edges[i].weight; ++k) ++plan.begin[doc_of(i, k) + 1];
  }
  for (size_t d = 0; d < docs; ++d) plan.begin[d + 1] += plan.begin[d];
  plan.edge.resize(total);
  plan.copy.resize(total);
  std::vector<uint64_t> fill(plan.begin.begin(), plan.begin.end() - 1);
  for (size_t i = 0; i < graph.edges.size(); ++i) {
    for (uint32_t k = 0; k < graph.edges[i].weight; ++k) {
      const uint64_t at = fill[doc_of(i, k)]++;
      plan.edge[at] = static_cast<uint32_t>(i);
      plan.copy[at] = k;
    }
  }
  return plan;
}

graph::DocumentContribution Contribution(const SyntheticGraph& graph, const DocumentPlan& plan,
                                         size_t d) {
  char id[32];
  std::snprintf(id, sizeof id, "gdoc-%07zu", d);
  graph::DocumentContribution c;
  c.doc_id = id;
  std::set<std::string> entities;
  uint32_t offset = 0;
  for (uint64_t j = plan.begin[d]; j < plan.begin[d + 1]; ++j) {
    const SyntheticEdge& e = graph.edges[plan.edge[j]];
    const SyntheticNode& s = graph.nodes[e.source];
    const SyntheticNode& t = graph.nodes[e.target];
    graph::Evidence ev;
    ev.doc_id = c.doc_id;
    ev.passage = static_cast<uint32_t>((j - plan.begin[d]) / 4);
    ev.date = CopyDate(e, plan.copy[j]);
    ev.trigger = kTriggers[e.relation];
    ev.text = s.name_vi + " " + (ev.trigger.empty() ? "và" : ev.trigger) + " " + t.name_vi +
              " trong lĩnh vực chuyển đổi số" + (ev.date.empty() ? "." : ", ngày " + ev.date + ".");
    ev.begin = offset;
    ev.end = offset + static_cast<uint32_t>(ev.text.size());
    offset = ev.end + 1;
    entities.insert(s.id);
    entities.insert(t.id);
    c.evidence.emplace_back(graph::EdgeKey{s.id, kRelations[e.relation], t.id}, std::move(ev));
  }
  c.entities.assign(entities.begin(), entities.end());
  return c;
}

}  // namespace

Status LoadGraphStore(const SyntheticGraph& graph, const std::string& path,
                      size_t evidence_per_document, StoreLoadReport* report) {
  *report = StoreLoadReport();
  std::error_code ec;
  if (std::filesystem::exists(path, ec)) {
    return Status::InvalidArgument(path + " already exists");
  }
  std::unique_ptr<graph::GraphStore> store;
  Status s = graph::GraphStore::Open(path, graph::GraphStoreOptions(), &store);
  if (!s.ok()) return s;
  std::vector<graph::Node> nodes;
  nodes.reserve(graph.nodes.size());
  for (const auto& n : graph.nodes) nodes.push_back(ToNode(n));
  s = store->PutNodes(nodes);
  if (!s.ok()) return s;
  const DocumentPlan plan = PlanDocuments(graph, evidence_per_document);
  for (size_t d = 0; d + 1 < plan.begin.size(); ++d) {
    if (plan.begin[d] == plan.begin[d + 1]) continue;  // no sentence landed here
    const graph::DocumentContribution c = Contribution(graph, plan, d);
    s = store->ReplaceDocument(c);
    if (!s.ok()) return s;
    ++report->documents;
    report->evidence += c.evidence.size();
  }
  return store->Commit();
}

}  // namespace policygraph::bench
