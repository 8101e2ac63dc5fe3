// Candidate links across two neighbouring sentences of one passage: an
// entity named in the earlier sentence and one named in the next, never
// named together in either ("Nhật Bản công bố gói hỗ trợ mới. Khoản viện
// trợ dành cho Campuchia …"). About one gold link in seven is stated so on
// the training articles (docs/QUALITY.md, fifteenth session); the link
// classifier (link_model.h) weighs these pairs with features of their own,
// all prefixed "x:", so that they share no weight with a pair in one
// sentence.
#pragma once

#include <string>
#include <vector>

#include "indexer/typed_links.h"

namespace policygraph::indexer {

// What of a sentence the cross-sentence features read, kept after the
// sentence's context is gone (the next sentence is read later).
struct SentenceSketch {
  struct Mention {
    std::string id;
    std::string type;
    EntityKind kind = EntityKind::kOther;
    uint32_t first = 0;  // token index within the sentence
    uint32_t count = 0;
    bool referring = false;
  };
  std::vector<Mention> mentions;
  std::vector<TriggerHit> triggers;  // relation triggers only, not readings or cues
  std::vector<std::string> opening;  // the sentence's first two words, folded
  uint32_t tokens = 0;
};

SentenceSketch SketchOf(const SentenceContext& sentence);

// One candidate: mention `earlier` of the first sentence, `later` of the
// second (indices into their mentions).
struct CrossCandidate {
  size_t earlier = 0;
  size_t later = 0;
};

// One candidate per pair of different entities, the earlier named in
// `first`, the later in `second`, that neither sentence names together
// (a pair the classifier already weighs within one sentence): for an
// entity named twice, its last mention in `first` and its first in
// `second`.
std::vector<CrossCandidate> CrossCandidates(const SentenceSketch& first, const SentenceSketch& second);

std::vector<std::string> CrossFeatures(const SentenceSketch& first, const SentenceSketch& second,
                                       const CrossCandidate& pair);

}  // namespace policygraph::indexer
