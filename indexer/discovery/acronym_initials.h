// Rule 4: a capitalised run whose initials spell the acronym in the
// parentheses after it ("Internet World Stats (IWS)", "Bangko Sentral ng
// Pilipinas (BSP)"); letters compare without their accents (Đ as D).
#pragma once

#include <vector>

#include "indexer/discovery/candidate.h"
#include "indexer/discovery/line.h"
#include "indexer/discovery/vietnamese_words.h"

namespace policygraph::indexer::discovery {

// `name_ends_before[i]` says that another rule's candidate ends right
// before piece i: the parenthesis there already belongs to that name.
void FindAcronymInitials(Line& line, const VietnameseLists& lists, const std::vector<bool>& name_ends_before,
                         std::vector<Candidate>& out);

}  // namespace policygraph::indexer::discovery
