#include "indexer/links/sentence.h"

#include <algorithm>
#include <iterator>

namespace policygraph::indexer::links {

Sentence::Sentence(const SentenceContext& ctx) : ctx_(ctx), tokens_(*ctx.tokens) {
  for (const auto& hit : ctx.triggers) {
    if (!InsideMention(hit) && !PartOfAnotherWord(hit)) hits_.push_back(hit);
  }
  for (const auto& hit : hits_) {
    if (hit.relation != kCueComprising) continue;
    if (auto listed = GroupingMembers(hit)) listed_members_.insert(listed->second.begin(), listed->second.end());
  }
}

std::vector<TypedLink> Sentence::Links() {
  for (const auto& hit : hits_) {
    // Intent ("mong muốn hợp tác", "đề xuất đàm phán", "applied to join")
    // is not yet a link of any kind.
    if (OnlyIntended(hit)) continue;
    // "thay vì cho vay", "instead of lending": the act not done.
    if (Forgone(hit.first)) continue;
    if (hit.relation == kCooperation) Cooperation(hit);
    else if (hit.relation == kEnactment) Enactment(hit);
    else if (hit.relation == kParticipation) Participation(hit);
    else if (hit.relation == kInvestment) Investment(hit);
    else if (hit.relation == kMembership) Membership(hit);
    else if (hit.relation == kBasis) Basis(hit);
    else if (hit.relation == kCueHost) Host(hit);
    else if (hit.relation == kCueComprising) Comprising(hit);
    else if (hit.relation == kCueSymmetric) Jointly(hit);
    // "EU tài trợ … cho dự án …, do UNESCO thực hiện": the funder with
    // the body that carries out what it pays for (funded_work.cc).
    if (hit.relation == kInvestment && (Reads(hit, kCueGrant) || Reads(hit, kCueFinance))) FundedWork(hit);
  }
  // "gave US$2 million through the AHA Centre": the body aid goes through.
  for (uint32_t t = 0; t < tokens_.size(); ++t) {
    GivenThrough(t);
  }
  for (size_t k = 0; k < M().size(); ++k) {
    const auto& m = M()[k];
    if (m.paired.size() == 2) Add(m.paired[0], kCooperation, m.paired[1], Span(m.first, m.count));
    if (m.kind == EntityKind::kFramework) Ownership(k);
    if (m.kind == EntityKind::kEvent) {
      HostAfter(k);
      ActingAt(k);
    }
    RunBy(k);
  }
  return std::move(links_);
}

// "ký" (sign) is also a syllable of "đăng ký" (register), "chữ ký"
// (signature), "ký hiệu" (symbol) …
bool Sentence::PartOfAnotherWord(const TriggerHit& h) const {
  // "quỹ đầu tư", "nhà đầu tư", "chủ đầu tư": a fund, an investor, the
  // project owner; nouns, not the verb.
  if (h.relation == kInvestment && h.count == 2 && tokens_[h.first].exact == "đầu" && h.first > 0) {
    const std::string& before = tokens_[h.first - 1].exact;
    // "Samsung … là nhà đầu tư nước ngoài lớn nhất tại Việt Nam": the
    // investor noun after a copula says who invests.
    const bool copula = h.first >= 2 && (tokens_[h.first - 2].exact == "là" ||
                                         (h.first >= 3 && tokens_[h.first - 3].exact == "là"));
    if (before == "nhà" && copula) return false;
    if (before == "quỹ" || before == "nhà" || before == "chủ") return true;
  }
  // "investment scams", "investment funds": a modifier, not a relation;
  // the noun types one only as "investment in/into/from/by/of".
  if (h.relation == kInvestment && h.count == 1 &&
      (tokens_[h.first].exact == "investment" || tokens_[h.first].exact == "investments")) {
    if (End(h) >= tokens_.size()) return true;
    const std::string& next = tokens_[End(h)].exact;
    return next != "in" && next != "into" && next != "from" && next != "by" && next != "of";
  }
  // "trợ giúp pháp lý" (legal aid) is a noun; "giúp" alone helps someone.
  if (h.relation == kCooperation && h.count == 1 && tokens_[h.first].exact == "giúp" && h.first > 0 &&
      tokens_[h.first - 1].exact == "trợ") {
    return true;
  }
  // "chế tạo theo hợp đồng ký với VAST", "theo các hiệp định vay ký với
  // Việt Nam": "theo" before an instrument is "under", not "according to";
  // the one who acts under it is still the subject of what follows.
  if (h.relation == kCueSpeech && h.count == 1 && tokens_[h.first].exact == "theo") return UnderAnInstrument(End(h));
  if (h.count != 1 || tokens_[h.first].exact != "ký") return false;
  static const char* kBefore[] = {"đăng", "chữ", "thư", "nhật", "phê"};
  static const char* kAfter[] = {"hiệu", "tự", "túc", "sự", "giả", "quỹ", "gửi", "tên", "sinh", "ức", "kết"};
  for (const char* w : kBefore) {
    if (h.first > 0 && tokens_[h.first - 1].exact == w) return true;
  }
  for (const char* w : kAfter) {
    if (End(h) < tokens_.size() && tokens_[End(h)].exact == w) return true;
  }
  return false;
}

// One of `pairs` as the two words at token `t` ("tổ chức", "thực hiện").
bool Sentence::TwoWordsAt(uint32_t t, std::initializer_list<std::pair<const char*, const char*>> pairs) const {
  if (t + 1 >= tokens_.size()) return false;
  const std::string& a = tokens_[t].exact;
  const std::string& b = tokens_[t + 1].exact;
  return std::any_of(pairs.begin(), pairs.end(), [&](const auto& p) { return a == p.first && b == p.second; });
}

// Whether one of the sentence's names starts at token `t`.
bool Sentence::NameStartsAt(uint32_t t) const {
  return std::any_of(M().begin(), M().end(), [&](const SentenceMention& m) { return m.first == t; });
}

// An instrument's noun starts at token `at` ("hợp đồng", "thỏa thuận",
// "hiệp định", "bản ghi nhớ", "nghị định thư", "giấy phép"), after "các",
// "một" or "những" at most.
bool Sentence::UnderAnInstrument(uint32_t at) const {
  if (at < tokens_.size() && (tokens_[at].exact == "các" || tokens_[at].exact == "một" || tokens_[at].exact == "những")) {
    ++at;
  }
  if (!TwoWordsAt(at, {{"hợp", "đồng"}, {"thỏa", "thuận"}, {"thoả", "thuận"}, {"hiệp", "định"}, {"bản", "ghi"},
                       {"giấy", "phép"}})) {
    return false;
  }
  // "ra đời theo thỏa thuận giữa chính phủ Việt Nam và chính phủ Đức": the
  // parties are named after "giữa"; what came into being under it is none.
  constexpr uint32_t kBetweenReach = 4;
  return !WordIn(at + 2, std::min<uint32_t>(at + 2 + kBetweenReach, tokens_.size()), {"giữa"});
}

// A trigger word that is a word of a name ("Chiến lược Hợp tác …") types
// nothing; one that runs into a name ("ký Hiệp định …") still does.
bool Sentence::InsideMention(const TriggerHit& h) const {
  return std::any_of(M().begin(), M().end(),
                     [&](const SentenceMention& m) { return m.first <= h.first && h.first < End(m); });
}

std::string Sentence::Span(uint32_t first, uint32_t count) const {
  if (count == 0 || first + count > tokens_.size()) return "";
  return std::string(ctx_.text.substr(tokens_[first].begin, tokens_[first + count - 1].end - tokens_[first].begin));
}

// A cue of kind `cue` lies within tokens [from, to).
bool Sentence::CueIn(uint32_t from, uint32_t to, const char* cue) const {
  return std::any_of(hits_.begin(), hits_.end(),
                     [&](const TriggerHit& h) { return h.relation == cue && h.first >= from && End(h) <= to; });
}

// The cue ends exactly where token `at` starts.
bool Sentence::CueRightBefore(uint32_t at, const char* cue) const {
  return std::any_of(hits_.begin(), hits_.end(),
                     [&](const TriggerHit& h) { return h.relation == cue && End(h) == at; });
}

// The trigger carries a reading (link_triggers.h): a cue on its span.
bool Sentence::Reads(const TriggerHit& trigger, const char* reading) const {
  return CueIn(trigger.first, End(trigger), reading);
}

// Punctuation that ends a clause (';', ':') or a contrast ("while",
// "trong khi") lies between token `from - 1` and token `to`.
bool Sentence::ClauseBreak(uint32_t from, uint32_t to) const {
  if (from == 0 || to >= tokens_.size() || from > to) return false;
  std::string_view gap = ctx_.text.substr(tokens_[from - 1].end, tokens_[to].begin - tokens_[from - 1].end);
  if (gap.find_first_of(";:!?\n") != std::string_view::npos || CueIn(from, to, kCueContrast)) return true;
  // "…, còn Ngân hàng … cấp khoản vay": "còn" after a comma opens a
  // contrasting clause ("whereas"); elsewhere it means "still".
  for (uint32_t t = from; t < to; ++t) {
    if (tokens_[t].exact != "còn" || t == 0) continue;
    std::string_view before = ctx_.text.substr(tokens_[t - 1].end, tokens_[t].begin - tokens_[t - 1].end);
    if (before.find(',') != std::string_view::npos) return true;
  }
  return false;
}

// `ks` already holds a mention of `id` ("Bộ … Hàn Quốc (MSIT)" names one
// ministry twice).
bool Sentence::Holds(const std::vector<size_t>& ks, const std::string& id) const {
  return std::any_of(ks.begin(), ks.end(), [&](size_t k) { return M()[k].id == id; });
}

// One of `words` is a token in [from, to).
bool Sentence::WordIn(uint32_t from, uint32_t to, std::initializer_list<const char*> words) const {
  for (uint32_t t = from; t < to && t < tokens_.size(); ++t) {
    for (const char* w : words) {
      if (tokens_[t].exact == w) return true;
    }
  }
  return false;
}

// Frameworks (or, with `kind`, other kinds) after / before a token.
std::vector<size_t> Sentence::KindAfter(uint32_t at, uint32_t near, EntityKind kind, uint32_t list_gap) const {
  std::vector<size_t> out;
  uint32_t cursor = at;
  for (size_t k = 0; k < M().size(); ++k) {
    const auto& m = M()[k];
    if (m.first < cursor) continue;
    if (m.first - cursor > (out.empty() ? near : list_gap) || ClauseBreak(cursor, m.first)) break;
    if (m.kind == kind) out.push_back(k);
    cursor = End(m);
  }
  return out;
}

// Distances count from the nearest name stepped over, as in ActorsBefore:
// "AFACI, do Cục Phát triển Nông thôn Hàn Quốc (RDA) khởi xướng".
std::optional<size_t> Sentence::KindBefore(uint32_t at, uint32_t near, EntityKind kind) const {
  uint32_t cursor = at;
  for (size_t k = M().size(); k-- > 0;) {
    const auto& m = M()[k];
    if (End(m) > cursor) continue;
    if (cursor - End(m) > near || ClauseBreak(End(m), at)) return std::nullopt;
    if (m.kind == kind) return k;
    cursor = m.first;
  }
  return std::nullopt;
}

void Sentence::Add(const std::string& a, const char* relation, const std::string& b, const std::string& trigger) {
  if (a.empty() || b.empty() || a == b) return;
  TypedLink link{a, relation, b, trigger};
  if (IsUndirectedRelation(relation) && b < a) std::swap(link.source, link.target);
  for (const auto& l : links_) {
    if (l.source == link.source && l.relation == link.relation && l.target == link.target) return;
  }
  links_.push_back(std::move(link));
}

void Sentence::Pairs(const std::vector<size_t>& xs, const std::vector<size_t>& ys, const char* relation,
                     const std::string& trigger) {
  for (size_t x : xs) {
    for (size_t y : ys) Add(M()[x].id, relation, M()[y].id, trigger);
  }
}

void Sentence::AddAllPairs(const std::vector<size_t>& xs, std::vector<std::pair<size_t, size_t>>* pairs) {
  for (size_t i = 0; i < xs.size(); ++i) {
    for (size_t j = i + 1; j < xs.size(); ++j) pairs->emplace_back(xs[i], xs[j]);
  }
}

// A trigger of any relation (not a cue) lies within tokens [from, to).
bool Sentence::VerbBetween(uint32_t from, uint32_t to) const {
  return std::any_of(hits_.begin(), hits_.end(), [&](const TriggerHit& h) {
    return h.first >= from && End(h) <= to && h.relation.rfind("cue:", 0) != 0;
  });
}

// "applied to join", "xin gia nhập": intent, not the act.
bool Sentence::OnlyIntended(const TriggerHit& hit) const {
  // "đề xuất đàm phán một thỏa thuận": the intent may stand a word or two
  // before the trigger it governs.
  constexpr uint32_t kIntentReach = 5;
  return CueIn(hit.first >= kIntentReach ? hit.first - kIntentReach : 0, End(hit), kCueIntent) ||
         CueRightBefore(hit.first, kCueIntent);
}

// "thay vì cho vay, New Delhi tài trợ …", "instead of lending", "rather
// than sign": the word at `at` names what was not done, within two words
// after "thay vì"/"instead of"/"rather than".
bool Sentence::Forgone(uint32_t at) const {
  constexpr uint32_t kReach = 2;  // "thay vì cho | vay"
  for (uint32_t t = at; t-- > 0 && at - t <= kReach + 1;) {
    if (t == 0) break;
    const std::string& a = tokens_[t - 1].exact;
    const std::string& b = tokens_[t].exact;
    if ((a == "thay" && b == "vì") || (a == "instead" && b == "of") || (a == "rather" && b == "than")) return true;
  }
  return false;
}

size_t Sentence::Nearest(const std::vector<size_t>& ks, const TriggerHit& hit) const {
  auto distance = [&](size_t k) {
    const auto& m = M()[k];
    return m.first >= End(hit) ? m.first - End(hit) : hit.first - std::min(hit.first, End(m));
  };
  return *std::min_element(ks.begin(), ks.end(), [&](size_t a, size_t b) { return distance(a) < distance(b); });
}

}  // namespace policygraph::indexer::links
