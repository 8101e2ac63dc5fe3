#include "indexer/write_parts.h"

#include <algorithm>

namespace policygraph::indexer {

std::vector<size_t> SplitByText(const std::vector<uint64_t>& before, size_t parts) {
  const size_t n = before.size() - 1;
  std::vector<size_t> bounds = {0};
  size_t i = 0;
  for (size_t k = 1; k < parts; ++k) {
    const uint64_t target = before[n] * k / parts;
    // A document goes to the run that holds more of it.
    while (i < n && before[i] + (before[i + 1] - before[i]) / 2 < target) ++i;
    i = std::clamp(i, bounds.back() + 1, n - (parts - k));
    bounds.push_back(i);
  }
  bounds.push_back(n);
  return bounds;
}

WriteParts::WriteParts(std::vector<uint64_t> text_before, size_t writers, uint64_t min_part_text, size_t max_parts)
    : text_before_(std::move(text_before)), min_part_text_(min_part_text), max_parts_(std::max(max_parts, writers)) {
  const std::vector<size_t> bounds = SplitByText(text_before_, writers);
  for (size_t k = 0; k + 1 < bounds.size(); ++k) parts_.push_back({bounds[k], bounds[k + 1], bounds[k]});
}

size_t WriteParts::Begin(size_t part) const {
  std::lock_guard<std::mutex> lock(mutex_);
  return parts_.at(part).begin;
}

size_t WriteParts::End(size_t part) const {
  std::lock_guard<std::mutex> lock(mutex_);
  return parts_.at(part).end;
}

bool WriteParts::MayWrite(size_t part, size_t doc) {
  std::lock_guard<std::mutex> lock(mutex_);
  Part& p = parts_.at(part);
  if (doc >= p.end) return false;
  p.next = doc + 1;
  return true;
}

std::optional<size_t> WriteParts::TakeFarHalf() {
  std::lock_guard<std::mutex> lock(mutex_);
  if (parts_.size() >= max_parts_) return std::nullopt;
  // The part with the most text left.
  size_t best = parts_.size();
  for (size_t k = 0; k < parts_.size(); ++k) {
    const Part& p = parts_[k];
    if (p.next >= p.end) continue;
    if (best == parts_.size() || Text(p.next, p.end) > Text(parts_[best].next, parts_[best].end)) best = k;
  }
  if (best == parts_.size()) return std::nullopt;
  Part& p = parts_[best];
  // Its writer may be about to write `next`: the split comes after it,
  // where the text left is halved, each half at least min_part_text_.
  const size_t from = p.next + 1;
  if (from >= p.end) return std::nullopt;
  const uint64_t half = text_before_[p.next] + Text(p.next, p.end) / 2;
  const size_t mid = std::max(
      from, static_cast<size_t>(std::lower_bound(text_before_.begin() + from, text_before_.begin() + p.end, half) -
                                text_before_.begin()));
  if (mid >= p.end || Text(p.next, mid) < min_part_text_ || Text(mid, p.end) < min_part_text_) return std::nullopt;
  parts_.push_back({mid, p.end, mid});
  parts_[best].end = mid;  // (p may have moved with the push_back)
  return parts_.size() - 1;
}

std::vector<size_t> WriteParts::InOrder() const {
  std::lock_guard<std::mutex> lock(mutex_);
  std::vector<size_t> order(parts_.size());
  for (size_t k = 0; k < order.size(); ++k) order[k] = k;
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return parts_[a].begin < parts_[b].begin; });
  return order;
}

}  // namespace policygraph::indexer
