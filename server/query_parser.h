// The query language, parsed into a small tree of our own (no Xapian types),
// so that it is a pure function of its input and tested from tables.
//
//   words               all must match (diacritics typed = exact; none typed
//                       = either form)
//   "a quoted phrase"   the words in this order, adjacent
//   -word, -"phrase"    must not match
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "graph/status.h"
#include "indexer/analyzer.h"

namespace policygraph::server {

struct QueryTerm {
  std::string exact;
  std::string folded;
  // True when the user typed no diacritics (exact == folded): the term then
  // matches the folded form, i.e. text with or without diacritics.
  bool match_folded = false;
};

struct QueryClause {
  std::vector<QueryTerm> terms;  // more than one: matched as a phrase
  bool excluded = false;
  bool quoted = false;
};

struct ParsedQuery {
  std::vector<QueryClause> clauses;
};

// Longest query accepted, in bytes.
constexpr size_t kMaxQueryBytes = 1024;

// InvalidArgument with a message for the user on an empty, over-long,
// malformed or unbalanced query.
Status ParseQuery(const indexer::Analyzer& analyzer, std::string_view query, ParsedQuery* out);

}  // namespace policygraph::server
