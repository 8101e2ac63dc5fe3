#include "indexer/links/sentence.h"

#include <algorithm>
#include <iterator>

namespace policygraph::indexer::links {

void Sentence::Investment(const TriggerHit& hit) {
  const std::string trigger = Span(hit.first, hit.count);
  // Grants and donations are aid between partners, cooperation; so is
  // supplying, selling or handing people over to a named state ("cung cấp
  // gạo cho Myanmar", "deported … to Japan"), with the one named after
  // "cho"/"to" only. Loans, equity and credit lines are investment.
  const bool grant = Reads(hit, kCueGrant) || Reads(hit, kCueSupply);
  const char* relation = grant && !LoanNear(hit) ? kCooperation : kInvestment;
  if (GivenGrants(hit, trigger)) return;
  if (Reads(hit, kCueBorrow)) {
    LendTo(hit);
    return;
  }
  auto investors = ActorsBefore(hit.first, kNearGap);
  if (investors.empty()) investors = CarriedSubject(hit);
  auto targets = ActorsAfter(End(hit), kInvestmentGap, /*places_count=*/true);
  const std::string this_country = investors.empty() ? ThisCountry(hit) : "";
  // "cảng Sittwe ở bang Rakhine, Myanmar, do Ấn Độ bỏ vốn đầu tư xây
  // dựng": the investor is the passive's agent; what it paid for, and the
  // place, come before "do".
  if (!investors.empty()) {
    const uint32_t agent_at = M()[investors.front()].first;
    if (agent_at > 0 && (tokens_[agent_at - 1].exact == "do" || tokens_[agent_at - 1].exact == "bởi")) {
      std::vector<size_t> places;
      for (size_t k = investors.size(); k-- > 1;) places.push_back(investors[k]);
      for (size_t k = 0; k < M().size(); ++k) {
        const auto& m = M()[k];
        if (End(m) <= agent_at - 1 && agent_at - 1 - End(m) <= 2 && m.type == "country" &&
            std::find(places.begin(), places.end(), k) == places.end()) {
          places.push_back(k);
        }
      }
      investors.resize(1);
      if (targets.empty()) targets = places;
    }
  }
  // A country or region, or a company receiving the money right after
  // "vào"/"into" ("rót vốn vào TC-HICT"); a state body is funded, not
  // invested in. Lending and funding ("tài trợ", "financed") reach only
  // a recipient named right after "cho"/"to"/"for": what they pay for is
  // often a course or a programme, not a place.
  auto right_after = [&](size_t k, std::initializer_list<const char*> words) {
    uint32_t at = M()[k].first;
    if (at > 0 && tokens_[at - 1].exact == "the") --at;  // "for the Philippines"
    if (at == 0) return false;
    const std::string& before = tokens_[at - 1].exact;
    return std::any_of(words.begin(), words.end(), [&](const char* w) { return before == w; });
  };
  const bool funding = grant || Reads(hit, kCueFinance) || Reads(hit, kCueLend);
  // "ADB has lent the Philippines …": the borrower is the verb's object.
  auto object_of_verb = [&](size_t k) {
    return M()[k].first == End(hit) || (M()[k].first == End(hit) + 1 && tokens_[End(hit)].exact == "the");
  };
  // "cho Myanmar và Lào": the items listed after a named recipient are
  // recipients too.
  std::set<size_t> listed_recipients;
  for (size_t i = 0; i < targets.size(); ++i) {
    const bool named = right_after(targets[i], {"cho", "to", "for", "vào", "into"}) ||
                       listed_recipients.count(i > 0 ? targets[i - 1] : targets[i]) > 0;
    if (!named) continue;
    listed_recipients.insert(targets[i]);
    if (i + 1 < targets.size()) {
      const uint32_t from = End(M()[targets[i]]), to = M()[targets[i + 1]].first;
      bool list = to >= from && to - from <= 1;
      for (uint32_t t = from; t < to && list; ++t) list = CueIn(t, t + 1, kCueAnd);
      if (list) listed_recipients.insert(targets[i + 1]);
    }
  }
  std::erase_if(targets, [&](size_t k) {
    const auto& t = M()[k];
    // A loan or a bank's funding reaches the country where what it pays
    // for is ("nhà tài trợ vốn chính cho tuyến metro số 2 tại Thành phố
    // Hồ Chí Minh, Việt Nam"); a grant only the recipient named.
    const bool finance = relation == kInvestment || std::any_of(investors.begin(), investors.end(),
                                                                [&](size_t i) { return M()[i].bank; });
    if (funding && !listed_recipients.count(k) && !(Reads(hit, kCueLend) && object_of_verb(k)) &&
        !(finance && t.type == "country" && IsPlace(t))) {
      return true;
    }
    if (t.type == "country" || t.type == "regional_org") return false;
    // A grant may go to any body ("viện trợ … cho ACPHEED").
    if (relation == kCooperation && t.type == "organization") return false;
    return !(t.type == "organization" && !t.government && right_after(k, {"vào", "into", "in"}));
  });
  // "rót vốn vào GoTo, tập đoàn công nghệ lớn nhất Indonesia": the company
  // is what was invested in; the country after it describes it.
  auto company = std::find_if(targets.begin(), targets.end(),
                              [&](size_t k) { return M()[k].type == "organization"; });
  if (company != targets.end()) targets.erase(company + 1, targets.end());
  for (size_t i : investors) {
    for (size_t t : targets) Add(M()[i].id, M()[i].bank ? kInvestment : relation, M()[t].id, trigger);
  }
  if (!this_country.empty()) {
    for (size_t t : targets) Add(this_country, relation, M()[t].id, trigger);
  }
}

// "bằng nguồn vốn vay ưu đãi, Seoul đã tài trợ …", "vốn vay ODA do JICA
// tài trợ": funding from a loan is lending, not a grant.
bool Sentence::LoanNear(const TriggerHit& hit) const {
  constexpr uint32_t kReach = 10;
  static const char* kLoanWords[] = {"vay", "loan", "loans", "credit", "tín", "lending", "concessional"};
  const uint32_t from = hit.first >= kReach ? hit.first - kReach : 0;
  const uint32_t to = std::min<uint32_t>(End(hit) + kReach, tokens_.size());
  for (uint32_t t = from; t < to; ++t) {
    if (t == hit.first && t < End(hit)) continue;
    for (const char* w : kLoanWords) {
      if (tokens_[t].exact == w && (t < hit.first || t >= End(hit))) return true;
    }
  }
  return false;
}

// "ADB cho Philippines vay 400 triệu USD", "JBIC cho công ty Biological E
// của Ấn Độ vay vốn": the borrower stands between "cho" and "vay". "Vay"
// elsewhere ("vốn vay", "vay nợ") names no lender.
void Sentence::LendTo(const TriggerHit& hit) {
  constexpr uint32_t kBorrowerReach = 8;
  for (uint32_t c = hit.first; c-- > 0 && hit.first - c <= kBorrowerReach;) {
    if (tokens_[c].exact != "cho") continue;
    auto borrowers = ActorsAfter(c + 1, 2, /*places_count=*/true);
    std::erase_if(borrowers, [&](size_t k) { return End(M()[k]) > hit.first; });
    if (borrowers.empty()) return;
    auto lenders = ActorsBefore(c, kNearGap);
    if (lenders.empty()) lenders = CarriedSubject(TriggerHit{kInvestment, c, 1});
    for (size_t l : lenders) Add(M()[l].id, kInvestment, M()[borrowers.front()].id, Span(c, hit.first + 1 - c));
    return;
  }
}

// "Tokyo has given the AHA Centre more than US$ 80 million in grants":
// giver, verb of giving, recipient, then the grants. True when it found
// that shape (and added the link).
bool Sentence::GivenGrants(const TriggerHit& hit, const std::string& trigger) {
  if (!Reads(hit, kCueGrantNoun)) return false;
  auto recipients = ActorsBefore(hit.first, kNearGap);
  if (recipients.empty()) return false;
  const size_t r = recipients.front();
  uint32_t verb_end = M()[r].first;
  if (verb_end > 0 && tokens_[verb_end - 1].exact == "the") --verb_end;
  if (verb_end == 0) return false;
  static const char* kGive[] = {"given", "gave", "give", "gives", "awarded", "provided", "offered"};
  const std::string& verb = tokens_[verb_end - 1].exact;
  if (std::none_of(std::begin(kGive), std::end(kGive), [&](const char* w) { return verb == w; })) return false;
  for (size_t g : ActorsBefore(verb_end - 1, 3)) Add(M()[g].id, kCooperation, M()[r].id, trigger);
  return true;
}

}  // namespace policygraph::indexer::links
