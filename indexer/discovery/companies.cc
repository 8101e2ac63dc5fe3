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
      "developer", "provider", "retailer", "platform", "investor", "fund", "group", "network", "maker"};
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
    for (; k < line.size() && line.IsWord(k) && (line[k].cap || line[k].acronym) && k - first < kMaxCompanyNameWords;
         ++k) {
      last = k;
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

}  // namespace policygraph::indexer::discovery
