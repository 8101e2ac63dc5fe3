// Indexing a set of files into both stores: the Xapian search database at
// DATA/search and the RocksDB graph at DATA/graph.
//
// Consistency between the two stores (DATA/search and DATA/graph):
// - every file is read and checked (size, UTF-8, front matter, unique ids)
//   before anything is written, so a bad file fails the run with the
//   previous index untouched; no text is kept from that pass: later passes
//   (discovery, then analysis and writing) read each file again, and fail
//   the run, before the search commit, if it has changed since;
// - the search index is committed first, with its metadata
//   "policygraph.graph" set to "pending"; then each document's graph
//   contribution is written (one WriteBatch each, a replacement by document
//   id) and the graph is synced; then "complete" is committed. Until the
//   search commit the contributions wait on disk, in
//   DATA/work/graph-pending.jsonl, not in memory; the file is removed when
//   the run ends, however it ends, and one a killed run left is overwritten
//   by the next (no reader uses it).
// Memory therefore does not grow with the corpus's text: a run holds the
// documents in its pipeline, the names discovered, and a path and a
// fingerprint per file.
// Each of the two search commits is one Xapian commit holding all of the
// run's search changes (search_writer.h), so neither a crash nor a reader
// ever sees the search index half-way between two runs. Into a new index the
// first is instead the merge of shards written in parallel, put in the
// empty index's place in one step (search_shards.h): before that step the
// index is as empty as before the run, and the graph untouched. The "complete"
// commit also records the graph's sequence number, with which a running
// server tells which graph belongs to which search revision
// (server/serving_index.h).
// So at any moment a crash leaves one of two valid states: the graph's
// documents and evidence all belong to documents the search index holds
// (the graph may lag behind, and says so with "pending"), or both stores
// agree exactly ("complete"). Running the index again finishes the job,
// because every write replaces by document id. `policygraph check` (see
// indexer/consistency.h) verifies exactly this.
#pragma once

#include <atomic>
#include <ostream>
#include <string>
#include <vector>

#include "graph/status.h"
#include "indexer/document_links.h"

namespace policygraph::indexer {

struct IndexOptions {
  std::string data_dir;   // holds search/ and graph/; created when missing
  std::string gazetteer;  // a .tsv file or a directory of them
  std::string glossary;   // likewise; "" for none
  // Threads that analyse documents (the writes stay on the calling thread,
  // in document order, so the stores come out the same for any number);
  // 0 for one per core, 1 for none besides the caller.
  size_t threads = 0;
  // Search databases written at once when the search index is new
  // (search_shards.h: shards merged into one, the same index as one writer
  // writes); 0 for as many as `threads`, 1 for one. An index that has
  // documents is always written by one. Default: 0.
  size_t writers = 0;
  // With several writers, a writer that is done takes the far half of the
  // largest part still being written when each half holds at least this
  // much text (write_parts.h). The output is the same for any value.
  uint64_t min_part_text = uint64_t{1} << 20;
  // The trained link classifier's file (link_model.h), whose links join the
  // rules' (model_links.h); "" for the rules alone. A file that is missing
  // or corrupt fails the run before anything is written.
  std::string link_model{};
  // Sees every sentence the linker reads (training and measuring the link
  // classifier); none by default.
  SentenceObserver observe_sentences = nullptr;
  // With a progress stream, each pass (checking the files, discovering
  // names, indexing) writes a line every this many files or documents; 0
  // for none. Default: 10000.
  size_t progress_every = 10000;
  // Set from another thread (the CLI sets it on SIGINT or SIGTERM) to stop
  // the run while it checks, reads and analyses the documents: it then ends
  // with an error saying so, and DATA is as it was before the run, as after
  // any failure. Once every document is analysed the run finishes (the last
  // steps are short and crash-safe anyway). None by default.
  const std::atomic<bool>* interrupted = nullptr;
};

struct IndexReport {
  size_t documents = 0;       // documents written
  size_t entities = 0;        // entities (nodes) written: gazetteer and discovered
  size_t discovered = 0;      // of which discovered in the texts
  size_t concepts = 0;        // glossary and learned concepts
  size_t passages = 0;        // passages written
  size_t mentions = 0;        // entity mentions found
  size_t evidence = 0;        // evidence sentences written (typed links and co-mentions)
  size_t typed_evidence = 0;  // of which for typed links
  uint64_t total_documents = 0;  // documents in the search index afterwards
  size_t search_shards = 0;      // shards written and merged (0: one writer, in place)
};

struct SourceDocument;

// Indexes documents already in memory (ids must be unique). Documents with
// no `lang` get the detected one. `progress`, when given, receives a line
// every options.progress_every documents of each pass ("discovering names:
// N of M documents", "indexed N of M documents"; reading the files first,
// IndexCorpus also writes "checking files: N of M").
Status IndexDocuments(std::vector<SourceDocument> docs, const IndexOptions& options,
                      IndexReport* report, std::ostream* progress = nullptr);

// Indexes every .txt/.md file under `paths`, reading each file once to check
// it, once for discovery and once to index it, keeping none of them whole.
Status IndexCorpus(const std::vector<std::string>& paths, const IndexOptions& options,
                   IndexReport* report, std::ostream* progress = nullptr);

}  // namespace policygraph::indexer
