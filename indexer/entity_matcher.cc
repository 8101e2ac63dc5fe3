#include "indexer/entity_matcher.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <set>
#include <unordered_set>

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

namespace {

// A short acronym ("WHO", "UN", "ADB"): two or three letters, all capitals.
// Written otherwise it is usually a word ("Who", "Un"), so it must be
// written in capitals to match. Longer ones also appear as "Asean", "Nato".
bool IsShortAcronym(std::string_view word) {
  const auto* s = reinterpret_cast<const uint8_t*>(word.data());
  int32_t i = 0, letters = 0;
  while (i < static_cast<int32_t>(word.size())) {
    UChar32 c;
    U8_NEXT(s, i, static_cast<int32_t>(word.size()), c);
    if (c < 0 || !u_isupper(c)) return false;
    ++letters;
  }
  return letters >= 2 && letters <= 3;
}

bool AllUppercase(std::string_view word) {
  const auto* s = reinterpret_cast<const uint8_t*>(word.data());
  int32_t i = 0;
  while (i < static_cast<int32_t>(word.size())) {
    UChar32 c;
    U8_NEXT(s, i, static_cast<int32_t>(word.size()), c);
    if (c < 0 || (u_isalpha(c) && !u_isupper(c))) return false;
  }
  return true;
}

// The text between two words ends a sentence, a clause or a paragraph: a
// name does not run across it unless it is written so itself. A single line
// break is not one: text extracted from PDFs wraps lines inside names.
bool StopBetween(std::string_view gap) {
  if (gap.empty() || gap == " ") return false;
  const size_t line = gap.find('\n');
  return gap.find_first_of(".!?;") != std::string_view::npos || gap.find("\u2026") != std::string_view::npos ||
         (line != std::string_view::npos && gap.find('\n', line + 1) != std::string_view::npos);
}

}  // namespace

EntityMatcher::EntityMatcher(const Analyzer& analyzer, const std::vector<graph::Node>& entities) {
  std::unordered_set<std::string> seen;
  for (const auto& entity : entities) {
    std::vector<std::string> names = entity.names_en;
    names.insert(names.end(), entity.names_vi.begin(), entity.names_vi.end());
    const size_t pairing_from = names.size();
    names.insert(names.end(), entity.pairing_names.begin(), entity.pairing_names.end());
    for (size_t n = 0; n < names.size(); ++n) {
      const std::string& name = names[n];
      std::vector<Token> tokens = analyzer.Tokenize(name);
      if (tokens.empty()) continue;
      Pattern p;
      p.capital = StandsForItsCountry(entity.type) && !entity.member_of.empty();
      p.entity_id = p.capital ? entity.member_of.front() : entity.id;
      p.not_entity = entity.type == kNotEntityType;
      p.pairing_only = n >= pairing_from;
      for (size_t k = 0; k < tokens.size(); ++k) {
        const Token& t = tokens[k];
        p.stop_before.push_back(
            k > 0 && StopBetween(std::string_view(name).substr(tokens[k - 1].end, t.begin - tokens[k - 1].end)));
        p.terms.push_back(t.exact);
        p.folded.push_back(t.folded);
        p.capitalised.push_back(StartsUppercase(std::string_view(name).substr(t.begin)));
        p.acronym.push_back(IsShortAcronym(std::string_view(name).substr(t.begin, t.end - t.begin)));
      }
      // A name given twice (an alias equal to a name, or in both languages)
      // is one pattern. A hash of the fields that tell patterns apart keeps
      // this linear: a million documents' discovered names are 10^5 or more.
      std::string identity = p.entity_id;
      identity += '\x01';
      identity += p.pairing_only ? '1' : '0';
      for (size_t k = 0; k < p.terms.size(); ++k) {
        identity += '\x01';
        identity += p.capitalised[k] ? '1' : '0';
        identity += p.stop_before[k] ? '1' : '0';
        identity += p.terms[k];
      }
      if (seen.insert(std::move(identity)).second) patterns_.push_back(std::move(p));
    }
  }
  pattern_count_ = patterns_.size();
  // Which entities each folded name could be: "trung quoc" only China, but
  // "han" (Hàn, Hán …) is not for text to decide.
  std::unordered_map<std::string, std::set<std::string>> folded_owners;
  auto folded_key = [](const Pattern& p) {
    std::string key;
    for (const auto& f : p.folded) key += f + ' ';
    return key;
  };
  for (const auto& p : patterns_) folded_owners[folded_key(p)].insert(p.entity_id);
  for (auto& p : patterns_) {
    p.folded_unique = p.terms.size() >= 2 && p.terms != p.folded && folded_owners[folded_key(p)].size() == 1;
  }
  trie_ends_.emplace_back();  // the root
  for (size_t i = 0; i < patterns_.size(); ++i) {
    uint32_t node = 0;
    for (const auto& f : patterns_[i].folded) node = AddChild(node, f);
    trie_ends_[node].push_back(static_cast<uint32_t>(i));
  }
}

