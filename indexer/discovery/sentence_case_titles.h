// Vietnamese titles of frameworks written in sentence case: after the
// capitalised head word only lower-case words follow, which the head-word
// rule (vietnamese_names.h) cuts short or drops, since in running text a
// lower-case stretch is usually the sentence going on. Three kinds of
// evidence say that the whole run is one title:
//  - a time scope at its end ("Chiến lược nghiên cứu và ứng dụng công nghệ
//    vũ trụ đến năm 2020", "… giai đoạn 2021 - 2025, định hướng đến năm
//    2030", "Kế hoạch công tác ASEAN về … 2016-2025"): plans and strategies
//    are titled with their horizon, and a sentence rarely puts one right
//    after a head word;
//  - a subject after "về" up to a clear end of the clause, for treaties and
//    other instruments named by their subject ("Công ước năm 1988 về chống
//    buôn bán bất hợp pháp các chất ma túy và chất hướng thần", "Công ước
//    về bảo vệ di sản văn hóa và thiên nhiên thế giới năm 1972,");
//  - the framework it implements ("Kế hoạch thực hiện Quy hoạch không gian
//    biển quốc gia") or the parties it is between ("Hiệp định Dẫn độ giữa
//    Việt Nam và Australia").
// A title starts at its head word and ends at its scope, at punctuation,
// or before a word that starts a clause (a stop word, "ký", "được").
#pragma once

#include <vector>

#include "indexer/discovery/candidate.h"
#include "indexer/discovery/line.h"
#include "indexer/discovery/vietnamese_words.h"

namespace policygraph::indexer::discovery {

void FindSentenceCaseTitles(Line& line, const VietnameseLists& lists, std::vector<Candidate>& out);

}  // namespace policygraph::indexer::discovery
