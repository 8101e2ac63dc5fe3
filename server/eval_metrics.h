// Ranking-quality metrics for `policygraph eval`: pure functions of a ranked
// list of document ids and the graded judgments of one query.
//
// Grades follow ../shared/eval: 2 answers the query, 1 related, 0 judged not
// relevant; a document without a judgment counts as grade 0. "Relevant"
// means grade >= 1.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace policygraph::server {

// Document id -> grade, for one query.
using Grades = std::map<std::string, int>;

// nDCG@k: gain 2^grade - 1, discount log2(rank + 1) with rank 1-based; the
// ideal ranking is built from every judged document of the query, not only
// those retrieved. 0 when no judged document has a positive grade.
double NdcgAt(size_t k, const std::vector<std::string>& ranked, const Grades& grades);

// Relevant documents in the top k over all relevant documents; 0 when the
// query has none.
double RecallAt(size_t k, const std::vector<std::string>& ranked, const Grades& grades);

// 1 / rank of the first relevant document within the top k; 0 if none.
// (../shared/eval/README.md's MRR column counts only grade 2, "answers the
// query", so on queries-dev, where grade 1 abounds, its figures run lower
// than this one: 0.753 against 0.820 for xapian-default.)
double ReciprocalRankAt(size_t k, const std::vector<std::string>& ranked, const Grades& grades);

struct QueryScores {
  double ndcg = 0;
  double recall = 0;
  double reciprocal_rank = 0;
};

QueryScores ScoreQuery(size_t k, const std::vector<std::string>& ranked, const Grades& grades);

// Per-metric mean; all zero for no queries.
QueryScores MeanScores(const std::vector<QueryScores>& scores);

}  // namespace policygraph::server
