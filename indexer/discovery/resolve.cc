#include "indexer/discovery/resolve.h"

#include <algorithm>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>

namespace policygraph::indexer::discovery {
namespace {

bool Overlaps(const Candidate& a, const Candidate& b) { return a.first <= b.last && b.first <= a.last; }

}  // namespace

std::vector<Candidate> Resolve(const Line& line, std::vector<Candidate> all) {
  std::stable_sort(all.begin(), all.end(), [](const Candidate& a, const Candidate& b) {
    if (a.confidence != b.confidence) return a.confidence > b.confidence;
    return a.last - a.first > b.last - b.first;
  });
  std::vector<Candidate> kept;
  for (auto& c : all) {
    if (std::none_of(kept.begin(), kept.end(), [&](const Candidate& k) { return Overlaps(c, k); })) {
      kept.push_back(std::move(c));
    }
  }
  std::vector<std::pair<uint32_t, uint32_t>> alias_spans;
  for (const auto& k : kept) alias_spans.insert(alias_spans.end(), k.alias_spans.begin(), k.alias_spans.end());
  std::erase_if(kept, [&](const Candidate& c) {
    return std::any_of(alias_spans.begin(), alias_spans.end(), [&](const auto& span) {
      return line[c.first].begin >= span.first && line[c.last].end <= span.second;
    });
  });
  std::sort(kept.begin(), kept.end(), [](const Candidate& a, const Candidate& b) { return a.first < b.first; });
  return kept;
}

void ReadNamesFromText(std::string_view text, std::vector<Found>& found) {
  std::unordered_map<std::string, int> clear_readings;
  for (const auto& f : found) {
    if (!f.trusted && f.name.confidence == kUnverifiedTail) ++clear_readings[f.name.name];
  }
  std::unordered_set<std::string> trusted;
  for (const auto& f : found) {
    if (f.trusted) trusted.insert(f.name.name);
  }
  for (const auto& [reading, count] : clear_readings) {
    if (count >= 2) trusted.insert(reading);
  }
  for (auto& f : found) {
    if (f.trusted) continue;
    if (trusted.count(f.name.name)) {
      f.name.confidence = std::max(f.name.confidence, kUnquotedHead);
      continue;
    }
    for (const uint32_t end : f.other_ends) {
      std::string reading = CleanText(text.substr(f.name.begin, end - f.name.begin));
      if (!trusted.count(reading)) continue;
      f.name.name = std::move(reading);
      f.name.end = end;
      f.name.confidence = std::max(f.name.confidence, kUnquotedHead);
      break;
    }
  }
}

}  // namespace policygraph::indexer::discovery
