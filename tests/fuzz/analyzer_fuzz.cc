// Fuzz target: the analyser and everything that reads raw document text
// (dates, discovery, passages, definitions), on arbitrary bytes.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "indexer/analyzer.h"
#include "indexer/dates.h"
#include "indexer/definitions.h"
#include "indexer/entity_discovery.h"
#include "indexer/passages.h"

using namespace policygraph::indexer;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const Analyzer analyzer;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto tokens = analyzer.Tokenize(text);
  for (const auto& t : tokens) {
    if (t.begin > t.end || t.end > text.size()) __builtin_trap();  // spans must lie in the input
  }
  for (const auto& s : analyzer.Sentences(text)) {
    if (s.begin > s.end || s.end > text.size()) __builtin_trap();
  }
  (void)analyzer.Exact(text);
  (void)analyzer.Fold(text);
  (void)analyzer.DetectLanguage(text);
  (void)VisibleLength(text);
  (void)TruncateUtf8(text, size / 2);
  for (const auto& d : FindDates(text, "2022")) {
    if (d.begin > d.end || d.end > text.size()) __builtin_trap();
  }
  for (const auto& n : DiscoverNames(text, analyzer)) {
    if (n.begin > n.end || n.end > text.size()) __builtin_trap();
  }
  for (const auto& p : SplitPassages(text, analyzer)) {
    if (p.begin > p.end || p.end > text.size()) __builtin_trap();
  }
  (void)FindDefinedTerm(text);
  return 0;
}
