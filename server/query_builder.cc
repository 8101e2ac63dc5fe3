#include "server/query_builder.h"

#include <algorithm>
#include <map>
#include <set>
#include <span>

#include "indexer/english_stem.h"
#include "indexer/search_schema.h"
#include "server/pair_boost_source.h"
#include "server/written_forms.h"

namespace policygraph::server {

namespace schema = search_schema;
using search_schema::Term;

namespace {

// One word: typed with diacritics it means them; without, either form; and
// an English word also its other inflections, through its stem (only
// English passages have stem terms). Each form that matches adds weight, so
// the word as typed ranks first.
Xapian::Query WordQuery(const QueryTerm& t) {
  if (!t.match_folded) return Xapian::Query(t.exact);
  std::vector<Xapian::Query> forms = {Xapian::Query(t.exact), Xapian::Query(Term(schema::kFoldedPrefix, t.folded))};
  std::string stem = indexer::EnglishStem(t.exact);
  if (!stem.empty()) forms.emplace_back(Term(schema::kStemPrefix, stem));
  return Xapian::Query(Xapian::Query::OP_OR, forms.begin(), forms.end());
}

Xapian::Query Combine(Xapian::Query::op op, const std::vector<Xapian::Query>& parts) {
  if (parts.size() == 1) return parts.front();
  return Xapian::Query(op, parts.begin(), parts.end());
}

// A word inside a phrase (a quoted phrase, a multi-word name, a boost whose
// pair is too long to be indexed). WordQuery's forms give it its weight, as
// anywhere else; but folded terms have no positions (search_schema.h), so a
// word typed without diacritics is also looked for on the positions of every
// written form it folds from (kWrittenFormsKeyPrefix). Those add no weight
// (scaled by 0) and no passage (wherever one is, the folded term is too): the
// phrase matches and weighs what it did when folded terms had positions.
// `written_forms` null: the word's own forms only.
Xapian::Query PhraseWordQuery(const QueryTerm& t, const WrittenForms* written_forms) {
  Xapian::Query word = WordQuery(t);
  if (!t.match_folded || written_forms == nullptr) return word;
  const std::vector<std::string> forms = written_forms->Of(t.folded);
  if (forms.empty()) return word;
  const std::vector<Xapian::Query> form_queries(forms.begin(), forms.end());
  return Xapian::Query(Xapian::Query::OP_OR, word,
                       Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, Combine(Xapian::Query::OP_OR, form_queries), 0.0));
}

Xapian::Query TitleWordQuery(const QueryTerm& t) {
  return t.match_folded ? Xapian::Query(Term(schema::kTitleFoldedPrefix, t.folded))
                        : Xapian::Query(Term(schema::kTitlePrefix, t.exact));
}

Xapian::Query Phrase(const std::vector<Xapian::Query>& parts) {
  if (parts.size() == 1) return parts.front();
  return Xapian::Query(Xapian::Query::OP_PHRASE, parts.begin(), parts.end(),
                       static_cast<Xapian::termcount>(parts.size()));
}

// The folded forms a word's query can match at a position, as the indexer
// writes them into pair terms: its folded form and, where WordQuery looks
// for it, its English stem.
std::set<std::string> PairForms(const QueryTerm& t, bool with_stem = true) {
  std::set<std::string> forms = {t.folded};
  if (with_stem && t.match_folded) {
    std::string stem = indexer::EnglishStem(t.exact);
    if (!stem.empty()) forms.insert(std::move(stem));
  }
  return forms;
}

// The pair terms (search_schema.h) two adjacent words can be found by: one
// for each pair of their forms. Empty when one would be too long to be
// indexed, so that no pair term stands for the two words.
std::vector<std::string> PairAlternatives(const QueryTerm& first, const QueryTerm& second,
                                          const char* prefix = schema::kPairPrefix) {
  // Only the body has stems, and pair terms of them.
  const bool with_stem = std::string_view(prefix) == schema::kPairPrefix;
  std::set<std::string> alternatives;
  for (const auto& a : PairForms(first, with_stem)) {
    for (const auto& b : PairForms(second, with_stem)) {
      std::string term = schema::PairTerm(prefix, a, b);
      if (term.empty()) return {};
      alternatives.insert(std::move(term));
    }
  }
  return {alternatives.begin(), alternatives.end()};
}

// What a phrase of `terms` needs in a passage, as pair terms
// (search_schema.h): for each two adjacent words, one of the pairs of their
// forms. Every passage the phrase matches holds them (the body's, lead's
// and defined term's words all lie on the body's positions), so filtering
// by them changes no result and no weight; it lets Xapian look for the
// phrase's positions only where the pairs are, instead of in every passage
// holding its words. Empty for a single word.
Xapian::Query PairFilter(const std::vector<const QueryTerm*>& terms, const char* prefix = schema::kPairPrefix) {
  std::vector<Xapian::Query> pairs;
  for (size_t i = 0; i + 1 < terms.size(); ++i) {
    const std::vector<std::string> alternatives = PairAlternatives(*terms[i], *terms[i + 1], prefix);
    if (alternatives.empty()) continue;
    std::vector<Xapian::Query> any(alternatives.begin(), alternatives.end());
    pairs.push_back(Combine(Xapian::Query::OP_OR, any));
  }
  if (pairs.empty()) return Xapian::Query();
  return Combine(Xapian::Query::OP_AND, pairs);
}

// A phrase of `parts`, the queries of `terms` in some field, looked for only
// where its pair terms are.
Xapian::Query FilteredPhrase(const std::vector<Xapian::Query>& parts, const std::vector<const QueryTerm*>& terms) {
  Xapian::Query phrase = Phrase(parts);
  if (parts.size() != terms.size()) return phrase;
  Xapian::Query filter = PairFilter(terms);
  if (filter.empty()) return phrase;
  return Xapian::Query(Xapian::Query::OP_FILTER, phrase, filter);
}

// The written forms a phrase of `terms` reads positions on: none (each
// word's own forms only) when one of its words was typed with diacritics.
// Whoever typed "an ninh mạng" writes diacritics, so "an" and "ninh" mean
// themselves, not "ấn" or "ăn", and the positions of every form of such
// frequent syllables need not be read (docs/PERFORMANCE.md 5f). Their
// weight is unchanged (WordQuery: a word without diacritics still matches
// every form).
const WrittenForms* PhraseForms(std::span<const QueryTerm* const> terms, const WrittenForms* written_forms) {
  const bool typed_with_diacritics =
      std::any_of(terms.begin(), terms.end(), [](const QueryTerm* t) { return !t->match_folded; });
  return typed_with_diacritics ? nullptr : written_forms;
}

// A word typed without the diacritics most passages write it with ("dieu"
// for "điều"; not "to", mostly English, though "tổ" and "tờ" fold to it): a
// phrase holding it is read on the positions of every form it folds from
// (PhraseWordQuery).
bool TypedWithoutDiacritics(const QueryTerm& t, const WrittenForms* written_forms) {
  if (!t.match_folded || written_forms == nullptr) return false;
  return written_forms->Frequency(t.exact) * 2 < written_forms->Frequency(Term(schema::kFoldedPrefix, t.folded));
}

// A name found among plain words (an entity's or concept's words as typed
// in the query), weighed as its words are, where they stand together. Which
// passages count is read from pair terms (search_schema.h), not positions,
// wherever that says the same thing:
//  - two words: their pair term is where they stand side by side;
//  - words all typed without diacritics: they have no positions of their
//    own, so the phrase would read those of every written form, in every
//    passage holding the pairs (~14 ms of a 25 ms query, "dieu uoc quoc
//    te…"); the pairs alone can also match where they lie apart ("A B … B C"
//    for "A B C"), rare in Vietnamese, whose pairs of syllables are words;
//  - otherwise (three or more words, some as written: "personal data
//    protection law", whose pairs recur apart in English) a phrase, checked
//    only where the pairs are.
// A quoted phrase, where the user asked for the exact words, stays a phrase
// (ClauseQuery); so does a name with a pair too long to be indexed.
Xapian::Query NameWords(const std::vector<const QueryTerm*>& terms, const WrittenForms* written_forms) {
  // The phrase's words, only where a phrase is built: each reads the
  // index's written forms of its word.
  auto phrase_parts = [&] {
    const WrittenForms* forms = PhraseForms(terms, written_forms);
    std::vector<Xapian::Query> parts;
    for (const QueryTerm* t : terms) parts.push_back(PhraseWordQuery(*t, forms));
    return parts;
  };
  std::vector<Xapian::Query> words;
  for (const QueryTerm* t : terms) words.push_back(WordQuery(*t));
  if (terms.size() == 1) return words.front();
  for (size_t i = 0; i + 1 < terms.size(); ++i) {
    if (PairAlternatives(*terms[i], *terms[i + 1]).empty()) return FilteredPhrase(phrase_parts(), terms);
  }
  const Xapian::Query pairs = PairFilter(terms);
  const bool unaccented = std::all_of(terms.begin(), terms.end(), [&](const QueryTerm* t) {
    return TypedWithoutDiacritics(*t, written_forms);
  });
  const Xapian::Query where = terms.size() == 2 || unaccented
                                  ? pairs
                                  : Xapian::Query(Xapian::Query::OP_AND, pairs, Phrase(phrase_parts()));
  return Xapian::Query(Xapian::Query::OP_FILTER, Combine(Xapian::Query::OP_AND, words), where);
}

// Where an implicit proximity boost looks: the pair terms of a field and
// the folded words whose rarity weighs it (search_schema.h).
struct BoostField {
  const char* pair_prefix;
  const char* folded_prefix;
};
constexpr BoostField kBodyField = {schema::kPairPrefix, schema::kFoldedPrefix};
constexpr BoostField kLeadField = {schema::kLeadPairPrefix, schema::kLeadFoldedPrefix};
constexpr BoostField kDefinedField = {schema::kDefinedPairPrefix, schema::kDefinedFoldedPrefix};

// An implicit proximity boost for two or three adjacent words in `field`,
// read from its pair terms alone: the passages holding the first pair (and,
// for three words, also the second), weighted by the rarity of the words in
// the field (server/pair_boost_source.h). No positions are read: words side
// by side in a passage left their pair term there. Empty when the first
// pair cannot be looked up (too long to be indexed).
Xapian::Query PairBoost(const std::vector<const QueryTerm*>& terms, const BoostField& field) {
  const std::vector<std::string> alternatives = PairAlternatives(*terms[0], *terms[1], field.pair_prefix);
  if (alternatives.empty()) return Xapian::Query();
  std::vector<std::string> weight_terms;
  for (const QueryTerm* t : terms) weight_terms.push_back(Term(field.folded_prefix, t->folded));
  // A passage may hold several of the alternatives (an English one both
  // the words' and their stems' pair): it gets the boost once.
  Xapian::Query boost((new PairBoostSource(alternatives, weight_terms))->release());
  if (terms.size() > 2) {
    Xapian::Query rest =
        PairFilter(std::vector<const QueryTerm*>(terms.begin() + 1, terms.end()), field.pair_prefix);
    if (!rest.empty()) boost = Xapian::Query(Xapian::Query::OP_FILTER, boost, rest);
  }
  return boost;
}

Xapian::Query ClauseQuery(const QueryClause& c, const WrittenForms* written_forms) {
  const bool phrase = !c.title && !c.prefix && c.terms.size() > 1;
  std::vector<const QueryTerm*> terms;
  for (const auto& t : c.terms) terms.push_back(&t);
  const WrittenForms* phrase_forms = PhraseForms(terms, written_forms);
  std::vector<Xapian::Query> parts;
  for (size_t i = 0; i < c.terms.size(); ++i) {
    const bool last = i + 1 == c.terms.size();
    if (c.prefix && last) {
      parts.emplace_back(Xapian::Query::OP_WILDCARD, Term(schema::kFoldedPrefix, c.terms[i].folded),
                         100, Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
    } else if (c.title) {
      parts.push_back(TitleWordQuery(c.terms[i]));
    } else {
      parts.push_back(phrase ? PhraseWordQuery(c.terms[i], phrase_forms) : WordQuery(c.terms[i]));
    }
  }
  if (c.title || c.prefix) return Combine(Xapian::Query::OP_AND, parts);
  return FilteredPhrase(parts, terms);
}

// Words that ask rather than name ("là gì", "thế nào", "what is"): they do
// not count when judging how much of a query a defined term covers.
bool IsQuestionWord(const std::string& folded) {
  static const std::set<std::string> kWords = {
      "la", "gi", "ai", "nao", "the", "nhu", "duoc", "hieu", "bao", "nhieu", "sao",  // Vietnamese, folded
      "what", "is", "are", "a", "an", "of", "define", "definition", "meaning", "means"};
  return kWords.count(folded) > 0;
}

// A name found in the query: the span of plain words it covers.
struct NameSpan {
  size_t first = 0, count = 0;  // in the run of plain words
  std::string term;             // XE… or XC…
};

// Names (entities and concepts) in a run of plain words, longest first and
// without overlaps; an entity wins a tie with a concept.
std::vector<NameSpan> FindNames(const std::vector<const QueryTerm*>& words, const QueryLexicon& lexicon,
                                std::vector<std::string>* entity_ids, std::vector<std::string>* concept_ids) {
  std::vector<indexer::Token> tokens;
  for (size_t i = 0; i < words.size(); ++i) {
    indexer::Token t;
    t.exact = words[i]->exact;
    t.folded = words[i]->folded;
    t.position = static_cast<uint32_t>(i);
    tokens.push_back(std::move(t));
  }
  // People type names in lower case and without diacritics.
  indexer::MatchOptions loose;
  loose.require_capitals = false;
  loose.folded = true;
  loose.capitals = false;  // "Tokyo" typed alone is the city, not Japan
  std::vector<NameSpan> spans;
  for (const auto& m : lexicon.entities().Find("", tokens, loose)) {
    spans.push_back({m.first_token, m.token_count, Term(schema::kEntityPrefix, m.entity_id)});
    entity_ids->push_back(m.entity_id);
  }
  for (const auto& m : lexicon.concepts().Find("", tokens, loose)) {
    const bool overlaps = std::any_of(spans.begin(), spans.end(), [&](const NameSpan& s) {
      return m.first_token < s.first + s.count && s.first < m.first_token + m.token_count &&
             s.count >= m.token_count;
    });
    if (overlaps) continue;
    std::erase_if(spans, [&](const NameSpan& s) {
      return m.first_token < s.first + s.count && s.first < m.first_token + m.token_count;
    });
    spans.push_back({m.first_token, m.token_count, Term(schema::kConceptPrefix, m.entity_id)});
    concept_ids->push_back(m.entity_id);
  }
  std::sort(spans.begin(), spans.end(), [](const NameSpan& a, const NameSpan& b) { return a.first < b.first; });
  return spans;
}

Xapian::Query FilterQuery(const std::vector<QueryFilter>& filters, bool excluded) {
  // Values of one field are alternatives; fields are all required.
  std::map<std::string, std::vector<Xapian::Query>> by_field;
  for (const auto& f : filters) {
    if (f.excluded != excluded) continue;
    Xapian::Query q;
    if (f.field == "lang") {
      q = Xapian::Query(Term(schema::kLangPrefix, f.value));
    } else if (f.field == "type") {
      q = Xapian::Query(Term(schema::kTypePrefix, f.value));
    } else if (f.field == "entity") {
      q = Xapian::Query(Term(schema::kEntityPrefix, f.value));
    } else if (f.field == "year" && f.until.empty()) {
      q = Xapian::Query(Term(schema::kYearPrefix, f.value));
    } else if (f.field == "year") {
      // Dates are stored as YYYY[MM[DD]]; the range covers every form.
      q = Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::kDateSlot, f.value, f.until + "9999");
    } else {
      continue;
    }
    by_field[f.field].push_back(q);
  }
  std::vector<Xapian::Query> fields;
  for (auto& [_, alternatives] : by_field) fields.push_back(Combine(Xapian::Query::OP_OR, alternatives));
  if (fields.empty()) return Xapian::Query();
  return Combine(excluded ? Xapian::Query::OP_OR : Xapian::Query::OP_AND, fields);
}

}  // namespace

