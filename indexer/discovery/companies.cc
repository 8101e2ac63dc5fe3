#include "indexer/discovery/companies.h"

#include <string_view>
#include <unordered_set>

#include "indexer/discovery/english_words.h"
#include "indexer/discovery/name_types.h"

namespace policygraph::indexer::discovery {
namespace {

constexpr const char* kCompanyWords[] = {"công ty", "tập đoàn", "hãng"};
constexpr size_t kMaxDescriptorWords = 4;
constexpr size_t kMaxCompanyNameWords = 5;
constexpr double kAfterCompanyWord = 0.6;

// English nouns for a company (FindEnglishCompanies).
const std::unordered_set<std::string_view>& EnglishCompanyWords() {
  static const std::unordered_set<std::string_view> words = {
      "firm", "company", "chipmaker", "carmaker", "automaker", "conglomerate", "giant", "startup",
      "start-up", "operator", "carrier", "lender", "insurer", "manufacturer", "shipyard", "shipbuilder",
      "developer", "provider", "retailer", "platform", "investor", "fund", "group", "network", "maker",
      // Public bodies are named the same way: "the Norwegian agency Norad".
      "agency", "regulator", "subsidiary", "utility", "airline", "miner", "refiner", "consortium"};
  return words;
}

}  // namespace

void FindCompanies(Line& line, const VietnameseLists& lists, std::vector<Candidate>& out) {
  for (size_t i = 0; i + 1 < line.size(); ++i) {
    if (!line.IsWord(i) || !line[i].lower) continue;
    size_t length = 0;
    for (const char* word : kCompanyWords) {
      const std::string_view w(word);
      const size_t space = w.find(' ');
      if (space == std::string_view::npos ? line.KeyIs(i, w)
                                          : line.KeyIs(i, w.substr(0, space)) && line.KeyIs(i + 1, w.substr(space + 1))) {
        length = space == std::string_view::npos ? 1 : 2;
        break;
      }
    }
    if (length == 0) continue;
    size_t k = i + length;
    size_t descriptors = 0;
    while (k < line.size() && line.IsWord(k) && line[k].lower && !IsVietnameseStop(line, k, lists) &&
           descriptors < kMaxDescriptorWords) {
      ++k, ++descriptors;
    }
    size_t first = k, last = k;
    for (; k < line.size() && k - first < kMaxCompanyNameWords; ++k) {
      if (line.IsWord(k) && (line[k].cap || line[k].acronym)) {
        last = k;
        continue;
      }
      // "công ty Eyes on Earth": an English little word between capitalised
      // Latin words; "hãng tàu Mitsui O.S.K. Lines": the dot closing an
      // abbreviation.
      const bool connector = line.IsWord(k) && line[k].ascii && k > first && line[k - 1].ascii &&
                             IsEnglishConnector(line, k) && line.IsWord(k + 1) && line[k + 1].cap && line[k + 1].ascii;
      const bool abbreviation_dot = line.IsPunct(k, '.') && k > first && line.Raw(k - 1).find('.') != std::string_view::npos &&
                                    line.IsWord(k + 1) && line[k + 1].cap && line[k + 1].space_before;
      if (!connector && !abbreviation_dot) break;
    }
    if (k == first) continue;
    out.push_back(Proposed(first, last, last + 1, kOrganization, kAfterCompanyWord));
  }
}

void FindEnglishCompanies(Line& line, std::vector<Candidate>& out) {
  for (size_t i = 0; i + 1 < line.size(); ++i) {
    if (!line.IsWord(i) || !line[i].lower || !EnglishCompanyWords().count(line.Raw(i))) continue;
    size_t k = i + 1;
    if (!line.IsWord(k) || !(line[k].cap || line[k].acronym) || EnglishDeterminers().count(line.Raw(k))) continue;
    size_t last = k;
    for (; k < line.size() && k - (i + 1) < kMaxCompanyNameWords; ++k) {
      if (line.IsWord(k) && (line[k].cap || line[k].acronym || (line[k].number && k > i + 1))) {
        last = k;
        if (line[k].possessive) break;
        continue;
      }
      if (line.IsPunct(k, '&') && line.IsWord(k + 1) && line[k + 1].cap) continue;  // "Larsen & Toubro"
      break;
    }
    if (EnglishHeadType(line, last)) continue;  // "the company Audit Committee": rule 3's
    out.push_back(Proposed(i + 1, last, last + 1, kOrganization, kAfterCompanyWord));
    i = last;
  }
}

void FindAppositiveCompanies(Line& line, const VietnameseLists& lists, std::vector<Candidate>& out) {
  // "Bio Farma, doanh nghiệp dược nhà nước …", "Arcturus Therapeutics, một
  // công ty của Mỹ": the descriptor may follow "một" (a).
  static const char* kDescribing[] = {"tập đoàn", "công ty", "hãng", "sàn", "ngân hàng", "quỹ", "nền tảng",
                                      "doanh nghiệp"};
  for (size_t comma = 2; comma + 1 < line.size(); ++comma) {
    if (!line.IsPunct(comma, ',')) continue;
    const size_t d0 = comma + 1 + (line.KeyIs(comma + 1, "một") && line[comma + 1].lower ? 1 : 0);
    bool described = false;
    for (const char* d : kDescribing) {
      const std::string_view w(d);
      const size_t space = w.find(' ');
      described = described || (space == std::string_view::npos
                                    ? line.KeyIs(d0, w) && line[d0].lower
                                    : line.KeyIs(d0, w.substr(0, space)) && line[d0].lower &&
                                          line.KeyIs(d0 + 1, w.substr(space + 1)));
    }
    if (!described) continue;
    size_t first = comma;
    while (first > 0 && line.IsWord(first - 1) && line[first - 1].cap && line[first - 1].ascii && comma - first < 3) {
      --first;
    }
    if (first == comma || first == 0 || !line.IsWord(first - 1) || !line[first - 1].lower) continue;
    size_t head_length = 0;
    if (VietnameseHeadAt(line, first, lists, &head_length)) continue;
    out.push_back(Proposed(first, comma - 1, comma, kOrganization, kAfterCompanyWord));
  }
}

namespace {

// The last piece of a list item from `k` written as a Latin-script name:
// one to four capitalised words or acronyms ("Kasikornbank", "EVN
// International", "CH. Karnchang") that end the item. Returns 0 if none.
size_t LatinListItem(Line& line, size_t k) {
  constexpr size_t kMaxItemPieces = 5;
  size_t last = 0;
  for (size_t j = k; j < line.size() && j < k + kMaxItemPieces; ++j) {
    if (line.IsWord(j) && line[j].ascii && (line[j].cap || line[j].acronym) && !EnglishDeterminers().count(line.Raw(j)) &&
        !line[j].possessive && !EnglishHeadType(line, j)) {
      last = j;
      continue;
    }
    // "CH. Karnchang": an abbreviation's dot inside the name.
    if (line.IsPunct(j, '.') && last + 1 == j && line[last].acronym && line.IsWord(j + 1) && line[j + 1].cap) continue;
    break;
  }
  if (last < k) return 0;
  // The item ends there: a separator, punctuation or the line's end.
  if (line.IsWord(last + 1) && !line.KeyIs(last + 1, "và") && !line.KeyIs(last + 1, "and")) return 0;
  return last;
}

bool IsListSeparator(Line& line, size_t k) {
  return line.IsPunct(k, ',') || line.KeyIs(k, "và") || line.KeyIs(k, "and");
}

}  // namespace

void FindListedCompanies(Line& line, const VietnameseLists& lists, std::vector<Candidate>& candidates) {
  std::vector<Candidate> found;
  auto starting_at = [&](size_t k) -> const Candidate* {
    for (const auto& c : candidates) {
      if (c.first == k) return &c;
    }
    return nullptr;
  };
  auto inside_any = [&](size_t first, size_t last) {
    for (const auto& c : candidates) {
      if (c.first <= last && first <= c.last) return true;
    }
    return false;
  };
  const size_t count = candidates.size();
  for (size_t n = 0; n < count; ++n) {
    const Candidate c = candidates[n];
    // Only a list led by a Vietnamese head ("Ngân hàng …", "Tập đoàn …"):
    // English lists of bodies ("the Council, the Commission and …") are
    // read by the English rules, and a comma there also lists the words of
    // one name ("… Industrial, Technology and Research Competence Centre").
    size_t head_length = 0;
    if (c.type != kOrganization || c.quoted || !VietnameseHeadAt(line, c.first, lists, &head_length)) continue;
    // Items after it: ", X", "và X", ", và X".
    for (size_t k = c.next; k < line.size() && IsListSeparator(line, k);) {
      size_t start = k + 1;
      if (line.IsPunct(k, ',') && (line.KeyIs(start, "và") || line.KeyIs(start, "and"))) ++start;
      if (const Candidate* other = starting_at(start)) {
        if (other->type != kOrganization) break;
        k = other->next;
        continue;
      }
      const size_t last = LatinListItem(line, start);
      if (last == 0 || inside_any(start, last)) break;
      found.push_back(Proposed(start, last, last + 1, kOrganization, kAfterCompanyWord));
      k = last + 1;
    }
    // The item before "X, <c>", opening the list after a lower-case word
    // ("giữa Hydrolancang International Energy, Tập đoàn Royal Group …").
    if (c.first >= 2 && line.IsPunct(c.first - 1, ',')) {
      size_t first = c.first - 1;
      while (first > 0 && c.first - first <= 4 && line.IsWord(first - 1) && line[first - 1].ascii &&
             (line[first - 1].cap || line[first - 1].acronym) && !line[first - 1].possessive) {
        --first;
      }
      if (first < c.first - 1 && first > 0 && line.IsWord(first - 1) && line[first - 1].lower &&
          !EnglishDeterminers().count(line.Raw(first)) && !inside_any(first, c.first - 2)) {
        found.push_back(Proposed(first, c.first - 2, c.first - 1, kOrganization, kAfterCompanyWord));
      }
    }
  }
  for (auto& f : found) {
    if (!starting_at(f.first)) candidates.push_back(std::move(f));
  }
}

}  // namespace policygraph::indexer::discovery
