// The Vietnamese word lists of discovery (head words, stop words, titles,
// honours …) and the tests on a Line that use them. The entries are
// written as keys (lower case, NFC) and run through the same normalisation
// as the text at start-up, so their tone placement does not matter.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "indexer/analyzer.h"
#include "indexer/discovery/line.h"

namespace policygraph::indexer::discovery {

using Phrase = std::vector<std::string>;

struct Head {
  Phrase words;
  std::string_view type;
};

// The Vietnamese lists as keys, built once with the analyser's folding.
// `predicates` and `definition_verbs` hold English words as well: quoted
// titles in either language are tested against them.
struct VietnameseLists {
  std::unordered_map<std::string, std::vector<Head>> heads_by_first;  // longest first
  std::unordered_map<std::string, std::vector<Phrase>> stops_by_first;
  std::unordered_map<std::string, std::vector<Phrase>> not_stops_by_first;
  std::unordered_map<std::string, std::vector<Phrase>> honours_by_first;
  std::unordered_set<std::string> not_a_head_before, title_words, part_words, inner_only, ordinals,
      predicates, definition_verbs;
};

// The lists, built on first use with that analyser's folding; every later
// call returns the same lists.
const VietnameseLists& Lists(const Analyzer& analyzer);

// Number of pieces of `phrase` matched from `i` (consecutive words), or 0.
size_t MatchPhrase(Line& line, size_t i, const Phrase& phrase);

// Whether one of the phrases, found by the key of their first word, starts
// at `i`.
bool MatchesAny(Line& line, size_t i, const std::unordered_map<std::string, std::vector<Phrase>>& by_first);

// Whether the word at `i` is the second syllable of a compound whose
// syllable alone is a stop or predicate word ("tự do", "chuẩn bị").
bool EndsCompound(Line& line, size_t i);

// Whether a lower-case stop word or phrase (kVietnameseStops, not one of
// kNotStops) starts at `i`: an unquoted Vietnamese name ends before it.
bool IsVietnameseStop(Line& line, size_t i, const VietnameseLists& lists);

// The Vietnamese head starting at `i` (capitalised, not all capitals), or
// nullptr. `*length` receives its number of pieces.
const Head* VietnameseHeadAt(Line& line, size_t i, const VietnameseLists& lists, size_t* length);

// Whether a Vietnamese head of any case ends just before `i` (the head
// word in front of a quote: Đề án “…”, chiến lược “…”).
const Head* VietnameseHeadBefore(Line& line, size_t i, const VietnameseLists& lists);

// Whether `i` follows an office holder's title in the same clause ("Bộ
// trưởng Điều phối Chính sách …").
bool AfterTitleWord(Line& line, size_t i, const VietnameseLists& lists);

}  // namespace policygraph::indexer::discovery
