#include "indexer/links/sentence.h"

#include <algorithm>

namespace policygraph::indexer::links {

void Sentence::Basis(const TriggerHit& hit) {
  const std::string trigger = Span(hit.first, hit.count);
  // "quy định chi tiết một số điều của Luật …": the ground may come a few
  // words after the trigger.
  // Grounds are listed tightly ("Luật A và Luật B"); a framework further
  // on is what the sentence goes on to do.
  constexpr uint32_t kGroundListGap = 2;
  auto grounds = KindAfter(End(hit), 6, EntityKind::kFramework, kGroundListGap);
  // Only frameworks listed one after another: "… Luật A, năm 2019
  // Indonesia ban hành Luật B" names B as what rests on A, not a ground.
  // A reference is listed with no name: "Drafted on the basis of the
  // ASEAN Consensus, the law abolished …", "Dựa trên chiến lược này, Kế
  // hoạch … được thông qua": what follows it rests on the grounds.
  for (size_t i = 1; i < grounds.size(); ++i) {
    if (grounds[i] != grounds[i - 1] + 1 || M()[grounds[i]].referring || M()[grounds[i - 1]].referring) {
      grounds.resize(i);
      break;
    }
  }
  // "…; dựa trên chiến lược này, Kế hoạch … được thông qua": a trigger
  // opening a clause (after a semicolon) opens it as one opening the
  // sentence does; what rests on the ground comes after.
  const bool opens_clause = hit.first > 0 && ctx_.text.substr(tokens_[hit.first - 1].end,
                                                              tokens_[hit.first].begin - tokens_[hit.first - 1].end)
                                                 .find(';') != std::string_view::npos;
  // "Nghị định … được ban hành căn cứ luật này": the ground is the law the
  // reference stands for (antecedents.h); what rests on it is the framework
  // named earlier in the sentence, however far before.
  if (grounds.size() == 1 && M()[grounds[0]].referring && !opens_clause &&
      !KindBefore(hit.first, kNearGap, EntityKind::kFramework)) {
    std::optional<size_t> rests;
    for (size_t k = 0; k < M().size() && M()[k].first < hit.first; ++k) {
      if (M()[k].kind == EntityKind::kFramework && !M()[k].referring) rests = k;
    }
    if (rests && M()[*rests].id != M()[grounds[0]].id) {
      Add(M()[*rests].id, kBasis, M()[grounds[0]].id, trigger);
      return;
    }
  }
  // "The AADMER Work Programme builds on the agreement", "dựa trên hiệp
  // định này": the agreement named last.
  if (grounds.empty() && End(hit) + 1 < tokens_.size()) {
    const std::string& a = tokens_[End(hit)].exact;
    const std::string& b = tokens_[End(hit) + 1].exact;
    const bool the_agreement = ((a == "the" || a == "this") && (b == "agreement" || b == "convention")) ||
                               (a == "hiệp" && b == "định" && End(hit) + 2 < tokens_.size() &&
                                tokens_[End(hit) + 2].exact == "này");
    if (the_agreement) {
      std::optional<size_t> rests = KindBefore(hit.first, kNearGap, EntityKind::kFramework);
      if (auto agreement = LastBody(hit.first, /*agreements_only=*/true); agreement && rests &&
                                                                         M()[*rests].id != *agreement) {
        Add(M()[*rests].id, kBasis, *agreement, trigger);
      }
      return;
    }
  }
  // "căn cứ luật này" with the reference unresolved (two laws before it,
  // none, or only in an earlier paragraph): no ground.
  if (grounds.empty()) return;
  std::vector<std::string> laws;
  if (auto f = KindBefore(hit.first, kNearGap, EntityKind::kFramework)) {
    laws.push_back(M()[*f].id);
  } else if (hit.first == 0 || (hit.first <= 1) || opens_clause) {
    // "Trên cơ sở Luật Thủy sản, … Chính phủ ban hành Nghị định số 26 …":
    // the ground opens the sentence; what rests on it comes after.
    for (size_t k = grounds.back() + 1; k < M().size(); ++k) {
      if (M()[k].kind == EntityKind::kFramework && M()[k].id != M()[grounds.back()].id) {
        laws.push_back(M()[k].id);
        break;
      }
    }
    // "Drafted on the basis of the ASEAN Consensus, the law abolished …":
    // "the law" is a name when the resolver found what it stands for.
  } else if (CueIn(hit.first >= 4 ? hit.first - 4 : 0, hit.first, kCueAnaphora)) {
    laws = ctx_.recent_laws;  // "Các luật trên dựa trên …"
  } else if (auto f = RelativeClauseHead(hit.first)) {
    laws.push_back(M()[*f].id);
  }
  // "luật này dựa trên …" is a name before the trigger where the resolver
  // found the law it stands for (KindBefore above).
  for (const auto& law : laws) {
    for (size_t g : grounds) Add(law, kBasis, M()[g].id, trigger);
  }
}

// "a new Fisheries Law, passed in November 2017 and in force since 2019,
// which builds on the PSMA": the framework a relative clause ("which",
// "that" right before the verb) speaks of is the last one named before it
// in the same clause, however far back its participles run.
std::optional<size_t> Sentence::RelativeClauseHead(uint32_t at) const {
  constexpr uint32_t kReach = 24;
  if (at == 0 || (tokens_[at - 1].exact != "which" && tokens_[at - 1].exact != "that")) return std::nullopt;
  std::optional<size_t> head;
  for (size_t k = 0; k < M().size() && End(M()[k]) < at; ++k) {
    if (M()[k].kind == EntityKind::kFramework && !M()[k].referring && at - End(M()[k]) <= kReach) head = k;
  }
  if (!head || ClauseBreak(End(M()[*head]), at - 1)) return std::nullopt;
  return head;
}

}  // namespace policygraph::indexer::links
