// Did you mean: restoring diacritics from the index's own vocabulary. The
// indexer records, for every word written with diacritics, its folded form
// as a Xapian synonym key ("XAmang" -> "mạng", "màng", ...); a query typed
// without diacritics gets the sequence of written forms that is most
// frequent, word by word and pair by pair (the pairs read from a sample of
// the passages holding them).
#pragma once

#include <xapian.h>

#include <string>

#include "indexer/analyzer.h"
#include "server/query_parser.h"

namespace policygraph::server {

// The query with diacritics restored, or "" when nothing would change. Only
// a query typed without any diacritics, mostly of words that have written
// forms with them, is looked at: see WorthSuggesting in spelling.cc.
// The analyser reads the passages that show which written forms the corpus
// puts side by side.
std::string SuggestSpelling(const Xapian::Database& db, const indexer::Analyzer& analyzer, const std::string& query,
                            const ParsedQuery& parsed);

}  // namespace policygraph::server
