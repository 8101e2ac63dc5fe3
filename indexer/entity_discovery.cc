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
//  2. Rules propose candidates: quoted titles, Vietnamese names led by a
//     head word ("Luật …", "Ủy ban …"), companies after a word for a
//     company, persons, English names ending in a head noun ("… Act 2012",
//     "… Agency of …"), and capitalised runs whose initials match an
//     acronym in the parentheses after them.
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
//
// Where each step lives, under indexer/discovery/:
//   characters.h        code points and character classes
//   line.h              step 1: a line cut into pieces, and word keys
//   vietnamese_words.h  Vietnamese word lists (heads, stops, titles …)
//   english_words.h     English word lists shared by the rules
//   name_types.h        the types a name can take
//   candidate.h         a proposed name, and the confidence scale
//   quoted_titles.h     step 2, rule 1: quoted titles
//   vietnamese_names.h  step 2, rule 2: Vietnamese head-word names
//   body_name_ends.h    step 2: where a body's name ends before its verb
//   companies.h         step 2: companies after a word for a company
//   persons.h           step 2: persons
//   english_names.h     step 2, rule 3: English head-noun names
//   acronym_initials.h  step 2, rule 4: runs spelling an acronym
//   numbered_instruments.h  step 2: instruments cited by number (Nghị định 13/2023/NĐ-CP)
//   instrument_versions.h   steps 2 and 3: a law's year or amendment in its name
//   sentence_case_titles.h  step 2: titles in lower case after the head, up to a scope
//   foreign_names.h     step 2: foreign names without a head word
//   aliases.h           step 3: parenthesised translations and acronyms
//   variants.h          step 3: names without an ordinal or "The"
//   resolve.h           steps 4 and 5
// This file runs the steps in order; that order is part of the behaviour
// (a later rule's candidates are resolved against the earlier ones').
#include "indexer/entity_discovery.h"

#include <algorithm>
#include <cstdint>
#include <string>
#include <utility>

#include "indexer/discovery/acronym_initials.h"
#include "indexer/discovery/aliases.h"
#include "indexer/discovery/candidate.h"
#include "indexer/discovery/companies.h"
#include "indexer/discovery/english_names.h"
#include "indexer/discovery/instrument_versions.h"
#include "indexer/discovery/foreign_names.h"
#include "indexer/discovery/line.h"
#include "indexer/discovery/numbered_instruments.h"
#include "indexer/discovery/funds.h"
#include "indexer/discovery/persons.h"
#include "indexer/discovery/quoted_titles.h"
#include "indexer/discovery/resolve.h"
#include "indexer/discovery/sentence_case_titles.h"
#include "indexer/discovery/variants.h"
#include "indexer/discovery/vietnamese_names.h"
#include "indexer/discovery/vietnamese_words.h"

namespace policygraph::indexer {
namespace discovery {
namespace {

Found ToFound(const Line& line, Candidate& c) {
  Found f;
  DiscoveredName& n = f.name;
  n.begin = line[c.first].begin;
  n.end = line[c.last].end;
  n.name = TextOf(line, c.first, c.last);
  n.type = std::string(FundType(n.name, c.type));
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

// Steps 1 to 4 for the line text[begin, end); its names go to `out`.
void DiscoverInLine(std::string_view text, size_t begin, size_t end, KeyMaker& keys,
                    const VietnameseLists& lists, std::vector<Found>& out) {
  Line line(text, begin, end, keys);
  if (line.size() < 2) return;
  std::vector<Candidate> candidates;
  std::vector<std::pair<size_t, size_t>> defined;
  FindQuoted(line, lists, candidates, defined);
  // Before the head-word rules: where they read the same span, this one's
  // reading (with the forms without "số" / "No.") wins the tie.
  FindNumberedInstruments(line, lists, candidates);
  FindVietnameseHeaded(line, lists, candidates);
  FindAfterLowercaseHead(line, lists, candidates);
  FindCompanies(line, lists, candidates);
  FindEnglishCompanies(line, candidates);
  FindAppositiveCompanies(line, lists, candidates);
  FindPersons(line, lists, candidates);
  FindEnglishHeaded(line, candidates);
  FindListedCompanies(line, lists, candidates);
  FindAmendmentActs(line, candidates);
  FindSentenceCaseTitles(line, lists, candidates);
  FindForeignOrganizations(line, lists, candidates);
  FindForeignPersons(line, lists, candidates);
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
    AttachVersion(line, c, lists);
    AttachPeriod(line, c);
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

}  // namespace
}  // namespace discovery

std::vector<DiscoveredName> DiscoverNames(std::string_view text, const Analyzer& analyzer) {
  std::vector<DiscoveredName> names;
  // Spans are 32-bit: a text beyond 4 GiB is read up to there.
  text = text.substr(0, std::min<size_t>(text.size(), UINT32_MAX));
  if (text.empty()) return names;
  const discovery::VietnameseLists& lists = discovery::Lists(analyzer);
  std::vector<discovery::Found> found;
  discovery::KeyMaker keys(analyzer);
  size_t begin = 0;
  while (begin < text.size()) {
    size_t end = text.find('\n', begin);
    if (end == std::string_view::npos) end = text.size();
    discovery::DiscoverInLine(text, begin, end, keys, lists, found);
    begin = end + 1;
  }
  discovery::ReadNamesFromText(text, found);
  names.reserve(found.size());
  for (auto& f : found) names.push_back(std::move(f.name));
  return names;
}

}  // namespace policygraph::indexer

