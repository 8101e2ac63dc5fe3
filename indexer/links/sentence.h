// One sentence's typed links, rule by rule (typed_links.h gives the rules
// in short). The rules share the sentence's words, cues and parties; each
// relation's rules are a file of their own in indexer/links/:
//   sentence.cc       the words, cues and clause breaks of the sentence; Links() runs the rules
//   parties.cc        who acts: the actors before and after a trigger, places, owners, carried subjects
//   cooperation.cc    cooperation: partners, signatories, "hai nước"
//   enactment.cc      enactment: who adopts a framework, whose a framework is
//   participation.cc  participation: attending, hosting, acting at an event
//   investment.cc     investment, and grants and supplies that are cooperation
//   funded_work.cc    a funder with the body that carries out its project or channels its aid
//   membership.cc     membership: members of bodies, parties to agreements
//   basis.cc          basis: what a law rests on
// Before the rules run, antecedents.h gives "hai bên", "nước này", "the
// bloc" … the parties they stand for, as mentions over their own words.
#pragma once

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "indexer/analyzer.h"
#include "indexer/link_triggers.h"
#include "indexer/typed_links.h"

namespace policygraph::indexer::links {

// How far, in words, a party may stand from its trigger, and one list item
// from the next ("Trung Quốc, Mỹ, Liên minh châu Âu, các nước lớn và …").
// Measured on the dev article's sentences and a few of our own; wider gaps
// start to pair names from different clauses.
inline constexpr uint32_t kNearGap = 8;
inline constexpr uint32_t kListGap = 8;
// "có sự tham dự của Bộ trưởng Quốc phòng, quan chức các nước thành viên
// ASEAN …": attendance lists start after a longer preamble.
inline constexpr uint32_t kAttendanceGap = 12;
// "đã đầu tư 2,85 tỷ USD để xây dựng ba trung tâm dữ liệu ở Tây Java,
// Indonesia": the place of an investment comes after its amount and purpose.
inline constexpr uint32_t kInvestmentGap = 16;

class Sentence {
 public:
  explicit Sentence(const SentenceContext& ctx);
  std::vector<TypedLink> Links();

 private:
  const std::vector<SentenceMention>& M() const { return ctx_.mentions; }
  static uint32_t End(const SentenceMention& m) { return m.first + m.count; }
  static uint32_t End(const TriggerHit& h) { return h.first + h.count; }

  // sentence.cc
  bool PartOfAnotherWord(const TriggerHit& h) const;
  bool UnderAnInstrument(uint32_t at) const;
  bool InsideMention(const TriggerHit& h) const;
  std::string Span(uint32_t first, uint32_t count) const;
  bool CueIn(uint32_t from, uint32_t to, const char* cue) const;
  bool CueRightBefore(uint32_t at, const char* cue) const;
  bool Reads(const TriggerHit& trigger, const char* reading) const;
  bool ClauseBreak(uint32_t from, uint32_t to) const;
  bool Holds(const std::vector<size_t>& ks, const std::string& id) const;
  bool WordIn(uint32_t from, uint32_t to, std::initializer_list<const char*> words) const;
  bool TwoWordsAt(uint32_t t, std::initializer_list<std::pair<const char*, const char*>> pairs) const;
  bool NameStartsAt(uint32_t t) const;
  std::vector<size_t> KindAfter(uint32_t at, uint32_t near, EntityKind kind, uint32_t list_gap = kListGap) const;
  std::optional<size_t> KindBefore(uint32_t at, uint32_t near, EntityKind kind) const;
  void Add(const std::string& a, const char* relation, const std::string& b, const std::string& trigger);
  void Pairs(const std::vector<size_t>& xs, const std::vector<size_t>& ys, const char* relation,
             const std::string& trigger);
  static void AddAllPairs(const std::vector<size_t>& xs, std::vector<std::pair<size_t, size_t>>* pairs);
  bool VerbBetween(uint32_t from, uint32_t to) const;
  bool OnlyIntended(const TriggerHit& hit) const;
  bool Forgone(uint32_t at) const;
  size_t Nearest(const std::vector<size_t>& ks, const TriggerHit& hit) const;

