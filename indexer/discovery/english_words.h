// The English word lists that several rules share, and the tests on a
// Line that use them. English words are compared as written: a head noun
// is capitalised inside a name, so the lists are case-sensitive.
#pragma once

#include <optional>
#include <string_view>
#include <unordered_set>

#include "indexer/discovery/line.h"

namespace policygraph::indexer::discovery {

// Capitalised words that start a sentence or a reference, never a name.
const std::unordered_set<std::string_view>& EnglishDeterminers();

// "Third", or a number written as an ordinal: "31st", "2nd", "13th".
bool IsEnglishOrdinalWord(std::string_view raw);

// The type that the English head noun at `i` gives ("Act": law,
// "Summit": event), or nullopt when it is none.
std::optional<std::string_view> EnglishHeadType(Line& line, size_t i);

// A lower-case little word allowed inside an English name ("of", "and" …).
bool IsEnglishConnector(Line& line, size_t i);

// A capitalised word that can be part of an English name: not a
// determiner, at least two letters (not a section label like "B").
bool IsEnglishNameWord(Line& line, size_t i);

// The type of an English name over pieces [first, last]: a law head at the
// end wins ("Supreme Court of Judicature Act 1969"); otherwise a head
// followed by "of/on/for" is the real head ("Agreement for Trans-Pacific
// Partnership", "Agency for Cybersecurity"); otherwise the last head.
std::optional<std::string_view> EnglishTypeOfRun(Line& line, size_t first, size_t last);

}  // namespace policygraph::indexer::discovery
