// Antecedents of referring expressions across the sentences of one passage:
// "Việt Nam và Nhật Bản ký … . Hai bên nhất trí tăng cường hợp tác …",
// "Philippines … . Năm 2019, nước này ban hành …", "… ASEAN … . The bloc
// adopted …". The sentence rules (typed_links.h) see one sentence; the
// resolver gives them the parties such an expression stands for, as
// mentions over the expression's own words, so every rule applies to them
// as to a name.
//
// The rules, stated so that a reader can check each link by hand:
// - Only within one passage (paragraph); a new passage forgets everything.
// - Only actors are antecedents: countries, regional organisations and
//   organisations the entity matcher found. A trap such as "Ấn Độ Dương"
//   (the Indian Ocean) is no antecedent because the matcher finds no
//   country there.
// - A dual ("hai bên", "hai nước", "the two sides", "both countries"):
//   walk back from the expression through the sentence's own words, then
//   the passage's earlier sentences, most recent first, collecting distinct
//   parties of a compatible type (countries, with a ministry standing for
//   the country in its name, for "hai nước"/"both countries"; any actor for
//   "hai bên"/"the two sides"). The sentence where the collection reaches
//   two decides: exactly two, resolved; more than two, unresolved, except
//   that "the two sides" then takes exactly two countries if there are.
// - "The latter two" ("hai nước sau", "the latter two"): the last two
//   parties of the most recent sentence naming two or more ("X tặng A, B
//   và C; hai nước sau còn nhận …" is B and C). "hai nước sau khi …" ("the
//   two countries, after …") is a plain dual.
// - A singular ("nước này", "the country", "khối này", "the bloc", "tổ
//   chức này", "the agency", "the bank", "tập đoàn này", "the company"): the
//   most recent sentence (or the sentence's own words before it) that names
//   any entity of the type the expression asks for decides; it must name
//   exactly one such entity. A company is any organisation but a state body.
// - "it", "its": the most recent sentence (or the words before the
//   pronoun) that names anything decides; it must name exactly one actor
//   and no framework or event, which "it" could as well stand for; or,
//   naming no actor, exactly one framework and no event ("The Convention
//   … was signed in 2015. It entered into force …"), which "it" then is. "it"
//   after a verb or preposition ("ASEAN agreed to admit it") is an object
//   and cannot be its clause's subject: only earlier sentences count.
// - Traps left alone: a plural ("các nước này", "these countries"),
//   "hai bên bờ"/"both sides of" (places), water ("nguồn nước này"), a
//   description followed by the name itself ("khối ASEAN"), "IT".
//
// Frameworks and state bodies referred to, not named:
// - A framework by its head word ("luật này", "nghị định này", "hiệp định
//   này", "chiến lược này", "the Act", "this Regulation", "the agreement",
//   "the Convention", "the strategy"): walk back as for a singular (the
//   sentence's own words before it, then the passage's sentences, most
//   recent first); the first sentence naming a framework of a compatible
//   head decides, and must name exactly one. A framework is compatible when
//   one of its names (in the gazetteer, either language) carries the head
//   ("Luật An ninh mạng", "Cybersecurity Law" for "luật này"/"the law");
//   a name with no head word at all ("RCEP", "GDPR") is compatible by its
//   type (an agreement for "hiệp định này"). "văn kiện này"/"this document"
//   takes any framework. A bare Vietnamese head counts only capitalised
//   and not opening a name ("… . Nghị quyết được xây dựng căn cứ …", but
//   not "các nghị định", "Nghị định số 13"); "luật mới"/"the new act" as
//   "luật này"/"the act". The framework then stands where the words are,
//   as a name would, for enactment, basis, membership and participation.
// - A state body with no country ("Chính phủ", "Quốc hội", "Thủ tướng
//   Chính phủ", "the Government", "Parliament"): it stands for the one
//   country the passage has named before it (as an actor, a place, an
//   owner or a ministry's state); with two or more, nothing; with none
//   named there, the one country the document makes plain (StartDocument:
//   the only country it names, or in a Vietnamese text Vietnam, whose
//   bodies Vietnamese writing leaves bare; DocumentLinker decides). The resolved party is the country itself, as in the gold
//   sets ("Tại Việt Nam, Chính phủ ban hành Nghị quyết …" is
//   enactment(vietnam, …)).
// - Traps for both: a plural or generic reading ("các chính phủ", "liên
//   chính phủ", "phi chính phủ", "Phó Thủ tướng"), a name right after the
//   words ("Chính phủ Nhật Bản", "the agreement RCEP"), "of" after them
//   ("the Government of Japan").
//
// Bodies by their head word, leaders by name, Hà Nội for its state:
// - A body by its head word ("bộ này", "the ministry", "trường này", "the
//   university", "viện này", "the institute", "quỹ này", "the fund",
//   "trung tâm này", "the centre"): walk back as for a singular; the first
//   sentence naming an organisation whose names carry that head decides,
//   and must name exactly one ("Bộ Môi trường Nhật Bản và bộ này ký …"
//   after "JICA hỗ trợ Bộ Tài nguyên và Môi trường …": only the ministry
//   carries "bộ"). Traps: compounds that end in the head ("thị trường
//   này", "môi trường này", "cán bộ này", "toàn bộ này", "nghị viện
//   này"), plurals and counts ("các trường này", "hai bộ này").
// - A singular joined to a name by "và"/"cùng"/"với"/"and"/"with" ("Cục
//   Du lịch và cơ quan này ký …", "MAS and the agency") is not that name:
//   the sentence's own words count only before it.
// - A head of state or government by title and name ("Thủ tướng Phạm Minh
//   Chính", "Tổng thống Joko Widodo", "President Rodrigo Duterte", "Prime
//   Minister Pham Minh Chinh") is a state body: the one country the
//   passage has named before it. "Thủ tướng <name>" falls back to the
//   document's country as "Thủ tướng" does; "Tổng thống", "Chủ tịch
//   nước", "President", "Prime Minister" only with a name and never by the
//   document alone (Vietnam has no "Tổng thống"). Traps: the country
//   named with the title ("Thủ tướng Nhật Bản Kishida", "Tổng thống Mỹ Joe
//   Biden", "US President …" names the US itself), "of"/"của" after the
//   name, a capitalised word glued before an English title ("Chinese
//   President Xi …": a nationality the matcher does not know), "Phó".
// - "Hà Nội", which the gazetteer leaves to the city (datelines, routes,
//   its own authorities), stands for Vietnam where it is paired with a
//   state by "và"/"với"/"cùng" ("Hà Nội và Paris ký …", "Washington và
//   Hà Nội đã ký …", "Viêng Chăn ký với Hà Nội và Bắc Kinh …"); the
//   partner is a country or a capital the matcher kept as acting. Not
//   after a place word ("tại Hà Nội và Bắc Kinh"), not inside a longer
//   name ("Đại học Quốc gia Hà Nội"), not before a capitalised word.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "graph/graph_types.h"
#include "indexer/analyzer.h"
#include "indexer/phrase_table.h"
#include "indexer/typed_links.h"

