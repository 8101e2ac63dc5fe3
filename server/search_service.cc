#include "server/search_service.h"

#include <xapian.h>

#include <chrono>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <set>

#include "indexer/lexicon.h"
#include "indexer/search_schema.h"
#include "server/facet_table.h"
#include "server/query_builder.h"
#include "server/snippet.h"
#include "server/spelling.h"

namespace policygraph::server {

namespace schema = search_schema;
using search_schema::Term;
using nlohmann::json;

namespace {

// This thread's handle on the database at `dir`, reopened so that it sees
// the latest commit.
Xapian::Database& Handle(const std::string& dir) {
  thread_local std::map<std::string, std::unique_ptr<Xapian::Database>> handles;
  auto& handle = handles[dir];
  if (!handle) {
    handle = std::make_unique<Xapian::Database>(dir);
  } else {
    handle->reopen();
  }
  return *handle;
}

json ParseData(const std::string& data) {
  json j = json::parse(data, nullptr, /*allow_exceptions=*/false);
  return j.is_object() ? j : json::object();
}

StoredDocument RecordFromData(const std::string& data) {
  json j = ParseData(data);
  StoredDocument d;
  d.id = j.value("id", "");
  d.title = j.value("title", "");
  d.lang = j.value("lang", "");
  d.date = j.value("date", "");
  d.type = j.value("type", "");
  d.path = j.value("path", "");
  d.text = j.value("text", "");
  d.entities = j.value("entities", std::vector<std::string>{});
  for (const auto& p : j.value("passages", json::array())) {
    if (p.is_array() && p.size() == 3) {
      d.passages.push_back({p[0].get<uint32_t>(), p[1].get<uint32_t>(), p[2].get<std::string>()});
    }
  }
  for (const auto& m : j.value("mentions", json::array())) {
    if (m.is_array() && m.size() == 3) {
      d.mentions.push_back({m[0].get<std::string>(), m[1].get<uint32_t>(), m[2].get<uint32_t>()});
    }
  }
  return d;
}

thread_local PinnedSearchDatabase* pinned = nullptr;

// Milliseconds since `*since`, which moves on to now.
double Lap(std::chrono::steady_clock::time_point* since) {
  const auto now = std::chrono::steady_clock::now();
  const double ms = std::chrono::duration<double, std::milli>(now - *since).count();
  *since = now;
  return ms;
}

// Runs fn(db) on the database pinned on this thread, if any, else on this
// thread's own handle, reopened, retrying once on DatabaseModifiedError (a
// re-index committed twice while we read); other Xapian errors become an
// IOError.
template <typename Fn>
Status WithDatabase(const std::string& dir, Fn fn) {
  if (PinnedSearchDatabase* pin = PinnedSearchDatabase::Current(dir)) {
    try {
      return fn(pin->db());
    } catch (const Xapian::DatabaseModifiedError&) {
      pin->MarkExpired();
      return Status::IOError("search index changed while reading; try again");
    } catch (const Xapian::Error& e) {
      return Status::IOError("search index at " + dir + ": " + e.get_description());
    }
  }
  for (int attempt = 0;; ++attempt) {
    try {
      return fn(Handle(dir));
    } catch (const Xapian::DatabaseModifiedError&) {
      if (attempt >= 1) return Status::IOError("search index changed while reading; try again");
    } catch (const Xapian::DatabaseOpeningError& e) {
      return Status::NotFound("no search index at " + dir + ": " + e.get_msg());
    } catch (const Xapian::Error& e) {
      return Status::IOError("search index at " + dir + ": " + e.get_description());
    }
  }
}

}  // namespace

PinnedSearchDatabase::PinnedSearchDatabase(std::string search_dir, Xapian::Database* db)
    : dir_(std::move(search_dir)), db_(db), previous_(pinned) {
  pinned = this;
}

PinnedSearchDatabase::~PinnedSearchDatabase() {
  // Unlinked wherever it is, in case pins end out of order.
  for (PinnedSearchDatabase** p = &pinned; *p != nullptr; p = &(*p)->previous_) {
    if (*p == this) {
      *p = previous_;
      break;
    }
  }
}

PinnedSearchDatabase* PinnedSearchDatabase::Current(const std::string& search_dir) {
  for (PinnedSearchDatabase* p = pinned; p != nullptr; p = p->previous_) {
    if (p->dir_ == search_dir) return p;
  }
  return nullptr;
}

// The matchers built from the index's lexicon, rebuilt only when a re-index
// changed it. Shared by all threads. It keeps the last two: while a server
// moves to a new generation, requests on the old and the new one run side
// by side for a moment, and would otherwise rebuild them in turn.
class SearchService::LexiconCache {
 public:
  explicit LexiconCache(const indexer::Analyzer& analyzer) : analyzer_(analyzer) {}

