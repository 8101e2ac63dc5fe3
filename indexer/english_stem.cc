#include "indexer/english_stem.h"

#include <xapian.h>

#include <algorithm>

namespace policygraph::indexer {

std::string EnglishStem(std::string_view word) {
  if (word.size() < 3 || !std::all_of(word.begin(), word.end(), [](char c) { return c >= 'a' && c <= 'z'; })) {
    return "";
  }
  // A Xapian::Stem keeps working state, so each thread has its own.
  thread_local Xapian::Stem stemmer("english");
  return stemmer(std::string(word));
}

}  // namespace policygraph::indexer
