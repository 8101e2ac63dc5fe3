#include "indexer/links/sentence.h"

#include <algorithm>

namespace policygraph::indexer::links {

void Sentence::Participation(const TriggerHit& hit) {
  const std::string trigger = Span(hit.first, hit.count);
  std::vector<size_t> targets;
  for (size_t k = 0; k < M().size(); ++k) {
    const auto& m = M()[k];
    bool joinable = m.kind == EntityKind::kEvent || (m.kind == EntityKind::kFramework && IsProgramme(m));
    if (joinable) targets.push_back(k);
  }
  if (targets.empty() && Reads(hit, kCueJoin) &&
      !JoinableNounAfter(hit)) {
    // "… among its early parties, the Philippines joined in 2018": the
    // agreement named last.
    if (auto body = LastBody(hit.first, /*agreements_only=*/true)) {
      for (size_t a : ActorsBefore(hit.first, kNearGap)) {
        if (M()[a].type == "country") Add(M()[a].id, kMembership, *body, Span(hit.first, hit.count));
      }
    }
    return;
  }
  if (targets.empty()) {
    // "Lào, Thái Lan, Malaysia và Singapore cùng tham gia dự án": the
    // project named just before.
    if (ctx_.recent_joinables.empty() || !JoinableNounAfter(hit)) return;
    for (size_t a : ActorsBefore(hit.first, kNearGap)) {
      Add(M()[a].id, kParticipation, ctx_.recent_joinables.back(), Span(hit.first, hit.count));
    }
    return;
  }
  size_t target = Nearest(targets, hit);
  // Joining an agreement or an initiative ("tham gia COVAX") makes one a
  // party to it; one takes part in events and programmes.
  const char* relation =
      M()[target].type == "agreement" || M()[target].type == "initiative" ? kMembership : kParticipation;
  auto parties = ActorsAfter(End(hit), kAttendanceGap, /*places_count=*/false);
  // "với sự tham gia của X", "participation of X": X takes part; the
  // subject of the sentence organised it.
  const bool of_follows = End(hit) < tokens_.size() &&
                          (tokens_[End(hit)].exact == "của" || tokens_[End(hit)].exact == "of");
  // "hosted by Indonesia, the governors of …": the host, and only it.
  const bool by_follows = End(hit) < tokens_.size() && (tokens_[End(hit)].exact == "by" || tokens_[End(hit)].exact == "bởi");
  // (erase, not resize(1): GCC 12 warns about resize's growing branch here.)
  if (by_follows && parties.size() > 1) parties.erase(parties.begin() + 1, parties.end());
  if (!of_follows && !by_follows) {
    auto subjects = ActorsBefore(hit.first, kNearGap);
    if (subjects.empty()) subjects = SubjectOf(hit);
    parties.insert(parties.end(), subjects.begin(), subjects.end());
  }
  for (size_t a : parties) Add(M()[a].id, relation, M()[target].id, trigger);
}

// "tổ chức tại Siem Reap, Campuchia": the country after the cue hosts the
// event the sentence names.
void Sentence::Host(const TriggerHit& hit) {
  std::vector<size_t> events;
  for (size_t k = 0; k < M().size(); ++k) {
    if (M()[k].kind == EntityKind::kEvent && M()[k].first < hit.first) events.push_back(k);
  }
  if (events.empty()) return;
  auto hosts = ActorsAfter(End(hit), 4, /*places_count=*/true);
  if (!hosts.empty()) {
    Add(M()[hosts[0]].id, kParticipation, M()[Nearest(events, hit)].id, Span(hit.first, hit.count));
  }
}

// "the 31st ASEAN Summit in Manila, the Philippines", "Hội nghị … tại
// Kuala Lumpur, Malaysia": the country where an event is held hosts it.
void Sentence::HostAfter(size_t k) {
  const auto& event = M()[k];
  if (End(event) >= tokens_.size()) return;
  const std::string& next = tokens_[End(event)].exact;
  if (next != "in" && next != "tại" && next != "ở") return;
  auto hosts = ActorsAfter(End(event) + 1, 4, /*places_count=*/true);
  std::erase_if(hosts, [&](size_t h) { return M()[h].type != "country"; });
  if (!hosts.empty()) Add(M()[hosts[0]].id, kParticipation, event.id, Span(End(event), 1));
}

// "tại Hội nghị …, Hàn Quốc công bố …", "at the summit, Japan announced":
// whoever acts at an event takes part in it.
void Sentence::ActingAt(size_t k) {
  const auto& event = M()[k];
  const bool at = CueRightBefore(event.first, kCueLocation) ||
                  (event.first > 0 && tokens_[event.first - 1].exact == "the" &&
                   CueRightBefore(event.first - 1, kCueLocation));  // "At the … Summit"
  if (!at) return;
  // "At the Quad Leaders' Summit in Wilmington, Delaware, on 21 September
  // 2024, Australia, India …": the place and date come first.
  constexpr uint32_t kActingAtGap = 14;
  auto actors = ActorsAfter(End(event), kActingAtGap, /*places_count=*/false);
  if (actors.empty()) {
    // "South Korea, for its part, announced the KASI at the ASEAN-Korea
    // Summit": the subject of a verb just before "at the …" acted there.
    auto verb = std::find_if(hits_.rbegin(), hits_.rend(), [&](const TriggerHit& h) {
      return End(h) <= event.first && event.first - End(h) <= 8 && h.relation.rfind("cue:", 0) != 0;
    });
    if (verb == hits_.rend()) return;
    for (size_t a : ActorsBefore(verb->first, kNearGap)) {
      Add(M()[a].id, kParticipation, event.id, Span(event.first >= 1 ? event.first - 1 : event.first, 1));
    }
    return;
  }
  // Only the subject of what follows (one actor or a list), after a comma.
  const auto& a = M()[actors.front()];
  std::string_view gap = ctx_.text.substr(tokens_[End(event) - 1].end,
                                          tokens_[a.first].begin - tokens_[End(event) - 1].end);
  if (gap.find(',') == std::string_view::npos) return;
  for (size_t k : actors) {
    // "Tại Hội nghị Cấp cao ASEAN …, các nhà lãnh đạo ASEAN …": a body
    // does not take part in its own meeting.
    if (Span(event.first, event.count).find(Span(M()[k].first, M()[k].count)) != std::string::npos) continue;
    Add(M()[k].id, kParticipation, event.id, Span(event.first >= 1 ? event.first - 1 : event.first, 1));
  }
}

// The verb of organising, running or granting at token `t`: "tổ chức",
// "quản lý", "điều hành", "điều phối", "chi trả", "cấp", and for an event
// "lập ra" (setting up a programme enacts it: enactment.cc); with `active`,
// only those that also read right before the thing's name ("NIC tổ chức
// Triển lãm …"). Returns its length in tokens, 0 where there is none.
uint32_t Sentence::RunningAt(uint32_t t, bool active, bool event) const {
  if (TwoWordsAt(t, {{"tổ", "chức"}, {"quản", "lý"}, {"điều", "hành"}, {"điều", "phối"}})) return 2;
  if (active || t >= tokens_.size()) return 0;
  if (TwoWordsAt(t, {{"chi", "trả"}}) || (event && TwoWordsAt(t, {{"lập", "ra"}}))) return 2;
  return tokens_[t].exact == "cấp" ? 1 : 0;
}

// "Hội nghị … do Nhật Bản tổ chức", "Học bổng Eiffel, do Bộ … cấp",
// "APRSAF, diễn đàn thường niên do Nhật Bản lập ra", "NIC tổ chức Triển lãm
// …": whoever organises, runs or grants an event or programme takes part
// in it. "tổ chức" is also the noun "organisation" (so it is no trigger of
// its own): the verb counts only after "do"/"bởi" and its agents, or right
// before the name.
void Sentence::RunBy(size_t k) {
  const auto& m = M()[k];
  const bool joinable = m.kind == EntityKind::kEvent || (m.kind == EntityKind::kFramework && IsProgramme(m));
  if (!joinable || m.type == "agreement") return;
  // Passive: "do" a few words after the name ("…, diễn đàn thường niên do
  // …"), with no other name between.
  constexpr uint32_t kToAgent = 6;
  for (uint32_t t = End(m); t < tokens_.size() && t <= End(m) + kToAgent; ++t) {
    if (NameStartsAt(t)) break;
    const std::string& w = tokens_[t].exact;
    if (w != "do" && w != "bởi") continue;
    if (auto first = ActorAt(t + 1)) {
      auto agents = JoinedFrom(*first, tokens_.size());
      uint32_t verb = End(M()[agents.back()]);
      if (verb < tokens_.size() && tokens_[verb].exact == "đồng") ++verb;  // "đồng tổ chức"
      if (uint32_t n = RunningAt(verb, /*active=*/false, m.kind == EntityKind::kEvent)) {
        for (size_t a : agents) Add(M()[a].id, kParticipation, m.id, Span(verb, n));
      }
    }
    return;
  }
  // Active: the verb right before the name, its subject before it.
  constexpr uint32_t kVerbLength = 2;
  if (m.first < kVerbLength || RunningAt(m.first - kVerbLength, /*active=*/true, false) != kVerbLength) return;
  const uint32_t verb = m.first - kVerbLength;
  for (size_t a : Subjects(ActorsBefore(verb, kNearGap))) Add(M()[a].id, kParticipation, m.id, Span(verb, kVerbLength));
}

// "tham gia dự án", "joined the programme": a common noun for the thing
// joined right after the trigger.
bool Sentence::JoinableNounAfter(const TriggerHit& hit) const {
  static const char* kNouns[] = {"dự", "chương", "sáng", "hội", "diễn", "project", "programme", "program",
                                 "initiative", "summit", "forum", "meeting"};
  for (uint32_t t = End(hit); t < tokens_.size() && t < End(hit) + 2; ++t) {
    for (const char* n : kNouns) {
      if (tokens_[t].exact == n) return true;
    }
  }
  return false;
}

// What one can join or take part in, besides events.
bool Sentence::IsProgramme(const SentenceMention& m) {
  return m.type == "programme" || m.type == "initiative" || m.type == "agreement";
}

}  // namespace policygraph::indexer::links
