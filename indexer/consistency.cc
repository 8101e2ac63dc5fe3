#include "indexer/consistency.h"

#include <xapian.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>

#include "graph/graph_store.h"
#include "indexer/search_schema.h"

namespace policygraph::indexer {

namespace fs = std::filesystem;

namespace {

constexpr size_t kMaxProblemsPerKind = 5;

Status SearchDocumentIds(const std::string& dir, std::set<std::string>* ids, std::string* graph_state) {
  try {
    Xapian::Database db(dir);
    *graph_state = db.get_metadata(search_schema::kGraphStateKey);
    const std::string kind = search_schema::Term(search_schema::kKindPrefix, search_schema::kDocKind);
    for (auto it = db.postlist_begin(kind); it != db.postlist_end(kind); ++it) {
      auto data = nlohmann::json::parse(db.get_document(*it).get_data(), nullptr, false);
      if (data.is_object()) ids->insert(data.value("id", ""));
    }
    return Status::OK();
  } catch (const Xapian::Error& e) {
    return Status::IOError("cannot read the search index at " + dir + ": " + e.get_description());
  }
}

void Report(const std::set<std::string>& ids, const std::set<std::string>& known, const std::string& what,
            ConsistencyReport* report) {
  size_t listed = 0;
  for (const auto& id : ids) {
    if (known.count(id) || listed >= kMaxProblemsPerKind) continue;
    report->problems.push_back(what + " '" + id + "' is not in the search index");
    ++listed;
  }
}

}  // namespace

Status CheckStores(const std::string& data_dir, ConsistencyReport* report) {
  *report = ConsistencyReport();
  std::set<std::string> search_ids;
  Status s = SearchDocumentIds((fs::path(data_dir) / "search").string(), &search_ids, &report->graph_state);
  if (!s.ok()) return s;
  std::unique_ptr<graph::GraphStore> graph;
  graph::GraphStoreOptions options;
  options.read_only = true;
  options.create_if_missing = false;
  s = graph::GraphStore::Open((fs::path(data_dir) / "graph").string(), options, &graph);
  if (!s.ok()) return s;
  const auto doc_list = graph->DocumentIds();
  const std::set<std::string> graph_ids(doc_list.begin(), doc_list.end());
  report->search_documents = search_ids.size();
  report->graph_documents = graph_ids.size();

  Report(graph_ids, search_ids, "graph document", report);
  Report(graph->EvidenceDocumentIds(), search_ids, "evidence of document", report);
  if (report->graph_state != search_schema::kGraphPending) {
    size_t listed = 0;
    for (const auto& id : search_ids) {
      if (graph_ids.count(id) || listed >= kMaxProblemsPerKind) continue;
      report->problems.push_back("document '" + id + "' is in the search index but not in the graph, which says it is complete");
      ++listed;
    }
  }
  report->consistent = report->problems.empty();
  return Status::OK();
}

}  // namespace policygraph::indexer