namespace policygraph::indexer::links {

// A referring expression in one sentence and what it stands for.
struct ResolvedReference {
  uint32_t first = 0;  // token index of the expression within the sentence
  uint32_t count = 0;
  // One mention for a singular, two for a dual, over the expression's
  // tokens (a dual's first half stands for the first party named, its last
  // word for the second), marked SentenceMention::referring.
  std::vector<SentenceMention> parties;
  // Byte offset of the sentence that names the antecedent (the earliest,
  // for a dual): evidence that uses the reference starts there, so that a
  // reader sees the names and the trigger together.
  uint32_t antecedent_begin = 0;
  uint32_t antecedent_end = 0;  // where that sentence ends
};

// Not thread-safe: one resolver walks one document's sentences in order.
class AntecedentResolver {
 public:
  // The analyser folds the expressions as it folds the text; `entities`
  // give each framework's names, whose head words decide which framework
  // "luật này" or "the agreement" can stand for.
  AntecedentResolver(const Analyzer& analyzer, const std::vector<graph::Node>& entities);

  // A new document begins: `country` is the one country the document makes
  // plain ("" if none), which an unnamed state body stands for where its
  // passage names no country; [begin, end) is the sentence naming it, or
  // empty where the document's language alone says it.
  void StartDocument(std::string country, uint32_t begin, uint32_t end);

  // A new passage begins: nothing named before it is an antecedent.
  void StartPassage();

  // Whether any earlier sentence of the passage named something: without
  // that, only a sentence's own names can be antecedents.
  bool RemembersAny() const { return !passage_.empty(); }

  // The expressions among `tokens` (one sentence of `text`, bytes
  // [sentence_begin, sentence_end)) whose antecedents the rules above
  // resolve. `mentions` are the sentence's own names, in token order.
  std::vector<ResolvedReference> Resolve(std::string_view text, uint32_t sentence_begin, uint32_t sentence_end,
                                         const std::vector<Token>& tokens,
                                         const std::vector<SentenceMention>& mentions) const;

  // Remembers what the sentence names, for the sentences after it.
  void Remember(uint32_t sentence_begin, uint32_t sentence_end, const std::vector<SentenceMention>& mentions);

