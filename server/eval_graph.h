// `policygraph eval-graph`: builds the graph from one document and scores
// its entities and typed links against a careful reader's (gold files in the
// format of shared/eval/seed-entities.tsv and seed-links.tsv).
//
// An entity counts when a node of the right type (law, agreement, strategy,
// plan, programme and initiative all count as "framework") holds one of its
// surface forms as a name, linked to the document; precision is over every
// node linked to the document. A link counts when an edge of the right type
// joins nodes of the two entities (either direction for cooperation) with
// evidence in one of the named paragraphs (0-based non-empty lines);
// precision is over every typed edge (not co_mention) with evidence in it.
#pragma once

#include <ostream>
#include <string>

#include "graph/status.h"

namespace policygraph::server {

struct GraphEvalOptions {
  std::string file;           // the document (.txt or .md)
  std::string gold_entities;  // key, type, surface forms
  std::string gold_links;     // a, class, b, paragraphs
  // The indexer's; the defaults are `policygraph index`'s, so that what is
  // measured is what ships.
  std::string gazetteer = "corpus/gazetteer";
  std::string link_model;  // "" = the rules alone; the CLI's default is the shipped model
  std::string work_dir;  // "" = a temporary directory
  bool verbose = false;  // list what was missed and what was found wrongly
  bool as_json = false;
};

Status RunGraphEval(const GraphEvalOptions& options, std::ostream& out, std::ostream& progress);

}  // namespace policygraph::server
