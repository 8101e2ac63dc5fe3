#include "indexer/discovery/aliases.h"

#include <algorithm>
#include <iterator>
#include <string>
#include <vector>

#include "indexer/discovery/english_words.h"
#include "indexer/discovery/name_types.h"

namespace policygraph::indexer::discovery {
namespace {

// Parenthesised translations longer than this are explanations, not names.
constexpr size_t kMaxTranslationWords = 15;
constexpr size_t kMaxParenthesisPieces = 60;

// A parenthesised translation: capitalised, several words, mostly
// capitalised ("Smart Country 2025 Plan", "The U.S.-ASEAN Smart Cities
// Partnership"), no predicate.
bool IsTranslation(Line& line, size_t first, size_t last, const VietnameseLists& lists) {
  if (!line.IsWord(first) || !line[first].cap) return false;
  size_t words = 0, proper = 0, content = 0;
  for (size_t i = first; i <= last; ++i) {
    if (!line.IsWord(i)) {
      // "(Law No. 69/2020/QH14)": a law cited by its number.
      if (line[i].punct == '.' && i > first && line.KeyIs(i - 1, "no")) continue;
      if (line[i].punct != '-' && !IsDash(line[i].punct) && line[i].punct != '&') return false;
      continue;
    }
    ++words;
    if (line[i].lower && lists.predicates.count(line.Key(i))) return false;
    if (IsEnglishConnector(line, i)) continue;
    ++content;
    proper += IsStrong(line[i]);
  }
  return words >= 2 && words <= kMaxTranslationWords && proper * 2 >= content + 1;
}

void AddAlias(Line& line, Candidate& c, size_t first, size_t last) {
  c.aliases.push_back(TextOf(line, first, last));
  c.alias_spans.emplace_back(line[first].begin, line[last].end);
  if (line.Raw(first) == "The" && first < last) c.aliases.push_back(TextOf(line, first + 1, last));
}

}  // namespace

bool AttachParenthesis(Line& line, Candidate& c, const VietnameseLists& lists) {
  const size_t open = c.next;
  if (!line.IsPunct(open, '(')) return false;
  size_t close = open + 1;
  while (close < line.size() && line[close].punct != ')' && line[close].punct != '(' &&
         close - open < kMaxParenthesisPieces) {
    ++close;
  }
  if (!line.IsPunct(close, ')') || close == open + 1) return false;
  // The first part runs to the first ',' or ';'.
  size_t part_end = open + 1;
  while (part_end < close && line[part_end].punct != ',' && line[part_end].punct != ';') ++part_end;
  const size_t first = open + 1;
  const size_t last = part_end - 1;
  if (IsLoneAcronym(line, first, last)) {
    AddAlias(line, c, first, last);
    return true;
  }
  // "English Name - ACRONYM"
  if (last >= first + 2 && IsLoneAcronym(line, last, last) && IsDash(line[last - 1].punct) &&
      line[last - 1].space_before && IsTranslation(line, first, last - 2, lists)) {
    AddAlias(line, c, first, last - 2);
    AddAlias(line, c, last, last);
    return true;
  }
  if (!IsTranslation(line, first, last, lists)) return false;
  AddAlias(line, c, first, last);
  // "(English Name, ACRONYM)"
  if (part_end < close) {
    size_t second_end = part_end + 1;
    while (second_end < close && line[second_end].punct != ',' && line[second_end].punct != ';') ++second_end;
    if (IsLoneAcronym(line, part_end + 1, second_end - 1)) AddAlias(line, c, part_end + 1, second_end - 1);
  }
  return true;
}

void AttachStatedShortName(Line& line, Candidate& c) {
  static const std::vector<std::vector<std::string_view>> kLeads = {
      {"usually", "shortened", "to"}, {"shortened", "to"}, {"also", "known", "as"}, {"known", "as"},
      {"hereinafter"}, {"gọi", "tắt", "là"}, {"viết", "tắt", "là"}};
  size_t i = c.next;
  if (line.IsPunct(i, ',')) ++i;
  size_t matched = 0;
  for (const auto& lead : kLeads) {
    size_t n = 0;
    while (n < lead.size() && line.KeyIs(i + n, lead[n])) ++n;
    if (n == lead.size()) {
      matched = n;
      break;
    }
  }
  if (matched == 0) return;
  i += matched;
  if (line.KeyIs(i, "the")) ++i;
  constexpr size_t kMaxShortNameWords = 4;
  size_t last = i;
  while (last < line.size() && last < i + kMaxShortNameWords && line.IsWord(last) &&
         (line[last].cap || line[last].acronym)) {
    ++last;
  }
  if (last == i) return;
  AddAlias(line, c, i, last - 1);
}

bool AttachPeriod(Line& line, Candidate& c) {
  static const std::string_view kFrameworks[] = {kLaw, kAgreement, kStrategy, kPlan, kProgramme, kInitiative};
  if (std::find(std::begin(kFrameworks), std::end(kFrameworks), c.type) == std::end(kFrameworks)) return false;
  size_t open = c.next;
  // "… 20 năm (2018-2037)": "năm" after a number of years, which the name
  // left out because a name does not end on it.
  if (line.KeyIs(open, "năm") && line.IsWord(c.last) && line[c.last].number) ++open;
  if (!line.IsPunct(open, '(')) return false;
  size_t close = 0;
  const auto four_digits = [&](size_t i) { return line.IsWord(i) && line.Raw(i).size() == 4 && IsYear(line.Raw(i)); };
  if (line.IsWord(open + 1) && line.Raw(open + 1).size() == 9 && IsYear(line.Raw(open + 1))) {
    close = open + 2;  // "2021-2025" is one piece
  } else if (four_digits(open + 1) && open + 2 < line.size() && IsDash(line[open + 2].punct) &&
             four_digits(open + 3)) {
    close = open + 4;  // "2021 – 2025"
  }
  if (close == 0 || !line.IsPunct(close, ')')) return false;
  c.aliases.push_back(TextOf(line, c.first, c.last));
  c.last = close;
  c.next = close + 1;
  c.trusted = true;
  c.other_ends.clear();
  return true;
}

std::optional<std::string_view> TranslationHeadType(Line& line, size_t open) {
  if (!line.IsPunct(open, '(')) return std::nullopt;
  size_t close = open + 1;
  while (close < line.size() && line[close].punct != ')' && close - open < kMaxParenthesisPieces) ++close;
  if (!line.IsPunct(close, ')') || close < open + 3) return std::nullopt;
  size_t last = close - 1;
  // "… Agreement – CBTA", "… Agreement, CBTA"
  if (last >= open + 3 && IsLoneAcronym(line, last, last) &&
      (IsDash(line[last - 1].punct) || line[last - 1].punct == ',')) {
    last -= 2;
  }
  if (!line.IsWord(last)) return std::nullopt;
  return EnglishHeadType(line, last);
}

}  // namespace policygraph::indexer::discovery
