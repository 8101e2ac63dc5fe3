// Versions of a law or treaty in its name. In legal Vietnamese the year
// after a law's name tells its versions apart ("Luật Năng lượng nguyên tử
// năm 2008"), as does an amendment ("Luật Di sản văn hóa sửa đổi", "Luật
// Năng lượng nguyên tử (sửa đổi)", "Bộ luật Hình sự sửa đổi năm 2017");
// English writes "Competition (Amendment) Act 2025", "Strategy 2023–2030".
// The version is part of the name and ends it: two versions named in one
// text stay two entities. The name without its version becomes a variant
// (DiscoveredName::variants): the short form a text goes on to use finds
// the one version it names, and is dropped where two versions share it.
#pragma once

#include <vector>

#include "indexer/discovery/candidate.h"
#include "indexer/discovery/line.h"
#include "indexer/discovery/vietnamese_words.h"

namespace policygraph::indexer::discovery {

// Takes a version after or inside the framework name `c` into it, cuts the
// sentence that goes on after a year ("Luật … năm 2017 từng là …"), and
// adds the name without its version as a variant.
void AttachVersion(Line& line, Candidate& c, const VietnameseLists& lists);

// "Competition (Amendment) Act 2025", "Intellectual Property (Amendment)
// Act 2022": an amending act, named after the act it amends.
void FindAmendmentActs(Line& line, std::vector<Candidate>& out);

}  // namespace policygraph::indexer::discovery
