// Personal names: after an office title ("Bộ trưởng Bộ Công Thương Nguyễn
// Hồng Diên", "President Joe Biden"), a form of address or an academic
// title ("ông", "PGS.TS"), or before a comma and a role ("Lee Yam Ming, the
// AHA Centre's executive director"). The Vietnamese name rule asks the same
// tests where a person's name follows an organisation's.
#pragma once

#include <cstddef>
#include <vector>

#include "indexer/discovery/candidate.h"
#include "indexer/discovery/line.h"
#include "indexer/discovery/vietnamese_words.h"

namespace policygraph::indexer::discovery {

// Whether the word at `i` is a capitalised common Vietnamese family name.
bool IsSurname(Line& line, size_t i);

// The last word of a personal name starting at `i`: 1-3 more capitalised
// words, then the name must end (a lower-case word, punctuation, the line's
// end). 0 when there is none.
size_t PersonNameEnd(Line& line, size_t i, const VietnameseLists& lists);

// A Vietnamese office title ("Bộ trưởng", "Thủ tướng", "Chủ tịch") within
// the `window` words before `i`.
bool TitleBefore(Line& line, size_t i, const VietnameseLists& lists, size_t window);

// The persons named in the line, typed "person".
void FindPersons(Line& line, const VietnameseLists& lists, std::vector<Candidate>& out);

}  // namespace policygraph::indexer::discovery
