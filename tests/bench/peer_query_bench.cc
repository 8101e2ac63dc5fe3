// Peers in the same run (issue 6): indexes a corpus one document per
// non-empty line (as `policygraph eval` does) with policygraph, Xapian's
// default TermGenerator/QueryParser and SQLite FTS5, through the systems
// `eval` already has (server/eval_systems.h), then runs the fixed query mix
// against each, top 10, and prints index time and p50/p95/p99 per system and
// per query class, with the ratio policygraph/peer.
//
//   policygraph_peer_query_bench --corpus DIR --queries FILE [--work DIR]
//       [--rounds N] [--systems policygraph,xapian-default,sqlite-fts5]
//       [--policygraph-data DIR]
//
// --policygraph-data DIR searches policygraph's line-document index kept by an
// earlier run (its --work DIR/policygraph) instead of indexing again: indexing
// takes minutes here, and comparing two builds' search on one index is the
// point. Its index time is then reported as 0.
//
// The mix is policygraph's query language; a peer gets the same text, and a
// query it rejects (InvalidArgument) is counted under "rejected" and left out
// of its percentiles. Filters (lang:, year:, title:) mean nothing to the
// peers, so compare the "filter" class with care. --work defaults to a fresh
// temporary directory, removed at the end.

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "server/eval_corpus.h"
#include "server/eval_systems.h"
#include "server/work_directory.h"
#include "tests/bench/bench_support.h"

using namespace policygraph;
using policygraph::bench::Percentile;
using namespace policygraph::server;

namespace {

struct Result {
  std::string system;
  double index_s = 0;
  std::map<std::string, std::vector<double>> by_class;
  std::vector<double> all;
  size_t rejected = 0;
};

int Usage() {
  std::cerr << "usage: policygraph_peer_query_bench --corpus DIR --queries FILE [--work DIR] [--rounds N]"
               " [--systems a,b,c]\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  std::string corpus_dir, queries_path, work_dir;
  std::string systems_arg = "policygraph,xapian-default,sqlite-fts5";
  std::string policygraph_data;
  int rounds = 20;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--corpus" && i + 1 < argc) corpus_dir = argv[++i];
    else if (a == "--queries" && i + 1 < argc) queries_path = argv[++i];
    else if (a == "--work" && i + 1 < argc) work_dir = argv[++i];
    else if (a == "--rounds" && i + 1 < argc) rounds = std::atoi(argv[++i]);
    else if (a == "--systems" && i + 1 < argc) systems_arg = argv[++i];
    else if (a == "--policygraph-data" && i + 1 < argc) policygraph_data = argv[++i];
    else return Usage();
  }
  if (corpus_dir.empty() || queries_path.empty() || rounds < 1) return Usage();
  std::set<std::string> wanted;
  {
    std::stringstream ss(systems_arg);
    std::string s;
    while (std::getline(ss, s, ',')) wanted.insert(s);
  }

  std::vector<std::pair<std::string, std::string>> mix;
  if (!policygraph::bench::LoadQueryMix(queries_path, &mix)) {
    std::cerr << "cannot read " << queries_path << "\n";
    return 1;
  }

  EvalCorpus corpus;
  Status st = LoadEvalCorpus(corpus_dir, "", &corpus);
  if (!st.ok()) {
    std::cerr << "corpus: " << st.message() << "\n";
    return 1;
  }
  size_t bytes = 0;
  for (const auto& d : corpus.documents) bytes += d.text.size();
  std::cerr << "corpus: " << corpus.documents.size() << " line documents from " << corpus.files
            << " files, " << bytes << " bytes\n";

  WorkDirectory work;
  st = work.Open(work_dir);
  if (!st.ok()) {
    std::cerr << "work directory: " << st.message() << "\n";
    return 1;
  }
  const std::string root = POLICYGRAPH_SOURCE_DIR;
  std::vector<std::unique_ptr<SearchSystem>> systems;
  if (wanted.count("policygraph"))
    systems.push_back(MakePolicygraphSystem(work.path(), root + "/corpus/gazetteer",
                                            root + "/corpus/glossary", nullptr));
  if (wanted.count("xapian-default")) systems.push_back(MakeXapianDefaultSystem(work.path()));
  if (wanted.count("sqlite-fts5")) systems.push_back(MakeSqliteFts5System(work.path()));

  std::vector<Result> results;
  for (auto& sys : systems) {
    Result r;
    r.system = sys->name();
    auto t0 = std::chrono::steady_clock::now();
    if (r.system == "policygraph" && !policygraph_data.empty()) {
      std::cerr << "searching the index kept in " << policygraph_data << "\n";
      sys = MakeExistingPolicygraphSystem(policygraph_data);
      st = Status::OK();
    } else {
      std::cerr << "indexing with " << r.system << "...\n";
      st = sys->Index(corpus.documents);
    }
    r.index_s = r.system == "policygraph" && !policygraph_data.empty()
                    ? 0
                    : std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    if (!st.ok()) {
      std::cerr << r.system << ": " << st.message() << "\n";
      return 1;
    }
    for (int round = -1; round < rounds; ++round) {  // -1 warms up
      for (const auto& [cls, q] : mix) {
        std::vector<std::string> ids;
        auto q0 = std::chrono::steady_clock::now();
        Status s = sys->Search(q, 10, &ids);
        double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - q0).count();
        if (s.IsInvalidArgument()) {
          if (round < 0) ++r.rejected;
          continue;
        }
        if (!s.ok()) {
          std::cerr << r.system << " [" << q << "]: " << s.message() << "\n";
          return 1;
        }
        if (round < 0) continue;
        r.by_class[cls].push_back(ms);
        r.all.push_back(ms);
      }
    }
    results.push_back(std::move(r));
  }

  std::cout << "# " << corpus.documents.size() << " line documents, " << bytes << " bytes; "
            << mix.size() << " queries x " << rounds << " rounds, top 10\n";
  std::cout << "system\tclass\tn\tp50_ms\tp95_ms\tp99_ms\tindex_s\tMB/s\trejected\n";
  std::cout << std::fixed << std::setprecision(2);
  for (const auto& r : results) {
    auto row = [&](const std::string& cls, const std::vector<double>& v) {
      std::cout << r.system << "\t" << cls << "\t" << v.size() << "\t" << Percentile(v, 50) << "\t"
                << Percentile(v, 95) << "\t" << Percentile(v, 99) << "\t" << r.index_s << "\t"
                << static_cast<double>(bytes) / 1e6 / r.index_s << "\t" << r.rejected << "\n";
    };
    for (const auto& [cls, v] : r.by_class) row(cls, v);
    row("all", r.all);
  }
  if (!results.empty() && results[0].system == "policygraph") {
    std::cout << "# ratios policygraph/peer (all classes): \n";
    for (size_t i = 1; i < results.size(); ++i) {
      const auto& p = results[0];
      const auto& o = results[i];
      std::cout << "# " << o.system << ": index time " << p.index_s / o.index_s << "x, p50 "
                << Percentile(p.all, 50) / Percentile(o.all, 50) << "x, p99 "
                << Percentile(p.all, 99) / Percentile(o.all, 99) << "x\n";
    }
  }
  return 0;
}