namespace {

std::string EdgeKey(uint32_t node, const std::string& term) {
  std::string key(reinterpret_cast<const char*>(&node), sizeof node);
  key += term;
  return key;
}

}  // namespace

uint32_t EntityMatcher::Child(uint32_t node, const std::string& term) const {
  auto it = trie_edges_.find(EdgeKey(node, term));
  return it == trie_edges_.end() ? 0 : it->second;
}

uint32_t EntityMatcher::AddChild(uint32_t node, const std::string& term) {
  auto [it, added] = trie_edges_.try_emplace(EdgeKey(node, term), static_cast<uint32_t>(trie_ends_.size()));
  if (added) trie_ends_.emplace_back();
  return it->second;
}

std::vector<EntityMention> EntityMatcher::Find(std::string_view text, const std::vector<Token>& tokens,
                                               const MatchOptions& options) const {
  // A token without diacritics may stand for any accented form when folded
  // matching is on; a token with them means exactly them.
  auto token_matches = [&](const Token& t, const Pattern& p, size_t k) {
    const bool same = t.exact == p.terms[k] || ((options.folded || p.folded_unique) && t.exact == t.folded &&
                                                t.folded == p.folded[k]);
    if (!same) return false;
    if (!options.require_capitals || !p.capitalised[k]) return true;
    const std::string_view word = text.substr(t.begin, t.end - t.begin);
    return p.acronym[k] ? AllUppercase(word) : StartsUppercase(word);
  };
  std::vector<EntityMention> mentions;
  std::vector<bool> pairing_only, capital;
  std::vector<uint32_t> path;  // trie nodes with patterns, by depth
  // Per token: a sentence ends between it and the next.
  std::vector<bool> stop_after(tokens.size(), false);
  for (size_t k = 0; k + 1 < tokens.size(); ++k) {
    stop_after[k] = StopBetween(text.substr(tokens[k].end, tokens[k + 1].begin - tokens[k].end));
  }
  for (size_t i = 0; i < tokens.size();) {
    // Walk the trie along the tokens' folded forms, remembering the nodes
    // where patterns end; then take the longest pattern that matches. Among
    // equally long ones the first added wins, those whose first word is
    // written as the token is before those matched folded from it.
    path.clear();
    for (uint32_t node = 0, k = i; k < tokens.size(); ++k) {
      if (options.max_tokens != 0 && k - i >= options.max_tokens) break;
      node = Child(node, tokens[k].folded);
      if (node == 0) break;
      if (!trie_ends_[node].empty()) path.push_back(node);
    }
    const Pattern* match = nullptr;
    for (size_t n = path.size(); n-- > 0 && match == nullptr;) {
      const Pattern* folded_match = nullptr;
      for (uint32_t idx : trie_ends_[path[n]]) {
        const Pattern& p = patterns_[idx];
        if (!options.skip_entity.empty() && p.entity_id == options.skip_entity) continue;
        if (p.capital && !options.capitals) continue;
        bool ok = true;
        for (size_t k = 0; k < p.terms.size() && ok; ++k) {
          ok = token_matches(tokens[i + k], p, k) && (k == 0 || p.stop_before[k] || !stop_after[i + k - 1]);
        }
        if (!ok) continue;
        if (tokens[i].exact == p.terms.front()) {
          match = &p;
          break;
        }
        if (folded_match == nullptr) folded_match = &p;
      }
      if (match == nullptr) match = folded_match;
    }
    if (match == nullptr) {
      ++i;
      continue;
    }
    const size_t n = match->terms.size();
    // "US$5 billion", "S$": a currency, not the country.
    const bool currency = tokens[i + n - 1].end < text.size() && text[tokens[i + n - 1].end] == '$';
    if (!match->not_entity && !currency) {
      mentions.push_back({match->entity_id, tokens[i].begin, tokens[i + n - 1].end,
                          static_cast<uint32_t>(i), static_cast<uint32_t>(n)});
      pairing_only.push_back(match->pairing_only);
      capital.push_back(match->capital);
    }
    i += n;
  }
  KeepPairedOnly(text, &mentions, pairing_only, &capital);
  KeepActingCapitals(text, tokens, &mentions, capital);
  return mentions;
}

