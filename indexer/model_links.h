// The trained link classifier at work in the indexer: for one sentence, the
// links the model (link_model.h) draws between the pairs of entities named
// in it, beside those the hand-written rules drew (typed_links.h).
//
// Why both: on the 20 held-out articles neither was fitted on, the rules
// find 37 % of the gold links at precision 0.69 and the model alone 28 % at
// 0.79, not the same ones. The rules' links the model is sure are wrong
// dropped and the model's added: 40 % at 0.70 (docs/QUALITY.md, "The
// classifier beside the rules"). The model sees the rules' verdicts only if
// it was trained with them (the shipped one was not: `--omit r:`).
#pragma once

#include <vector>

#include "indexer/link_model.h"
#include "indexer/typed_links.h"

namespace policygraph::indexer {

// The sentence's links with the model's say: `rule_links` (the rules' links
// in it) less those between a pair the model is sure is unlinked (its
// veto), then the links the model draws that the rules did not, each with
// the trigger word of its relation nearest to the pair ("" where the
// sentence has none).
std::vector<TypedLink> LinksWithModel(const SentenceContext& sentence, const std::vector<TypedLink>& rule_links,
                                      const LinkModel& model);

}  // namespace policygraph::indexer
