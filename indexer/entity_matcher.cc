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
        p.capitalised.push_back(StartsUppercase(std::string_view(name).substr(t.begin)));
      }
      auto& bucket = by_first_term_[p.terms.front()];
      bool duplicate = std::any_of(bucket.begin(), bucket.end(), [&](const Pattern& q) {
        return q.terms == p.terms && q.entity_id == p.entity_id && q.capitalised == p.capitalised;
      });
      if (!duplicate) {
        bucket.push_back(std::move(p));
        ++pattern_count_;
      }
    }
  }
  for (auto& [_, bucket] : by_first_term_) {
    std::stable_sort(bucket.begin(), bucket.end(), [](const Pattern& a, const Pattern& b) {
      return a.terms.size() > b.terms.size();
    });
  }
}

std::vector<EntityMention> EntityMatcher::Find(std::string_view text,
                                               const std::vector<Token>& tokens) const {
  std::vector<EntityMention> mentions;
  for (size_t i = 0; i < tokens.size();) {
    auto bucket = by_first_term_.find(tokens[i].exact);
    const Pattern* match = nullptr;
    if (bucket != by_first_term_.end()) {
      for (const auto& p : bucket->second) {  // longest first
        if (i + p.terms.size() > tokens.size()) continue;
        bool ok = true;
        for (size_t k = 0; k < p.terms.size() && ok; ++k) {
          const Token& t = tokens[i + k];
          ok = t.exact == p.terms[k] &&
               (!p.capitalised[k] || StartsUppercase(text.substr(t.begin, t.end - t.begin)));
        }
        if (ok) {
          match = &p;
          break;
        }
      }
    }
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
