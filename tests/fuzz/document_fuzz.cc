// Fuzz target: document loading (front matter) and the hand-edited TSV
// formats (gazetteer, glossary), from arbitrary file contents.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "indexer/document.h"
#include "indexer/gazetteer.h"
#include "indexer/glossary.h"

using namespace policygraph;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string content(reinterpret_cast<const char*>(data), size);
  indexer::SourceDocument doc;
  (void)indexer::ParseDocument("fuzz.md", content, &doc);
  std::vector<graph::Node> nodes;
  (void)indexer::ParseGazetteer("fuzz.tsv", content, &nodes);
  nodes.clear();
  (void)indexer::ParseGlossary("fuzz.tsv", content, &nodes);
  return 0;
}
