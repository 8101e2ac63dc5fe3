#include "indexer/link_features.h"

#include <algorithm>
#include <map>

#include "indexer/link_triggers.h"  // IsTriggerReading

namespace policygraph::indexer {

namespace {

bool IsCue(const std::string& relation) { return relation.rfind("cue:", 0) == 0; }

// Passive and agent words: "adopted by", "do … ban hành", "được … thông
// qua" turn the order of source and target around.
bool IsAgentWord(const std::string& w) { return w == "by" || w == "do" || w == "bởi" || w == "được"; }

}  // namespace

const char* FeatureKindName(EntityKind k) {
  switch (k) {
    case EntityKind::kActor: return "actor";
    case EntityKind::kFramework: return "framework";
    case EntityKind::kEvent: return "event";
    case EntityKind::kPerson: return "person";
    case EntityKind::kOther: break;
  }
  return "other";
}

// Coarse buckets: with a few dozen articles of training text, exact
// distances and counts would each be seen a handful of times.
std::string FeatureBucket(size_t n, std::initializer_list<size_t> upper_bounds) {
  size_t lo = 0;
  for (size_t hi : upper_bounds) {
    if (n <= hi) return lo == hi ? std::to_string(hi) : std::to_string(lo) + "-" + std::to_string(hi);
    lo = hi + 1;
  }
  return std::to_string(lo) + "+";
}

std::vector<LinkCandidate> CandidatePairs(const SentenceContext& sentence) {
  const auto& ms = sentence.mentions;
  // (first id, second id) unordered -> closest pair of mentions so far.
  std::map<std::pair<std::string, std::string>, LinkCandidate> closest;
  auto gap = [&](const LinkCandidate& c) { return ms[c.second].first - ms[c.first].first; };
  for (size_t i = 0; i < ms.size(); ++i) {
    for (size_t j = i + 1; j < ms.size(); ++j) {
      if (ms[i].id == ms[j].id) continue;
      auto key = std::minmax(ms[i].id, ms[j].id);
      LinkCandidate c{i, j};
      auto it = closest.find(key);
      if (it == closest.end()) closest.emplace(key, c);
      else if (gap(c) < gap(it->second)) it->second = c;
    }
  }
  std::vector<LinkCandidate> out;
  for (const auto& [key, c] : closest) out.push_back(c);
  std::sort(out.begin(), out.end(), [](const LinkCandidate& a, const LinkCandidate& b) {
    return std::tie(a.first, a.second) < std::tie(b.first, b.second);
  });
  return out;
}

std::string RuleLabel(const std::string& first_id, const std::string& second_id,
                      const std::vector<TypedLink>& rule_links) {
  for (const auto& l : rule_links) {
    const bool forward = l.source == first_id && l.target == second_id;
    const bool backward = l.source == second_id && l.target == first_id;
    if (!forward && !backward) continue;
    if (IsUndirectedRelation(l.relation)) return l.relation;
    return l.relation + (forward ? ">" : "<");
  }
  return "";
}

std::vector<std::string> LinkFeatures(const SentenceContext& sentence, const LinkCandidate& pair,
                                      const std::vector<TypedLink>& rule_links) {
  const auto& tokens = *sentence.tokens;
  const SentenceMention& a = sentence.mentions[pair.first];
  const SentenceMention& b = sentence.mentions[pair.second];
  const uint32_t a_end = a.first + a.count;  // one past a's last token
  const uint32_t b_end = b.first + b.count;
  const std::string kinds = std::string(FeatureKindName(a.kind)) + ">" + FeatureKindName(b.kind);

  std::vector<std::string> f;
  f.push_back("bias");
  f.push_back("types=" + a.type + ">" + b.type);
  f.push_back("kinds=" + kinds);
  const size_t gap = b.first >= a_end ? b.first - a_end : 0;
  f.push_back("gap=" + FeatureBucket(gap, {0, 2, 5, 10, 20}));
  f.push_back("entities=" + FeatureBucket(sentence.mentions.size(), {2, 3, 5}));
  f.push_back("entities-between=" + FeatureBucket(pair.second - pair.first - 1, {0, 1, 2}));
  if (pair.first == 0) f.push_back("first-is-sentence-first");
  if (a.first <= 1) f.push_back("first-opens-sentence");
  if (a.government) f.push_back("first-government");
  if (b.government) f.push_back("second-government");
  if (a.bank || b.bank) f.push_back(a.bank ? "first-bank" : "second-bank");
  if (!a.owner.empty() && a.owner == b.id) f.push_back("second-owns-first");
  if (!b.owner.empty() && b.owner == a.id) f.push_back("first-owns-second");

  // Triggers and cues by where they stand: before both, between, after both.
  auto side_of = [&](const TriggerHit& h) -> const char* {
    if (h.first + h.count <= a.first) return "before";
    if (h.first >= a_end && h.first + h.count <= b.first) return "between";
    if (h.first >= b_end) return "after";
    return "inside";
  };
  const TriggerHit* nearest = nullptr;
  size_t nearest_distance = 0;
  for (const auto& h : sentence.triggers) {
    // A reading ("cue:grant") only repeats its trigger's span; the trigger
    // is the feature, as it was before the readings were cues.
    if (IsTriggerReading(h.relation)) continue;
    const std::string side = side_of(h);
    f.push_back(side + ":" + h.relation);
    // Right before a name, a cue says what the name is to the sentence:
    // "của X" an owner, "tại X" a place, "với X" a partner.
    if (h.first + h.count == a.first) f.push_back("just-before-first:" + h.relation);
    if (h.first + h.count == b.first) f.push_back("just-before-second:" + h.relation);
    if (IsCue(h.relation)) continue;
    if (h.first == a_end) f.push_back("just-after-first:" + h.relation);
    // A relation trigger matters together with the kinds it would join.
    f.push_back(side + ":" + h.relation + "|" + kinds);
    const size_t distance = side == "before" ? a.first - (h.first + h.count)
                            : side == "after" ? h.first - b_end
                                              : 0;
    if (nearest == nullptr || distance < nearest_distance) {
      nearest = &h;
      nearest_distance = distance;
    }
  }
  if (nearest != nullptr) {
    f.push_back(std::string("nearest:") + nearest->relation + "@" + side_of(*nearest));
    f.push_back(std::string("nearest:") + nearest->relation + "@" + side_of(*nearest) + "|" + a.type + ">" + b.type);
    f.push_back("nearest-distance=" + FeatureBucket(nearest_distance, {0, 3, 8}));
  } else {
    f.push_back("no-trigger");
  }

  // Clause breaks between them: a link rarely crosses a semicolon or
  // several commas.
  if (a_end > 0 && a_end <= tokens.size() && b.first < tokens.size()) {
    std::string_view span = sentence.text.substr(tokens[a_end - 1].end, tokens[b.first].begin - tokens[a_end - 1].end);
    size_t commas = std::count(span.begin(), span.end(), ','), stops = 0;
    for (char c : span) stops += c == ';' || c == ':' || c == '(' || c == ')';
    f.push_back("commas-between=" + FeatureBucket(commas, {0, 1, 2}));
    if (stops > 0) f.push_back("clause-break-between");
  }
  // What joins them: a list ("A, B và C"), a dash, or words.
  if (gap <= 1 && a_end <= tokens.size() && b.first < tokens.size() && a_end > 0) {
    std::string_view joint = sentence.text.substr(tokens[a_end - 1].end, tokens[b.first].begin - tokens[a_end - 1].end);
    std::string j;
    for (char c : joint) {
      if (c != ' ') j += c;
    }
    if (j == "," || j == "và" || j == "and" || j == ",và" || j == ",and" || j == "or" || j == "hoặc") f.push_back("joined:list");
    else if (j == "-" || j == "\u2013") f.push_back("joined:dash");
    else if (j.empty()) f.push_back("joined:nothing");
  }
  for (uint32_t t = 0; t < tokens.size(); ++t) {
    if (!IsAgentWord(tokens[t].exact)) continue;
    const char* side = t < a.first ? "before" : t >= a_end && t < b.first ? "between" : t >= b_end ? "after" : "inside";
    f.push_back(std::string("agent:") + tokens[t].exact + "@" + side);
  }

  // Words, only close to the pair: the few words between (when few) and
  // the word on either side.
  if (gap <= 8) {
    for (uint32_t t = a_end; t < b.first && t < tokens.size(); ++t) f.push_back("w:between=" + tokens[t].folded);
  }
  if (a.first > 0 && a.first - 1 < tokens.size()) f.push_back("w:prev=" + tokens[a.first - 1].folded);
  if (b_end < tokens.size()) f.push_back("w:next=" + tokens[b_end].folded);

  // What the rules said, about this pair and about the two ends elsewhere.
  const std::string rule = RuleLabel(a.id, b.id, rule_links);
  f.push_back("r:label=" + (rule.empty() ? std::string("none") : rule));
  bool a_elsewhere = false, b_elsewhere = false;
  for (const auto& l : rule_links) {
    const bool has_a = l.source == a.id || l.target == a.id, has_b = l.source == b.id || l.target == b.id;
    if (has_a && !has_b) a_elsewhere = true;
    if (has_b && !has_a) b_elsewhere = true;
  }
  if (a_elsewhere) f.push_back("r:first-linked-elsewhere");
  if (b_elsewhere) f.push_back("r:second-linked-elsewhere");
  std::sort(f.begin(), f.end());
  f.erase(std::unique(f.begin(), f.end()), f.end());
  return f;
}

}  // namespace policygraph::indexer
