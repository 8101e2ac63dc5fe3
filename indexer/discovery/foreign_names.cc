#include "indexer/discovery/foreign_names.h"

#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>
#include <unordered_set>

#include "indexer/discovery/english_words.h"
#include "indexer/discovery/name_types.h"

namespace policygraph::indexer::discovery {
namespace {

constexpr size_t kNone = static_cast<size_t>(-1);
constexpr size_t kMaxNameWords = 6;

// The last words of company names in English, whatever the text's language
// ("Mitsubishi Electric", "COSCO Shipping Lines", "LG Energy Solution").
// Head nouns of English names (Group, Corporation, Bank …) are left to the
// English head-noun rule.
const std::unordered_set<std::string_view>& CompanySuffixes() {
  static const std::unordered_set<std::string_view> words = {
      "Holdings", "Holding", "Corp", "Inc", "Ltd", "Limited", "Lines", "Terminals", "Electric", "Electronics",
      "Ports", "Logistics", "Technologies", "Telecom", "Telecommunity", "Airlines",
      "Airways", "Marine", "Motors", "Shipping", "Steel", "Petroleum", "Pharmaceuticals", "Therapeutics",
      "Semiconductor", "Semiconductors", "Industries"};
  // Not "Systems", "Networks", "Securities", "Solutions": laws capitalise
  // defined terms ending in them ("Intelligent Transport Systems").
  return words;
}

// Countries that own a body in English ("Japan's JOGMEC").
const std::unordered_set<std::string_view>& EnglishCountries() {
  static const std::unordered_set<std::string_view> words = {
      "Japan", "China", "Korea", "India", "Indonesia", "Malaysia", "Singapore", "Thailand", "Vietnam",
      "Philippines", "Cambodia", "Laos", "Myanmar", "Brunei", "Australia", "Norway", "Britain", "France",
      "Germany", "Russia", "America", "Canada", "Denmark", "Sweden", "Netherlands", "Italy", "Spain",
      "Taiwan", "Israel", "Switzerland", "Finland", "US", "UK", "Zealand"};
  return words;
}

// What a company or an agency does, as Vietnamese says it right after the
// body's name (with auxiliaries between: "X đã mua …", "X và Y cùng thực
// hiện …"), or after "do X" (by X).
constexpr const char* kBodyVerbs[] = {
    "ký", "ký kết", "mua", "bán", "đầu tư", "rót", "bỏ ra", "nắm", "sở hữu", "chế tạo", "sản xuất",
    "cung cấp", "vận hành", "khai thác", "xây dựng", "tài trợ", "đề xuất", "công bố", "góp vốn", "thuê",
    "ra mắt", "rút", "chuyển nhượng", "hợp tác", "phối hợp", "triển khai", "ngỏ ý", "thực hiện",
    "thành lập", "trúng thầu", "cam kết", "phóng", "hỗ trợ", "thiết kế", "điều hành", "quản lý",
    "phát hành", "thâu tóm", "sáp nhập", "mở rộng", "tuyển",
    // Capital put in: "X nâng vốn tại Bắc Ninh", "X đổ 1,5 tỷ USD vào …".
    "nâng vốn", "tăng vốn", "đổ", "giải ngân"};

constexpr const char* kAuxiliaries[] = {"đã", "đang", "sẽ", "vừa", "cũng", "còn", "từng", "mới", "cùng",
                                        "lại", "đều", "tiếp tục", "đã từng"};

// Words of an agreement before "với" (with): the name after "với" is the
// other party ("ký bản ghi nhớ với X", "hợp đồng với X").
constexpr const char* kAgreementWords[] = {"ký", "hợp tác", "phối hợp", "hợp đồng", "thỏa thuận", "ghi nhớ",
                                           "liên doanh", "đàm phán", "liên kết", "bắt tay"};

// What a company does and a person seldom does, in English, right after
// the company's name ("X bought …", "X and Y each hold …", "X has spent …").
// "signed", "said" and the like are left out: persons do them as often.
const std::unordered_set<std::string_view>& EnglishBodyVerbs() {
  static const std::unordered_set<std::string_view> words = {
      "bought", "acquired", "invested", "owns", "own", "holds", "hold", "operates", "operate", "built",
      "spent", "sold", "manufactures", "supplies", "supplied", "shipped", "listed", "merged"};
  return words;
}

// Lower-case English determiners: laws capitalise defined terms after them
// ("the Commissioner holds …", "a Member State holds …"), while a company
// is named bare.
const std::unordered_set<std::string_view>& LowercaseDeterminers() {
  static const std::unordered_set<std::string_view> words = {"the", "a", "an", "each", "any", "every", "that",
                                                             "this", "such", "its", "their", "another", "no"};
  return words;
}

bool AfterDeterminer(Line& line, size_t i) {
  return i > 0 && line.IsWord(i - 1) && line[i - 1].lower && LowercaseDeterminers().count(line.Raw(i - 1)) > 0;
}

// Function words after which a name stands on its own, not as the
// complement of a noun before it.
constexpr const char* kBeforeStandingName[] = {"giữa", "với", "và", "mà", "như", "gồm", "cùng", "do", "bởi",
                                               "cho", "thuộc", "vào", "là", "của", "hay", "hoặc", "còn",
                                               "nhưng", "khi", "rằng", "trong", "đó"};

// Conjunctions that open a clause whose subject follows.
constexpr const char* kClauseOpeners[] = {"còn", "nhưng", "song", "khi", "mà", "thì",
                                         // "Riêng X đã …" (X alone, for its part).
                                         "riêng"};

// English roles written in lower case right before a person's name.
const std::unordered_set<std::string_view>& EnglishRolesBeforeName() {
  static const std::unordered_set<std::string_view> words = {
      "director", "governor", "chair", "chairman", "chairwoman", "chairperson", "president", "minister",
      "secretary", "commissioner", "ambassador", "envoy", "spokesperson", "spokesman", "spokeswoman",
      "chief", "head", "prosecutor",
      // "chief executive X", "his successor X", "the former diplomat X".
      "executive", "successor", "predecessor", "diplomat"};
  return words;
}

// Offices a country has, capitalised after it ("Japan's Ambassador").
const std::unordered_set<std::string_view>& EnglishOffices() {
  static const std::unordered_set<std::string_view> words = {
      "President", "Minister", "Premier", "Chancellor", "King", "Queen", "Prince", "Ambassador", "Secretary",
      "Governor", "Chairman", "Chairwoman", "Chair", "Commissioner", "Envoy", "Senator", "Spokesperson",
      "Prosecutor", "Director", "Chief", "Head", "Leader", "Government", "Cabinet"};
  return words;
}

// Whether the words of `phrase` (keys separated by one space) start at `i`;
// their number of pieces, or 0.
size_t KeysAt(Line& line, size_t i, std::string_view phrase) {
  size_t n = 0;
  while (!phrase.empty()) {
    const size_t space = phrase.find(' ');
    const std::string_view word = phrase.substr(0, space);
    if (!line.IsWord(i + n) || line.Key(i + n) != word) return 0;
    ++n;
    phrase = space == std::string_view::npos ? std::string_view() : phrase.substr(space + 1);
  }
  return n;
}

template <size_t N>
size_t AnyAt(Line& line, size_t i, const char* const (&phrases)[N]) {
  size_t best = 0;
  for (const char* p : phrases) best = std::max(best, KeysAt(line, i, p));
  return best;
}

bool IsCapitalised(const Line& line, size_t i) { return line.IsWord(i) && (line[i].cap || line[i].acronym); }

// A capitalised ASCII word that no Vietnamese syllable spells: letters
// other than a syllable's, or an acronym.
bool IsForeignWord(Line& line, size_t i) {
  if (!line.IsWord(i) || !line[i].ascii || !(line[i].cap || line[i].acronym)) return false;
  if (line[i].acronym) return true;
  std::string lower(line.Raw(i));
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return !CouldBeVietnameseSyllable(lower);
}

// A word of a foreign name: capitalised or an acronym, in ASCII letters,
// not an English determiner.
bool IsNameWord(Line& line, size_t i) {
  return line.IsWord(i) && line[i].ascii && (line[i].cap || line[i].acronym) &&
         !EnglishDeterminers().count(line.Raw(i));
}

// Whether a clause starts at `i` (defined below).
bool ClauseStartsAt(Line& line, size_t i);

// The last piece of a foreign name starting at `i`: capitalised ASCII
// words (and, with `connectors`, English little words between them:
// "Airbus Defence and Space"), at least one of them foreign, not part of
// a longer capitalised run, not a Vietnamese head. kNone when there is none.
size_t ForeignRun(Line& line, size_t i, const VietnameseLists& lists, bool connectors) {
  // "China's HMN Technologies": the owner before it is another name.
  // A clause opener that starts the sentence ("Riêng X đã …") is no owner.
  const bool after_opener = i > 0 && line[i - 1].cap && ClauseStartsAt(line, i);
  if (!IsNameWord(line, i) || (i > 0 && IsCapitalised(line, i - 1) && !line[i - 1].possessive && !after_opener)) {
    return kNone;
  }
  size_t head_length = 0;
  if (VietnameseHeadAt(line, i, lists, &head_length)) return kNone;
  size_t last = i;
  bool foreign = IsForeignWord(line, i);
  for (size_t k = i + 1; k < line.size() && k < i + kMaxNameWords && !line[last].possessive;) {
    if (IsNameWord(line, k)) {
      foreign = foreign || IsForeignWord(line, k);
      last = k++;
      continue;
    }
    const bool little = connectors && line.IsWord(k) && line[k].ascii && IsEnglishConnector(line, k);
    if ((little || line.IsPunct(k, '&')) && IsNameWord(line, k + 1)) {
      k += 1;
      continue;
    }
    break;
  }
  if (!foreign || IsCapitalised(line, last + 1)) return kNone;
  return last;
}

// The number of pieces of a country named at `i` (keys of one to three
// words), or 0.
size_t VietnameseCountryAt(Line& line, size_t i) {
  std::string key;
  size_t found = 0;
  for (size_t n = 0; n < 3 && line.IsWord(i + n); ++n) {
    if (n > 0) key += ' ';
    key += line.Key(i + n);
    if (VietnameseCountries().count(key)) found = n + 1;
  }
  return found;
}

struct Item {
  size_t first = 0;
  size_t last = 0;
  bool foreign = false;  // a foreign name (else another rule's organisation)
  bool of_country = false;  // followed by "của <country>"
};

// The piece after an item, past "của <country>".
size_t AfterItem(Line& line, Item& item) {
  if (line.KeyIs(item.last + 1, "của") && line[item.last + 1].lower) {
    if (size_t n = VietnameseCountryAt(line, item.last + 2)) {
      item.of_country = true;
      return item.last + 2 + n;
    }
  }
  return item.last + 1;
}

// A list of bodies from `i`: foreign names or organisations other rules
// found, joined by "," and "và"; `*after` receives the piece after it.
std::vector<Item> ListFrom(Line& line, size_t i, const VietnameseLists& lists,
                           const std::vector<Candidate>& candidates, size_t* after) {
  std::vector<Item> items;
  auto item_at = [&](size_t k, Item* out) {
    for (const auto& c : candidates) {
      if (c.first == k && c.type == kOrganization) {
        *out = Item{c.first, c.last, false, false};
        return true;
      }
    }
    const size_t last = ForeignRun(line, k, lists, true);
    if (last == kNone) return false;
    *out = Item{k, last, true, false};
    return true;
  };
  Item item;
  size_t k = i;
  *after = i;
  while (item_at(k, &item)) {
    *after = AfterItem(line, item);
    items.push_back(item);
    size_t next = *after;
    if (line.IsPunct(next, ',')) ++next;
    if (line.KeyIs(next, "và") && line[next].lower) ++next;
    if (next == *after) break;
    k = next;
  }
  return items;
}

// Whether a verb of a body follows at `k`, after at most three auxiliaries.
bool BodyVerbAt(Line& line, size_t k) {
  for (size_t n = 0; n < 3; ++n) {
    if (!line.IsWord(k) || !line[k].lower) return false;
    if (AnyAt(line, k, kBodyVerbs)) return true;
    const size_t aux = AnyAt(line, k, kAuxiliaries);
    if (aux == 0) return false;
    k += aux;
  }
  return false;
}

// Whether a clause starts at `i`: the line's start, punctuation, or a
// conjunction that opens one.
bool ClauseStartsAt(Line& line, size_t i) {
  if (i == 0) return true;
  const Piece& p = line[i - 1];
  if (!p.word()) return p.punct == '.' || p.punct == ',' || p.punct == ';' || p.punct == ':' || p.punct == '(';
  // An opener may itself start the sentence ("Riêng X đã …", "Còn X …").
  const bool opens_sentence = p.cap && (i == 1 || !line[i - 2].word());
  if (!p.lower && !opens_sentence) return false;
  for (const char* w : kClauseOpeners) {
    if (line.Key(i - 1) == w) return true;
  }
  return false;
}

// Whether the name at `i` follows punctuation, the line's start or a
// function word.
bool StandsAlone(Line& line, size_t i) {
  if (i == 0 || !line.IsWord(i - 1)) return true;
  if (!line[i - 1].lower) return false;
  for (const char* w : kBeforeStandingName) {
    if (line.Key(i - 1) == w) return true;
  }
  return false;
}

// Whether a word of agreement comes within the clause's six pieces before
// `i` (the "với" before a party).
bool AgreementBefore(Line& line, size_t i) {
  for (size_t back = 1; back <= 6 && back <= i; ++back) {
    const size_t j = i - back;
    if (!line.IsWord(j)) return false;
    if (line[j].lower && AnyAt(line, j, kAgreementWords)) return true;
  }
  return false;
}

void Propose(const Item& item, std::vector<Candidate>& out) {
  if (item.foreign) out.push_back(Proposed(item.first, item.last, item.last + 1, kOrganization, kBareName));
}

// A company suffix ends the name: "China Merchants Port Holdings".
void FindSuffixedCompanies(Line& line, const VietnameseLists& lists, std::vector<Candidate>& out) {
  for (size_t i = 0; i < line.size(); ++i) {
    const size_t last = ForeignRun(line, i, lists, false);
    if (last == kNone) continue;
    const bool suffixed = last > i && CompanySuffixes().count(line.Raw(last)) > 0;
    bool headed = false;
    for (size_t k = i; k <= last; ++k) headed = headed || (line.IsWord(k) && EnglishHeadType(line, k));
    if (suffixed && !headed) out.push_back(Proposed(i, last, last + 1, kOrganization, kBareName));
    i = last;
  }
}

// "Japan's JOGMEC", "Norway's Telenor": one word or acronym a country owns,
// that ends there.
void FindCountryOwned(Line& line, std::vector<Candidate>& out) {
  for (size_t i = 1; i + 1 < line.size(); ++i) {
    if (!line.IsWord(i - 1) || !line[i - 1].possessive || !EnglishCountries().count(line.Raw(i - 1))) continue;
    if (!IsNameWord(line, i) || line[i].possessive || EnglishHeadType(line, i)) continue;
    // "Vietnam's Minister of …", "Indonesia's House of Representatives":
    // the word opens a longer name, or is an office.
    if (IsCapitalised(line, i + 1) || line.IsPunct(i + 1, '-') || line.KeyIs(i + 1, "of") || line.KeyIs(i + 1, "for") ||
        line.KeyIs(i + 1, "on")) {
      continue;
    }
    if (EnglishOffices().count(line.Raw(i))) continue;
    out.push_back(Proposed(i, i, i + 1, kOrganization, kBareName));
  }
}

// "…, and Zenova Cobalt has spent …", "Hyundai Motor Group and LG Energy
// Solution each hold …": capitalised runs joined by "," and "and", not at a
// sentence's start (where any word is capitalised), then a company's verb
// after at most two adverbs or auxiliaries.
void FindEnglishSubjects(Line& line, std::vector<Candidate>& out) {
  static const std::unordered_set<std::string_view> kBetween = {"has", "have", "had", "each", "also", "jointly",
                                                                "now", "already", "both", "together"};
  for (size_t i = 1; i < line.size(); ++i) {
    if (!IsNameWord(line, i) || IsCapitalised(line, i - 1) || AfterDeterminer(line, i)) continue;
    // After a comma, a semicolon or a lower-case word English capitalises
    // only names.
    if (!(line.IsPunct(i - 1, ',') || line.IsPunct(i - 1, ';') || (line.IsWord(i - 1) && line[i - 1].lower))) continue;
    std::vector<std::pair<size_t, size_t>> items;
    size_t k = i;
    while (true) {
      const size_t first = k;
      while (k < line.size() && k < first + 4 && IsNameWord(line, k) && !line[k].possessive) ++k;
      if (k == first || IsCapitalised(line, k)) break;
      items.emplace_back(first, k - 1);
      if (line.IsPunct(k, ',') && line.KeyIs(k + 1, "and")) k += 2;
      else if (line.IsPunct(k, ',') || line.KeyIs(k, "and")) k += 1;
      else break;
    }
    if (items.empty() || k != items.back().second + 1) continue;
    size_t v = k;
    while (v < k + 2 && line.IsWord(v) && line[v].lower && kBetween.count(line.Raw(v))) ++v;
    if (!line.IsWord(v) || !line[v].lower || !EnglishBodyVerbs().count(line.Raw(v))) continue;
    for (const auto& [first, last] : items) {
      bool headed = false;
      for (size_t j = first; j <= last; ++j) headed = headed || EnglishHeadType(line, j);
      if (!headed) out.push_back(Proposed(first, last, last + 1, kOrganization, kBareName));
    }
    i = k;
  }
}

}  // namespace

// Countries as Vietnamese writes them after "của" (keys: lower case, tone
// marks in the newer placement), the region's and its main partners'.
const std::unordered_set<std::string>& VietnameseCountries() {
  static const std::unordered_set<std::string> words = {
      "mỹ", "hoa kỳ", "nhật bản", "nhật", "pháp", "đức", "anh", "ấn độ", "trung quốc", "hàn quốc", "nga",
      "úc", "australia", "canada", "đan mạch", "na uy", "thụy điển", "hà lan", "bỉ", "ý", "italy",
      "tây ban nha", "thụy sĩ", "phần lan", "áo", "israel", "đài loan", "singapore", "thái lan", "malaysia",
      "indonesia", "philippines", "lào", "campuchia", "myanmar", "brunei", "việt nam", "new zealand",
      "liên bang nga", "ả rập xê út", "qatar", "brazil", "na-uy"};
  return words;
}

bool CouldBeVietnameseSyllable(std::string_view w) {
  static constexpr std::string_view kInitials[] = {"ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th",
                                                   "tr",  "b",  "c",  "d",  "g",  "h",  "k",  "l",  "m",  "n",
                                                   "p",   "r",  "s",  "t",  "v",  "x",  ""};
  static constexpr std::string_view kFinals[] = {"ng", "nh", "ch", "c", "m", "n", "p", "t", ""};
  auto vowel = [](char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y'; };
  for (std::string_view initial : kInitials) {
    if (w.substr(0, initial.size()) != initial) continue;
    size_t k = initial.size();
    size_t vowels = 0;
    while (k < w.size() && vowel(w[k]) && vowels < 3) ++k, ++vowels;
    if (vowels == 0) continue;
    const std::string_view rest = w.substr(k);
    for (std::string_view final_ : kFinals) {
      if (rest == final_) return true;
    }
  }
  return false;
}

void FindForeignOrganizations(Line& line, const VietnameseLists& lists, std::vector<Candidate>& candidates) {
  std::vector<Candidate> found;
  FindSuffixedCompanies(line, lists, found);
  FindCountryOwned(line, found);
  FindEnglishSubjects(line, found);
  for (size_t i = 0; i < line.size(); ++i) {
    if (!IsNameWord(line, i)) continue;
    size_t after = i;
    // "CNES của Pháp", "SSA Marine của Mỹ", where the name stands on its
    // own ("tỉnh X của Lào" is a place, "vốn vay ODA của Nhật Bản" a noun).
    if (const size_t last = ForeignRun(line, i, lists, true); last != kNone && StandsAlone(line, i)) {
      Item item{i, last, true, false};
      AfterItem(line, item);
      if (item.of_country) Propose(item, found);
    }
    const bool by = i > 0 && line.IsWord(i - 1) && line[i - 1].lower &&
                    (line.KeyIs(i - 1, "do") || line.KeyIs(i - 1, "bởi"));
    const bool between = i > 0 && line.KeyIs(i - 1, "giữa") && line[i - 1].lower;
    const bool with = i > 0 && line.KeyIs(i - 1, "với") && line[i - 1].lower && AgreementBefore(line, i - 1);
    const bool subject = ClauseStartsAt(line, i);
    if (!by && !between && !with && !subject) continue;
    const std::vector<Item> items = ListFrom(line, i, lists, candidates, &after);
    if (items.empty()) continue;
    // The subject or agent of a body's verb ("X đã mua …", "do X chế
    // tạo"); the parties after "giữa" (between) or "ký … với" (with).
    const bool acts = (subject || by) && BodyVerbAt(line, after);
    const bool party = with || (between && (items.size() > 1 || line.KeyIs(after, "và")));
    if (!acts && !party) continue;
    for (const auto& item : items) Propose(item, found);
    i = items.back().last;
  }
  for (auto& f : found) candidates.push_back(std::move(f));
}

void FindForeignPersons(Line& line, const VietnameseLists& lists, std::vector<Candidate>& out) {
  constexpr double kPersonBesideRole = 0.6;
  // After a title and the body's own name the person is surer than the
  // title rule's reading of all three words as one name.
  constexpr double kPersonAfterTitleAndBody = 0.65;
  // Two or three capitalised Latin words from `i`, ended by a lower-case
  // word or punctuation; the last piece, or kNone.
  auto name_from = [&](size_t i) -> size_t {
    size_t last = i;
    while (last < line.size() && last < i + 3 && IsNameWord(line, last) && !line[last].acronym &&
           !line[last].possessive && !EnglishHeadType(line, last) && !EnglishOffices().count(line.Raw(last))) {
      ++last;
    }
    if (last - i < 2 || IsCapitalised(line, last)) return kNone;
    return last - 1;
  };
  for (size_t i = 1; i < line.size(); ++i) {
    if (!IsNameWord(line, i) || line[i].acronym) continue;
    size_t last = kNone;
    double confidence = kPersonBesideRole;
    // "Tổng giám đốc IAEA Rafael Grossi", "Chủ tịch Nvidia Jensen Huang",
    // "Tổng Thư ký CITES Ivonne Higuero": a title, the body's acronym or
    // one foreign word, then the person.
    if (i >= 2 && IsForeignWord(line, i - 1)) {
      const size_t t = i - 2;
      const bool title = line.IsWord(t) && (lists.title_words.count(line.Key(t)) ||
                                            (t > 0 && line.KeyIs(t, "ký") && line.KeyIs(t - 1, "thư")) ||
                                            (t > 0 && line.KeyIs(t, "tố") && line.KeyIs(t - 1, "công")));
      if (title) {
        last = name_from(i);
        confidence = kPersonAfterTitleAndBody;
      }
    }
    // "Tổng Công tố Igor Krasnov", "Tổng Thư ký Ivonne Higuero".
    if (last == kNone && i >= 2 && ((line.KeyIs(i - 1, "ký") && line.KeyIs(i - 2, "thư")) ||
                                    (line.KeyIs(i - 1, "tố") && line.KeyIs(i - 2, "công")))) {
      last = name_from(i);
    }
    // "its director Kouqing Li", "Bank Indonesia governor Perry Warjiyo".
    if (last == kNone && line.IsWord(i - 1) && line[i - 1].lower && EnglishRolesBeforeName().count(line.Raw(i - 1))) {
      last = name_from(i);
    }
    // "Daren Tang, who became …": only a person is "who".
    if (last == kNone && !IsCapitalised(line, i - 1) && !AfterDeterminer(line, i)) {
      const size_t end = name_from(i);
      if (end != kNone && line.IsPunct(end + 1, ',') && line.KeyIs(end + 2, "who")) last = end;
    }
    if (last == kNone) continue;
    bool foreign = false;
    for (size_t k = i; k <= last; ++k) foreign = foreign || IsForeignWord(line, k);
    if (!foreign) continue;
    out.push_back(Proposed(i, last, last + 1, "person", confidence));
    i = last;
  }
}

}  // namespace policygraph::indexer::discovery
