#include "indexer/discovery/body_name_ends.h"

#include <string>

#include "indexer/discovery/foreign_names.h"

namespace policygraph::indexer::discovery {
namespace {

// A Latin word no Vietnamese syllable spells ("Darmstadt", "Shinhan"): it
// is a whole foreign word, never the first syllable of a compound.
bool IsWholeForeignWord(Line& line, size_t k) {
  if (!line.IsWord(k) || !line[k].ascii || !line[k].cap || line[k].number) return false;
  return !CouldBeVietnameseSyllable(line.Key(k));
}

}  // namespace

bool EndsAfterCompleteWord(Line& line, size_t body, size_t i, const VietnameseLists& lists) {
  if (i <= body || !line.IsWord(i) || !line[i].lower || lists.inner_only.count(line.Key(i))) return false;
  const size_t prev = i - 1;
  if (!line.IsWord(prev) || line[prev].number) return false;
  // "UNESCO Việt Nam điều phối" ends on a run; "UNESCO điều phối" on the acronym.
  if (line[prev].acronym || IsWholeForeignWord(line, prev)) return true;
  // A country's name of two or three syllables, all capitalised, inside the
  // name: "Trung Quốc", "Hàn Quốc", "Nhật Bản". Not any two capitalised
  // syllables: the second may start a word of its own ("Bộ Tư lệnh Vùng
  // Cảnh sát biển", "Ban Chấp hành", "Đoàn Thanh niên").
  if (!line[prev].cap) return false;
  std::string country = line.Key(prev);
  for (size_t k = prev; k > body && k + 3 > prev && line.IsWord(k - 1) && !line[k - 1].lower; --k) {
    country = line.Key(k - 1) + " " + country;
    if (VietnameseCountries().count(country)) return true;
  }
  return false;
}

}  // namespace policygraph::indexer::discovery
