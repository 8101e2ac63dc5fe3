// Cutting a document into passages, the unit of search: an analyst lands on
// the paragraph or clause that answers, not on a 300-article law.
//
// A passage is one non-empty line (a paragraph, a clause of an article), cut
// further at sentence boundaries when it is longer than kMaxPassageChars.
// Heading lines (markdown "#", "Chương", "Mục", "Điều 5.", "Chapter", "Part",
// "Section", "Article 5") give their text as the heading of the passages
// that follow them, where it is indexed; a heading line is a passage of its
// own only when no passage follows it (a heading-only passage would be all
// heading and rank on nothing else).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "indexer/analyzer.h"

namespace policygraph::indexer {

// In characters (VisibleLength), so that NFC and NFD text split alike.
constexpr size_t kMaxPassageChars = 1000;

struct Passage {
  uint32_t begin = 0;  // byte span in the document body
  uint32_t end = 0;
  std::string heading;  // nearest heading above (or this passage's own), "" if none
  bool is_heading = false;
};

std::vector<Passage> SplitPassages(std::string_view body, const Analyzer& analyzer);

// True for a line that starts a section (see above); `line` is trimmed.
bool IsHeadingLine(std::string_view line);

}  // namespace policygraph::indexer
