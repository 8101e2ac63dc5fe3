// Writes a SyntheticGraph into a policygraph GraphStore the way the indexer
// does (indexer/corpus_indexer.cc): PutNodes with every node, then one
// ReplaceDocument per document, then Commit. No shortcut into the store: an
// edge's weight is the number of documents whose evidence names it, and its
// dates the earliest and latest of that evidence, exactly as for real text.
#pragma once

#include <cstdint>
#include <string>

#include "graph/status.h"
#include "tests/bench/synthetic_graph.h"

namespace policygraph::bench {

struct StoreLoadReport {
  uint64_t documents = 0;
  uint64_t evidence = 0;
};

// Each edge of weight w gets one sentence in each of w distinct synthetic
// documents (the first carries its first_date, the last its last_date), and
// documents hold about `evidence_per_document` sentences. `path` must not
// hold a database yet.
Status LoadGraphStore(const SyntheticGraph& graph, const std::string& path,
                      size_t evidence_per_document, StoreLoadReport* report);

}  // namespace policygraph::bench
