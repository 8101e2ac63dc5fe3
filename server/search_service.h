// SearchService: queries the Xapian database written by the indexer.
//
// Thread safety: Xapian database handles are not thread-safe, so each thread
// gets its own handle (reopened on every call, so that a committed re-index
// is seen); one SearchService may be shared by all server threads. The
// server instead pins each request to one handle held at one revision
// (PinnedSearchDatabase below, server/serving_index.h), so that a request's
// calls all read the same commit.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "graph/status.h"
#include "indexer/analyzer.h"
#include "server/query_parser.h"

namespace Xapian {
class Database;
}

namespace policygraph::server {

// While one lives on a thread, every SearchService call on that thread for
// `search_dir` reads `db` as it is, without reopening it: one request, one
// revision of the index. A Xapian DatabaseModifiedError (the writer has
// moved two commits past the revision `db` holds) is then not retried on a
// newer revision, which would mix two within a request, but fails the call
// and marks the pin expired, for the caller to run the request again.
class PinnedSearchDatabase {
 public:
  PinnedSearchDatabase(std::string search_dir, Xapian::Database* db);
  ~PinnedSearchDatabase();
  PinnedSearchDatabase(const PinnedSearchDatabase&) = delete;
  PinnedSearchDatabase& operator=(const PinnedSearchDatabase&) = delete;

  bool expired() const { return expired_; }

  // The pin on this thread for `search_dir`, or nullptr.
  static PinnedSearchDatabase* Current(const std::string& search_dir);
  Xapian::Database& db() const { return *db_; }
  void MarkExpired() { expired_ = true; }

 private:
  std::string dir_;
  Xapian::Database* db_;
  bool expired_ = false;
  PinnedSearchDatabase* previous_;  // pins nest, innermost first
};

struct SearchRequest {
  std::string query;
  size_t limit = 10;   // hits per page
  size_t offset = 0;   // hits to skip
  // One hit per document (its best passage) instead of one per passage.
  bool group_by_document = false;
  // Count facets (a second, unranked pass over the matches). Default: false.
  bool facets = false;
};

// A hit is a passage: the paragraph or clause that answers, in its document.
struct SearchHit {
  std::string id;  // the document's id
  uint32_t passage = 0;       // index of the passage in the document
  std::string heading;        // the section or article it sits under
  std::string title, lang, date, type;
  double score = 0;
  std::string snippet;        // HTML-escaped, matches in <mark>
  uint32_t begin = 0, end = 0;  // the passage's byte span in the document
  uint64_t more_in_document = 0;  // with grouping: other matching passages
};

// Counts over the matching passages, for narrowing a search: per language,
// year, document type, and the entities they name. Computed on up to
// kFacetSample matches (all of them for most queries); `sampled` says how
// many were looked at.
struct SearchFacets {
  std::map<std::string, uint64_t> lang, year, type;
  std::vector<std::pair<std::string, uint64_t>> entity;  // most named first
  uint64_t sampled = 0;
  static constexpr unsigned kFacetSample = 2000;
  static constexpr unsigned kEntitySample = 200;  // passages whose entities are counted
  static constexpr size_t kMaxEntities = 20;
};

// Where a search spent its time, in milliseconds: for benchmarks and logs,
// not part of the API's answer.
struct SearchTimings {
  double match = 0;     // parsing, building the query, the ranked match
  double snippets = 0;  // reading, tokenising and highlighting the hits
  double facets = 0;
  double spelling = 0;  // did-you-mean
};

struct SearchResults {
  std::string query;
  uint64_t total = 0;  // Xapian's estimate of matching passages (or documents, grouped)
  size_t offset = 0;
  size_t limit = 0;
  bool grouped = false;
  std::string did_you_mean;  // "" when the query looks right
  std::vector<SearchHit> hits;
  SearchFacets facets;
  SearchTimings timings;
};

struct PassageSpan {
  uint32_t begin = 0, end = 0;
  std::string heading;
};

struct EntityMentionSpan {
  std::string entity;
  uint32_t begin = 0, end = 0;  // UTF-8 byte offsets into the text
};

struct StoredDocument {
  std::string id, title, lang, date, type, path, text;
  std::vector<std::string> entities;
  std::vector<PassageSpan> passages;
  std::vector<EntityMentionSpan> mentions;  // in text order
};

struct DocumentRef {
  std::string id, title, lang, date;
};

class SearchService {
 public:
  // `search_dir` is DATA/search. The analyser must outlive the service.
  SearchService(std::string search_dir, const indexer::Analyzer& analyzer);

  // OK when a search database of this build's layout can be opened at
  // `search_dir`; NotFound when there is none; InvalidArgument when it was
  // written by a build with another layout (re-index).
  static Status CheckIndex(const std::string& search_dir);

  // InvalidArgument for a malformed query (the message is for the user).
  Status Search(const SearchRequest& request, SearchResults* results) const;
  Status GetDocument(const std::string& id, StoredDocument* doc) const;
  Status DocumentsMentioning(const std::string& entity_id, size_t limit,
                             std::vector<DocumentRef>* docs) const;
  uint64_t DocumentCount() const;

  // Builds what searches of `db`'s revision share (the lexicon's matchers,
  // the facet table) if it is not built yet. Searches build it themselves
  // when it is missing; a server calls this before serving a new
  // generation (ServingIndex::Options::warm). Throws Xapian::Error.
  void Warm(const Xapian::Database& db) const;

 private:
  class LexiconCache;
  class FacetTableCache;
  std::string dir_;
  const indexer::Analyzer& analyzer_;
  std::shared_ptr<LexiconCache> lexicons_;
  std::shared_ptr<FacetTableCache> facet_tables_;
};

}  // namespace policygraph::server
