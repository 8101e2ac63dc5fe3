// Whether the two stores of a data directory are in one of the states the
// indexer promises after any crash (corpus_indexer.h): every graph document
// and every piece of evidence belongs to a document of the search index, and
// when the search index says the graph is "complete", the graph holds
// exactly its documents.
#pragma once

#include <string>
#include <vector>

#include "graph/status.h"

namespace policygraph::indexer {

struct ConsistencyReport {
  bool consistent = false;
  std::string graph_state;        // "complete", "pending", or "" (an older index)
  size_t search_documents = 0;
  size_t graph_documents = 0;
  std::vector<std::string> problems;  // each names the document at fault (at most a few per kind)
};

// Opens DATA/search and DATA/graph read-only. A store that cannot be opened
// is an error Status; disagreement between them is a report with problems.
Status CheckStores(const std::string& data_dir, ConsistencyReport* report);

}  // namespace policygraph::indexer
