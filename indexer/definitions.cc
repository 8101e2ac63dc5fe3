#include "indexer/definitions.h"

#include <algorithm>
#include <cctype>

#include "indexer/analyzer.h"

namespace policygraph::indexer {

namespace {

// Longest term considered, in characters and in words: longer "X là" sentences
// are statements, not definitions.
constexpr size_t kMaxTermChars = 100;
constexpr size_t kMaxTermWords = 15;

// Skips a list marker: "13. ", "2) ", "a) ", "đ) ".
size_t SkipListMarker(std::string_view s) {
  size_t i = 0;
  while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
  if (i == 0) {
    // One letter (ASCII or "đ", two bytes) followed by ')'.
    if (s.size() >= 2 && std::isalpha(static_cast<unsigned char>(s[0])) && s[1] == ')') i = 2;
    else if (s.substr(0, 3) == "\xC4\x91)") i = 3;
    else return 0;
  } else if (i < s.size() && (s[i] == '.' || s[i] == ')')) {
    ++i;
  } else {
    return 0;
  }
  while (i < s.size() && s[i] == ' ') ++i;
  return i;
}

bool PlausibleTerm(std::string_view term) {
  if (term.empty() || VisibleLength(term) > kMaxTermChars) return false;
  if (term.find_first_of(",;:()[]\"") != std::string_view::npos) return false;
  const size_t words = static_cast<size_t>(std::count(term.begin(), term.end(), ' ')) + 1;
  return words <= kMaxTermWords;
}

std::optional<std::pair<size_t, size_t>> VietnameseDefinition(std::string_view p) {
  const size_t start = SkipListMarker(p);
  // "X là …" defines. ("X bao gồm: …", an enumeration, is not taken: the
  // article that says what X *is* should come before the one listing its
  // parts, and both would then compete as equals.)
  // " là ", composed (NFC) or decomposed (NFD: a + combining grave).
  const size_t verb = std::min(p.find(" l\xC3\xA0 ", start), p.find(" la\xCC\x80 ", start));
  if (verb == std::string_view::npos || verb == start) return std::nullopt;
  std::string_view term = p.substr(start, verb - start);
  if (!PlausibleTerm(term)) return std::nullopt;
  return std::make_pair(start, verb);
}

std::optional<std::pair<size_t, size_t>> EnglishDefinition(std::string_view p) {
  static const std::pair<std::string_view, std::string_view> kQuotes[] = {
      {"\xE2\x80\x9C", "\xE2\x80\x9D"}, {"\"", "\""}};
  static const std::string_view kVerbs[] = {"means", "includes", "refers to", "shall mean", "has the meaning"};
  for (const auto& [open, close] : kQuotes) {
    const size_t o = p.find(open);
    if (o == std::string_view::npos || o > 80) continue;  // near the start only
    const size_t begin = o + open.size();
    const size_t c = p.find(close, begin);
    if (c == std::string_view::npos) continue;
    std::string_view term = p.substr(begin, c - begin);
    std::string_view rest = p.substr(c + close.size());
    while (!rest.empty() && (rest.front() == ' ' || rest.front() == ',')) rest.remove_prefix(1);
    const bool defines = std::any_of(std::begin(kVerbs), std::end(kVerbs),
                                     [&](std::string_view v) { return rest.substr(0, v.size()) == v; });
    if (defines && !term.empty() && VisibleLength(term) <= kMaxTermChars) return std::make_pair(begin, c);
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::pair<size_t, size_t>> FindDefinedTerm(std::string_view passage) {
  if (auto vi = VietnameseDefinition(passage)) return vi;
  return EnglishDefinition(passage);
}

}  // namespace policygraph::indexer
