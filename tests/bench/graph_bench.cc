// Graph benchmark (issue 6): policygraph's GraphStore against the same edges
// in SQLite queried with recursive CTEs, on a seeded synthetic graph.
//
//   policygraph_graph_bench [--edges N] [--nodes N] [--seed S] [--starts N]
//       [--pairs N] [--rounds R] [--limit L] [--max-hops H] [--check N]
//       [--relations a,b] [--min-weight W] [--cache-mib M] [--store-cache-mib M]
//       [--work DIR] [--tsv FILE]
//       [--ops a,b] [--reuse] [--no-peer] [--dump FILE]
//
// 1. Generates the graph (tests/bench/synthetic_graph.h), writes it into a
//    GraphStore the way the indexer does and into SQLite; times both, sizes
//    both on disk. Then reopens the store read-only, as the server does.
// 2. Checks that the two stores hold the same edges (a sample of nodes), and
//    that both systems' answers agree with an in-memory breadth-first search
//    (tests/bench/graph_reference.h): uncapped on the first --check starts,
//    capped on all of them. Mismatches are counted and the first ones shown.
// 3. Times, on the same seeded sample of start nodes (hubs, busy nodes and
//    the tail) and pairs: neighbours at depth 1, 2, 3 and at depth 2 with
//    the filter (--relations, --min-weight), capped at --limit nodes (the
//    API's default 200); shortest path within --max-hops, unfiltered and
//    filtered. One warm-up round, then R rounds; the two systems alternate
//    per query so that load from elsewhere hits both alike.
// --ops runs only the named operations (e.g. neighbors-d2, for a profiler).
// --reuse, with --work, queries the stores an earlier run left there when
// that run had the same graph options (graph-options.txt says), instead of
// building them again: for profiling. The store is then as the code of that
// earlier run wrote it, and build times are not reported.
// --no-peer neither checks nor times SQLite (its columns stay empty): for
// re-timing policygraph alone against a peer figure from a full run.
// --dump FILE writes every neighbourhood the checks asked policygraph for,
// in full (node records, edges with their fields, truncation), one line per
// node or edge: the reference checks look at node ids only, so diffing two
// builds' dumps is what says a traversal change left the answers as they were.
// Prints a table (p50/p95/p99 per operation and system, ratio policygraph /
// peer), the same for the bench thread's CPU time per query, and, with
// --tsv, "figure<TAB>value<TAB>unit" rows for run.sh.
//
// What each side returns: policygraph's Neighbors gives node records and the
// edges among them; the peer gives node ids. So policygraph does more per
// query than the peer, never less.

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "graph/graph_store.h"
#include "graph/record_codec.h"
#include "graph/shortest_path.h"
#include "graph/traversal.h"
#include "server/work_directory.h"
#include "tests/bench/bench_support.h"
#include "tests/bench/graph_reference.h"
#include "tests/bench/graph_store_loader.h"
#include "tests/bench/sqlite_graph_peer.h"
#include "tests/bench/synthetic_graph.h"

using namespace policygraph;
using namespace policygraph::bench;
namespace fs = std::filesystem;

