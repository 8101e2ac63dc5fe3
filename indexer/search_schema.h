// How documents are laid out in the Xapian database; shared by the indexer
// (writer) and the search service (reader). Prefixes follow omega's
// conventions where one exists.
#pragma once

#include <string>
#include <string_view>

namespace policygraph::search_schema {

// The database holds two kinds of Xapian document:
//  - one record per source document (kind "doc"): its metadata and full
//    text in the data, found by its Q term; it has no text terms;
//  - one per passage (kind "passage"): the searchable unit, with the text
//    terms, its own text and its document's metadata in the data.

// Term prefixes. Which terms carry positions (layout 5): exact words
// (unprefixed) and English stems (Z) only, the forms a phrase is checked on
// (quoted phrases, multi-word names, did-you-mean's pair counts). Every
// other text term has its wdf, so passage lengths and BM25 weights are those
// of layout 4, but no positions: folded words (a phrase typed without
// diacritics is checked on the positions of their written forms,
// kWrittenFormsKeyPrefix), the lead's and the defined term's words (their
// proximity boosts read pair terms, XJ/XF) and entities and concepts (no
// query puts them in a phrase).
inline constexpr char kIdPrefix[] = "Q";        // unique document id (boolean, records)
inline constexpr char kPassageIdPrefix[] = "XP";  // docid#n (boolean, passages)
inline constexpr char kDocPrefix[] = "XD";      // the document a passage belongs to (boolean)
inline constexpr char kKindPrefix[] = "XK";     // "doc" or "passage" (boolean)
inline constexpr char kLangPrefix[] = "L";      // vi, en, other (boolean)
inline constexpr char kYearPrefix[] = "Y";      // 2022 (boolean)
inline constexpr char kDatePrefix[] = "D";      // 20220601 (boolean)
inline constexpr char kTitlePrefix[] = "S";     // exact title terms
inline constexpr char kTitleFoldedPrefix[] = "XS";  // folded title terms
inline constexpr char kFoldedPrefix[] = "XA";   // folded terms (no diacritics), no positions
// A passage's first words and the words of the term it defines, exact and
// folded, without positions. No query reads the exact ones (XL, XN) since
// layout 5; they are still written because they count in the passage's
// length, which every BM25 weight depends on.
inline constexpr char kLeadPrefix[] = "XL";     // exact terms of a passage's first words
inline constexpr char kLeadFoldedPrefix[] = "XM";  // folded terms of its first words
inline constexpr char kDefinedPrefix[] = "XN";  // exact terms of the term a passage defines
inline constexpr char kDefinedFoldedPrefix[] = "XO";  // its folded terms
inline constexpr char kDefinitionPrefix[] = "XQ";  // the whole defined term, folded, '_' for spaces
inline constexpr char kStemPrefix[] = "Z";      // English stems (English passages only), positional
inline constexpr char kEntityPrefix[] = "XE";   // entity ids, wdf one a mention, no positions
inline constexpr char kConceptPrefix[] = "XC";  // glossary concepts, the same
inline constexpr char kTypePrefix[] = "XT";     // document type (boolean)
// Every two adjacent words, folded and joined by '_' ("XGan_ninh"): boolean
// (no wdf, so document lengths and BM25 weights are those of the other
// terms). The query's proximity boosts are read from them, without
// positions (server/pair_boost_source.h); a quoted phrase can only match
// where its adjacent pairs are, so it is filtered by them and Xapian checks
// positions only in passages that hold the pairs (query_builder.cc).
inline constexpr char kPairPrefix[] = "XG";
// The same for two adjacent words among a passage's first words (the lead,
// kLeadPrefix) and in the term it defines (kDefinedPrefix): the query's
// implicit boosts in those fields are read from them, without positions.
// Boolean too, and folded forms only (the fields have no stems).
inline constexpr char kLeadPairPrefix[] = "XJ";
inline constexpr char kDefinedPairPrefix[] = "XF";

// Synonym keys (not terms): kWrittenFormsKeyPrefix + a folded word ->
// every exact term with diacritics that folds to it ("XWmang" -> "màng",
// "mạng", …), from the title, headings, body and the parts of words kept
// whole. Folded terms have no positions; a phrase word typed without
// diacritics is found on the positions of the word as typed and of these
// (server/written_forms.h). (Did-you-mean's synonyms, kFoldedPrefix + a
// folded word, keep to the body's words.)
inline constexpr char kWrittenFormsKeyPrefix[] = "XW";

// Value slots.
inline constexpr unsigned kDateSlot = 0;  // YYYYMMDD, sortable
inline constexpr unsigned kLangSlot = 1;
inline constexpr unsigned kTypeSlot = 2;
inline constexpr unsigned kDocSlot = 3;   // document id: the collapse key for grouping

inline constexpr char kDocKind[] = "doc";
inline constexpr char kPassageKind[] = "passage";

// Metadata: the names the index was built with (entities and glossary
// concepts, JSON), so that queries are matched against exactly the same.
inline constexpr char kLexiconKey[] = "policygraph.lexicon";
// A short fingerprint of the lexicon, read on every query to tell whether
// it changed, instead of the whole lexicon (tens of kilobytes).
inline constexpr char kLexiconRevisionKey[] = "policygraph.lexicon.revision";

// Metadata: whether the graph has caught up with this commit. The indexer
// commits the search index first with "pending", then writes the graph, then
// commits "complete" (see corpus_indexer.h). Absent in indexes older than it.
inline constexpr char kGraphStateKey[] = "policygraph.graph";
inline constexpr char kGraphPending[] = "pending";
inline constexpr char kGraphComplete[] = "complete";
// Metadata, with "complete" only: the graph's RocksDB sequence number
// (GraphStore::Sequence()) after the run's last graph write. A server opens
// the graph anew when this changes and uses the view only if it reports the
// same number, so a search revision is served with exactly its own graph
// (server/serving_index.h).
inline constexpr char kGraphSequenceKey[] = "policygraph.graph.sequence";
// Metadata: how many indexing runs have committed into this index (1, 2,
// …), set with "pending"; /api/health reports the one being served.
inline constexpr char kGenerationKey[] = "policygraph.generation";

// Metadata: the layout version. A reader refuses an index of another
// version with a message to re-index, rather than searching it wrongly.
inline constexpr char kSchemaKey[] = "policygraph.schema";
// 2: passages; 3: pair terms; 4: lead and defined pairs; 5: positions on
// exact words and stems only, written forms (kWrittenFormsKeyPrefix).
inline constexpr char kSchemaVersion[] = "5";

// Title and heading words are indexed with every passage beneath them, so
// they weigh more: a passage matches on its own words and on its context.
// (Every passage carries its document's title, so a larger factor lets a
// matching title outrank the passage that actually answers.)
inline constexpr unsigned kTitleWdf = 1;
inline constexpr unsigned kHeadingWdf = 1;
// The first words of a passage are indexed again under the lead prefixes:
// a definition ("13. Sự cố an ninh mạng là …"), an article title or a list
// item names its subject first, and a query found there is about it rather
// than mentioning it in passing.
inline constexpr unsigned kLeadTokens = 12;

// Gap between the title's, the heading's and the body's positions, so that
// no phrase spans two of them.
inline constexpr unsigned kTitleBodyGap = 100;

// The pair term (`prefix`: kPairPrefix, kLeadPairPrefix or
// kDefinedPairPrefix) of two adjacent words' folded forms, or "" when it
// would be too long for a Xapian term (the writer then leaves it out and the
// query does not look for it).
inline std::string PairTerm(const char* prefix, std::string_view first_folded, std::string_view second_folded) {
  constexpr size_t kMaxPairTermBytes = 200;  // Xapian refuses terms over 245 bytes
  if (first_folded.empty() || second_folded.empty() ||
      first_folded.size() + second_folded.size() + 3 > kMaxPairTermBytes) {
    return "";
  }
  std::string term(prefix);
  term.append(first_folded);
  term.push_back('_');
  term.append(second_folded);
  return term;
}

inline std::string PairTerm(std::string_view first_folded, std::string_view second_folded) {
  return PairTerm(kPairPrefix, first_folded, second_folded);
}

// Prefix + value, the form of every prefixed term. (Written out rather than
// `prefix + value`: GCC 12 warns falsely, -Wrestrict, on that.)
inline std::string Term(const char* prefix, std::string_view value) {
  std::string term(prefix);
  term.append(value);
  return term;
}

}  // namespace policygraph::search_schema
