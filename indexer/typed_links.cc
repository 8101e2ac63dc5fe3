#include "indexer/typed_links.h"

#include <algorithm>
#include <optional>
#include <set>

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
    for (const auto& hit : hits_) {
      if (hit.relation != kCueComprising) continue;
      if (auto listed = GroupingMembers(hit)) listed_members_.insert(listed->second.begin(), listed->second.end());
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
      else if (hit.relation == kCueComprising) Comprising(hit);
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

  // The trigger carries a reading (link_triggers.h): a cue on its span.
  bool Reads(const TriggerHit& trigger, const char* reading) const {
    return CueIn(trigger.first, End(trigger), reading);
  }

  // Punctuation that ends a clause (';', ':') or a contrast ("while",
  // "trong khi") lies between token `from - 1` and token `to`.
  bool ClauseBreak(uint32_t from, uint32_t to) const {
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
    // "The Indo-Pacific Strategy of the United States": "the" may follow.
    const uint32_t owner_at = m.first > 0 && tokens_[m.first - 1].exact == "the" ? m.first - 1 : m.first;
    return std::any_of(hits_.begin(), hits_.end(), [&](const TriggerHit& h) {
      return h.relation == kCueOwner && h.first == End(prev) && End(h) == owner_at;
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

      // "hosted by Indonesia …, they adopted", "do Việt Nam chủ trì đã
      // thông qua": the agent of a passive is not the subject of the verb
      // that follows.
      if (PassiveAgent(m, at)) {
        cursor = m.first;
        continue;
      }
      // "CATL ký thỏa thuận với IBC và cam kết rót …": IBC is the object of
      // "với", not a subject of what follows.
      // "Washington đã tặng Việt Nam …, tặng Philippines …": the object of
      // one verb is not the subject of the next.
      const bool object_of_with = CueRightBefore(m.first, kCueWith) || ObjectOfVerb(m) ||
                                  (m.first > 0 && (tokens_[m.first - 1].exact == "cho" || tokens_[m.first - 1].exact == "to"));
      // "nhóm Bộ Tứ gồm Mỹ, Nhật Bản, Ấn Độ và Australia công bố …": the
      // grouping acts, not the members listed inside its description.
      const bool listed_member = listed_members_.count(k) > 0 || Topic(m);
      // The same entity named again in brackets after "với X" is still the
      // object: "với Tập đoàn Pin Indonesia (… - IBC)".
      auto bracketed_after = [&](const SentenceMention& o, const SentenceMention& later) {
        if (End(o) > later.first || later.first - End(o) > 6) return false;
        std::string_view gap = ctx_.text.substr(tokens_[End(o) - 1].end, tokens_[later.first].begin - tokens_[End(o) - 1].end);
        return gap.find('(') != std::string_view::npos;
      };
      const bool object_again = std::any_of(M().begin(), M().begin() + k, [&](const SentenceMention& o) {
        return o.id == m.id && CueRightBefore(o.first, kCueWith) && bracketed_after(o, m);
      });
      if (m.kind == EntityKind::kActor && !IsOwner(k) && !IsPossessiveOwner(k) && !IsPlace(m) && !MembersOnly(k) &&
          !object_of_with && !object_again && !listed_member && !Descriptive(m) && !Holds(out, m.id)) {
        // "Washington and London jointly designated Prince Group, a
        // conglomerate that had invested …": a list does not run on past
        // a verb of its own.
        if (!out.empty() && VerbRightAfter(m)) break;
        out.push_back(k);
      }
      cursor = m.first;  // other names are stepped over, and distance counts from them
    }
    return out;
  }

  // "Về phía Ấn Độ, Hội nghị … thông qua …", "Đối với Nhật Bản, …": the
  // country is what the sentence is about, not who acts.
  bool Topic(const SentenceMention& m) const {
    if (m.first < 1) return false;
    const std::string& w1 = tokens_[m.first - 1].exact;
    const std::string w2 = m.first >= 2 ? tokens_[m.first - 2].exact + " " + w1 : "";
    return w2 == "về phía" || w2 == "đối với" || (w1 == "as" && m.first >= 2 && tokens_[m.first - 2].exact == "for");
  }

  // A parliament or government enacts for its country; a ministry or
  // agency issues its own plans ("Bộ Y tế ban hành Kế hoạch …").
  bool ActsForItsCountry(const SentenceMention& m) const {
    const std::string name = Span(m.first, m.count);
    for (const char* head : {"Quốc hội", "Chính phủ", "Parliament", "Government", "National Assembly", "Congress",
                             "Thủ tướng"}) {
      if (name.rfind(head, 0) == 0) return true;
    }
    return false;
  }

  // A verb (a trigger, not a cue) follows `m` at once or after one word
  // ("London jointly designated", "Japan has signed"), with no comma
  // between: `m` is that verb's subject. (After a comma it is more often an
  // appositive: "Vương quốc Anh, đối tác đối thoại của ASEAN, …".)
  bool VerbRightAfter(const SentenceMention& m) const {
    return std::any_of(hits_.begin(), hits_.end(), [&](const TriggerHit& h) {
      if (h.relation.rfind("cue:", 0) == 0 || h.first < End(m) || h.first > End(m) + 1) return false;
      std::string_view gap = ctx_.text.substr(tokens_[End(m) - 1].end, tokens_[h.first].begin - tokens_[End(m) - 1].end);
      return gap.find(',') == std::string_view::npos;
    });
  }

  // `m` follows "by"/"do"/"bởi" and belongs to another verb than the one at
  // `at`: a participle right before "by", or a verb of its own between it
  // and `at` ("do Việt Nam chủ trì đã thông qua").
  bool PassiveAgent(const SentenceMention& m, uint32_t at) const {
    if (m.first == 0) return false;
    const std::string& before = tokens_[m.first - 1].exact;
    if (before != "by" && before != "do" && before != "bởi") return false;
    const bool participle = std::any_of(hits_.begin(), hits_.end(), [&](const TriggerHit& h) {
      return End(h) == m.first - 1 && h.relation.rfind("cue:", 0) != 0;
    });
    return (participle && before == "by") || VerbBetween(End(m), at);
  }

  // One of `words` is a token in [from, to).
  bool WordIn(uint32_t from, uint32_t to, std::initializer_list<const char*> words) const {
    for (uint32_t t = from; t < to && t < tokens_.size(); ++t) {
      for (const char* w : words) {
        if (tokens_[t].exact == w) return true;
      }
    }
    return false;
  }

  // A name that describes rather than acts: a product ("vắc xin Pfizer",
  // "AstraZeneca doses" is left alone, "liều AstraZeneca"), or a country
  // as the nationality of a common noun ("tổ chức thẻ Trung Quốc này",
  // "các doanh nghiệp Nhật Bản"). "phía Trung Quốc", "chính phủ Trung
  // Quốc" still act.
  bool Descriptive(const SentenceMention& m) const {
    if (m.first == 0) return false;
    auto before = [&](std::initializer_list<const char*> words) {
      for (const char* w : words) {
        const auto tokens = std::string_view(w);
        const bool two = tokens.find(' ') != std::string_view::npos;
        if (!two && tokens_[m.first - 1].exact == w) return true;
        if (two && m.first >= 2 &&
            tokens_[m.first - 2].exact + " " + tokens_[m.first - 1].exact == w) {
          return true;
        }
      }
      return false;
    };
    if (m.type == "organization" && !m.government) {
      return before({"vắc xin", "vaccine", "liều", "lô", "sản phẩm", "điện thoại", "xe", "chip"});
    }
    if (m.type == "country") {
      if (StartsUppercase(ctx_.text.substr(tokens_[m.first - 1].begin))) return false;
      return before({"công ty", "doanh nghiệp", "tập đoàn", "hãng", "tổ chức", "thẻ", "nhà đầu tư",
                     "chuyên gia", "sinh viên", "du khách", "tàu", "hàng", "người", "lao động", "vốn"});
    }
    return false;
  }

  // Right after a verb of giving or lending ("tặng Việt Nam", "lent the
  // Philippines"), or after it and "the": that verb's recipient. (Many
  // triggers are nouns, "parties", "partnership": what follows them may
  // well be a subject.)
  bool ObjectOfVerb(const SentenceMention& m) const {
    uint32_t at = m.first;
    if (at > 0 && tokens_[at - 1].exact == "the") --at;
    return CueRightBefore(at, kCueGivesTo);
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
      // "ký thỏa thuận … để chuẩn bị đưa ACPHEED vào vận hành": what the
      // purpose clause names is no party; "… Campuchia những lô Covishield
      // do Viện … sản xuất": nor is the agent of a passive inside a list.
      if ((!places_count && WordIn(cursor, m.first, {"để", "nhằm"})) ||
          (!out.empty() && WordIn(cursor, m.first, {"do", "bởi", "by"}))) {
        break;
      }
      // "… works with the bloc on early-warning systems, and New Zealand
      // announced …": after ", and" an actor followed by its own verb opens
      // a new clause.
      if (NewClauseSubject(cursor, k)) break;
      // "memoranda of cooperation on SSW with Vietnam": what it is about.
      const bool topic = m.first > 0 && tokens_[m.first - 1].exact == "on";
      bool party = m.kind == EntityKind::kActor && !IsOwner(k) && !IsPossessiveOwner(k) && !topic &&
                   (places_count || !IsPlace(m)) && !MembersOnly(k) && !Descriptive(m) && !Holds(out, m.id);
      if (party) out.push_back(k);
      cursor = End(m);
    }
    return out;
  }

  bool NewClauseSubject(uint32_t from, size_t k) const {
    const auto& m = M()[k];
    if (from == 0 || m.first <= from || m.first < 1) return false;
    std::string_view gap = ctx_.text.substr(tokens_[from - 1].end, tokens_[m.first].begin - tokens_[from - 1].end);
    if (gap.find(',') == std::string_view::npos) return false;
    const std::string& before = tokens_[m.first - 1].exact;
    if (before != "and" && before != "và") return false;
    return std::any_of(hits_.begin(), hits_.end(), [&](const TriggerHit& h) {
      return h.first >= End(m) && h.first <= End(m) + 2 && h.relation.rfind("cue:", 0) != 0;
    });
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
  // Distances count from the nearest name stepped over, as in ActorsBefore:
  // "AFACI, do Cục Phát triển Nông thôn Hàn Quốc (RDA) khởi xướng".
  std::optional<size_t> KindBefore(uint32_t at, uint32_t near, EntityKind kind) const {
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
    // ký năm 2011": the agreement before "được", its signatories between.
    if (IsSigning(hit) && right.empty() && !left.empty()) {
      const uint32_t first_signer = M()[left.back()].first;
      for (uint32_t t = first_signer; t-- > 0 && first_signer - t <= 6;) {
        if (tokens_[t].exact != "được") continue;
        if (auto agreement = KindBefore(t, 3, EntityKind::kFramework); agreement && signable(*agreement)) {
          for (size_t a : left) Add(M()[a].id, kMembership, M()[*agreement].id, trigger);
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

  // "cùng EU", "together with Japan": the actor is joined to the subject as
  // the other side.
  bool WithThe(size_t k) const {
    const uint32_t at = M()[k].first;
    if (at == 0) return false;
    const std::string& w = tokens_[at - 1].exact;
    return (w == "cùng" && (at < 2 || tokens_[at - 2].exact != "và")) || (w == "with" && at >= 2 && tokens_[at - 2].exact == "together");
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

  // The two countries a "hai nước"/"both countries" cue within a few words
  // before the trigger stands for: the two named last, in this sentence or
  // earlier in the passage. Empty without the cue.
  std::vector<std::string> LastTwoCountries(const TriggerHit& hit) const {
    constexpr uint32_t kReach = 6;  // "cả hai nước đều là thành viên"
    const uint32_t from = hit.first >= kReach ? hit.first - kReach : 0;
    auto cue = std::find_if(hits_.begin(), hits_.end(), [&](const TriggerHit& h) {
      return h.relation == kCueBothSides && h.first >= from && h.first <= hit.first;
    });
    if (cue == hits_.end()) return {};
    std::vector<std::string> named = ctx_.recent_actors;
    for (const auto& m : M()) {
      if (m.first < cue->first && m.type == "country") named.push_back(m.id);
    }
    std::vector<std::string> last_two;
    for (auto it = named.rbegin(); it != named.rend() && last_two.size() < 2; ++it) {
      if (std::find(last_two.begin(), last_two.end(), *it) == last_two.end()) last_two.push_back(*it);
    }
    return last_two.size() == 2 ? last_two : std::vector<std::string>{};
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
      if (CueIn(End(earlier), later.first, kCueAnd)) continue;
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
    }
  }

  // The subject of a verb with no actor before it: the sentence's subject
  // carried over "và"/"and" or a comma, or "nước này"/"the country" right
  // before it, the country named last ("Philippines đi theo hướng khác.
  // Năm 2019, nước này ban hành …").
  std::vector<size_t> SubjectOf(const TriggerHit& hit) const {
    if (auto carried = CarriedSubject(hit); !carried.empty()) return carried;
    constexpr uint32_t kCueReach = 3;  // "nước này tiếp tục hỗ trợ"
    const uint32_t from = hit.first >= kCueReach + 2 ? hit.first - kCueReach - 2 : 0;
    if (!CueIn(from, hit.first, kCueThisCountry)) return {};
    std::vector<size_t> out;
    for (size_t k = M().size(); k-- > 0;) {
      if (End(M()[k]) <= hit.first && M()[k].type == "country") return {k};
    }
    return out;
  }
  // As SubjectOf, for "nước này" with the country named in an earlier
  // sentence: its id.
  std::string ThisCountry(const TriggerHit& hit) const {
    constexpr uint32_t kCueReach = 3;
    const uint32_t from = hit.first >= kCueReach + 2 ? hit.first - kCueReach - 2 : 0;
    if (!CueIn(from, hit.first, kCueThisCountry)) return "";
    // The country the sentence is about: not one after "cho"/"với"/"to" (an
    // object) or a place ("Tokyo chuyển gạo cho Myanmar …; nước này tiếp
    // tục …" is Japan).
    auto object_or_place = [&](const SentenceMention& m) {
      if (m.first == 0) return false;
      const std::string& w = tokens_[m.first - 1].exact;
      return w == "cho" || w == "với" || w == "to" || w == "with" || IsPlace(m);
    };
    for (size_t k = M().size(); k-- > 0;) {
      if (End(M()[k]) <= hit.first && M()[k].type == "country" && !object_or_place(M()[k])) return M()[k].id;
    }
    // Countries named earlier in the passage (SentenceContext::recent_actors).
    return ctx_.recent_actors.empty() ? "" : ctx_.recent_actors.back();
  }

  // "Sau khi khởi động PQI năm 2015, Tokyo tiếp tục …", "Hàn Quốc đẩy
  // mạnh hợp tác … sau khi công bố KASI": a clause of time ("sau khi",
  // "after") has the main clause's subject: the sentence's first actor
  // when it comes before, else the first after the clause's comma.
  std::vector<size_t> SubjectOfAfterClause(const TriggerHit& hit, size_t last_object) const {
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

  // A trigger of any relation (not a cue) lies within tokens [from, to).
  bool VerbBetween(uint32_t from, uint32_t to) const {
    return std::any_of(hits_.begin(), hits_.end(), [&](const TriggerHit& h) {
      return h.first >= from && End(h) <= to && h.relation.rfind("cue:", 0) != 0;
    });
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
    if (by_follows && parties.size() > 1) parties.resize(1);
    if (!of_follows && !by_follows) {
      auto subjects = ActorsBefore(hit.first, kNearGap);
      if (subjects.empty()) subjects = SubjectOf(hit);
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
    for (size_t k : actors) {
      // "Tại Hội nghị Cấp cao ASEAN …, các nhà lãnh đạo ASEAN …": a body
      // does not take part in its own meeting.
      if (Span(event.first, event.count).find(Span(M()[k].first, M()[k].count)) != std::string::npos) continue;
      Add(M()[k].id, kParticipation, event.id, Span(event.first >= 1 ? event.first - 1 : event.first, 1));
    }
  }

  void Investment(const TriggerHit& hit) {
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
  bool LoanNear(const TriggerHit& hit) const {
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
  void LendTo(const TriggerHit& hit) {
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
  bool GivenGrants(const TriggerHit& hit, const std::string& trigger) {
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

  // "Ấn Độ khởi động sáng kiến … và gửi tặng Myanmar …": a second verb of
  // the sentence's subject, after "và"/"and" or a comma, has no actor of
  // its own before it. The subject is the sentence's first name when it is
  // an actor that comes before any trigger (an opening date may precede it).
  std::vector<size_t> CarriedSubject(const TriggerHit& hit) const {
    if (hit.first == 0 || M().empty()) return {};
    // "… và gửi tặng Myanmar", "… and extended a green loan to Indonesia".
    constexpr uint32_t kAndReach = 4;
    bool coordinated = false;
    for (uint32_t t = hit.first; t-- > 0 && hit.first - t <= kAndReach;) {
      const std::string& w = tokens_[t].exact;
      if (w == "và" || w == "and" || w == "rồi" || w == "then") coordinated = true;
    }
    // "…, tặng Philippines …": a comma right before the verb.
    std::string_view gap_before = ctx_.text.substr(tokens_[hit.first - 1].end, tokens_[hit.first].begin - tokens_[hit.first - 1].end);
    if (gap_before.find(',') != std::string_view::npos) coordinated = true;
    if (!coordinated) return {};
    const auto& subject = M()[0];
    if (subject.kind != EntityKind::kActor || End(subject) > hit.first || IsPlace(subject) || IsPossessiveOwner(0) ||
        MembersOnly(0)) {
      return {};
    }
    const bool trigger_first = std::any_of(hits_.begin(), hits_.end(), [&](const TriggerHit& h) {
      return h.first < subject.first && h.relation.rfind("cue:", 0) != 0;
    });
    if (trigger_first || ClauseBreak(End(subject), hit.first)) return {};
    // No other actor may stand between, it would be the subject of this
    // verb; unless it is the first verb's object ("ADB has lent the
    // Philippines … and extended a green loan to Indonesia").
    for (size_t k = 1; k < M().size() && End(M()[k]) <= hit.first; ++k) {
      if (M()[k].kind != EntityKind::kActor || M()[k].id == subject.id) continue;
      // "Japan … finances a UNODC programme … and hosted …": a name that
      // has no verb of its own right after it is no subject.
      if (!ObjectOfVerb(M()[k]) && VerbRightAfter(M()[k])) return {};
    }
    return {0};
  }

  // "nhóm Bộ Tứ (Quad) gồm Mỹ, Nhật Bản, Ấn Độ và Australia", "the Quad,
  // which brings together …": the countries listed are the grouping's
  // members.
  void Comprising(const TriggerHit& hit) {
    auto listed = GroupingMembers(hit);
    if (!listed) return;
    for (size_t k : listed->second) Add(M()[k].id, kMembership, M()[listed->first].id, Span(hit.first, hit.count));
  }

  // The grouping before a "gồm"/"brings together" cue and the two or more
  // countries listed after it.
  std::optional<std::pair<size_t, std::vector<size_t>>> GroupingMembers(const TriggerHit& hit) const {
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

  // One can be a member of an organisation or a party to an agreement.
  static bool CanHaveMembers(const SentenceMention& m) {
    return m.type == "regional_org" || m.type == "organization" || m.type == "agreement" ||
           m.type == "initiative";
  }

  void Membership(const TriggerHit& hit) {
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
      for (const auto& id : LastTwoCountries(hit)) Add(id, kMembership, M()[bodies[0]].id, trigger);
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
  bool AsMembers(const TriggerHit& hit, const std::string& trigger) {
    uint32_t as = hit.first;
    if (as > 0 && (tokens_[as - 1].exact == "founding" || tokens_[as - 1].exact == "original")) --as;
    if (as == 0 || tokens_[as - 1].exact != "as") return false;
    // The list, walked back from "as": names at most a word apart ("and").
    std::vector<size_t> members;
    uint32_t cursor = as - 1;
    for (size_t k = M().size(); k-- > 0;) {
      const auto& m = M()[k];
      if (End(m) > cursor) continue;
      if (cursor - End(m) > 1 || m.type != "country") break;
      members.push_back(k);
      cursor = m.first;
    }
    if (members.empty()) return false;
    const uint32_t list_start = M()[members.back()].first;
    if (list_start == 0 || tokens_[list_start - 1].exact != "with") return false;
    constexpr uint32_t kBodyReach = 10;  // "… was set up in 2018 with"
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
  std::set<size_t> listed_members_;  // mentions listed as a grouping's members
};

}  // namespace

std::vector<TypedLink> FindTypedLinks(const SentenceContext& sentence) {
  if (sentence.mentions.size() < 1 || sentence.tokens == nullptr) return {};
  return Sentence(sentence).Links();
}

}  // namespace policygraph::indexer
