// Translations the corpus states itself: a quoted Vietnamese title followed
// by its English name or acronym in parentheses,
//   “Kế hoạch tổng thể kỹ thuật số ASEAN năm 2025” (ASEAN Digital Masterplan 2025)
// becomes a concept with both forms, extending the glossary so that either
// form finds the other.
#pragma once

#include <string>
#include <vector>

#include "graph/graph_types.h"
#include "indexer/analyzer.h"

namespace policygraph::indexer {

// Id prefix of learned concepts, so they are told apart from the glossary's.
inline constexpr char kLearnedPrefix[] = "learned:";

// Finds the pairs in `text`; ids are kLearnedPrefix + folded English form.
std::vector<graph::Node> LearnTranslations(std::string_view text, const Analyzer& analyzer);

// Adds `more` to `into`, merging entries with the same id.
void MergeConcepts(std::vector<graph::Node>* into, const std::vector<graph::Node>& more);

}  // namespace policygraph::indexer