namespace {

// True when only spaces and one dash (-, – or —) lie between two mentions.
bool DashBetween(std::string_view text, uint32_t end, uint32_t begin) {
  if (begin <= end || begin - end > 8) return false;
  std::string_view gap = text.substr(end, begin - end);
  size_t dashes = 0;
  for (size_t k = 0; k < gap.size();) {
    if (gap[k] == ' ') {
      ++k;
    } else if (gap[k] == '-') {
      ++dashes, ++k;
    } else if (gap.substr(k, 3) == "\u2013" || gap.substr(k, 3) == "\u2014") {
      ++dashes, k += 3;
    } else {
      return false;
    }
  }
  return dashes == 1;
}

}  // namespace

void EntityMatcher::KeepPairedOnly(std::string_view text, std::vector<EntityMention>* mentions,
                                   const std::vector<bool>& pairing_only, std::vector<bool>* capital) {
  std::vector<EntityMention> kept;
  std::vector<bool> kept_capital;
  for (size_t k = 0; k < mentions->size(); ++k) {
    const auto& m = (*mentions)[k];
    bool paired = !pairing_only[k] ||
                  (k > 0 && DashBetween(text, (*mentions)[k - 1].end, m.begin)) ||
                  (k + 1 < mentions->size() && DashBetween(text, m.end, (*mentions)[k + 1].begin));
    if (!paired) continue;
    kept.push_back(m);
    kept_capital.push_back((*capital)[k]);
  }
  *mentions = std::move(kept);
  *capital = std::move(kept_capital);
}

void EntityMatcher::KeepActingCapitals(std::string_view text, const std::vector<Token>& tokens,
                                       std::vector<EntityMention>* mentions, const std::vector<bool>& capital) {
  // Words before a place: "tại Tokyo", "in Manila", "thủ đô Viêng Chăn",
  // "the capital Jakarta", "nối Côn Minh với Viêng Chăn".
  static const std::set<std::string> kBeforePlace = {
      "tại", "ở", "đến", "tới", "từ", "thăm", "khắp", "nối", "đô", "phố", "in", "at", "to", "from", "near",
      "visit", "visited", "visits", "visiting", "via", "across", "around", "outside", "inside", "within",
      "capital", "city", "through", "throughout"};
  std::vector<EntityMention> kept;
  for (size_t k = 0; k < mentions->size(); ++k) {
    const auto& m = (*mentions)[k];
    if (!capital[k]) {
      kept.push_back(m);
      continue;
    }
    const bool after_place_word = m.first_token > 0 && kBeforePlace.count(tokens[m.first_token - 1].exact) > 0;
    // "Viêng Chăn, Lào", "Manila, the Philippines": a city and its country.
    const bool country_follows =
        k + 1 < mentions->size() && (*mentions)[k + 1].entity_id == m.entity_id &&
        text.substr(m.end, (*mentions)[k + 1].begin - m.end).find(',') != std::string_view::npos &&
        (*mentions)[k + 1].first_token <= m.first_token + m.token_count + 1;
    // A dateline: "Hà Nội, ngày 28/12/2025", "TOKYO (Reuters)".
    const size_t next = m.first_token + m.token_count;
    const bool dateline = next < tokens.size() && (tokens[next].exact == "ngày" || tokens[next].exact == "reuters");
    if (!after_place_word && !country_follows && !dateline) kept.push_back(m);
  }
  *mentions = std::move(kept);
}

std::vector<EntityMention> EntityMatcher::FindInside(std::string_view text, const std::vector<Token>& tokens,
                                                     const EntityMention& outer) const {
  if (outer.token_count < 2 || outer.first_token + outer.token_count > tokens.size()) return {};
  std::vector<Token> inner(tokens.begin() + outer.first_token,
                           tokens.begin() + outer.first_token + outer.token_count);
  MatchOptions options;
  options.max_tokens = outer.token_count - 1;
  options.skip_entity = outer.entity_id;
  std::vector<EntityMention> found = Find(text, inner, options);
  for (auto& m : found) m.first_token += outer.first_token;
  return found;
}

}  // namespace policygraph::indexer
