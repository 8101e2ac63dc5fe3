// In-process search latency (issue 6): runs a fixed query mix against an
// index written by `policygraph index`, through server::SearchService as the
// HTTP server does (a handle per call, facets on as /api/search defaults),
// and prints p50/p95/p99 per query class and overall.
//
//   policygraph_query_bench --data DIR --queries FILE [--rounds N] [--no-facets] [--cache] [--per-query]
//
// --cache puts the server's response cache (server/response_cache.h) in
// front, as `serve` does by default: a search answered before is the stored
// JSON. Without it (the default) every search is computed: the cold figure.
//
// FILE: one query a line, "class<TAB>query"; blank lines and lines starting
// with '#' are ignored. Each query runs once to warm up, then N rounds
// (default 20), in the file's order. Output is one TSV row per class, then
// "all"; a query that fails to parse is reported and counted as an error.

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "indexer/analyzer.h"
#include "server/json_views.h"
#include "server/response_cache.h"
#include "server/search_service.h"
#include "tests/bench/bench_support.h"

using namespace policygraph;
using policygraph::bench::Percentile;

namespace {

int Usage() {
  std::cerr << "usage: policygraph_query_bench --data DIR --queries FILE [--rounds N] [--no-facets] [--cache]"
               " [--per-query]\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  std::string data, queries_path;
  int rounds = 20;
  bool facets = true;
  bool cache = false;
  bool per_query = false;  // also a row per query: which ones make the tail
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--data" && i + 1 < argc) data = argv[++i];
    else if (a == "--queries" && i + 1 < argc) queries_path = argv[++i];
    else if (a == "--rounds" && i + 1 < argc) rounds = std::atoi(argv[++i]);
    else if (a == "--no-facets") facets = false;
    else if (a == "--cache") cache = true;
    else if (a == "--per-query") per_query = true;
    else return Usage();
  }
  if (data.empty() || queries_path.empty() || rounds < 1) return Usage();

  std::vector<std::pair<std::string, std::string>> mix;  // class, query
  if (!policygraph::bench::LoadQueryMix(queries_path, &mix)) {
    std::cerr << "cannot read " << queries_path << "\n";
    return 1;
  }
  if (mix.empty()) {
    std::cerr << "no queries in " << queries_path << "\n";
    return 1;
  }

  const std::string search_dir = policygraph::bench::CheckedSearchDir(data);
  if (search_dir.empty()) return 1;
  indexer::Analyzer analyzer;
  server::SearchService service(search_dir, analyzer);

  server::ResponseCache responses({});
  std::map<std::string, std::vector<double>> by_class;
  std::map<std::string, std::vector<double>> by_query;
  std::map<std::string, server::SearchTimings> query_stages;  // summed per query
  std::map<std::string, server::SearchTimings> stages;  // summed per class
  std::vector<double> all;
  size_t errors = 0;
  uint64_t hits_total = 0;
  double first_ms = -1;
  for (int r = -1; r < rounds; ++r) {  // round -1 warms up
    for (const auto& [cls, q] : mix) {
      server::SearchRequest req;
      req.query = q;
      req.facets = facets;
      server::SearchResults res;
      const auto t0 = std::chrono::steady_clock::now();
      Status s;
      if (cache && responses.Get(1, q)) {
        s = Status::OK();  // answered from the cache: nothing computed, no timings
      } else {
        s = service.Search(req, &res);
        if (cache && s.ok()) responses.Put(1, q, server::ToJson(res).dump());
      }
      const auto t1 = std::chrono::steady_clock::now();
      if (r < 0) {
        // The first search also builds what is kept per revision of the
        // index (the lexicon's matchers, the facet table).
        if (first_ms < 0) first_ms = std::chrono::duration<double, std::milli>(t1 - t0).count();
        if (!s.ok()) std::cerr << "query error: [" << q << "]: " << s.message() << "\n";
        else hits_total += res.total;
        continue;
      }
      if (!s.ok()) {
        ++errors;
        continue;
      }
      const double ms = std::chrono::duration<double, std::milli>(t1 - t0).count();
      by_class[cls].push_back(ms);
      by_query[cls + "\t" + q].push_back(ms);
      server::SearchTimings& per = query_stages[cls + "\t" + q];
      per.match += res.timings.match;
      per.spelling += res.timings.spelling;
      for (const std::string& c : {cls, std::string("all")}) {
        server::SearchTimings& sum = stages[c];
        sum.match += res.timings.match;
        sum.snippets += res.timings.snippets;
        sum.facets += res.timings.facets;
        sum.spelling += res.timings.spelling;
      }
      all.push_back(ms);
    }
  }

  std::cout << "# documents " << service.DocumentCount() << ", queries " << mix.size()
            << ", rounds " << rounds << ", facets " << (facets ? "on" : "off") << ", cache "
            << (cache ? "on" : "off")
            << ", errors " << errors << ", matches (first round) " << hits_total << ", first search "
            << first_ms << " ms\n";
  std::cout << "class\tn\tmean_ms\tp50_ms\tp95_ms\tp99_ms\tmax_ms\n";
  auto row = [](const std::string& name, const std::vector<double>& v) {
    double sum = 0;
    for (double x : v) sum += x;
    std::cout << std::fixed << std::setprecision(2) << name << "\t" << v.size() << "\t"
              << (v.empty() ? 0 : sum / static_cast<double>(v.size())) << "\t" << Percentile(v, 50)
              << "\t" << Percentile(v, 95) << "\t" << Percentile(v, 99) << "\t"
              << (v.empty() ? 0 : *std::max_element(v.begin(), v.end())) << "\n";
  };
  for (const auto& [cls, v] : by_class) row(cls, v);
  row("all", all);
  // Where the time went (SearchResults::timings), mean ms per query.
  std::cout << "# stages (mean ms): class\tmatch\tsnippets\tfacets\tdid_you_mean\n";
  for (const auto& [cls, sum] : stages) {
    const double n = static_cast<double>(cls == "all" ? all.size() : by_class[cls].size());
    std::cout << "# stages " << cls << "\t" << sum.match / n << "\t" << sum.snippets / n << "\t"
              << sum.facets / n << "\t" << sum.spelling / n << "\n";
  }
  if (per_query) {
    std::cout << "# per query: class\tquery\tn\tmean_ms\tp50_ms\tmax_ms\tmatch_mean\tdid_you_mean_mean\n";
    for (const auto& [key, v] : by_query) {
      double sum = 0;
      for (double x : v) sum += x;
      const double n = static_cast<double>(v.size());
      const server::SearchTimings& t = query_stages[key];
      std::cout << std::fixed << std::setprecision(2) << "# q " << key << "\t" << v.size() << "\t" << sum / n
                << "\t" << Percentile(v, 50) << "\t" << *std::max_element(v.begin(), v.end()) << "\t"
                << t.match / n << "\t" << t.spelling / n << "\n";
    }
  }
  return errors == 0 ? 0 : 1;
}
