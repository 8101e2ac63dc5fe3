// The search systems `policygraph eval` compares, behind one small interface
// so that each indexes the same documents and answers the same queries:
//
//   policygraph     our indexer and SearchService, as shipped
//   xapian-default  Xapian's TermGenerator + QueryParser, English stemmer
//   sqlite-fts5     SQLite FTS5, unicode61 tokenizer without diacritics, BM25
//
// The peers are configured the way ../shared/eval/README.md measured them,
// so their figures there double as a check on this harness.
//
// Each system keeps its files in a directory of its own under the work
// directory it is given; it refuses one that already exists rather than mix
// a stale index into the figures. Not thread-safe.
#pragma once

#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "graph/status.h"
#include "server/eval_corpus.h"

namespace policygraph::server {

class SearchSystem {
 public:
  virtual ~SearchSystem() = default;

  // Short name for reports: "policygraph", "xapian-default", "sqlite-fts5".
  virtual std::string name() const = 0;

  // Builds the index from scratch; call once, before Search().
  virtual Status Index(const std::vector<EvalDocument>& documents) = 0;

  // The ids of the best `k` documents, best first. InvalidArgument when the
  // system rejects the query (the evaluation counts it as no hits and
  // reports the message); any other error ends the evaluation.
  virtual Status Search(const std::string& query, size_t k, std::vector<std::string>* ids) = 0;
};

// `gazetteer`, `glossary`: the .tsv files or directories IndexDocuments()
// reads (glossary "" for none); `progress`, when not null, receives the
// indexer's progress lines.
std::unique_ptr<SearchSystem> MakePolicygraphSystem(const std::string& work_dir,
                                                    const std::string& gazetteer,
                                                    const std::string& glossary,
                                                    std::ostream* progress);
// policygraph over an index already in `data_dir` (`policygraph index`):
// Index() does nothing; Search() is MakePolicygraphSystem's.
std::unique_ptr<SearchSystem> MakeExistingPolicygraphSystem(const std::string& data_dir);
std::unique_ptr<SearchSystem> MakeXapianDefaultSystem(const std::string& work_dir);
std::unique_ptr<SearchSystem> MakeSqliteFts5System(const std::string& work_dir);

}  // namespace policygraph::server
