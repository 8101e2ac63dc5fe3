// Nearest-rank percentiles, for the latency tools of tests/bench.
#pragma once

#include <algorithm>
#include <cstddef>
#include <vector>

namespace policygraph::bench {

// The p-th percentile (0 < p <= 100) of `v` by nearest rank; 0 when empty.
inline double Percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  size_t rank = static_cast<size_t>(p / 100.0 * static_cast<double>(v.size()) + 0.999999);
  rank = std::clamp<size_t>(rank, 1, v.size());
  return v[rank - 1];
}

}  // namespace policygraph::bench
