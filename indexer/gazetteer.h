// The gazetteer: the hand-edited list of known entities (corpus/gazetteer/,
// format in corpus/gazetteer/README.md). One TSV row per entity:
//   id  type  wikidata  names_en  names_vi  member_of
// with " | " between list items; the first name in each list is the display
// name in that language.
#pragma once

#include <string>
#include <vector>

#include "graph/graph_types.h"
#include "graph/status.h"

namespace policygraph::indexer {

// Type of rows that name phrases which look like entities but are not (the
// Indian Ocean, "Ấn Độ Dương", is not India). They take part in matching so
// that the longest match wins, and never become nodes.
inline constexpr char kNotEntityType[] = "not_entity";
// A capital city: its names stand for the country in `member_of` where the
// city acts ("Bắc Kinh phản đối", "Tokyo's loans") and for nothing where it
// is a place ("tại Tokyo", "in Manila"). Never a node of the graph.
inline constexpr char kCapitalType[] = "capital";
// A generic state body named with its state ("Quốc hội Việt Nam", "US
// Congress"): like a capital, its names stand for the country in
// `member_of` where it acts ("Quốc hội Việt Nam thông qua Luật …" is
// Vietnam's enactment, as the gold sets read it) and it is never a node.
inline constexpr char kStateBodyType[] = "state_body";
// Capitals and state bodies: rows whose names stand for their country.
inline bool StandsForItsCountry(const std::string& type) { return type == kCapitalType || type == kStateBodyType; }

bool IsKnownEntityType(const std::string& type);

// Parses one gazetteer file's content; `name` is used in messages.
Status ParseGazetteer(const std::string& name, const std::string& content,
                      std::vector<graph::Node>* entities);

// Loads a gazetteer file, or every *.tsv file of a directory. Ids must be
// unique across files and every member_of id must exist.
Status LoadGazetteer(const std::string& path, std::vector<graph::Node>* entities);

}  // namespace policygraph::indexer