  // What an expression asks for.
  enum class Referent {
    kTwoCountries,  // "hai nước", "both countries"
    kTwoSides,      // "hai bên", "the two sides"
    kLatterTwo,     // "hai nước sau", "the latter two": the last two of a list
    kCountry,       // "nước này", "the country"
    kRegionalBody,  // "khối này", "the bloc"
    kOrganization,  // "tổ chức này", "the organisation"
    kAgency,        // "cơ quan này", "the agency": a state body
    kBank,          // "ngân hàng này", "the bank"
    kCompany,       // "tập đoàn này", "the company": a body that is no state body
    kPronoun,       // "it", "its"
    kFramework,     // "luật này", "the Act", "the agreement": a framework by its head word
    kStateBody,     // "Chính phủ", "Quốc hội", "the Government": its country
    kBodyByHead,    // "bộ này", "the university", "the fund": an organisation by its head word
    kHomeCapital,   // "Hà Nội" paired with a state: Vietnam
  };

 private:
  struct Expression {
    std::vector<std::string> terms;  // exact terms
    Referent referent;
    bool possessive = false;  // "its"
    uint32_t heads = 0;       // kFramework: the head words it accepts (bits of FrameworkHead)
    bool bare = false;        // a head with no "này": "Nghị định", capitalised
    // kStateBody: a title a person's name may follow ("Thủ tướng Phạm Minh
    // Chính"); `needs_name`: only with that name, and only the passage's
    // country ("Tổng thống", "President").
    bool leader = false;
    bool needs_name = false;
  };
  // One party named in a sentence.
  struct Named {
    std::string id;
    std::string type;
    std::string country;  // the country a state body acts for, "" if none
    bool government = false;
    bool bank = false;
    uint32_t first = 0;  // token index within its sentence
  };
  struct SentenceNames {
    uint32_t begin = 0;  // byte span of the sentence
    uint32_t end = 0;
    std::vector<Named> actors;
    std::vector<uint32_t> others;  // token indexes of frameworks, events …
    struct Framework {
      std::string id, type;
      uint32_t first = 0;
    };
    std::vector<Framework> frameworks;
    std::vector<std::string> countries;  // every country named, as actor, place, owner or a body's state
  };

  static SentenceNames NamesOf(uint32_t begin, uint32_t end, const std::vector<SentenceMention>& mentions,
                               uint32_t before);
  static bool IsTrap(std::string_view text, const std::vector<Token>& tokens, const Expression& e, uint32_t first,
                     const std::vector<SentenceMention>& mentions);
  // The sentences to look back over, most recent first: the words of the
  // current sentence before the expression, then the passage's.
  std::vector<SentenceNames> LookBack(uint32_t sentence_begin, uint32_t sentence_end,
                                      const std::vector<SentenceMention>& mentions, uint32_t before) const;
  static std::vector<SentenceMention> Dual(const std::vector<SentenceNames>& back, bool countries_only,
                                           ResolvedReference* ref);
  static std::vector<SentenceMention> LatterTwo(const std::vector<SentenceNames>& back, bool countries_only,
                                                ResolvedReference* ref);
  static std::vector<SentenceMention> Single(const std::vector<SentenceNames>& back, Referent referent,
                                             ResolvedReference* ref);
  std::vector<SentenceMention> Framework(const std::vector<SentenceNames>& back, uint32_t heads,
                                         ResolvedReference* ref) const;
  std::vector<SentenceMention> StateBody(const std::vector<SentenceNames>& back, bool passage_only,
                                         ResolvedReference* ref) const;
  std::vector<SentenceMention> BodyByHead(const std::vector<SentenceNames>& back, uint32_t heads,
                                          ResolvedReference* ref) const;
  // What the constructor builds and no document changes, shared by the
  // copies: DocumentLinker copies its resolver for each document, and a
  // large corpus's frameworks are 10^5 entries.
  struct Tables {
    PhraseTable<Expression> expressions;
    // Framework id -> the head words its names carry (bits of FrameworkHead).
    std::unordered_map<std::string, uint32_t> framework_heads;
    // Organisation id -> the body heads its names carry (bits of BodyHeads).
    std::unordered_map<std::string, uint32_t> body_heads;
    std::string home_country;  // the country "Hà Nội" stands for ("" if the gazetteer has none)
  };
  std::shared_ptr<const Tables> tables_;
  std::vector<SentenceNames> passage_;   // this passage's sentences so far, oldest first
  std::string document_country_;  // StartDocument's
  uint32_t document_country_begin_ = 0, document_country_end_ = 0;
};

}  // namespace policygraph::indexer::links
