// What the latency tools of tests/bench share: nearest-rank percentiles, the
// fixed query mix, and opening a search index.
#pragma once

#include <algorithm>
#include <cstddef>
#include <fstream>
#include <iostream>
#include <string>
#include <utility>
#include <vector>

#include "server/search_service.h"

namespace policygraph::bench {

// DATA/search, the search index a `policygraph index` run wrote under DATA,
// if it is one; "" after saying on stderr why not.
inline std::string CheckedSearchDir(const std::string& data) {
  const std::string search_dir = data + "/search";
  const Status st = server::SearchService::CheckIndex(search_dir);
  if (st.ok()) return search_dir;
  std::cerr << "index at " << search_dir << ": " << st.message() << "\n";
  return "";
}

// The p-th percentile (0 < p <= 100) of `v` by nearest rank; 0 when empty.
inline double Percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  size_t rank = static_cast<size_t>(p / 100.0 * static_cast<double>(v.size()) + 0.999999);
  rank = std::clamp<size_t>(rank, 1, v.size());
  return v[rank - 1];
}

// The query mix (tests/bench/queries.tsv): "class<TAB>query" per line, '#'
// comments; a line without a tab is class "other". False when the file
// cannot be read.
inline bool LoadQueryMix(const std::string& path, std::vector<std::pair<std::string, std::string>>* mix) {
  std::ifstream in(path);
  if (!in) return false;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    auto tab = line.find('\t');
    if (tab == std::string::npos) mix->emplace_back("other", line);
    else mix->emplace_back(line.substr(0, tab), line.substr(tab + 1));
  }
  return true;
}

}  // namespace policygraph::bench
