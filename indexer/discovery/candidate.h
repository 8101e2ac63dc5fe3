// A name proposed by one of the rules, before overlapping candidates are
// resolved, and the confidence scale of DiscoveredName::confidence (see
// entity_discovery.h) that the rules give it.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace policygraph::indexer::discovery {

// The confidence scale; rules with a level of their own (persons,
// companies) keep it beside the rule.
inline constexpr double kQuotedWithHead = 0.9;
inline constexpr double kWithParenthesis = 0.85;  // a head-word name with "(ACRONYM)" or a translation
inline constexpr double kAcronymInitials = 0.75;
inline constexpr double kUnquotedHead = 0.7;
inline constexpr double kQuotedWithoutHead = 0.6;
// A head-word name with a lower-case tail that the text does not confirm
// ("Bộ Ngoại giao gửi" may be the ministry and a verb).
inline constexpr double kUnverifiedTail = 0.6;
inline constexpr double kUnclearEnd = 0.5;  // a head-word name cut short without a clear end
// Below the bar for an entity until a translation or acronym in the
// parentheses after it raises it (AttachParenthesis).
inline constexpr double kNeedsParenthesis = 0.4;

// A proposed name: pieces [first, last] of its line, typed with one of
// name_types.h.
struct Candidate {
  size_t first = 0;  // pieces of the name, inclusive
  size_t last = 0;
  size_t next = 0;  // the piece after the name (after its closing quote)
  std::string_view type;
  double confidence = 0;
  bool quoted = false;
  std::vector<std::string> aliases;
  std::vector<std::string> variants;  // see DiscoveredName::variants
  std::vector<std::pair<uint32_t, uint32_t>> alias_spans;  // text that is an alias, not a name
  // Whether this reading of an unquoted Vietnamese name can be trusted as
  // the whole name, and otherwise where other readings of it could end:
  // see Extent in vietnamese_names.cc.
  bool trusted = true;
  std::vector<uint32_t> other_ends;
};

// A candidate of pieces [first, last], followed by piece `next`, with the
// given type and confidence and nothing else set: most rules propose this.
inline Candidate Proposed(size_t first, size_t last, size_t next, std::string_view type, double confidence) {
  Candidate c;
  c.first = first;
  c.last = last;
  c.next = next;
  c.type = type;
  c.confidence = confidence;
  return c;
}

}  // namespace policygraph::indexer::discovery
