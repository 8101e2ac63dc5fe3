#include "indexer/links/sentence.h"

#include <algorithm>

namespace policygraph::indexer::links {

// The two countries a "hai nước"/"both countries" cue within a few words
// before the trigger stands for: the two named last in this sentence.
// Empty without the cue. (Countries named in earlier sentences are the
// antecedent resolver's, links/antecedents.h: it replaces the cue by
// mentions where it can tell which two.)
std::vector<std::string> Sentence::LastTwoCountries(const TriggerHit& hit) const {
  constexpr uint32_t kReach = 6;  // "cả hai nước đều là thành viên"
  const uint32_t from = hit.first >= kReach ? hit.first - kReach : 0;
  auto cue = std::find_if(hits_.begin(), hits_.end(), [&](const TriggerHit& h) {
    return h.relation == kCueBothSides && h.first >= from && h.first <= hit.first;
  });
  if (cue == hits_.end()) return {};
  std::vector<std::string> named;
  for (const auto& m : M()) {
    if (m.first < cue->first && m.type == "country") named.push_back(m.id);
  }
  std::vector<std::string> last_two;
  for (auto it = named.rbegin(); it != named.rend() && last_two.size() < 2; ++it) {
    if (std::find(last_two.begin(), last_two.end(), *it) == last_two.end()) last_two.push_back(*it);
  }
  return last_two.size() == 2 ? last_two : std::vector<std::string>{};
}

// "nhóm Bộ Tứ (Quad) gồm Mỹ, Nhật Bản, Ấn Độ và Australia", "the Quad,
// which brings together …": the countries listed are the grouping's
// members.
void Sentence::Comprising(const TriggerHit& hit) {
  auto listed = GroupingMembers(hit);
  if (!listed) return;
  for (size_t k : listed->second) Add(M()[k].id, kMembership, M()[listed->first].id, Span(hit.first, hit.count));
}

// The grouping before a "gồm"/"brings together" cue and the two or more
// countries listed after it.
std::optional<std::pair<size_t, std::vector<size_t>>> Sentence::GroupingMembers(const TriggerHit& hit) const {
  constexpr uint32_t kBodyReach = 4;  // "Hợp tác Mekong - Lan Thương (MLC), cơ chế gồm …"
  std::optional<size_t> body;
  uint32_t cursor = hit.first;
  for (size_t k = M().size(); k-- > 0;) {
    const auto& m = M()[k];
    if (End(m) > cursor) continue;
    if (cursor - End(m) > kBodyReach || ClauseBreak(End(m), cursor)) break;
    if (m.type == "regional_org" || m.type == "initiative" || (m.type == "organization" && !m.government)) {
      body = k;
      break;
    }
    // "AFACI, do Cục … Hàn Quốc (RDA) khởi xướng, hiện quy tụ …": the
    // agent of a passive between is stepped over.
    const bool agent = m.first > 0 && (tokens_[m.first - 1].exact == "do" || tokens_[m.first - 1].exact == "by" ||
                                       (k > 0 && M()[k - 1].id == m.id));
    if (m.kind == EntityKind::kActor && !agent) break;
    cursor = m.first;
  }
  if (!body) return std::nullopt;
  auto members = ActorsAfter(End(hit), 2, /*places_count=*/true);
  std::erase_if(members, [&](size_t k) { return M()[k].type != "country" || M()[k].id == M()[*body].id; });
  if (members.size() < 2) return std::nullopt;
  return std::make_pair(*body, members);
}

// "đều là thành viên RCEP và ACFTA", "members of the WTO, APEC and the
// IMF": the bodies listed right after the first one, joined by "và"/"and"
// or by commas with "và"/"and" before the last ("the" may follow either),
// are bodies of the same membership. The list ends at anything else: a
// country ("… ASEAN và Hàn Quốc ký …"), a word between, or commas never
// closed by "và" ("thành viên ASEAN, RCEP có hiệu lực …").
void Sentence::ListedBodies(size_t first, std::vector<size_t>* bodies) const {
  std::vector<size_t> after_comma;  // items joined by a comma, until "và" closes the list
  uint32_t cursor = End(M()[first]);
  std::string last = M()[first].id;
  for (size_t k = first + 1; k < M().size(); ++k) {
    const auto& m = M()[k];
    if (m.first < cursor) continue;
    // The same body again, its acronym in brackets: "… (GMS)".
    if (m.id == last) {
      cursor = End(m);
      continue;
    }
    uint32_t from = cursor;
    std::string_view gap = ctx_.text.substr(tokens_[cursor - 1].end, tokens_[m.first].begin - tokens_[cursor - 1].end);
    if (gap.find_first_of(";:.") != std::string_view::npos) break;
    const bool by_and = from < m.first && CueIn(from, from + 1, kCueAnd) && tokens_[from].exact != "with" &&
                        tokens_[from].exact != "cùng";
    if (by_and) {
      ++from;
    } else if (gap.find(',') == std::string_view::npos) {
      break;
    }
    if (from < m.first && tokens_[from].exact == "the") ++from;
    // A programme listed with the bodies has members too ("thành viên Cơ
    // chế … và Chương trình … (GMS)").
    if (from != m.first || !(CanHaveMembers(m) || m.type == "programme") || m.referring) break;
    after_comma.push_back(k);
    if (by_and) {
      bodies->insert(bodies->end(), after_comma.begin(), after_comma.end());
      after_comma.clear();
    }
    last = m.id;
    cursor = End(m);
  }
}

// One can be a member of an organisation or a party to an agreement.
bool Sentence::CanHaveMembers(const SentenceMention& m) {
  return m.type == "regional_org" || m.type == "organization" || m.type == "agreement" ||
         m.type == "initiative";
}

void Sentence::Membership(const TriggerHit& hit) {
  const std::string trigger = Span(hit.first, hit.count);
  if (AsMembers(hit, trigger)) return;
  // "thành viên", "member" alone name a relation only after a copula ("X
  // là thành viên của Y", "X became a member of Y"), not in "các nước
  // thành viên ASEAN" or "ASEAN member states".
  if (CueIn(hit.first, End(hit), kCueMemberWord) &&
      !CueIn(hit.first >= 4 ? hit.first - 4 : 0, hit.first, kCueCopula)) {
    return;
  }
  std::vector<size_t> bodies;
  for (size_t k = 0; k < M().size(); ++k) {
    const auto& m = M()[k];
    if (m.first >= End(hit) && m.first - End(hit) <= 6 && CanHaveMembers(m) && !ClauseBreak(End(hit), m.first)) {
      bodies.push_back(k);
      ListedBodies(k, &bodies);
      break;
    }
  }
  // "Timor-Leste, admitted as ASEAN's eleventh member", "được kết nạp vào
  // ASEAN": passive, so the member comes first as with "joined".
  const bool passive = (End(hit) < tokens_.size() &&
                        (tokens_[End(hit)].exact == "as" || tokens_[End(hit)].exact == "to" ||
                         tokens_[End(hit)].exact == "into" || tokens_[End(hit)].exact == "vào")) ||
                       (hit.first > 0 && (tokens_[hit.first - 1].exact == "được" ||
                                          tokens_[hit.first - 1].exact == "was" ||
                                          tokens_[hit.first - 1].exact == "been"));
  if (passive && CueIn(hit.first, End(hit), kCueAdmit)) {
    auto members = ActorsBefore(hit.first, kNearGap);
    std::erase_if(members, [&](size_t k) { return M()[k].type != "country" && M()[k].type != "organization"; });
    auto after = ActorsAfter(End(hit), 6, /*places_count=*/false);
    std::erase_if(after, [&](size_t k) { return !CanHaveMembers(M()[k]); });
    if (!after.empty()) Pairs(members, {after[0]}, kMembership, trigger);
    return;
  }
  if (CueIn(hit.first, End(hit), kCueAdmit)) {
    // "ASEAN kết nạp Timor-Leste": the body comes first, the member after.
    auto admitted = ActorsAfter(End(hit), kNearGap, /*places_count=*/false);
    if (auto body = KindBefore(hit.first, kNearGap, EntityKind::kActor); body && !admitted.empty()) {
      Pairs(admitted, {*body}, kMembership, trigger);
      return;
    }
  }
  auto members = ActorsBefore(hit.first, kNearGap);
  std::erase_if(members, [&](size_t k) { return M()[k].type != "country" && M()[k].type != "organization"; });
  // "cả hai nước đều là thành viên sáng lập của …": the two countries
  // named last.
  if (members.empty() && !bodies.empty()) {
    for (const auto& id : LastTwoCountries(hit)) {
      for (size_t b : bodies) Add(id, kMembership, M()[b].id, trigger);
    }
    return;
  }
  if (bodies.empty()) {
    // "Hàn Quốc trở thành thành viên từ tháng 2/2022", "Việt Nam gia nhập
    // sáng kiến này", "among its early parties": the body named last.
    if (auto body = LastBody(hit.first, /*agreements_only=*/false)) {
      for (size_t a : members) Add(M()[a].id, kMembership, *body, trigger);
    }
    return;
  }
  Pairs(members, bodies, kMembership, trigger);
}

// "SEADRIF was set up in 2018 with Japan, Singapore, Cambodia, Laos and
// Myanmar as founding members": the list between "with" and "as".
// Likewise "… with the ten ASEAN economies, China, Japan and South Korea
// as its parties" and "… with Japan, South Korea and the EU among its
// members": "its"/"their" may stand before the noun, "among" for "as".
bool Sentence::AsMembers(const TriggerHit& hit, const std::string& trigger) {
  uint32_t as = hit.first;
  if (as > 0 && (tokens_[as - 1].exact == "founding" || tokens_[as - 1].exact == "original")) --as;
  if (as > 0 && (tokens_[as - 1].exact == "its" || tokens_[as - 1].exact == "their")) --as;
  if (as == 0 || (tokens_[as - 1].exact != "as" && tokens_[as - 1].exact != "among")) return false;
  // The list, walked back from "as": names at most a word apart ("and",
  // "the"); a country or a regional body ("the EU").
  std::vector<size_t> members;
  uint32_t cursor = as - 1;
  for (size_t k = M().size(); k-- > 0;) {
    const auto& m = M()[k];
    if (End(m) > cursor) continue;
    const uint32_t gap = cursor - End(m);
    const bool the = gap == 2 && tokens_[cursor - 1].exact == "the";
    if ((gap > 1 && !the) || (m.type != "country" && m.type != "regional_org") || MembersOnly(k)) break;
    members.push_back(k);
    cursor = m.first;
    if (cursor > 0 && tokens_[cursor - 1].exact == "the") --cursor;
  }
  if (members.empty()) return false;
  // "with" opens the list, or a few words before it ("with the ten ASEAN
  // economies, China …": members named as a whole stop the walk).
  constexpr uint32_t kWithReach = 6;
  uint32_t list_start = M()[members.back()].first;
  uint32_t with = list_start;
  while (with > 0 && list_start - with < kWithReach && tokens_[with - 1].exact != "with") --with;
  if (with == 0 || tokens_[with - 1].exact != "with" || ClauseBreak(with, list_start)) return false;
  list_start = with;
  // "… was set up in 2018 with", "CMIM, a US$240 billion pool of swap
  // commitments, entered into force in March 2010 with": an appositive may
  // stand between.
  constexpr uint32_t kBodyReach = 16;
  for (size_t k = M().size(); k-- > 0;) {
    const auto& m = M()[k];
    if (End(m) > list_start - 1) continue;
    if (list_start - 1 - End(m) > kBodyReach || ClauseBreak(End(m), list_start - 1)) break;
    if (CanHaveMembers(m) || m.type == "programme") {  // a fund's or facility's founders too
      for (size_t a : members) Add(M()[a].id, kMembership, m.id, trigger);
      return true;
    }
  }
  return false;
}

// The agreement, initiative or regional body named last before token
// `at`, in this sentence or earlier in the passage.
std::optional<std::string> Sentence::LastBody(uint32_t at, bool agreements_only) const {
  auto fits = [&](const std::string& type) {
    return type == "agreement" || (!agreements_only && (type == "initiative" || type == "regional_org"));
  };
  for (size_t k = M().size(); k-- > 0;) {
    if (End(M()[k]) <= at && fits(M()[k].type) && !MembersOnly(k)) return M()[k].id;
  }
  for (auto it = ctx_.recent_bodies.rbegin(); it != ctx_.recent_bodies.rend(); ++it) {
    if (fits(it->second)) return it->first;
  }
  return std::nullopt;
}

}  // namespace policygraph::indexer::links
