#include "indexer/links/sentence.h"

#include <algorithm>

#include "indexer/analyzer.h"  // StartsWithPossessive

namespace policygraph::indexer::links {

// A parliament or government enacts for its country; a ministry or
// agency issues its own plans ("Bộ Y tế ban hành Kế hoạch …").
bool Sentence::ActsForItsCountry(const SentenceMention& m) const {
  const std::string name = Span(m.first, m.count);
  for (const char* head : {"Quốc hội", "Chính phủ", "Parliament", "Government", "National Assembly", "Congress",
                           "Thủ tướng"}) {
    if (name.rfind(head, 0) == 0) return true;
  }
  return false;
}

// Who a framework belongs to: a country named inside it after "của"/"of"
// or as "X's", or right after it as "… của X".
// `opening_place`: also the country the sentence opens with as a place,
// where a verb says the law was enacted or took effect.
std::string Sentence::OwnerOf(size_t k, bool opening_place) const {
  if (!M()[k].owner.empty()) return M()[k].owner;
  // "Germany has become … since its Skilled Immigration Act came into
  // force": "its" is the country the sentence is about, its first actor.
  if (M()[k].first > 0 && tokens_[M()[k].first - 1].exact == "its") {
    for (size_t j = 0; j < k; ++j) {
      if (M()[j].type == "country" && !IsPlace(M()[j]) && !IsPossessiveOwner(j)) return M()[j].id;
    }
  }
  // "Thailand's Green Data Act", "the Philippines' CREATE MORE Act".
  if (k > 0 && IsPossessiveOwner(k - 1)) return M()[k - 1].id;
  for (size_t j = k + 1; j < M().size(); ++j) {
    const auto& m = M()[j];
    if (m.id == M()[k].id) continue;  // its own translation in parentheses
    if (IsOwner(j) && m.type == "country") return m.id;
    break;
  }
  // "In Vietnam, Decree No. 52/2024/ND-CP … took effect", "Tại Lào, Luật
  // … có hiệu lực": the country the sentence opens with, when no other
  // actor stands between it and the law.
  if (opening_place && M()[0].type == "country" && M()[0].first <= 2 && k > 0 && IsPlace(M()[0])) {
    bool alone = true;
    for (size_t j = 1; j < k; ++j) alone = alone && M()[j].kind != EntityKind::kActor;
    if (alone) return M()[0].id;
  }
  return "";
}

// A country's own law, strategy, plan or programme is one it enacted
// ("“Kế hoạch …” của Lào", "Thailand's … Act"); an initiative or
// agreement named after a country need not be.
void Sentence::Ownership(size_t k) {
  const std::string& type = M()[k].type;
  if (type != "law" && type != "strategy" && type != "plan" && type != "programme") return;
  std::string owner = OwnerOf(k);
  if (!owner.empty()) Add(owner, kEnactment, M()[k].id, Span(M()[k].first, M()[k].count));
}

void Sentence::Enactment(const TriggerHit& hit) {
  const std::string trigger = Span(hit.first, hit.count);
  // A country that ratifies an agreement becomes a party to it
  // ("Việt Nam thuộc nhóm hoàn tất phê chuẩn sớm nhất").
  if (Reads(hit, kCueRatify)) {
    auto parties = ActorsBefore(hit.first, kNearGap);
    std::erase_if(parties, [&](size_t k) { return M()[k].type != "country"; });
    auto after = KindAfter(End(hit), 3, EntityKind::kFramework);
    std::optional<std::string> agreement;
    if (!after.empty() && M()[after[0]].type == "agreement") agreement = M()[after[0]].id;
    // "… had ratified it": the agreement the sentence is about, its first.
    const bool it_follows = End(hit) < tokens_.size() && tokens_[End(hit)].exact == "it";
    for (size_t k = 0; it_follows && after.empty() && k < M().size() && !agreement; ++k) {
      if (M()[k].type == "agreement") agreement = M()[k].id;
    }
    if (after.empty() && !agreement) agreement = LastBody(hit.first, /*agreements_only=*/true);
    if (agreement && !parties.empty()) {
      for (size_t a : parties) Add(M()[a].id, kMembership, *agreement, trigger);
      return;
    }
  }
  // "thông qua" is also "through": "thông qua cơ chế “DCCP”", "thông qua
  // dự án …". It adopts only what follows it at once.
  const uint32_t reach = CueIn(hit.first, End(hit), kCueThrough) ? 0 : 3;
  auto after = KindAfter(End(hit), reach, EntityKind::kFramework);
  // "approved the … Strategy, which builds on the Paris Agreement": a
  // framework past another verb is that verb's.
  for (size_t i = 1; i < after.size(); ++i) {
    if (VerbBetween(End(M()[after[i - 1]]), M()[after[i]].first)) {
      after.resize(i);
      break;
    }
  }
  // Launching talks on an agreement does not enact it: an agreement is
  // enacted only by approving, ratifying or bringing it into force.
  const bool launch = CueIn(hit.first, End(hit), kCueLaunch);
  // Setting up ("thành lập Quỹ …", "set up the … Facility") enacts a
  // fund, programme, plan or initiative, not a law or an agreement.
  const bool sets_up = Reads(hit, kCueSetUp);
  // "ký bản ghi nhớ về việc thành lập …": the setting up is what the
  // memorandum is about, not done by its signatories.
  if (sets_up && hit.first > 0 && (tokens_[hit.first - 1].exact == "việc" || tokens_[hit.first - 1].exact == "về")) {
    return;
  }
  auto enactable = [&](size_t f) {
    if (sets_up) return M()[f].type != "agreement" && M()[f].type != "law";
    return !(launch && M()[f].type == "agreement");
  };
  if (!after.empty()) {
    auto actors = ActorsBefore(hit.first, kNearGap);
    if (actors.empty()) actors = SubjectOfAfterClause(hit, after.back());
    if (actors.empty()) actors = SubjectOf(hit);
    const std::string this_country = actors.empty() ? ThisCountry(hit) : "";
    for (size_t f : after) {
      if (!enactable(f)) continue;
      if (!this_country.empty()) {
        Add(this_country, kEnactment, M()[f].id, trigger);
        continue;
      }
      if (actors.empty()) Add(OwnerOf(f, /*opening_place=*/true), kEnactment, M()[f].id, trigger);
      for (size_t a : actors) {
        Add(M()[a].id, kEnactment, M()[f].id, trigger);
        // "Quốc hội Việt Nam thông qua …": a state body enacts for its country.
        if (M()[a].government && ActsForItsCountry(M()[a])) Add(CountryOf(a), kEnactment, M()[f].id, trigger);
      }
    }
    if (this_country.empty() && std::any_of(after.begin(), after.end(), enactable)) StartedTogether(hit, actors);
    return;
  }
  // Passive: "“Luật …” có hiệu lực", "the Act entered into force"; or a
  // relative clause: "the GDPR, which the European Union adopted".
  if (auto f = KindBefore(hit.first, kNearGap, EntityKind::kFramework); f && enactable(*f)) {
    auto actors = ActorsBefore(hit.first, kNearGap);
    std::erase_if(actors, [&](size_t a) { return a < *f; });
    // "X, được A, B và C ký năm 2011, có hiệu lực năm 2012": coming into
    // force is no one's act; only an owner enacts ("The European Chips
    // Act, the European Union's flagship law, entered into force").
    if (Reads(hit, kCueInForce)) {
      std::erase_if(actors, [&](size_t a) {
        return !StartsWithPossessive(ctx_.text.substr(tokens_[End(M()[a]) - 1].end));
      });
    }
    // "an initiative launched by Canberra in 2019": the agent after "by".
    if (actors.empty() && End(hit) < tokens_.size() &&
        (tokens_[End(hit)].exact == "by" || tokens_[End(hit)].exact == "bởi")) {
      auto agents = ActorsAfter(End(hit) + 1, 1, /*places_count=*/true);
      if (!agents.empty()) actors.push_back(agents.front());
    }
    if (actors.empty()) Add(OwnerOf(*f, /*opening_place=*/true), kEnactment, M()[*f].id, trigger);
    for (size_t a : actors) Add(M()[a].id, kEnactment, M()[*f].id, trigger);
    StartedTogether(hit, actors);
  }
}

// "Bank Indonesia and the Bank of Thailand launched the LCSF", "the … Trust
// Fund, which Australia and the ADB established": two or three subjects
// joined by "and" starting one thing are partners in it. (Adopting, passing
// or announcing may be each one's own act.)
void Sentence::StartedTogether(const TriggerHit& hit, const std::vector<size_t>& actors) {
  const bool starts = Reads(hit, kCueSetUp) ||
                      WordIn(hit.first, End(hit), {"launch", "launches", "launched", "khởi", "ra", "initiated"});
  if (!starts || actors.size() < 2 || actors.size() > 3 || !JoinedByAnd(actors)) return;
  std::vector<std::pair<size_t, size_t>> pairs;
  AddAllPairs(actors, &pairs);
  for (const auto& [a, b] : pairs) Add(M()[a].id, kCooperation, M()[b].id, Span(hit.first, hit.count));
}

// "Sau khi khởi động PQI năm 2015, Tokyo tiếp tục …", "Hàn Quốc đẩy
// mạnh hợp tác … sau khi công bố KASI": a clause of time ("sau khi",
// "after") has the main clause's subject: the sentence's first actor
// when it comes before, else the first after the clause's comma.
std::vector<size_t> Sentence::SubjectOfAfterClause(const TriggerHit& hit, size_t last_object) const {
  const bool after_clause = (hit.first >= 2 && tokens_[hit.first - 2].exact == "sau" &&
                             tokens_[hit.first - 1].exact == "khi") ||
                            (hit.first >= 1 && tokens_[hit.first - 1].exact == "after");
  if (!after_clause) return {};
  for (size_t k = 0; k < M().size(); ++k) {
    const auto& m = M()[k];
    if (m.kind != EntityKind::kActor || IsOwner(k) || IsPossessiveOwner(k) || IsPlace(m) || MembersOnly(k)) continue;
    if (End(m) <= hit.first) {
      return ClauseBreak(End(m), hit.first) ? std::vector<size_t>{} : std::vector<size_t>{k};
    }
    if (m.first < End(M()[last_object])) continue;
    // After the clause: the first actor past a comma.
    std::string_view gap = ctx_.text.substr(tokens_[End(M()[last_object]) - 1].end,
                                            tokens_[m.first].begin - tokens_[End(M()[last_object]) - 1].end);
    if (gap.find(',') != std::string_view::npos && m.first - End(M()[last_object]) <= 6) return {k};
    return {};
  }
  return {};
}

}  // namespace policygraph::indexer::links
