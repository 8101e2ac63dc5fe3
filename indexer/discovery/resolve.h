// Deciding between readings: within a line, which of the overlapping
// candidates the rules proposed is kept; over the whole text, which reading
// of an unquoted Vietnamese name whose end is in doubt is the name.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "indexer/discovery/candidate.h"
#include "indexer/discovery/line.h"
#include "indexer/entity_discovery.h"

namespace policygraph::indexer::discovery {

// Keeps the surest (then longest) of overlapping candidates and drops a
// candidate that is another's alias; the rest in text order.
std::vector<Candidate> Resolve(const Line& line, std::vector<Candidate> all);

// A name found in a line, before the whole text is known.
struct Found {
  DiscoveredName name;
  bool trusted = true;
  std::vector<uint32_t> other_ends;
};

// An unquoted Vietnamese name whose end is in doubt takes the longest of
// its readings that the same text states as a trusted name elsewhere:
// "Bộ Y tế gửi …" and "Bộ Tài chính công nhận …" become "Bộ Y tế" and "Bộ
// Tài chính", seen as "Bộ Y tế (…)" or, twice, as "Bộ Tài chính." in other
// sentences. A reading is trusted when it ended at a parenthesis, a quote
// or the line's end, has no lower-case tail, or was read with a clear end
// at least twice (a name recurs; the words that follow it vary). Without
// such evidence the reading found is kept.
void ReadNamesFromText(std::string_view text, std::vector<Found>& found);

}  // namespace policygraph::indexer::discovery
