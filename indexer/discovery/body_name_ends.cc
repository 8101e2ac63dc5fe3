#include "indexer/discovery/body_name_ends.h"

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
  // Two capitalised Vietnamese syllables together inside the name, not the
  // head's: "Trung Quốc", "Hàn Quốc" (but "Bộ Công an": "Bộ" is the head).
  // After a foreign word the capitalised syllable may start a compound of
  // its own ("Ủy ban sông Mekong Quốc gia Campuchia").
  return line[prev].cap && prev > body && line.IsWord(prev - 1) && line[prev - 1].cap && !line[prev - 1].number &&
         !line[prev - 1].acronym && !IsWholeForeignWord(line, prev - 1);
}

}  // namespace policygraph::indexer::discovery
