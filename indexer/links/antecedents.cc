#include "indexer/links/antecedents.h"

#include <algorithm>
#include <cctype>
#include <initializer_list>
#include <set>
#include <utility>

#include "indexer/entity_matcher.h"  // StartsUppercase

namespace policygraph::indexer::links {

namespace {

using Referent = AntecedentResolver::Referent;

struct Entry {
  Referent referent;
  bool possessive;
  std::vector<const char*> phrases;
};

// The expressions, as written; the analyser folds case and tone placement.
// Only expressions that stand for a party: "hai bên" and "the two sides"
// name no one else, "nước này" is "this country" (its water reading is a
// trap below).
const std::vector<Entry>& Entries() {
  static const std::vector<Entry> kEntries = {
      {Referent::kTwoCountries,
       false,
       {"hai nước", "hai quốc gia", "hai chính phủ", "both countries", "the two countries", "both nations",
        "the two nations", "both governments", "the two governments"}},
      {Referent::kTwoSides, false, {"hai bên", "hai phía", "both sides", "the two sides"}},
      {Referent::kLatterTwo, false, {"hai nước sau", "hai quốc gia sau", "the latter two"}},
      {Referent::kCountry, false, {"nước này", "quốc gia này", "this country", "the country"}},
      {Referent::kRegionalBody,
       false,
       {"khối này", "tổ chức khu vực này", "the bloc", "this bloc", "the grouping", "this grouping"}},
      {Referent::kOrganization,
       false,
       {"tổ chức này", "this organisation", "this organization", "the organisation", "the organization"}},
      {Referent::kAgency, false, {"cơ quan này", "this agency", "the agency"}},
      {Referent::kBank, false, {"ngân hàng này", "this bank", "the bank", "the lender"}},
      {Referent::kCompany,
       false,
       {"tập đoàn này", "công ty này", "hãng này", "this company", "the company", "the firm", "the conglomerate"}},
      {Referent::kPronoun, false, {"it"}},
      {Referent::kPronoun, true, {"its"}},
  };
  return kEntries;
}

// A framework's head words, in both languages: what "luật này" or "the
// Act" says the framework is. Each bit of a framework's mask is one head
// its names carry.
struct FrameworkHead {
  std::vector<const char*> words;  // as written in names and in references
  std::vector<const char*> types;  // gazetteer types a name with no head word must have
};

const std::vector<FrameworkHead>& Heads() {
  static const std::vector<FrameworkHead> kHeads = {
      {{"luật", "đạo luật", "law", "act"}, {"law"}},
      {{"nghị định", "decree"}, {"law"}},
      {{"nghị quyết", "resolution"}, {"law"}},
      {{"quyết định", "decision"}, {"law"}},
      {{"regulation", "quy chế"}, {"law"}},
      {{"directive", "chỉ thị"}, {"law"}},
      {{"hiệp định", "agreement", "thỏa thuận", "thoả thuận"}, {"agreement"}},
      {{"công ước", "convention"}, {"agreement"}},
      {{"hiệp ước", "treaty"}, {"agreement"}},
      {{"tuyên bố", "declaration"}, {"agreement", "initiative"}},
      {{"đồng thuận", "consensus"}, {"agreement", "initiative"}},
      {{"lộ trình", "roadmap"}, {"plan", "strategy"}},
      {{"bản ghi nhớ", "memorandum"}, {"agreement"}},
      {{"chiến lược", "strategy"}, {"strategy"}},
      {{"kế hoạch", "quy hoạch", "plan", "masterplan", "blueprint"}, {"plan"}},
      {{"chương trình", "programme", "program"}, {"programme"}},
      {{"sáng kiến", "initiative"}, {"initiative"}},
      {{"đề án", "scheme"}, {"plan", "programme"}},
      {{"khuôn khổ", "framework"}, {"agreement", "initiative", "strategy", "plan"}},
  };
  return kHeads;
}
// "văn kiện này", "this document": any framework.
constexpr uint32_t kAnyHead = ~0u;

// An organisation's head words: what "bộ này" or "the university" says the
// body is. Each bit of a body's mask is one head its names carry ("Bộ Tài
// nguyên và Môi trường", "Arizona State University").
const std::vector<std::vector<const char*>>& BodyHeads() {
  static const std::vector<std::vector<const char*>> kHeads = {
      {"bộ", "ministry"},
      {"trường", "đại học", "university", "college"},
      {"viện", "institute"},
      {"quỹ", "fund"},
      {"trung tâm", "centre", "center"},
  };
  return kHeads;
}

// Syllables that make a compound word of a Vietnamese head: "thị trường
// này" is this market, "cán bộ này" this official, "nghị viện này" a
// parliament; "bệnh viện", "học viện" are left out too, with their heads
// shared by other bodies.
bool OpensACompound(const std::string& before) {
  static const std::set<std::string> kFirst = {
      "thị", "môi", "chiến", "hiện", "lập", "quảng", "công", "sân", "phi", "cán", "toàn", "nội", "sơ", "tiến",
      "đồng", "ngoại", "đường", "bệnh", "học", "thư", "nghị", "thượng", "hạ", "ngân", "hậu", "tiền", "hàng"};
  return kFirst.count(before) > 0;
}

// Whether a name's `terms` carry the head `word` as a head, not as the end
// of a compound: "Bộ Tài nguyên và Môi trường" carries "bộ" but no
// "trường" ("môi trường", environment).
bool CarriesHead(const std::vector<std::string>& terms, const std::vector<std::string>& word) {
  if (word.empty() || word.size() > terms.size()) return false;
  for (size_t i = 0; i + word.size() <= terms.size(); ++i) {
    if (!std::equal(word.begin(), word.end(), terms.begin() + static_cast<std::ptrdiff_t>(i))) continue;
    if (i == 0 || !OpensACompound(terms[i - 1])) return true;
  }
  return false;
}

// Heads of state or government, by title: a person's name may follow.
struct LeaderTitle {
  const char* title;
  bool needs_name;  // only with a name, and only the passage's country
};
const std::vector<LeaderTitle>& LeaderTitles() {
  static const std::vector<LeaderTitle> kTitles = {
      {"thủ tướng", false}, {"tổng thống", true}, {"chủ tịch nước", true}, {"president", true},
      {"prime minister", true}};
  return kTitles;
}

bool IsAscii(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

// Whether `terms` hold `phrase` as consecutive terms.
bool Holds(const std::vector<std::string>& terms, const std::vector<std::string>& phrase) {
  if (phrase.empty() || phrase.size() > terms.size()) return false;
  for (size_t i = 0; i + phrase.size() <= terms.size(); ++i) {
    if (std::equal(phrase.begin(), phrase.end(), terms.begin() + static_cast<std::ptrdiff_t>(i))) return true;
  }
  return false;
}

// A state body whose country the text leaves to the reader.
const std::vector<const char*>& StateBodies() {
  static const std::vector<const char*> kBodies = {
      "chính phủ", "quốc hội", "thủ tướng chính phủ", "thủ tướng", "the government", "the parliament",
      "parliament", "the national assembly", "the cabinet", "the prime minister", "congress"};
  return kBodies;
}

bool IsDual(Referent r) {
  return r == Referent::kTwoCountries || r == Referent::kTwoSides || r == Referent::kLatterTwo;
}

bool IsWord(const Token& t, std::initializer_list<const char*> words) {
  return std::any_of(words.begin(), words.end(), [&](const char* w) { return t.exact == w; });
}

uint32_t End(const SentenceMention& m) { return m.first + m.count; }

// Whether only spaces stand between tokens `a` and `a + 1`.
bool Glued(std::string_view text, const std::vector<Token>& tokens, uint32_t a) {
  const std::string_view gap = text.substr(tokens[a].end, tokens[a + 1].begin - tokens[a].end);
  return std::all_of(gap.begin(), gap.end(), [](char c) { return c == ' '; });
}

// A person's name right after token `end - 1`, after a title ("Thủ tướng
// Phạm Minh Chính ký …", "President Ferdinand Marcos Jr. signed …"): a
// person the gazetteer knows (`*known` set), or capitalised words no name
// covers, at most five. Its length in tokens; 0 if none.
uint32_t PersonNameAfter(std::string_view text, const std::vector<Token>& tokens, uint32_t end,
                         const std::vector<SentenceMention>& mentions, bool* known = nullptr) {
  if (known) *known = false;
  if (end == 0 || end >= tokens.size() || !Glued(text, tokens, end - 1)) return 0;
  for (const auto& m : mentions) {
    if (m.first == end && m.kind == EntityKind::kPerson) {
      if (known) *known = true;
      return m.count;
    }
  }
  uint32_t n = 0;
  for (uint32_t t = end; t < tokens.size() && n < 5; ++t) {
    if (t == 0 || !Glued(text, tokens, t - 1)) break;
    if (!StartsUppercase(text.substr(tokens[t].begin))) break;
    if (std::any_of(mentions.begin(), mentions.end(),
                    [&](const SentenceMention& m) { return m.first <= t && t < End(m); })) {
      break;
    }
    ++n;
  }
  return n;
}

// A leader acts for the state where they issue an instrument: "Thủ tướng
// Phạm Minh Chính ký …", "President Moon Jae-in launched …", "signed into
// law by President Rodrigo Duterte". Visits, talks and remarks ("Tổng
// thống Joe Biden thăm Hà Nội", "nhân chuyến thăm của Tổng thống Yoon Suk
// Yeol, …", "Prime Minister Anwar Ibrahim met …") are the person's, and a
// foreign leader's visit would give the host's country their acts.
bool LeaderIssues(const std::vector<Token>& tokens, uint32_t first, uint32_t past) {
  if (first > 0 && IsWord(tokens[first - 1], {"by", "do", "bởi"})) return true;
  uint32_t t = past;
  while (t < tokens.size() && IsWord(tokens[t], {"đã", "cũng", "vừa", "chính", "thức", "then", "later", "also", "has",
                                                  "had", "formally", "officially", "jointly"})) {
    ++t;
  }
  if (t >= tokens.size()) return false;
  if (IsWord(tokens[t], {"ký", "signed", "approved", "issued", "launched", "unveiled", "announced", "enacted",
                         "ratified", "proposed", "initiated", "adopted", "introduced", "decreed"})) {
    return true;
  }
  static const std::vector<std::pair<const char*, const char*>> kTwoWords = {
      {"phê", "duyệt"}, {"ban", "hành"},  {"công", "bố"},   {"khởi", "động"}, {"đề", "xuất"},
      {"thông", "qua"}, {"phê", "chuẩn"}, {"khởi", "xướng"}, {"tuyên", "bố"}, {"quyết", "định"}};
  return t + 1 < tokens.size() && std::any_of(kTwoWords.begin(), kTwoWords.end(), [&](const auto& w) {
           return tokens[t].exact == w.first && tokens[t + 1].exact == w.second;
         });
}

// A country named as an actor right at token `at`, or ending right before it.
bool CountryStartsAt(const std::vector<SentenceMention>& mentions, uint32_t at) {
  return std::any_of(mentions.begin(), mentions.end(), [&](const SentenceMention& m) {
    return !m.referring && m.type == "country" && m.first == at;
  });
}
bool CountryEndsAt(const std::vector<SentenceMention>& mentions, uint32_t end) {
  return std::any_of(mentions.begin(), mentions.end(), [&](const SentenceMention& m) {
    return !m.referring && m.type == "country" && End(m) == end;
  });
}

// Token `at` begins a clause: the sentence's first word, a word after
// punctuation, or after a conjunction or a verb of saying.
bool OpensAClause(std::string_view text, const std::vector<Token>& tokens, uint32_t at) {
  if (at == 0) return true;
  std::string_view gap = text.substr(tokens[at - 1].end, tokens[at].begin - tokens[at - 1].end);
  if (gap.find_first_of(",;:(") != std::string_view::npos) return true;
  return IsWord(tokens[at - 1], {"and", "but", "so", "that", "because", "as", "while", "when", "after", "before",
                                 "said", "says", "stated", "announced", "added", "noted", "where", "although"});
}

}  // namespace

AntecedentResolver::AntecedentResolver(const Analyzer& analyzer, const std::vector<graph::Node>& entities) {
  auto tables = std::make_shared<Tables>();
  std::vector<Expression> expressions;
  for (const auto& entry : Entries()) {
    for (const char* phrase : entry.phrases) {
      expressions.push_back({ExactTerms(analyzer, phrase), entry.referent, entry.possessive});
    }
  }
  // "luật này", "the Act", "this Act": Vietnamese puts "này" after the
  // head, English "the"/"this" before it.
  std::vector<std::vector<std::vector<std::string>>> head_terms(Heads().size());
  for (size_t h = 0; h < Heads().size(); ++h) {
    for (const char* word : Heads()[h].words) {
      head_terms[h].push_back(ExactTerms(analyzer, word));
      const uint32_t bit = 1u << h;
      if (IsAscii(word)) {
        for (const char* det : {"the ", "this "}) {
          expressions.push_back({ExactTerms(analyzer, std::string(det) + word), Referent::kFramework, false, bit});
        }
        expressions.push_back({ExactTerms(analyzer, std::string("the new ") + word), Referent::kFramework, false, bit});
      } else {
        expressions.push_back({ExactTerms(analyzer, std::string(word) + " này"), Referent::kFramework, false, bit});
        expressions.push_back({ExactTerms(analyzer, std::string(word) + " mới"), Referent::kFramework, false, bit});
        expressions.push_back({ExactTerms(analyzer, word), Referent::kFramework, false, bit, /*bare=*/true});
      }
    }
  }
  for (const char* phrase : {"văn kiện này", "văn bản này", "this document", "the document"}) {
    expressions.push_back({ExactTerms(analyzer, phrase), Referent::kFramework, false, kAnyHead});
  }
  for (const char* phrase : StateBodies()) {
    Expression e{ExactTerms(analyzer, phrase), Referent::kStateBody, false};
    e.leader = std::string_view(phrase) == "thủ tướng" || std::string_view(phrase) == "thủ tướng chính phủ";
    expressions.push_back(std::move(e));
  }
  for (const auto& title : LeaderTitles()) {
    if (!title.needs_name) continue;  // "thủ tướng" is among the state bodies
    Expression e{ExactTerms(analyzer, title.title), Referent::kStateBody, false};
    e.leader = true;
    e.needs_name = true;
    expressions.push_back(std::move(e));
  }
  // "bộ này", "the ministry", "this university".
  std::vector<std::vector<std::vector<std::string>>> body_terms(BodyHeads().size());
  for (size_t h = 0; h < BodyHeads().size(); ++h) {
    for (const char* word : BodyHeads()[h]) {
      body_terms[h].push_back(ExactTerms(analyzer, word));
      const uint32_t bit = 1u << h;
      if (IsAscii(word)) {
        for (const char* det : {"the ", "this "}) {
          expressions.push_back({ExactTerms(analyzer, std::string(det) + word), Referent::kBodyByHead, false, bit});
        }
      } else {
        expressions.push_back({ExactTerms(analyzer, std::string(word) + " này"), Referent::kBodyByHead, false, bit});
      }
    }
  }
  expressions.push_back({ExactTerms(analyzer, "hà nội"), Referent::kHomeCapital, false});
  tables->expressions = PhraseTable<Expression>(std::move(expressions));
  // The heads each framework's names carry: "Luật An ninh mạng" and
  // "Cybersecurity Law" both carry "luật"/"law".
  for (const auto& e : entities) {
    if (KindOfType(e.type) != EntityKind::kFramework) continue;
    uint32_t mask = 0;
    for (const auto* names : {&e.names_vi, &e.names_en}) {
      for (const auto& name : *names) {
        const std::vector<std::string> terms = ExactTerms(analyzer, name);
        for (size_t h = 0; h < head_terms.size(); ++h) {
          for (const auto& word : head_terms[h]) {
            if (Holds(terms, word)) mask |= 1u << h;
          }
        }
      }
    }
    tables->framework_heads[e.id] = mask;
  }
  // The heads each organisation's names carry, and the state Hà Nội's row
  // (the gazetteer's capital "Hanoi", whose Vietnamese name it leaves out)
  // belongs to.
  for (const auto& e : entities) {
    if (e.type == "capital" && !e.member_of.empty() &&
        std::find(e.names_en.begin(), e.names_en.end(), "Hanoi") != e.names_en.end()) {
      tables->home_country = e.member_of.front();
    }
    if (e.type == "country" && e.id == "vietnam" && tables->home_country.empty()) tables->home_country = e.id;
    if (KindOfType(e.type) != EntityKind::kActor || e.type == "country") continue;
    uint32_t mask = 0;
    for (const auto* names : {&e.names_vi, &e.names_en}) {
      for (const auto& name : *names) {
        const std::vector<std::string> terms = ExactTerms(analyzer, name);
        for (size_t h = 0; h < body_terms.size(); ++h) {
          for (const auto& word : body_terms[h]) {
            if (CarriesHead(terms, word)) mask |= 1u << h;
          }
        }
      }
    }
    if (mask != 0) tables->body_heads[e.id] = mask;
  }
  tables_ = std::move(tables);
}

void AntecedentResolver::StartDocument(std::string country, uint32_t begin, uint32_t end) {
  passage_.clear();
  document_country_ = std::move(country);
  document_country_begin_ = begin;
  document_country_end_ = end;
}

void AntecedentResolver::StartPassage() { passage_.clear(); }

void AntecedentResolver::Remember(uint32_t sentence_begin, uint32_t sentence_end,
                                  const std::vector<SentenceMention>& mentions) {
  SentenceNames names = NamesOf(sentence_begin, sentence_end, mentions, UINT32_MAX);
  if (!names.actors.empty() || !names.others.empty() || !names.countries.empty()) {
    passage_.push_back(std::move(names));
  }
}

// The parties (and other names) of a sentence before token `before`; a
// resolved reference names no one new.
AntecedentResolver::SentenceNames AntecedentResolver::NamesOf(uint32_t begin, uint32_t end,
                                                              const std::vector<SentenceMention>& mentions,
                                                              uint32_t before) {
  SentenceNames names;
  names.begin = begin;
  names.end = end;
  auto add_country = [&](const std::string& id) {
    if (!id.empty() && std::find(names.countries.begin(), names.countries.end(), id) == names.countries.end()) {
      names.countries.push_back(id);
    }
  };
  for (const auto& m : mentions) {
    if (m.first >= before || m.referring) continue;
    // "Hội nghị Bộ trưởng ASEAN - EU": a name that pairs two actors names
    // both ("…, both sides committed to …").
    for (size_t p = 0; p < m.paired.size() && m.paired.size() == m.paired_types.size(); ++p) {
      const std::string& type = m.paired_types[p];
      names.actors.push_back({m.paired[p], type, type == "country" ? m.paired[p] : "", false, false, m.first});
      if (type == "country") add_country(m.paired[p]);
    }
    // "Luật … của Việt Nam", "Bộ Y tế Nhật Bản": the country is named too.
    if (m.kind != EntityKind::kActor || m.government) add_country(m.owner);
    if (m.kind == EntityKind::kActor) {
      Named n{m.id, m.type, "", m.government, m.bank, m.first};
      if (m.type == "country") n.country = m.id;
      else if (m.government) n.country = m.owner;  // "Bộ Y tế Nhật Bản" acts for Japan
      add_country(n.country);
      names.actors.push_back(std::move(n));
    } else if (m.kind == EntityKind::kFramework || m.kind == EntityKind::kEvent) {
      names.others.push_back(m.first);
      if (m.kind == EntityKind::kFramework) names.frameworks.push_back({m.id, m.type, m.first});
    }
  }
  return names;
}

std::vector<AntecedentResolver::SentenceNames> AntecedentResolver::LookBack(
    uint32_t sentence_begin, uint32_t sentence_end, const std::vector<SentenceMention>& mentions,
    uint32_t before) const {
  std::vector<SentenceNames> back;
  SentenceNames own = NamesOf(sentence_begin, sentence_end, mentions, before);
  if (!own.actors.empty() || !own.others.empty() || !own.countries.empty()) back.push_back(std::move(own));
  for (auto it = passage_.rbegin(); it != passage_.rend(); ++it) back.push_back(*it);
  return back;
}

// Readings of the expression's words that stand for no party.
bool AntecedentResolver::IsTrap(std::string_view text, const std::vector<Token>& tokens, const Expression& e,
                                uint32_t first, const std::vector<SentenceMention>& mentions) {
  const uint32_t end = first + static_cast<uint32_t>(e.terms.size());
  const Token* before = first > 0 ? &tokens[first - 1] : nullptr;
  const Token* after = end < tokens.size() ? &tokens[end] : nullptr;
  // "các nước này", "những quốc gia này": these countries, a plural.
  if (before && IsWord(*before, {"các", "những", "mấy", "nhiều", "mọi"})) return true;
  if (e.referent == Referent::kHomeCapital) {
    // "Hà Nội và Paris ký …", "Washington và Hà Nội …": paired with a
    // state; not a place ("tại Hà Nội"), a longer name ("Đại học Quốc gia
    // Hà Nội") or a name going on ("Hà Nội Vinh").
    if (before && IsWord(*before, {"tại", "ở", "đến", "tới", "từ", "thăm", "khắp", "nối", "đô", "phố", "về", "ra",
                                   "vào", "qua", "quanh", "ngoài", "trong"})) {
      return true;
    }
    // "…, ý tưởng mà Hà Nội và Bắc Kinh khởi động": a relative clause acts
    // on the noun before "mà", which the sentence rules do not see; they
    // would give the act to the nearest name instead.
    if (before && IsWord(*before, {"mà"})) return true;
    // Inside a longer name: "Đại học Quốc gia Hà Nội", "TP Hà Nội" (one of
    // the two words glued before it capitalised), but not "ký với Hà Nội".
    if (before && !IsWord(*before, {"và", "với", "cùng", "còn", "khi", "nhưng", "song"})) {
      for (uint32_t t = first; t > 0 && t + 2 >= first; --t) {
        if (!Glued(text, tokens, t - 1)) break;
        if (StartsUppercase(text.substr(tokens[t - 1].begin))) return true;
      }
    }
    if (after && Glued(text, tokens, end - 1) && StartsUppercase(text.substr(after->begin))) return true;
    const bool partner_after = after && IsWord(*after, {"và", "với", "cùng"}) && CountryStartsAt(mentions, end + 1);
    const bool partner_before =
        first >= 2 && IsWord(*before, {"và", "với", "cùng"}) && CountryEndsAt(mentions, first - 1);
    return !partner_after && !partner_before;
  }
  if (e.referent == Referent::kBodyByHead) {
    // "thị trường này", "cán bộ này"; "hai trường này", "ba viện này".
    if (before && Glued(text, tokens, first - 1) && (OpensACompound(before->exact) ||
                                                    IsWord(*before, {"hai", "ba", "bốn", "năm", "các", "những"}))) {
      return true;
    }
  }
  // "nguồn nước này", "mực nước này": water.
  if (e.terms.front() == "nước" && before &&
      IsWord(*before, {"nguồn", "mặt", "mực", "lượng", "cấp", "thoát", "tưới", "nhiễm", "khan"})) {
    return true;
  }
  // "hai bên bờ sông", "hai bên đường", "hai bên biên giới", "both sides
  // of the border", "the country of origin": places and descriptions.
  if (after && IsWord(*after, {"bờ", "đường", "sông", "biên", "of"})) return true;
  // "hai nước Việt Nam và Lào", "khối ASEAN", "the bloc, ASEAN,": the
  // names follow and speak for themselves.
  const bool possessive = end > 0 && StartsWithPossessive(text.substr(tokens[end - 1].end));
  for (const auto& m : mentions) {
    if (!possessive && m.kind == EntityKind::kActor && m.first >= end && m.first <= end + 1) return true;
  }
  if (e.referent == Referent::kFramework || e.referent == Referent::kStateBody) {
    // "the agreement RCEP", "Chính phủ Nhật Bản", "Thủ tướng Hun Sen",
    // "Quốc hội Lào": a name follows, or a capitalised word that may be
    // one the matcher does not know. "Chính phủ các nước", "the
    // Government of Japan": plural, or the country named after.
    // Only a word right after counts: "… chiến lược này; Bộ Nông nghiệp …"
    // starts another clause.
    const bool joined = after && text.substr(tokens[end - 1].end, after->begin - tokens[end - 1].end)
                                         .find_first_of(",;:.()") == std::string_view::npos;
    // "Thủ tướng Phạm Minh Chính", "President Rodrigo Duterte": a person's
    // name, which says no country; "of"/"của" after it does ("President
    // Joko Widodo of Indonesia").
    bool known_person = false;
    const uint32_t name = e.leader ? PersonNameAfter(text, tokens, end, mentions, &known_person) : 0;
    if (e.needs_name && name == 0) return true;
    if (name > 0) {
      const uint32_t past = end + name;
      if (past < tokens.size() && IsWord(tokens[past], {"của", "of"})) return true;
      if (!LeaderIssues(tokens, first, past)) return true;
      // "Chinese President Xi …": a nationality glued before the title; "ADB
      // President …": another body's head.
      if (before && Glued(text, tokens, first - 1)) {
        const bool country_before = CountryEndsAt(mentions, first);
        const bool body_before = std::any_of(mentions.begin(), mentions.end(),
                                             [&](const SentenceMention& m) { return End(m) == first; });
        if (!country_before && (body_before || StartsUppercase(text.substr(before->begin)))) return true;
      }
    } else if (joined && (StartsUppercase(text.substr(after->begin)) ||
                          IsWord(*after, {"các", "những", "hai", "nước", "của", "of"}))) {
      return true;
    }
    for (const auto& m : mentions) {
      if (joined && m.first >= end && m.first <= end + 1 && !(known_person && m.first == end)) return true;
    }
    // "liên chính phủ", "phi chính phủ", "đứng đầu chính phủ", "cấp chính
    // phủ", "Phó Thủ tướng", "a national parliament": no one body of one state.
    const bool adjacent = before && text.substr(before->end, tokens[first].begin - before->end)
                                            .find_first_of(",;:()") == std::string_view::npos;
    if (adjacent && IsWord(*before, {"liên", "phi", "đầu", "cấp", "phó", "vice", "deputy", "national", "regional",
                                     "european", "any", "every", "each", "a", "draft", "thảo"})) {
      return true;
    }
  }
  if (e.bare) {
    // A bare head stands for a framework only written with its capital
    // ("… . Nghị quyết được xây dựng căn cứ …", "nhiều khái niệm của Nghị
    // định …") and not opening a name the matcher missed ("Nghị định số
    // 13", "Luật 2017").
    // "…; kế hoạch được xây dựng trên cơ sở …": a head opening a clause
    // after a semicolon is its subject, the framework just named.
    const bool opens_clause = first > 0 && text.substr(tokens[first - 1].end, tokens[first].begin - tokens[first - 1].end)
                                                   .find(';') != std::string_view::npos;
    if (!StartsUppercase(text.substr(tokens[first].begin)) && !opens_clause) return true;
    if (after && (IsWord(*after, {"số", "no", "này", "mới"}) || std::isdigit(static_cast<unsigned char>(after->exact[0])))) {
      return true;
    }
  }
  if (e.referent == Referent::kFramework) {
    // "… theo Luật này", "quy định tại Nghị định này": legal drafting writes
    // the text's reference to itself with a capital; it is the document,
    // not a framework named before.
    if (!e.bare && e.terms.back() == "này" && first > 0 && StartsUppercase(text.substr(tokens[first].begin))) {
      const std::string_view gap = text.substr(tokens[first - 1].end, tokens[first].begin - tokens[first - 1].end);
      const bool opens_sentence = gap.find_first_of(".:;\n") != std::string_view::npos;
      const bool english = IsAscii(e.terms.front()) && (e.terms.front() == "the" || e.terms.front() == "this");
      if (!opens_sentence && !english) return true;
    }
  }
  // "hai nước sau khi …", "hai nước sau đó": "after", "then", not "latter".
  if (e.referent == Referent::kLatterTwo && after && IsWord(*after, {"khi", "đó", "này"})) return true;
  if (e.referent == Referent::kPronoun) {
    // "IT" (information technology) is no pronoun.
    if (text.substr(tokens[first].begin, 2) == "IT") return true;
    // "it is important to …", "it was agreed that …": no one.
    if (after && IsWord(*after, {"is", "was", "will", "would", "has", "had", "seems", "remains"})) {
      for (uint32_t t = end + 1; t < tokens.size() && t <= end + 4; ++t) {
        if (IsWord(tokens[t], {"to", "that", "likely", "unclear", "not", "possible", "necessary", "important"})) {
          return true;
        }
      }
    }
  }
  return false;
}

// Two parties: the sentence where the distinct parties collected walking
// back reach two decides (AntecedentResolver's rules in the header).
std::vector<SentenceMention> AntecedentResolver::Dual(const std::vector<SentenceNames>& back, bool countries_only,
                                                      ResolvedReference* ref) {
  struct Found {
    std::string id, type;
    bool government, bank;
    std::pair<uint32_t, uint32_t> at;  // (sentence begin, token)
  };
  auto collect = [&](bool countries) -> std::vector<Found> {
    std::vector<Found> found;
    for (const auto& s : back) {
      for (const auto& a : s.actors) {
        std::string id = countries ? a.country : a.id;
        if (id.empty()) continue;
        if (std::any_of(found.begin(), found.end(), [&](const Found& f) { return f.id == id; })) continue;
        if (countries) found.push_back({id, "country", false, false, {s.begin, a.first}});
        else found.push_back({id, a.type, a.government, a.bank, {s.begin, a.first}});
      }
      if (found.size() >= 2) {
        ref->antecedent_begin = s.begin;
        ref->antecedent_end = s.end;
        return found;
      }
    }
    return {};
  };
  std::vector<Found> two = collect(countries_only);
  // "the two sides" after "Vietnam and Japan … at an ASEAN meeting": three
  // actors, two of them countries; the countries are the sides.
  if (two.size() > 2 && !countries_only) two = collect(true);
  if (two.size() != 2) return {};
  std::sort(two.begin(), two.end(), [](const Found& a, const Found& b) { return a.at < b.at; });
  std::vector<SentenceMention> out;
  for (const auto& f : two) {
    SentenceMention m;
    m.id = f.id;
    m.type = f.type;
    m.kind = EntityKind::kActor;
    m.government = f.government;
    m.bank = f.bank;
    m.referring = true;
    out.push_back(std::move(m));
  }
  return out;
}

// The last two parties of the most recent sentence that names any: it
// must name two or more, in the order written.
std::vector<SentenceMention> AntecedentResolver::LatterTwo(const std::vector<SentenceNames>& back,
                                                           bool countries_only, ResolvedReference* ref) {
  for (const auto& s : back) {
    std::vector<const Named*> named;
    for (const auto& a : s.actors) {
      const std::string& id = countries_only ? a.country : a.id;
      if (id.empty()) continue;
      std::erase_if(named, [&](const Named* n) { return (countries_only ? n->country : n->id) == id; });
      named.push_back(&a);  // a name repeated counts where it was named last
    }
    if (named.empty()) continue;
    if (named.size() < 2) return {};
    std::sort(named.begin(), named.end(), [](const Named* a, const Named* b) { return a->first < b->first; });
    std::vector<SentenceMention> out;
    for (const Named* a : {named[named.size() - 2], named.back()}) {
      SentenceMention m;
      m.id = countries_only ? a->country : a->id;
      m.type = countries_only ? "country" : a->type;
      m.kind = EntityKind::kActor;
      m.government = !countries_only && a->government;
      m.bank = !countries_only && a->bank;
      m.referring = true;
      out.push_back(std::move(m));
    }
    ref->antecedent_begin = s.begin;
    ref->antecedent_end = s.end;
    return out;
  }
  return {};
}

// One party of the type the expression asks for: the most recent sentence
// naming such a party decides, and must name exactly one.
std::vector<SentenceMention> AntecedentResolver::Single(const std::vector<SentenceNames>& back, Referent referent,
                                                        ResolvedReference* ref) {
  auto fits = [&](const Named& a) {
    switch (referent) {
      case Referent::kCountry: return !a.country.empty();
      case Referent::kRegionalBody: return a.type == "regional_org";
      case Referent::kOrganization: return a.type == "organization" || a.type == "regional_org";
      case Referent::kAgency: return a.type == "organization" && a.government;
      case Referent::kBank: return a.type == "organization" && a.bank;
      case Referent::kCompany: return a.type == "organization" && !a.government;
      default: return true;  // "it": any actor
    }
  };
  for (const auto& s : back) {
    if (referent == Referent::kPronoun && s.actors.empty() && !s.others.empty()) {
      // "The … Convention … was signed in 2015. It entered into force …":
      // a sentence naming one framework and nothing else.
      const bool one_framework =
          s.others.size() == s.frameworks.size() &&
          std::all_of(s.frameworks.begin(), s.frameworks.end(),
                      [&](const SentenceNames::Framework& f) { return f.id == s.frameworks.front().id; });
      if (!one_framework) return {};
      SentenceMention m;
      m.id = s.frameworks.front().id;
      m.type = s.frameworks.front().type;
      m.kind = EntityKind::kFramework;
      m.referring = true;
      ref->antecedent_begin = s.begin;
      ref->antecedent_end = s.end;
      return {m};
    }
    std::vector<const Named*> found;
    for (const auto& a : s.actors) {
      if (!fits(a)) continue;
      const std::string& id = referent == Referent::kCountry ? a.country : a.id;
      const bool seen = std::any_of(found.begin(), found.end(), [&](const Named* f) {
        return (referent == Referent::kCountry ? f->country : f->id) == id;
      });
      if (!seen) found.push_back(&a);
    }
    if (found.empty()) continue;
    if (found.size() != 1 || (referent == Referent::kPronoun && !s.others.empty())) return {};
    const Named& a = *found.front();
    SentenceMention m;
    m.kind = EntityKind::kActor;
    m.referring = true;
    if (referent == Referent::kCountry) {
      m.id = a.country;
      m.type = "country";
    } else {
      m.id = a.id;
      m.type = a.type;
      m.government = a.government;
      m.bank = a.bank;
      m.owner = a.type == "organization" ? a.country : "";
    }
    ref->antecedent_begin = s.begin;
    ref->antecedent_end = s.end;
    return {m};
  }
  return {};
}

// A framework of a compatible head: the most recent sentence naming one
// decides, and must name exactly one (AntecedentResolver's rules).
std::vector<SentenceMention> AntecedentResolver::Framework(const std::vector<SentenceNames>& back, uint32_t heads,
                                                           ResolvedReference* ref) const {
  auto fits = [&](const SentenceNames::Framework& f) {
    if (heads == kAnyHead) return true;
    auto it = tables_->framework_heads.find(f.id);
    const uint32_t carried = it == tables_->framework_heads.end() ? 0 : it->second;
    if (carried != 0) return (carried & heads) != 0;
    // "RCEP", "GDPR": no head word in any name; the type must fit.
    for (size_t h = 0; h < Heads().size(); ++h) {
      if ((heads & (1u << h)) == 0) continue;
      for (const char* type : Heads()[h].types) {
        if (f.type == type) return true;
      }
    }
    return false;
  };
  for (const auto& s : back) {
    std::vector<const SentenceNames::Framework*> found;
    for (const auto& f : s.frameworks) {
      if (!fits(f)) continue;
      if (std::none_of(found.begin(), found.end(), [&](const auto* g) { return g->id == f.id; })) found.push_back(&f);
    }
    if (found.empty()) continue;
    if (found.size() != 1) return {};
    SentenceMention m;
    m.id = found.front()->id;
    m.type = found.front()->type;
    m.kind = EntityKind::kFramework;
    m.referring = true;
    ref->antecedent_begin = s.begin;
    ref->antecedent_end = s.end;
    return {m};
  }
  return {};
}

// The one country the passage has named before the body; failing any, the
// document's.
std::vector<SentenceMention> AntecedentResolver::StateBody(const std::vector<SentenceNames>& back,
                                                           bool passage_only, ResolvedReference* ref) const {
  std::vector<std::string> countries;
  const SentenceNames* latest = nullptr;  // the most recent sentence naming a country
  for (const auto& s : back) {
    for (const auto& c : s.countries) {
      if (std::find(countries.begin(), countries.end(), c) == countries.end()) countries.push_back(c);
    }
    if (latest == nullptr && !s.countries.empty()) latest = &s;
  }
  if (countries.size() > 1) return {};
  std::string country;
  if (countries.size() == 1) {
    country = countries.front();
    ref->antecedent_begin = latest->begin;
    ref->antecedent_end = latest->end;
  } else if (!document_country_.empty() && !passage_only) {
    country = document_country_;
    ref->antecedent_begin = document_country_begin_;
    ref->antecedent_end = document_country_end_;
  } else {
    return {};
  }
  SentenceMention m;
  m.id = country;
  m.type = "country";
  m.kind = EntityKind::kActor;
  m.referring = true;
  return {m};
}

// An organisation whose names carry the head: the most recent sentence
// naming one decides, and must name exactly one (AntecedentResolver's rules).
std::vector<SentenceMention> AntecedentResolver::BodyByHead(const std::vector<SentenceNames>& back, uint32_t heads,
                                                            ResolvedReference* ref) const {
  for (const auto& s : back) {
    std::vector<const Named*> found;
    for (const auto& a : s.actors) {
      auto it = tables_->body_heads.find(a.id);
      if (it == tables_->body_heads.end() || (it->second & heads) == 0) continue;
      if (std::none_of(found.begin(), found.end(), [&](const Named* f) { return f->id == a.id; })) found.push_back(&a);
    }
    if (found.empty()) continue;
    if (found.size() != 1) return {};
    const Named& a = *found.front();
    SentenceMention m;
    m.id = a.id;
    m.type = a.type;
    m.kind = EntityKind::kActor;
    m.government = a.government;
    m.bank = a.bank;
    m.owner = a.type == "organization" ? a.country : "";
    m.referring = true;
    ref->antecedent_begin = s.begin;
    ref->antecedent_end = s.end;
    return {m};
  }
  return {};
}

std::vector<ResolvedReference> AntecedentResolver::Resolve(std::string_view text, uint32_t sentence_begin,
                                                           uint32_t sentence_end, const std::vector<Token>& tokens,
                                                           const std::vector<SentenceMention>& mentions) const {
  std::vector<ResolvedReference> out;
  for (uint32_t i = 0; i < tokens.size();) {
    // The longest expression here that is no trap: "hai nước sau khi" is
    // "hai nước", "after".
    const Expression* match = nullptr;
    bool trapped = false;
    tables_->expressions.VisitAt(tokens, i, [&](const Expression& e) {  // longest first
      match = &e;
      trapped = IsTrap(text, tokens, e, i, mentions);
      return !trapped;
    });
    if (match == nullptr) {
      ++i;
      continue;
    }
    uint32_t count = static_cast<uint32_t>(match->terms.size());
    // "Thủ tướng Phạm Minh Chính": the title and the name are one party.
    // A person the gazetteer knows keeps their own mention; the title alone
    // then stands for the country.
    if (!trapped && match->leader) {
      bool known = false;
      const uint32_t name = PersonNameAfter(text, tokens, i + count, mentions, &known);
      if (!known) count += name;
    }
    const bool inside_name = std::any_of(mentions.begin(), mentions.end(), [&](const SentenceMention& m) {
      return m.first < i + count && i < End(m);
    });
    if (!inside_name && !trapped) {
      ResolvedReference ref;
      ref.first = i;
      ref.count = count;
      // "ASEAN agreed to admit it": "it" after a verb or preposition is no
      // subject, and the subject of its own clause is the one thing it
      // cannot be; only earlier sentences hold its antecedent. As a subject
      // ("It …", "Japan said it …", "…, and it has …") the sentence's own
      // words before it count too.
      const bool object_pronoun = match->referent == Referent::kPronoun && !match->possessive &&
                                  !OpensAClause(text, tokens, i);
      uint32_t own_before = object_pronoun ? 0 : i;
      // "Cục Du lịch … và cơ quan này ký …", "MAS and the agency": a
      // singular joined to a name is not that name; the sentence's words
      // before the name still count.
      if (!IsDual(match->referent) && i >= 2 && IsWord(tokens[i - 1], {"và", "cùng", "với", "and", "with"})) {
        for (const auto& m : mentions) {
          if (!m.referring && End(m) == i - 1) own_before = std::min(own_before, m.first);
        }
      }
      auto back = LookBack(sentence_begin, sentence_end, mentions, own_before);
      if (IsDual(match->referent)) {
        // "hai nước sau" asks for countries, "the latter two" for any parties.
        const bool countries_only = match->referent == Referent::kTwoCountries ||
                                    (match->referent == Referent::kLatterTwo && match->terms.front() != "the");
        ref.parties = match->referent == Referent::kLatterTwo ? LatterTwo(back, countries_only, &ref)
                                                              : Dual(back, countries_only, &ref);
        // The first half of the words stands for the first party, the last
        // word for the second: "hai|bên", "the two|sides".
        if (ref.parties.size() == 2 && count >= 2) {
          ref.parties[0].first = i;
          ref.parties[0].count = count - 1;
          ref.parties[1].first = i + count - 1;
          ref.parties[1].count = 1;
          ref.parties[1].joined_to_previous = true;
        } else {
          ref.parties.clear();
        }
      } else {
        // "its" serves only as the owner of the name right after it
        // ("Its Green Data Act"); elsewhere it would only bridge the gap
        // between names that the rules measure.
        const bool owns_a_name = std::any_of(mentions.begin(), mentions.end(),
                                             [&](const SentenceMention& m) { return m.first == i + count; });
        if (match->referent == Referent::kFramework) {
          ref.parties = Framework(back, match->heads, &ref);
        } else if (match->referent == Referent::kStateBody) {
          ref.parties = StateBody(back, match->needs_name, &ref);
        } else if (match->referent == Referent::kBodyByHead) {
          ref.parties = BodyByHead(back, match->heads, &ref);
        } else if (match->referent == Referent::kHomeCapital) {
          // Paired with a state (IsTrap): the sentence itself is the evidence.
          if (!tables_->home_country.empty()) {
            SentenceMention m;
            m.id = tables_->home_country;
            m.type = "country";
            m.kind = EntityKind::kActor;
            m.referring = true;
            ref.parties = {m};
          }
        } else if (!match->possessive || owns_a_name) {
          ref.parties = Single(back, match->referent, &ref);
          // "its" owns a name as an actor does; a framework owns none.
          if (match->possessive) {
            std::erase_if(ref.parties, [](const SentenceMention& p) { return p.kind != EntityKind::kActor; });
          }
        }
        for (auto& p : ref.parties) {
          p.first = i;
          p.count = count;
          p.possessive = match->possessive;
        }
      }
      // Where nothing before the sentence said it (the document's language
      // alone gives the country), the evidence is the sentence itself.
      if (ref.antecedent_end <= ref.antecedent_begin) {
        ref.antecedent_begin = sentence_begin;
        ref.antecedent_end = sentence_end;
      }
      if (!ref.parties.empty()) out.push_back(std::move(ref));
    }
    i += count;
  }
  return out;
}

}  // namespace policygraph::indexer::links
