// EntityMatcher: finds gazetteer entities in analysed text.
//
// Rules (also in corpus/gazetteer/README.md):
// - a name matches a run of tokens with the same exact terms (case-folded,
//   diacritics kept), whatever punctuation or spacing lies between them,
//   except the end of a sentence (. ! ? ; … or a blank line) where the name
//   has none: "theo Bộ Công an. Việt Nam đã …" holds no "Bộ Công an Việt Nam";
// - where a word of the name starts with a capital letter, the text's word
//   must too: "Mỹ" (the US) does not fire inside "thẩm mỹ";
// - the longest match wins, and a not_entity name ("Ấn Độ Dương", the Indian
//   Ocean) wins over the shorter entity inside it ("Ấn Độ", India) and is
//   then dropped;
// - text written without diacritics matches a name folded only where that
//   is unambiguous: "Trung Quoc" is China (no other name folds to it), a
//   one-word name never matches folded ("My" is not Mỹ);
// - a pairing name ("Trung" for China) counts only where a dash joins it to
//   another country's name: "Mỹ - Trung", "Việt - Nhật";
// - a capital's name (gazetteer type `capital`) names its country where the
//   city acts ("Bắc Kinh tặng Lào …", "Tokyo's loans") and nothing where it
//   is a place: after "tại", "ở", "in", "at", "to", "from" …, after "thủ đô"
//   or "capital", or followed by ", <its country>".
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "graph/graph_types.h"
#include "indexer/analyzer.h"

namespace policygraph::indexer {

// How strictly names must match. Text is matched strictly; a user's query is
// not (people type "china" and "trung quoc").
struct MatchOptions {
  // Honour the capital-letter rule above. Default: true.
  bool require_capitals = true;
  // Match a token by its folded form (no diacritics) where the token itself
  // has none, so "trung quoc" finds Trung Quốc. Default: false.
  bool folded = false;
  // Longest name, in tokens, that may match; 0 for no limit. Finding the
  // names inside a name ("Việt Nam" in "Diễn đàn … Việt Nam - Hàn Quốc")
  // caps it below the outer name's length.
  size_t max_tokens = 0;
  // Names of this entity are skipped: inside "Thailand's Personal Data
  // Protection Act 2019" the shorter "Thailand's Personal Data Protection
  // Act" would hide "Thailand". Default: none.
  std::string skip_entity;
  // Capitals stand for their countries (see above). A query is not a
  // sentence: "Tokyo" typed alone means the city. Default: true.
  bool capitals = true;
};

struct EntityMention {
  std::string entity_id;
  uint32_t begin = 0;        // byte span in the text
  uint32_t end = 0;
  uint32_t first_token = 0;  // index into the token vector
  uint32_t token_count = 0;
};

class EntityMatcher {
 public:
  // Keeps a reference to neither argument.
  EntityMatcher(const Analyzer& analyzer, const std::vector<graph::Node>& entities);

  // `tokens` must come from analyzer.Tokenize(text).
  std::vector<EntityMention> Find(std::string_view text, const std::vector<Token>& tokens,
                                  const MatchOptions& options = MatchOptions()) const;

  // The names inside `outer` (which must come from Find over the same
  // tokens), shorter than it: "Việt Nam" and "Hàn Quốc" inside "Diễn đàn
  // Chuyển đổi số Việt Nam - Hàn Quốc".
  std::vector<EntityMention> FindInside(std::string_view text, const std::vector<Token>& tokens,
                                        const EntityMention& outer) const;

  size_t pattern_count() const { return pattern_count_; }

 private:
  struct Pattern {
    std::vector<std::string> terms;
    std::vector<std::string> folded;  // the terms without diacritics
    std::vector<bool> capitalised;  // per term: the name's word starts uppercase
    std::vector<bool> acronym;      // per term: a 2-3 letter acronym, matched only in capitals
    // Per term: the name itself has a sentence's end before it ("U.S.
    // Department"); elsewhere a name does not run across one.
    std::vector<bool> stop_before;
    std::string entity_id;
    bool not_entity = false;
    bool pairing_only = false;
    bool capital = false;  // a capital's name; entity_id is its country's
    // Text without diacritics may match it folded: it has two words or more,
    // diacritics to lose, and no other entity's name folds the same way.
    bool folded_unique = false;
  };
  // Drops pairing-only mentions not joined by a dash to another mention.
  // (`capital` is kept in step with `mentions`.)
  static void KeepPairedOnly(std::string_view text, std::vector<EntityMention>* mentions,
                             const std::vector<bool>& pairing_only, std::vector<bool>* capital);
  // Drops capitals' mentions that name a place rather than a government.
  static void KeepActingCapitals(std::string_view text, const std::vector<Token>& tokens,
                                 std::vector<EntityMention>* mentions, const std::vector<bool>& capital);
  // The patterns' folded terms as a trie: a walk from a token follows the
  // tokens' folded forms, and each node lists the patterns that end there.
  // Every pattern a token run can match (exactly, or folded where allowed)
  // lies on that walk, so a lookup costs the run's length and the few
  // patterns met, not the number of names sharing a first word (a corpus of
  // a million documents discovers tens of thousands of names starting with
  // "Luật" or "the").
  // The child of `node` along `term`, or 0 (the root) when there is none.
  uint32_t Child(uint32_t node, const std::string& term) const;
  uint32_t AddChild(uint32_t node, const std::string& term);

  std::vector<Pattern> patterns_;
  // Key: the parent node's number (4 bytes) then the term.
  std::unordered_map<std::string, uint32_t> trie_edges_;
  // Per node, the patterns ending there, in the order they were added.
  std::vector<std::vector<uint32_t>> trie_ends_;
  size_t pattern_count_ = 0;
};

// True when the UTF-8 text starts with an uppercase letter.
bool StartsUppercase(std::string_view text);

}  // namespace policygraph::indexer
