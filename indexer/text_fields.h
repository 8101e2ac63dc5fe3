// Small parsing helpers shared by the loaders of hand-edited files
// (documents' front matter, the gazetteer, the glossary).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace policygraph::indexer {

// Without leading and trailing ASCII whitespace.
std::string Trim(std::string_view s);

// "a | b | c" -> {"a", "b", "c"}; empty items and a lone "-" give nothing.
std::vector<std::string> SplitList(const std::string& field);

// One line's tab-separated fields; a trailing tab gives a trailing "".
std::vector<std::string> SplitTabs(const std::string& line);

}  // namespace policygraph::indexer