namespace {

struct Options {
  SyntheticGraphOptions graph;
  size_t starts = 60;
  size_t pairs = 60;
  int rounds = 5;
  size_t limit = 200;
  int max_hops = 4;
  size_t check = 8;
  EdgeFilter filter{{"cooperation", "membership", "enactment"}, 2};
  size_t cache_mib = 32;  // SQLite's page cache
  size_t store_cache_mib = graph::GraphStoreOptions().block_cache_bytes >> 20;  // the graph store's block cache
  size_t evidence_per_document = 20;
  std::string work;
  std::string tsv;
  std::string dump;
  std::set<std::string> ops;  // empty: all
  bool reuse = false;
  bool no_peer = false;
};

int Usage() {
  std::cerr << "usage: policygraph_graph_bench [--edges N] [--nodes N] [--seed S] [--starts N] [--pairs N]\n"
               "  [--rounds R] [--limit L] [--max-hops H] [--check N] [--relations a,b] [--min-weight W]\n"
               "  [--cache-mib M] [--store-cache-mib M] [--work DIR] [--tsv FILE] [--ops a,b] [--reuse] [--no-peer] [--dump FILE]\n";
  return 2;
}

bool Parse(int argc, char** argv, Options* o) {
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--reuse") {
      o->reuse = true;
      continue;
    }
    if (a == "--no-peer") {
      o->no_peer = true;
      continue;
    }
    if (i + 1 >= argc) return false;
    const std::string v = argv[++i];
    const uint64_t n = std::strtoull(v.c_str(), nullptr, 10);
    if (a == "--edges") o->graph.edges = n;
    else if (a == "--nodes") o->graph.nodes = static_cast<uint32_t>(n);
    else if (a == "--seed") o->graph.seed = n;
    else if (a == "--starts") o->starts = n;
    else if (a == "--pairs") o->pairs = n;
    else if (a == "--rounds") o->rounds = static_cast<int>(n);
    else if (a == "--limit") o->limit = n;
    else if (a == "--max-hops") o->max_hops = static_cast<int>(n);
    else if (a == "--check") o->check = n;
    else if (a == "--min-weight") o->filter.min_weight = static_cast<uint32_t>(n);
    else if (a == "--cache-mib") o->cache_mib = n;
    else if (a == "--store-cache-mib") o->store_cache_mib = n;
    else if (a == "--work") o->work = v;
    else if (a == "--tsv") o->tsv = v;
    else if (a == "--dump") o->dump = v;
    else if (a == "--relations") {
      o->filter.relations.clear();
      std::stringstream ss(v);
      for (std::string r; std::getline(ss, r, ',');) o->filter.relations.push_back(r);
    } else if (a == "--ops") {
      std::stringstream ss(v);
      for (std::string op; std::getline(ss, op, ',');) o->ops.insert(op);
    } else {
      return false;
    }
  }
  return o->graph.edges > 0 && o->starts > 0 && o->rounds > 0 && o->limit > 0 &&
         o->max_hops >= 1 && o->max_hops <= graph::PathRequest::kMaxHops;
}

std::string ReadFile(const fs::path& p) {
  std::ifstream in(p);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

double ThreadCpuMs() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}

