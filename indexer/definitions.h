// Definitions: the passage that defines a term is the best answer to a
// search for that term. Laws define their terms in a fixed form, which this
// finds so that the indexer can mark the term being defined:
//   "13. Sự cố an ninh mạng là sự việc bất ngờ …"     (Vietnamese: TERM là …)
//   "“personal data” means any information …"        (English: "TERM" means …)
#pragma once

#include <optional>
#include <string_view>
#include <utility>

namespace policygraph::indexer {

// The byte span, within `passage`, of the term it defines; nullopt when it
// is not a definition.
std::optional<std::pair<size_t, size_t>> FindDefinedTerm(std::string_view passage);

}  // namespace policygraph::indexer
