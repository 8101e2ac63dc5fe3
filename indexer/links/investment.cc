#include "indexer/links/sentence.h"

#include <algorithm>
#include <iterator>
#include <optional>

namespace policygraph::indexer::links {

void Sentence::Investment(const TriggerHit& hit) {
  const std::string trigger = Span(hit.first, hit.count);
  // Grants and donations are aid between partners, cooperation; so is
  // supplying, selling or handing people over to a named state ("cung cấp
  // gạo cho Myanmar", "deported … to Japan"), with the one named after
  // "cho"/"to" only. Loans, equity and credit lines are investment.
  const bool grant = Reads(hit, kCueGrant) || Reads(hit, kCueSupply);
  const char* relation = grant && !LoanNear(hit) ? kCooperation : kInvestment;
  if (Reads(hit, kCueStake)) {
    Stake(hit);
    return;
  }
  if (Reads(hit, kCueAllot)) {
    AllottedTo(hit);
    return;
  }
  // A sum put into something; not one received ("Indonesia nhận cam kết
  // 20 tỷ USD": Indonesia was promised it).
  const bool spend = Reads(hit, kCueSpend);
  if (spend && (!SumAfter(hit) || WordIn(hit.first >= 2 ? hit.first - 2 : 0, hit.first,
                                         {"nhận", "received", "receives", "receive", "won", "secured"}))) {
    return;
  }
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
  // A sum committed reaches where it is spent ("in Penang, Malaysia") or
  // whom it is for ("for Indonesia"), not a party named later in the
  // sentence ("… cho trung tâm trong khuôn khổ quan hệ ASEAN-EU").
  if (spend) {
    std::erase_if(targets, [&](size_t k) {
      return !IsPlace(M()[k]) && !right_after(k, {"vào", "into", "for", "to", "cho"});
    });
  }
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

// "committed more than US$7 billion", "bỏ ra khoảng 300 triệu USD",
// "dành 1 tỷ USD": a number and a word of money within a few words after
// the verb.
bool Sentence::SumAfter(const TriggerHit& hit) const {
  constexpr uint32_t kReach = 6;
  static const char* kUnits[] = {"billion", "million", "tỷ", "triệu", "usd", "eur", "euro", "euros",
                                 "yen", "yên", "won", "baht", "ringgit", "rupiah", "đồng"};
  const uint32_t to = std::min<uint32_t>(End(hit) + kReach, tokens_.size());
  bool number = false;
  for (uint32_t t = End(hit); t < to; ++t) {
    const std::string& w = tokens_[t].exact;
    if (ClauseBreak(t, t + 1)) return false;
    if (std::any_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; })) number = true;
    if (number && std::any_of(std::begin(kUnits), std::end(kUnits), [&](const char* u) { return w == u; })) {
      return true;
    }
  }
  return false;
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
      if (tokens_[t].exact == w && (t < hit.first || t >= End(hit)) && !Forgone(t)) return true;
    }
  }
  return false;
}

