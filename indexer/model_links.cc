#include "indexer/model_links.h"

#include <algorithm>
#include <iterator>
#include <set>

#include "indexer/link_features.h"
#include "indexer/link_triggers.h"

namespace policygraph::indexer {

namespace {

// The words of `relation`'s trigger nearest to the tokens [first, last], as
// written; "" when the sentence has none.
std::string NearestTrigger(const SentenceContext& sentence, const std::string& relation, uint32_t first,
                           uint32_t last) {
  const TriggerHit* best = nullptr;
  uint32_t best_distance = 0;
  for (const auto& hit : sentence.triggers) {
    if (hit.relation != relation || hit.count == 0) continue;
    const uint32_t hit_last = hit.first + hit.count - 1;
    const uint32_t distance = hit_last < first ? first - hit_last : hit.first > last ? hit.first - last : 0;
    if (best == nullptr || distance < best_distance) best = &hit, best_distance = distance;
  }
  if (best == nullptr) return "";
  const auto& tokens = *sentence.tokens;
  const uint32_t begin = tokens[best->first].begin;
  const uint32_t end = tokens[best->first + best->count - 1].end;
  return std::string(sentence.text.substr(begin, end - begin));
}

}  // namespace

std::vector<TypedLink> LinksWithModel(const SentenceContext& sentence, const std::vector<TypedLink>& rule_links,
                                      const LinkModel& model) {
  std::vector<TypedLink> added;
  std::set<std::pair<std::string, std::string>> vetoed;  // (smaller id, larger id)
  for (const LinkCandidate& pair : CandidatePairs(sentence)) {
    const LinkVerdict verdict = model.Judge(LinkFeatures(sentence, pair, rule_links));
    const SentenceMention& first = sentence.mentions[pair.first];
    const SentenceMention& second = sentence.mentions[pair.second];
    if (verdict.none >= model.veto()) vetoed.insert(std::minmax(first.id, second.id));
    const std::string& label = verdict.label;
    if (label.empty()) continue;
    TypedLink link;
    if (IsUndirectedRelation(label)) {
      link.relation = label;
      link.source = std::min(first.id, second.id);
      link.target = std::max(first.id, second.id);
    } else {
      // "enactment>": the earlier-named entity is the source.
      link.relation = label.substr(0, label.size() - 1);
      const bool forward = label.back() == '>';
      link.source = forward ? first.id : second.id;
      link.target = forward ? second.id : first.id;
    }
    const bool drawn = std::any_of(rule_links.begin(), rule_links.end(), [&](const TypedLink& l) {
      return l.source == link.source && l.relation == link.relation && l.target == link.target;
    });
    if (drawn) continue;
    link.trigger = NearestTrigger(sentence, link.relation, first.first, second.first + second.count - 1);
    added.push_back(std::move(link));
  }
  std::vector<TypedLink> out;
  for (const auto& l : rule_links) {
    if (!vetoed.count(std::minmax(l.source, l.target))) out.push_back(l);
  }
  out.insert(out.end(), std::make_move_iterator(added.begin()), std::make_move_iterator(added.end()));
  return out;
}

}  // namespace policygraph::indexer
