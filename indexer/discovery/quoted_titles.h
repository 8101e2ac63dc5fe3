// Rule 1: quoted titles (“Chiến lược …”, Đề án “…”, "Smart Nation
// Initiative"), typed by a head word inside or just before the quotes, and
// kept without one only when they read as a short title. Quoted ordinary
// phrases, sentences, honours and defined terms are not names.
#pragma once

#include <cstddef>
#include <utility>
#include <vector>

#include "indexer/discovery/candidate.h"
#include "indexer/discovery/line.h"
#include "indexer/discovery/vietnamese_words.h"

namespace policygraph::indexer::discovery {

// Quoted titles go to `out`; quoted terms being defined ("“X” means …")
// go to `defined`, whose words no other rule may take for a name.
void FindQuoted(Line& line, const VietnameseLists& lists, std::vector<Candidate>& out,
                std::vector<std::pair<size_t, size_t>>& defined);

}  // namespace policygraph::indexer::discovery
