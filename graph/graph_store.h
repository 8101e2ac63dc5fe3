// GraphStore: the RocksDB-backed entity graph.
//
// Column families (see DESIGN.md):
//   nodes     id                       -> node record (JSON)
//   aliases   alias_key · id           -> ""            prefix lookup / autocomplete
//   out       source · relation · target -> edge summary (JSON)
//   in        target · relation · source -> ""          reverse direction, one scan per hop
//   evidence  source · relation · target · doc · begin -> evidence record (JSON)
//   docs      doc                      -> what the document contributed (JSON)
//   meta      name                     -> value         schema version, counters;
//             "member" · parent · member -> ""         who is a member of what
//   adjacency id                       -> every edge of the node, packed and
//                                         in traversal order (adjacency_codec.h)
// Keys are built by key_codec.h.
//
// Thread safety: a GraphStore may be shared by many reader threads. Writes
// (PutNodes, ReplaceDocument, RemoveDocument) must come from one thread; each
// document's writes are one atomic WriteBatch.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "graph/adjacency_codec.h"
#include "graph/graph_types.h"
#include "graph/status.h"

namespace policygraph::graph {

struct GraphStoreOptions {
  // Open for reading only, without the write lock; writes then fail.
  // Default: false. The store is then a fixed view of the graph as it was
  // when opened, safe to hold while an indexer writes the same database:
  // it is a RocksDB secondary instance that keeps every table file open and
  // never catches up (RocksDB's own read-only mode is undefined beside a
  // running writer). To see later writes, open another.
  bool read_only = false;
  // Create the database when it does not exist. Default: true.
  bool create_if_missing = true;
  // Capacity of the block cache all column families share: uncompressed
  // table blocks, filled as they are read. At 1M edges the out and in
  // families hold about 100 MB of them. Default: 128 MiB.
  size_t block_cache_bytes = size_t{128} << 20;
};

class GraphStore {
 public:
  // 2: the adjacency family. 3: adjacency records in format 2 (each
  // entry's other end first, the by-other index of entry offsets; see
  // adjacency_codec.h). 4: format 3, the by-other index ordered by the
  // other end's hash, with the hash beside each offset. Opening a store of
  // another version (or one lacking a family) fails with Corruption and
  // says to re-index.
  static constexpr int kSchemaVersion = 4;

  // Opens (or creates) the database at `path`. On failure *store is unset and
  // the status says why (missing database, lock held, corruption).
  static Status Open(const std::string& path, const GraphStoreOptions& options,
                     std::unique_ptr<GraphStore>* store);
  ~GraphStore();
  GraphStore(const GraphStore&) = delete;
  GraphStore& operator=(const GraphStore&) = delete;

  // Writes nodes and their alias keys, replacing earlier versions of them.
  Status PutNodes(const std::vector<Node>& nodes);

  // Replaces everything `contribution.doc_id` contributed earlier with
  // `contribution`, in one WriteBatch. Edges whose support falls to zero go.
  Status ReplaceDocument(const DocumentContribution& contribution);

  // Removes all the document's contributions; OK if it had none.
  Status RemoveDocument(const std::string& doc_id);

  // Removes the discovered nodes (Node::discovered) that no stored
  // document names any more and that `keep` does not hold, with their
  // aliases and memberships, and returns how many went. A discovered name
  // exists only because a text used it: when the last such text is
  // re-indexed without it or removed, the node would otherwise linger in
  // look-ups with no document behind it. Gazetteer nodes always stay.
  Status RemoveUnusedDiscoveredNodes(const std::set<std::string>& keep, size_t* removed);

  // Makes all writes so far durable (WAL synced), then writes the memtables
  // out as sorted tables and compacts each column family into one sorted
  // run, so that readers opening the store later read a few tables rather
  // than replaying the log or merging many. Writes are not durable until
  // this returns OK.
  Status Commit();

  std::optional<Node> GetNode(const std::string& id) const;
  // The nodes of `ids` in one batched read (RocksDB's MultiGet): (*nodes)[k]
  // is what GetNode(ids[k]) gives. A traversal reads the nodes a record's
  // next entries reach a few hundred at a time; batched, a key costs less
  // than a Get of its own.
  void GetNodes(const std::vector<std::string_view>& ids, std::vector<std::optional<Node>>* nodes) const;
  // Ids of the nodes whose member_of lists `id` ("asean" -> its members).
  std::vector<std::string> MembersOf(const std::string& id) const;
  // Ids whose alias key starts with `folded_prefix`, each id once, at most
  // `limit`, in key order.
  std::vector<AliasHit> FindByAliasPrefix(const std::string& folded_prefix, size_t limit) const;
  // All edges touching `id`, either direction: those it is the source of
  // first, then those it is the target of, each in key order.
  std::vector<EdgeSummary> EdgesOf(const std::string& id) const;
  // The same, restricted to the edges whose relation and other end `want`
  // accepts. The test runs on the key alone, before the edge's summary is
  // read: an edge turned down costs neither a decode nor, for an incoming
  // edge, a lookup. A hub has tens of thousands of edges, and a traversal
  // often wants few of them (one relation; or, once its result is full,
  // only those between nodes it already holds).
  std::vector<EdgeSummary> EdgesOf(
      const std::string& id,
      const std::function<bool(std::string_view relation, std::string_view other)>& want) const;
  // Every edge touching `id` in one record, strongest first (the order of
  // EdgesOf, stably sorted by weight): a traversal's one read per node.
  // nullopt when the node never had an edge (or its record is unreadable);
  // an empty record once its last edge has gone.
  std::optional<Adjacency> AdjacencyOf(const std::string& id) const;
  // The records of `ids` in one batched read: (*records)[k] is what
  // AdjacencyOf(ids[k]) gives. The whole batch stays pinned in the block
  // cache as long as any of its records lives. For a traversal's frontier,
  // a few hundred records at a time.
  void AdjacenciesOf(const std::vector<std::string_view>& ids, std::vector<std::optional<Adjacency>>* records) const;
  std::vector<Evidence> EvidenceOf(const EdgeKey& edge, size_t limit) const;
  std::vector<std::string> DocumentIds() const;
  // Every document some evidence names, scanning all evidence keys: for
  // consistency checks, not for serving.
  std::set<std::string> EvidenceDocumentIds() const;
  std::optional<std::vector<std::string>> EntitiesOfDocument(const std::string& doc_id) const;
  GraphCounts Counts() const;
  // RocksDB's sequence number of the last write this store holds. A writer
  // reads it after its last write; a reader opened later that reports the
  // same number holds exactly that state of the graph, no more and no less
  // (the server's check that a graph belongs to a search index; see
  // server/serving_index.h).
  uint64_t Sequence() const;
  // Edges per relation and nodes per type; reads every node and edge key, so
  // callers cache it (the server once per graph view: a view never changes).
  GraphBreakdown Breakdown() const;

 private:
  struct Impl;
  explicit GraphStore(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace policygraph::graph
