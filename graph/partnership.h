// The partnership matrix: outside partners (the US, China, the EU, Japan ...)
// against ASEAN and each of its members, with the strength of their links per
// year; and the timeline of one pair.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "graph/graph_store.h"
#include "graph/link_filter.h"

namespace policygraph::graph {

struct PartnershipRequest {
  std::vector<std::string> partners;  // row entity ids; a repeated id is shown once
  std::vector<std::string> members;   // column entity ids; likewise
  // Relations and min_weight select the edges between a pair (min_weight
  // compares each edge's all-time weight); the date range then selects their
  // evidence, one sentence at a time. entity_types is not used. co_mention is
  // an ordinary relation: leave it out of `relations` to count typed links only.
  LinkFilter filter;
};

struct PartnershipCell {
  std::string partner;
  std::string member;
  // Distinct documents with evidence for the pair (edges of either direction)
  // dated within the range; undated evidence counts only without a range.
  uint32_t weight = 0;
  uint32_t evidence_count = 0;  // those sentences
  // "2022" -> documents with evidence dated that year (the date's first four
  // characters); undated evidence is in no year, so the years may sum to less
  // than `weight`, and a document with evidence in two years counts in both.
  std::map<std::string, uint32_t> by_year;
  std::vector<std::string> relations;  // sorted; relations with evidence counted above
};

struct PartnershipMatrix {
  std::vector<std::string> partners;
  std::vector<std::string> members;
  std::vector<PartnershipCell> cells;  // only pairs with weight > 0, row by row
};

// NotFound names the first id that is not an entity; InvalidArgument when
// partners or members is empty. Cost: one EdgesOf per partner, then every
// piece of evidence of the accepted edges between the pairs.
Status BuildPartnershipMatrix(const GraphStore& store, const PartnershipRequest& request,
                              PartnershipMatrix* out);

struct TimelineEntry {
  std::string date;  // ISO, as precise as the evidence
  std::string relation;
  std::string source;
  std::string target;
  Evidence evidence;
};

// The evidence between a and b (either direction, every relation the filter
// accepts, dated within its range by the same rule as the matrix, so a cell's
// evidence_count is the length of its pair's timeline), oldest first, undated
// evidence last; ties by document and offset. `limit` keeps the oldest.
// NotFound when a or b is not an entity.
Status PairTimeline(const GraphStore& store, const std::string& a, const std::string& b,
                    const LinkFilter& filter, size_t limit, std::vector<TimelineEntry>* out);

}  // namespace policygraph::graph
