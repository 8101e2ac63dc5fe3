#include "indexer/links/sentence.h"

#include <algorithm>
#include <iterator>

#include "indexer/analyzer.h"        // StartsWithPossessive
#include "indexer/entity_matcher.h"  // StartsUppercase

namespace policygraph::indexer::links {

// Mention k names the owner of mention k-1: "Fortinet của Hoa Kỳ",
// "“…” sửa đổi của Singapore".
bool Sentence::IsOwner(size_t k) const {
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
bool Sentence::IsPlace(const SentenceMention& m) const {
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
bool Sentence::IsPossessiveOwner(size_t k) const {
  if (k + 1 >= M().size() || M()[k].type != "country" || End(M()[k]) != M()[k + 1].first) return false;
  if (M()[k].possessive) return true;  // "its", standing for a country
  return StartsWithPossessive(ctx_.text.substr(tokens_[End(M()[k]) - 1].end));
}

// "Bảy nước ASEAN", "Seven ASEAN member states", "các nước thành viên
// ASEAN": some or all of its members, not the body itself.
bool Sentence::MembersOnly(size_t k) const {
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
bool Sentence::Appositive(uint32_t from, uint32_t to) const {
  constexpr uint32_t kMaxAppositive = 16;
  if (from == 0 || to >= tokens_.size() || to - from > kMaxAppositive) return false;
  std::string_view gap = ctx_.text.substr(tokens_[from - 1].end, tokens_[to].begin - tokens_[from - 1].end);
  size_t first = gap.find(',');
  return first != std::string_view::npos && first < 3 && gap.find(',', first + 1) != std::string_view::npos &&
         gap.find_first_of(";:") == std::string_view::npos;
}

// Actors before token `at`, nearest first: the first within `near` words,
// each further one within kListGap of the one after it. Stops at a clause
// break or a speaker cue.
std::vector<size_t> Sentence::ActorsBefore(uint32_t at, uint32_t near) const {
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
    // "with the People's Bank of China": "the" may stand between.
    const uint32_t det = m.first > 0 && tokens_[m.first - 1].exact == "the" ? m.first - 1 : m.first;
    const bool object_of_with = CueRightBefore(m.first, kCueWith) || CueRightBefore(det, kCueWith) || ObjectOfVerb(m) ||
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
        !object_of_with && !object_again && !listed_member && !Descriptive(m) && !Holds(out, m.id) &&
        !m.possessive && !FirstHalfOfDual(k)) {
      // "Washington and London jointly designated Prince Group, a
      // conglomerate that had invested …": a list does not run on past
      // a verb of its own.
      if (!out.empty() && VerbRightAfter(m) && !m.joined_to_previous) break;
      out.push_back(k);
      // "hai bên nhất trí", "the two sides agreed": a dual is the whole
      // subject of its verb (links/antecedents.h).
      if (m.joined_to_previous && k > 0) {
        out.push_back(k - 1);
        break;
      }
    }
    cursor = m.first;  // other names are stepped over, and distance counts from them
  }
  return out;
}

// The first half of a dual ("hai" of "hai|bên"): it acts only with its
// second half.
bool Sentence::FirstHalfOfDual(size_t k) const { return k + 1 < M().size() && M()[k + 1].joined_to_previous; }

// "Về phía Ấn Độ, Hội nghị … thông qua …", "Đối với Nhật Bản, …": the
// country is what the sentence is about, not who acts.
bool Sentence::Topic(const SentenceMention& m) const {
  if (m.first < 1) return false;
  const std::string& w1 = tokens_[m.first - 1].exact;
  const std::string w2 = m.first >= 2 ? tokens_[m.first - 2].exact + " " + w1 : "";
  return w2 == "về phía" || w2 == "đối với" || (w1 == "as" && m.first >= 2 && tokens_[m.first - 2].exact == "for");
}

// A verb (a trigger, not a cue) follows `m` at once or after one word
// ("London jointly designated", "Japan has signed"), with no comma
// between: `m` is that verb's subject. (After a comma it is more often an
// appositive: "Vương quốc Anh, đối tác đối thoại của ASEAN, …".)
bool Sentence::VerbRightAfter(const SentenceMention& m) const {
  return std::any_of(hits_.begin(), hits_.end(), [&](const TriggerHit& h) {
    if (h.relation.rfind("cue:", 0) == 0 || h.first < End(m) || h.first > End(m) + 1) return false;
    std::string_view gap = ctx_.text.substr(tokens_[End(m) - 1].end, tokens_[h.first].begin - tokens_[End(m) - 1].end);
    return gap.find(',') == std::string_view::npos;
  });
}

// `m` follows "by"/"do"/"bởi" and belongs to another verb than the one at
// `at`: a participle right before "by", or a verb of its own between it
// and `at` ("do Việt Nam chủ trì đã thông qua").
bool Sentence::PassiveAgent(const SentenceMention& m, uint32_t at) const {
  if (m.first == 0) return false;
  const std::string& before = tokens_[m.first - 1].exact;
  if (before != "by" && before != "do" && before != "bởi") return false;
  const bool participle = std::any_of(hits_.begin(), hits_.end(), [&](const TriggerHit& h) {
    return End(h) == m.first - 1 && h.relation.rfind("cue:", 0) != 0;
  });
  return (participle && before == "by") || VerbBetween(End(m), at);
}

// A name that describes rather than acts: a product ("vắc xin Pfizer",
// "AstraZeneca doses" is left alone, "liều AstraZeneca"), or a country
// as the nationality of a common noun ("tổ chức thẻ Trung Quốc này",
// "các doanh nghiệp Nhật Bản"). "phía Trung Quốc", "chính phủ Trung
// Quốc" still act.
bool Sentence::Descriptive(const SentenceMention& m) const {
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
                   "chuyên gia", "sinh viên", "du khách", "tàu", "hàng", "người", "lao động", "vốn", "thị trường",
                   "market"});
  }
  return false;
}

