#include "indexer/entity_matcher.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>

#include "indexer/gazetteer.h"

namespace policygraph::indexer {

bool StartsUppercase(std::string_view text) {
  if (text.empty()) return false;
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  int32_t i = 0;
  UChar32 c;
  U8_NEXT(s, i, static_cast<int32_t>(text.size()), c);
  return c >= 0 && (u_isupper(c) || u_istitle(c));
}

EntityMatcher::EntityMatcher(const Analyzer& analyzer, const std::vector<graph::Node>& entities) {
  for (const auto& entity : entities) {
    std::vector<std::string> names = entity.names_en;
    names.insert(names.end(), entity.names_vi.begin(), entity.names_vi.end());
    for (const auto& name : names) {
      std::vector<Token> tokens = analyzer.Tokenize(name);
      if (tokens.empty()) continue;
      Pattern p;
      p.entity_id = entity.id;
      p.not_entity = entity.type == kNotEntityType;
      for (const auto& t : tokens) {
        p.terms.push_back(t.exact);
        p.folded.push_back(t.folded);
        p.capitalised.push_back(StartsUppercase(std::string_view(name).substr(t.begin)));
      }
      bool duplicate = std::any_of(patterns_.begin(), patterns_.end(), [&](const Pattern& q) {
        return q.terms == p.terms && q.entity_id == p.entity_id && q.capitalised == p.capitalised;
      });
      if (!duplicate) patterns_.push_back(std::move(p));
    }
  }
  pattern_count_ = patterns_.size();
  for (size_t i = 0; i < patterns_.size(); ++i) {
    by_first_term_[patterns_[i].terms.front()].push_back(i);
    by_first_folded_[patterns_[i].folded.front()].push_back(i);
  }
  auto longest_first = [this](size_t a, size_t b) {
    return patterns_[a].terms.size() > patterns_[b].terms.size();
  };
  for (auto& [_, bucket] : by_first_term_) std::stable_sort(bucket.begin(), bucket.end(), longest_first);
  for (auto& [_, bucket] : by_first_folded_) std::stable_sort(bucket.begin(), bucket.end(), longest_first);
}

std::vector<EntityMention> EntityMatcher::Find(std::string_view text, const std::vector<Token>& tokens,
                                               const MatchOptions& options) const {
  // A token without diacritics may stand for any accented form when folded
  // matching is on; a token with them means exactly them.
  auto token_matches = [&](const Token& t, const Pattern& p, size_t k) {
    const bool same = t.exact == p.terms[k] ||
                      (options.folded && t.exact == t.folded && t.folded == p.folded[k]);
    if (!same) return false;
    return !options.require_capitals || !p.capitalised[k] ||
           StartsUppercase(text.substr(t.begin, t.end - t.begin));
  };
  std::vector<EntityMention> mentions;
  for (size_t i = 0; i < tokens.size();) {
    const Pattern* match = nullptr;
    auto try_bucket = [&](const std::unordered_map<std::string, std::vector<size_t>>& index,
                          const std::string& key) {
      auto bucket = index.find(key);
      if (bucket == index.end()) return;
      for (size_t idx : bucket->second) {  // longest first
        const Pattern& p = patterns_[idx];
        if (match != nullptr && match->terms.size() >= p.terms.size()) return;
        if (i + p.terms.size() > tokens.size()) continue;
        bool ok = true;
        for (size_t k = 0; k < p.terms.size() && ok; ++k) ok = token_matches(tokens[i + k], p, k);
        if (ok) {
          match = &p;
          return;
        }
      }
    };
    try_bucket(by_first_term_, tokens[i].exact);
    if (options.folded && tokens[i].exact == tokens[i].folded) try_bucket(by_first_folded_, tokens[i].folded);
    if (match == nullptr) {
      ++i;
      continue;
    }
    const size_t n = match->terms.size();
    if (!match->not_entity) {
      mentions.push_back({match->entity_id, tokens[i].begin, tokens[i + n - 1].end,
                          static_cast<uint32_t>(i), static_cast<uint32_t>(n)});
    }
    i += n;
  }
  return mentions;
}

}  // namespace policygraph::indexer