  // parties.cc
  bool IsOwner(size_t k) const;
  bool IsPlace(const SentenceMention& m) const;
  bool IsPossessiveOwner(size_t k) const;
  bool FirstHalfOfDual(size_t k) const;
  bool MembersOnly(size_t k) const;
  bool Appositive(uint32_t from, uint32_t to) const;
  std::vector<size_t> ActorsBefore(uint32_t at, uint32_t near) const;
  bool Topic(const SentenceMention& m) const;
  bool VerbRightAfter(const SentenceMention& m) const;
  bool PassiveAgent(const SentenceMention& m, uint32_t at) const;
  bool Descriptive(const SentenceMention& m) const;
  bool ObjectOfVerb(const SentenceMention& m) const;
  std::vector<size_t> ActorsAfter(uint32_t at, uint32_t near, bool places_count) const;
  std::vector<size_t> Subjects(const std::vector<size_t>& before) const;
  bool NewClauseSubject(uint32_t from, size_t k) const;
  std::string CountryOf(size_t k) const;
  std::vector<size_t> SubjectOf(const TriggerHit& hit) const;
  std::string ThisCountry(const TriggerHit& hit) const;
  std::vector<size_t> CarriedSubject(const TriggerHit& hit) const;

  // cooperation.cc
  void Cooperation(const TriggerHit& hit);
  void AddCooperation(size_t a, size_t b, const std::string& trigger);
  void Jointly(const TriggerHit& hit);
  bool WithThe(size_t k) const;
  bool IsSigning(const TriggerHit& hit) const;
  void BothSides(const TriggerHit& hit, const std::string& trigger);
  std::vector<size_t> Signatories(const std::vector<size_t>& left) const;
  bool JoinedByAnd(const std::vector<size_t>& actors) const;

  // enactment.cc
  bool ActsForItsCountry(const SentenceMention& m) const;
  std::string OwnerOf(size_t k, bool opening_place = false) const;
  void Ownership(size_t k);
  void Enactment(const TriggerHit& hit);
  std::vector<size_t> SubjectOfAfterClause(const TriggerHit& hit, size_t last_object) const;
  void StartedTogether(const TriggerHit& hit, const std::vector<size_t>& actors);

  // participation.cc
  void Participation(const TriggerHit& hit);
  void Host(const TriggerHit& hit);
  void HostAfter(size_t k);
  void ActingAt(size_t k);
  uint32_t RunningAt(uint32_t t, bool active, bool event) const;
  void RunBy(size_t k);
  bool JoinableNounAfter(const TriggerHit& hit) const;
  static bool IsProgramme(const SentenceMention& m);

  // basis.cc
  std::optional<size_t> RelativeClauseHead(uint32_t at) const;

  // investment.cc
  void Investment(const TriggerHit& hit);
  bool LoanNear(const TriggerHit& hit) const;
  bool SumAfter(const TriggerHit& hit) const;
  void LendTo(const TriggerHit& hit);
  bool GivenGrants(const TriggerHit& hit, const std::string& trigger);
  void Stake(const TriggerHit& hit);
  void AllottedTo(const TriggerHit& hit);

  // funded_work.cc
  std::vector<size_t> Funders(const TriggerHit& hit) const;
  std::optional<size_t> ActorAt(uint32_t at) const;
  std::vector<size_t> JoinedFrom(size_t first, uint32_t end) const;
  uint32_t CarryingOutAt(uint32_t t) const;
  void FundedWork(const TriggerHit& hit);
  void FundedHelps(const TriggerHit& hit, const std::vector<size_t>& funders);
  void GivenThrough(uint32_t at);

  // membership.cc
  std::vector<std::string> LastTwoCountries(const TriggerHit& hit) const;
  void Comprising(const TriggerHit& hit);
  std::optional<std::pair<size_t, std::vector<size_t>>> GroupingMembers(const TriggerHit& hit) const;
  static bool CanHaveMembers(const SentenceMention& m);
  void Membership(const TriggerHit& hit);
  void ListedBodies(size_t first, std::vector<size_t>* bodies) const;
  bool AsMembers(const TriggerHit& hit, const std::string& trigger);
  std::optional<std::string> LastBody(uint32_t at, bool agreements_only) const;

  // basis.cc
  void Basis(const TriggerHit& hit);

  const SentenceContext& ctx_;
  const std::vector<Token>& tokens_;
  std::vector<TriggerHit> hits_;
  std::vector<TypedLink> links_;
  std::set<size_t> listed_members_;  // mentions listed as a grouping's members
};

}  // namespace policygraph::indexer::links
