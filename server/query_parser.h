// The query language, parsed into a small tree of our own (no Xapian types),
// so that it is a pure function of its input and tested from tables.
//
//   words               ranked by how many match, and how closely (typed
//                       with diacritics = exactly those; without = either)
//   "a quoted phrase"   must match, words in this order, adjacent
//   -word, -"phrase"    must not match
//   a OR b              either (OR in capitals, between two items)
//   word*               words starting with "word" (autocomplete)
//   lang:vi             vi, en or other (the passage's language)
//   year:2022           year:2020..2023 for a range
//   type:law            the document's type
//   entity:china        passages mentioning the entity
//   title:word          title:"phrase" — words of the document's title
// A filter may be negated: -lang:en. Unknown "name:value" is plain text.
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
  size_t begin = 0;  // byte span of the word in the query, for did-you-mean
  size_t end = 0;
};

struct QueryClause {
  std::vector<QueryTerm> terms;  // more than one: matched as a phrase
  bool excluded = false;
  bool quoted = false;            // a phrase the user asked for: required
  bool prefix = false;            // the last term is a prefix (word*)
  bool title = false;             // title:...: matched against titles only
  bool or_with_previous = false;  // joined to the clause before by OR
};

struct QueryFilter {
  std::string field;  // lang, year, type, entity
  std::string value;  // for year ranges, the first year
  std::string until;  // for year ranges, the last year; "" otherwise
  bool excluded = false;
};

struct ParsedQuery {
  std::vector<QueryClause> clauses;
  std::vector<QueryFilter> filters;
};

// Longest query accepted, in bytes.
constexpr size_t kMaxQueryBytes = 1024;
// Shortest prefix for word*, in bytes after folding: shorter ones match
// too much to be useful.
constexpr size_t kMinPrefixBytes = 2;

// InvalidArgument with a message for the user on an empty, over-long,
// malformed or unbalanced query, or a filter with a bad value. On error
// *out is left empty.
Status ParseQuery(const indexer::Analyzer& analyzer, std::string_view query, ParsedQuery* out);

}  // namespace policygraph::server
