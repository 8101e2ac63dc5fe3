// SQLite FTS5 as a peer: the unicode61 tokenizer with diacritics removed
// (remove_diacritics 2 also strips them from letters Unicode does not
// decompose), and every query word quoted and ORed, ranked by BM25 — the
// set-up ../shared/eval/README.md measured.
#include <sqlite3.h>

#include <filesystem>

#include "server/eval_systems.h"

namespace policygraph::server {

namespace fs = std::filesystem;

namespace {

// sqlite3_stmt with finalize on every exit path.
struct StatementCloser {
  void operator()(sqlite3_stmt* statement) const { sqlite3_finalize(statement); }
};
using Statement = std::unique_ptr<sqlite3_stmt, StatementCloser>;

struct DatabaseCloser {
  void operator()(sqlite3* db) const { sqlite3_close(db); }
};

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f';
}

// "a b\"c" -> "\"a\" OR \"b\"\"c\"": each word an FTS5 string, so that no
// character in a user's query is read as FTS5 syntax.
std::string OrOfQuotedWords(const std::string& query) {
  std::string match;
  size_t i = 0;
  while (i < query.size()) {
    while (i < query.size() && IsSpace(query[i])) ++i;
    if (i == query.size()) break;
    if (!match.empty()) match += " OR ";
    match.push_back('"');
    for (; i < query.size() && !IsSpace(query[i]); ++i) {
      if (query[i] == '"') match.push_back('"');
      match.push_back(query[i]);
    }
    match.push_back('"');
  }
  return match;
}

class SqliteFts5System : public SearchSystem {
 public:
  explicit SqliteFts5System(const std::string& work_dir)
      : path_((fs::path(work_dir) / "sqlite-fts5.db").string()) {}

  std::string name() const override { return "sqlite-fts5"; }

  Status Index(const std::vector<EvalDocument>& documents) override {
    std::error_code ec;
    if (fs::exists(path_, ec)) {
      return Status::InvalidArgument(path_ + " already exists; remove it or choose another --work");
    }
    sqlite3* raw = nullptr;
    const int rc =
        sqlite3_open_v2(path_.c_str(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    db_.reset(raw);  // sqlite3_open_v2 hands out a handle even on failure
    if (rc != SQLITE_OK) return Error("cannot open");
    Status s = Execute(
        "CREATE VIRTUAL TABLE docs USING fts5(id UNINDEXED, body, "
        "tokenize='unicode61 remove_diacritics 2')");
    if (!s.ok()) return s;
    s = Execute("BEGIN");
    if (!s.ok()) return s;
    Statement insert;
    s = Prepare("INSERT INTO docs (id, body) VALUES (?1, ?2)", &insert);
    if (!s.ok()) return s;
    for (const auto& d : documents) {
      sqlite3_bind_text(insert.get(), 1, d.id.data(), static_cast<int>(d.id.size()), SQLITE_STATIC);
      sqlite3_bind_text(insert.get(), 2, d.text.data(), static_cast<int>(d.text.size()),
                        SQLITE_STATIC);
      if (sqlite3_step(insert.get()) != SQLITE_DONE)
        return Error("cannot insert " + d.id + " into");
      sqlite3_reset(insert.get());
    }
    insert.reset();
    s = Execute("COMMIT");
    if (!s.ok()) return s;
    return Prepare("SELECT id FROM docs WHERE docs MATCH ?1 ORDER BY rank LIMIT ?2", &search_);
  }

  Status Search(const std::string& query, size_t k, std::vector<std::string>* ids) override {
    ids->clear();
    if (!search_) return Status::IOError("sqlite-fts5: Search() before Index()");
    const std::string match = OrOfQuotedWords(query);
    if (match.empty()) return Status::InvalidArgument("sqlite-fts5: the query has no words");
    sqlite3_stmt* st = search_.get();
    sqlite3_reset(st);
    sqlite3_bind_text(st, 1, match.data(), static_cast<int>(match.size()), SQLITE_TRANSIENT);
    sqlite3_bind_int64(st, 2, static_cast<sqlite3_int64>(k));
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
      const auto* id = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
      ids->emplace_back(id, static_cast<size_t>(sqlite3_column_bytes(st, 0)));
    }
    if (rc != SQLITE_DONE) {
      // A MATCH expression FTS5 cannot read is the query's fault, not the index's.
      std::string why = sqlite3_errmsg(db_.get());
      sqlite3_reset(st);
      ids->clear();
      return Status::InvalidArgument("sqlite-fts5 rejects " + match + ": " + why);
    }
    return Status::OK();
  }

 private:
  Status Error(const std::string& what) const {
    return Status::IOError("sqlite-fts5: " + what + " " + path_ + ": " +
                           (db_ ? sqlite3_errmsg(db_.get()) : "out of memory"));
  }

  Status Execute(const char* sql) {
    char* message = nullptr;
    if (sqlite3_exec(db_.get(), sql, nullptr, nullptr, &message) == SQLITE_OK) return Status::OK();
    std::string why = message != nullptr ? message : "unknown error";
    sqlite3_free(message);
    std::string text("sqlite-fts5: ");
    text.append(sql).append(" on ").append(path_).append(": ").append(why);
    return Status::IOError(text);
  }

  Status Prepare(const char* sql, Statement* statement) {
    sqlite3_stmt* raw = nullptr;
    if (sqlite3_prepare_v2(db_.get(), sql, -1, &raw, nullptr) != SQLITE_OK) {
      return Error(std::string("cannot prepare '") + sql + "' on");
    }
    statement->reset(raw);
    return Status::OK();
  }

  std::string path_;
  // Declared before the statement so that it is closed after it.
  std::unique_ptr<sqlite3, DatabaseCloser> db_;
  Statement search_;
};

}  // namespace

std::unique_ptr<SearchSystem> MakeSqliteFts5System(const std::string& work_dir) {
  return std::make_unique<SqliteFts5System>(work_dir);
}

}  // namespace policygraph::server
