// The bilingual glossary (corpus/glossary/, format in its README): policy
// terms in English and Vietnamese that mean the same, e.g. cybersecurity ↔
// an ninh mạng. Each entry becomes a concept, matched in text and queries
// like an entity, so that a query in one language finds the other.
#pragma once

#include <string>
#include <vector>

#include "graph/graph_types.h"
#include "graph/status.h"

namespace policygraph::indexer {

// Type given to glossary entries (they never become graph nodes).
inline constexpr char kConceptType[] = "concept";

// Rows: id<TAB>english forms<TAB>vietnamese forms, " | " between forms.
Status ParseGlossary(const std::string& name, const std::string& content,
                     std::vector<graph::Node>* concepts);

// A .tsv file or every .tsv file of a directory; ids unique across files.
Status LoadGlossary(const std::string& path, std::vector<graph::Node>* concepts);

}  // namespace policygraph::indexer
