// The set-up the link rules' unit tests share: the document linker run over a
// short text of the test's own, with a small gazetteer the test builds, so
// that each rule can be shown firing (or not) on one or two sentences.
#pragma once

#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "graph/graph_types.h"
#include "indexer/analyzer.h"
#include "indexer/document_links.h"
#include "indexer/entity_matcher.h"

namespace policygraph::testing {

using Link = std::tuple<std::string, std::string, std::string>;  // source, relation, target

// A gazetteer entry with English and Vietnamese names and, optionally, the
// short forms it takes only in pairings ("Mỹ - Trung").
graph::Node MakeNode(std::string id, std::string type, std::vector<std::string> en, std::vector<std::string> vi,
                     std::vector<std::string> pairing = {});

class LinkHarness {
 public:
  explicit LinkHarness(std::vector<graph::Node> entities);

  // Matches the entities of `body` and extracts its links, as the indexer
  // does for one document of that date.
  graph::DocumentContribution Extract(const std::string& body, const std::string& date = "2022-01-01");

  // The typed links of `body` (co-mentions left out).
  std::set<Link> Typed(const std::string& body);

  // Every link of `body`, co-mentions included.
  std::set<Link> All(const std::string& body);

  // The evidence sentences of one link of `body` (a document of `date`).
  std::vector<graph::Evidence> EvidenceOf(const std::string& body, const Link& link,
                                          const std::string& date = "2022-01-01");

 private:
  indexer::Analyzer analyzer_;
  std::vector<graph::Node> entities_;
  indexer::EntityMatcher matcher_;
  indexer::DocumentLinker linker_;
};

}  // namespace policygraph::testing
