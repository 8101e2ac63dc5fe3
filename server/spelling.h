// Did you mean: restoring diacritics from the index's own vocabulary. The
// indexer records, for every word written with diacritics, its folded form
// as a Xapian synonym key ("XAmang" -> "mạng", "màng", ...); a query word
// typed without diacritics is replaced by its most frequent written form.
#pragma once

#include <xapian.h>

#include <string>

#include "server/query_parser.h"

namespace policygraph::server {

// The query with diacritics restored, or "" when nothing would change. Only
// a query typed without any diacritics, mostly of words that have written
// forms with them, is looked at: see WorthSuggesting in spelling.cc.
std::string SuggestSpelling(const Xapian::Database& db, const std::string& query, const ParsedQuery& parsed);

}  // namespace policygraph::server
