#include "indexer/typed_links.h"

#include <algorithm>
#include <optional>

#include "indexer/analyzer.h"        // StartsWithPossessive
#include "indexer/entity_matcher.h"  // StartsUppercase

namespace policygraph::indexer {

EntityKind KindOfType(const std::string& type) {
  if (type == "country" || type == "regional_org" || type == "organization") return EntityKind::kActor;
  if (type == "law" || type == "agreement" || type == "strategy" || type == "plan" || type == "programme" ||
      type == "initiative" || type == "framework") {
    return EntityKind::kFramework;
  }
  if (type == "event") return EntityKind::kEvent;
  if (type == "person") return EntityKind::kPerson;
  return EntityKind::kOther;
}

namespace {

// How far, in words, a party may stand from its trigger, and one list item
// from the next ("Trung Quốc, Mỹ, Liên minh châu Âu, các nước lớn và …").
// Measured on the dev article's sentences and a few of our own; wider gaps
// start to pair names from different clauses.
constexpr uint32_t kNearGap = 8;
constexpr uint32_t kListGap = 8;
// "có sự tham dự của Bộ trưởng Quốc phòng, quan chức các nước thành viên
// ASEAN …": attendance lists start after a longer preamble.
constexpr uint32_t kAttendanceGap = 12;
// "đã đầu tư 2,85 tỷ USD để xây dựng ba trung tâm dữ liệu ở Tây Java,
// Indonesia": the place of an investment comes after its amount and purpose.
constexpr uint32_t kInvestmentGap = 16;

class Sentence {
 public:
  explicit Sentence(const SentenceContext& ctx) : ctx_(ctx), tokens_(*ctx.tokens) {
    for (const auto& hit : ctx.triggers) {
      if (!InsideMention(hit) && !PartOfAnotherWord(hit)) hits_.push_back(hit);
    }
  }

  std::vector<TypedLink> Links() {
    for (const auto& hit : hits_) {
      // Intent ("mong muốn hợp tác", "đề xuất đàm phán", "applied to join")
      // is not yet a link of any kind.
      if (OnlyIntended(hit)) continue;
      if (hit.relation == kCooperation) Cooperation(hit);
      else if (hit.relation == kEnactment) Enactment(hit);
      else if (hit.relation == kParticipation) Participation(hit);
      else if (hit.relation == kInvestment) Investment(hit);
      else if (hit.relation == kMembership) Membership(hit);
      else if (hit.relation == kBasis) Basis(hit);
      else if (hit.relation == kCueHost) Host(hit);
    }
    for (size_t k = 0; k < M().size(); ++k) {
      const auto& m = M()[k];
      if (m.paired.size() == 2) Add(m.paired[0], kCooperation, m.paired[1], Span(m.first, m.count));
      if (m.kind == EntityKind::kFramework) Ownership(k);
      if (m.kind == EntityKind::kEvent) {
        HostAfter(k);
        ActingAt(k);
      }
    }
    return std::move(links_);
  }

 private:
  const std::vector<SentenceMention>& M() const { return ctx_.mentions; }
  static uint32_t End(const SentenceMention& m) { return m.first + m.count; }
  static uint32_t End(const TriggerHit& h) { return h.first + h.count; }

