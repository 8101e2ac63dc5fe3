#include "indexer/discovered_entities.h"

#include <algorithm>
#include <optional>
#include <set>
#include <string_view>

#include "indexer/entity_matcher.h"
#include "indexer/gazetteer.h"

namespace policygraph::indexer {

namespace {

// An id from a name's folded form: "Hội nghị Bộ trưởng ASEAN" ->
// "d-hoi-nghi-bo-truong-asean".
std::string SlugOf(const std::string& folded) {
  std::string slug = kDiscoveredIdPrefix;
  for (char c : folded) {
    bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (alnum) {
      slug.push_back(c);
    } else if (slug.back() != '-') {
      slug.push_back('-');
    }
    if (slug.size() >= 72) break;
  }
  while (slug.size() > 2 && slug.back() == '-') slug.pop_back();
  return slug;
}

}  // namespace

bool IsAcronym(const std::string& text) {
  if (text.size() < 2 || text.size() > 12) return false;
  size_t upper = 0, lower = 0;
  for (char c : text) {
    if (c == ' ') return false;
    if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) ++upper;
    else if (c >= 'a' && c <= 'z') ++lower;
    else if (c != '/' && c != '-' && c != '.' && c != '&') return false;
  }
  return upper >= 2 && upper > lower;
}

DiscoveredEntities::DiscoveredEntities(const Analyzer& analyzer, const std::vector<graph::Node>& gazetteer)
    : analyzer_(analyzer), gazetteer_(gazetteer) {
  for (size_t i = 0; i < gazetteer.size(); ++i) {
    for (const auto* names : {&gazetteer[i].names_en, &gazetteer[i].names_vi}) {
      for (const auto& name : *names) gazetteer_key_.emplace(Key(name), i);
    }
  }
}

// Names compare by their words: case, tone placement and punctuation aside.
std::string DiscoveredEntities::Key(const std::string& name) const {
  std::string key;
  for (const auto& t : analyzer_.Tokenize(name)) {
    if (!key.empty()) key.push_back(' ');
    key += t.exact;
  }
  return key;
}

// A name that picks out one thing: a capitalised word or a number after its
// first word ("Luật An ninh mạng", "Kế hoạch … 2025"), not a head word and
// lowercase description ("Luật bảo vệ dữ liệu cá nhân").
bool DiscoveredEntities::IsSpecific(const std::string& name) const {
  auto tokens = analyzer_.Tokenize(name);
  for (size_t i = 1; i < tokens.size(); ++i) {
    std::string_view word = std::string_view(name).substr(tokens[i].begin, tokens[i].end - tokens[i].begin);
    if (StartsUppercase(word) || (!word.empty() && word[0] >= '0' && word[0] <= '9')) return true;
  }
  return false;
}

// "Liên minh châu Âu về 0% …": a known name and then the sentence going on.
bool DiscoveredEntities::KnownThenLowercase(const std::string& name) const {
  auto tokens = analyzer_.Tokenize(name);
  std::string key;
  for (size_t j = 0; j + 1 < tokens.size(); ++j) {
    key += (j == 0 ? "" : " ") + tokens[j].exact;
    auto it = gazetteer_key_.find(key);
    // Only for places and bodies: "Chương trình … quốc gia đến năm 2025"
    // is a known programme written out longer (KnownInside learns it).
    if (it == gazetteer_key_.end()) continue;
    const std::string& type = gazetteer_[it->second].type;
    if (type != "country" && type != "regional_org") continue;
    std::string_view next = std::string_view(name).substr(tokens[j + 1].begin);
    if (!StartsUppercase(next) && !(next[0] >= '0' && next[0] <= '9')) return true;
  }
  return false;
}

// Frameworks of any kind are one kind here: a discovered "law" may be the
// gazetteer's "agreement" written out; an event is never an organisation.
// An English name cut after its head, before an "of/on/for" complement:
// "ASEAN Consensus" of "ASEAN Consensus on the Protection …". Only where
// at least two words remain ("Ministry of …" gives nothing).
std::optional<std::string> UpToHead(const std::string& name) {
  size_t at = std::string::npos;
  for (const char* joint : {" of ", " on ", " for "}) at = std::min(at, name.find(joint));
  if (at == std::string::npos) return std::nullopt;
  const std::string cut = name.substr(0, at);
  const size_t space = cut.rfind(' ');
  if (space == std::string::npos || cut.find('\'') != std::string::npos) return std::nullopt;
  const char first = cut[space + 1];
  if (first < 'A' || first > 'Z') return std::nullopt;
  return cut;
}