// "mua 6% cổ phần Tập đoàn Vingroup", "mua lại Pacific Airlines", "took a
// 75% stake in Tokopedia", "bought 70 percent of …": buying into a company
// is investment in it. The company is the organisation right after the
// words (or after "của"/"of"/"in" and a few words: "cổ phần mảng logistics
// của Gemadept"); the buyer is the actor before the verb. A stake noun
// ("cổ phần", "stake", "percent of") says so only after a verb of buying
// or holding; "cổ phần hóa" (equitisation) and a stake sold are not bought.
void Sentence::Stake(const TriggerHit& hit) {
  static const char* kTaking[] = {"mua",   "nắm",   "sở",     "bought",   "buys",     "buy",   "buying",
                                  "took",  "takes", "take",   "taking",   "holds",    "held",  "hold",
                                  "owns",  "own",   "acquired", "acquires", "acquiring"};
  const bool verb = Reads(hit, kCueStake) && (tokens_[hit.first].exact == "mua" ||
                                                 tokens_[hit.first].exact.rfind("acquir", 0) == 0);
  uint32_t verb_at = hit.first;
  if (!verb) {
    constexpr uint32_t kVerbReach = 5;  // "took a 75 % stake", "mua khoảng 6 % cổ phần"
    bool found = false;
    for (uint32_t t = hit.first; t-- > 0 && hit.first - t <= kVerbReach && !found;) {
      for (const char* w : kTaking) {
        if (tokens_[t].exact == w) {
          verb_at = t;
          found = true;
          break;
        }
      }
    }
    if (!found) return;
  }
  if (End(hit) < tokens_.size() && (tokens_[End(hit)].exact == "hóa" || tokens_[End(hit)].exact == "hoá")) return;
  // The company: right after, or after "của"/"of"/"in" within a few words.
  constexpr uint32_t kCompanyReach = 4;
  std::optional<size_t> company;
  for (size_t k = 0; k < M().size(); ++k) {
    const auto& m = M()[k];
    if (m.first < End(hit)) continue;
    if (m.first - End(hit) > kCompanyReach || ClauseBreak(End(hit), m.first)) break;
    const std::string& before = m.first > 0 ? tokens_[m.first - 1].exact : "";
    const bool near = m.first == End(hit) || before == "của" || before == "of" || before == "in" ||
                      (before == "the" && m.first - End(hit) <= 1);
    if (!near) break;
    if (m.type == "organization" && !m.government) company = k;
    break;
  }
  if (!company) return;
  auto buyers = Subjects(ActorsBefore(verb_at, kNearGap));
  if (buyers.empty()) buyers = CarriedSubject(TriggerHit{kInvestment, verb_at, 1});
  if (buyers.empty()) return;
  const std::string trigger = Span(verb_at, End(hit) - verb_at);
  for (size_t b : buyers) {
    if (M()[b].id != M()[*company].id) Add(M()[b].id, kInvestment, M()[*company].id, trigger);
  }
}

// "khoản vay ưu đãi mà Pháp dành cho Việt Nam", "khoản viện trợ … mà New
// Delhi dành cho Việt Nam", "Bộ Ngoại giao Mỹ dành cho Việt Nam một gói hỗ
// trợ": the actor right before "dành cho" gives the loan or aid named near
// to the actor right after it: a loan is investment, aid cooperation.
// "dành cho" with no loan or aid word near ("chương trình dành cho doanh
// nghiệp") gives nothing.
void Sentence::AllottedTo(const TriggerHit& hit) {
  auto recipients = ActorsAfter(End(hit), 0, /*places_count=*/true);
  if (recipients.empty() || M()[recipients.front()].first != End(hit)) return;
  constexpr uint32_t kGiverReach = 2;  // "Bộ Ngoại giao Mỹ sau đó dành cho"
  auto givers = Subjects(ActorsBefore(hit.first, kGiverReach));
  if (givers.empty()) return;
  // The loan or aid word: before the giver (the relative clause's head,
  // "khoản vay … mà"), or after the recipient ("… một gói hỗ trợ").
  constexpr uint32_t kAidReach = 10;
  const size_t recipient = recipients.front();
  const uint32_t giver_at = M()[givers.front()].first;
  const uint32_t from = giver_at >= kAidReach ? giver_at - kAidReach : 0;
  const uint32_t to = std::min<uint32_t>(End(M()[recipient]) + 6, tokens_.size());
  bool loan = false, aid = false;
  for (uint32_t t = from; t < to; ++t) {
    if (t >= giver_at && t < End(M()[recipient])) continue;
    const std::string& w = tokens_[t].exact;
    const std::string next = t + 1 < tokens_.size() ? tokens_[t + 1].exact : "";
    if (w == "vay" || w == "tín") loan = true;
    if ((w == "viện" && next == "trợ") || (w == "tài" && next == "trợ") || (w == "hỗ" && next == "trợ")) aid = true;
  }
  if (!loan && !aid) return;
  const std::string trigger = Span(hit.first, hit.count);
  for (size_t g : givers) Add(M()[g].id, loan ? kInvestment : kCooperation, M()[recipient].id, trigger);
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
