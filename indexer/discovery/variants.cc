#include "indexer/discovery/variants.h"

#include <string>

#include "indexer/discovery/english_words.h"

namespace policygraph::indexer::discovery {
namespace {

// The name without the pieces [drop_first, drop_last].
std::string TextWithout(const Line& line, const Candidate& c, size_t drop_first, size_t drop_last) {
  std::string out;
  if (drop_first > c.first) out = TextOf(line, c.first, drop_first - 1);
  if (drop_last < c.last) {
    if (!out.empty()) out += ' ';
    out += TextOf(line, drop_last + 1, c.last);
  }
  return out;
}

}  // namespace

void AddVariants(Line& line, Candidate& c, const VietnameseLists& lists) {
  for (size_t i = c.first; i <= c.last; ++i) {
    size_t drop_last = 0;
    if (line.KeyIs(i, "lần") && line.KeyIs(i + 1, "thứ") && i + 2 <= c.last && line.IsWord(i + 2) &&
        (line[i + 2].number || lists.ordinals.count(line.Key(i + 2)))) {
      drop_last = i + 2;
      // "lần thứ 28 và 29"
      if (line.KeyIs(i + 3, "và") && i + 4 <= c.last && line.IsWord(i + 4) && line[i + 4].number) drop_last = i + 4;
    } else if (line.IsWord(i) && IsEnglishOrdinalWord(line.Raw(i))) {
      drop_last = i;
    }
    if (drop_last == 0) continue;
    std::string without = TextWithout(line, c, i, drop_last);
    if (!without.empty() && CountWords(line, c.first, c.last) - (drop_last - i + 1) >= 2) {
      c.variants.push_back(std::move(without));
    }
    break;
  }
  if (line.Raw(c.first) == "The" && c.first < c.last) c.aliases.push_back(TextOf(line, c.first + 1, c.last));
}

}  // namespace policygraph::indexer::discovery
