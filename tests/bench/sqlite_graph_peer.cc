#include "tests/bench/sqlite_graph_peer.h"

#include <filesystem>

namespace policygraph::bench {

namespace {

// "'a', 'b'": relation names as SQL literals, quotes doubled. The filter is
// part of the statement's text (and so of its plan), not a parameter: the
// benchmark runs each filter many times.
std::string QuotedList(const std::vector<std::string>& values) {
  std::string out;
  for (const auto& v : values) {
    if (!out.empty()) out += ", ";
    out += '\'';
    for (char c : v) {
      if (c == '\'') out += '\'';
      out += c;
    }
    out += '\'';
  }
  return out;
}

// The WHERE terms a followed edge `e` must meet.
std::string FilterSql(const EdgeFilter& filter) {
  std::string sql;
  if (filter.min_weight > 1) sql += " AND e.weight >= " + std::to_string(filter.min_weight);
  if (!filter.relations.empty()) sql += " AND e.relation IN (" + QuotedList(filter.relations) + ")";
  return sql;
}

// reach(node, depth): `?1` and every node within `?2` hops of it over
// accepted edges of either direction, breadth first. UNION drops a repeated
// (node, depth) row, not a node seen before at a smaller depth: a CTE has no
// visited set, so a node comes back one layer further out (from the far end
// of each of its edges) and is expanded again. That is the price of the
// recursive CTE, and part of what this peer measures. Two recursive SELECTs
// (SQLite >= 3.34) so that each direction uses its own index; an OR in one
// join would not.
std::string ReachCte(const EdgeFilter& filter) {
  const std::string f = FilterSql(filter);
  return "reach(node, depth) AS ("
         " VALUES(?1, 0)"
         " UNION"
         " SELECT e.target, r.depth + 1 FROM reach AS r JOIN edges AS e ON e.source = r.node"
         "  WHERE r.depth < ?2" + f +
         " UNION"
         " SELECT e.source, r.depth + 1 FROM reach AS r JOIN edges AS e ON e.target = r.node"
         "  WHERE r.depth < ?2" + f +
         ")";
}

constexpr char kPathSeparator = '\x1F';

}  // namespace

Status SqliteGraphPeer::Error(const std::string& what) const {
  return Status::IOError("sqlite: " + what + ": " + (db_ ? sqlite3_errmsg(db_.get()) : "no database"));
}

Status SqliteGraphPeer::Execute(const std::string& sql) {
  char* message = nullptr;
  if (sqlite3_exec(db_.get(), sql.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
    std::string m = message != nullptr ? message : "?";
    sqlite3_free(message);
    return Status::IOError("sqlite: " + sql.substr(0, 60) + ": " + m);
  }
  return Status::OK();
}

Status SqliteGraphPeer::Prepared(const std::string& sql, sqlite3_stmt** statement) {
  auto it = statements_.find(sql);
  if (it == statements_.end()) {
    sqlite3_stmt* raw = nullptr;
    if (sqlite3_prepare_v3(db_.get(), sql.c_str(), static_cast<int>(sql.size()),
                           SQLITE_PREPARE_PERSISTENT, &raw, nullptr) != SQLITE_OK) {
      sqlite3_finalize(raw);
      return Error("prepare " + sql.substr(0, 60));
    }
    it = statements_.emplace(sql, Statement(raw)).first;
  }
  sqlite3_reset(it->second.get());
  sqlite3_clear_bindings(it->second.get());
  *statement = it->second.get();
  return Status::OK();
}

Status SqliteGraphPeer::Build(const SyntheticGraph& graph, const std::string& path) {
  std::error_code ec;
  if (std::filesystem::exists(path, ec)) return Status::InvalidArgument(path + " already exists");
  SqliteGraphPeer peer;
  sqlite3* raw = nullptr;
  const int rc = sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
  peer.db_.reset(raw);  // a handle comes back even on failure
  if (rc != SQLITE_OK) return peer.Error("open " + path);
  Status s = peer.Execute(
      "CREATE TABLE edges(source TEXT NOT NULL, relation TEXT NOT NULL, target TEXT NOT NULL,"
      " weight INTEGER NOT NULL, first_date TEXT NOT NULL, last_date TEXT NOT NULL);"
      "BEGIN");
  if (!s.ok()) return s;
  sqlite3_stmt* insert = nullptr;
  s = peer.Prepared("INSERT INTO edges VALUES (?1, ?2, ?3, ?4, ?5, ?6)", &insert);
  if (!s.ok()) return s;
  for (const auto& e : graph.edges) {
    sqlite3_reset(insert);
    const std::string& src = graph.nodes[e.source].id;
    const std::string& dst = graph.nodes[e.target].id;
    sqlite3_bind_text(insert, 1, src.data(), static_cast<int>(src.size()), SQLITE_STATIC);
    sqlite3_bind_text(insert, 2, kRelations[e.relation], -1, SQLITE_STATIC);
    sqlite3_bind_text(insert, 3, dst.data(), static_cast<int>(dst.size()), SQLITE_STATIC);
    sqlite3_bind_int64(insert, 4, e.weight);
    sqlite3_bind_text(insert, 5, e.first_date.data(), static_cast<int>(e.first_date.size()), SQLITE_STATIC);
    sqlite3_bind_text(insert, 6, e.last_date.data(), static_cast<int>(e.last_date.size()), SQLITE_STATIC);
    if (sqlite3_step(insert) != SQLITE_DONE) return peer.Error("insert");
  }
  // Indexes after the rows: one sort each instead of a B-tree insert per row.
  return peer.Execute(
      "COMMIT;"
      "CREATE INDEX edges_source ON edges(source);"
      "CREATE INDEX edges_target ON edges(target);"
      "ANALYZE");
}

Status SqliteGraphPeer::Open(const std::string& path, size_t cache_mib) {
  statements_.clear();
  sqlite3* raw = nullptr;
  const int rc = sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READWRITE, nullptr);
  db_.reset(raw);
  if (rc != SQLITE_OK) return Error("open " + path);
  // The path query's scratch table lives in memory, not in the database.
  return Execute("PRAGMA cache_size = -" + std::to_string(cache_mib * 1024) +
                 "; PRAGMA temp_store = MEMORY;"
                 " CREATE TEMP TABLE fwd(node TEXT PRIMARY KEY, depth INTEGER NOT NULL) WITHOUT ROWID");
}

Status SqliteGraphPeer::Neighbors(const std::string& start, int depth, const EdgeFilter& filter,
                                  size_t limit, std::vector<std::string>* nodes) {
  nodes->clear();
  sqlite3_stmt* q = nullptr;
  // DISTINCT keeps each node's first (shallowest) row; the LIMIT stops the
  // co-routine as soon as `limit` nodes have come out.
  Status s = Prepared("WITH RECURSIVE " + ReachCte(filter) + " SELECT DISTINCT node FROM reach LIMIT ?3", &q);
  if (!s.ok()) return s;
  sqlite3_bind_text(q, 1, start.data(), static_cast<int>(start.size()), SQLITE_STATIC);
  sqlite3_bind_int(q, 2, depth);
  sqlite3_bind_int64(q, 3, limit == 0 ? -1 : static_cast<int64_t>(limit));
  int rc;
  while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
    nodes->emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(q, 0)),
                        sqlite3_column_bytes(q, 0));
  }
  return rc == SQLITE_DONE ? Status::OK() : Error("neighbours");
}

