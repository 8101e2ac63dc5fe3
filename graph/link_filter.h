// Which links a traversal may follow: the filters of the graph explorer.
#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <string_view>

#include "graph/graph_types.h"

namespace policygraph::graph {

struct LinkFilter {
  std::set<std::string> relations;     // empty: every relation
  std::set<std::string> entity_types;  // types of the nodes reached; empty: every type
  // ISO dates or prefixes ("2021", "2022-06"); an edge passes when its
  // [first_date, last_date] overlaps [date_from, date_to]. Edges without a
  // date pass only when both bounds are empty.
  std::string date_from;
  std::string date_to;
  uint32_t min_weight = 1;  // supporting documents

  bool Accepts(const EdgeSummary& edge) const;
  // The same test on an edge's fields, the relation aside (callers test it
  // once per relation rather than per edge).
  bool AcceptsWeightAndDates(uint32_t weight, std::string_view first_date,
                             std::string_view last_date) const;
  bool AcceptsNode(const Node& node) const;
};

}  // namespace policygraph::graph
