// Gold entities and links for one article (the format of
// shared/eval/seed-entities.tsv and seed-links.tsv), and how extracted nodes
// and edges are matched against them. Shared by `policygraph eval-graph`,
// which scores the extractor, and `policygraph train-links`, which labels
// candidate pairs with the same matching so that what it learns is what
// eval-graph counts.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <ostream>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "graph/graph_store.h"
#include "graph/graph_types.h"
#include "graph/status.h"
#include "indexer/analyzer.h"
#include "indexer/corpus_indexer.h"
#include "indexer/document.h"
#include "server/work_directory.h"

namespace policygraph::server {

struct GoldEntity {
  std::string key, type;
  std::vector<std::string> forms;
};
struct GoldLink {
  std::string a, relation, b;
  std::set<uint32_t> paragraphs;
};

// Both files; every link's ends must be keys of the entities file.
Status LoadGold(const std::string& entities_path, const std::string& links_path, std::vector<GoldEntity>* entities,
                std::vector<GoldLink>* links);

// The gold files' type for a node type: every kind of framework is one.
std::string TypeClass(const std::string& type);

// 0-based index of the non-empty line holding byte `offset` of `body`.
uint32_t ParagraphAt(std::string_view body, uint32_t offset);

// Gold key -> ids of the nodes that hold it: a node of the right type class
// with one of its surface forms among its names (compared as tokens).
using GoldNodes = std::map<std::string, std::set<std::string>>;
GoldNodes MapGoldEntities(const std::vector<graph::Node>& nodes, const std::vector<GoldEntity>& gold,
                          const indexer::Analyzer& analyzer);

// One article indexed on its own into a work directory, the way eval-graph
// scores it and train-links learns from it: its graph opened read-only, its
// nodes, and which gold entity each one is. `work` owns the data directory,
// so it is declared first and outlives the store.
struct IndexedArticle {
  WorkDirectory work;
  indexer::SourceDocument doc;
  std::unique_ptr<graph::GraphStore> store;
  std::vector<graph::Node> nodes;
  GoldNodes nodes_of;
};

// `link_model` "": the rules alone (IndexOptions::link_model). `work_dir`
// empty: a temporary directory. `observe` (may be null) sees each sentence
// the linker reads; `progress` (may be null) gets one line before the
// indexing starts.
Status IndexArticle(const std::string& file, const std::vector<GoldEntity>& gold_entities,
                    const std::string& gazetteer, const std::string& link_model, const std::string& work_dir,
                    indexer::SentenceObserver observe, std::ostream* progress, IndexedArticle* out);

// Whether an edge with evidence in `paragraphs` is the gold link `g`: the
// right relation, its ends g's (either way round for cooperation), and one
// of the paragraphs g's.
bool EdgeMatches(const graph::EdgeKey& edge, const std::set<uint32_t>& paragraphs, const GoldLink& g,
                 const GoldNodes& nodes_of);

}  // namespace policygraph::server
