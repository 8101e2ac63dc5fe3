// ServingIndex: the state of a data directory a server answers from, and how
// it moves on while `policygraph index` rewrites that directory in place.
//
// A *generation* is one committed revision of the search index together
// with the graph exactly as the indexing run that committed it left it. The
// indexer commits the search index (graph "pending"), writes the graph, and
// commits again: "complete", with the graph's RocksDB sequence number
// (corpus_indexer.h). So a "complete" revision names its graph, and a graph
// view (a RocksDB secondary instance: a fixed view of the moment it was
// opened, graph_store.h) that reports that sequence number holds exactly it.
//
// Every request reads one generation from start to end: its search calls
// through a Xapian handle held at the generation's revision (taken from the
// generation's pool, one handle per server thread, since a Xapian handle
// serves one thread at a time; PinnedSearchDatabase makes SearchService use
// it), its graph calls through the generation's graph view. So no answer
// mixes two runs' documents, nor a search revision with another run's graph.
//
// A watcher thread looks at the search index every `poll` (10 ms). A new
// "complete" revision becomes the next generation: the graph is opened and
// its sequence number checked, the pool is opened at that revision, and the
// generation is swapped in; requests running on the old one finish on it,
// and it is closed after the last. While the index says "pending" (the
// indexer is writing the graph) the server keeps serving the last complete
// generation: Xapian keeps a revision readable until the writer begins the
// revision after next, here the run's "complete" commit. That commit's few
// metadata blocks may reuse blocks of the revision being served, so a
// request reading one of them then fails (DatabaseModifiedError); it waits
// for the commit to land (Refresh(), at most kSettle, a second) and runs
// again on the new generation (Read::expired(), OnOneGeneration in api.h).
//
// When no consistent generation is there to move to, the server still
// answers, from one search revision and one whole graph view, but possibly
// of different runs, the search one newer:
//  - the server starts while the index is "pending": the newest revision
//    and the graph as it is (perhaps half-written) until the next complete;
//  - the revision being served becomes unreadable and no complete one
//    follows within a second (a run was killed and the next one is writing
//    its search changes, or the watcher slept through a whole run's last
//    commit and the next run's first): the newest revision, with the last
//    complete graph.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "graph/graph_store.h"
#include "graph/status.h"

namespace Xapian {
class Database;
}

namespace policygraph::server {

// What the search index's metadata says about a revision.
struct IndexRevision {
  uint64_t revision = 0;       // Xapian's revision number
  // The database's UUID: a database swapped in for another (a new index
  // merged from shards, indexer/search_shards.h) may have the same revision
  // number, never the same UUID.
  std::string uuid;
  uint64_t generation = 0;     // indexing runs committed; 0 for older indexes
  std::string graph_state;     // "complete", "pending", "" (older index)
  bool has_graph_sequence = false;
  uint64_t graph_sequence = 0;  // with "complete": the graph it goes with
};

class ServingIndex {
 public:
  struct Options {
    std::string data_dir;  // holds search/ and graph/
    size_t handles = 8;    // search handles per generation: the server's threads
    std::chrono::milliseconds poll{10};
    // Told one line each time the server moves to another generation (and
    // why, when it is not a consistent one); nullptr for silence.
    std::function<void(const std::string&)> log;
    // Run on one of a new generation's search handles before the generation
    // is served, to build what is kept per revision (SearchService::Warm),
    // so that its first requests do not wait for it; nullptr for none. A
    // Xapian error it throws makes the look at the index come to nothing,
    // as a failure to open the handles does.
    std::function<void(const Xapian::Database&)> warm;
  };

  // Opens the newest generation and starts the watcher. NotFound or IOError
  // when either store cannot be opened.
  static Status Open(const Options& options, std::unique_ptr<ServingIndex>* index);
  ~ServingIndex();  // stops the watcher
  ServingIndex(const ServingIndex&) = delete;
  ServingIndex& operator=(const ServingIndex&) = delete;

  struct Generation;
  class Read;

  // One request's view of the current generation; SearchService calls on
  // this thread read its revision until the Read is destroyed. Waits only if
  // more Reads are alive than `handles` (never, with one per server thread).
  std::unique_ptr<Read> BeginRead() const;

  // Looks at the search index now, as the watcher does, and moves to a new
  // generation if there is one to move to (see above). For a request whose
  // Read expired, before it runs again.
  void Refresh();

  std::string search_dir() const;

 private:
  struct Impl;
  explicit ServingIndex(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

class ServingIndex::Read {
 public:
  ~Read();
  Read(const Read&) = delete;
  Read& operator=(const Read&) = delete;

  const graph::GraphStore& graph() const;
  const IndexRevision& revision() const;
  // A number for this generation, unique within the process and growing
  // with each move to a newer one: what answers cached from it are tied to
  // (response_cache.h).
  uint64_t generation_id() const;
  // Edges per relation and nodes per type of this generation's graph,
  // computed once per graph view (it reads every node and edge).
  const graph::GraphBreakdown& Breakdown() const;
  // True when a search call found the revision gone (the writer moved two
  // commits past it): what the request computed must be thrown away and the
  // request run again, after ServingIndex::Refresh().
  bool expired() const;

 private:
  friend class ServingIndex;
  struct State;
  explicit Read(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
};

}  // namespace policygraph::server
