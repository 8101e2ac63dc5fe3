#include "graph/graph_store.h"

#include <rocksdb/cache.h>
#include <rocksdb/db.h>
#include <rocksdb/filter_policy.h>
#include <rocksdb/merge_operator.h>
#include <rocksdb/table.h>
#include <rocksdb/utilities/options_util.h>
#include <rocksdb/write_batch.h>

#include <algorithm>
#include <cstdarg>
#include <filesystem>
#include <map>
#include <set>

#include "graph/adjacency_codec.h"
#include "graph/key_codec.h"
#include "graph/record_codec.h"

namespace policygraph::graph {

namespace {

const std::vector<std::string> kFamilies = {rocksdb::kDefaultColumnFamilyName,
                                            "nodes", "aliases", "out", "in",
                                            "evidence", "docs", "meta", "adjacency"};
enum Family { kDefault, kNodes, kAliases, kOut, kIn, kEvidence, kDocs, kMeta, kAdjacency };

Status FromRocks(const rocksdb::Status& s, const std::string& what) {
  if (s.ok()) return Status::OK();
  if (s.IsNotFound()) return Status::NotFound(what + ": " + s.ToString());
  if (s.IsCorruption()) return Status::Corruption(what + ": " + s.ToString());
  if (s.IsInvalidArgument()) return Status::InvalidArgument(what + ": " + s.ToString());
  return Status::IOError(what + ": " + s.ToString());
}

bool HasPrefix(const rocksdb::Slice& key, const std::string& prefix) {
  return key.size() >= prefix.size() && std::memcmp(key.data(), prefix.data(), prefix.size()) == 0;
}

// The relation and the other end of an out or in key, past the node's own
// prefix. They are views into the key when neither field holds an escaped
// NUL (no id or relation does: see key_codec.h), so that scanning a hub's
// tens of thousands of keys copies nothing for the keys it turns down; an
// escaped field is decoded by KeyReader into storage of its own. As with
// KeyReader, bytes after the two fields are ignored.
struct EdgeKeyTail {
  std::string_view relation;
  std::string_view other;

  bool Parse(std::string_view key_tail) {
    std::string_view rest = key_tail;
    if (PlainField(&rest, &relation) && PlainField(&rest, &other)) return true;
    KeyReader reader(key_tail);
    auto rel = reader.ReadString();
    auto end = reader.ReadString();
    if (!rel || !end) return false;
    relation_storage_ = std::move(*rel);
    other_storage_ = std::move(*end);
    relation = relation_storage_;
    other = other_storage_;
    return true;
  }

 private:
  // The next field when its first NUL byte is its terminator (0x00 0x01).
  static bool PlainField(std::string_view* rest, std::string_view* field) {
    const size_t end = rest->find('\0');
    if (end == std::string_view::npos || end + 1 >= rest->size() || (*rest)[end + 1] != '\x01') {
      return false;
    }
    *field = rest->substr(0, end);
    rest->remove_prefix(end + 2);
    return true;
  }

  std::string relation_storage_;
  std::string other_storage_;
};

// Folds a node's adjacency changes (graph/adjacency_codec.h) into its record.
// The operands are absolute (an edge's new summary, or its removal), so the
// record after them is exactly the out family's summaries of the node's
// edges, whatever was merged when. RocksDB runs it on reads that meet
// unmerged operands and in flushes and compactions; Commit's compaction
// leaves one merged record per node, and a writer never reads the family.
class AdjacencyMergeOperator : public rocksdb::MergeOperator {
 public:
  bool FullMergeV2(const MergeOperationInput& in, MergeOperationOutput* out) const override {
    std::vector<std::string_view> operands;
    operands.reserve(in.operand_list.size());
    for (const auto& o : in.operand_list) operands.emplace_back(o.data(), o.size());
    std::string_view base;
    if (in.existing_value != nullptr) base = std::string_view(in.existing_value->data(), in.existing_value->size());
    // false makes RocksDB report corruption to whoever reads or compacts.
    return ApplyAdjacencyChanges(in.existing_value != nullptr ? &base : nullptr, operands, &out->new_value);
  }
  const char* Name() const override { return "policygraph.adjacency.1"; }
};

// Readers log nothing: a secondary instance would otherwise write its LOG
// file somewhere, and what it could report comes back as a Status anyway.
class SilentLogger : public rocksdb::Logger {
 public:
  SilentLogger() : rocksdb::Logger(rocksdb::InfoLogLevel::HEADER_LEVEL) {}
  using rocksdb::Logger::Logv;
  void Logv(const char*, va_list) override {}
};

uint64_t ParseCounter(const std::string& v) {
  try {
    return std::stoull(v);
  } catch (...) {
    return 0;
  }
}

// The node-family keys of `ids`, for a batched read.
std::vector<std::string> NodeKeys(const std::vector<std::string_view>& ids) {
  std::vector<std::string> keys;
  keys.reserve(ids.size());
  for (std::string_view id : ids) keys.push_back(NodeKey(std::string(id)));
  return keys;
}

}  // namespace

struct GraphStore::Impl {
  std::unique_ptr<rocksdb::DB> db;
  std::vector<rocksdb::ColumnFamilyHandle*> cf;
  bool read_only = false;

