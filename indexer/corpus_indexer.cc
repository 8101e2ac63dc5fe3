#include "indexer/corpus_indexer.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <optional>
#include <set>

#include "graph/graph_store.h"
#include "indexer/analyzer.h"
#include "indexer/discovered_entities.h"
#include "indexer/document_links.h"
#include "indexer/document.h"
#include "indexer/entity_discovery.h"
#include "indexer/entity_matcher.h"
#include "indexer/gazetteer.h"
#include "indexer/glossary.h"
#include "indexer/learned_translations.h"
#include "indexer/lexicon.h"
#include "indexer/ordered_parallel.h"
#include "indexer/passages.h"
#include "indexer/search_writer.h"

namespace policygraph::indexer {

namespace fs = std::filesystem;

namespace {

// Bytes of document text being analysed or waiting to be written at once
// (one document is always let through, whatever its size). A prepared
// document holds its passages' Xapian documents, several tens of times its
// text (title terms are repeated in every passage), so this keeps the
// pipeline's memory to some tens of MB beyond the largest document.
constexpr size_t kTextInFlight = 1 << 20;

// A document longer than this is not prepared on a worker: its passages'
// Xapian documents are built and stored one at a time on the writer's
// thread instead (SearchWriter::Write(AnalysedDocument)), because prepared
// all at once they would take hundreds of MB (~300 MB for the 2.7 MB
// document of the shared corpus). Its analysis still runs on a worker. As
// large as the budget: prepared documents then never hold more than about
// kTextInFlight of text together, whatever the documents' sizes.
constexpr size_t kMaxPreparedText = kTextInFlight;

std::vector<graph::Node> NodesFromGazetteer(const Analyzer& analyzer,
                                            const std::vector<graph::Node>& entities) {
  std::vector<graph::Node> nodes;
  for (const auto& e : entities) {
    if (e.type == kNotEntityType || e.type == kCapitalType) continue;
    graph::Node n = e;
    std::vector<std::string> names = e.names_en;
    names.insert(names.end(), e.names_vi.begin(), e.names_vi.end());
    for (const auto& name : names) {
      std::string key = analyzer.Fold(name);
      if (std::find(n.alias_keys.begin(), n.alias_keys.end(), key) == n.alias_keys.end()) {
        n.alias_keys.push_back(key);
      }
    }
    nodes.push_back(std::move(n));
  }
  return nodes;
}

std::vector<std::string> DistinctIds(const std::vector<EntityMention>& mentions) {
  std::set<std::string> ids;
  for (const auto& m : mentions) ids.insert(m.entity_id);
  return {ids.begin(), ids.end()};
}

}  // namespace

Status IndexCorpus(const std::vector<std::string>& paths, const IndexOptions& options,
                   IndexReport* report, std::ostream* progress) {
  *report = IndexReport();
  // Load and check everything before writing anything.
  std::vector<fs::path> files;
  Status s = CollectDocumentFiles(paths, &files);
  if (!s.ok()) return s;
  if (files.empty()) return Status::NotFound("no .txt or .md files found in the given paths");
  std::vector<SourceDocument> docs(files.size());
  for (size_t i = 0; i < files.size(); ++i) {
    s = LoadDocument(files[i], &docs[i]);
    if (!s.ok()) return s;
  }
  return IndexDocuments(std::move(docs), options, report, progress);
}

Status IndexDocuments(std::vector<SourceDocument> docs, const IndexOptions& options,
                      IndexReport* report, std::ostream* progress) {
  *report = IndexReport();
  if (options.data_dir.empty()) return Status::InvalidArgument("no data directory given");
  std::map<std::string, std::string> id_to_path;
  for (const auto& doc : docs) {
    auto [it, inserted] = id_to_path.emplace(doc.id, doc.path);
    if (!inserted) {
      return Status::InvalidArgument("two files have the document id '" + doc.id + "': " +
                                     it->second + " and " + doc.path +
                                     " (rename one, or set 'id:' in its front matter)");
    }
  }
  std::vector<graph::Node> gazetteer;
  Status s = LoadGazetteer(options.gazetteer, &gazetteer);
  if (!s.ok()) return s;

  std::vector<graph::Node> concepts;
  if (!options.glossary.empty()) {
    s = LoadGlossary(options.glossary, &concepts);
    if (!s.ok()) return s;
  }

  Analyzer analyzer;
  const size_t threads = options.threads == 0 ? DefaultThreadCount() : options.threads;
  // Results waiting to be consumed in order, per thread: enough to keep the
  // workers busy while one long document is written, few enough that their
  // memory does not matter.
  const size_t window = 4 * threads;

  // Names the texts themselves reveal join the gazetteer's before matching,
  // so that every document finds them, wherever they were first seen. Each
  // document is read on its own (in parallel); the names are added in
  // document order, as a plain loop would. So are the translations the texts
  // state, which extend the glossary below.
  DiscoveredEntities discovered(analyzer, gazetteer);
  std::vector<graph::Node> learned_in_texts;
  struct TextNames {
    std::vector<DiscoveredName> names;
    std::vector<graph::Node> translations;
  };
  s = RunOrdered<TextNames>(
      docs.size(), threads, window,
      [&](size_t i) {
        return TextNames{DiscoverNames(docs[i].body, analyzer), LearnTranslations(docs[i].body, analyzer)};
      },
      [&](size_t, TextNames found) {
        discovered.Add(found.names);
        // One MergeConcepts over all of them (below) is the same as one per
        // document in this order: it merges item by item.
        for (auto& t : found.translations) learned_in_texts.push_back(std::move(t));
        return Status::OK();
      });
  if (!s.ok()) return s;
  std::vector<graph::Node> entities = discovered.Merged();

  // Open both stores.
  std::error_code ec;
  fs::create_directories(options.data_dir, ec);
  if (ec) return Status::IOError("cannot create data directory " + options.data_dir + ": " + ec.message());
  std::unique_ptr<graph::GraphStore> graph;
  s = graph::GraphStore::Open((fs::path(options.data_dir) / "graph").string(), {}, &graph);
  if (!s.ok()) return s;
  std::unique_ptr<SearchWriter> search;
  s = SearchWriter::Open((fs::path(options.data_dir) / "search").string(), &search);
  if (!s.ok()) return s;

  // Translations stated in the texts extend the glossary; those learned by
  // earlier runs into this index are kept.
  Lexicon previous;
  if (!DecodeLexicon(search->Lexicon(), &previous).ok()) previous = Lexicon();
  std::vector<graph::Node> learned;
  for (const auto& c : previous.concepts) {
    if (c.id.rfind(kLearnedPrefix, 0) == 0) learned.push_back(c);
  }
  MergeConcepts(&learned, learned_in_texts);
  MergeConcepts(&concepts, learned);

  EntityMatcher entity_matcher(analyzer, entities);
  EntityMatcher concept_matcher(analyzer, concepts);
  DocumentLinker linker(analyzer, entity_matcher, entities);
  linker.set_observer(options.observe_sentences);
  std::vector<graph::Node> nodes = NodesFromGazetteer(analyzer, entities);
  report->entities = nodes.size();
  report->discovered = static_cast<size_t>(
      std::count_if(nodes.begin(), nodes.end(), [](const graph::Node& n) { return n.discovered; }));
  report->concepts = concepts.size();

  // Analyse each document (in parallel: every step reads only its own
  // document and the shared, immutable matchers) and write it to the search
  // index in document order; keep what it contributes to the graph until the
  // search index has committed it.
  struct Analysed {
    Status status = Status::OK();
    PreparedDocument search;
    std::optional<AnalysedDocument> long_document;  // instead of `search`, see kMaxPreparedText
    graph::DocumentContribution contribution;
    size_t mentions = 0;
    size_t passages = 0;
  };
  std::vector<graph::DocumentContribution> contributions;
  contributions.reserve(docs.size());
  s = RunOrdered<Analysed>(
      docs.size(), threads, window, kTextInFlight, [&](size_t i) { return docs[i].body.size(); },
      [&](size_t i) {
        SourceDocument& doc = docs[i];  // this worker's alone until consumed
        if (doc.lang.empty()) doc.lang = std::string(LanguageCode(analyzer.DetectLanguage(doc.body)));
        AnalysedDocument a;
        a.source = &doc;
        a.title = analyzer.Tokenize(doc.title);
        a.body = analyzer.Tokenize(doc.body);
        a.passages = SplitPassages(doc.body, analyzer);
        a.entities = entity_matcher.Find(doc.body, a.body);
        a.concepts = concept_matcher.Find(doc.body, a.body);
        a.entity_ids = DistinctIds(a.entities);
        Analysed out;
        out.contribution = linker.Extract(doc, a.body, a.entities, a.passages, analyzer.Sentences(doc.body));
        out.mentions = a.entities.size();
        out.passages = a.passages.size();
        if (doc.body.size() > kMaxPreparedText) {
          out.long_document = std::move(a);
        } else {
          out.status = SearchWriter::Prepare(a, analyzer, &out.search);
        }
        return out;
      },
      [&](size_t, Analysed a) {
        if (!a.status.ok()) return a.status;
        Status written = a.long_document ? search->Write(*a.long_document, analyzer)
                                         : search->Write(std::move(a.search));
        if (!written.ok()) return written;
        report->mentions += a.mentions;
        report->evidence += a.contribution.evidence.size();
        for (const auto& [edge, ev] : a.contribution.evidence) report->typed_evidence += !ev.trigger.empty();
        report->passages += a.passages;
        ++report->documents;
        contributions.push_back(std::move(a.contribution));
        if (progress != nullptr && report->documents % 10000 == 0) {
          *progress << "indexed " << report->documents << " of " << docs.size() << " documents\n";
        }
        return Status::OK();
      });
  if (!s.ok()) return s;

  // Search index first, marked "pending"; then the graph; then "complete".
  // See the header for why this order makes every moment a valid state.
  // Queries are matched against the gazetteer's entities only: discovered
  // names are many and unchecked, and would reshape ranking unreviewed.
  s = search->SetLexicon(EncodeLexicon({gazetteer, concepts}));
  if (!s.ok()) return s;
  s = search->MarkGraphPending();
  if (!s.ok()) return s;
  s = search->Commit();
  if (!s.ok()) return s;
  s = graph->PutNodes(nodes);
  if (!s.ok()) return s;
  for (const auto& contribution : contributions) {
    s = graph->ReplaceDocument(contribution);
    if (!s.ok()) return s;
  }
  // Discovered names no stored document uses any more (a text re-indexed
  // without them) go; those this run discovered stay even if unmatched.
  std::set<std::string> discovered_now;
  for (const auto& n : nodes) {
    if (n.discovered) discovered_now.insert(n.id);
  }
  size_t unused = 0;
  s = graph->RemoveUnusedDiscoveredNodes(discovered_now, &unused);
  if (!s.ok()) return s;
  s = graph->Commit();
  if (!s.ok()) return s;
  s = search->MarkGraphComplete(graph->Sequence());
  if (!s.ok()) return s;
  s = search->Commit();
  if (!s.ok()) return s;
  report->total_documents = search->DocumentCount();
  return Status::OK();
}

}  // namespace policygraph::indexer