double Seconds(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

uint64_t DiskBytes(const fs::path& p) {
  std::error_code ec;
  if (fs::is_regular_file(p, ec)) return fs::file_size(p, ec);
  uint64_t total = 0;
  for (auto it = fs::recursive_directory_iterator(p, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec)) {
    if (it->is_regular_file(ec)) total += it->file_size(ec);
  }
  return total;
}

graph::LinkFilter ToLinkFilter(const EdgeFilter& f) {
  graph::LinkFilter lf;
  lf.relations.insert(f.relations.begin(), f.relations.end());
  lf.min_weight = f.min_weight;
  return lf;
}

// Start nodes: a sixth hubs, a third drawn from the busiest 5% of the rest,
// the others from all nodes (mostly the tail); shuffled, so that the first
// --check of them are a mix too.
std::vector<uint32_t> SampleStarts(const SyntheticGraph& g, size_t count, Rng& rng) {
  std::vector<uint32_t> busy;
  for (uint32_t i = static_cast<uint32_t>(g.hubs); i < g.nodes.size(); ++i) busy.push_back(i);
  std::stable_sort(busy.begin(), busy.end(), [&](uint32_t a, uint32_t b) {
    return g.nodes[a].propensity > g.nodes[b].propensity;
  });
  std::set<uint32_t> chosen;
  std::vector<uint32_t> out;
  auto take = [&](uint32_t i) {
    if (chosen.insert(i).second) out.push_back(i);
  };
  count = std::min<size_t>(count, g.nodes.size());
  for (size_t i = 0; i < std::min(g.hubs, count / 6); ++i) take(static_cast<uint32_t>(i));
  const size_t top = std::max<size_t>(1, busy.size() / 20);
  while (out.size() < count / 2 && !busy.empty()) take(busy[rng.Below(std::min(top, busy.size()))]);
  while (out.size() < count) take(static_cast<uint32_t>(rng.Below(g.nodes.size())));
  for (size_t i = out.size(); i > 1; --i) std::swap(out[i - 1], out[rng.Below(i)]);
  return out;
}

struct Op {
  std::string name;
  bool path = false;
  int depth = 0;  // neighbours
  EdgeFilter filter;
};

// One operation's figures for one system.
struct Series {
  std::vector<double> ms;
  // The bench thread's CPU time per query (both systems run in it): on a
  // shared machine the wall time counts the other workers' turns on the
  // cores, this does not.
  std::vector<double> cpu_ms;
  double nodes = 0;   // summed over the timed queries
  size_t capped = 0;  // results cut by the limit
  size_t gave_up = 0; // policygraph's path search refusing a too-broad query
};

struct Checks {
  size_t exact = 0, capped = 0, mismatch = 0, gave_up = 0;
  std::vector<std::string> examples;
  void Add(Verdict v, const std::string& what, const std::string& why) {
    if (v == Verdict::kExact) ++exact;
    else if (v == Verdict::kCapped) ++capped;
    else {
      ++mismatch;
      if (examples.size() < 3) examples.push_back(what + ": " + why);
    }
  }
};

class Runner {
 public:
  Runner(const SyntheticGraph& g, const ReferenceGraph& ref, graph::GraphStore& store,
         SqliteGraphPeer& peer, const Options& o, std::ostream* dump)
      : g_(g), ref_(ref), store_(store), peer_(peer), o_(o), dump_(dump) {}

  // policygraph's neighbours of `start`; `limit` 0: uncapped.
  Status Policygraph(const Op& op, uint32_t start, size_t limit, std::vector<std::string>* ids, bool* capped) {
    graph::NeighborhoodRequest req;
    req.id = g_.nodes[start].id;
    req.depth = op.depth;
    req.max_nodes = limit == 0 ? SIZE_MAX : limit;
    req.filter = ToLinkFilter(op.filter);
    graph::Neighborhood hood;
    Status s = graph::Neighbors(store_, req, &hood);
    if (dumping_) Dump(op, req, s, hood);
    ids->clear();
    for (const auto& n : hood.nodes) ids->push_back(n.id);
    *capped = hood.truncated;
    return s;
  }

  Status PolicygraphPath(const Op& op, uint32_t a, uint32_t b, std::vector<std::string>* ids, bool* gave_up) {
    graph::PathRequest req;
    req.from = g_.nodes[a].id;
    req.to = g_.nodes[b].id;
    req.max_hops = o_.max_hops;
    req.filter = ToLinkFilter(op.filter);
    graph::Path path;
    Status s = graph::ShortestPath(store_, req, &path);
    *gave_up = s.IsInvalidArgument();
    ids->clear();
    for (const auto& n : path.nodes) ids->push_back(n.id);
    return *gave_up ? Status::OK() : s;
  }

  // The whole answer, for --dump.
  void Dump(const Op& op, const graph::NeighborhoodRequest& req, const Status& s, const graph::Neighborhood& hood) {
    std::ostream& out = *dump_;
    out << "query " << op.name << " " << req.id << " max " << req.max_nodes << " status " << s.ok()
        << " truncated " << hood.truncated << " nodes " << hood.nodes.size() << " edges " << hood.edges.size() << "\n";
    for (const auto& n : hood.nodes) out << "node " << graph::EncodeNode(n) << "\n";
    for (const auto& e : hood.edges) {
      out << "edge " << hood.SourceId(e) << " " << hood.Relation(e) << " " << hood.TargetId(e) << " " << e.weight << " "
          << e.evidence_count << " " << hood.FirstDate(e) << " " << hood.LastDate(e) << "\n";
    }
  }

  // Holds both systems to the reference on `items` (starts, or pairs).
  Status Check(const Op& op, const std::vector<std::pair<uint32_t, uint32_t>>& items, Checks* pg, Checks* peer) {
    dumping_ = dump_ != nullptr;
    struct StopDumping {
      bool* dumping;
      ~StopDumping() { *dumping = false; }
    } stop{&dumping_};
    std::vector<std::string> ids;
    std::string why;
    for (size_t i = 0; i < items.size(); ++i) {
      const auto [a, b] = items[i];
      const std::string what = op.name + " " + g_.nodes[a].id + (op.path ? " -> " + g_.nodes[b].id : "");
      if (op.path) {
        bool gave_up = false;
        Status s = PolicygraphPath(op, a, b, &ids, &gave_up);
        if (!s.ok()) return s;
        if (gave_up) ++pg->gave_up;
        else pg->Add(CheckPath(ref_, g_.nodes[a].id, g_.nodes[b].id, o_.max_hops, op.filter, ids, &why)
                         ? Verdict::kExact : Verdict::kMismatch, what, why);
        if (o_.no_peer) continue;
        s = peer_.ShortestPath(g_.nodes[a].id, g_.nodes[b].id, o_.max_hops, op.filter, &ids);
        if (!s.ok()) return s;
        peer->Add(CheckPath(ref_, g_.nodes[a].id, g_.nodes[b].id, o_.max_hops, op.filter, ids, &why)
                      ? Verdict::kExact : Verdict::kMismatch, what, why);
        continue;
      }
      // Uncapped on the first --check starts (the whole neighbourhood, which
      // at depth 3 is most of the graph), capped on all.
      for (size_t limit : i < o_.check ? std::vector<size_t>{0, o_.limit} : std::vector<size_t>{o_.limit}) {
        bool capped = false;
        Status s = Policygraph(op, a, limit, &ids, &capped);
        if (!s.ok()) return s;
        const std::string w = what + (limit == 0 ? " uncapped" : " limit " + std::to_string(limit));
        pg->Add(CheckNeighbors(ref_, g_.nodes[a].id, op.depth, op.filter, limit, ids, &why), w, why);
        if (o_.no_peer) continue;
        s = peer_.Neighbors(g_.nodes[a].id, op.depth, op.filter, limit, &ids);
        if (!s.ok()) return s;
        peer->Add(CheckNeighbors(ref_, g_.nodes[a].id, op.depth, op.filter, limit, ids, &why), w, why);
      }
    }
    return Status::OK();
  }

  Status Time(const Op& op, const std::vector<std::pair<uint32_t, uint32_t>>& items, Series* pg, Series* peer) {
    std::vector<std::string> ids;
    for (int round = -1; round < o_.rounds; ++round) {  // -1 warms up
      for (const auto& [a, b] : items) {
        for (int k = 0; k < 2; ++k) {
          // Alternate which system goes first, round by round.
          const bool policygraph = (k == 0) == (round % 2 == 0);
          if (!policygraph && o_.no_peer) continue;
          bool capped = false, gave_up = false;
          const double cpu0 = ThreadCpuMs();
          auto t0 = std::chrono::steady_clock::now();
          Status s;
          if (policygraph) {
            s = op.path ? PolicygraphPath(op, a, b, &ids, &gave_up) : Policygraph(op, a, o_.limit, &ids, &capped);
          } else if (op.path) {
            s = peer_.ShortestPath(g_.nodes[a].id, g_.nodes[b].id, o_.max_hops, op.filter, &ids);
          } else {
            s = peer_.Neighbors(g_.nodes[a].id, op.depth, op.filter, o_.limit, &ids);
            capped = ids.size() == o_.limit;
          }
          const double ms = Seconds(t0) * 1e3;
          const double cpu_ms = ThreadCpuMs() - cpu0;
          if (!s.ok()) return s;
          if (round < 0) continue;
          Series* series = policygraph ? pg : peer;
          series->ms.push_back(ms);
          series->cpu_ms.push_back(cpu_ms);
          series->nodes += static_cast<double>(ids.size());
          series->capped += capped;
          series->gave_up += gave_up;
        }
      }
    }
    return Status::OK();
  }

 private:
  const SyntheticGraph& g_;
  const ReferenceGraph& ref_;
  graph::GraphStore& store_;
  SqliteGraphPeer& peer_;
  const Options& o_;
  std::ostream* dump_;     // --dump, or nullptr
  bool dumping_ = false;   // only the checks' queries are dumped, not the timed ones
};

// Whether both stores hold the same edges, weights and dates, for the edges
// of `nodes`: the store read back through EdgesOf, against the generator.
size_t EdgeRecordMismatches(const SyntheticGraph& g, const ReferenceGraph& ref,
                            const graph::GraphStore& store, const std::vector<uint32_t>& nodes) {
  size_t mismatches = 0;
  for (uint32_t n : nodes) {
    std::map<std::tuple<std::string, std::string, std::string>, std::tuple<uint32_t, std::string, std::string>> want, got;
    for (uint32_t i : ref.EdgesOf(n)) {
      const SyntheticEdge& e = g.edges[i];
      want[{g.nodes[e.source].id, kRelations[e.relation], g.nodes[e.target].id}] = {e.weight, e.first_date, e.last_date};
    }
    for (const auto& e : store.EdgesOf(g.nodes[n].id)) {
      got[{e.key.source, e.key.relation, e.key.target}] = {e.weight, e.first_date, e.last_date};
    }
    mismatches += want != got;
  }
  return mismatches;
}

std::string Fixed(double v, int digits) {
  std::ostringstream s;
  s << std::fixed << std::setprecision(digits) << v;
  return s.str();
}

std::string Triple(const std::vector<double>& v) {
  const int d = Percentile(v, 50) < 10 ? 3 : 1;
  return Fixed(Percentile(v, 50), d) + " / " + Fixed(Percentile(v, 95), d) + " / " + Fixed(Percentile(v, 99), d);
}

std::string Ratios(const std::vector<double>& a, const std::vector<double>& b) {
  if (b.empty()) return "- (no peer run)";
  auto r = [&](double p) { return Fixed(Percentile(a, p) / std::max(Percentile(b, p), 1e-9), 3); };
  return r(50) + " / " + r(95) + " / " + r(99);
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  if (!Parse(argc, argv, &o)) return Usage();
  std::vector<std::pair<std::string, std::string>> tsv;  // figure, value + unit
  auto figure = [&](const std::string& name, const std::string& value, const std::string& unit) {
    tsv.push_back({name, value + "\t" + unit});
  };

  auto t0 = std::chrono::steady_clock::now();
  SyntheticGraph g;
  std::string error;
  if (!GenerateSyntheticGraph(o.graph, &g, &error)) {
    std::cerr << "generate: " << error << "\n";
    return 1;
  }
  std::cerr << "generated " << g.edges.size() << " edges among " << g.nodes.size() << " nodes in "
            << Fixed(Seconds(t0), 1) << " s\n";
  const ReferenceGraph ref(g);
  std::vector<double> degrees;
  for (uint32_t i = 0; i < g.nodes.size(); ++i) degrees.push_back(static_cast<double>(ref.EdgesOf(i).size()));
  const std::string degree_text = "degree p50 " + Fixed(Percentile(degrees, 50), 0) + ", p90 " +
                                  Fixed(Percentile(degrees, 90), 0) + ", p99 " + Fixed(Percentile(degrees, 99), 0) +
                                  ", max " + Fixed(Percentile(degrees, 100), 0) + " (" + g.nodes[0].id + ": " +
                                  std::to_string(ref.EdgesOf(0).size()) + ")";

  server::WorkDirectory work;
  Status s = work.Open(o.work);
  if (!s.ok()) {
    std::cerr << s.message() << "\n";
    return 1;
  }
  const fs::path store_dir = fs::path(work.path()) / "graph";
  const fs::path sqlite_file = fs::path(work.path()) / "graph.sqlite";
  const fs::path marker = fs::path(work.path()) / "graph-options.txt";
  const std::string built_from = "edges " + std::to_string(o.graph.edges) + " nodes " +
                                 std::to_string(o.graph.nodes) + " seed " + std::to_string(o.graph.seed) +
                                 " alpha " + Fixed(o.graph.alpha, 3) + " evidence/document " +
                                 std::to_string(o.evidence_per_document) + "\n";
  const bool reused = o.reuse && ReadFile(marker) == built_from;
  double store_s = 0, sqlite_s = 0;
  StoreLoadReport load;
  if (reused) {
    std::cerr << "reusing the stores in " << work.path() << " (build not timed)\n";
  } else {
    t0 = std::chrono::steady_clock::now();
    s = LoadGraphStore(g, store_dir.string(), o.evidence_per_document, &load);
    store_s = Seconds(t0);
    if (!s.ok()) {
      std::cerr << "graph store: " << s.message() << "\n";
      return 1;
    }
    std::cerr << "policygraph: " << load.documents << " documents, " << load.evidence << " sentences in "
              << Fixed(store_s, 1) << " s\n";
    t0 = std::chrono::steady_clock::now();
    s = SqliteGraphPeer::Build(g, sqlite_file.string());
    sqlite_s = Seconds(t0);
    if (!s.ok()) {
      std::cerr << s.message() << "\n";
      return 1;
    }
    std::cerr << "sqlite: " << Fixed(sqlite_s, 1) << " s\n";
    std::ofstream(marker) << built_from;
  }

  std::unique_ptr<graph::GraphStore> store;
  graph::GraphStoreOptions ro;
  ro.read_only = true;
  ro.block_cache_bytes = o.store_cache_mib << 20;
  s = graph::GraphStore::Open(store_dir.string(), ro, &store);
  SqliteGraphPeer peer;
  if (s.ok()) s = peer.Open(sqlite_file.string(), o.cache_mib);
  if (!s.ok()) {
    std::cerr << s.message() << "\n";
    return 1;
  }

  Rng rng(o.graph.seed * 0x2545F4914F6CDD1DULL + 7);
  const std::vector<uint32_t> starts = SampleStarts(g, o.starts, rng);
  std::vector<std::pair<uint32_t, uint32_t>> start_items, pair_items;
  for (uint32_t n : starts) start_items.push_back({n, n});
  while (pair_items.size() < o.pairs && starts.size() > 1) {
    const uint32_t a = starts[rng.Below(starts.size())], b = starts[rng.Below(starts.size())];
    if (a != b) pair_items.push_back({a, b});
  }
  const size_t edge_mismatch = EdgeRecordMismatches(g, ref, *store, starts);
  std::cerr << "edge records: " << edge_mismatch << " of " << starts.size()
            << " sampled nodes differ between the generator and the graph store\n";

  const EdgeFilter all;
  std::vector<Op> ops = {
      {"neighbors-d1", false, 1, all},
      {"neighbors-d2", false, 2, all},
      {"neighbors-d3", false, 3, all},
      {"neighbors-d2-filtered", false, 2, o.filter},
      {"path", true, 0, all},
      {"path-filtered", true, 0, o.filter},
  };
  if (!o.ops.empty()) std::erase_if(ops, [&](const Op& op) { return !o.ops.count(op.name); });
  std::ofstream dump;
  if (!o.dump.empty()) {
    dump.open(o.dump);
    if (!dump) {
      std::cerr << "cannot write " << o.dump << "\n";
      return 1;
    }
  }
  Runner runner(g, ref, *store, peer, o, o.dump.empty() ? nullptr : &dump);
  std::map<std::string, std::pair<Checks, Checks>> checks;
  std::map<std::string, std::pair<Series, Series>> series;
  for (const auto& op : ops) {
    const auto& items = op.path ? pair_items : start_items;
    std::cerr << op.name << ": checking...\n";
    auto& c = checks[op.name];
    s = runner.Check(op, items, &c.first, &c.second);
    if (s.ok()) {
      std::cerr << op.name << ": timing...\n";
      auto& t = series[op.name];
      s = runner.Time(op, items, &t.first, &t.second);
    }
    if (!s.ok()) {
      std::cerr << op.name << ": " << s.message() << "\n";
      return 1;
    }
  }

  // -- report
  std::ostringstream filter_text;
  filter_text << "relations ";
  for (size_t i = 0; i < o.filter.relations.size(); ++i) filter_text << (i ? "," : "") << o.filter.relations[i];
  filter_text << ", min weight " << o.filter.min_weight;
  std::cout << "# graph: " << g.edges.size() << " edges, " << g.nodes.size() << " nodes (" << g.hubs
            << " hubs), seed " << o.graph.seed << "; " << degree_text << "\n# sample: " << starts.size() << " starts, " << pair_items.size()
            << " pairs, " << o.rounds << " rounds after 1 warm-up; limit " << o.limit << ", max hops "
            << o.max_hops << "; filtered: " << filter_text.str() << "\n";
  if (reused) {
    std::cout << "# build: stores reused from an earlier run (--reuse), not timed\n";
  } else {
    std::cout << "# build: policygraph " << Fixed(store_s, 1) << " s (" << load.documents << " documents, "
              << load.evidence << " sentences), sqlite " << Fixed(sqlite_s, 1) << " s\n";
  }
  const uint64_t store_bytes = DiskBytes(store_dir), sqlite_bytes = DiskBytes(sqlite_file);
  std::cout << "# on disk: policygraph " << Fixed(store_bytes / 1e6, 1) << " MB (with evidence sentences), sqlite "
            << Fixed(sqlite_bytes / 1e6, 1) << " MB (edges only)\n";
  std::cout << "# edge records differing between generator and graph store: " << edge_mismatch << " of "
            << starts.size() << " nodes\n\n";
  figure("edges", std::to_string(g.edges.size()), "count");
  figure("nodes", std::to_string(g.nodes.size()), "count");
  figure("degrees", degree_text, "");
  if (!reused) {
    figure("build policygraph", Fixed(store_s, 2), "s");
    figure("build sqlite", Fixed(sqlite_s, 2), "s");
    figure("build ratio policygraph/sqlite", Fixed(store_s / sqlite_s, 2), "x");
  }
  figure("size policygraph", std::to_string(store_bytes), "bytes");
  figure("size sqlite", std::to_string(sqlite_bytes), "bytes");
  figure("edge record mismatches", std::to_string(edge_mismatch), "nodes");

  std::cout << std::left << std::setw(22) << "operation" << std::setw(6) << "n" << std::setw(30)
            << "policygraph p50/p95/p99 ms" << std::setw(30) << "sqlite CTE p50/p95/p99 ms" << std::setw(26)
            << "ratio pg/peer" << "mean nodes pg/peer, capped, gave up\n";
  for (const auto& op : ops) {
    const auto& [pg, sq] = series[op.name];
    const double n = static_cast<double>(pg.ms.size());
    std::cout << std::setw(22) << op.name << std::setw(6) << pg.ms.size() << std::setw(30) << Triple(pg.ms)
              << std::setw(30) << Triple(sq.ms) << std::setw(26) << Ratios(pg.ms, sq.ms)
              << Fixed(pg.nodes / n, 1) << "/" << Fixed(sq.nodes / n, 1) << ", " << pg.capped << "/"
              << sq.capped << (op.path ? ", " + std::to_string(pg.gave_up) : std::string()) << "\n";
    figure(op.name + " policygraph p50/p95/p99", Triple(pg.ms), "ms");
    figure(op.name + " sqlite p50/p95/p99", Triple(sq.ms), "ms");
    figure(op.name + " ratio policygraph/sqlite p50/p95/p99", Ratios(pg.ms, sq.ms), "x");
  }
  std::cout << "\nCPU time of the bench thread per query:\n"
            << std::setw(22) << "operation" << std::setw(30) << "policygraph p50/p95/p99 ms" << std::setw(30)
            << "sqlite CTE p50/p95/p99 ms" << "ratio pg/peer\n";
  for (const auto& op : ops) {
    const auto& [pg, sq] = series[op.name];
    std::cout << std::setw(22) << op.name << std::setw(30) << Triple(pg.cpu_ms) << std::setw(30)
              << Triple(sq.cpu_ms) << Ratios(pg.cpu_ms, sq.cpu_ms) << "\n";
    figure(op.name + " policygraph cpu p50/p95/p99", Triple(pg.cpu_ms), "ms");
    figure(op.name + " sqlite cpu p50/p95/p99", Triple(sq.cpu_ms), "ms");
  }
  std::cout << "\nchecks against the in-memory reference (exact / valid cut at the limit / mismatch"
               " / policygraph gave up):\n";
  size_t mismatches = 0;
  for (const auto& op : ops) {
    const auto& [pg, sq] = checks[op.name];
    std::cout << "  " << std::setw(22) << op.name << " policygraph " << pg.exact << "/" << pg.capped << "/"
              << pg.mismatch << "/" << pg.gave_up << ", sqlite " << sq.exact << "/" << sq.capped << "/"
              << sq.mismatch << "\n";
    for (const auto& e : pg.examples) std::cout << "      policygraph: " << e << "\n";
    for (const auto& e : sq.examples) std::cout << "      sqlite: " << e << "\n";
    mismatches += pg.mismatch + sq.mismatch;
    figure(op.name + " check mismatches policygraph/sqlite",
           std::to_string(pg.mismatch) + "/" + std::to_string(sq.mismatch), "");
    if (op.path) figure(op.name + " policygraph gave up", std::to_string(pg.gave_up), "");
  }
  if (!o.tsv.empty()) {
    std::ofstream out(o.tsv);
    for (const auto& [name, value] : tsv) out << name << "\t" << value << "\n";
    if (!out) {
      std::cerr << "cannot write " << o.tsv << "\n";
      return 1;
    }
  }
  return mismatches == 0 && edge_mismatch == 0 ? 0 : 3;
}