  ~Impl() {
    for (auto* h : cf) {
      if (h != nullptr) db->DestroyColumnFamilyHandle(h);
    }
  }

  // Calls fn(key, value) for each key with `prefix` in family f until fn
  // returns false.
  template <typename Fn>
  void ScanPrefix(Family f, const std::string& prefix, Fn fn) const {
    std::unique_ptr<rocksdb::Iterator> it(db->NewIterator(rocksdb::ReadOptions(), cf[f]));
    for (it->Seek(prefix); it->Valid() && HasPrefix(it->key(), prefix); it->Next()) {
      if (!fn(it->key(), it->value())) break;
    }
  }

  std::optional<std::string> Get(Family f, const std::string& key) const {
    std::string value;
    if (db->Get(rocksdb::ReadOptions(), cf[f], key, &value).ok()) return value;
    return std::nullopt;
  }

  // Reads `keys` of family f in one batched MultiGet (one descent of the
  // tree for the batch instead of one per key) into `values`, which holds
  // keys.size() slices; the returned statuses say which keys were found.
  std::vector<rocksdb::Status> MultiGet(Family f, const std::vector<std::string>& keys,
                                        rocksdb::PinnableSlice* values) const {
    std::vector<rocksdb::Slice> slices(keys.begin(), keys.end());
    std::vector<rocksdb::Status> statuses(keys.size());
    db->MultiGet(rocksdb::ReadOptions(), cf[f], keys.size(), slices.data(), values, statuses.data());
    return statuses;
  }

  uint64_t Counter(const std::string& name) const {
    auto v = Get(kMeta, name);
    return v ? ParseCounter(*v) : 0;
  }

  // The summary of an edge `doc_id` had no evidence on before: the one on
  // disk (`stored`, none for a new edge) stands for all the evidence there,
  // so adding the document's is arithmetic. Reading every evidence of the
  // edge instead (Summarise) made each document's cost grow with its edges'
  // support, and a million-document run quadratic (docs/PERFORMANCE.md 4g).
  // Without a readable stored summary, nullopt: the caller summarises.
  static std::optional<EdgeSummary> AddedToStored(const EdgeKey& edge, const std::optional<std::string>& stored,
                                                  const std::vector<const Evidence*>& added) {
    EdgeSummary s;
    if (stored) {
      auto decoded = DecodeEdgeSummary(*stored);
      if (!decoded) return std::nullopt;
      s = std::move(*decoded);
    }
    s.key = edge;
    if (added.empty()) return s;
    ++s.weight;  // one more document: this one
    // Keyed by (edge, document, begin): two with one begin are one record.
    std::set<uint32_t> begins;
    for (const Evidence* ev : added) begins.insert(ev->begin);
    s.evidence_count += static_cast<uint32_t>(begins.size());
    for (const Evidence* ev : added) {
      if (ev->date.empty()) continue;
      if (s.first_date.empty() || ev->date < s.first_date) s.first_date = ev->date;
      if (s.last_date.empty() || ev->date > s.last_date) s.last_date = ev->date;
    }
    return s;
  }

