#include "indexer/text_fields.h"

#include <cctype>

namespace policygraph::indexer {

std::string Trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  return std::string(s.substr(b, e - b));
}

std::vector<std::string> SplitList(const std::string& field) {
  std::vector<std::string> items;
  if (Trim(field) == "-") return items;
  size_t start = 0;
  while (start <= field.size()) {
    size_t bar = field.find('|', start);
    if (bar == std::string::npos) bar = field.size();
    std::string item = Trim(std::string_view(field).substr(start, bar - start));
    if (!item.empty()) items.push_back(item);
    start = bar + 1;
  }
  return items;
}

std::vector<std::string> SplitTabs(const std::string& line) {
  std::vector<std::string> fields;
  size_t start = 0;
  for (;;) {
    size_t tab = line.find('\t', start);
    if (tab == std::string::npos) {
      fields.push_back(line.substr(start));
      return fields;
    }
    fields.push_back(line.substr(start, tab - start));
    start = tab + 1;
  }
}

}  // namespace policygraph::indexer
