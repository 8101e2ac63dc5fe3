// Word lists matched on a sentence's tokens, longest phrase first: the
// trigger lexicon ("hợp tác với", "signed") and the antecedent resolver
// ("hai bên", "the two sides") both find their words this way.
#pragma once

#include <algorithm>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "indexer/analyzer.h"

namespace policygraph::indexer {

// A phrase's exact terms, as the analyser reads them from the text.
inline std::vector<std::string> ExactTerms(const Analyzer& analyzer, const std::string& phrase) {
  std::vector<std::string> terms;
  for (const auto& t : analyzer.Tokenize(phrase)) terms.push_back(t.exact);
  return terms;
}

// Entry: any struct with `std::vector<std::string> terms` (exact terms).
template <typename Entry>
class PhraseTable {
 public:
  PhraseTable() = default;
  // Entries without terms (a phrase the analyser reads as no word) are left out.
  explicit PhraseTable(std::vector<Entry> entries) {
    for (auto& e : entries) {
      if (!e.terms.empty()) entries_.push_back(std::move(e));
    }
    std::stable_sort(entries_.begin(), entries_.end(),
                     [](const Entry& a, const Entry& b) { return a.terms.size() > b.terms.size(); });
    for (size_t i = 0; i < entries_.size(); ++i) by_first_term_[entries_[i].terms.front()].push_back(i);
  }

  // Calls visit(entry) for each entry whose terms start at tokens[i], longest
  // first (in the order added among equal lengths), until visit returns true.
  template <typename Visit>
  void VisitAt(const std::vector<Token>& tokens, size_t i, Visit visit) const {
    auto bucket = by_first_term_.find(tokens[i].exact);
    if (bucket == by_first_term_.end()) return;
    for (size_t idx : bucket->second) {
      const Entry& e = entries_[idx];
      if (i + e.terms.size() > tokens.size()) continue;
      bool same = true;
      for (size_t k = 1; k < e.terms.size() && same; ++k) same = tokens[i + k].exact == e.terms[k];
      if (same && visit(e)) return;
    }
  }

 private:
  std::vector<Entry> entries_;
  // Entries by their first term, each bucket longest first.
  std::unordered_map<std::string, std::vector<size_t>> by_first_term_;
};

}  // namespace policygraph::indexer
