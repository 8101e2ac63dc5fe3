// Turning a ParsedQuery into a Xapian query over passages.
//
// Ranking, in one place:
//  - each word is a unit; typed without diacritics it matches its exact form
//    and its folded form, so text written exactly as typed scores on both and
//    ranks ahead of text that only folds to it ("hoa": Hoa Kỳ before hòa);
//  - a run of words that names an entity or a glossary concept ("Trung
//    Quốc", "personal data") also matches the entity's or concept's term,
//    which the indexer put wherever any alias or translation appears: this
//    is how a query in one language finds the other. It is scaled down so
//    that matches in the query's own words rank first;
//  - passages holding all the units get a bonus (coordination), and each
//    pair or triple of adjacent words found in order gets one too
//    (proximity: the syllables of a Vietnamese word, or a phrase, beat
//    scattered syllables), found through the index's pair terms rather than
//    positions and weighted by the words' rarity (pair_boost_source.h);
//  - the same again for pairs and triples among a passage's first words,
//    where definitions and titles name their subject, and in the term a
//    passage defines (indexer/definitions.h);
//  - quoted phrases, title: clauses and filters are required; -items are
//    excluded.
#pragma once

#include <xapian.h>

#include <memory>
#include <string>
#include <vector>

#include "indexer/analyzer.h"
#include "indexer/entity_matcher.h"
#include "indexer/lexicon.h"
#include "server/query_parser.h"
#include "server/written_forms.h"

namespace policygraph::server {

// Matchers over the names an index was built with (see indexer/lexicon.h).
class QueryLexicon {
 public:
  QueryLexicon(const indexer::Analyzer& analyzer, const indexer::Lexicon& lexicon);
  const indexer::EntityMatcher& entities() const { return entities_; }
  const indexer::EntityMatcher& concepts() const { return concepts_; }

 private:
  indexer::EntityMatcher entities_;
  indexer::EntityMatcher concepts_;
};

// Weights of the ranking rules above; defaults chosen on our own queries and
// checked with `policygraph eval` (docs/QUALITY.md).
struct RankingWeights {
  double cross_language = 0.6;  // entity/concept term, relative to own words
  double all_units = 1.0;       // extra for passages holding every unit
  double adjacent_pair = 0.5;   // extra per adjacent pair (or triple) found in order
  double lead = 0.5;            // extra per such pair or triple among a passage's first words
  double definition = 0.5;      // extra per such pair or triple in the term a passage defines
  double defined_term = 3.0;    // extra when words of the query are exactly that term,
                                // times the share of the query's words it covers
};

struct BuiltQuery {
  Xapian::Query query;
  // Entity and concept ids the query named, "XE…"/"XC…" terms, for
  // highlighting their mentions in other words or languages.
  std::vector<std::string> entity_ids;
  std::vector<std::string> concept_ids;
};

// `lexicon` may be null (an index without one). `written_forms`, the
// index's (written_forms.h), finds phrases typed without diacritics; null
// only where the query is not run (a phrase of such words would then match
// only text written without diacritics).
BuiltQuery BuildQuery(const ParsedQuery& parsed, const QueryLexicon* lexicon, const WrittenForms* written_forms,
                      const RankingWeights& weights = RankingWeights());

}  // namespace policygraph::server
