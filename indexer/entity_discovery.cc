// Entity discovery (see entity_discovery.h): names found from the text's own
// patterns rather than from the gazetteer.
//
// How it works, line by line (a name never spans a line break):
//  1. The line is cut into pieces: words (letters, digits and combining
//     marks, kept whole across '-', '/', '.', '&' and apostrophes between
//     letters) and single punctuation characters, each with its byte span
//     in the input. This is a cheap hand-written scan, not ICU word
//     breaking: discovery runs over the whole corpus and only the few words
//     near a trigger are ever compared against the word lists.
//  2. Four rules propose candidates: quoted titles, Vietnamese names led by
//     a head word ("Luật …", "Ủy ban …"), English names ending in a head
//     noun ("… Act 2012", "… Agency of …"), and capitalised runs whose
//     initials match an acronym in the parentheses after them.
//  3. Parentheses right after a candidate give it aliases (a translation
//     and/or an acronym); ordinals and a leading "The" give more.
//  4. Overlapping candidates are resolved, surest (then longest) first, and
//     a candidate that is itself another one's alias is dropped: the same
//     entity is reported once per occurrence.
//  5. Over the whole text: an unquoted Vietnamese name whose end is in
//     doubt takes the reading of it that the text confirms elsewhere.
//
// Words are compared through their key: NFC, case-folded, Vietnamese tone
// marks in the newer placement (so "Uỷ ban" and "Ủy ban" are one head), so
// NFD input behaves like NFC input while spans still point into the input
// as given.
#include "indexer/entity_discovery.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>
#include <optional>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "indexer/tone_placement.h"
#include "indexer/discovery/acronym_initials.h"
#include "indexer/discovery/aliases.h"
#include "indexer/discovery/candidate.h"
#include "indexer/discovery/companies.h"
#include "indexer/discovery/english_names.h"
#include "indexer/discovery/line.h"
#include "indexer/discovery/name_types.h"
#include "indexer/discovery/persons.h"
#include "indexer/discovery/quoted_titles.h"
#include "indexer/discovery/variants.h"
#include "indexer/discovery/vietnamese_names.h"
#include "indexer/discovery/vietnamese_words.h"

namespace policygraph::indexer {
namespace {

using namespace discovery;  // NOLINT: this file is being split into discovery/

// A name found in a line, before the whole text is known.
struct Found {
  DiscoveredName name;
  bool trusted = true;
  std::vector<uint32_t> other_ends;
};

// ---------------------------------------------------------------------------
// Putting it together.

bool Overlaps(const Candidate& a, const Candidate& b) { return a.first <= b.last && b.first <= a.last; }

// Keeps the surest (then longest) of overlapping candidates and drops a
// candidate that is another's alias; the rest in text order.
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

Found ToFound(const Line& line, Candidate& c) {
  Found f;
  DiscoveredName& n = f.name;
  n.begin = line[c.first].begin;
  n.end = line[c.last].end;
  n.name = TextOf(line, c.first, c.last);
  n.type = std::string(c.type);
  n.confidence = c.confidence;
  for (auto& alias : c.aliases) {
    if (alias.empty() || alias == n.name) continue;
    if (std::find(n.aliases.begin(), n.aliases.end(), alias) != n.aliases.end()) continue;
    n.aliases.push_back(std::move(alias));
  }
  for (auto& variant : c.variants) {
    if (!variant.empty() && variant != n.name) n.variants.push_back(std::move(variant));
  }
  f.trusted = c.trusted;
  f.other_ends = std::move(c.other_ends);
  return f;
}

void DiscoverInLine(std::string_view text, size_t begin, size_t end, KeyMaker& keys,
                    const VietnameseLists& lists, std::vector<Found>& out) {
  Line line(text, begin, end, keys);
  if (line.size() < 2) return;
  std::vector<Candidate> candidates;
  std::vector<std::pair<size_t, size_t>> defined;
  FindQuoted(line, lists, candidates, defined);
  FindVietnameseHeaded(line, lists, candidates);
  FindAfterLowercaseHead(line, lists, candidates);
  FindCompanies(line, lists, candidates);
  FindEnglishCompanies(line, candidates);
  FindAppositiveCompanies(line, lists, candidates);
  FindPersons(line, lists, candidates);
  FindEnglishHeaded(line, candidates);
  std::erase_if(candidates, [&](const Candidate& c) {
    return std::any_of(defined.begin(), defined.end(),
                       [&](const auto& d) { return c.first <= d.second && d.first <= c.last; });
  });
  std::vector<bool> name_ends_before(line.size() + 1, false);
  for (const auto& c : candidates) {
    if (c.next < name_ends_before.size()) name_ends_before[c.next] = true;
  }
  FindAcronymInitials(line, lists, name_ends_before, candidates);
  for (auto& c : candidates) {
    if (AttachParenthesis(line, c, lists)) {
      // The acronym rule's own acronym is its evidence: no boost for it.
      if (c.confidence != kAcronymInitials) {
        c.confidence = std::max(c.confidence, c.quoted && c.confidence < kQuotedWithHead
                                                  ? kAcronymInitials
                                                  : kWithParenthesis);
      }
    }
    AttachStatedShortName(line, c);
    AddVariants(line, c, lists);
  }
  for (auto& c : Resolve(line, std::move(candidates))) out.push_back(ToFound(line, c));
}

// An unquoted Vietnamese name whose end is in doubt takes the longest of
// its readings that the same text states as a trusted name elsewhere:
// "Bộ Y tế gửi …" and "Bộ Tài chính công nhận …" become "Bộ Y tế" and "Bộ
// Tài chính", seen as "Bộ Y tế (…)" or, twice, as "Bộ Tài chính." in other
// sentences. A reading is trusted when it ended at a parenthesis, a quote
// or the line's end, has no lower-case tail, or was read with a clear end
// at least twice (a name recurs; the words that follow it vary). Without
// such evidence the reading found is kept.
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

}  // namespace

std::vector<DiscoveredName> DiscoverNames(std::string_view text, const Analyzer& analyzer) {
  std::vector<DiscoveredName> names;
  // Spans are 32-bit: a text beyond 4 GiB is read up to there.
  text = text.substr(0, std::min<size_t>(text.size(), UINT32_MAX));
  if (text.empty()) return names;
  const VietnameseLists& lists = Lists(analyzer);
  std::vector<Found> found;
  KeyMaker keys(analyzer);
  size_t begin = 0;
  while (begin < text.size()) {
    size_t end = text.find('\n', begin);
    if (end == std::string_view::npos) end = text.size();
    DiscoverInLine(text, begin, end, keys, lists, found);
    begin = end + 1;
  }
  ReadNamesFromText(text, found);
  names.reserve(found.size());
  for (auto& f : found) names.push_back(std::move(f.name));
  return names;
}

}  // namespace policygraph::indexer
