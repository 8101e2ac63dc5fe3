// What `policygraph eval` measured, and its two renderings: a text table for
// people and JSON for scripts. Formatting only; eval_command.cc measures.
#pragma once

#include <nlohmann/json.hpp>
#include <ostream>
#include <string>
#include <vector>

#include "server/eval_metrics.h"

namespace policygraph::server {

struct RankedQuery {
  std::string qid;
  std::string query;             // as sent to the system (NFC or NFD)
  std::vector<std::string> top;  // ids returned, best first
  std::vector<int> grades;       // judged grade of each id in `top`, -1 when unjudged
  QueryScores scores;
  std::string rejection;  // the system's message when it rejected the query; "" otherwise
};

// One system answering every query in one normal form.
struct EvalRun {
  std::string system;
  std::string form;          // "NFC" or "NFD"
  size_t documents = 0;      // documents the system indexed
  double index_seconds = 0;  // the same for both forms: one index serves both
  double ms_per_query = 0;
  QueryScores mean;
  std::vector<RankedQuery> queries;
};

struct EvalReport {
  std::string corpus_dir;
  std::string only;  // "" for the whole corpus
  size_t files = 0;
  size_t documents = 0;
  std::string queries_file;
  size_t judgments = 0;             // judged (query, document) pairs
  size_t judged_not_in_corpus = 0;  // of those, documents the corpus lacks
  size_t depth = 10;                // the k of every @k
  std::string kept_work_dir;        // "" when the work directory was removed
  std::vector<EvalRun> runs;        // NFC runs first, then NFD, systems in a fixed order
  // Whose per-query figures are listed (policygraph, NFC).
  std::string detail_system;
  std::string detail_form;
};

void PrintEvalReport(const EvalReport& report, std::ostream& out);
nlohmann::json EvalReportToJson(const EvalReport& report);

}  // namespace policygraph::server
