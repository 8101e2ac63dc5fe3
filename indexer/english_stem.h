// English stems (Xapian's Snowball "english" stemmer), so that "messages"
// meets "message" and "protection" meets "protecting". Stems join
// inflections, not spellings. Used for English passages at index time and
// for every ASCII query word at query time.
#pragma once

#include <string>
#include <string_view>

namespace policygraph::indexer {

// The stem of a case-folded word, or "" when the word is not plain ASCII
// letters (numbers, Vietnamese) and has no English stem worth indexing.
std::string EnglishStem(std::string_view word);

}  // namespace policygraph::indexer
