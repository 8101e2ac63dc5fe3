// The lexicon: the entities (gazetteer) and concepts (glossary and learned
// translations) an index was built with. Stored in the search index's
// metadata so that queries are matched against exactly the same names.
#pragma once

#include <string>
#include <vector>

#include "graph/graph_types.h"
#include "graph/status.h"

namespace policygraph::indexer {

struct Lexicon {
  std::vector<graph::Node> entities;  // including not_entity rows
  std::vector<graph::Node> concepts;
};

std::string EncodeLexicon(const Lexicon& lexicon);
// An empty string decodes to an empty lexicon; malformed JSON is Corruption.
Status DecodeLexicon(const std::string& encoded, Lexicon* lexicon);

}  // namespace policygraph::indexer
