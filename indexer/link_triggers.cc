#include "indexer/link_triggers.h"

#include <algorithm>

namespace policygraph::indexer {

namespace {

struct Entry {
  const char* relation;
  std::vector<const char*> phrases;
};

// Vietnamese and English, written as they appear; the analyser folds case and
// tone placement, so "Hợp tác" and "hợp tác" are one entry. English verbs are
// listed in their inflected forms rather than stemmed, because a stem would
// also catch nouns that type nothing ("partnering" yes, "partner countries" no).
const std::vector<Entry>& Entries() {
  static const std::vector<Entry> kEntries = {
      {kCooperation,
       {"hợp tác", "phối hợp", "cùng với", "quan hệ đối tác", "đối tác chiến lược", "đối tác toàn diện",
        "là đối tác", "đối thoại", "đàm phán", "ký kết", "ký thỏa thuận", "bắt tay", "liên kết với",
        "làm việc với", "tuyên bố chung", "joint statement", "cooperate", "cooperates", "cooperated", "cooperating", "cooperation",
        "co-operation", "collaborate", "collaborates", "collaborated", "collaborating", "collaboration",
        "partnership", "partnered", "partnering", "dialogue", "work with", "works with", "worked with",
        "working with", "together with", "jointly", "developed jointly", "negotiating", "negotiate",
        "coordinated patrols", "coordinated patrol", "joint task force", "joint operation", "joint operations",
        "nhóm đặc nhiệm chung", "lực lượng đặc nhiệm chung", "tặng", "trao tặng", "gửi tặng", "viện trợ", "donated",
        "donates", "donate", "gifted", "signed", "signs", "negotiated", "negotiations with",
        "negotiations", "agreed with", "linked", "đối tác đối thoại", "dialogue partner", "ký biên bản",
        "ký bản ghi nhớ", "ký hiệp định", "ký văn kiện", "ký thoả thuận", "đã ký", "cùng ký", "ký một",
        "liên doanh", "joint venture", "ký", "thỏa thuận", "thoả thuận", "nhất trí", "agreed to", "agreed",
        "chuyển giao", "bàn giao", "tuần tra chung", "tuần tra liên hợp", "tập trận chung", "diễn tập chung",
        "transferred", "handed over", "chuyển cho", "gửi cho", "nối", "kết nối", "liên kết", "joint patrol", "joint patrols", "joint exercise", "joint exercises",
        // Meeting and talking with a party: dialogue. (The noun or verb
        // only: "với"/"with" stays a cue of its own, which tells the
        // object of one verb from the subject of the next.)
        "talks", "held talks", "meetings", "met", "consultations", "workshops", "họp", "hội đàm", "gặp gỡ",
        // Working side by side, or on a joint instrument (a pilot, a swap,
        // an arrangement, a contract) with a party.
        "alongside", "pilot", "pilots", "swap", "currency swap", "arrangement", "memorandum", "memoranda",
        "contract", "hợp đồng", "đồng hành", "liên danh", "liên hợp", "co-finances", "co-financed",
        "co-financing", "co-funds", "co-funded", "exchanged", "trao đổi",
        // Helping, training or hiring a party: capacity building and
        // contracts between partners.
        "giúp", "giúp đỡ", "helped", "helps", "assisted", "assists", "đào tạo", "tập huấn", "huấn luyện",
        "trained", "trains", "thuê", "hired", "contracted"}},
      {kEnactment,
       {"ban hành", "thông qua", "phê duyệt", "phê chuẩn", "có hiệu lực", "công bố", "khởi động", "ra mắt",
        "adopt", "adopts", "adopted", "pass", "passes", "passed", "enact", "enacts", "enacted", "approve",
        "approves", "approved", "issue", "issues", "issued", "launch", "launches", "launched",
        "introduce", "introduces", "introduced", "unveil", "unveils", "unveiled", "ratify", "ratifies",
        "ratified", "came into force", "comes into force", "come into force", "entered into force",
        "enters into force", "took effect", "takes effect", "take effect", "released", "releases",
        "published", "publishes", "khởi xướng", "initiated", "signed into law", "announce", "announces",
        "announced", "thành lập", "lập ra", "set up", "established", "establishes", "establish", "created",
        "creates",
        // The same verbs as gerunds: "responded by approving a … Strategy".
        "adopting", "passing", "enacting", "approving", "issuing", "ratifying"}},
      {kParticipation,
       {"tham dự", "tham gia", "có sự tham gia", "có sự tham dự", "với sự tham gia", "với sự tham dự",
        "dưới sự chủ trì", "đăng cai", "chủ trì", "attend",
        "attends", "attended", "participate", "participates", "participated", "took part", "take part",
        "takes part", "hosted", "hosts", "host", "join", "joins", "joined",
        // Organising an event with others takes part in it as its host:
        // "Diễn đàn … do NHNN và IFC đồng tổ chức", "a conference Japan
        // co-organises". ("tổ chức" alone is also the noun "organisation";
        // "co-chairs", "co-hosts" are as often nouns: "under Laos and Japan
        // as co-chairs, ministers endorsed …".)
        "đồng tổ chức", "co-organises", "co-organizes", "co-organised", "co-organized", "co-hosted",
        "co-chaired",
        // … as does organising, convening or administering it alone ("WIPO
        // convened the Diplomatic Conference", "organised by the ministry",
        // "the Department of State administers the … Fund"). The Vietnamese
        // "tổ chức" is read in context instead (RunBy, participation.cc).
        "convened", "convenes", "convene", "organised", "organized", "organises", "organizes",
        "administers", "administered",
        // Staging or conducting an exercise or an operation: those who do
        // it take part ("Cambodia and China staged their largest Golden
        // Dragon exercise"); with no event in the sentence, nothing.
        "staged", "conducted", "conducts", "tiến hành"}},
      {kInvestment,
       {"đầu tư", "rót vốn", "rót", "invest", "invests", "invested", "investing", "investment", "investments",
        "tài trợ", "nhà tài trợ", "cho vay", "bỏ vốn", "góp vốn", "financed", "finances", "funded", "funds",
        "financing", "line of credit", "credit line", "loan", "loans", "lent", "lends", "lend", "grant", "grants",
        "khoản viện trợ không hoàn lại", "viện trợ không hoàn lại", "vay", "hỗ trợ", "cung cấp", "cung ứng", "bán",
        "cấp", "provided", "provides", "supplied", "supplies", "sold", "sells", "deported", "deports",
        "extradited", "extradites", "repatriated",
        // Buying into a company: an acquisition or a stake is investment
        // in it ("mua lại", "mua 6% cổ phần", "took a 75% stake in").
        "mua lại", "cổ phần", "stake", "percent of", "per cent of", "acquired", "acquires", "acquire",
        // "khoản vay … mà Pháp dành cho Việt Nam": allotting a loan or
        // aid to a party.
        "dành cho",
        // Putting a sum into something: investment only where a sum
        // follows ("committed US$7 billion to …", "bỏ ra 20 triệu USD
        // xây …"); "committed to the talks" is nothing.
        "committed", "commits", "commit", "pledged", "pledges", "pledge", "put", "puts", "spent", "spend",
        "spends", "spending", "poured", "pours", "earmarked", "bỏ ra", "dành", "cam kết", "đổ"}},
      {kMembership,
       {"thành viên", "gia nhập", "kết nạp", "member", "members", "membership", "accession",
        "acceded to", "acceded", "accedes", "admitted", "admits", "admit", "party to", "parties to", "parties", "các bên tham gia",
        "bên tham gia", "là các bên của", "là bên của", "signed on", "signed up", "signed on to"}},
      {kBasis,
       {"dựa trên", "dựa vào", "trên cơ sở", "căn cứ", "quy định chi tiết", "hướng dẫn thi hành",
        "tham khảo", "theo mô hình", "lấy cảm hứng từ", "based on", "pursuant to", "built on",
        "modelled on", "modeled on", "in accordance with", "implementing", "implements",
        "inspired by", "draws on", "drew on", "drawing on", "builds on", "build on", "building on", "issued under", "made under", "adopted under", "on the basis of", "based upon", "cụ thể hóa",
        "cụ thể hoá"}},
      {kCueSymmetric, {"phối hợp", "cùng", "tuyên bố chung", "jointly", "together", "joint statement"}},
      {kCueThrough, {"thông qua"}},
      {kCueThisLaw,
       {"luật này", "đạo luật này", "văn bản này", "nghị định này", "nghị định", "luật mới", "this law",
        "this act", "the act", "the law", "the decree", "nghị quyết", "nghị quyết này", "quyết định này", "this decree", "the regulation", "the new act",
        "the new law", "the new decree"}},
      {kCueLaunch,
       {"công bố", "khởi động", "ra mắt", "launch", "launches", "launched", "unveil", "unveils", "unveiled",
        "introduce", "introduces", "introduced", "released", "releases", "published", "publishes",
        "khởi xướng", "initiated", "announce", "announces", "announced"}},
      {kCueCreate, {"thành lập", "thiết lập", "establish", "establishing", "established", "set up", "create"}},
      {kCueWith, {"với", "with"}},
      {kCueSign, {"signed", "signs", "ký", "đã ký", "cùng ký", "ký kết"}},
      {kCueThisCountry, {"nước này", "quốc gia này", "the country"}},
      {kCueBothSides,
       {"hai nước", "hai bên", "hai quốc gia", "hai chính phủ", "both countries", "both sides",
        "the two countries", "the two sides", "the two governments", "both governments"}},
      {kCueCopula, {"là", "trở thành", "became", "become", "becomes", "is", "are", "was", "were"}},
      {kCueQuantity,
       {"hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín", "mười", "một số", "nhiều", "several",
        "some", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "many"}},
      {kCueMemberWord, {"thành viên", "member", "members", "member states", "member countries", "parties"}},
      {kCueIntent,
       {"xin gia nhập", "nộp đơn", "đề nghị gia nhập", "mong muốn", "dự kiến", "applied to", "apply to",
        "applies to", "applying to", "seeks to", "sought to", "plans to join", "aims to join", "bid to",
        "intends to", "intend to", "asked to", "asks to", "đề xuất đàm phán", "proposed to", "proposes to",
        "đề xuất thành lập", "đề nghị thành lập", "proposed setting up", "proposed the creation of",
        "application to join", "application to accede", "request to join", "expressed interest in",
        "has expressed interest", "bày tỏ quan tâm"}},
      {kCueAdmit, {"kết nạp", "admitted", "admits", "admit"}},
      {kCueAnd, {"và", "cùng", "and", "with"}},
      {kCueComprising,
       {"gồm", "bao gồm", "gồm có", "comprising", "comprises", "brings together", "bringing together",
        "made up of", "consisting of", "consists of", "composed of", "whose members are", "quy tụ",
        "tập hợp"}},
      {kCueContrast,
       {"trong khi", "trong khi đó", "nhưng", "tuy nhiên", "while", "whereas", "but",
        "although", "though", "meanwhile"}},
      {kCueBetween, {"giữa", "between"}},
      {kCueLocation, {"trong", "tại", "ở", "khắp", "in", "at", "within", "across", "throughout", "from"}},
      {kCueOwner, {"của", "of"}},
      {kCueSpeech,
       {"cho rằng", "cho biết", "nhấn mạnh", "khẳng định", "phát biểu", "theo", "said", "says",
        "stated", "noted", "according to"}},
      {kCueHost,
       {"tổ chức tại", "diễn ra tại", "tổ chức ở", "diễn ra ở", "held in", "held at", "hosted in",
        "took place in"}},
      {kCueAnaphora,
       {"các luật trên", "các luật này", "những luật này", "các văn bản trên", "các đạo luật trên",
        "these laws", "these acts", "the above laws", "those laws"}},
      // Readings of triggers: every word here is listed above as a trigger.
      {kCueGrant,
       {"tài trợ", "nhà tài trợ", "funded", "funds", "grant", "grants", "khoản viện trợ không hoàn lại",
        "viện trợ không hoàn lại"}},
      {kCueGrantNoun, {"grant", "grants"}},
      {kCueSupply,
       {"hỗ trợ", "cung cấp", "cung ứng", "bán", "cấp", "provided", "provides", "supplied", "supplies", "sold",
        "sells", "deported", "deports", "extradited", "extradites", "repatriated"}},
      {kCueFinance,
       {"cho vay", "financed", "finances", "financing", "line of credit", "credit line", "loan", "loans"}},
      {kCueLend, {"lent", "lends", "lend"}},
      {kCueBorrow, {"vay"}},
      {kCueGift, {"tặng", "trao tặng", "gửi tặng", "viện trợ", "donated", "donates", "donate", "gifted"}},
      {kCueGivesTo,
       {"tặng", "trao tặng", "gửi tặng", "viện trợ", "donated", "donates", "gifted", "chuyển cho", "gửi cho",
        "chuyển giao", "bàn giao", "transferred", "handed over", "lent", "lends", "lend", "cho vay"}},
      {kCueSetUp,
       {"thành lập", "lập ra", "set up", "established", "establishes", "establish", "created", "creates"}},
      {kCueInForce,
       {"có hiệu lực", "came into force", "comes into force", "come into force", "entered into force",
        "enters into force", "took effect", "takes effect", "take effect"}},
      {kCueRatify, {"phê chuẩn", "ratify", "ratifies", "ratified", "ratifying"}},
      {kCueConnect, {"nối", "kết nối", "liên kết"}},
      {kCueJoin, {"join", "joins", "joined"}},
      {kCueStake,
       {"mua lại", "cổ phần", "stake", "percent of", "per cent of", "acquired", "acquires", "acquire"}},
      {kCueAllot, {"dành cho"}},
      {kCueSpend,
       {"committed", "commits", "commit", "pledged", "pledges", "pledge", "put", "puts", "spent", "spend",
        "spends", "spending", "poured", "pours", "earmarked", "bỏ ra", "dành", "cam kết", "đổ"}},
  };
  return kEntries;
}

}  // namespace

bool IsUndirectedRelation(const std::string& relation) {
  return relation == kCooperation || relation == kCoMention;
}

bool IsTriggerReading(const std::string& relation) {
  for (const char* reading : {kCueGrant, kCueGrantNoun, kCueSupply, kCueFinance, kCueLend, kCueBorrow, kCueGift,
                              kCueGivesTo, kCueSetUp, kCueInForce, kCueRatify, kCueConnect, kCueJoin,
                              kCueStake, kCueAllot, kCueSpend}) {
    if (relation == reading) return true;
  }
  return false;
}

const std::vector<std::string>& AllRelations() {
  static const std::vector<std::string> kAll = {kCooperation, kEnactment, kParticipation, kInvestment,
                                                kMembership,  kBasis,     kCoMention};
  return kAll;
}

std::vector<std::string> PhrasesOf(const std::string& relation) {
  std::vector<std::string> out;
  for (const auto& entry : Entries()) {
    if (relation == entry.relation) out.insert(out.end(), entry.phrases.begin(), entry.phrases.end());
  }
  return out;
}

TriggerLexicon::TriggerLexicon(const Analyzer& analyzer) {
  std::vector<Phrase> phrases;
  for (const auto& entry : Entries()) {
    for (const char* phrase : entry.phrases) phrases.push_back({ExactTerms(analyzer, phrase), entry.relation});
  }
  phrases_ = PhraseTable<Phrase>(std::move(phrases));
}

std::vector<TriggerHit> TriggerLexicon::Find(const std::vector<Token>& tokens) const {
  std::vector<TriggerHit> hits;
  for (size_t i = 0; i < tokens.size();) {
    size_t length = 0;
    phrases_.VisitAt(tokens, i, [&](const Phrase& p) {  // longest first
      if (length != 0 && p.terms.size() < length) return true;
      // A phrase may be both a trigger and a cue ("phối hợp"): keep both.
      hits.push_back({p.relation, static_cast<uint32_t>(i), static_cast<uint32_t>(p.terms.size())});
      length = p.terms.size();
      return false;
    });
    i += length == 0 ? 1 : length;
  }
  return hits;
}

}  // namespace policygraph::indexer