// Right after a verb of giving or lending ("tặng Việt Nam", "lent the
// Philippines"), or after it and "the": that verb's recipient. (Many
// triggers are nouns, "parties", "partnership": what follows them may
// well be a subject.)
bool Sentence::ObjectOfVerb(const SentenceMention& m) const {
  uint32_t at = m.first;
  if (at > 0 && tokens_[at - 1].exact == "the") --at;
  // "thay vì cho vay, New Delhi tài trợ …": after a comma the name opens
  // a clause of its own.
  if (at > 0 && ctx_.text.substr(tokens_[at - 1].end, tokens_[at].begin - tokens_[at - 1].end).find(',') !=
                    std::string_view::npos) {
    return false;
  }
  return CueRightBefore(at, kCueGivesTo);
}

// Actors after token `at`, nearest first, likewise; places and owners are
// stepped over, not taken.
std::vector<size_t> Sentence::ActorsAfter(uint32_t at, uint32_t near, bool places_count) const {
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
    // "… a programme it co-finances with Germany and which GIZ runs …": a
    // relative pronoun opens a clause of other parties.
    if (!out.empty() && WordIn(cursor, m.first, {"which", "who", "whose"})) break;
    // "… ký với VAST năm 2010, bằng khoản vay mà Pháp dành cho Việt Nam",
    // "Hiệp định … ký năm 2006, mà Việt Nam là thành viên": after a party
    // or a comma, "mà" opens a relative clause with a subject and verb of
    // its own. (Right after the trigger its subject may still be the
    // party: "khoản viện trợ … mà Seoul cấp".)
    if (WordIn(cursor, m.first, {"mà"})) {
      bool after_comma = false;
      for (uint32_t t = std::max<uint32_t>(cursor, 1); t < m.first; ++t) {
        if (tokens_[t].exact != "mà") continue;
        after_comma = ctx_.text.substr(tokens_[t - 1].end, tokens_[t].begin - tokens_[t - 1].end).find(',') !=
                      std::string_view::npos;
      }
      if (!out.empty() || after_comma) break;
    }
    // "memoranda of cooperation on SSW with Vietnam", "tìm kiếm về Việt
    // Nam": what it is about.
    const bool topic = m.first > 0 && (tokens_[m.first - 1].exact == "on" || tokens_[m.first - 1].exact == "about" ||
                                       tokens_[m.first - 1].exact == "về");
    // A dual ("both countries") after a verb is the subject of a clause of
    // its own ("…, and both countries belong to …"): the list ends there.
    if (m.joined_to_previous || FirstHalfOfDual(k)) break;
    // "its" owns what follows it; it does not act.
    const bool referred_only = m.possessive;
    bool party = m.kind == EntityKind::kActor && !IsOwner(k) && !IsPossessiveOwner(k) && !topic &&
                 (places_count || !IsPlace(m)) && !MembersOnly(k) && !Descriptive(m) && !Holds(out, m.id) &&
                 !referred_only;
    if (party) out.push_back(k);
    cursor = End(m);
  }
  return out;
}