// A word of the name that is a document number ("13/2023/NĐ-CP",
// "57-NQ/TW"): a digit first, then a series after '/' or '-'.
bool HasDocumentNumber(const std::string& name) {
  size_t start = 0;
  while (start < name.size()) {
    size_t end = name.find(' ', start);
    if (end == std::string::npos) end = name.size();
    const std::string_view word = std::string_view(name).substr(start, end - start);
    if (!word.empty() && word[0] >= '0' && word[0] <= '9' && word.find_first_of("/-") != std::string_view::npos &&
        word.find_first_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ") != std::string_view::npos) {
      return true;
    }
    start = end + 1;
  }
  return false;
}

// "Beijing's Coast Guard Law" is China's as "China's … Law" would be.
bool IsCountryOrCapital(const std::string& type) { return type == "country" || StandsForItsCountry(type); }

bool SameKind(const std::string& a, const std::string& b) {
  auto kind = [](const std::string& t) {
    static const std::set<std::string> kFrameworks = {"law", "agreement", "strategy", "plan", "programme", "initiative"};
    return kFrameworks.count(t) ? std::string("framework") : t;
  };
  return kind(a) == kind(b);
}

// "Công ty an ninh mạng Fortinet", "Bộ Thông tin và Truyền thông Việt Nam":
// a known organisation or framework with words around it. Matching finds the
// known name inside; a new entity would only hide it. Countries and regional
// organisations do not count: "Hội nghị Cấp cao ASEAN - Nhật Bản" is new.
std::optional<DiscoveredEntities::Known> DiscoveredEntities::KnownInside(const std::string& name) const {
  auto tokens = analyzer_.Tokenize(name);
  for (size_t i = 0; i < tokens.size(); ++i) {
    std::string key;
    for (size_t j = i; j < tokens.size(); ++j) {
      key += (j == i ? "" : " ") + tokens[j].exact;
      auto it = gazetteer_key_.find(key);
      if (it == gazetteer_key_.end()) continue;
      const std::string& type = gazetteer_[it->second].type;
      if (type != "country" && type != "regional_org" && type != kNotEntityType && !StandsForItsCountry(type)) {
        return Known{it->second, i == 0, j + 1 == tokens.size(), type, static_cast<size_t>(tokens[i].begin)};
      }
    }
  }
  return std::nullopt;
}

void DiscoveredEntities::AddName(std::vector<std::string>* names, const std::string& name) const {
  const std::string key = Key(name);
  if (key.empty()) return;
  for (const auto& n : *names) {
    if (Key(n) == key) return;
  }
  names->push_back(name);
}

// "Thái Lan DTAC" (after "công ty viễn thông"): a country before a name
// says where the company is from; the name is what follows.
// The number of leading tokens that name a country or capital (the
// shortest such prefix), when at least `keep` tokens follow it.
std::optional<size_t> DiscoveredEntities::LeadingCountry(const std::vector<Token>& tokens, size_t keep) const {
  std::string key;
  for (size_t j = 0; j + keep < tokens.size(); ++j) {
    key += (j == 0 ? "" : " ") + tokens[j].exact;
    auto it = gazetteer_key_.find(key);
    if (it != gazetteer_key_.end() && IsCountryOrCapital(gazetteer_[it->second].type)) return j + 1;
  }
  return std::nullopt;
}

std::string DiscoveredEntities::WithoutLeadingCountry(const std::string& name) const {
  auto tokens = analyzer_.Tokenize(name);
  const std::optional<size_t> country = LeadingCountry(tokens, 1);
  if (!country) return name;
  std::string rest = name.substr(tokens[*country].begin);
  // "Japan Foundation", "Korea University": a kind of body alone is no
  // name; the country is part of it.
  static const char* kBodies[] = {"Foundation", "University", "Institute", "Bank", "Agency", "Council",
                                  "Fund", "Centre", "Center", "Academy", "College", "Police", "Army",
                                  "Navy", "Coast Guard"};
  if (std::any_of(std::begin(kBodies), std::end(kBodies), [&](const char* b) { return rest == b; })) return name;
  // Only a short name after it: "Taiwan Semiconductor Manufacturing
  // Company" keeps its country, which is part of the name.
  if (tokens.size() - *country <= 1 || IsAcronym(rest)) return rest;
  return name;
}