  std::shared_ptr<const QueryLexicon> Get(const Xapian::Database& db) {
    const std::string revision = db.get_metadata(schema::kLexiconRevisionKey);
    std::lock_guard<std::mutex> lock(mutex_);
    for (const auto& [r, lexicon] : entries_) {
      if (lexicon && r == revision) return lexicon;
    }
    indexer::Lexicon lexicon;
    if (!indexer::DecodeLexicon(db.get_metadata(schema::kLexiconKey), &lexicon).ok()) lexicon = indexer::Lexicon();
    entries_[1] = std::move(entries_[0]);
    entries_[0] = {revision, std::make_shared<const QueryLexicon>(analyzer_, lexicon)};
    return entries_[0].second;
  }

 private:
  const indexer::Analyzer& analyzer_;
  std::mutex mutex_;
  std::pair<std::string, std::shared_ptr<const QueryLexicon>> entries_[2];  // newest first
};

// Facet tables (facet_table.h), one per revision of the index, built on the
// first search with facets that reads it. Like the lexicons, the last two
// are kept for a server moving between generations.
class SearchService::FacetTableCache {
 public:
  std::shared_ptr<const FacetTable> Get(const Xapian::Database& db) {
    // The uuid tells a database made anew at the same path from the old one.
    const std::string revision = db.get_uuid() + "/" + std::to_string(db.get_revision());
    std::lock_guard<std::mutex> lock(mutex_);
    for (const auto& [r, table] : entries_) {
      if (table && r == revision) return table;
    }
    entries_[1] = std::move(entries_[0]);
    entries_[0] = {revision, FacetTable::Build(db)};
    return entries_[0].second;
  }

 private:
  std::mutex mutex_;
  std::pair<std::string, std::shared_ptr<const FacetTable>> entries_[2];  // newest first
};

SearchService::SearchService(std::string search_dir, const indexer::Analyzer& analyzer)
    : dir_(std::move(search_dir)),
      analyzer_(analyzer),
      lexicons_(std::make_shared<LexiconCache>(analyzer)),
      facet_tables_(std::make_shared<FacetTableCache>()) {}

Status SearchService::CheckIndex(const std::string& search_dir) {
  std::error_code ec;
  if (!std::filesystem::is_directory(search_dir, ec)) {
    return Status::NotFound("no search index at " + search_dir);
  }
  try {
    Xapian::Database db(search_dir);
    const std::string version = db.get_metadata(schema::kSchemaKey);
    if (version != schema::kSchemaVersion) {
      return Status::InvalidArgument("the search index at " + search_dir + " has layout version '" + version +
                                     "', this build reads version " + schema::kSchemaVersion +
                                     "; re-index into a new data directory");
    }
  } catch (const Xapian::Error& e) {
    return Status::NotFound("no usable search index at " + search_dir + ": " + e.get_msg());
  }
  return Status::OK();
}

namespace {

// The documents a match went through, in the order it did.
class DocidSpy : public Xapian::MatchSpy {
 public:
  void operator()(const Xapian::Document& doc, double) override { docids.push_back(doc.get_docid()); }
  std::vector<Xapian::docid> docids;
};

// A second, unranked pass over the same query: ranking weights play no part
// in counting, and keeping the pass apart leaves the ranked one exactly as
// it was (see the note on check_at_least below). What each match counts for
// comes from the revision's FacetTable, not from the documents.
void CountFacets(Xapian::Database& db, const Xapian::Query& query, const FacetTable& table, SearchFacets* facets) {
  Xapian::Enquire enquire(db);
  enquire.set_query(query);
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  enquire.set_docid_order(Xapian::Enquire::ASCENDING);
  DocidSpy spy;
  enquire.add_matchspy(&spy);
  Xapian::MSet mset = enquire.get_mset(0, SearchFacets::kEntitySample, SearchFacets::kFacetSample);
  facets->sampled = spy.docids.size();
  for (Xapian::docid docid : spy.docids) table.CountValues(docid, &facets->lang, &facets->type, &facets->year);
  std::map<std::string, uint64_t> named;
  for (auto it = mset.begin(); it != mset.end(); ++it) table.CountEntities(*it, &named);
  std::vector<std::pair<std::string, uint64_t>> ranked(named.begin(), named.end());
  std::stable_sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  if (ranked.size() > SearchFacets::kMaxEntities) ranked.resize(SearchFacets::kMaxEntities);
  facets->entity = std::move(ranked);
}

}  // namespace

Status SearchService::Search(const SearchRequest& request, SearchResults* results) const {
  auto clock = std::chrono::steady_clock::now();
  ParsedQuery parsed;
  Status s = ParseQuery(analyzer_, request.query, &parsed);
  if (!s.ok()) return s;
  *results = SearchResults();
  results->query = request.query;
  results->offset = request.offset;
  results->limit = request.limit;
  results->grouped = request.group_by_document;
  return WithDatabase(dir_, [&](Xapian::Database& db) {
    std::shared_ptr<const QueryLexicon> lexicon = lexicons_->Get(db);
    const WrittenForms written_forms(db);
    BuiltQuery built = BuildQuery(parsed, lexicon.get(), &written_forms);
    Xapian::Enquire enquire(db);
    enquire.set_query(built.query);
    if (request.group_by_document) enquire.set_collapse_key(schema::kDocSlot, 1);
    // No check_at_least: with it, Xapian 1.4.22 returned different weights
    // for identical passages under these queries (tests/integration/
    // messy_corpus_test.cc caught it), so totals stay estimates.
    Xapian::MSet mset = enquire.get_mset(static_cast<Xapian::doccount>(request.offset),
                                         static_cast<Xapian::doccount>(request.limit));
    results->total = mset.get_matches_estimated();
    results->timings.match = Lap(&clock);
    results->hits.clear();
    const std::set<std::string> entity_ids(built.entity_ids.begin(), built.entity_ids.end());
    const std::set<std::string> concept_ids(built.concept_ids.begin(), built.concept_ids.end());
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      json d = ParseData(it.get_document().get_data());
      SearchHit hit;
      hit.id = d.value("doc", "");
      hit.passage = d.value("n", 0u);
      hit.heading = d.value("heading", "");
      hit.title = d.value("title", "");
      hit.lang = d.value("lang", "");
      hit.date = d.value("date", "");
      hit.type = d.value("type", "");
      hit.begin = d.value("begin", 0u);
      hit.end = d.value("end", 0u);
      hit.score = it.get_weight();
      if (request.group_by_document) hit.more_in_document = it.get_collapse_count();
      const std::string text = d.value("text", "");
      std::vector<indexer::Token> tokens = analyzer_.Tokenize(text);
      std::vector<bool> marked = MarkQueryMatches(tokens, parsed);
      // Highlight the query's entities and concepts wherever this passage
      // names them, in whichever language or alias.
      auto mark_names = [&](const indexer::EntityMatcher& matcher, const std::set<std::string>& ids) {
        if (ids.empty()) return;
        for (const auto& m : matcher.Find(text, tokens)) {
          if (!ids.count(m.entity_id)) continue;
          for (uint32_t k = 0; k < m.token_count; ++k) marked[m.first_token + k] = true;
        }
      };
      mark_names(lexicon->entities(), entity_ids);
      mark_names(lexicon->concepts(), concept_ids);
      hit.snippet = MakeSnippet(text, tokens, marked);
      results->hits.push_back(std::move(hit));
    }
    results->timings.snippets = Lap(&clock);
    if (request.facets) {
      CountFacets(db, built.query, *facet_tables_->Get(db), &results->facets);
      // Below the sample's cap the count is exact, where Xapian's total is
      // an estimate: report the exact one (per passage; grouped totals
      // count documents and stay estimates).
      if (!request.group_by_document && results->facets.sampled < SearchFacets::kFacetSample) {
        results->total = results->facets.sampled;
      }
    }
    results->timings.facets = Lap(&clock);
    results->did_you_mean = SuggestSpelling(db, analyzer_, request.query, parsed);
    results->timings.spelling = Lap(&clock);
    return Status::OK();
  });
}

