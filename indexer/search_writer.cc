#include "indexer/search_writer.h"

#include <xapian.h>

#include <nlohmann/json.hpp>
#include <algorithm>
#include <cstdlib>
#include <functional>
#include <set>

#include "indexer/definitions.h"
#include "indexer/english_stem.h"
#include "indexer/search_schema.h"

namespace policygraph::indexer {

namespace schema = search_schema;
using search_schema::Term;
using nlohmann::json;

namespace {

// (folded, exact) pairs: written forms of folded words.
using WrittenFormSet = std::set<std::pair<std::string, std::string>>;

// Prefix + value. (Written out rather than `prefix + value`: GCC 12 warns
// falsely, -Wrestrict, on `const char* + std::string&&`.)
std::string CompactDate(const std::string& date) {
  std::string compact;
  for (char c : date) {
    if (c != '-') compact.push_back(c);
  }
  return compact;
}

std::string Dump(const json& j) {
  // Stored text is validated UTF-8, but a stray byte must never throw here.
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

// The folded forms a phrase can match at a token: the word, and the parts
// of a word kept whole ("vncert/cc").
std::vector<std::string> FoldedForms(const Token& t) {
  std::vector<std::string> forms = {t.folded};
  for (auto& part : CompoundParts(t.folded)) forms.push_back(std::move(part));
  return forms;
}

// The same with the token's English stem, which English passages are also
// indexed by (a query's phrase may match through it).
std::vector<std::string> FoldedFormsAndStem(const Token& t) {
  std::vector<std::string> forms = FoldedForms(t);
  std::string stem = EnglishStem(t.exact);
  if (!stem.empty() && stem != t.folded) forms.push_back(std::move(stem));
  return forms;
}

// Adds a pair term (search_schema.h, `prefix`) for every two adjacent
// positions among `tokens`: each form at one with each at the next.
// Boolean: it changes no weight; the query looks phrases up by them and
// gives its proximity boosts their weight (server/pair_boost_source.h).
void AddPairTerms(Xapian::Document& xdoc, const Token* begin, const Token* end,
                  std::vector<std::string> (*forms_of)(const Token&) = FoldedForms,
                  const char* prefix = schema::kPairPrefix) {
  std::vector<std::vector<std::string>> forms;  // forms_of each token
  forms.reserve(static_cast<size_t>(end - begin));
  for (const Token* t = begin; t != end; ++t) forms.push_back(forms_of(*t));
  for (size_t k = 0; begin + k != end; ++k) {
    for (size_t n = k + 1; begin + n != end && begin[n].position <= begin[k].position + 1; ++n) {
      if (begin[n].position != begin[k].position + 1) continue;
      for (const auto& first : forms[k]) {
        for (const auto& second : forms[n]) {
          std::string term = schema::PairTerm(prefix, first, second);
          if (!term.empty()) xdoc.add_boolean_term(term);
        }
      }
    }
  }
}

// Adds exact postings for `tokens`, positions shifted so that the first
// token lands on `first_position`, folded terms with the same wdf but no
// positions (search_schema.h: a phrase finds a folded word on its written
// forms' positions), and their pair terms.
void AddText(Xapian::Document& xdoc, const Token* begin, const Token* end, unsigned first_position,
             unsigned wdf) {
  if (begin == end) return;
  const unsigned base = begin->position;
  for (const Token* t = begin; t != end; ++t) {
    const unsigned pos = first_position + (t->position - base);
    xdoc.add_posting(t->exact, pos, wdf);
    xdoc.add_term(Term(schema::kFoldedPrefix, t->folded), wdf);
    // A token kept whole ("vncert/cc") is also found by its parts.
    for (const auto& part : CompoundParts(t->exact)) xdoc.add_posting(part, pos, wdf);
    for (const auto& part : CompoundParts(t->folded)) xdoc.add_term(Term(schema::kFoldedPrefix, part), wdf);
  }
  AddPairTerms(xdoc, begin, end);
}

// Records, for each of `tokens` written with diacritics, its folded form ->
// its exact form, and the same for the parts of a word kept whole: the
// written forms a phrase typed without diacritics is looked for on
// (search_schema.h, kWrittenFormsKeyPrefix).
void RecordWrittenForms(const Token* begin, const Token* end, WrittenFormSet* forms) {
  for (const Token* t = begin; t != end; ++t) {
    if (t->exact == t->folded) continue;
    forms->emplace(t->folded, t->exact);
    const std::vector<std::string> exact_parts = CompoundParts(t->exact);
    const std::vector<std::string> folded_parts = CompoundParts(t->folded);
    // Folding keeps '/' and '-', so the parts line up one to one.
    if (exact_parts.size() != folded_parts.size()) continue;
    for (size_t k = 0; k < exact_parts.size(); ++k) {
      if (exact_parts[k] != folded_parts[k]) forms->emplace(folded_parts[k], exact_parts[k]);
    }
  }
}

// Filters and values shared by a document's record and its passages.
void AddMetadata(Xapian::Document& xdoc, const SourceDocument& doc, const std::string& lang) {
  xdoc.add_boolean_term(Term(schema::kLangPrefix, lang));
  if (!doc.type.empty()) xdoc.add_boolean_term(Term(schema::kTypePrefix, doc.type));
  if (!doc.date.empty()) {
    xdoc.add_boolean_term(Term(schema::kYearPrefix, std::string_view(doc.date).substr(0, 4)));
    xdoc.add_boolean_term(Term(schema::kDatePrefix, CompactDate(doc.date)));
    xdoc.add_value(schema::kDateSlot, CompactDate(doc.date));
  }
  xdoc.add_value(schema::kLangSlot, lang);
  xdoc.add_value(schema::kTypeSlot, doc.type);
  xdoc.add_value(schema::kDocSlot, doc.id);
}

// Short passages ("Điều 5.") say too little to tell their language; they
// take their document's.
std::string PassageLanguage(std::string_view text, const std::string& doc_lang, const Analyzer& analyzer) {
  if (text.size() < 40) return doc_lang;
  return std::string(LanguageCode(analyzer.DetectLanguage(text)));
}

}  // namespace

struct PreparedDocument::Impl {
  std::string doc_id;
  Xapian::Document record;
  std::vector<Xapian::Document> passages;  // in passage order: their docids follow it
  std::set<std::pair<std::string, std::string>> spellings;  // see SearchWriter::Impl
  std::set<std::pair<std::string, std::string>> written_forms;  // see SearchWriter::Impl
};

PreparedDocument::PreparedDocument() = default;
PreparedDocument::~PreparedDocument() = default;
PreparedDocument::PreparedDocument(PreparedDocument&&) noexcept = default;
PreparedDocument& PreparedDocument::operator=(PreparedDocument&&) noexcept = default;


struct SearchWriter::Impl {
  Xapian::WritableDatabase db;
  // Written forms of folded words seen since the last commit, recorded as
  // synonyms for did-you-mean (see server/spelling.h).
  std::set<std::pair<std::string, std::string>> spellings;
  // Every written form with diacritics of a folded word (title, headings,
  // body, parts of words kept whole) seen since the last commit, recorded as
  // synonyms under kWrittenFormsKeyPrefix: a phrase typed without
  // diacritics is looked for on their positions (server/written_forms.h).
  // A superset of `spellings`, which did-you-mean reads and which keeps to
  // the body's words.
  std::set<std::pair<std::string, std::string>> written_forms;
  // Xapian documents written since their values were last merged; see
  // MergeValuesNowAndThen().
  size_t unmerged_values = 0;