// "Trung Quốc Vương Nghị", "Singapore Gan Kim Yong" (after "Ngoại trưởng",
// "Bộ trưởng …"): the country before a person's name says whose official
// the person is; the name is what follows.
std::string DiscoveredEntities::PersonWithoutCountry(const std::string& name) const {
  auto tokens = analyzer_.Tokenize(name);
  // A person's name keeps at least two words: "Singapore Gan Kim Yong".
  const std::optional<size_t> country = LeadingCountry(tokens, 2);
  return country ? name.substr(tokens[*country].begin) : name;
}

// "Bộ Tài nguyên và Môi trường Việt Nam về quản lý nước thông minh": a
// body's name ends with its country; "về" and lower-case words after it
// are what the sentence says about it.
std::string DiscoveredEntities::BodyUpToCountry(const std::string& name) const {
  auto tokens = analyzer_.Tokenize(name);
  for (size_t i = 1; i < tokens.size(); ++i) {
    std::string key;
    for (size_t j = i; j + 2 < tokens.size(); ++j) {
      key += (j == i ? "" : " ") + tokens[j].exact;
      auto it = gazetteer_key_.find(key);
      if (it == gazetteer_key_.end() || gazetteer_[it->second].type != "country") continue;
      if (tokens[j + 1].exact != "về") continue;
      bool lower_tail = true;
      for (size_t k = j + 1; k < tokens.size() && lower_tail; ++k) {
        lower_tail = !StartsUppercase(std::string_view(name).substr(tokens[k].begin));
      }
      if (lower_tail) return name.substr(0, tokens[j].end);
    }
  }
  return name;
}

// Shorter names a text also uses for the same entity:
// - without a possessive country: "Japan's Economic Security Promotion Act";
// - without its horizon: "… Strategy to 2030, with a Vision to 2050",
//   "Chiến lược … đến năm 2030, tầm nhìn đến năm 2045";
std::vector<std::string> DiscoveredEntities::ShortForms(const std::string& name) const {
  std::vector<std::string> out;
  auto tokens = analyzer_.Tokenize(name);
  if (tokens.size() < 2) return out;
  // Possessive: a country, then "'s", "’s" or "'" (the Philippines').
  std::string key;
  for (size_t j = 0; j + 1 < tokens.size(); ++j) {
    key += (j == 0 ? "" : " ") + tokens[j].exact;
    auto it = gazetteer_key_.find(key);
    if (it == gazetteer_key_.end() || !IsCountryOrCapital(gazetteer_[it->second].type)) continue;
    if (StartsWithPossessive(std::string_view(name).substr(tokens[j].end))) {
      out.push_back(name.substr(tokens[j + 1].begin));
    }
    break;
  }
  // "Bộ Y tế Việt Nam" is the "Bộ Y tế" a Vietnamese text names without its
  // country (another country's ministry keeps its own: "Bộ Y tế Indonesia").
  for (const char* country : {" Việt Nam", " Vietnam"}) {
    const std::string_view suffix(country);
    if (name.size() > suffix.size() + 3 && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0 &&
        (name.rfind("Bộ ", 0) == 0 || name.rfind("Ngân hàng ", 0) == 0 || name.rfind("Quốc hội", 0) == 0 ||
         name.rfind("Chính phủ", 0) == 0 || name.rfind("Ủy ban ", 0) == 0 || name.rfind("Uỷ ban ", 0) == 0)) {
      out.push_back(name.substr(0, name.size() - suffix.size()));
    }
  }
  // Horizon: cut before " to 2030", " đến năm 2030", ", tầm nhìn …".
  for (const char* marker : {" to 19", " to 20", " đến năm ", ", tầm nhìn", ", with a Vision"}) {
    size_t at = name.find(marker);
    if (at != std::string::npos && at > 0) {
      out.push_back(name.substr(0, at));
      break;
    }
  }
  // "Nghị quyết số 36-NQ/TW về …", "Nghị quyết số 120/NQ-CP năm 2017 về
  // …": a legal document is cited by its number.
  for (const char* head : {"Nghị quyết số ", "Nghị định số ", "Quyết định số ", "Thông tư số ", "Luật số "}) {
    if (name.rfind(head, 0) != 0) continue;
    size_t about = name.find(" về ");
    if (about != std::string::npos) out.push_back(name.substr(0, about));
    size_t year = name.find(" năm ", std::string_view(head).size());
    if (year != std::string::npos && year < about) out.push_back(name.substr(0, year));
  }
  return out;
}

