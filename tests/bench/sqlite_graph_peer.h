// The SQLite peer of the graph benchmark (issue 6): the same edges in one
// table, edges(source, relation, target, weight, first_date, last_date),
// indexed on source and on target, and the graph queries written as
// recursive CTEs (WITH RECURSIVE ... UNION ..., a depth bound, LIMIT).
//
// The CTEs run as SQLite co-routines: rows leave the recursive table in the
// order they entered it (breadth first), and an outer LIMIT stops the
// recursion as soon as it is met. Both queries rely on that.
#pragma once

#include <sqlite3.h>

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "graph/status.h"
#include "tests/bench/synthetic_graph.h"

namespace policygraph::bench {

class SqliteGraphPeer {
 public:
  // Writes `graph`'s edges into a new database at `path`: one transaction,
  // then the two indexes, then ANALYZE (the planner's statistics).
  static Status Build(const SyntheticGraph& graph, const std::string& path);

  // Opens a database Build wrote, with a page cache of `cache_mib`.
  Status Open(const std::string& path, size_t cache_mib);

  // Nodes within `depth` hops of `start` over edges of either direction that
  // `filter` accepts: the start first, then breadth first, at most `limit`
  // nodes (0: all). When capped, every layer but the last is complete, as
  // graph::Neighbors guarantees; which nodes of the last layer make the cut
  // differs (policygraph takes the strongest links first).
  Status Neighbors(const std::string& start, int depth, const EdgeFilter& filter, size_t limit,
                   std::vector<std::string>* nodes);

  // One shortest path from `from` to `to` within `max_hops` over accepted
  // edges of either direction: its nodes, from ... to; empty when there is
  // none. Which of several shortest paths is unspecified (policygraph takes
  // the strongest). Three statements: the distance (the breadth-first CTE
  // stopping at the first node linked to `to`), the nodes within distance-1
  // of `from` with their distance (into a temporary table), and a walk back
  // from `to` through them, depth first, stopping at the first complete path.
  Status ShortestPath(const std::string& from, const std::string& to, int max_hops,
                      const EdgeFilter& filter, std::vector<std::string>* path);

 private:
  struct StatementCloser {
    void operator()(sqlite3_stmt* s) const { sqlite3_finalize(s); }
  };
  struct DatabaseCloser {
    void operator()(sqlite3* db) const { sqlite3_close(db); }
  };
  using Statement = std::unique_ptr<sqlite3_stmt, StatementCloser>;

  // The prepared statement for `sql`, prepared once and reset for reuse.
  Status Prepared(const std::string& sql, sqlite3_stmt** statement);
  Status Execute(const std::string& sql);
  Status Error(const std::string& what) const;

  std::unique_ptr<sqlite3, DatabaseCloser> db_;
  std::map<std::string, Statement> statements_;
};

}  // namespace policygraph::bench