Status SqliteGraphPeer::ShortestPath(const std::string& from, const std::string& to, int max_hops,
                                     const EdgeFilter& filter, std::vector<std::string>* path) {
  path->clear();
  if (from == to) {
    path->push_back(from);
    return Status::OK();
  }
  const std::string f = FilterSql(filter);
  // 1. The distance: breadth first from `from` up to max_hops - 1, stopping
  // at the first node with an accepted edge to `to` (as graph::ShortestPath
  // stops at the layer before `to`).
  sqlite3_stmt* q = nullptr;
  Status s = Prepared("WITH RECURSIVE " + ReachCte(filter) +
                          ", ends(node) AS ("
                          " SELECT e.target FROM edges AS e WHERE e.source = ?3" + f +
                          " UNION SELECT e.source FROM edges AS e WHERE e.target = ?3" + f +
                          ") SELECT r.depth + 1 FROM reach AS r WHERE r.node IN (SELECT node FROM ends) LIMIT 1",
                      &q);
  if (!s.ok()) return s;
  sqlite3_bind_text(q, 1, from.data(), static_cast<int>(from.size()), SQLITE_STATIC);
  sqlite3_bind_int(q, 2, max_hops - 1);
  sqlite3_bind_text(q, 3, to.data(), static_cast<int>(to.size()), SQLITE_STATIC);
  int rc = sqlite3_step(q);
  if (rc == SQLITE_DONE) return Status::OK();  // no path within max_hops
  if (rc != SQLITE_ROW) return Error("path distance");
  const int distance = sqlite3_column_int(q, 0);
  sqlite3_reset(q);
  if (distance == 1) {
    *path = {from, to};
    return Status::OK();
  }
  // 2. Every node within distance - 1 of `from`, with its distance.
  s = Prepared("DELETE FROM fwd", &q);
  if (!s.ok()) return s;
  if (sqlite3_step(q) != SQLITE_DONE) return Error("path layers: clear");
  s = Prepared("INSERT INTO fwd(node, depth) WITH RECURSIVE " + ReachCte(filter) +
                   " SELECT node, MIN(depth) FROM reach GROUP BY node",
               &q);
  if (!s.ok()) return s;
  sqlite3_bind_text(q, 1, from.data(), static_cast<int>(from.size()), SQLITE_STATIC);
  sqlite3_bind_int(q, 2, distance - 1);
  if (sqlite3_step(q) != SQLITE_DONE) return Error("path layers");
  // 3. Back from `to`, one layer nearer `from` per step; ORDER BY depth
  // makes the queue a priority queue (depth first), so the first row at
  // depth 0 comes after `distance` steps rather than after the whole layer.
  s = Prepared(
      "WITH RECURSIVE walk(node, depth, path) AS ("
      " VALUES(?1, ?2, ?1)"
      " UNION ALL"
      " SELECT f.node, f.depth, f.node || char(31) || w.path FROM walk AS w"
      "  JOIN edges AS e ON e.source = w.node JOIN fwd AS f ON f.node = e.target"
      "  WHERE f.depth = w.depth - 1" + f +
      " UNION ALL"
      " SELECT f.node, f.depth, f.node || char(31) || w.path FROM walk AS w"
      "  JOIN edges AS e ON e.target = w.node JOIN fwd AS f ON f.node = e.source"
      "  WHERE f.depth = w.depth - 1" + f +
      " ORDER BY 2"
      ") SELECT path FROM walk WHERE depth = 0 LIMIT 1",
      &q);
  if (!s.ok()) return s;
  sqlite3_bind_text(q, 1, to.data(), static_cast<int>(to.size()), SQLITE_STATIC);
  sqlite3_bind_int(q, 2, distance);
  rc = sqlite3_step(q);
  if (rc == SQLITE_DONE) {
    return Status::Corruption("sqlite: the walk from " + to + " found no path of the distance " +
                              std::to_string(distance) + " the first query measured");
  }
  if (rc != SQLITE_ROW) return Error("path walk");
  const std::string joined(reinterpret_cast<const char*>(sqlite3_column_text(q, 0)),
                           sqlite3_column_bytes(q, 0));
  sqlite3_reset(q);
  size_t begin = 0;
  for (size_t end; (end = joined.find(kPathSeparator, begin)) != std::string::npos; begin = end + 1) {
    path->push_back(joined.substr(begin, end - begin));
  }
  path->push_back(joined.substr(begin));
  return Status::OK();
}

}  // namespace policygraph::bench
