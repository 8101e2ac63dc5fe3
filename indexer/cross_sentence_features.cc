#include "indexer/cross_sentence_features.h"

#include <algorithm>
#include <map>
#include <set>

#include "indexer/link_features.h"

namespace policygraph::indexer {

namespace {

// Distinct ids, by the pairs a sentence names together.
std::set<std::pair<std::string, std::string>> PairsNamed(const SentenceSketch& s) {
  std::set<std::pair<std::string, std::string>> pairs;
  for (size_t i = 0; i < s.mentions.size(); ++i) {
    for (size_t j = i + 1; j < s.mentions.size(); ++j) {
      if (s.mentions[i].id != s.mentions[j].id) pairs.insert(std::minmax(s.mentions[i].id, s.mentions[j].id));
    }
  }
  return pairs;
}

}  // namespace

SentenceSketch SketchOf(const SentenceContext& sentence) {
  SentenceSketch s;
  for (const auto& m : sentence.mentions) s.mentions.push_back({m.id, m.type, m.kind, m.first, m.count, m.referring});
  for (const auto& h : sentence.triggers) {
    if (IsTriggerReading(h.relation) || h.relation.rfind("cue:", 0) == 0) continue;
    s.triggers.push_back(h);
  }
  const auto& tokens = *sentence.tokens;
  for (size_t t = 0; t < tokens.size() && t < 2; ++t) s.opening.push_back(tokens[t].folded);
  s.tokens = static_cast<uint32_t>(tokens.size());
  return s;
}

std::vector<CrossCandidate> CrossCandidates(const SentenceSketch& first, const SentenceSketch& second) {
  std::set<std::pair<std::string, std::string>> together = PairsNamed(first);
  for (const auto& p : PairsNamed(second)) together.insert(p);
  std::map<std::string, size_t> last_in_first, first_in_second;
  for (size_t i = 0; i < first.mentions.size(); ++i) last_in_first[first.mentions[i].id] = i;
  for (size_t j = second.mentions.size(); j-- > 0;) first_in_second[second.mentions[j].id] = j;
  std::vector<CrossCandidate> out;
  for (const auto& [a, i] : last_in_first) {
    for (const auto& [b, j] : first_in_second) {
      if (a == b || together.count(std::minmax(a, b))) continue;
      out.push_back({i, j});
    }
  }
  std::sort(out.begin(), out.end(), [](const CrossCandidate& x, const CrossCandidate& y) {
    return std::tie(x.earlier, x.later) < std::tie(y.earlier, y.later);
  });
  return out;
}

std::vector<std::string> CrossFeatures(const SentenceSketch& first, const SentenceSketch& second,
                                       const CrossCandidate& pair) {
  const auto& a = first.mentions[pair.earlier];
  const auto& b = second.mentions[pair.later];
  const std::string kinds = std::string(FeatureKindName(a.kind)) + ">" + FeatureKindName(b.kind);
  std::vector<std::string> f;
  f.push_back("x:bias");
  f.push_back("x:types=" + a.type + ">" + b.type);
  f.push_back("x:kinds=" + kinds);
  f.push_back("x:first-entities=" + FeatureBucket(first.mentions.size(), {1, 2, 4}));
  f.push_back("x:second-entities=" + FeatureBucket(second.mentions.size(), {1, 2, 4}));
  // Where each stands in its sentence: a subject opens it, the last name
  // of a sentence is what the next one most often goes on about.
  if (a.first <= 1) f.push_back("x:earlier-opens");
  if (pair.earlier + 1 == first.mentions.size()) f.push_back("x:earlier-is-last-named");
  if (pair.earlier == 0) f.push_back("x:earlier-is-first-named");
  if (b.first <= 1) f.push_back("x:later-opens");
  if (pair.later == 0) f.push_back("x:later-is-first-named");
  if (a.referring) f.push_back("x:earlier-referred");
  if (b.referring) f.push_back("x:later-referred");
  // Actors of the second sentence besides the later one: a sentence with
  // its own subject rarely continues the first one's.
  size_t other_actors = 0;
  for (size_t j = 0; j < second.mentions.size(); ++j) {
    if (j != pair.later && second.mentions[j].kind == EntityKind::kActor) ++other_actors;
  }
  f.push_back("x:second-other-actors=" + FeatureBucket(other_actors, {0, 1}));
  // The words the second sentence opens with: "Hai bên", "The two", "Khoản
  // viện trợ", "It".
  for (size_t k = 0; k < second.opening.size(); ++k) {
    f.push_back("x:opens-" + std::to_string(k) + "=" + second.opening[k]);
  }
  // Triggers: in the second sentence before or after the later name, and in
  // the first; with the kinds they would join.
  const TriggerHit* nearest = nullptr;
  size_t nearest_distance = 0;
  for (const auto& h : second.triggers) {
    const char* side = h.first + h.count <= b.first ? "before" : h.first >= b.first + b.count ? "after" : "inside";
    f.push_back(std::string("x:second-") + side + ":" + h.relation);
    f.push_back(std::string("x:second-") + side + ":" + h.relation + "|" + kinds);
    const size_t distance = h.first + h.count <= b.first ? b.first - (h.first + h.count)
                            : h.first >= b.first + b.count ? h.first - (b.first + b.count)
                                                            : 0;
    if (nearest == nullptr || distance < nearest_distance) nearest = &h, nearest_distance = distance;
  }
  if (nearest != nullptr) {
    f.push_back("x:nearest:" + nearest->relation + "|" + kinds);
    f.push_back("x:nearest-distance=" + FeatureBucket(nearest_distance, {0, 3, 8}));
  } else {
    f.push_back("x:second-no-trigger");
  }
  for (const auto& h : first.triggers) f.push_back("x:first:" + h.relation + "|" + kinds);
  std::sort(f.begin(), f.end());
  f.erase(std::unique(f.begin(), f.end()), f.end());
  return f;
}

}  // namespace policygraph::indexer
