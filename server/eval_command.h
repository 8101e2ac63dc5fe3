// `policygraph eval`: indexes one corpus, one document per line, with
// policygraph and two peers (xapian-default, sqlite-fts5), runs judged
// queries against each, and reports nDCG@10, Recall@10 and MRR.
//
// Every query runs twice: as NFC and converted to NFD, since Vietnamese text
// arrives in both and a system that only meets NFC is found out here. There
// is no flag for this: the NFD rows cost little and are always wanted.
#pragma once

#include <ostream>
#include <string>

#include "graph/status.h"

namespace policygraph::server {

struct EvalOptions {
  std::string corpus_dir;    // every .txt/.md line under it is a document
  std::string queries_file;  // judgments, see eval_judgments.h
  std::string only;          // keep files at or under this relative path. Default: "" (all)
  // For policygraph's indexer; the defaults are `policygraph index`'s, so
  // that what is measured is what ships.
  std::string gazetteer = "corpus/gazetteer";
  std::string glossary = "corpus/glossary";  // "" for none
  // Where the indexes go, kept afterwards. Default: "" = a fresh temporary
  // directory, removed at the end.
  std::string work_dir;
  // A policygraph index an earlier run kept (WORK/policygraph of its
  // --work), searched instead of indexing the corpus again: a change to the
  // query side only is judged in minutes on the same index. It must have
  // been built from the same corpus (and --only). Default: "" (index anew).
  std::string policygraph_data;
  bool as_json = false;  // Default: false (a text table)
};

// Writes the report to `out` and progress lines to `progress`. Errors name
// the file (and line) at fault; a query a system rejects is not an error.
Status RunEval(const EvalOptions& options, std::ostream& out, std::ostream& progress);

}  // namespace policygraph::server