  // Re-derives an edge's summary from its evidence on disk, leaving out
  // `skip_doc` (whose old evidence is being replaced) and adding `added`.
  EdgeSummary Summarise(const EdgeKey& edge, const std::string& skip_doc,
                        const std::vector<const Evidence*>& added) const {
    EdgeSummary s;
    s.key = edge;
    std::set<std::string> docs;
    auto note_date = [&](const std::string& date) {
      if (date.empty()) return;
      if (s.first_date.empty() || date < s.first_date) s.first_date = date;
      if (s.last_date.empty() || date > s.last_date) s.last_date = date;
    };
    ScanPrefix(kEvidence, EdgePrefix(edge), [&](const rocksdb::Slice& key, const rocksdb::Slice& value) {
      KeyReader r(std::string_view(key.data(), key.size()));
      r.ReadString();
      r.ReadString();
      r.ReadString();
      auto doc = r.ReadString();
      if (!doc || *doc == skip_doc) return true;
      docs.insert(*doc);
      ++s.evidence_count;
      if (auto ev = DecodeEvidence(value.ToString())) note_date(ev->date);
      return true;
    });
    for (const Evidence* ev : added) {
      docs.insert(ev->doc_id);
      ++s.evidence_count;
      note_date(ev->date);
    }
    s.weight = static_cast<uint32_t>(docs.size());
    return s;
  }

