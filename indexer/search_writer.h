// SearchWriter: writes analysed documents into the Xapian database, one
// record per document and one Xapian document per passage (layout in
// search_schema.h). Nothing is visible to readers until Commit(), however
// many documents are written: all changes between two commits go in one
// Xapian transaction. Without it Xapian commits by itself every
// XAPIAN_FLUSH_THRESHOLD changes (10,000 by default, a few per cent of a
// large corpus's passages), and readers would see an index half old, half
// new, with documents whose old passages are deleted and new ones not yet
// added, and a crash could leave documents the graph lacks under the last
// run's "complete" mark.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "graph/status.h"
#include "indexer/analyzer.h"
#include "indexer/document.h"
#include "indexer/entity_matcher.h"
#include "indexer/passages.h"

namespace policygraph::indexer {

// One document, analysed: everything SearchWriter needs.
struct AnalysedDocument {
  const SourceDocument* source = nullptr;
  std::vector<Token> title;
  std::vector<Token> body;
  std::vector<Passage> passages;
  std::vector<EntityMention> entities;  // over body tokens
  std::vector<EntityMention> concepts;  // glossary matches over body tokens
  std::vector<std::string> entity_ids;  // distinct, for the record
};

// A document turned into the Xapian documents that Write() stores (its
// record and one per passage). Building them is most of the work of writing
// and needs no database, so the indexer does it on its worker threads and
// keeps only the writes themselves, in document order, on one thread.
class PreparedDocument {
 public:
  PreparedDocument();
  ~PreparedDocument();
  PreparedDocument(PreparedDocument&&) noexcept;
  PreparedDocument& operator=(PreparedDocument&&) noexcept;

 private:
  friend class SearchWriter;
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

class SearchWriter {
 public:
  // Opens or creates the database at `dir`. IOError when another indexer
  // holds it.
  static Status Open(const std::string& dir, std::unique_ptr<SearchWriter>* writer);
  ~SearchWriter();

  // Builds what Write() stores for `doc`. Touches no database: safe to call
  // from any number of threads at once (with a shared Analyzer).
  static Status Prepare(const AnalysedDocument& doc, const Analyzer& analyzer, PreparedDocument* prepared);
  // Replaces the document and all its passages with a prepared one.
  Status Write(PreparedDocument prepared);
  // What Prepare() then Write() do, storing each passage as soon as it is
  // built: for a long document, whose prepared form would hold all its
  // passages' Xapian documents at once (tens of times its text).
  Status Write(const AnalysedDocument& doc, const Analyzer& analyzer);
  // The lexicon (JSON) queries are matched against; see search_schema.h.
  Status SetLexicon(const std::string& json);
  std::string Lexicon() const;
  // With the next Commit(): the graph state "pending", no graph sequence,
  // and the generation one more than the last committed one.
  Status MarkGraphPending();
  // With the next Commit(): "complete", and the graph's sequence number
  // after its last write (GraphStore::Sequence()).
  Status MarkGraphComplete(uint64_t graph_sequence);
  // Makes everything written so far visible to readers, atomically, in one
  // commit (one new revision of the database).
  Status Commit();
  uint64_t DocumentCount() const;  // source documents, not passages
  // True while nothing was ever written to the database: no document (not
  // even one deleted since) and no run committed. Such an index may be
  // written as shards and merged (search_shards.h).
  bool IsNew() const;

 private:
  struct Impl;
  explicit SearchWriter(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace policygraph::indexer
