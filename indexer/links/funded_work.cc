// Who works with a funder besides the one it pays: the body that carries
// out the project it funds ("EU tài trợ … cho dự án …, do UNESCO phối hợp
// với Bộ … thực hiện", "The EU funds GLO.ACT, which UNODC implements"), and
// the body its aid goes through ("South Korea gave US$2 million through the
// AHA Centre", "funds food aid through the World Food Programme"). Both are
// cooperation between the funder and that body: the gold of the training
// articles draws them so (docs/QUALITY.md, "Funded work, channels of aid,
// contracts and signatory lists"), and neither has a cooperation word of
// its own between the two.
#include "indexer/links/sentence.h"

#include <algorithm>
#include <iterator>
#include <optional>

namespace policygraph::indexer::links {

namespace {

// How far after the funding verb the verb of carrying out may stand: "tài
// trợ qua Quỹ Ủy thác Nhật Bản tại UNESCO trong giai đoạn 2005 - 2008, do
// UNESCO trực tiếp triển khai", "tài trợ 1,5 triệu euro cho dự án … tại Hội An
// và Mỹ Sơn, do UNESCO phối hợp với Bộ Văn hóa, Thể thao và Du lịch thực
// hiện" (words are syllables in Vietnamese). The agent must stand right
// before that verb, which keeps so long a reach from pairing clauses.
constexpr uint32_t kCarriedOutReach = 40;
// How far before "through"/"qua" the verb of giving may stand: "provided
// around 6 million dollars through".
constexpr uint32_t kChannelReach = 8;

}  // namespace

// The funders of a funding verb: "funded by A and B"; else the verb's
// subject ("A tài trợ", "mà A tài trợ", "do A tài trợ"), or the subject
// carried over from an earlier verb.
std::vector<size_t> Sentence::Funders(const TriggerHit& hit) const {
  if (End(hit) < tokens_.size() && tokens_[End(hit)].exact == "by") {
    if (auto first = ActorAt(End(hit) + 1)) return JoinedFrom(*first, tokens_.size());
    return {};
  }
  auto funders = Subjects(ActorsBefore(hit.first, kNearGap));
  if (funders.empty()) funders = CarriedSubject(hit);
  return funders;
}

// The actor named at token `at` (or after "the" there), if any.
std::optional<size_t> Sentence::ActorAt(uint32_t at) const {
  if (at < tokens_.size() && tokens_[at].exact == "the") ++at;
  for (size_t k = 0; k < M().size(); ++k) {
    if (M()[k].first == at && M()[k].kind == EntityKind::kActor && !Descriptive(M()[k])) return k;
  }
  return std::nullopt;
}

// Mention `first` and the actors joined to it after it, ending before token
// `end`: "A phối hợp với B", "A và B", "A together with B", "A, B and C".
// Only joining words stand between ("và", "cùng", "phối hợp với", "and",
// "together with", "the", commas); a name's owner is stepped over.
std::vector<size_t> Sentence::JoinedFrom(size_t first, uint32_t end) const {
  static const char* kJoining[] = {"và", "cùng", "với", "phối", "hợp", "and", "with", "together", "the"};
  std::vector<size_t> out{first};
  uint32_t cursor = End(M()[first]);
  for (size_t k = first + 1; k < M().size() && End(M()[k]) <= end; ++k) {
    const auto& m = M()[k];
    if (IsOwner(k)) {
      cursor = End(m);
      continue;
    }
    constexpr uint32_t kJoinGap = 3;  // "phối hợp với", "together with the"
    if (m.first < cursor || m.first - cursor > kJoinGap || ClauseBreak(cursor, m.first)) break;
    bool joined = true;
    for (uint32_t t = cursor; t < m.first && joined; ++t) {
      joined = std::any_of(std::begin(kJoining), std::end(kJoining), [&](const char* j) { return tokens_[t].exact == j; });
    }
    if (!joined || m.kind != EntityKind::kActor || IsPlace(m)) break;
    out.push_back(k);
    cursor = End(m);
  }
  return out;
}

// The verb of carrying out a project or programme, at token `t`: "thực
// hiện", "triển khai", "chủ trì", "vận hành", "điều hành"; "implements",
// "implemented", "runs", "carried out", "executed", "managed" …. Returns its
// length in tokens, 0 where there is none.
uint32_t Sentence::CarryingOutAt(uint32_t t) const {
  static const char* kEnglish[] = {"implements", "implemented", "implement", "implementing", "runs", "run",
                                   "executes",   "executed",    "manages",   "managed",      "administers",
                                   "administered"};
  if (TwoWordsAt(t, {{"thực", "hiện"}, {"triển", "khai"}, {"chủ", "trì"}, {"vận", "hành"}, {"điều", "hành"},
                     {"carried", "out"}, {"carries", "out"}, {"carry", "out"}})) {
    return 2;
  }
  const std::string& w = tokens_[t].exact;
  return std::any_of(std::begin(kEnglish), std::end(kEnglish), [&](const char* e) { return w == e; }) ? 1 : 0;
}

// "EU tài trợ 1,5 triệu euro cho dự án …, do UNESCO phối hợp với Bộ Văn
// hóa … thực hiện", "một dự án mà Nhật Bản tài trợ …, do UNESCO trực tiếp
// triển khai cùng …", "USAID tài trợ dự án … do Bộ Giáo dục và Đào tạo chủ
// trì", "The EU funds GLO.ACT, which UNODC implements", "… funds a
// programme implemented by UNODC": the funder works with the body that
// carries out what it pays for. That body is the agent of the verb of
// carrying out, after "do"/"bởi" (with those it works with, "phối hợp với
// B", "và B"), after "which"/"that", or after "by"; a partner named after
// the verb ("triển khai cùng B") works with the body, not the funder. The
// verb must follow in the same clause; a contrast (", còn …", "while") or
// a semicolon ends the search.
void Sentence::FundedWork(const TriggerHit& hit) {
  const auto funders = Funders(hit);
  if (funders.empty()) return;
  FundedHelps(hit, funders);
  const uint32_t limit = std::min<uint32_t>(End(hit) + kCarriedOutReach, tokens_.size());
  uint32_t verb = End(hit), verb_count = 0;
  for (; verb < limit; ++verb) {
    if (ClauseBreak(End(hit), verb + 1)) return;
    if ((verb_count = CarryingOutAt(verb)) != 0) break;
  }
  if (verb_count == 0) return;
  std::vector<size_t> carriers;
  const std::string& after_verb = verb + verb_count < tokens_.size() ? tokens_[verb + verb_count].exact : "";
  if (after_verb == "by") {
    // "… implemented by UNODC", "run by the foundation".
    if (auto first = ActorAt(verb + verb_count + 1)) carriers = JoinedFrom(*first, tokens_.size());
  } else {
    // "do A … <verb>", "which A (has) implemented": the marker nearest
    // before the verb, with the agent right after it and no more than two
    // words ("trực tiếp", "has") between the agent's list and the verb.
    for (uint32_t t = verb; t-- > End(hit);) {
      const std::string& w = tokens_[t].exact;
      if (w != "do" && w != "bởi" && w != "which" && w != "that") continue;
      if (auto first = ActorAt(t + 1)) {
        auto agents = JoinedFrom(*first, verb);
        constexpr uint32_t kAdverbs = 2;
        if (verb - End(M()[agents.back()]) <= kAdverbs) carriers = agents;
      }
      break;
    }
  }
  const std::string trigger = Span(verb, verb_count);
  for (size_t f : funders) {
    for (size_t c : carriers) {
      if (M()[f].id != M()[c].id) Add(M()[f].id, kCooperation, M()[c].id, trigger);
    }
  }
}

// "Dự án Saving Species do USAID tài trợ giai đoạn 2017 - 2022 đã hỗ trợ Bộ
// Nông nghiệp …", "chương trình SWITCH-Asia do EU tài trợ, hỗ trợ Hiệp hội
// Nhựa Việt Nam", "a project funded by Japan helped the …": what a funder
// pays for helps, trains or supports a body on the funder's behalf, so the
// funder cooperates with that body. Only where the funder is the agent of
// a passive ("do X tài trợ", "funded by X"): the thing funded is then the
// subject of the helping verb that follows in the same clause, the body
// its object right after it.
void Sentence::FundedHelps(const TriggerHit& hit, const std::vector<size_t>& funders) {
  if (funders.empty()) return;
  const uint32_t agent_at = M()[funders.front()].first;
  const bool by_after = End(hit) < tokens_.size() && tokens_[End(hit)].exact == "by";
  const bool do_before = agent_at > 0 && End(M()[funders.back()]) <= hit.first &&
                         (tokens_[agent_at - 1].exact == "do" || tokens_[agent_at - 1].exact == "bởi");
  if (!by_after && !do_before) return;
  static const std::pair<const char*, const char*> kVietnamese[] = {{"hỗ", "trợ"}, {"đào", "tạo"}};
  static const char* kHelping[] = {"giúp", "helped", "helps", "supported", "supports", "trained", "assisted"};
  constexpr uint32_t kHelpReach = 12;  // "do USAID tài trợ giai đoạn 2017 - 2022 đã hỗ trợ"
  const uint32_t from = by_after ? End(M()[funders.back()]) : End(hit);
  const uint32_t limit = std::min<uint32_t>(from + kHelpReach, tokens_.size());
  for (uint32_t t = from; t < limit; ++t) {
    if (ClauseBreak(from, t + 1)) return;
    // Another name first: the subject of the helping verb is not the thing funded.
    if (NameStartsAt(t)) return;
    const std::string& w = tokens_[t].exact;
    const std::string next = t + 1 < tokens_.size() ? tokens_[t + 1].exact : "";
    uint32_t length = std::any_of(std::begin(kHelping), std::end(kHelping), [&](const char* h) { return w == h; });
    for (const auto& [a, b] : kVietnamese) {
      if (w == a && next == b) length = 2;
    }
    if (length == 0) continue;
    auto helped = ActorAt(t + length);
    if (!helped || M()[*helped].type == "country") return;
    for (size_t f : funders) {
      if (M()[f].id != M()[*helped].id) Add(M()[f].id, kCooperation, M()[*helped].id, Span(t, length));
    }
    return;
  }
}

// "South Korea gave US$2 million through the AHA Centre", "Japan … funds
// food aid through the World Food Programme", "Washington provided … through
// the IOM", "tài trợ … thông qua ADB": the body aid goes through works
// with its giver. `at` is the token of "through", "via" or "qua". The verb
// of giving stands a few words before it in the same clause; the body is
// the organisation right after it (not a country, which aid may pass
// through, nor the giver's own agency, "Japan … through JICA").
void Sentence::GivenThrough(uint32_t at) {
  const std::string& w = tokens_[at].exact;
  if (w != "through" && w != "via" && w != "qua") return;
  static const char* kGiving[] = {"gave", "given", "give", "gives", "paid", "pays", "channelled", "channeled",
                                  "channels", "disbursed", "disburses", "contributed", "contributes"};
  std::optional<uint32_t> giving;
  for (uint32_t t = at; t-- > 0 && at - t <= kChannelReach;) {
    if (ClauseBreak(t + 1, at)) break;
    const bool verb = std::any_of(hits_.begin(), hits_.end(), [&](const TriggerHit& h) {
      return h.first == t && (Reads(h, kCueGrant) || Reads(h, kCueSupply) || Reads(h, kCueFinance) ||
                              Reads(h, kCueLend) || Reads(h, kCueGift));
    });
    const std::string& v = tokens_[t].exact;
    const std::string before = t > 0 ? tokens_[t - 1].exact : "";
    const bool word = std::any_of(std::begin(kGiving), std::end(kGiving), [&](const char* g) { return v == g; }) ||
                      (v == "ngân" && before == "giải") || (v == "góp" && before == "đóng");
    if (verb || word) {
      giving = word && (v == "ngân" || v == "góp") ? t - 1 : t;
      break;
    }
  }
  if (!giving || Forgone(*giving)) return;
  uint32_t body_at = at + 1;
  if (body_at < tokens_.size() && tokens_[body_at].exact == "the") ++body_at;
  std::optional<size_t> body;
  for (size_t k = 0; k < M().size(); ++k) {
    if (M()[k].first == body_at) body = k;
  }
  if (!body || M()[*body].kind != EntityKind::kActor || M()[*body].type == "country") return;
  // "through UN agencies": the name describes the bodies that follow it.
  static const char* kBodiesOf[] = {"agencies", "agency", "bodies", "organisations", "organizations",
                                    "programmes", "programs", "partners", "members", "channels"};
  if (End(M()[*body]) < tokens_.size()) {
    const std::string& next = tokens_[End(M()[*body])].exact;
    if (std::any_of(std::begin(kBodiesOf), std::end(kBodiesOf), [&](const char* b) { return next == b; })) return;
  }
  // The giver: the actor nearest before the verb (a list before it may be
  // the last clause's: "… through the WFP, and Australia has channelled …").
  const TriggerHit verb{kInvestment, *giving, 1};
  auto givers = ActorsBefore(*giving, kNearGap);
  if (givers.empty()) givers = CarriedSubject(verb);
  // (erase, not resize(1): GCC 12 warns about resize's growing branch here.)
  if (givers.size() > 1) givers.erase(givers.begin() + 1, givers.end());
  const std::string trigger = Span(*giving, at + 1 - *giving);
  for (size_t g : givers) {
    if (M()[g].id == M()[*body].id || CountryOf(*body) == M()[g].id) continue;
    Add(M()[g].id, kCooperation, M()[*body].id, trigger);
  }
}

}  // namespace policygraph::indexer::links