  Status WriteDocument(const std::string& doc_id, const DocumentContribution* next) {
    if (read_only) return Status::InvalidArgument("graph store is open read-only");
    rocksdb::WriteBatch batch;
    std::set<EdgeKey> affected;
    std::set<EdgeKey> had_evidence;  // edges the document's previous version supported
    bool existed = false;
    if (auto old = Get(kDocs, NodeKey(doc_id))) {
      existed = true;
      auto record = DecodeDocumentRecord(*old);
      if (!record) return Status::Corruption("docs record of '" + doc_id + "' is unreadable");
      for (const auto& e : record->edges) {
        affected.insert(e);
        had_evidence.insert(e);
        ScanPrefix(kEvidence, EvidenceDocPrefix(e, doc_id),
                   [&](const rocksdb::Slice& key, const rocksdb::Slice&) {
                     batch.Delete(cf[kEvidence], key);
                     return true;
                   });
      }
    }
    std::map<EdgeKey, std::vector<const Evidence*>> added;
    DocumentRecord record;
    if (next != nullptr) {
      record.entities = next->entities;
      for (const auto& [edge, ev] : next->evidence) {
        added[edge].push_back(&ev);
        affected.insert(edge);
        batch.Put(cf[kEvidence], EvidenceKey(edge, doc_id, ev.begin), EncodeEvidence(ev));
      }
      for (const auto& [edge, _] : added) record.edges.push_back(edge);
    }
    int64_t edge_delta = 0;
    // Each end's adjacency record gets the edge's new summary, or loses the
    // edge, in this same batch: one merge per node touched.
    std::map<std::string, std::vector<AdjacencyChange>> adjacency;
    auto note_adjacency = [&](const EdgeSummary& s, bool remove) {
      AdjacencyEntry out{true, s.key.relation, s.key.target, s.weight, s.evidence_count,
                         s.first_date, s.last_date};
      AdjacencyEntry in = out;
      in.outgoing = false;
      in.other = s.key.source;
      adjacency[s.key.source].push_back({remove, std::move(out)});
      adjacency[s.key.target].push_back({remove, std::move(in)});
    };
    static const std::vector<const Evidence*> kNone;
    for (const auto& edge : affected) {
      auto it = added.find(edge);
      const std::vector<const Evidence*>& adding = it == added.end() ? kNone : it->second;
      const std::optional<std::string> stored = Get(kOut, OutKey(edge));
      const bool was_there = stored.has_value();
      std::optional<EdgeSummary> incremental;
      if (!had_evidence.count(edge)) incremental = AddedToStored(edge, stored, adding);
      EdgeSummary s = incremental ? std::move(*incremental) : Summarise(edge, doc_id, adding);
      if (s.weight == 0) {
        batch.Delete(cf[kOut], OutKey(edge));
        batch.Delete(cf[kIn], InKey(edge));
        if (was_there) {
          --edge_delta;
          note_adjacency(s, /*remove=*/true);
        }
      } else {
        batch.Put(cf[kOut], OutKey(edge), EncodeEdgeSummary(s));
        batch.Put(cf[kIn], InKey(edge), "");
        if (!was_there) ++edge_delta;
        note_adjacency(s, /*remove=*/false);
      }
    }
    for (const auto& [node, changes] : adjacency) {
      batch.Merge(cf[kAdjacency], NodeKey(node), EncodeAdjacencyChanges(changes));
    }
    int64_t doc_delta = 0;
    if (next != nullptr) {
      batch.Put(cf[kDocs], NodeKey(doc_id), EncodeDocumentRecord(record));
      if (!existed) doc_delta = 1;
    } else if (existed) {
      batch.Delete(cf[kDocs], NodeKey(doc_id));
      doc_delta = -1;
    }
    if (edge_delta != 0) {
      batch.Put(cf[kMeta], "edge_count", std::to_string(Counter("edge_count") + edge_delta));
    }
    if (doc_delta != 0) {
      batch.Put(cf[kMeta], "doc_count", std::to_string(Counter("doc_count") + doc_delta));
    }
    return FromRocks(db->Write(rocksdb::WriteOptions(), &batch), "writing document '" + doc_id + "'");
  }
};

namespace {

Status SchemaMismatch(const std::string& path, const std::string& version) {
  return Status::Corruption("graph database at " + path + " has schema version " + version +
                            ", this build reads version " + std::to_string(GraphStore::kSchemaVersion) +
                            "; re-index into a new data directory");
}

// The error for a database written by an older build, which lacks some of
// this build's column families: its schema version, read from a read-only
// open of the families it has.
Status OlderSchema(const std::string& path, const rocksdb::Options& db_options,
                   const std::vector<std::string>& families) {
  std::string version = "(none recorded)";
  const auto meta = std::find(families.begin(), families.end(), "meta");
  if (meta != families.end()) {
    std::vector<rocksdb::ColumnFamilyDescriptor> descriptors;
    for (const auto& name : families) descriptors.emplace_back(name, rocksdb::ColumnFamilyOptions());
    std::vector<rocksdb::ColumnFamilyHandle*> handles;
    rocksdb::DB* raw = nullptr;
    rocksdb::Options quiet = db_options;
    quiet.info_log = std::make_shared<SilentLogger>();
    if (rocksdb::DB::OpenForReadOnly(quiet, path, descriptors, &handles, &raw).ok()) {
      std::unique_ptr<rocksdb::DB> db(raw);
      std::string value;
      if (db->Get(rocksdb::ReadOptions(), handles[meta - families.begin()], "schema_version", &value).ok()) {
        version = value;
      }
      for (auto* h : handles) db->DestroyColumnFamilyHandle(h);
    }
  }
  return SchemaMismatch(path, version);
}

// How many ways the block cache is split (2^bits shards, each its own LRU
// list with its own lock). RocksDB's default gives a 128 MiB cache 64
// shards of 2 MiB; but a hub's adjacency record is one block of up to
// ~0.6 MB at 1M edges, so a few hubs hashed to one shard evicted each
// other and a depth-2 traversal re-read and decompressed them (snappy ~8 %
// of its profile; p50 4.2 -> 3.2 ms with shards of 8 MiB at 1M edges,
// docs/PERFORMANCE.md 6f).
// Shards of at least 8 MiB, at most 64 of them: still far more than the
// server's threads, which is what shards are for.
int BlockCacheShardBits(size_t capacity) {
  constexpr size_t kMinShard = size_t{8} << 20;
  int bits = 0;
  while (bits < 6 && (capacity >> (bits + 1)) >= kMinShard) ++bits;
  return bits;
}

}  // namespace

GraphStore::GraphStore(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
GraphStore::~GraphStore() = default;

Status GraphStore::Open(const std::string& path, const GraphStoreOptions& options,
                        std::unique_ptr<GraphStore>* store) {
  store->reset();
  rocksdb::Options db_options;
  db_options.create_if_missing = options.create_if_missing;
  db_options.create_missing_column_families = true;
  // Few, small files: the graph is read far more than written.
  db_options.max_open_files = 256;
  // Reads: one block cache shared by every family, sized for the edges of a
  // large graph (RocksDB's default, 8 MB, holds a twentieth of the out and
  // in families at 1M edges, so a traversal kept reading and decompressing
  // blocks); bloom filters so that a point read (a node, an incoming edge's
  // summary) skips the tables that cannot hold its key.
  rocksdb::BlockBasedTableOptions table;
  table.block_cache = rocksdb::NewLRUCache(options.block_cache_bytes, BlockCacheShardBits(options.block_cache_bytes));
  table.filter_policy.reset(rocksdb::NewBloomFilterPolicy(10));
  rocksdb::ColumnFamilyOptions family_options;
  family_options.table_factory.reset(rocksdb::NewBlockBasedTableFactory(table));
  std::vector<rocksdb::ColumnFamilyDescriptor> descriptors;
  for (const auto& name : kFamilies) {
    descriptors.emplace_back(name, family_options);
  }
  descriptors[kAdjacency].options.merge_operator = std::make_shared<AdjacencyMergeOperator>();
  // A store of an older schema lacks families this build opens; say so as the
  // version check below would, without creating them in it.
  if (std::vector<std::string> existing;
      rocksdb::DB::ListColumnFamilies(db_options, path, &existing).ok()) {
    for (const auto& name : kFamilies) {
      if (std::find(existing.begin(), existing.end(), name) == existing.end()) {
        return OlderSchema(path, db_options, existing);
      }
    }
  }
  auto impl = std::make_unique<Impl>();
  impl->read_only = options.read_only;
  rocksdb::DB* raw = nullptr;
  rocksdb::Status s;
  if (options.read_only) {
    // A secondary instance, not OpenForReadOnly(): RocksDB documents the
    // read-only mode as undefined while another process writes the
    // database, and `policygraph index` may (the server, `check` and the
    // graph commands all read while it runs). max_open_files = -1 opens
    // every table file now and keeps it open, as a secondary requires: files
    // the writer deletes later stay readable here, so this instance stays a
    // consistent view of the moment it was opened.
    if (!std::filesystem::is_directory(path)) {
      return Status::NotFound("cannot open graph database at " + path + ": no such directory");
    }
    db_options.max_open_files = -1;
    db_options.info_log = std::make_shared<SilentLogger>();
    // The secondary path is where RocksDB would put the instance's own
    // files; with a logger given it writes none.
    s = rocksdb::DB::OpenAsSecondary(db_options, path, path, descriptors, &impl->cf, &raw);
  } else {
    s = rocksdb::DB::Open(db_options, path, descriptors, &impl->cf, &raw);
  }
  if (!s.ok()) {
    return FromRocks(s, "cannot open graph database at " + path);
  }
  impl->db.reset(raw);
  auto version = impl->Get(kMeta, "schema_version");
  if (version && *version != std::to_string(kSchemaVersion)) return SchemaMismatch(path, *version);
  if (!version && !options.read_only) {
    s = impl->db->Put(rocksdb::WriteOptions(), impl->cf[kMeta], "schema_version",
                      std::to_string(kSchemaVersion));
    if (!s.ok()) return FromRocks(s, "writing schema version");
  }
  store->reset(new GraphStore(std::move(impl)));
  return Status::OK();
}

Status GraphStore::PutNodes(const std::vector<Node>& nodes) {
  if (impl_->read_only) return Status::InvalidArgument("graph store is open read-only");
  rocksdb::WriteBatch batch;
  uint64_t count = impl_->Counter("node_count");
  // The batch is not readable, so remember what this call already wrote: a
  // node given twice replaces its own earlier version too.
  std::map<std::string, const Node*> written;
  for (const auto& node : nodes) {
    std::optional<Node> old;
    if (auto it = written.find(node.id); it != written.end()) {
      old = *it->second;
    } else if (auto old_value = impl_->Get(kNodes, NodeKey(node.id))) {
      old = DecodeNode(*old_value);
    } else {
      ++count;
    }
    if (old) {
      for (const auto& a : old->alias_keys) batch.Delete(impl_->cf[kAliases], AliasKey(a, node.id));
      for (const auto& p : old->member_of) batch.Delete(impl_->cf[kMeta], MemberKey(p, node.id));
    }
    written[node.id] = &node;
    batch.Put(impl_->cf[kNodes], NodeKey(node.id), EncodeNode(node));
    for (const auto& a : node.alias_keys) batch.Put(impl_->cf[kAliases], AliasKey(a, node.id), "");
    for (const auto& p : node.member_of) batch.Put(impl_->cf[kMeta], MemberKey(p, node.id), "");
  }
  batch.Put(impl_->cf[kMeta], "node_count", std::to_string(count));
  return FromRocks(impl_->db->Write(rocksdb::WriteOptions(), &batch), "writing nodes");
}

Status GraphStore::ReplaceDocument(const DocumentContribution& contribution) {
  return impl_->WriteDocument(contribution.doc_id, &contribution);
}

Status GraphStore::RemoveDocument(const std::string& doc_id) {
  return impl_->WriteDocument(doc_id, nullptr);
}

Status GraphStore::Commit() {
  if (impl_->read_only) return Status::OK();
  Status s = FromRocks(impl_->db->FlushWAL(/*sync=*/true), "syncing graph write-ahead log");
  if (!s.ok()) return s;
  // Durable from here on. Then write the memtables out as sorted tables:
  // otherwise a freshly indexed graph lives only in the write-ahead log,
  // every read-only open (the server, the CLI) replays all of it into
  // memtables, and every read walks a skip list instead of block-cached,
  // bloom-filtered tables (docs/PERFORMANCE.md, "Graph: policygraph vs
  // SQLite recursive CTE"). A crash during the flush loses nothing: the
  // synced log is still there.
  rocksdb::FlushOptions flush;
  flush.wait = true;
  s = FromRocks(impl_->db->Flush(flush, impl_->cf), "flushing graph memtables");
  if (!s.ok()) return s;
  // Then merge each family into one sorted run. The indexer writes the
  // graph in bulk and the server only reads it; left as the flushes made it
  // (several overlapping level-0 tables per family), every prefix scan
  // merges all of them, and a traversal is mostly prefix scans. A few
  // seconds at 1M edges, against minutes of indexing.
  for (auto* family : impl_->cf) {
    s = FromRocks(impl_->db->CompactRange(rocksdb::CompactRangeOptions(), family, nullptr, nullptr),
                  "compacting graph tables");
    if (!s.ok()) return s;
  }
  return Status::OK();
}

std::vector<std::string> GraphStore::MembersOf(const std::string& id) const {
  std::vector<std::string> members;
  const std::string prefix = MemberPrefix(id);
  impl_->ScanPrefix(kMeta, prefix, [&](const rocksdb::Slice& key, const rocksdb::Slice&) {
    KeyReader reader(std::string_view(key.data() + prefix.size(), key.size() - prefix.size()));
    if (auto member = reader.ReadString()) members.push_back(*member);
    return true;
  });
  return members;
}

std::optional<Node> GraphStore::GetNode(const std::string& id) const {
  auto value = impl_->Get(kNodes, NodeKey(id));
  if (!value) return std::nullopt;
  return DecodeNode(*value);
}

void GraphStore::GetNodes(const std::vector<std::string_view>& ids, std::vector<std::optional<Node>>* nodes) const {
  nodes->assign(ids.size(), std::nullopt);
  if (ids.empty()) return;
  std::vector<rocksdb::PinnableSlice> values(ids.size());
  const auto statuses = impl_->MultiGet(kNodes, NodeKeys(ids), values.data());
  for (size_t k = 0; k < ids.size(); ++k) {
    if (statuses[k].ok()) (*nodes)[k] = DecodeNode(std::string_view(values[k].data(), values[k].size()));
  }
}

std::vector<AliasHit> GraphStore::FindByAliasPrefix(const std::string& folded_prefix,
                                                    size_t limit) const {
  std::vector<AliasHit> hits;
  if (limit == 0) return hits;
  std::set<std::string> seen;
  impl_->ScanPrefix(kAliases, folded_prefix, [&](const rocksdb::Slice& key, const rocksdb::Slice&) {
    KeyReader r(std::string_view(key.data(), key.size()));
    auto alias = r.ReadString();
    auto id = r.ReadString();
    if (alias && id && seen.insert(*id).second) hits.push_back({*id, *alias});
    return hits.size() < limit;
  });
  return hits;
}

std::vector<EdgeSummary> GraphStore::EdgesOf(const std::string& id) const {
  return EdgesOf(id, [](std::string_view, std::string_view) { return true; });
}

std::vector<EdgeSummary> GraphStore::EdgesOf(
    const std::string& id,
    const std::function<bool(std::string_view relation, std::string_view other)>& want) const {
  std::vector<EdgeSummary> edges;
  const std::string prefix = NodePrefix(id);
  EdgeKeyTail tail;
  auto parse = [&](const rocksdb::Slice& key) {
    return tail.Parse(std::string_view(key.data() + prefix.size(), key.size() - prefix.size()));
  };
  impl_->ScanPrefix(kOut, prefix, [&](const rocksdb::Slice& key, const rocksdb::Slice& value) {
    if (!parse(key) || !want(tail.relation, tail.other)) return true;
    if (auto s = DecodeEdgeSummary(value.ToString())) {
      s->key = {id, std::string(tail.relation), std::string(tail.other)};
      edges.push_back(std::move(*s));
    }
    return true;
  });
  // An incoming edge's summary lives under its out key, elsewhere in the
  // family: gather the keys, then read them in one batched MultiGet instead
  // of a Get (a full descent of the tree) each.
  std::vector<EdgeKey> incoming;
  impl_->ScanPrefix(kIn, prefix, [&](const rocksdb::Slice& key, const rocksdb::Slice&) {
    if (parse(key) && want(tail.relation, tail.other)) {
      incoming.push_back({std::string(tail.other), std::string(tail.relation), id});
    }
    return true;
  });
  if (incoming.empty()) return edges;
  std::vector<std::string> keys;
  keys.reserve(incoming.size());
  for (const auto& e : incoming) keys.push_back(OutKey(e));
  std::vector<rocksdb::PinnableSlice> values(keys.size());
  const auto statuses = impl_->MultiGet(kOut, keys, values.data());
  for (size_t i = 0; i < incoming.size(); ++i) {
    if (!statuses[i].ok()) continue;
    if (auto s = DecodeEdgeSummary(values[i].ToString())) {
      s->key = std::move(incoming[i]);
      edges.push_back(std::move(*s));
    }
  }
  return edges;
}

std::optional<Adjacency> GraphStore::AdjacencyOf(const std::string& id) const {
  // Pinned, not copied: a hub's record is hundreds of kilobytes, and the
  // block holding it stays in the cache while the traversal reads it.
  auto value = std::make_shared<rocksdb::PinnableSlice>();
  if (!impl_->db->Get(rocksdb::ReadOptions(), impl_->cf[kAdjacency], NodeKey(id), value.get()).ok()) {
    return std::nullopt;
  }
  const std::string_view bytes(value->data(), value->size());
  return Adjacency::Parse(bytes, std::move(value));
}

void GraphStore::AdjacenciesOf(const std::vector<std::string_view>& ids,
                               std::vector<std::optional<Adjacency>>* records) const {
  records->assign(ids.size(), std::nullopt);
  if (ids.empty()) return;
  // One owner for the batch: each record keeps every value of it pinned
  // until the last record goes (a traversal drops them together).
  auto values = std::make_shared<std::vector<rocksdb::PinnableSlice>>(ids.size());
  const auto statuses = impl_->MultiGet(kAdjacency, NodeKeys(ids), values->data());
  for (size_t k = 0; k < ids.size(); ++k) {
    if (!statuses[k].ok()) continue;
    const rocksdb::PinnableSlice& value = (*values)[k];
    (*records)[k] = Adjacency::Parse(std::string_view(value.data(), value.size()), values);
  }
}

std::vector<Evidence> GraphStore::EvidenceOf(const EdgeKey& edge, size_t limit) const {
  std::vector<Evidence> out;
  if (limit == 0) return out;
  impl_->ScanPrefix(kEvidence, EdgePrefix(edge), [&](const rocksdb::Slice& key, const rocksdb::Slice& value) {
    KeyReader r(std::string_view(key.data(), key.size()));
    r.ReadString();
    r.ReadString();
    r.ReadString();
    auto doc = r.ReadString();
    auto begin = r.ReadU32();
    auto ev = DecodeEvidence(value.ToString());
    if (doc && begin && ev) {
      ev->doc_id = *doc;
      ev->begin = *begin;
      out.push_back(*ev);
    }
    return out.size() < limit;
  });
  return out;
}

Status GraphStore::RemoveUnusedDiscoveredNodes(const std::set<std::string>& keep, size_t* removed) {
  *removed = 0;
  if (impl_->read_only) return Status::InvalidArgument("graph store is open read-only");
  std::set<std::string> named(keep.begin(), keep.end());
  for (const auto& doc : DocumentIds()) {
    if (auto entities = EntitiesOfDocument(doc)) named.insert(entities->begin(), entities->end());
  }
  rocksdb::WriteBatch batch;
  impl_->ScanPrefix(kNodes, "", [&](const rocksdb::Slice&, const rocksdb::Slice& value) {
    auto node = DecodeNode(value.ToString());
    if (!node || !node->discovered || named.count(node->id)) return true;
    batch.Delete(impl_->cf[kNodes], NodeKey(node->id));
    for (const auto& a : node->alias_keys) batch.Delete(impl_->cf[kAliases], AliasKey(a, node->id));
    for (const auto& p : node->member_of) batch.Delete(impl_->cf[kMeta], MemberKey(p, node->id));
    ++*removed;
    return true;
  });
  if (*removed == 0) return Status::OK();
  const uint64_t count = impl_->Counter("node_count");
  batch.Put(impl_->cf[kMeta], "node_count", std::to_string(count >= *removed ? count - *removed : 0));
  return FromRocks(impl_->db->Write(rocksdb::WriteOptions(), &batch), "removing unused discovered nodes");
}

std::vector<std::string> GraphStore::DocumentIds() const {
  std::vector<std::string> ids;
  impl_->ScanPrefix(kDocs, "", [&](const rocksdb::Slice& key, const rocksdb::Slice&) {
    KeyReader r(std::string_view(key.data(), key.size()));
    if (auto id = r.ReadString()) ids.push_back(*id);
    return true;
  });
  return ids;
}

std::optional<std::vector<std::string>> GraphStore::EntitiesOfDocument(const std::string& doc_id) const {
  auto value = impl_->Get(kDocs, NodeKey(doc_id));
  if (!value) return std::nullopt;
  auto record = DecodeDocumentRecord(*value);
  if (!record) return std::nullopt;
  return record->entities;
}

std::set<std::string> GraphStore::EvidenceDocumentIds() const {
  std::set<std::string> ids;
  impl_->ScanPrefix(kEvidence, "", [&](const rocksdb::Slice& key, const rocksdb::Slice&) {
    KeyReader reader(std::string_view(key.data(), key.size()));
    reader.ReadString();  // source
    reader.ReadString();  // relation
    reader.ReadString();  // target
    if (auto doc = reader.ReadString()) ids.insert(*doc);
    return true;
  });
  return ids;
}

GraphBreakdown GraphStore::Breakdown() const {
  GraphBreakdown b;
  impl_->ScanPrefix(kOut, "", [&](const rocksdb::Slice& key, const rocksdb::Slice&) {
    KeyReader reader(std::string_view(key.data(), key.size()));
    reader.ReadString();  // source
    if (auto relation = reader.ReadString()) ++b.edges_by_relation[*relation];
    return true;
  });
  impl_->ScanPrefix(kNodes, "", [&](const rocksdb::Slice&, const rocksdb::Slice& value) {
    if (auto node = DecodeNode(value.ToString())) {
      ++b.nodes_by_type[node->type];
      b.discovered_nodes += node->discovered;
    }
    return true;
  });
  return b;
}

uint64_t GraphStore::Sequence() const { return impl_->db->GetLatestSequenceNumber(); }

GraphCounts GraphStore::Counts() const {
  return {impl_->Counter("node_count"), impl_->Counter("edge_count"), impl_->Counter("doc_count")};
}

}  // namespace policygraph::graph