  // Xapian (glass, 1.4) flushes buffered postings every
  // XAPIAN_FLUSH_THRESHOLD changes even inside a transaction, but keeps
  // every document's values (4 a Xapian document) in memory until the
  // transaction commits: ~100 bytes each, ~40 MB per 10,000 generated
  // documents, unbounded in a run's one transaction. Opening a value stream
  // on the writer makes it merge them into its (uncommitted) value table,
  // GlassWritableDatabase::open_value_list(): the same values, stored as
  // they would have been at the commit, and still undone by a crash or
  // cancel. It merges only while changes are pending since the last
  // postings flush, hence a period that is not a multiple of Xapian's.
  void MergeValuesNowAndThen(size_t written) {
    unmerged_values += written;
    if (unmerged_values < 4999) return;
    (void)db.valuestream_begin(schema::kDocSlot);
    unmerged_values = 0;
  }
};

SearchWriter::SearchWriter(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
SearchWriter::~SearchWriter() = default;

namespace {

// Changes Xapian buffers before it flushes postings to the tables, inside
// the run's transaction too (glass: check_flush_threshold() flushes, only
// its commit waits for the transaction). Xapian's default, 10,000, lets its
// maps of pending postings grow until inserting into them costs more than
// the extra flushes: on the shared corpus 2,000 took ~30 % less CPU and
// ~15 % less memory than 10,000, and 50,000 more memory (docs/PERFORMANCE.md,
// 4c). What is stored is the same for any value.
constexpr char kFlushThreshold[] = "2000";

}  // namespace

Status SearchWriter::Open(const std::string& dir, std::unique_ptr<SearchWriter>* writer) {
  // Xapian 1.4 reads the threshold only from the environment, when a
  // database is opened for writing. A value the user set is kept. (Called
  // before the indexer starts its threads; setenv is not safe beside them.)
  setenv("XAPIAN_FLUSH_THRESHOLD", kFlushThreshold, /*overwrite=*/0);
  try {
    auto impl = std::make_unique<Impl>();
    impl->db = Xapian::WritableDatabase(dir, Xapian::DB_CREATE_OR_OPEN);
    const std::string version = impl->db.get_metadata(schema::kSchemaKey);
    if (impl->db.get_doccount() > 0 && version != schema::kSchemaVersion) {
      return Status::InvalidArgument("the search index at " + dir + " has layout version '" + version +
                                     "', this build writes version " + schema::kSchemaVersion +
                                     "; index into a new data directory");
    }
    impl->db.set_metadata(schema::kSchemaKey, schema::kSchemaVersion);
    // Unflushed: the transaction only groups changes; Commit() writes them.
    // Inside a transaction Xapian still moves buffered postings to disk
    // every XAPIAN_FLUSH_THRESHOLD changes, bounding memory, but commits
    // nothing (glass: check_flush_threshold() applies only outside one).
    impl->db.begin_transaction(/*flushed=*/false);
    writer->reset(new SearchWriter(std::move(impl)));
    return Status::OK();
  } catch (const Xapian::DatabaseLockError& e) {
    return Status::IOError("the search index at " + dir + " is locked by another indexer: " + e.get_msg());
  } catch (const Xapian::Error& e) {
    return Status::IOError("cannot open the search index at " + dir + ": " + e.get_description());
  }
}

namespace {

// Builds the Xapian documents of `a`: its record into *record_out, then its
// passages one by one, in order, each handed to `emit` as soon as it is
// built; the written forms of its folded words go to *spellings. Throws
// Xapian::Error.
void BuildDocument(const AnalysedDocument& a, const Analyzer& analyzer, Xapian::Document* record_out,
                   std::set<std::pair<std::string, std::string>>* spellings, WrittenFormSet* written_forms,
                   const std::function<void(Xapian::Document&&)>& emit) {
  const SourceDocument& doc = *a.source;
  // The record: metadata, full text, passages' spans, entities.
  Xapian::Document& record = *record_out;
  json passages = json::array();
  for (const auto& p : a.passages) passages.push_back({p.begin, p.end, p.heading});
  // Where each entity is named, for the document view's highlighting.
  json mentions = json::array();
  for (const auto& m : a.entities) mentions.push_back({m.entity_id, m.begin, m.end});
  record.set_data(Dump({{"id", doc.id},     {"title", doc.title},  {"lang", doc.lang},
                        {"date", doc.date}, {"type", doc.type},    {"path", doc.path},
                        {"text", doc.body}, {"entities", a.entity_ids}, {"passages", passages},
                        {"mentions", mentions}}));
  record.add_boolean_term(Term(schema::kIdPrefix, doc.id));
  record.add_boolean_term(Term(schema::kKindPrefix, schema::kDocKind));
  for (const auto& e : a.entity_ids) record.add_boolean_term(Term(schema::kEntityPrefix, e));
  AddMetadata(record, doc, doc.lang);

  const unsigned title_end = a.title.empty() ? 0 : a.title.back().position + 1;
  RecordWrittenForms(a.title.data(), a.title.data() + a.title.size(), written_forms);
  size_t t = 0, e = 0, c = 0;  // cursors into body tokens, entities, concepts
  std::string heading_text;    // the heading last analysed, and its tokens
  std::vector<Token> heading;
  for (size_t n = 0; n < a.passages.size(); ++n) {
    const Passage& p = a.passages[n];
    while (t < a.body.size() && a.body[t].begin < p.begin) ++t;
    size_t t_end = t;
    while (t_end < a.body.size() && a.body[t_end].begin < p.end) ++t_end;
    const std::string_view text = std::string_view(doc.body).substr(p.begin, p.end - p.begin);
    const std::string lang = PassageLanguage(text, doc.lang, analyzer);

    Xapian::Document xdoc;
    xdoc.set_data(Dump({{"doc", doc.id},   {"n", n},           {"title", doc.title},
                        {"heading", p.heading}, {"lang", lang}, {"date", doc.date},
                        {"type", doc.type}, {"begin", p.begin}, {"end", p.end},
                        {"text", text}}));
    xdoc.add_boolean_term(Term(schema::kPassageIdPrefix, doc.id + "#" + std::to_string(n)));
    xdoc.add_boolean_term(Term(schema::kDocPrefix, doc.id));
    xdoc.add_boolean_term(Term(schema::kKindPrefix, schema::kPassageKind));
    AddMetadata(xdoc, doc, lang);

    // Title, then heading, then the passage's own words, each block apart.
    AddText(xdoc, a.title.data(), a.title.data() + a.title.size(), 0, schema::kTitleWdf);
    for (const auto& tok : a.title) {
      xdoc.add_boolean_term(Term(schema::kTitlePrefix, tok.exact));
      xdoc.add_boolean_term(Term(schema::kTitleFoldedPrefix, tok.folded));
    }
    unsigned next = title_end + schema::kTitleBodyGap;
    if (!p.heading.empty() && !p.is_heading) {
      // Passages under one heading follow each other: analyse it once.
      if (p.heading != heading_text) {
        heading_text = p.heading;
        heading = analyzer.Tokenize(p.heading);
        RecordWrittenForms(heading.data(), heading.data() + heading.size(), written_forms);
      }
      AddText(xdoc, heading.data(), heading.data() + heading.size(), next, schema::kHeadingWdf);
      next += static_cast<unsigned>(heading.size()) + schema::kTitleBodyGap;
    }
    if (t == t_end) {
      emit(std::move(xdoc));
      continue;
    }
    AddText(xdoc, &a.body[t], &a.body[t_end], next, 1);
    RecordWrittenForms(&a.body[t], &a.body[t_end], written_forms);
    // A definition: mark the words of the term it defines (definitions.h),
    // and the whole term as one, for a query that names exactly it.
    if (auto defined = FindDefinedTerm(text)) {
      const uint32_t from = p.begin + static_cast<uint32_t>(defined->first);
      const uint32_t to = p.begin + static_cast<uint32_t>(defined->second);
      std::string whole;
      size_t defined_begin = t_end, defined_end = t;
      for (size_t k = t; k < t_end && a.body[k].begin < to; ++k) {
        if (a.body[k].begin < from) continue;
        defined_begin = std::min(defined_begin, k);
        defined_end = k + 1;
        // No positions: the query reads the defined term's pairs (kDefinedPairPrefix).
        xdoc.add_term(Term(schema::kDefinedPrefix, a.body[k].exact));
        xdoc.add_term(Term(schema::kDefinedFoldedPrefix, a.body[k].folded));
        if (!whole.empty()) whole += '_';
        whole += a.body[k].folded;
      }
      if (!whole.empty() && whole.size() < 200) xdoc.add_term(Term(schema::kDefinitionPrefix, whole));
      if (defined_begin < defined_end) {
        AddPairTerms(xdoc, &a.body[defined_begin], &a.body[defined_end], FoldedForms, schema::kDefinedPairPrefix);
      }
    }
    if (lang == "en") {
      AddPairTerms(xdoc, &a.body[t], &a.body[t_end], FoldedFormsAndStem);
      for (size_t k = t; k < t_end; ++k) {
        std::string stem = EnglishStem(a.body[k].exact);
        if (!stem.empty()) {
          xdoc.add_posting(Term(schema::kStemPrefix, stem), next + (a.body[k].position - a.body[t].position));
        }
      }
    }
    const size_t lead_end = std::min(t_end, t + schema::kLeadTokens);
    // No positions: the query reads the lead's pairs (kLeadPairPrefix).
    for (size_t k = t; k < lead_end; ++k) {
      xdoc.add_term(Term(schema::kLeadPrefix, a.body[k].exact));
      xdoc.add_term(Term(schema::kLeadFoldedPrefix, a.body[k].folded));
    }
    AddPairTerms(xdoc, &a.body[t], &a.body[lead_end], FoldedForms, schema::kLeadPairPrefix);
    for (size_t k = t; k < t_end; ++k) {
      if (a.body[k].exact != a.body[k].folded) spellings->emplace(a.body[k].folded, a.body[k].exact);
    }
    // One wdf per mention, no positions: no query looks for a name's id in
    // a phrase (the record's "mentions" say where it is, for highlighting).
    auto add_mentions = [&](const std::vector<EntityMention>& mentions, size_t& cursor, const char* prefix) {
      while (cursor < mentions.size() && mentions[cursor].first_token < t) ++cursor;
      for (size_t k = cursor; k < mentions.size() && mentions[k].first_token < t_end; ++k) {
        xdoc.add_term(Term(prefix, mentions[k].entity_id));
      }
    };
    add_mentions(a.entities, e, schema::kEntityPrefix);
    add_mentions(a.concepts, c, schema::kConceptPrefix);
    emit(std::move(xdoc));
    t = t_end;
  }
}

Status WriteError(const std::string& doc_id, const Xapian::Error& err) {
  return Status::IOError("writing document '" + doc_id + "' to the search index: " + err.get_description());
}

}  // namespace

Status SearchWriter::Prepare(const AnalysedDocument& a, const Analyzer& analyzer, PreparedDocument* prepared) {
  prepared->impl_ = std::make_unique<PreparedDocument::Impl>();
  PreparedDocument::Impl& out = *prepared->impl_;
  out.doc_id = a.source->id;
  try {
    BuildDocument(a, analyzer, &out.record, &out.spellings, &out.written_forms,
                  [&](Xapian::Document&& passage) { out.passages.push_back(std::move(passage)); });
    return Status::OK();
  } catch (const Xapian::Error& err) {
    return WriteError(out.doc_id, err);
  }
}

Status SearchWriter::Write(PreparedDocument prepared) {
  PreparedDocument::Impl& doc = *prepared.impl_;
  try {
    // Passages replace the old ones wholesale: their number may change.
    impl_->db.delete_document(Term(schema::kDocPrefix, doc.doc_id));
    for (const auto& passage : doc.passages) impl_->db.add_document(passage);
    impl_->db.replace_document(Term(schema::kIdPrefix, doc.doc_id), doc.record);
    impl_->spellings.merge(doc.spellings);
    impl_->written_forms.merge(doc.written_forms);
    impl_->MergeValuesNowAndThen(doc.passages.size() + 1);
    return Status::OK();
  } catch (const Xapian::Error& err) {
    return WriteError(doc.doc_id, err);
  }
}

Status SearchWriter::Write(const AnalysedDocument& a, const Analyzer& analyzer) {
  const std::string& id = a.source->id;
  try {
    // The same writes, in the same order, as Write(Prepare(a)), but each
    // passage is stored as soon as it is built rather than all held first.
    impl_->db.delete_document(Term(schema::kDocPrefix, id));
    Xapian::Document record;
    std::set<std::pair<std::string, std::string>> spellings;
    WrittenFormSet written_forms;
    size_t written = 1;
    BuildDocument(a, analyzer, &record, &spellings, &written_forms, [&](Xapian::Document&& passage) {
      impl_->db.add_document(passage);
      ++written;
    });
    impl_->db.replace_document(Term(schema::kIdPrefix, id), record);
    impl_->spellings.merge(spellings);
    impl_->written_forms.merge(written_forms);
    impl_->MergeValuesNowAndThen(written);
    return Status::OK();
  } catch (const Xapian::Error& err) {
    return WriteError(id, err);
  }
}

Status SearchWriter::SetLexicon(const std::string& lexicon) {
  try {
    impl_->db.set_metadata(schema::kLexiconKey, lexicon);
    impl_->db.set_metadata(schema::kLexiconRevisionKey,
                           std::to_string(std::hash<std::string>{}(lexicon)) + "-" + std::to_string(lexicon.size()));
    return Status::OK();
  } catch (const Xapian::Error& err) {
    return Status::IOError("writing the lexicon: " + err.get_description());
  }
}

Status SearchWriter::MarkGraphPending() {
  try {
    uint64_t generation = 0;
    try {
      generation = std::stoull(impl_->db.get_metadata(schema::kGenerationKey));
    } catch (const std::exception&) {
      generation = 0;  // an index older than generations
    }
    impl_->db.set_metadata(schema::kGenerationKey, std::to_string(generation + 1));
    impl_->db.set_metadata(schema::kGraphStateKey, schema::kGraphPending);
    impl_->db.set_metadata(schema::kGraphSequenceKey, "");  // "" removes it
    return Status::OK();
  } catch (const Xapian::Error& err) {
    return Status::IOError("writing the graph state: " + err.get_description());
  }
}

Status SearchWriter::MarkGraphComplete(uint64_t graph_sequence) {
  try {
    impl_->db.set_metadata(schema::kGraphStateKey, schema::kGraphComplete);
    impl_->db.set_metadata(schema::kGraphSequenceKey, std::to_string(graph_sequence));
    return Status::OK();
  } catch (const Xapian::Error& err) {
    return Status::IOError("writing the graph state: " + err.get_description());
  }
}

std::string SearchWriter::Lexicon() const {
  try {
    return impl_->db.get_metadata(schema::kLexiconKey);
  } catch (const Xapian::Error&) {
    return "";
  }
}

Status SearchWriter::Commit() {
  try {
    for (const auto& [folded, exact] : impl_->spellings) {
      impl_->db.add_synonym(Term(schema::kFoldedPrefix, folded), exact);
    }
    impl_->spellings.clear();
    for (const auto& [folded, exact] : impl_->written_forms) {
      impl_->db.add_synonym(Term(schema::kWrittenFormsKeyPrefix, folded), exact);
    }
    impl_->written_forms.clear();
    impl_->db.commit_transaction();
    impl_->db.commit();
    // Whatever is written next waits for the next Commit() again.
    impl_->db.begin_transaction(/*flushed=*/false);
    return Status::OK();
  } catch (const Xapian::Error& err) {
    return Status::IOError("committing the search index: " + err.get_description());
  }
}

bool SearchWriter::IsNew() const {
  return impl_->db.get_lastdocid() == 0 && impl_->db.get_metadata(schema::kGenerationKey).empty();
}

uint64_t SearchWriter::DocumentCount() const {
  return impl_->db.get_termfreq(Term(schema::kKindPrefix, schema::kDocKind));
}

}  // namespace policygraph::indexer