// "Tập đoàn Alibaba" is Alibaba: a company's descriptor before a
// Latin-script name. The name alone is specific even as one word.
std::optional<std::string> DiscoveredEntities::CompanyName(const std::string& name) const {
  for (const char* head : {"Tập đoàn ", "Công ty ", "Tổng công ty ", "Hãng "}) {
    if (name.rfind(head, 0) != 0) continue;
    std::string rest = name.substr(std::string_view(head).size());
    bool latin = !rest.empty() && rest[0] >= 'A' && rest[0] <= 'Z' &&
                 analyzer_.DetectLanguage(rest) != Language::kVietnamese;
    if (latin) return rest;
  }
  return std::nullopt;
}

void DiscoveredEntities::Add(const std::vector<DiscoveredName>& names) {
  for (const auto& found : names) {
    if (found.confidence < kMinDiscoveryConfidence) continue;
    DiscoveredName d = found;
    if (d.type == "organization") d.name = BodyUpToCountry(WithoutLeadingCountry(d.name));
    if (d.type == "person") d.name = PersonWithoutCountry(d.name);
    // Only a short form that still picks one thing out ("Chiến lược phát
    // triển" from "… đến năm 2030" would name every strategy).
    for (auto& short_form : ShortForms(d.name)) {
      if (IsSpecific(short_form) || IsAcronym(short_form)) d.aliases.push_back(std::move(short_form));
    }
    if (auto company = CompanyName(d.name)) d.aliases.push_back(std::move(*company));
    const std::string key = Key(d.name);
    if (key.empty() || gazetteer_key_.count(key) || KnownThenLowercase(d.name)) continue;
    std::vector<std::string> full, acronyms;
    for (const auto& a : d.aliases) (IsAcronym(a) ? acronyms : full).push_back(a);

    // Stated as a translation of a gazetteer entity?
    std::optional<size_t> known;
    for (const auto* list : {&full, &acronyms}) {
      for (const auto& a : *list) {
        auto it = gazetteer_key_.find(Key(a));
        if (it != gazetteer_key_.end() && gazetteer_[it->second].type != kNotEntityType) known = it->second;
      }
    }
    if (known) {
      if (IsSpecific(d.name)) AddName(&learned_[*known], d.name);
      continue;
    }
    // "EVN International", "Samsung Electronics Vietnam": a company named
    // after a known one by its acronym or one-word name and an English word
    // is a company of its own (a subsidiary), not the known one written out.
    auto subsidiary = [&](const Known& k) {
      if (!k.at_start || k.at_end || d.type != "organization" || k.type != "organization") return false;
      if (analyzer_.DetectLanguage(d.name) == Language::kVietnamese) return false;
      const auto tokens = analyzer_.Tokenize(d.name);
      const std::string first(std::string_view(d.name).substr(tokens[0].begin, tokens[0].end - tokens[0].begin));
      return gazetteer_key_.count(Key(first)) && gazetteer_key_.at(Key(first)) == k.index && IsAcronym(first);
    };
    // "Quyết định 2345/QĐ-NHNN": the issuer's acronym inside a document
    // number says who issued it; the decision is not that body.
    auto in_number = [&](const Known& k) { return !k.at_start && HasDocumentNumber(d.name); };
    // "58th ASEAN Foreign Ministers' Meeting", "Hội nghị Bộ trưởng Năng
    // lượng ASEAN lần thứ 43": one meeting of a series the gazetteer knows
    // (its name without the ordinal is a variant) is an event of its own,
    // not one more name of the series, or every meeting would be one node.
    auto meeting_of_series = [&](const Known& k) {
      return d.type == "event" && k.type == "event" && !d.variants.empty();
    };
    // "European Chips Act" beside a known "CHIPS Act": a capitalised word
    // (other than "The" or a country, which owns the same law) before a
    // known framework's name names another framework; lower-case words
    // before a known name only describe it.
    auto qualified_framework = [&](const Known& k) {
      if (k.at_start || !k.at_end || !SameKind(k.type, d.type) || !SameKind(d.type, "law")) return false;
      const auto tokens = analyzer_.Tokenize(d.name.substr(0, k.begin));
      if (tokens.empty() || LeadingCountry(tokens, 0)) return false;
      bool qualifier = false;
      for (const auto& t : tokens) {
        const std::string_view raw = std::string_view(d.name).substr(t.begin, t.end - t.begin);
        if (!StartsUppercase(raw) || gazetteer_key_.count(t.exact)) return false;
        if (raw != "The") qualifier = true;
      }
      return qualifier;
    };
    if (auto inside = KnownInside(d.name);
        inside && !subsidiary(*inside) && !in_number(*inside) && !meeting_of_series(*inside) &&
        !qualified_framework(*inside)) {
      // "Chương trình Chuyển đổi số quốc gia đến năm 2025 …" is the known
      // programme written out in full: one more name for it. "Công ty an
      // ninh mạng Fortinet" only describes a known name: nothing to add.
      // "G20 Leaders' Summit" starts with the G20 but is an event, not it.
      if (inside->at_start && SameKind(inside->type, d.type) && IsSpecific(d.name)) {
        AddName(&learned_[inside->index], d.name);
        continue;
      }
      // "“Kế hoạch hành động … thực hiện Kế hoạch Tổng thể …”": a quoted
      // title with its own head that names a known framework inside is a
      // framework of its own (one that implements or amends the other).
      constexpr double kQuotedTitleWithHead = 0.9;
      const bool own_framework = !inside->at_start && d.confidence >= kQuotedTitleWithHead &&
                                 d.type != "organization" && d.type != "event";
      // "Công ước Liên hợp quốc về Luật Biển", "Hội nghị Liên hợp quốc về
      // Đại dương": an organisation named in the middle of a longer name is
      // whose the new entity is, not what it describes.
      const bool names_owner_inside = inside->type == "organization" && !inside->at_start && !inside->at_end;
      if (!own_framework && !names_owner_inside && (SameKind(inside->type, d.type) || !inside->at_start)) continue;
    }
    // A generic name ("Luật bảo vệ dữ liệu cá nhân") with nothing stated
    // beside it is a description; a long one is a title in its own right.
    constexpr size_t kLongTitleWords = 10;
    // A company's own name ("GoTo", "HawkEye 360") is specific as it is.
    const bool latin_company = d.type == "organization" && StartsUppercase(d.name) &&
                               analyzer_.DetectLanguage(d.name) != Language::kVietnamese;
    // A meeting named by an acronym and its number ("COP27") is one meeting.
    const bool numbered_meeting =
        d.type == "event" && IsAcronym(d.name) && d.name.find_first_of("0123456789") != std::string::npos;
    if (!IsSpecific(d.name) && !latin_company && !numbered_meeting && full.empty() && acronyms.empty() &&
        analyzer_.Tokenize(d.name).size() < kLongTitleWords) {
      continue;
    }

    // One discovered entity per name; a translation already seen joins it.
    std::optional<size_t> index;
    if (auto it = found_key_.find(key); it != found_key_.end()) index = it->second;
    for (const auto& a : full) {
      if (index) break;
      if (auto it = found_key_.find(Key(a)); it != found_key_.end()) index = it->second;
    }
    if (!index) {
      index = found_.size();
      found_.push_back(Found{d.type, 0, 0, {}, {}, {}});
    }
    Found& f = found_[*index];
    f.confidence = std::max(f.confidence, d.confidence);
    ++f.occurrences;
    AddName(&f.names, d.name);
    found_key_.emplace(key, *index);
    for (const auto& a : full) {
      if (gazetteer_key_.count(Key(a))) continue;
      AddName(&f.names, a);
      found_key_.emplace(Key(a), *index);
    }
    for (const auto& a : acronyms) {
      if (!gazetteer_key_.count(Key(a))) AddName(&f.acronyms, a);
    }
    for (const auto& v : d.variants) {
      if (!gazetteer_key_.count(Key(v))) AddName(&f.variants, v);
    }
    // "ASEAN Consensus" for "ASEAN Consensus on the Protection …": the name
    // up to its head, as a text goes on to call it. Shared like a variant.
    if (auto cut = UpToHead(d.name); cut && IsSpecific(*cut) && !gazetteer_key_.count(Key(*cut))) {
      AddName(&f.variants, *cut);
    }
    // "Tuyên bố sông Hàn" for "Tuyên bố sông Hàn về quan hệ đối tác …": a
    // Vietnamese title up to "về", where that part already picks one thing
    // out. Shared like a variant ("Chiến lược ASEAN về …" has several).
    if (const size_t about = d.name.find(" về "); about != std::string::npos && d.type != "organization") {
      const std::string cut = d.name.substr(0, about);
      if (IsSpecific(cut) && analyzer_.Tokenize(cut).size() >= 3 && !gazetteer_key_.count(Key(cut))) {
        AddName(&f.variants, cut);
      }
    }
  }
}

