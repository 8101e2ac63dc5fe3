// Where the name of a Vietnamese body ends before its verb. Vietnamese
// spelling capitalises the first syllable of each word of a body's name
// ("Bộ Tài nguyên và Môi trường"), so a lower-case syllable inside the name
// follows a capitalised one of the same word, or is a joining word ("và",
// "về"). After a word that is complete on its own -- an acronym, a foreign
// word that no Vietnamese syllable spells, or a country's name written in
// capitalised syllables ("Việt Nam", "Trung Quốc") -- a lower-case word
// starts the sentence's predicate: "Đại học Kỹ
// thuật Darmstadt điều phối", "Ngân hàng Shinhan hiện là", "Viện Kiểm sát
// Nhân dân Tối cao Trung Quốc nhất trí".
#pragma once

#include <cstddef>

#include "indexer/discovery/line.h"
#include "indexer/discovery/vietnamese_words.h"

namespace policygraph::indexer::discovery {

// Whether the lower-case word `i` of a body's name that began its own
// words at `body` (after the head) follows a complete capitalised word, so
// the name ends before `i`. Joining words ("và", "về", "các" …) never end
// it here.
bool EndsAfterCompleteWord(Line& line, size_t body, size_t i, const VietnameseLists& lists);

// Whether word `i` of a body's name begins a verb a body does as the
// subject of its sentence ("ký", "hợp tác", "tài trợ" …) written in lower
// case after a capitalised part of the name: "Bộ Tài chính hợp tác với …",
// "Bộ Kế hoạch và Đầu tư ký với …", "Bộ Ngoại giao Đức tài trợ …". Proper
// names capitalise each of their words, so such a verb is the predicate.
bool EndsAtItsVerb(Line& line, size_t body, size_t i);

}  // namespace policygraph::indexer::discovery