  // "ký" (sign) is also a syllable of "đăng ký" (register), "chữ ký"
  // (signature), "ký hiệu" (symbol) …
  bool PartOfAnotherWord(const TriggerHit& h) const {
    // "quỹ đầu tư", "nhà đầu tư", "chủ đầu tư": a fund, an investor, the
    // project owner; nouns, not the verb.
    if (h.relation == kInvestment && h.count == 2 && tokens_[h.first].exact == "đầu" && h.first > 0) {
      const std::string& before = tokens_[h.first - 1].exact;
      if (before == "quỹ" || before == "nhà" || before == "chủ") return true;
    }
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

  // A trigger word that is a word of a name ("Chiến lược Hợp tác …") types
  // nothing; one that runs into a name ("ký Hiệp định …") still does.
  bool InsideMention(const TriggerHit& h) const {
    return std::any_of(M().begin(), M().end(),
                       [&](const SentenceMention& m) { return m.first <= h.first && h.first < End(m); });
  }

  std::string Span(uint32_t first, uint32_t count) const {
    if (count == 0 || first + count > tokens_.size()) return "";
    return std::string(ctx_.text.substr(tokens_[first].begin, tokens_[first + count - 1].end - tokens_[first].begin));
  }

  // A cue of kind `cue` lies within tokens [from, to).
  bool CueIn(uint32_t from, uint32_t to, const char* cue) const {
    return std::any_of(hits_.begin(), hits_.end(),
                       [&](const TriggerHit& h) { return h.relation == cue && h.first >= from && End(h) <= to; });
  }
  // The cue ends exactly where token `at` starts.
  bool CueRightBefore(uint32_t at, const char* cue) const {
    return std::any_of(hits_.begin(), hits_.end(),
                       [&](const TriggerHit& h) { return h.relation == cue && End(h) == at; });
  }

  // Punctuation that ends a clause (';', ':') or a contrast ("while",
  // "trong khi") lies between token `from - 1` and token `to`.
  bool ClauseBreak(uint32_t from, uint32_t to) const {
    if (from == 0 || to >= tokens_.size() || from > to) return false;
    std::string_view gap = ctx_.text.substr(tokens_[from - 1].end, tokens_[to].begin - tokens_[from - 1].end);
    return gap.find_first_of(";:!?\n") != std::string_view::npos || CueIn(from, to, kCueContrast);
  }

  // Mention k names the owner of mention k-1: "Fortinet của Hoa Kỳ",
  // "“…” sửa đổi của Singapore".
  bool IsOwner(size_t k) const {
    if (k == 0) return false;
    const auto& prev = M()[k - 1];
    const auto& m = M()[k];
    // "Bộ Thông tin và Truyền thông Việt Nam": a country right after an
    // organisation says whose it is.
    if (m.first == End(prev) && m.type == "country" && prev.type == "organization") return true;
    // "Fortinet của Hoa Kỳ", "the Ministry … of Japan": nothing but the cue
    // between ("the governors of Bank Indonesia" makes no one an owner).
    return std::any_of(hits_.begin(), hits_.end(), [&](const TriggerHit& h) {
      return h.relation == kCueOwner && h.first == End(prev) && End(h) == m.first;
    });
  }

  // A place rather than a party: "trong ASEAN", "tại khu vực ASEAN", or the
  // country after a city in "tại Auckland, New Zealand, Anh ký …" (but not
  // the subject in "ở Phnom Penh, Hàn Quốc công bố …").
  bool IsPlace(const SentenceMention& m) const {
    for (uint32_t back = 1; back <= 3 && back <= m.first; ++back) {
      const uint32_t cue_end = m.first - back + 1;
      if (!CueRightBefore(cue_end, kCueLocation)) continue;
      std::string_view between = ctx_.text.substr(tokens_[cue_end - 1].end, tokens_[m.first].begin - tokens_[cue_end - 1].end);
      // "in the EU", "trong khu vực ASEAN": only lower-case words between.
      bool plain = between.find(',') == std::string_view::npos;
      for (uint32_t t = cue_end; t < m.first && plain; ++t) {
        plain = !StartsUppercase(ctx_.text.substr(tokens_[t].begin)) &&
                !(ctx_.text[tokens_[t].begin] >= '0' && ctx_.text[tokens_[t].begin] <= '9');
      }
      if (plain) return true;
      if (between.find(',') == std::string_view::npos) return false;  // "In April 2024 Malaysia passed …"
      // "Hội nghị … tại Kuala Lumpur, Malaysia đã thông qua …": where the
      // event named just before was held.
      // (Not "tại Hội nghị … ở Phnom Penh, Hàn Quốc công bố …": an event
      // inside a fronted "tại …" is where the subject acted.)
      if (cue_end >= 2 && std::any_of(M().begin(), M().end(), [&](const SentenceMention& e) {
            return e.kind == EntityKind::kEvent && End(e) == cue_end - 1 &&
                   !CueRightBefore(e.first, kCueLocation) &&
                   !(e.first > 0 && tokens_[e.first - 1].exact == "the" && CueRightBefore(e.first - 1, kCueLocation));
          })) {
        return true;
      }
      // "city, country" is a place when a comma closes it too.
      const uint32_t after = End(m) < tokens_.size() ? tokens_[End(m)].begin : static_cast<uint32_t>(ctx_.text.size());
      std::string_view tail = ctx_.text.substr(tokens_[End(m) - 1].end, after - tokens_[End(m) - 1].end);
      if (tail.find_first_of(",.;") != std::string_view::npos || End(m) >= tokens_.size()) return true;
      // "… tại Phnom Penh, Campuchia vào tháng 11/2022": a date follows the
      // place; a subject is followed by its verb.
      static const char* kDateWords[] = {"vào", "ngày", "tháng", "năm", "từ", "in", "on", "from", "during"};
      return std::any_of(std::begin(kDateWords), std::end(kDateWords),
                         [&](const char* w) { return tokens_[End(m)].exact == w; });
    }
    return false;
  }

  // "Japan's Ministry of …": the country in the possessive owns the next
  // name; it is not a party of its own.
  bool IsPossessiveOwner(size_t k) const {
    if (k + 1 >= M().size() || M()[k].type != "country" || End(M()[k]) != M()[k + 1].first) return false;
    return StartsWithPossessive(ctx_.text.substr(tokens_[End(M()[k]) - 1].end));
  }

  // "Bảy nước ASEAN", "Seven ASEAN member states", "các nước thành viên
  // ASEAN": some or all of its members, not the body itself.
  bool MembersOnly(size_t k) const {
    const auto& m = M()[k];
    if (CueRightBefore(m.first, kCueMemberWord)) return true;
    for (uint32_t back = 1; back <= 2 && back <= m.first; ++back) {
      if (CueIn(m.first - back, m.first - back + 1, kCueQuantity)) {
        // "Seven ASEAN", "bảy nước ASEAN": nothing but a noun between.
        return back == 1 || (tokens_[m.first - 1].exact == "nước" || tokens_[m.first - 1].exact == "quốc");
      }
    }
    // "ASEAN member states": a body followed by its members.
    return m.type == "regional_org" &&
           std::any_of(hits_.begin(), hits_.end(),
                       [&](const TriggerHit& h) { return h.relation == kCueMemberWord && h.first == End(m); });
  }

  // "Na Uy, quốc gia dẫn đầu thế giới về nuôi cá hồi, đã hợp tác với …": a
  // description between commas right after the subject.
  bool Appositive(uint32_t from, uint32_t to) const {
    constexpr uint32_t kMaxAppositive = 16;
    if (from == 0 || to >= tokens_.size() || to - from > kMaxAppositive) return false;
    std::string_view gap = ctx_.text.substr(tokens_[from - 1].end, tokens_[to].begin - tokens_[from - 1].end);
    size_t first = gap.find(',');
    return first != std::string_view::npos && first < 3 && gap.find(',', first + 1) != std::string_view::npos &&
           gap.find_first_of(";:") == std::string_view::npos;
  }

  // `ks` already holds a mention of `id` ("Bộ … Hàn Quốc (MSIT)" names one
  // ministry twice).
  bool Holds(const std::vector<size_t>& ks, const std::string& id) const {
    return std::any_of(ks.begin(), ks.end(), [&](size_t k) { return M()[k].id == id; });
  }

  // Actors before token `at`, nearest first: the first within `near` words,
  // each further one within kListGap of the one after it. Stops at a clause
  // break or a speaker cue.
  std::vector<size_t> ActorsBefore(uint32_t at, uint32_t near) const {
    std::vector<size_t> out;
    uint32_t cursor = at;
    for (size_t k = M().size(); k-- > 0;) {
      const auto& m = M()[k];
      if (End(m) > cursor) continue;
      uint32_t gap = cursor - End(m);
      if (gap > (out.empty() ? near : kListGap) && !(out.empty() && Appositive(End(m), cursor))) break;
      if (ClauseBreak(End(m), cursor) || CueIn(End(m), cursor, kCueSpeech)) break;
      // "CATL ký thỏa thuận với IBC và cam kết rót …": IBC is the object of
      // "với", not a subject of what follows.
      const bool object_of_with = CueRightBefore(m.first, kCueWith);
      if (m.kind == EntityKind::kActor && !IsOwner(k) && !IsPossessiveOwner(k) && !IsPlace(m) && !MembersOnly(k) &&
          !object_of_with && !Holds(out, m.id)) {
        out.push_back(k);
      }
      cursor = m.first;  // other names are stepped over, and distance counts from them
    }
    return out;
  }

  // Actors after token `at`, nearest first, likewise; places and owners are
  // stepped over, not taken.
  std::vector<size_t> ActorsAfter(uint32_t at, uint32_t near, bool places_count) const {
    std::vector<size_t> out;
    uint32_t cursor = at;
    for (size_t k = 0; k < M().size(); ++k) {
      const auto& m = M()[k];
      if (m.first < cursor) continue;
      uint32_t gap = m.first - cursor;
      if (gap > (out.empty() ? near : kListGap)) break;
      if (ClauseBreak(cursor, m.first) || CueIn(cursor, m.first, kCueCreate)) break;
      // "memoranda of cooperation on SSW with Vietnam": what it is about.
      const bool topic = m.first > 0 && tokens_[m.first - 1].exact == "on";
      bool party = m.kind == EntityKind::kActor && !IsOwner(k) && !IsPossessiveOwner(k) && !topic &&
                   (places_count || !IsPlace(m)) && !MembersOnly(k) && !Holds(out, m.id);
      if (party) out.push_back(k);
      cursor = End(m);
    }
    return out;
  }

  // Frameworks (or, with `kind`, other kinds) after / before a token.
  std::vector<size_t> KindAfter(uint32_t at, uint32_t near, EntityKind kind, uint32_t list_gap = kListGap) const {
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
  std::optional<size_t> KindBefore(uint32_t at, uint32_t near, EntityKind kind) const {
    for (size_t k = M().size(); k-- > 0;) {
      const auto& m = M()[k];
      if (End(m) > at) continue;
      if (at - End(m) > near || ClauseBreak(End(m), at)) return std::nullopt;
      if (m.kind == kind) return k;
    }
    return std::nullopt;
  }

  void Add(const std::string& a, const char* relation, const std::string& b, const std::string& trigger) {
    if (a.empty() || b.empty() || a == b) return;
    TypedLink link{a, relation, b, trigger};
    if (IsUndirectedRelation(relation) && b < a) std::swap(link.source, link.target);
    for (const auto& l : links_) {
      if (l.source == link.source && l.relation == link.relation && l.target == link.target) return;
    }
    links_.push_back(std::move(link));
  }

  void Pairs(const std::vector<size_t>& xs, const std::vector<size_t>& ys, const char* relation,
             const std::string& trigger) {
    for (size_t x : xs) {
      for (size_t y : ys) Add(M()[x].id, relation, M()[y].id, trigger);
    }
  }
  void Cooperation(const TriggerHit& hit) {
    const std::string trigger = Span(hit.first, hit.count);
    auto left = ActorsBefore(hit.first, kNearGap);
    auto right = ActorsAfter(End(hit), kNearGap, /*places_count=*/false);
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
    } else if (!left.empty() && !right.empty()) {
      for (size_t a : left) {
        for (size_t b : right) pairs.emplace_back(a, b);
      }
    } else if (right.size() >= 2 && CueIn(End(hit), M()[right[0]].first, kCueBetween)) {
      AddAllPairs(right, &pairs);  // "hợp tác giữa ASEAN và Trung Quốc"
    } else if (left.size() >= 2 && right.empty() && JoinedByAnd(left)) {
      AddAllPairs(left, &pairs);  // "A và B phối hợp tổ chức", "A và B nâng quan hệ lên …"
    } else if (left.size() == 2 && right.empty() && End(M()[left[0]]) == hit.first) {
      // "the UK became an ASEAN dialogue partner": the name right before
      // the trigger says whose partner the subject became.
      for (size_t k = 1; k < left.size(); ++k) pairs.emplace_back(left[k], left[0]);
    }
    if (pairs.empty()) BothSides(hit, trigger);
    for (const auto& [a, b] : pairs) {
      Add(M()[a].id, kCooperation, M()[b].id, trigger);
      // Ministries that cooperate bring their countries together too;
      // companies do not.
      auto state = [&](size_t k) { return M()[k].type == "country" || M()[k].government; };
      if (!state(a) || !state(b)) continue;
      std::string ca = CountryOf(a), cb = CountryOf(b);
      if (!ca.empty() && !cb.empty() && (ca != M()[a].id || cb != M()[b].id)) Add(ca, kCooperation, cb, trigger);
    }
  }

  // A signing verb, alone or leading a longer trigger ("ký bản ghi nhớ",
  // "signed a memorandum"), which the lexicon matches as one.
  bool IsSigning(const TriggerHit& hit) const {
    if (CueIn(hit.first, End(hit), kCueSign)) return true;
    for (uint32_t t = hit.first; t < End(hit); ++t) {
      const std::string& w = tokens_[t].exact;
      if (w == "ký" || w == "signed" || w == "signs" || w == "sign") return true;
    }
    return false;
  }

  // "khi hai nước nâng cấp quan hệ", "both sides agreed": the two countries
  // named last before the cue, in this sentence or earlier in the passage.
  void BothSides(const TriggerHit& hit, const std::string& trigger) {
    constexpr uint32_t kBothSidesReach = 8;  // "hai nước nâng cấp quan hệ lên Đối tác …"
    const uint32_t from = hit.first >= kBothSidesReach ? hit.first - kBothSidesReach : 0;
    auto cue = std::find_if(hits_.begin(), hits_.end(), [&](const TriggerHit& h) {
      return h.relation == kCueBothSides && h.first >= from && h.first <= hit.first;
    });
    if (cue == hits_.end()) return;
    std::vector<std::string> named = ctx_.recent_actors;
    for (const auto& m : M()) {
      if (m.first < cue->first && m.type == "country") named.push_back(m.id);
    }
    std::vector<std::string> last_two;
    for (auto it = named.rbegin(); it != named.rend() && last_two.size() < 2; ++it) {
      if (std::find(last_two.begin(), last_two.end(), *it) == last_two.end()) last_two.push_back(*it);
    }
    if (last_two.size() == 2) Add(last_two[0], kCooperation, last_two[1], trigger);
  }

  // The list of names right before a signing verb: "A (AA), B (BB) and C
  // signed": items at most two words apart ("the governors of A" stops it).
  std::vector<size_t> Signatories(const std::vector<size_t>& left) const {
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

  static void AddAllPairs(const std::vector<size_t>& xs, std::vector<std::pair<size_t, size_t>>* pairs) {
    for (size_t i = 0; i < xs.size(); ++i) {
      for (size_t j = i + 1; j < xs.size(); ++j) pairs->emplace_back(xs[i], xs[j]);
    }
  }

  // The actors (nearest first, as ActorsBefore gives them) are joined by
  // "và", "and", "cùng", "with": subjects of one verb.
  bool JoinedByAnd(const std::vector<size_t>& actors) const {
    for (size_t i = 0; i + 1 < actors.size(); ++i) {
      const auto& later = M()[actors[i]];
      const auto& earlier = M()[actors[i + 1]];
      if (!CueIn(End(earlier), later.first, kCueAnd)) return false;
    }
    return true;
  }

  // The country an actor is or belongs to: itself, the country its name
  // holds, or the one named right after it ("Bộ … Việt Nam").
  std::string CountryOf(size_t k) const {
    if (M()[k].type == "country") return M()[k].id;
    // Any mention of the same entity may say it: "Bộ … Hàn Quốc (MSIT)".
    for (size_t j = 0; j < M().size(); ++j) {
      const auto& m = M()[j];
      if (m.id != M()[k].id) continue;
      if (!m.owner.empty()) return m.owner;
      if (j + 1 < M().size() && IsOwner(j + 1) && M()[j + 1].type == "country") return M()[j + 1].id;
      if (j > 0 && IsPossessiveOwner(j - 1)) return M()[j - 1].id;
    }
    return "";
  }

  // Who a framework belongs to: a country named inside it after "của"/"of"
  // or as "X's", or right after it as "… của X".
  // `opening_place`: also the country the sentence opens with as a place,
  // where a verb says the law was enacted or took effect.
  std::string OwnerOf(size_t k, bool opening_place = false) const {
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
  void Ownership(size_t k) {
    const std::string& type = M()[k].type;
    if (type != "law" && type != "strategy" && type != "plan" && type != "programme") return;
    std::string owner = OwnerOf(k);
    if (!owner.empty()) Add(owner, kEnactment, M()[k].id, Span(M()[k].first, M()[k].count));
  }

  void Enactment(const TriggerHit& hit) {
    const std::string trigger = Span(hit.first, hit.count);
    // A country that ratifies an agreement becomes a party to it
    // ("Việt Nam thuộc nhóm hoàn tất phê chuẩn sớm nhất").
    if (IsRatification(trigger)) {
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
    // Launching talks on an agreement does not enact it: an agreement is
    // enacted only by approving, ratifying or bringing it into force.
    const bool launch = CueIn(hit.first, End(hit), kCueLaunch);
    auto enactable = [&](size_t f) { return !(launch && M()[f].type == "agreement"); };
    if (!after.empty()) {
      auto actors = ActorsBefore(hit.first, kNearGap);
      for (size_t f : after) {
        if (!enactable(f)) continue;
        if (actors.empty()) Add(OwnerOf(f, /*opening_place=*/true), kEnactment, M()[f].id, trigger);
        for (size_t a : actors) {
          Add(M()[a].id, kEnactment, M()[f].id, trigger);
          // "Quốc hội Việt Nam thông qua …": a state body enacts for its country.
          if (M()[a].government) Add(CountryOf(a), kEnactment, M()[f].id, trigger);
        }
      }
      return;
    }
    // Passive: "“Luật …” có hiệu lực", "the Act entered into force"; or a
    // relative clause: "the GDPR, which the European Union adopted".
    if (auto f = KindBefore(hit.first, kNearGap, EntityKind::kFramework); f && enactable(*f)) {
      auto actors = ActorsBefore(hit.first, kNearGap);
      std::erase_if(actors, [&](size_t a) { return a < *f; });
      if (actors.empty()) Add(OwnerOf(*f, /*opening_place=*/true), kEnactment, M()[*f].id, trigger);
      for (size_t a : actors) Add(M()[a].id, kEnactment, M()[*f].id, trigger);
    }
  }

  // "applied to join", "xin gia nhập": intent, not the act.
  bool OnlyIntended(const TriggerHit& hit) const {
    // "đề xuất đàm phán một thỏa thuận": the intent may stand a word or two
    // before the trigger it governs.
    constexpr uint32_t kIntentReach = 5;
    return CueIn(hit.first >= kIntentReach ? hit.first - kIntentReach : 0, End(hit), kCueIntent) ||
           CueRightBefore(hit.first, kCueIntent);
  }

  void Participation(const TriggerHit& hit) {
    const std::string trigger = Span(hit.first, hit.count);
    std::vector<size_t> targets;
    for (size_t k = 0; k < M().size(); ++k) {
      const auto& m = M()[k];
      bool joinable = m.kind == EntityKind::kEvent || (m.kind == EntityKind::kFramework && IsProgramme(m));
      if (joinable) targets.push_back(k);
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
    // Joining an agreement makes one a party to it.
    const char* relation = M()[target].type == "agreement" ? kMembership : kParticipation;
    auto parties = ActorsAfter(End(hit), kAttendanceGap, /*places_count=*/false);
    // "với sự tham gia của X", "participation of X": X takes part; the
    // subject of the sentence organised it.
    const bool of_follows = End(hit) < tokens_.size() &&
                            (tokens_[End(hit)].exact == "của" || tokens_[End(hit)].exact == "of");
    // "hosted by Indonesia, the governors of …": the host, and only it.
    const bool by_follows = End(hit) < tokens_.size() && (tokens_[End(hit)].exact == "by" || tokens_[End(hit)].exact == "bởi");
    if (by_follows && parties.size() > 1) parties.resize(1);
    if (!of_follows && !by_follows) {
      auto subjects = ActorsBefore(hit.first, kNearGap);
      parties.insert(parties.end(), subjects.begin(), subjects.end());
    }
    for (size_t a : parties) Add(M()[a].id, relation, M()[target].id, trigger);
  }

  // "tổ chức tại Siem Reap, Campuchia": the country after the cue hosts the
  // event the sentence names.
  void Host(const TriggerHit& hit) {
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
  void HostAfter(size_t k) {
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
  void ActingAt(size_t k) {
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
    for (size_t k : actors) Add(M()[k].id, kParticipation, event.id, Span(event.first >= 1 ? event.first - 1 : event.first, 1));
  }

  void Investment(const TriggerHit& hit) {
    const std::string trigger = Span(hit.first, hit.count);
    auto investors = ActorsBefore(hit.first, kNearGap);
    auto targets = ActorsAfter(End(hit), kInvestmentGap, /*places_count=*/true);
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
    const bool funding = IsFunding(trigger);
    std::erase_if(targets, [&](size_t k) {
      const auto& t = M()[k];
      if (funding && !right_after(k, {"cho", "to", "for", "vào", "into"})) return true;
      if (t.type == "country" || t.type == "regional_org") return false;
      return !(t.type == "organization" && !t.government && right_after(k, {"vào", "into", "in"}));
    });
    // "rót vốn vào GoTo, tập đoàn công nghệ lớn nhất Indonesia": the company
    // is what was invested in; the country after it describes it.
    auto company = std::find_if(targets.begin(), targets.end(),
                                [&](size_t k) { return M()[k].type == "organization"; });
    if (company != targets.end()) targets.erase(company + 1, targets.end());
    Pairs(investors, targets, kInvestment, trigger);
  }

  static bool IsFunding(const std::string& trigger) {
    static const char* kFunding[] = {"tài trợ", "nhà tài trợ", "cho vay", "financed", "finances", "funded",
                                     "funds", "financing", "line of credit", "credit line", "loan", "loans"};
    return std::any_of(std::begin(kFunding), std::end(kFunding), [&](const char* w) { return trigger == w; });
  }

  // One can be a member of an organisation or a party to an agreement.
  static bool CanHaveMembers(const SentenceMention& m) {
    return m.type == "regional_org" || m.type == "organization" || m.type == "agreement" ||
           m.type == "initiative";
  }

  void Membership(const TriggerHit& hit) {
    const std::string trigger = Span(hit.first, hit.count);
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

  // The agreement, initiative or regional body named last before token
  // `at`, in this sentence or earlier in the passage.
  std::optional<std::string> LastBody(uint32_t at, bool agreements_only) const {
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

  static bool IsRatification(const std::string& trigger) {
    static const char* kWords[] = {"phê chuẩn", "ratify", "ratifies", "ratified"};
    return std::any_of(std::begin(kWords), std::end(kWords), [&](const char* w) { return trigger == w; });
  }

  void Basis(const TriggerHit& hit) {
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

  // "tham gia dự án", "joined the programme": a common noun for the thing
  // joined right after the trigger.
  bool JoinableNounAfter(const TriggerHit& hit) const {
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
  static bool IsProgramme(const SentenceMention& m) {
    return m.type == "programme" || m.type == "initiative" || m.type == "agreement";
  }

  size_t Nearest(const std::vector<size_t>& ks, const TriggerHit& hit) const {
    auto distance = [&](size_t k) {
      const auto& m = M()[k];
      return m.first >= End(hit) ? m.first - End(hit) : hit.first - std::min(hit.first, End(m));
    };
    return *std::min_element(ks.begin(), ks.end(), [&](size_t a, size_t b) { return distance(a) < distance(b); });
  }

  const SentenceContext& ctx_;
  const std::vector<Token>& tokens_;
  std::vector<TriggerHit> hits_;
  std::vector<TypedLink> links_;
};

}  // namespace

std::vector<TypedLink> FindTypedLinks(const SentenceContext& sentence) {
  if (sentence.mentions.size() < 1 || sentence.tokens == nullptr) return {};
  return Sentence(sentence).Links();
}

}  // namespace policygraph::indexer
