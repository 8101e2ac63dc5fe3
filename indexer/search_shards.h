// Writing a new search index on several threads: Xapian takes one writer
// per database, and its own work (add_document, flushes, zlib) is most of
// indexing's CPU (docs/PERFORMANCE.md, 4 and 4c). So a run into a new index
// has K writers write shard databases at once, each shard holding a
// contiguous run of the documents (a part, write_parts.h: a writer may write
// several), and merges them in document order with Xapian's Compactor,
// which renumbers each shard's documents to follow the previous shard's: the
// same docids, terms, positions, values, data, synonyms and metadata as one
// writer writing every document in order (only the metadata is kept in one
// shard alone, the first, since the Compactor keeps the first shard's value
// of a key set in several). The merged database then replaces the new, empty
// one at DATA/search in one step (a crash before it leaves the empty index;
// see corpus_indexer.h for the order of commits that follows).
//
// The shards and the merged database are written under DATA/work/, which
// only the indexer holding both stores' write locks touches.
#pragma once

#include <string>
#include <vector>

#include "graph/status.h"

namespace policygraph::indexer {

// The directories of one run's shards and of their merge, under
// DATA/work/. Create() removes whatever a killed run left there (shards, a
// merge, the empty index a replacement moved aside); the destructor removes
// them however the run ends (work/ itself when empty). With 0 shards it only
// clears leftovers, as every run does.
class SearchShardDirs {
 public:
  SearchShardDirs(const std::string& data_dir, size_t shards);
  ~SearchShardDirs();
  SearchShardDirs(const SearchShardDirs&) = delete;
  SearchShardDirs& operator=(const SearchShardDirs&) = delete;

  Status Create();
  const std::vector<std::string>& shards() const { return shards_; }
  const std::string& merged() const { return merged_; }

 private:
  Status RemoveAll();
  std::string work_;
  std::vector<std::string> shards_;
  std::string merged_;
};

// Merges the committed, closed shard databases `shards`, in order, into a
// new database at `merged` (which must not exist): docids renumbered to
// follow on from shard to shard, postings, positions, values and their
// statistics, document data, synonyms and metadata (for a key set in
// several shards, shard 0's value) all copied. IOError on Xapian's errors.
Status MergeSearchShards(const std::vector<std::string>& shards, const std::string& merged);

// Puts the directory `replacement` in the place of the directory `target`
// in one step (Linux's renameat2 RENAME_EXCHANGE), then removes the one
// replaced, and syncs their parent. Both must be on one file system. Where
// the file system cannot exchange, `target` is moved aside and
// `replacement` moved in: a crash between the two leaves no `target`.
Status ReplaceDirectory(const std::string& target, const std::string& replacement);

}  // namespace policygraph::indexer
