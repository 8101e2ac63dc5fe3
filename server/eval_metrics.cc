#include "server/eval_metrics.h"

#include <algorithm>
#include <cmath>
#include <functional>

namespace policygraph::server {

namespace {

int GradeOf(const std::string& id, const Grades& grades) {
  auto it = grades.find(id);
  return it == grades.end() ? 0 : it->second;
}

double Gain(int grade) { return grade <= 0 ? 0.0 : std::exp2(grade) - 1.0; }

// rank is 1-based.
double Discount(size_t rank) { return 1.0 / std::log2(static_cast<double>(rank) + 1.0); }

size_t RelevantCount(const Grades& grades) {
  return static_cast<size_t>(
      std::count_if(grades.begin(), grades.end(), [](const auto& g) { return g.second >= 1; }));
}

}  // namespace

double NdcgAt(size_t k, const std::vector<std::string>& ranked, const Grades& grades) {
  double dcg = 0;
  for (size_t i = 0; i < std::min(k, ranked.size()); ++i) {
    dcg += Gain(GradeOf(ranked[i], grades)) * Discount(i + 1);
  }
  std::vector<int> ideal;
  for (const auto& [id, grade] : grades) ideal.push_back(grade);
  std::sort(ideal.begin(), ideal.end(), std::greater<>());
  double ideal_dcg = 0;
  for (size_t i = 0; i < std::min(k, ideal.size()); ++i) {
    ideal_dcg += Gain(ideal[i]) * Discount(i + 1);
  }
  return ideal_dcg > 0 ? dcg / ideal_dcg : 0.0;
}

double RecallAt(size_t k, const std::vector<std::string>& ranked, const Grades& grades) {
  const size_t relevant = RelevantCount(grades);
  if (relevant == 0) return 0;
  size_t found = 0;
  for (size_t i = 0; i < std::min(k, ranked.size()); ++i) {
    if (GradeOf(ranked[i], grades) >= 1) ++found;
  }
  return static_cast<double>(found) / static_cast<double>(relevant);
}

double ReciprocalRankAt(size_t k, const std::vector<std::string>& ranked, const Grades& grades) {
  for (size_t i = 0; i < std::min(k, ranked.size()); ++i) {
    if (GradeOf(ranked[i], grades) >= 1) return 1.0 / static_cast<double>(i + 1);
  }
  return 0;
}

QueryScores ScoreQuery(size_t k, const std::vector<std::string>& ranked, const Grades& grades) {
  return {NdcgAt(k, ranked, grades), RecallAt(k, ranked, grades),
          ReciprocalRankAt(k, ranked, grades)};
}

QueryScores MeanScores(const std::vector<QueryScores>& scores) {
  QueryScores mean;
  if (scores.empty()) return mean;
  for (const auto& s : scores) {
    mean.ndcg += s.ndcg;
    mean.recall += s.recall;
    mean.reciprocal_rank += s.reciprocal_rank;
  }
  const double n = static_cast<double>(scores.size());
  mean.ndcg /= n;
  mean.recall /= n;
  mean.reciprocal_rank /= n;
  return mean;
}

}  // namespace policygraph::server
