// The words that type a link between two entities named in one sentence
// ("hợp tác với", "ban hành", "có sự tham dự của", "based on" …), and the
// small documented set of link types they lead to. The rules that use them
// are in typed_links.h; README.md ("The graph") lists the types with examples.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "indexer/analyzer.h"
#include "indexer/phrase_table.h"

namespace policygraph::indexer {

// Link types. Directed except cooperation and co_mention, which are stored
// with the smaller id as source.
inline constexpr char kCooperation[] = "cooperation";      // partnership, joint work, dialogue
inline constexpr char kEnactment[] = "enactment";          // actor -> law/strategy/plan it adopts
inline constexpr char kParticipation[] = "participation";  // actor -> event/programme it attends or hosts
inline constexpr char kInvestment[] = "investment";        // investor -> where it invests
inline constexpr char kMembership[] = "membership";        // member -> organisation
inline constexpr char kBasis[] = "basis";                  // law -> framework it rests on
inline constexpr char kCoMention[] = "co_mention";          // named in one sentence, nothing more

bool IsUndirectedRelation(const std::string& relation);
// Every relation above, in a stable order (for the API's documentation).
const std::vector<std::string>& AllRelations();

// Words that change how a trigger is read, found like triggers.
inline constexpr char kCueSymmetric[] = "cue:symmetric";  // "phối hợp", "jointly": subjects cooperate together
inline constexpr char kCueBetween[] = "cue:between";      // "giữa", "between"
inline constexpr char kCueLocation[] = "cue:location";    // "trong", "tại", "in": a place, not a party
inline constexpr char kCueOwner[] = "cue:owner";          // "của", "of": the next name owns the previous one
inline constexpr char kCueSpeech[] = "cue:speech";        // "cho rằng", "said": what precedes is a speaker
inline constexpr char kCueHost[] = "cue:host";            // "tổ chức tại", "held in": the place hosts
inline constexpr char kCueAnaphora[] = "cue:anaphora";    // "các luật trên", "these laws"
inline constexpr char kCueThrough[] = "cue:through";      // "thông qua": adopts, or "through"
inline constexpr char kCueThisLaw[] = "cue:this-law";     // "luật này", "this Act": the law named last
inline constexpr char kCueLaunch[] = "cue:launch";        // "khởi động", "launched": starts, does not ratify
inline constexpr char kCueAdmit[] = "cue:admit";          // "kết nạp", "admitted": the member follows
inline constexpr char kCueAnd[] = "cue:and";              // "và", "and": joins the subjects of one verb
inline constexpr char kCueCreate[] = "cue:create";        // "thành lập", "set up": what follows is made, not a partner
inline constexpr char kCueSign[] = "cue:sign";            // "signed", "ký": parties to what is signed
inline constexpr char kCueBothSides[] = "cue:both";     // "hai nước", "both sides": the two named last
inline constexpr char kCueWith[] = "cue:with";            // "với", "with": an object, not a subject
inline constexpr char kCueCopula[] = "cue:copula";        // "là", "became": "X là thành viên của Y"
inline constexpr char kCueQuantity[] = "cue:quantity";    // "bảy", "seven": some members, not the body
inline constexpr char kCueMemberWord[] = "cue:member";    // "thành viên", "member states"
inline constexpr char kCueIntent[] = "cue:intent";        // "applied to", "xin gia nhập": not done yet
inline constexpr char kCueThisCountry[] = "cue:this-country";  // "nước này": the country named last
inline constexpr char kCueComprising[] = "cue:comprising";  // "gồm", "brings together": the members follow
inline constexpr char kCueContrast[] = "cue:contrast";    // "while", "trong khi": a new clause, other parties

// Readings of a trigger: the triggers of one relation that a rule reads in
// a way of its own. Each lists only words that are triggers already, so it
// shares a trigger's span and never makes the lexicon match a word it would
// not match otherwise; a rule asks whether its trigger carries the reading.
inline constexpr char kCueGrant[] = "cue:grant";          // "tài trợ", "grants": aid, cooperation unless a loan is near
inline constexpr char kCueGrantNoun[] = "cue:grant-noun";  // "grants": "has given X … in grants"
inline constexpr char kCueSupply[] = "cue:supply";        // "cung cấp", "deported": to the state named after "cho"/"to"
inline constexpr char kCueFinance[] = "cue:finance";      // "cho vay", "financed", "credit line": credit
inline constexpr char kCueLend[] = "cue:lend";            // "lent": the borrower is the verb's object
inline constexpr char kCueBorrow[] = "cue:borrow";        // "vay": "X cho Y vay", the borrower between
inline constexpr char kCueGift[] = "cue:gift";            // "tặng", "donated": a gift needs a recipient
inline constexpr char kCueGivesTo[] = "cue:gives-to";     // "tặng", "handed over", "lent": the next name receives
inline constexpr char kCueSetUp[] = "cue:set-up";         // "thành lập", "set up": a fund or plan, not a law
inline constexpr char kCueInForce[] = "cue:in-force";     // "có hiệu lực", "took effect": no one's act
inline constexpr char kCueRatify[] = "cue:ratify";        // "phê chuẩn", "ratified": a party to the agreement
inline constexpr char kCueConnect[] = "cue:connect";      // "nối", "kết nối": links things, not partners
inline constexpr char kCueJoin[] = "cue:join";            // "join", "joined": may be joining an agreement
inline constexpr char kCueStake[] = "cue:stake";          // "mua lại", "cổ phần", "stake": buying into a company
inline constexpr char kCueAllot[] = "cue:allot";          // "dành cho": a loan or aid given to the one after
inline constexpr char kCueSpend[] = "cue:spend";          // "committed", "bỏ ra": investment only before a sum

// One of the readings above: it only repeats its trigger's span.
bool IsTriggerReading(const std::string& relation);
// The phrases listed for a link type or cue, as written (for the tests that
// keep every reading a trigger word).
std::vector<std::string> PhrasesOf(const std::string& relation);

struct TriggerHit {
  std::string relation;  // one of the link types, or a cue
  uint32_t first = 0;    // index of its first token in the token vector searched
  uint32_t count = 0;    // tokens
};

class TriggerLexicon {
 public:
  explicit TriggerLexicon(const Analyzer& analyzer);
  // Triggers and cues among `tokens`, longest first at each position, in
  // token order, not overlapping.
  std::vector<TriggerHit> Find(const std::vector<Token>& tokens) const;

 private:
  struct Phrase {
    std::vector<std::string> terms;  // exact terms
    std::string relation;
  };
  PhraseTable<Phrase> phrases_;
};

}  // namespace policygraph::indexer
