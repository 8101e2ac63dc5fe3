#include "graph/link_filter.h"

#include <algorithm>
#include <string_view>

namespace policygraph::graph {

namespace {

// Compares two ISO dates or date prefixes ("2022", "2022-06", "2022-06-15")
// at the coarser of their two precisions: a date written "2022" stands for
// the whole year, so it neither precedes nor follows "2022-06". Returns <0,
// 0 or >0 like std::string::compare.
int CompareAtCommonPrecision(std::string_view a, std::string_view b) {
  const size_t n = std::min(a.size(), b.size());
  return a.substr(0, n).compare(b.substr(0, n));
}

}  // namespace

bool LinkFilter::Accepts(const EdgeSummary& edge) const {
  if (!relations.empty() && !relations.count(edge.key.relation)) return false;
  return AcceptsWeightAndDates(edge.weight, edge.first_date, edge.last_date);
}

bool LinkFilter::AcceptsWeightAndDates(uint32_t weight, std::string_view first_date,
                                       std::string_view last_date) const {
  if (weight < min_weight) return false;
  if (date_from.empty() && date_to.empty()) return true;
  // The store sets both dates or neither; an undated edge cannot be placed
  // in a date range.
  if (first_date.empty() || last_date.empty()) return false;
  // [first_date, last_date] overlaps [date_from, date_to] unless it starts
  // after the range ends or ends before the range starts.
  if (!date_to.empty() && CompareAtCommonPrecision(first_date, date_to) > 0) return false;
  if (!date_from.empty() && CompareAtCommonPrecision(last_date, date_from) < 0) return false;
  return true;
}

bool LinkFilter::AcceptsNode(const Node& node) const {
  return entity_types.empty() || entity_types.count(node.type) > 0;
}

}  // namespace policygraph::graph