std::vector<graph::Node> DiscoveredEntities::Merged() const {
  std::vector<graph::Node> out = gazetteer_;
  for (const auto& [index, names] : learned_) {
    graph::Node& n = out[index];
    for (const auto& name : names) {
      auto& list = analyzer_.DetectLanguage(name) == Language::kVietnamese ? n.names_vi : n.names_en;
      list.push_back(name);
    }
  }

  // An acronym two names claim names neither; likewise a name without its
  // ordinal that two meetings of a series share ("ASEAN Summit" of the
  // 31st and of the 46th), or that is another entity's own name.
  std::map<std::string, std::set<size_t>> variant_claims;
  for (size_t i = 0; i < found_.size(); ++i) {
    for (const auto& v : found_[i].variants) variant_claims[Key(v)].insert(i);
  }
  // A name found on its own that is one other entity's free variant ("the
  // ASEAN Consensus" after "ASEAN Consensus on …") is that entity.
  std::vector<size_t> into(found_.size());
  for (size_t i = 0; i < found_.size(); ++i) {
    into[i] = i;
    for (const auto& name : found_[i].names) {
      auto claim = variant_claims.find(Key(name));
      if (claim == variant_claims.end() || claim->second.size() != 1 || *claim->second.begin() == i) continue;
      into[i] = *claim->second.begin();
      break;
    }
  }
  for (size_t i = 0; i < found_.size(); ++i) {
    if (into[into[i]] != into[i]) into[i] = i;  // one step only: no chains
  }
  std::map<std::string, std::set<size_t>> claims;
  for (size_t i = 0; i < found_.size(); ++i) {
    for (const auto& a : found_[i].acronyms) claims[Key(a)].insert(into[i]);
  }
  auto variant_is_free = [&](size_t i, const std::string& v) {
    auto named = found_key_.find(Key(v));
    return variant_claims[Key(v)].size() == 1 && (named == found_key_.end() || into[named->second] == i);
  };
  // Who joins whom, in index order (one pass: a loop over every other name
  // for each name is quadratic, minutes at a million documents).
  std::vector<std::vector<size_t>> joining(found_.size());
  for (size_t k = 0; k < found_.size(); ++k) {
    if (into[k] != k) joining[into[k]].push_back(k);
  }
  std::set<std::string> ids;
  for (const auto& n : gazetteer_) ids.insert(n.id);
  for (size_t i = 0; i < found_.size(); ++i) {
    const Found& f = found_[i];
    if (f.names.empty() || into[i] != i) continue;
    graph::Node n;
    n.type = f.type;
    n.discovered = true;
    n.confidence = f.confidence;
    n.id = SlugOf(analyzer_.Fold(f.names.front()));
    for (int suffix = 2; ids.count(n.id); ++suffix) n.id = SlugOf(analyzer_.Fold(f.names.front())) + "-" + std::to_string(suffix);
    ids.insert(n.id);
    std::vector<std::string> names = f.names;
    std::vector<std::string> acronyms = f.acronyms;
    for (const size_t k : joining[i]) {
      for (const auto& name : found_[k].names) AddName(&names, name);
      for (const auto& a : found_[k].acronyms) AddName(&acronyms, a);
    }
    for (const auto& a : acronyms) {
      if (claims[Key(a)].size() == 1) names.push_back(a);
    }
    for (const auto& v : f.variants) {
      if (variant_is_free(i, v)) AddName(&names, v);
    }
    for (const auto& name : names) {
      auto& list = analyzer_.DetectLanguage(name) == Language::kVietnamese ? n.names_vi : n.names_en;
      list.push_back(name);
    }
    out.push_back(std::move(n));
  }
  return out;
}

}  // namespace policygraph::indexer
