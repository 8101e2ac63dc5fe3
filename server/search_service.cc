#include "server/search_service.h"

#include <xapian.h>

#include <filesystem>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>

#include "indexer/search_schema.h"
#include "server/snippet.h"

namespace policygraph::server {

namespace schema = search_schema;

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

std::string TermFor(const QueryTerm& t) {
  return t.match_folded ? schema::kFoldedPrefix + t.folded : t.exact;
}

Xapian::Query ClauseQuery(const QueryClause& clause) {
  if (clause.terms.size() == 1) return Xapian::Query(TermFor(clause.terms[0]));
  std::vector<Xapian::Query> parts;
  for (const auto& t : clause.terms) parts.emplace_back(TermFor(t));
  return Xapian::Query(Xapian::Query::OP_PHRASE, parts.begin(), parts.end(),
                       static_cast<Xapian::termcount>(parts.size()));
}

Xapian::Query BuildQuery(const ParsedQuery& parsed) {
  std::vector<Xapian::Query> positive, negative;
  for (const auto& c : parsed.clauses) (c.excluded ? negative : positive).push_back(ClauseQuery(c));
  Xapian::Query q(Xapian::Query::OP_AND, positive.begin(), positive.end());
  if (!negative.empty()) {
    q = Xapian::Query(Xapian::Query::OP_AND_NOT, q,
                      Xapian::Query(Xapian::Query::OP_OR, negative.begin(), negative.end()));
  }
  return q;
}

StoredDocument FromData(const std::string& data) {
  StoredDocument d;
  auto j = nlohmann::json::parse(data, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object()) return d;
  d.id = j.value("id", "");
  d.title = j.value("title", "");
  d.lang = j.value("lang", "");
  d.date = j.value("date", "");
  d.type = j.value("type", "");
  d.path = j.value("path", "");
  d.text = j.value("text", "");
  d.entities = j.value("entities", std::vector<std::string>{});
  return d;
}

// Runs fn(db), retrying once on DatabaseModifiedError (a re-index committed
// twice while we read); other Xapian errors become an IOError.
template <typename Fn>
Status WithDatabase(const std::string& dir, Fn fn) {
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

SearchService::SearchService(std::string search_dir, const indexer::Analyzer& analyzer)
    : dir_(std::move(search_dir)), analyzer_(analyzer) {}

Status SearchService::CheckIndex(const std::string& search_dir) {
  std::error_code ec;
  if (!std::filesystem::is_directory(search_dir, ec)) {
    return Status::NotFound("no search index at " + search_dir);
  }
  try {
    Xapian::Database db(search_dir);
    (void)db.get_doccount();
  } catch (const Xapian::Error& e) {
    return Status::NotFound("no usable search index at " + search_dir + ": " + e.get_msg());
  }
  return Status::OK();
}

Status SearchService::Search(const SearchRequest& request, SearchResults* results) const {
  ParsedQuery parsed;
  Status s = ParseQuery(analyzer_, request.query, &parsed);
  if (!s.ok()) return s;
  *results = SearchResults();
  results->query = request.query;
  results->offset = request.offset;
  results->limit = request.limit;
  return WithDatabase(dir_, [&](Xapian::Database& db) {
    Xapian::Enquire enquire(db);
    enquire.set_query(BuildQuery(parsed));
    Xapian::MSet mset = enquire.get_mset(static_cast<Xapian::doccount>(request.offset),
                                         static_cast<Xapian::doccount>(request.limit), 1000);
    results->total = mset.get_matches_estimated();
    results->hits.clear();
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      StoredDocument d = FromData(it.get_document().get_data());
      SearchHit hit{d.id, d.title, d.lang, d.date, d.type, it.get_weight(), ""};
      hit.snippet = MakeSnippet(d.text, analyzer_.Tokenize(d.text), parsed);
      results->hits.push_back(std::move(hit));
    }
    return Status::OK();
  });
}

Status SearchService::GetDocument(const std::string& id, StoredDocument* doc) const {
  return WithDatabase(dir_, [&](Xapian::Database& db) {
    Xapian::PostingIterator it = db.postlist_begin(schema::kIdPrefix + id);
    if (it == db.postlist_end(schema::kIdPrefix + id)) {
      return Status::NotFound("no document with id '" + id + "'");
    }
    *doc = FromData(db.get_document(*it).get_data());
    return Status::OK();
  });
}

Status SearchService::DocumentsMentioning(const std::string& entity_id, size_t limit,
                                          std::vector<DocumentRef>* docs) const {
  docs->clear();
  return WithDatabase(dir_, [&](Xapian::Database& db) {
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query(schema::kEntityPrefix + entity_id));
    enquire.set_docid_order(Xapian::Enquire::ASCENDING);
    enquire.set_sort_by_value(schema::kDateSlot, /*reverse=*/true);  // newest first
    Xapian::MSet mset = enquire.get_mset(0, static_cast<Xapian::doccount>(limit));
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      StoredDocument d = FromData(it.get_document().get_data());
      docs->push_back({d.id, d.title, d.lang, d.date});
    }
    return Status::OK();
  });
}

uint64_t SearchService::DocumentCount() const {
  uint64_t count = 0;
  Status s = WithDatabase(dir_, [&](Xapian::Database& db) {
    count = db.get_doccount();
    return Status::OK();
  });
  return s.ok() ? count : 0;
}

}  // namespace policygraph::server
