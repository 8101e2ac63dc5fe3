// Rule 3: English names ending in a head noun ("Personal Data Protection
// Act 2012", "Cybersecurity Agency of Singapore", "Plan on ASEAN
// Connectivity 2025"), walked back from the head over capitalised words and
// connectors and forward over a year or an "of/on/for" complement.
// Section headings, references and generic phrases ("This Act", "Principal
// Act", "Comprehensive Strategic Partnership") are not names.
#pragma once

#include <vector>

#include "indexer/discovery/candidate.h"
#include "indexer/discovery/line.h"

namespace policygraph::indexer::discovery {

void FindEnglishHeaded(Line& line, std::vector<Candidate>& out);

}  // namespace policygraph::indexer::discovery
