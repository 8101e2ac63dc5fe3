// Legal and policy instruments cited by their number, in both languages:
// "Nghị định 13/2023/NĐ-CP", "Quyết định số 1269/QĐ-TTg", "Chỉ thị 29/CT-TTg",
// "Sắc lệnh số 164", "Đề án 844"; "Decree 08/2022/ND-CP", "Decision
// 866/QD-TTg", "Law No. 5 of 1999", "Regulation No. 31 of 2023",
// "Resolution 2669". The number is what picks the instrument out, so the
// name ends with it (and its year: "Luật số 27 năm 2022", "… of 1999");
// what follows is the sentence going on ("Nghị quyết 128/NQ-CP kéo dài …")
// or the instrument's subject, which texts leave out when they cite it
// again. An English law's title after its number ("Law No. 4 of 2009 on
// Mineral and Coal Mining") is kept, with the bare citation as an alias.
// The form without "số" / "No." is an alias too, so that both ways of
// writing one instrument meet in one entity.
#pragma once

#include <vector>

#include "indexer/discovery/candidate.h"
#include "indexer/discovery/line.h"
#include "indexer/discovery/vietnamese_words.h"

namespace policygraph::indexer::discovery {

void FindNumberedInstruments(Line& line, const VietnameseLists& lists, std::vector<Candidate>& out);

}  // namespace policygraph::indexer::discovery
