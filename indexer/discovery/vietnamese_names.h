// Rule 2: Vietnamese names led by a head word ("Luật An ninh mạng", "Ủy ban
// …", "Hiệp định …"), and capitalised names after a lower-case head word
// used as a common noun ("chiến lược Cổng Toàn cầu (Global Gateway)").
//
// An unquoted Vietnamese name capitalises only some of its syllables, so
// where it ends is read from the sentence: a parenthesis, a quote,
// punctuation or a predicate word ends it. Where that leaves doubt the
// candidate carries its other possible ends, and the whole text decides
// (ReadNamesFromText in resolve.h).
#pragma once

#include <vector>

#include "indexer/discovery/candidate.h"
#include "indexer/discovery/line.h"
#include "indexer/discovery/vietnamese_words.h"

namespace policygraph::indexer::discovery {

// Names that start with a capitalised head word (kVietnameseHeads), typed
// by it; a company head followed by a Latin-script name takes just that
// name ("Công ty Nanogen nộp …").
void FindVietnameseHeaded(Line& line, const VietnameseLists& lists, std::vector<Candidate>& out);

// "chiến lược Cổng Toàn cầu (Global Gateway)": a lower-case head word used
// as a common noun before a capitalised name that a translation or acronym
// follows. The name is the capitalised run; the head gives its type.
void FindAfterLowercaseHead(Line& line, const VietnameseLists& lists, std::vector<Candidate>& out);

}  // namespace policygraph::indexer::discovery
