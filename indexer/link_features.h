// Features of one candidate link: two entities named in one sentence, seen
// from where they stand, the trigger words and cues around them, and what the
// hand-written rules (typed_links.h) made of the pair. The trained link
// classifier (link_model.h) weighs them; this file only describes the pair.
//
// Why these: the rules already encode which trigger kinds, positions and
// cues matter, but as hard decisions that miss on unseen phrasing. Giving a
// model the same evidence as soft, weighted features lets it learn from the
// gold sets how far each one really goes (a cooperation trigger *between* two
// actors is strong, one *after* both is weak …).
//
// Features are plain strings ("types=country>law", "between:enactment");
// their families are marked by prefix so that training can leave a family
// out: "r:" for the rules' output, "w:" for words.
#pragma once

#include <initializer_list>
#include <string>
#include <vector>

#include "indexer/typed_links.h"

namespace policygraph::indexer {

// A pair of mentions of two different entities in one sentence; `first`
// comes earlier in the text. Indices into SentenceContext::mentions.
struct LinkCandidate {
  size_t first = 0;
  size_t second = 0;
};

// One candidate per pair of different entities in the sentence: for an
// entity named twice, the two mentions closest together.
std::vector<LinkCandidate> CandidatePairs(const SentenceContext& sentence);

// The features of `pair`. `rule_links` are FindTypedLinks(sentence).
std::vector<std::string> LinkFeatures(const SentenceContext& sentence, const LinkCandidate& pair,
                                      const std::vector<TypedLink>& rule_links);

// Shared by these features and those across sentences
// (cross_sentence_features.h): an entity kind's name, and `n` as a coarse
// bucket ("0", "1-2", "3-5", "6+" for bounds {0, 2, 5}).
const char* FeatureKindName(EntityKind kind);
std::string FeatureBucket(size_t n, std::initializer_list<size_t> upper_bounds);

// The rules' verdict on a pair, as the classifier's label names it: "" for
// no typed link, else the relation, with ">" when the earlier-named entity
// is the source, "<" when it is the target ("enactment>"); cooperation has
// no direction.
std::string RuleLabel(const std::string& first_id, const std::string& second_id,
                      const std::vector<TypedLink>& rule_links);

}  // namespace policygraph::indexer
