// Other names stated next to a name: the translation and/or acronym in the
// parentheses after it ("(ASEAN Conference on Crime Prevention and Criminal
// Justice - ACCPCJ)"), and a short name the text says it will use ("…,
// usually shortened to the RPC MoU", "(sau đây gọi tắt là Hiệp định)").
#pragma once

#include <optional>
#include <string_view>

#include "indexer/discovery/candidate.h"
#include "indexer/discovery/line.h"
#include "indexer/discovery/vietnamese_words.h"

namespace policygraph::indexer::discovery {

// "X (ACRONYM)", "X (English Name)", "X (English Name - ACRONYM)",
// "X (English Name, …)", "X (ACRONYM, …)": the translation and acronym
// become the aliases of `c`, whose parenthesis opens at c.next. Returns
// whether any did.
bool AttachParenthesis(Line& line, Candidate& c, const VietnameseLists& lists);

// "the Memorandum of Understanding on …, usually shortened to the RPC
// MoU", "… (sau đây gọi tắt là Hiệp định)": a short name the text states
// for the name just before becomes its alias.
void AttachStatedShortName(Line& line, Candidate& c);

// "Kế hoạch Hành động … ASEAN - Trung Quốc (2021-2025)", "Kế hoạch Tổng
// thể … 20 năm (2018-2037)": a framework's period in brackets right after
// its name is part of the name, and the name without it becomes an alias.
// Returns whether the period was taken in. A single year in brackets is
// left alone (it is usually the date something happened).
bool AttachPeriod(Line& line, Candidate& c);

// The type that the English head of a parenthesised translation gives
// ("(Cross-Border Transport Facilitation Agreement – CBTA)" → agreement), or
// nullopt when the parenthesis at `open` holds none.
std::optional<std::string_view> TranslationHeadType(Line& line, size_t open);

}  // namespace policygraph::indexer::discovery