// The actor nearest a verb and those joined to it by "và"/"and": the
// verb's subject, not every name in the words before it.
std::vector<size_t> Sentence::Subjects(const std::vector<size_t>& before) const {
  std::vector<size_t> out;
  for (size_t k : before) {
    out.push_back(k);
    if (!JoinedByAnd(out)) {
      out.pop_back();
      break;
    }
  }
  return out;
}

bool Sentence::NewClauseSubject(uint32_t from, size_t k) const {
  const auto& m = M()[k];
  if (from == 0 || m.first <= from || m.first < 1) return false;
  std::string_view gap = ctx_.text.substr(tokens_[from - 1].end, tokens_[m.first].begin - tokens_[from - 1].end);
  if (gap.find(',') == std::string_view::npos) return false;
  // "…, and the Bank of Japan signed …": "the" may stand between.
  const uint32_t at = m.first >= 2 && tokens_[m.first - 1].exact == "the" ? m.first - 1 : m.first;
  const std::string& before = tokens_[at - 1].exact;
  if (before != "and" && before != "và") return false;
  return std::any_of(hits_.begin(), hits_.end(), [&](const TriggerHit& h) {
    return h.first >= End(m) && h.first <= End(m) + 2 && h.relation.rfind("cue:", 0) != 0;
  });
}

// The country an actor is or belongs to: itself, the country its name
// holds, or the one named right after it ("Bộ … Việt Nam").
std::string Sentence::CountryOf(size_t k) const {
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

// The subject of a verb with no actor before it: the sentence's subject
// carried over "và"/"and" or a comma, or "nước này"/"the country" right
// before it, the country named last ("Philippines đi theo hướng khác.
// Năm 2019, nước này ban hành …").
std::vector<size_t> Sentence::SubjectOf(const TriggerHit& hit) const {
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

// As SubjectOf, for "nước này" with the country named earlier in the
// sentence, where the resolver left the cue (two countries before it): the
// one that is neither an object nor a place.
std::string Sentence::ThisCountry(const TriggerHit& hit) const {
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
  // A country named in an earlier sentence is the antecedent resolver's
  // (links/antecedents.h), which leaves the cue alone where it cannot tell.
  return "";
}

// "Ấn Độ khởi động sáng kiến … và gửi tặng Myanmar …": a second verb of
// the sentence's subject, after "và"/"and" or a comma, has no actor of
// its own before it. The subject is the sentence's first name when it is
// an actor that comes before any trigger (an opening date may precede it).
std::vector<size_t> Sentence::CarriedSubject(const TriggerHit& hit) const {
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

}  // namespace policygraph::indexer::links
