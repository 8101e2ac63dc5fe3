#include "indexer/links/sentence.h"

#include <algorithm>

namespace policygraph::indexer::links {

void Sentence::Cooperation(const TriggerHit& hit) {
  const std::string trigger = Span(hit.first, hit.count);
  auto left = ActorsBefore(hit.first, kNearGap);
  auto right = ActorsAfter(End(hit), kNearGap, /*places_count=*/false);
  if (left.empty() && !right.empty()) left = CarriedSubject(hit);
  if (left.empty() && !right.empty()) {
    if (std::string country = ThisCountry(hit); !country.empty()) {
      for (size_t b : right) Add(country, kCooperation, M()[b].id, trigger);
      return;
    }
  }
  // "Thái Lan và Singapore nối hai hệ thống …": linking words type a
  // link only between subjects joined by "và"; "kết nối các thành phố
  // của Mỹ với …" connects things, not partners.
  if (Reads(hit, kCueConnect)) {
    if (left.size() >= 2 && JoinedByAnd(left)) {
      std::vector<std::pair<size_t, size_t>> pairs;
      AddAllPairs(left, &pairs);
      for (const auto& [a, b] : pairs) Add(M()[a].id, kCooperation, M()[b].id, trigger);
    }
    return;
  }
  // Three or more parties signing a named agreement ("… signed the
  // Memorandum of Understanding on …") become parties to it, not partners
  // of each other pairwise; two who sign one cooperate.
  auto signable = [&](size_t k) { return M()[k].type == "agreement" || M()[k].type == "initiative"; };
  // "Singapore đi đầu với “Hiệp định …” (DEPA), ký cùng New Zealand và
  // Chile": the agreement first, then the verb and the other signatories;
  // three or more become its parties.
  if (IsSigning(hit)) {
    if (auto before = KindBefore(hit.first, 2, EntityKind::kFramework); before && signable(*before)) {
      auto first = ActorsBefore(M()[*before].first, kNearGap);
      std::vector<size_t> parties(first.begin(), first.end());
      parties.insert(parties.end(), right.begin(), right.end());
      if (parties.size() >= 3) {
        for (size_t a : parties) Add(M()[a].id, kMembership, M()[*before].id, trigger);
        return;
      }
    }
  }
  // "APTERR, được mười nước ASEAN cùng Trung Quốc, Nhật Bản và Hàn Quốc
  // ký năm 2011", "Hiệp định … mà Campuchia, Lào, Thái Lan và Việt Nam ký
  // năm 1995": the agreement before "được"/"mà", its signatories between;
  // "được A, B và C ký với D": the one it was signed with is a party too.
  const bool signed_with = End(hit) < tokens_.size() && tokens_[End(hit)].exact == "với";
  if (IsSigning(hit) && (right.empty() || signed_with) && !left.empty()) {
    const uint32_t first_signer = M()[left.back()].first;
    for (uint32_t t = first_signer; t-- > 0 && first_signer - t <= 6;) {
      // After "mà" two signers may be partners of the agreement's own
      // making ("Hiệp định … mà hai chính phủ ký"); three or more are parties.
      if (tokens_[t].exact != "được" && !(tokens_[t].exact == "mà" && left.size() + right.size() >= 3)) continue;
      if (auto agreement = KindBefore(t, 3, EntityKind::kFramework); agreement && signable(*agreement)) {
        for (size_t a : left) Add(M()[a].id, kMembership, M()[*agreement].id, trigger);
        for (size_t a : right) Add(M()[a].id, kMembership, M()[*agreement].id, trigger);
        return;
      }
      break;
    }
  }
  if (IsSigning(hit) && right.empty()) {
    auto signatories = Signatories(left);
    auto agreement = KindAfter(End(hit), 3, EntityKind::kFramework);
    if (!agreement.empty() && signable(agreement[0]) && signatories.size() >= 2) {
      if (signatories.size() >= 3) {
        for (size_t a : signatories) Add(M()[a].id, kMembership, M()[agreement[0]].id, trigger);
      } else {
        Add(M()[signatories[0]].id, kCooperation, M()[signatories[1]].id, trigger);
      }
      return;
    }
  }
  std::vector<std::pair<size_t, size_t>> pairs;
  // "a linkage developed jointly by the RBI and MAS": passive, so the
  // parties are the two after "by", whoever the sentence began with.
  const bool by_follows = End(hit) < tokens_.size() &&
                          (tokens_[End(hit)].exact == "by" || tokens_[End(hit)].exact == "bởi");
  if (by_follows && right.size() == 2 && CueIn(End(M()[right[0]]), M()[right[1]].first, kCueAnd)) {
    AddAllPairs(right, &pairs);
  } else if (left.size() >= 2 && CueIn(hit.first, End(hit), kCueSymmetric) && JoinedByAnd(left) &&
             End(M()[left[0]]) + 1 >= hit.first) {
    // "Washington and London jointly designated Prince Group": subjects
    // acting together are the partners; what they act on is not.
    AddAllPairs(left, &pairs);
  } else if (!left.empty() && !right.empty()) {
    for (size_t a : left) {
      for (size_t b : right) pairs.emplace_back(a, b);
    }
  } else if (right.size() >= 2 && CueIn(End(hit), M()[right[0]].first, kCueBetween)) {
    AddAllPairs(right, &pairs);  // "hợp tác giữa ASEAN và Trung Quốc"
  } else if (left.size() >= 2 && right.empty() && WithThe(left[0])) {
    // "Indonesia và Malaysia …, rồi cùng EU lập một nhóm đặc nhiệm chung":
    // the one after "cùng"/"with" is the other side.
    for (size_t k = 1; k < left.size(); ++k) pairs.emplace_back(left[k], left[0]);
  } else if (left.size() >= 2 && right.empty() && JoinedByAnd(left) && !Reads(hit, kCueGift)) {
    // "A và B phối hợp tổ chức", "A và B nâng quan hệ lên …"; not a gift,
    // which needs a recipient ("Brunei và Lào dựa vào … viện trợ" names none).
    AddAllPairs(left, &pairs);
  } else if (left.size() == 2 && right.empty() && End(M()[left[0]]) == hit.first) {
    // "the UK became an ASEAN dialogue partner": the name right before
    // the trigger says whose partner the subject became.
    for (size_t k = 1; k < left.size(); ++k) pairs.emplace_back(left[k], left[0]);
  }
  if (pairs.empty()) BothSides(hit, trigger);
  for (const auto& [a, b] : pairs) AddCooperation(a, b, trigger);
}

void Sentence::AddCooperation(size_t a, size_t b, const std::string& trigger) {
  Add(M()[a].id, kCooperation, M()[b].id, trigger);
  // Ministries that cooperate bring their countries together too;
  // companies do not.
  auto state = [&](size_t k) { return M()[k].type == "country" || M()[k].government; };
  if (!state(a) || !state(b)) return;
  std::string ca = CountryOf(a), cb = CountryOf(b);
  if (!ca.empty() && !cb.empty() && (ca != M()[a].id || cb != M()[b].id)) Add(ca, kCooperation, cb, trigger);
}

// "cùng" (together) before a verb makes its subjects act jointly: "KIOST
// và VAST cùng vận hành …" (A and B together run …), "USAID cùng NASA khởi
// động …" (A together with B launches …), "do UNDP triển khai cùng Bộ Tư
// pháp" (carried out by A together with B). Whatever the verb, the parties
// work together: cooperation. Not "cùng" of sameness ("cùng năm", "cùng
// lúc", "cùng một"), of a shared state ("cùng là thành viên", "cùng có",
// "cùng chịu"), or of joining something ("cùng tham gia", which
// participation reads); longer triggers ("cùng với", "cùng ký") are read
// by their own rules.
void Sentence::Jointly(const TriggerHit& hit) {
  if (hit.count != 1 || tokens_[hit.first].exact != "cùng") return;
  if (End(hit) >= tokens_.size()) return;
  const std::string& next = tokens_[End(hit)].exact;
  static const char* kNotJoint[] = {"năm", "lúc", "thời", "ngày", "tháng", "dịp", "kỳ", "một", "là", "có",
                                    "thuộc", "nằm", "chịu", "bị", "được", "đối", "chung", "tham", "gia", "quan",
                                    "loại", "cấp", "mức", "chiều", "hướng", "nhóm", "khu", "lĩnh"};
  for (const char* w : kNotJoint) {
    if (next == w) return;
  }
  // A trigger of any relation right after ("cùng tài trợ", "cùng phối
  // hợp") still has "cùng" say who acts together; a cue does not matter.
  // The subjects: the actor right before (a verb or an adverb or two may
  // stand between, "đã cùng", "trực tiếp triển khai cùng"), with the
  // actors joined to it by "và" or commas.
  constexpr uint32_t kSubjectReach = 3;
  auto before = ActorsBefore(hit.first, kSubjectReach);
  // "…, đồng thời cùng Qualcomm tổ chức": after a comma the subject is
  // further back, not the name just before.
  if (!before.empty()) {
    const uint32_t end = End(M()[before[0]]);
    std::string_view gap = ctx_.text.substr(tokens_[end - 1].end, tokens_[hit.first].begin - tokens_[end - 1].end);
    if (gap.find(',') != std::string_view::npos) return;
  }
  const std::vector<size_t> subjects = Subjects(before);
  if (subjects.empty()) return;
  // The partners: the actor right after "cùng" and those listed with it.
  // A list ends with "và"/"and"; names after a comma alone ("A cùng B
  // phân tích …, C đặt …") open a clause of their own.
  std::vector<size_t> partners;
  bool closed_by_and = false;
  uint32_t cursor = End(hit);
  for (size_t k = 0; k < M().size(); ++k) {
    const auto& m = M()[k];
    if (m.first < cursor) continue;
    if (IsOwner(k) && !partners.empty()) {  // "IOW của Đức": the owner is stepped over
      cursor = End(m);
      continue;
    }
    const uint32_t gap = m.first - cursor;
    if (partners.empty() ? gap > 0 : gap > 1) break;
    const bool by_and = gap == 1 && CueIn(cursor, m.first, kCueAnd);
    if (!partners.empty() && gap == 1 && !by_and) break;
    if (ClauseBreak(cursor, m.first)) break;
    if (m.kind != EntityKind::kActor || Descriptive(m) || MembersOnly(k)) break;
    partners.push_back(k);
    closed_by_and = by_and;
    cursor = End(m);
  }
  if (partners.size() > 1 && !closed_by_and) partners.erase(partners.begin() + 1, partners.end());
  // "Nhật Bản cùng Ấn Độ là hai …": a shared state, not an act.
  if (!partners.empty() && cursor < tokens_.size() && tokens_[cursor].exact == "là") return;
  std::vector<std::pair<size_t, size_t>> pairs;
  if (!partners.empty()) {
    for (size_t a : subjects) {
      for (size_t b : partners) pairs.emplace_back(a, b);
    }
  } else if (subjects.size() >= 2 && End(M()[subjects[0]]) + 2 >= hit.first) {
    // "A và B (đã) cùng vận hành": the subjects with each other, when
    // "cùng" stands right after them.
    AddAllPairs(subjects, &pairs);
  }
  // The parties themselves only: two agencies working together do not
  // make their states partners.
  const std::string trigger = Span(hit.first, hit.count);
  for (const auto& [a, b] : pairs) Add(M()[a].id, kCooperation, M()[b].id, trigger);
}

// "cùng EU", "together with Japan": the actor is joined to the subject as
// the other side.
bool Sentence::WithThe(size_t k) const {
  const uint32_t at = M()[k].first;
  if (at == 0) return false;
  const std::string& w = tokens_[at - 1].exact;
  return (w == "cùng" && (at < 2 || tokens_[at - 2].exact != "và")) || (w == "with" && at >= 2 && tokens_[at - 2].exact == "together");
}

// A signing verb, alone or leading a longer trigger ("ký bản ghi nhớ",
// "signed a memorandum"), which the lexicon matches as one.
bool Sentence::IsSigning(const TriggerHit& hit) const {
  if (CueIn(hit.first, End(hit), kCueSign)) return true;
  for (uint32_t t = hit.first; t < End(hit); ++t) {
    const std::string& w = tokens_[t].exact;
    if (w == "ký" || w == "signed" || w == "signs" || w == "sign") return true;
  }
  return false;
}

// "khi hai nước nâng cấp quan hệ", "both sides agreed": the two countries
// named last before the cue in this sentence, where the antecedent
// resolver left the cue in place (it could not tell which two).
void Sentence::BothSides(const TriggerHit& hit, const std::string& trigger) {
  constexpr uint32_t kBothSidesReach = 8;  // "hai nước nâng cấp quan hệ lên Đối tác …"
  const uint32_t from = hit.first >= kBothSidesReach ? hit.first - kBothSidesReach : 0;
  auto cue = std::find_if(hits_.begin(), hits_.end(), [&](const TriggerHit& h) {
    return h.relation == kCueBothSides && h.first >= from && h.first <= hit.first;
  });
  if (cue == hits_.end()) return;
  // Only this sentence's names: the antecedent resolver
  // (links/antecedents.h) replaces a cue that stands for names before it.
  std::vector<std::string> named;
  for (size_t k = 0; k < M().size(); ++k) {
    const auto& m = M()[k];
    if (m.first >= cue->first) break;
    if (m.type == "country") {
      named.push_back(m.id);
    } else if (m.government) {
      // "Bộ trưởng Bộ Y tế Việt Nam … tiếp đoàn của Thái Lan; hai nước ký …"
      if (std::string country = CountryOf(k); !country.empty()) named.push_back(country);
    }
  }
  std::vector<std::string> last_two;
  for (auto it = named.rbegin(); it != named.rend() && last_two.size() < 2; ++it) {
    if (std::find(last_two.begin(), last_two.end(), *it) == last_two.end()) last_two.push_back(*it);
  }
  if (last_two.size() == 2) Add(last_two[0], kCooperation, last_two[1], trigger);
}

// The list of names right before a signing verb: "A (AA), B (BB) and C
// signed": items at most two words apart ("the governors of A" stops it).
std::vector<size_t> Sentence::Signatories(const std::vector<size_t>& left) const {
  constexpr uint32_t kSignatoryGap = 2;
  std::vector<size_t> out;
  for (size_t i = 0; i < left.size(); ++i) {
    if (i > 0) {
      // Mentions of the same entity between (its acronym) do not count.
      uint32_t gap = M()[left[i - 1]].first;
      for (size_t k = 0; k < M().size(); ++k) {
        if (M()[k].first >= End(M()[left[i]]) && M()[k].first < gap) gap = M()[k].first;
      }
      if (gap - End(M()[left[i]]) > kSignatoryGap) break;
    }
    out.push_back(left[i]);
  }
  return out;
}

// The actors (nearest first, as ActorsBefore gives them) are joined by
// "và", "and", "cùng", "with": subjects of one verb.
bool Sentence::JoinedByAnd(const std::vector<size_t>& actors) const {
  for (size_t i = 0; i + 1 < actors.size(); ++i) {
    const auto& later = M()[actors[i]];
    const auto& earlier = M()[actors[i + 1]];
    if (CueIn(End(earlier), later.first, kCueAnd) || later.joined_to_previous) continue;
    // "Beijing, Bangkok and Naypyidaw": a comma between earlier items.
    std::string_view gap = ctx_.text.substr(tokens_[End(earlier) - 1].end,
                                            tokens_[later.first].begin - tokens_[End(earlier) - 1].end);
    // Three at most: four or more subjects agreeing are a group acting
    // together, not partners pairwise.
    const bool comma_only = later.first == End(earlier) && gap.find(',') != std::string_view::npos;
    if (!comma_only || i == 0 || actors.size() > 3) return false;
  }
  return true;
}

}  // namespace policygraph::indexer::links
