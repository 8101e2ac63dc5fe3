// Other names of the same entity read from the name itself: without its
// ordinal (how a text goes on to refer to the same meeting) and without a
// leading "The".
#pragma once

#include "indexer/discovery/candidate.h"
#include "indexer/discovery/line.h"
#include "indexer/discovery/vietnamese_words.h"

namespace policygraph::indexer::discovery {

// Variants without an ordinal ("Lần thứ 3", "lần thứ hai", "Third") and
// without a leading "The".
void AddVariants(Line& line, Candidate& c, const VietnameseLists& lists);

}  // namespace policygraph::indexer::discovery
