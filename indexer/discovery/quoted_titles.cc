#include "indexer/discovery/quoted_titles.h"

#include <optional>

#include "indexer/discovery/english_words.h"
#include "indexer/discovery/name_types.h"

namespace policygraph::indexer::discovery {
namespace {

// A quoted title with a head word may be long ("Chiến lược …, tầm nhìn
// 2030"); one without a head word is a short title or it is not a name.
constexpr size_t kMaxQuotedWords = 40;
constexpr size_t kMaxQuotedTitleWords = 12;

bool IsSentencePunct(UChar32 c) { return c == '.' || c == '?' || c == '!' || c == ';' || c == ':'; }

// Whether the quoted words [first, last] read as a sentence rather than a
// title.
bool QuoteIsNotATitle(Line& line, size_t first, size_t last, const VietnameseLists& lists) {
  for (size_t i = first; i <= last; ++i) {
    if (!line.IsWord(i)) {
      if (IsSentencePunct(line[i].punct) || IsQuote(line[i].punct)) return true;
      continue;
    }
    if (line[i].lower && lists.predicates.count(line.Key(i)) && !EndsCompound(line, i)) return true;
  }
  return false;
}

// Title-case prefix of a long quoted title, before the first ", lower-case"
// ("Chiến lược An toàn, An ninh mạng quốc gia, chủ động …" gives
// "Chiến lược An toàn, An ninh mạng quốc gia").
void AddCommaPrefixAlias(Line& line, Candidate& c) {
  for (size_t i = c.first + 2; i < c.last; ++i) {
    if (line.IsPunct(i, ',') && line.IsWord(i + 1) && line[i + 1].lower) {
      if (CountWords(line, c.first, i - 1) >= 2) c.aliases.push_back(TextOf(line, c.first, i - 1));
      return;
    }
  }
}

// Whether quoted words [first, last] without a head word read as the
// title of something ("Con đường tơ lụa kỹ thuật số", "Vành đai và Con
// đường") rather than a quoted term, label or honour ("Nhà thầu phụ",
// "Huân chương Lao động", "Singapore telephone number").
bool IsHeadlessTitle(Line& line, size_t first, size_t last, const VietnameseLists& lists) {
  const size_t words = CountWords(line, first, last);
  if (words < 2 || words > kMaxQuotedTitleWords) return false;
  if (EnglishDeterminers().count(line.Raw(first)) && line.Raw(first) != "The") return false;
  if (MatchesAny(line, first, lists.honours_by_first)) return false;
  size_t inner_capitals = 0, strong = 0, content = 0, all_caps = 0;
  bool ascii = true;
  for (size_t i = first; i <= last; ++i) {
    if (!line.IsWord(i)) {
      if (line[i].punct == ',') return false;  // a list or a clause, not a title
      continue;
    }
    ascii = ascii && line[i].ascii;
    all_caps += line[i].acronym;
    if (i > first && line[i].cap) ++inner_capitals;
    if (IsEnglishConnector(line, i)) continue;
    ++content;
    strong += IsStrong(line[i]);
  }
  if (all_caps == words) return false;  // a heading in capitals
  // English titles capitalise their words; a quoted lower-case English
  // phrase is a defined term.
  if (ascii && strong * 2 < content + 1) return false;
  // Two or three lower-case syllables after a capital are one Vietnamese
  // compound noun ("Nhà thầu phụ"), not a title.
  return inner_capitals > 0 || words >= 4;
}

std::optional<Candidate> QuotedTitle(Line& line, size_t open, size_t close, const VietnameseLists& lists) {
  size_t first = open + 1;
  size_t last = close - 1;
  if (close <= open + 1) return std::nullopt;
  // Trailing punctuation inside the quotes is not part of the title.
  while (last > first && !line.IsWord(last) && !line.IsPunct(last, ')')) --last;
  if (!line.IsWord(first) || !line[first].cap) return std::nullopt;
  const size_t words = CountWords(line, first, last);
  if (words < 2 || words > kMaxQuotedWords) return std::nullopt;
  if (QuoteIsNotATitle(line, first, last, lists)) return std::nullopt;

  Candidate c;
  c.first = first;
  c.last = last;
  c.next = close + 1;
  c.quoted = true;
  size_t head_length = 0;
  if (const Head* head = VietnameseHeadAt(line, first, lists, &head_length); head && words > head_length) {
    c.type = head->type;
    c.confidence = kQuotedWithHead;
  } else if (const Head* before = VietnameseHeadBefore(line, open, lists)) {
    c.type = before->type;
    c.confidence = kQuotedWithHead;
  } else if (const auto english = EnglishTypeOfRun(line, first, last); english && words >= 2) {
    c.type = *english;
    c.confidence = kQuotedWithHead;
  } else {
    if (!IsHeadlessTitle(line, first, last, lists)) return std::nullopt;
    c.type = kInitiative;
    c.confidence = kQuotedWithoutHead;
  }
  if (c.confidence == kQuotedWithHead) AddCommaPrefixAlias(line, c);
  return c;
}

}  // namespace

void FindQuoted(Line& line, const VietnameseLists& lists, std::vector<Candidate>& out,
                std::vector<std::pair<size_t, size_t>>& defined) {
  for (size_t i = 0; i < line.size(); ++i) {
    const UChar32 close_char = ClosingQuote(line[i].punct);
    if (close_char == 0) continue;
    size_t close = i + 1;
    while (close < line.size() && line[close].punct != close_char && close - i <= 2 * kMaxQuotedWords) ++close;
    if (close >= line.size() || line[close].punct != close_char) continue;
    if (line.IsWord(close + 1) && lists.definition_verbs.count(line.Key(close + 1))) {
      defined.emplace_back(i, close);
    } else if (auto c = QuotedTitle(line, i, close, lists)) {
      out.push_back(std::move(*c));
    }
    i = close;  // straight quotes pair up in order
  }
}

}  // namespace policygraph::indexer::discovery
