// The top hits of each query, for checking that a change to searching left
// the ranking as it was (docs/PERFORMANCE.md 5e): run it with the build
// before and the build after on the same index and diff the two outputs.
//
//   policygraph_query_topk --data DIR [--limit N] < QUERIES
//
// QUERIES: one query a line (blank lines skipped); tests/bench/topk_queries.py
// writes the usual list (every judged query, the bench mix, each typed
// without diacritics). For each, a line "Q
// query" and then one line per hit, "document#passage score" (scores to 9
// significant digits), through server::SearchService as the server runs it;
// a query that fails prints its error instead. The time of each search goes
// to stderr, so that stdout diffs clean.

#include <chrono>
#include <cstdlib>
#include <iomanip>
#include <iostream>
#include <string>

#include "indexer/analyzer.h"
#include "server/search_service.h"
#include "tests/bench/bench_support.h"

using namespace policygraph;

int main(int argc, char** argv) {
  std::string data;
  size_t limit = 10;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--data" && i + 1 < argc) data = argv[++i];
    else if (a == "--limit" && i + 1 < argc) limit = static_cast<size_t>(std::atoi(argv[++i]));
    else data.clear(), i = argc;
  }
  if (data.empty() || limit < 1 || limit > 100) {
    std::cerr << "usage: policygraph_query_topk --data DIR [--limit N (1-100)] < QUERIES\n";
    return 2;
  }
  const std::string search_dir = policygraph::bench::CheckedSearchDir(data);
  if (search_dir.empty()) return 1;
  indexer::Analyzer analyzer;
  server::SearchService service(search_dir, analyzer);
  std::string query;
  int errors = 0;
  while (std::getline(std::cin, query)) {
    if (query.empty()) continue;
    server::SearchRequest request;
    request.query = query;
    request.limit = limit;
    request.facets = false;
    server::SearchResults results;
    const auto t0 = std::chrono::steady_clock::now();
    const Status s = service.Search(request, &results);
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    std::cout << "Q " << query << "\n";
    if (!s.ok()) {
      ++errors;
      std::cout << "  error: " << s.message() << "\n";
      continue;
    }
    for (const auto& hit : results.hits) {
      std::cout << "  " << hit.id << "#" << hit.passage << " " << std::setprecision(9) << hit.score << "\n";
    }
    std::cerr << std::fixed << std::setprecision(2) << ms << "\t" << query << "\n";
  }
  return errors == 0 ? 0 : 1;
}