Status SearchService::GetDocument(const std::string& id, StoredDocument* doc) const {
  return WithDatabase(dir_, [&](Xapian::Database& db) {
    const std::string term = Term(schema::kIdPrefix, id);
    Xapian::PostingIterator it = db.postlist_begin(term);
    if (it == db.postlist_end(term)) return Status::NotFound("no document with id '" + id + "'");
    *doc = RecordFromData(db.get_document(*it).get_data());
    return Status::OK();
  });
}

Status SearchService::DocumentsMentioning(const std::string& entity_id, size_t limit,
                                          std::vector<DocumentRef>* docs) const {
  docs->clear();
  return WithDatabase(dir_, [&](Xapian::Database& db) {
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER,
                                    Xapian::Query(Term(schema::kEntityPrefix, entity_id)),
                                    Xapian::Query(Term(schema::kKindPrefix, schema::kDocKind))));
    enquire.set_docid_order(Xapian::Enquire::ASCENDING);
    enquire.set_sort_by_value(schema::kDateSlot, /*reverse=*/true);  // newest first
    Xapian::MSet mset = enquire.get_mset(0, static_cast<Xapian::doccount>(limit));
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      StoredDocument d = RecordFromData(it.get_document().get_data());
      docs->push_back({d.id, d.title, d.lang, d.date});
    }
    return Status::OK();
  });
}

void SearchService::Warm(const Xapian::Database& db) const {
  lexicons_->Get(db);
  facet_tables_->Get(db);
}

uint64_t SearchService::DocumentCount() const {
  uint64_t count = 0;
  Status s = WithDatabase(dir_, [&](Xapian::Database& db) {
    count = db.get_termfreq(Term(schema::kKindPrefix, schema::kDocKind));
    return Status::OK();
  });
  return s.ok() ? count : 0;
}

}  // namespace policygraph::server