QueryLexicon::QueryLexicon(const indexer::Analyzer& analyzer, const indexer::Lexicon& lexicon)
    : entities_(analyzer, lexicon.entities), concepts_(analyzer, lexicon.concepts) {}

BuiltQuery BuildQuery(const ParsedQuery& parsed, const QueryLexicon* lexicon, const WrittenForms* written_forms,
                      const RankingWeights& weights) {
  BuiltQuery built;
  std::vector<Xapian::Query> required, optional_units, excluded;

  // Runs of plain words (not quoted, excluded, prefixed, titled or OR-ed)
  // are where names are looked for and where proximity counts.
  std::vector<std::vector<const QueryTerm*>> runs(1);
  for (size_t i = 0; i < parsed.clauses.size(); ++i) {
    const QueryClause& c = parsed.clauses[i];
    const bool next_or = i + 1 < parsed.clauses.size() && parsed.clauses[i + 1].or_with_previous;
    const bool plain = !c.quoted && !c.excluded && !c.prefix && !c.title && !c.or_with_previous &&
                       !next_or && c.terms.size() == 1;
    if (plain) {
      runs.back().push_back(&c.terms.front());
      continue;
    }
    if (!runs.back().empty()) runs.emplace_back();
    if (c.excluded) {
      excluded.push_back(ClauseQuery(c, written_forms));
    } else if (c.or_with_previous) {
      continue;  // taken with the clause it follows
    } else if (next_or) {
      std::vector<Xapian::Query> alternatives = {ClauseQuery(c, written_forms)};
      for (size_t k = i + 1; k < parsed.clauses.size() && parsed.clauses[k].or_with_previous; ++k) {
        alternatives.push_back(ClauseQuery(parsed.clauses[k], written_forms));
      }
      optional_units.push_back(Combine(Xapian::Query::OP_OR, alternatives));
    } else if (c.quoted || c.title) {
      required.push_back(ClauseQuery(c, written_forms));
    } else {
      optional_units.push_back(ClauseQuery(c, written_forms));  // word* prefix
    }
  }

  std::vector<Xapian::Query> boosts;
  for (const auto& run : runs) {
    if (run.empty()) continue;
    std::vector<Xapian::Query> words;
    for (const QueryTerm* t : run) words.push_back(WordQuery(*t));
    // The words of run[i, i + n) as parts of a phrase.
    auto phrase_words = [&](size_t i, size_t n) {
      const WrittenForms* forms = PhraseForms(std::span(run).subspan(i, n), written_forms);
      std::vector<Xapian::Query> parts;
      for (size_t k = i; k < i + n; ++k) parts.push_back(n > 1 ? PhraseWordQuery(*run[k], forms) : words[k]);
      return parts;
    };
    // Adjacent pairs and triples: multi-syllable words and phrases over
    // scattered hits; a passage that holds most of a long query in order
    // (a definition, a title) collects one bonus per run it holds.
    for (size_t n = 2; n <= 3; ++n) {
      for (size_t i = 0; i + n <= words.size(); ++i) {
        const std::vector<const QueryTerm*> terms(run.begin() + static_cast<long>(i),
                                                  run.begin() + static_cast<long>(i + n));
        // Read from pair terms, without positions (PairBoost). Where a
        // pair is too long to have been indexed (a word of ~100 bytes): in
        // the body a phrase; in the lead and the defined term none, since
        // their words have no positions (search_schema.h).
        const struct {
          const BoostField& field;
          double weight;
        } fields[] = {{kBodyField, weights.adjacent_pair},
                      {kLeadField, weights.lead},
                      {kDefinedField, weights.definition}};
        for (const auto& f : fields) {
          Xapian::Query boost = PairBoost(terms, f.field);
          if (boost.empty() && &f.field == &kBodyField) boost = FilteredPhrase(phrase_words(i, n), terms);
          if (boost.empty()) continue;
          boosts.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, boost, f.weight);
        }
      }
    }
    // A run of words that is exactly a term some passage defines: that
    // definition answers the query ("bí mật nhà nước là gì").
    const size_t content_words = static_cast<size_t>(std::count_if(
        run.begin(), run.end(), [](const QueryTerm* t) { return !IsQuestionWord(t->folded); }));
    for (size_t i = 0; i < run.size(); ++i) {
      std::string whole;
      for (size_t j = i; j < run.size() && j < i + 15; ++j) {
        if (!whole.empty()) whole += '_';
        whole += run[j]->folded;
        if (j > i) {
          // The more of the query the defined term covers, the surer the
          // match: "dữ liệu cá nhân cơ bản" is not answered by the definition
          // of "dữ liệu cá nhân".
          const double coverage =
              std::min(1.0, static_cast<double>(j - i + 1) / static_cast<double>(std::max<size_t>(1, content_words)));
          boosts.emplace_back(Xapian::Query::OP_SCALE_WEIGHT,
                              Xapian::Query(Term(schema::kDefinitionPrefix, whole)),
                              weights.defined_term * coverage);
        }
      }
    }
    std::vector<NameSpan> names;
    if (lexicon != nullptr) names = FindNames(run, *lexicon, &built.entity_ids, &built.concept_ids);
    size_t next_name = 0;
    for (size_t i = 0; i < run.size();) {
      if (next_name < names.size() && names[next_name].first == i) {
        const NameSpan& n = names[next_name++];
        const std::vector<const QueryTerm*> span_terms(run.begin() + static_cast<long>(i),
                                                       run.begin() + static_cast<long>(i + n.count));
        optional_units.emplace_back(
            Xapian::Query::OP_OR, NameWords(span_terms, written_forms),
            Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(n.term), weights.cross_language));
        i += n.count;
      } else {
        optional_units.push_back(words[i]);
        ++i;
      }
    }
  }

  Xapian::Query text;
  if (!optional_units.empty()) {
    std::vector<Xapian::Query> scored = {Combine(Xapian::Query::OP_OR, optional_units)};
    if (optional_units.size() > 1) {
      scored.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, Combine(Xapian::Query::OP_AND, optional_units),
                          weights.all_units);
    }
    scored.insert(scored.end(), boosts.begin(), boosts.end());
    text = Combine(Xapian::Query::OP_OR, scored);
  }
  if (!required.empty()) {
    Xapian::Query must = Combine(Xapian::Query::OP_AND, required);
    text = text.empty() ? must : Xapian::Query(Xapian::Query::OP_AND_MAYBE, must, text);
  }
  if (text.empty()) text = Xapian::Query::MatchAll;  // filters only

  Xapian::Query q = Xapian::Query(Xapian::Query::OP_FILTER, text,
                                  Xapian::Query(Term(schema::kKindPrefix, schema::kPassageKind)));
  Xapian::Query include = FilterQuery(parsed.filters, false);
  if (!include.empty()) q = Xapian::Query(Xapian::Query::OP_FILTER, q, include);
  Xapian::Query exclude_filters = FilterQuery(parsed.filters, true);
  if (!exclude_filters.empty()) excluded.push_back(exclude_filters);
  if (!excluded.empty()) {
    q = Xapian::Query(Xapian::Query::OP_AND_NOT, q, Combine(Xapian::Query::OP_OR, excluded));
  }
  built.query = q;
  return built;
}

}  // namespace policygraph::server
