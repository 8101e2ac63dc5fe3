// Fuzz target: the query language (what anyone can type in the search box),
// then the query builder over an empty lexicon.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "indexer/analyzer.h"
#include "server/query_builder.h"
#include "server/query_parser.h"

using namespace policygraph;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const indexer::Analyzer analyzer;
  std::string_view query(reinterpret_cast<const char*>(data), size);
  server::ParsedQuery parsed;
  if (server::ParseQuery(analyzer, query, &parsed).ok()) (void)server::BuildQuery(parsed, nullptr, nullptr);
  return 0;
}
