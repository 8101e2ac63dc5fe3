#include "server/eval_report.h"

#include <cstdio>

namespace policygraph::server {

namespace {

// Top ids listed per query: enough to see what outranked the answer.
constexpr size_t kTopShown = 3;

std::string Fixed(double value, int decimals) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, value);
  return buf;
}

std::string PadRight(const std::string& s, size_t width) {
  return s.size() >= width ? s : s + std::string(width - s.size(), ' ');
}

std::string PadLeft(const std::string& s, size_t width) {
  return s.size() >= width ? s : std::string(width - s.size(), ' ') + s;
}

size_t Rejected(const EvalRun& run) {
  size_t n = 0;
  for (const auto& q : run.queries) n += q.rejection.empty() ? 0 : 1;
  return n;
}

const EvalRun* DetailRun(const EvalReport& report) {
  for (const auto& run : report.runs) {
    if (run.system == report.detail_system && run.form == report.detail_form) return &run;
  }
  return nullptr;
}

// "FILE#N:grade" for a judged document (the judgments' own notation), the
// bare id otherwise.
std::string Labelled(const RankedQuery& q, size_t i) {
  return q.grades[i] < 0 ? q.top[i] : q.top[i] + ":" + std::to_string(q.grades[i]);
}

nlohmann::json QueryToJson(const RankedQuery& q, size_t top) {
  nlohmann::json hits = nlohmann::json::array();
  for (size_t i = 0; i < std::min(top, q.top.size()); ++i) {
    nlohmann::json hit = {{"id", q.top[i]}};
    hit["grade"] = q.grades[i] < 0 ? nlohmann::json(nullptr) : nlohmann::json(q.grades[i]);
    hits.push_back(std::move(hit));
  }
  nlohmann::json j = {{"qid", q.qid},
                      {"query", q.query},
                      {"ndcg", q.scores.ndcg},
                      {"recall", q.scores.recall},
                      {"reciprocal_rank", q.scores.reciprocal_rank},
                      {"top", std::move(hits)}};
  if (!q.rejection.empty()) j["rejected"] = q.rejection;
  return j;
}

}  // namespace

void PrintEvalReport(const EvalReport& report, std::ostream& out) {
  const std::string k = std::to_string(report.depth);
  out << "corpus " << report.corpus_dir
      << (report.only.empty() ? "" : " (only " + report.only + ")") << ": " << report.files
      << (report.files == 1 ? " file, " : " files, ") << report.documents
      << " documents (one per line)\n";
  out << "queries " << report.queries_file << ": "
      << (report.runs.empty() ? 0 : report.runs[0].queries.size()) << " queries, "
      << report.judgments << " judgments, " << report.judged_not_in_corpus
      << " of them not in the corpus\n\n";

  out << PadRight("system", 16) << PadRight("form", 6) << PadLeft("queries", 7)
      << PadLeft("nDCG@" + k, 10) << PadLeft("Recall@" + k, 11) << PadLeft("MRR", 7)
      << PadLeft("rejected", 10) << PadLeft("docs", 9) << PadLeft("index s", 9)
      << PadLeft("ms/query", 10) << "\n";
  for (const auto& run : report.runs) {
    out << PadRight(run.system, 16) << PadRight(run.form, 6)
        << PadLeft(std::to_string(run.queries.size()), 7) << PadLeft(Fixed(run.mean.ndcg, 3), 10)
        << PadLeft(Fixed(run.mean.recall, 3), 11) << PadLeft(Fixed(run.mean.reciprocal_rank, 3), 7)
        << PadLeft(std::to_string(Rejected(run)), 10) << PadLeft(std::to_string(run.documents), 9)
        << PadLeft(Fixed(run.index_seconds, 1), 9) << PadLeft(Fixed(run.ms_per_query, 2), 10)
        << "\n";
  }

  bool any_rejected = false;
  for (const auto& run : report.runs) {
    for (const auto& q : run.queries) {
      if (q.rejection.empty()) continue;
      if (!any_rejected) out << "\nrejected queries (counted as no hits):\n";
      any_rejected = true;
      out << "  " << run.system << " " << run.form << " " << q.qid << " [" << q.query
          << "]: " << q.rejection << "\n";
    }
  }

  if (const EvalRun* run = DetailRun(report)) {
    out << "\n"
        << run->system << ", " << run->form << " queries: nDCG@" << k << " per query, top "
        << kTopShown << " (FILE#N:grade when judged)\n";
    for (const auto& q : run->queries) {
      out << PadRight(q.qid, 6) << " " << Fixed(q.scores.ndcg, 3) << "  " << q.query << "\n";
      if (!q.rejection.empty()) {
        out << "             rejected: " << q.rejection << "\n";
        continue;
      }
      if (q.top.empty()) out << "             (no hits)\n";
      for (size_t i = 0; i < std::min(kTopShown, q.top.size()); ++i) {
        out << "             " << i + 1 << ". " << Labelled(q, i) << "\n";
      }
    }
  }
  if (!report.kept_work_dir.empty()) out << "\nindexes kept in " << report.kept_work_dir << "\n";
}

nlohmann::json EvalReportToJson(const EvalReport& report) {
  nlohmann::json runs = nlohmann::json::array();
  for (const auto& run : report.runs) {
    nlohmann::json rejected = nlohmann::json::array();
    for (const auto& q : run.queries) {
      if (!q.rejection.empty()) {
        rejected.push_back({{"qid", q.qid}, {"query", q.query}, {"message", q.rejection}});
      }
    }
    runs.push_back({{"system", run.system},
                    {"form", run.form},
                    {"queries", run.queries.size()},
                    {"ndcg", run.mean.ndcg},
                    {"recall", run.mean.recall},
                    {"mrr", run.mean.reciprocal_rank},
                    {"rejected", std::move(rejected)},
                    {"documents", run.documents},
                    {"index_seconds", run.index_seconds},
                    {"ms_per_query", run.ms_per_query}});
  }
  nlohmann::json j = {
      {"corpus",
       {{"dir", report.corpus_dir},
        {"only", report.only.empty() ? nlohmann::json(nullptr) : nlohmann::json(report.only)},
        {"files", report.files},
        {"documents", report.documents}}},
      {"queries",
       {{"file", report.queries_file},
        {"judgments", report.judgments},
        {"judged_not_in_corpus", report.judged_not_in_corpus}}},
      {"depth", report.depth},
      {"runs", std::move(runs)}};
  if (const EvalRun* run = DetailRun(report)) {
    nlohmann::json queries = nlohmann::json::array();
    for (const auto& q : run->queries) queries.push_back(QueryToJson(q, kTopShown));
    j["per_query"] = {
        {"system", run->system}, {"form", run->form}, {"queries", std::move(queries)}};
  }
  if (!report.kept_work_dir.empty()) j["work_dir"] = report.kept_work_dir;
  return j;
}

}  // namespace policygraph::server
