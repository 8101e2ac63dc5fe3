// Query judgments for `policygraph eval`, in the TSV formats of
// ../shared/eval (queries-dev.tsv, qrels-known-dev.tsv):
//
//   # comment
//   qid <TAB> query <TAB> FILE#N:grade [FILE]#N:grade ...
//
// An item with no FILE ("#12:2") reuses the FILE of the item before it, also
// across lines. Grades are non-negative integers (2 answers, 1 related).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "graph/status.h"
#include "server/eval_metrics.h"

namespace policygraph::server {

struct JudgedQuery {
  std::string qid;
  std::string query;
  Grades grades;  // FILE#N -> grade
};

// Parses `content`; `name` prefixes messages. InvalidArgument "name:LINE:
// why" on a malformed line, a repeated qid, a document judged twice for one
// query, text that is not UTF-8, or a file with no queries.
Status ParseJudgments(const std::string& name, std::string_view content,
                      std::vector<JudgedQuery>* queries);

// Reads `path` (IOError when it cannot), then ParseJudgments().
Status LoadJudgments(const std::string& path, std::vector<JudgedQuery>* queries);

}  // namespace policygraph::server
