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
  for (size_t i = 1; i < grounds.size(); ++i) {
    if (grounds[i] != grounds[i - 1] + 1) {
      grounds.resize(i);
      break;
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
  if (grounds.empty()) {
    // "Nghị định … được ban hành căn cứ luật này": the ground is the law
    // named before; what rests on it is the framework earlier in the sentence.
    if (!CueIn(End(hit), End(hit) + 3, kCueThisLaw) || ctx_.recent_laws.empty()) return;
    std::optional<size_t> rests;
    for (size_t k = 0; k < M().size() && M()[k].first < hit.first; ++k) {
      if (M()[k].kind == EntityKind::kFramework) rests = k;
    }
    if (rests && M()[*rests].id != ctx_.recent_laws.back()) {
      Add(M()[*rests].id, kBasis, ctx_.recent_laws.back(), trigger);
    }
    return;
  }
  std::vector<std::string> laws;
  if (auto f = KindBefore(hit.first, kNearGap, EntityKind::kFramework)) {
    laws.push_back(M()[*f].id);
  } else if (hit.first == 0 || (hit.first <= 1)) {
    // "Trên cơ sở Luật Thủy sản, … Chính phủ ban hành Nghị định số 26 …":
    // the ground opens the sentence; what rests on it comes after.
    for (size_t k = grounds.back() + 1; k < M().size(); ++k) {
      if (M()[k].kind == EntityKind::kFramework && M()[k].id != M()[grounds.back()].id) {
        laws.push_back(M()[k].id);
        break;
      }
    }
    // "Drafted on the basis of the ASEAN Consensus, the law abolished …":
    // the law the passage named last.
    if (laws.empty() && !ctx_.recent_laws.empty() &&
        CueIn(End(M()[grounds.back()]), End(M()[grounds.back()]) + 4, kCueThisLaw)) {
      laws.push_back(ctx_.recent_laws.back());
    }
  } else if (CueIn(hit.first >= 4 ? hit.first - 4 : 0, hit.first, kCueAnaphora)) {
    laws = ctx_.recent_laws;  // "Các luật trên dựa trên …"
  } else if (CueIn(hit.first >= 8 ? hit.first - 8 : 0, hit.first, kCueThisLaw)) {
    // "luật này dựa trên …": the law named last, in this sentence or before.
    std::string last = ctx_.recent_laws.empty() ? "" : ctx_.recent_laws.back();
    for (size_t k = 0; k < M().size() && M()[k].first < hit.first; ++k) {
      if (M()[k].type == "law") last = M()[k].id;
    }
    if (!last.empty()) laws = {last};
  }
  for (const auto& law : laws) {
    for (size_t g : grounds) Add(law, kBasis, M()[g].id, trigger);
  }
}

}  // namespace policygraph::indexer::links
