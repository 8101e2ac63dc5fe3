// Co-mention links: two entities named in one sentence are linked, with that
// sentence as evidence. The weakest kind of link, and the first one the
// graph has; typed links (cooperation, enactment, ...) refine it later.
#pragma once

#include <vector>

#include "graph/graph_types.h"
#include "indexer/analyzer.h"
#include "indexer/document.h"
#include "indexer/entity_matcher.h"

namespace policygraph::indexer {

inline constexpr char kCoMention[] = "co_mention";

// Longest sentence text kept as evidence; the span still covers it whole.
constexpr size_t kMaxEvidenceTextBytes = 1000;

// `sentences` and `mentions` come from the analyser and matcher over doc.body.
graph::DocumentContribution ExtractCoMentions(const SourceDocument& doc,
                                              const std::vector<SentenceSpan>& sentences,
                                              const std::vector<EntityMention>& mentions);

}  // namespace policygraph::indexer
