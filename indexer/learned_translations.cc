#include "indexer/learned_translations.h"

#include <algorithm>
#include <map>

#include "indexer/glossary.h"
#include "indexer/text_fields.h"

namespace policygraph::indexer {

namespace {

// Longest forms considered: a title of a dozen words, a name of ten.
constexpr size_t kMaxTitleChars = 150;
constexpr size_t kMaxNameBytes = 100;

bool HasLetter(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)); });
}

bool IsAscii(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

}  // namespace

std::vector<graph::Node> LearnTranslations(std::string_view text, const Analyzer& analyzer) {
  static const std::pair<std::string_view, std::string_view> kQuotes[] = {
      {"\xE2\x80\x9C", "\xE2\x80\x9D"},  // “ ”
      {"\"", "\""}};
  std::map<std::string, graph::Node> found;
  for (const auto& [open, close] : kQuotes) {
    size_t pos = 0;
    while ((pos = text.find(open, pos)) != std::string_view::npos) {
      const size_t title_begin = pos + open.size();
      const size_t title_end = text.find(close, title_begin);
      if (title_end == std::string_view::npos) break;
      pos = title_end + close.size();
      const std::string_view title = text.substr(title_begin, title_end - title_begin);
      if (title.empty() || VisibleLength(title) > kMaxTitleChars || title.find('\n') != std::string_view::npos) {
        continue;
      }
      size_t p = pos;
      while (p < text.size() && text[p] == ' ') ++p;
      if (p >= text.size() || text[p] != '(') continue;
      const size_t paren_end = text.find(')', p);
      if (paren_end == std::string_view::npos) continue;
      std::string_view name = text.substr(p + 1, paren_end - p - 1);
      // "(The U.S.-ASEAN Smart Cities Partnership, kết nối …)": the name
      // stops at the first comma or semicolon.
      name = name.substr(0, std::min(name.find(','), name.find(';')));
      const std::string english = Trim(name);
      if (english.empty() || english.size() > kMaxNameBytes || !IsAscii(english) || !HasLetter(english)) {
        continue;
      }
      if (analyzer.DetectLanguage(title) != Language::kVietnamese) continue;
      std::string id = kLearnedPrefix + analyzer.Fold(english);
      graph::Node& node = found[id];
      node.id = id;
      node.type = kConceptType;
      const std::string vietnamese(title);
      if (std::find(node.names_vi.begin(), node.names_vi.end(), vietnamese) == node.names_vi.end()) {
        node.names_vi.push_back(vietnamese);
      }
      if (node.names_en.empty()) node.names_en.push_back(english);
    }
  }
  std::vector<graph::Node> out;
  for (auto& [_, node] : found) out.push_back(std::move(node));
  return out;
}

void MergeConcepts(std::vector<graph::Node>* into, const std::vector<graph::Node>& more) {
  std::map<std::string, size_t> index;
  for (size_t i = 0; i < into->size(); ++i) index[(*into)[i].id] = i;
  for (const auto& node : more) {
    auto it = index.find(node.id);
    if (it == index.end()) {
      index[node.id] = into->size();
      into->push_back(node);
      continue;
    }
    graph::Node& target = (*into)[it->second];
    for (const auto& n : node.names_en) {
      if (std::find(target.names_en.begin(), target.names_en.end(), n) == target.names_en.end()) {
        target.names_en.push_back(n);
      }
    }
    for (const auto& n : node.names_vi) {
      if (std::find(target.names_vi.begin(), target.names_vi.end(), n) == target.names_vi.end()) {
        target.names_vi.push_back(n);
      }
    }
  }
}

}  // namespace policygraph::indexer
