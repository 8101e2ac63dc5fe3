#include "indexer/corpus_indexer.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <thread>

#include "graph/graph_store.h"
#include "graph/record_codec.h"
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
#include "indexer/search_shards.h"
#include "indexer/search_writer.h"
#include "indexer/write_parts.h"

namespace policygraph::indexer {

namespace fs = std::filesystem;

namespace {

// Runs one document's analysis. An exception from it is a bug (bad input is
// a Status), but the run must still stop with the document's name rather
// than a bare "unexpected error" from somewhere in a million files; the
// index is left as it was, since nothing is swapped in before the end.
template <typename Analysis>
Status NamingTheDocument(const std::string& path, Analysis&& analyse) {
  try {
    return analyse();
  } catch (const std::exception& e) {
    return Status::Internal(path + ": internal error while analysing this document (please report it): " +
                            e.what());
  }
}

// The error a run stops with once `options.interrupted` is set, or OK.
Status CheckInterrupted(const IndexOptions& options) {
  if (options.interrupted == nullptr || !options.interrupted->load()) return Status::OK();
  return Status::IOError("interrupted: stopped before every document was indexed; " + options.data_dir +
                         " is as it was before this run");
}

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

// Whether a pass that has done `done` items says so (IndexOptions::
// progress_every): a run over a million files spends tens of minutes
// checking and discovering before it writes anything.
bool ProgressDue(std::ostream* progress, size_t every, size_t done) {
  return progress != nullptr && every != 0 && done % every == 0;
}

// The gazetteer's "not an entity", capital and state-body rows serve
// matching only.
bool IsGraphNode(const graph::Node& e) { return e.type != kNotEntityType && !StandsForItsCountry(e.type); }

// Appends to `names` those of `more` it does not hold yet.
void AddNames(const std::vector<std::string>& more, std::vector<std::string>* names) {
  for (const auto& name : more) {
    if (std::find(names->begin(), names->end(), name) == names->end()) names->push_back(name);
  }
}

// The graph's nodes, taken from the matched entities (gazetteer and
// discovered) once matching is over. A capital or a state body is no node,
// but where it acts its names are mentions of its country ("Washington has
// taken a harder line", "Quốc hội Việt Nam thông qua …"), so the country's
// node holds them as aliases, after its own names: the graph then says by
// which names a text may have meant it.
std::vector<graph::Node> NodesFromGazetteer(const Analyzer& analyzer, std::vector<graph::Node> entities) {
  std::map<std::string, graph::Node> stand_ins;  // by country: the names of the rows standing for it
  for (const auto& e : entities) {
    if (!StandsForItsCountry(e.type) || e.member_of.empty()) continue;
    graph::Node& names = stand_ins[e.member_of.front()];
    AddNames(e.names_en, &names.names_en);
    AddNames(e.names_vi, &names.names_vi);
  }
  std::vector<graph::Node> nodes;
  for (auto& e : entities) {
    if (!IsGraphNode(e)) continue;
    graph::Node n = std::move(e);
    if (auto it = stand_ins.find(n.id); it != stand_ins.end()) {
      AddNames(it->second.names_en, &n.names_en);
      AddNames(it->second.names_vi, &n.names_vi);
    }
    std::vector<std::string> names = n.names_en;
    names.insert(names.end(), n.names_vi.begin(), n.names_vi.end());
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

// Where a run's documents come from. Every pass over them asks for each
// document again instead of keeping them: from memory (IndexDocuments) or
// read from their files again (IndexCorpus), so that a run over files holds
// only the documents in its pipeline at any time, whatever the corpus's size.
// Get() is called from worker threads, several at once.
class DocumentSource {
 public:
  virtual ~DocumentSource() = default;
  virtual size_t Size() const = 0;
  // About the document's text size, for the pipeline's memory budget.
  virtual size_t Bytes(size_t i) const = 0;
  virtual Status Get(size_t i, SourceDocument* doc) const = 0;
};

class MemorySource : public DocumentSource {
 public:
  explicit MemorySource(std::vector<SourceDocument> docs) : docs_(std::move(docs)) {}
  size_t Size() const override { return docs_.size(); }
  size_t Bytes(size_t i) const override { return docs_[i].body.size(); }
  Status Get(size_t i, SourceDocument* doc) const override {
    *doc = docs_[i];
    return Status::OK();
  }
  const std::vector<SourceDocument>& docs() const { return docs_; }

 private:
  std::vector<SourceDocument> docs_;
};

// What a file held when it was checked: a later pass that reads something
// else (the file changed during the run) fails instead of indexing a text
// the other passes did not see.
uint64_t Fingerprint(const SourceDocument& doc) {
  uint64_t h = 1469598103934665603ull;
  for (const std::string* field : {&doc.id, &doc.title, &doc.lang, &doc.date, &doc.type, &doc.body}) {
    h = (h ^ std::hash<std::string>()(*field)) * 1099511628211ull;
    h = (h ^ field->size()) * 1099511628211ull;
  }
  return h;
}

class FileSource : public DocumentSource {
 public:
  struct Checked {
    uint64_t bytes = 0;
    uint64_t fingerprint = 0;
  };
  FileSource(DocumentFileList files, std::vector<Checked> checked)
      : files_(std::move(files)), checked_(std::move(checked)) {}
  size_t Size() const override { return files_.size(); }
  size_t Bytes(size_t i) const override { return static_cast<size_t>(checked_[i].bytes); }
  Status Get(size_t i, SourceDocument* doc) const override {
    Status s = LoadDocument(fs::path(files_[i]), doc);
    if (!s.ok()) return Status::IOError(s.message() + " (it changed during the run; run again)");
    if (Fingerprint(*doc) != checked_[i].fingerprint) {
      return Status::IOError(std::string(files_[i]) + " changed during the run; run again");
    }
    return Status::OK();
  }

 private:
  DocumentFileList files_;
  std::vector<Checked> checked_;
};

// The run's graph contributions wait in DATA/work/graph-pending.jsonl (one
// graph::EncodeDocumentContribution line each, in document order; with
// search shards, one file per shard, graph-pending-K.jsonl, each in the
// order of its documents) from the
// moment each document is written to the search index until the search
// index has committed them; then they are read back into the graph. Only
// the indexer holding both stores' write locks touches the file: it is
// created after both are open (truncating whatever a killed run left), and
// removed, with the work directory when empty, however the run ends. Neither
// the server nor `check` reads it: a crash with it present is one of the
// states corpus_indexer.h describes, and the next run starts it afresh.
class PendingContributions {
 public:
  PendingContributions(const std::string& data_dir, const std::string& name)
      : dir_(fs::path(data_dir) / "work"), path_(dir_ / name) {}
  ~PendingContributions() {
    out_.close();
    std::error_code ec;
    fs::remove(path_, ec);
    fs::remove(dir_, ec);  // only when empty
  }
  PendingContributions(const PendingContributions&) = delete;
  PendingContributions& operator=(const PendingContributions&) = delete;

  // Removes the per-shard contributions files (graph-pending-K.jsonl) a
  // killed run left in DATA/work/, which a run with fewer shards or one
  // writer would not overwrite. (graph-pending.jsonl is truncated by
  // Create(), or fails it when something else stands in its place.)
  static void RemoveLeftovers(const std::string& data_dir) {
    std::error_code ec;
    const fs::path dir = fs::path(data_dir) / "work";
    if (!fs::exists(dir, ec)) return;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
      const std::string name = entry.path().filename().string();
      if (name.rfind("graph-pending-", 0) == 0 && entry.path().extension() == ".jsonl" &&
          entry.is_regular_file(ec)) {
        std::error_code removed;
        fs::remove(entry.path(), removed);
      }
    }
  }

  Status Create() {
    std::error_code ec;
    fs::create_directories(dir_, ec);
    if (ec) return Status::IOError("cannot create " + dir_.string() + ": " + ec.message());
    out_.open(path_, std::ios::binary | std::ios::trunc);
    if (!out_) return Status::IOError("cannot create " + path_.string());
    return Status::OK();
  }
  Status Add(const graph::DocumentContribution& contribution) {
    out_ << graph::EncodeDocumentContribution(contribution) << '\n';
    if (!out_) return Status::IOError("cannot write " + path_.string());
    return Status::OK();
  }
  // All added, durable on disk as far as the stream goes.
  Status Finish() {
    out_.flush();
    const bool ok = static_cast<bool>(out_);
    out_.close();
    if (!ok || out_.fail()) return Status::IOError("cannot write " + path_.string());
    return Status::OK();
  }
  // Calls `each` for every contribution, in the order added.
  Status ForEach(const std::function<Status(const graph::DocumentContribution&)>& each) const {
    std::ifstream in(path_, std::ios::binary);
    if (!in) return Status::IOError("cannot read " + path_.string());
    std::string line;
    size_t line_no = 0;
    while (std::getline(in, line)) {
      ++line_no;
      auto contribution = graph::DecodeDocumentContribution(line);
      if (!contribution) {
        return Status::Corruption(path_.string() + ":" + std::to_string(line_no) + ": unreadable contribution");
      }
      Status s = each(*contribution);
      if (!s.ok()) return s;
    }
    if (in.bad()) return Status::IOError("error while reading " + path_.string());
    return Status::OK();
  }
  const fs::path& path() const { return path_; }

 private:
  fs::path dir_;
  fs::path path_;
  std::ofstream out_;
};

Status IndexSource(const DocumentSource& source, const IndexOptions& options, IndexReport* report,
                   std::ostream* progress);

// The discovery pass: every document is read on its own (in parallel); the
// names are added in document order, as a plain loop would, and so are the
// translations. `entities` gets the gazetteer's entities and the discovered
// ones (DiscoveredEntities::Merged); what was found per name goes once
// merged.
Status DiscoverInTexts(const DocumentSource& source, const Analyzer& analyzer,
                       const std::vector<graph::Node>& gazetteer, size_t threads, size_t window,
                       std::ostream* progress, const IndexOptions& options, std::vector<graph::Node>* entities,
                       std::vector<graph::Node>* learned_in_texts) {
  const size_t progress_every = options.progress_every;
  const size_t total = source.Size();
  DiscoveredEntities discovered(analyzer, gazetteer);
  struct TextNames {
    Status status = Status::OK();
    std::vector<DiscoveredName> names;
    std::vector<graph::Node> translations;
  };
  Status s = RunOrdered<TextNames>(
      total, threads, window, kTextInFlight, [&](size_t i) { return source.Bytes(i); },
      [&](size_t i) {
        TextNames out;
        SourceDocument doc;
        out.status = source.Get(i, &doc);
        if (!out.status.ok()) return out;
        out.status = NamingTheDocument(doc.path, [&] {
          out.names = DiscoverNames(doc.body, analyzer);
          out.translations = LearnTranslations(doc.body, analyzer);
          return Status::OK();
        });
        return out;
      },
      [&](size_t i, TextNames found) {
        if (!found.status.ok()) return found.status;
        if (Status interrupted = CheckInterrupted(options); !interrupted.ok()) return interrupted;
        discovered.Add(found.names);
        // One MergeConcepts over all of them (IndexSource) is the same as
        // one per document in this order: it merges item by item.
        for (auto& t : found.translations) learned_in_texts->push_back(std::move(t));
        if (ProgressDue(progress, progress_every, i + 1)) {
          *progress << "discovering names: " << i + 1 << " of " << total << " documents\n";
        }
        return Status::OK();
      });
  if (!s.ok()) return s;
  *entities = discovered.Merged();
  return Status::OK();
}

// The bytes of text of the documents before each (WriteParts).
std::vector<uint64_t> TextBefore(const DocumentSource& source) {
  std::vector<uint64_t> before(source.Size() + 1, 0);
  for (size_t i = 0; i < source.Size(); ++i) before[i + 1] = before[i] + source.Bytes(i);
  return before;
}

// At most this many parts a writer (write_parts.h): each split at least
// halves what is left, so a run ends with a few.
constexpr size_t kMaxPartsPerWriter = 8;

}  // namespace

Status IndexCorpus(const std::vector<std::string>& paths, const IndexOptions& options,
                   IndexReport* report, std::ostream* progress) {
  *report = IndexReport();
  // Check everything before writing anything: every file is read and parsed
  // (UTF-8, size, front matter) and the ids must be unique. Only what a
  // later pass needs to find the file and tell it unchanged is kept.
  DocumentFileList files;
  Status s = CollectDocumentFiles(paths, &files);
  if (!s.ok()) return s;
  if (files.empty()) return Status::NotFound("no .txt or .md files found in the given paths");
  const size_t threads = options.threads == 0 ? DefaultThreadCount() : options.threads;
  struct Loaded {
    Status status = Status::OK();
    std::string id;
    FileSource::Checked checked;
  };
  std::vector<FileSource::Checked> checked(files.size());
  std::map<std::string, size_t> id_to_file;
  std::optional<Status> duplicate;  // the first, reported once every file is checked
  s = RunOrdered<Loaded>(
      files.size(), threads, 4 * threads,
      [&](size_t i) {
        Loaded out;
        SourceDocument doc;
        out.status = LoadDocument(fs::path(files[i]), &doc);
        if (!out.status.ok()) return out;
        out.id = doc.id;
        out.checked.bytes = doc.body.size();
        out.checked.fingerprint = Fingerprint(doc);
        return out;
      },
      [&](size_t i, Loaded loaded) {
        if (!loaded.status.ok()) return loaded.status;
        if (Status interrupted = CheckInterrupted(options); !interrupted.ok()) return interrupted;
        checked[i] = loaded.checked;
        if (ProgressDue(progress, options.progress_every, i + 1)) {
          *progress << "checking files: " << i + 1 << " of " << files.size() << "\n";
        }
        auto [it, inserted] = id_to_file.emplace(std::move(loaded.id), i);
        if (!inserted && !duplicate) {
          duplicate = Status::InvalidArgument("two files have the document id '" + it->first + "': " +
                                              std::string(files[it->second]) + " and " + std::string(files[i]) +
                                              " (rename one, or set 'id:' in its front matter)");
        }
        return Status::OK();
      });
  if (!s.ok()) return s;
  if (duplicate) return *duplicate;
  id_to_file.clear();
  return IndexSource(FileSource(std::move(files), std::move(checked)), options, report, progress);
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
  return IndexSource(MemorySource(std::move(docs)), options, report, progress);
}

namespace {

Status IndexSource(const DocumentSource& source, const IndexOptions& options, IndexReport* report,
                   std::ostream* progress) {
  *report = IndexReport();
  if (options.data_dir.empty()) return Status::InvalidArgument("no data directory given");
  const size_t total = source.Size();
  std::vector<graph::Node> gazetteer;
  Status s = LoadGazetteer(options.gazetteer, &gazetteer);
  if (!s.ok()) return s;

  std::vector<graph::Node> concepts;
  if (!options.glossary.empty()) {
    s = LoadGlossary(options.glossary, &concepts);
    if (!s.ok()) return s;
  }
  std::optional<LinkModel> link_model;
  if (!options.link_model.empty()) {
    s = LinkModel::Load(options.link_model, &link_model.emplace());
    if (!s.ok()) return s;
  }

  Analyzer analyzer;
  const size_t threads = options.threads == 0 ? DefaultThreadCount() : options.threads;
  // Results waiting to be consumed in order, per thread: enough to keep the
  // workers busy while one long document is written, few enough that their
  // memory does not matter.
  const size_t window = 4 * threads;

  // Names the texts themselves reveal join the gazetteer's before matching,
  // so that every document finds them, wherever they were first seen; the
  // translations the texts state extend the glossary below.
  std::vector<graph::Node> entities;
  std::vector<graph::Node> learned_in_texts;
  s = DiscoverInTexts(source, analyzer, gazetteer, threads, window, progress, options, &entities, &learned_in_texts);
  if (!s.ok()) return s;

  // Open both stores.
  std::error_code ec;
  fs::create_directories(options.data_dir, ec);
  if (ec) return Status::IOError("cannot create data directory " + options.data_dir + ": " + ec.message());
  std::unique_ptr<graph::GraphStore> graph;
  s = graph::GraphStore::Open((fs::path(options.data_dir) / "graph").string(), {}, &graph);
  if (!s.ok()) return s;
  const std::string search_dir = (fs::path(options.data_dir) / "search").string();
  std::unique_ptr<SearchWriter> search;
  s = SearchWriter::Open(search_dir, &search);
  if (!s.ok()) return s;
  // A new index is written as shards on as many threads, then merged
  // (search_shards.h); an index with documents by one writer, which
  // replaces them in place.
  size_t writers = std::min(options.writers == 0 ? threads : options.writers, total);
  if (writers == 0 || !search->IsNew()) writers = 1;
  // Several writers write parts, one shard database each (write_parts.h).
  std::optional<WriteParts> parts;
  if (writers > 1) parts.emplace(TextBefore(source), writers, options.min_part_text, writers * kMaxPartsPerWriter);
  // Both write locks held: work/ is this run's alone. Shards or a merge a
  // killed run left go, whichever way this one writes.
  SearchShardDirs shard_dirs(options.data_dir, parts ? parts->max_parts() : 0);
  s = shard_dirs.Create();
  if (!s.ok()) return s;
  PendingContributions::RemoveLeftovers(options.data_dir);
  // The graph's contributions, per part; a part's file is made when it starts.
  std::vector<std::unique_ptr<PendingContributions>> pending(parts ? parts->max_parts() : 1);
  if (!parts) {
    pending[0] = std::make_unique<PendingContributions>(options.data_dir, "graph-pending.jsonl");
    s = pending[0]->Create();
    if (!s.ok()) return s;
  }

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

  // Matching needs the matchers and the linker (each keeps what it needs of
  // the entities); the entities themselves wait, without their alias keys,
  // to become the graph's nodes once the documents are written, and both
  // matchers go then.
  auto entity_matcher = std::make_unique<EntityMatcher>(analyzer, entities);
  auto concept_matcher = std::make_unique<EntityMatcher>(analyzer, concepts);
  auto linker = std::make_unique<DocumentLinker>(analyzer, *entity_matcher, entities);
  linker->set_observer(options.observe_sentences);
  if (link_model) linker->set_link_model(&*link_model);
  report->entities = static_cast<size_t>(std::count_if(entities.begin(), entities.end(), IsGraphNode));
  report->discovered = static_cast<size_t>(std::count_if(
      entities.begin(), entities.end(), [](const graph::Node& n) { return IsGraphNode(n) && n.discovered; }));
  report->concepts = concepts.size();

  // Analyse each document (in parallel: every step reads only its own
  // document and the shared, immutable matchers) and write documents
  // [begin, end) to `writer` in document order; keep what each contributes
  // to the graph in `contributions` until the search index has committed
  // it. Counts go to `counts`. Stops early, unwritten, once `stop` is set
  // (another shard failed).
  struct Analysed {
    Status status = Status::OK();
    PreparedDocument search;
    std::unique_ptr<SourceDocument> doc;            // kept only for `long_document`
    std::optional<AnalysedDocument> long_document;  // instead of `search`, see kMaxPreparedText
    graph::DocumentContribution contribution;
    size_t mentions = 0;
    size_t passages = 0;
  };
  std::atomic<size_t> written{0};  // documents, over all shards
  std::mutex progress_mutex;
  std::atomic<bool> stop{false};
  // `may_write(i)`, where given, is asked before document i is written: a
  // part's end may move down while it is written (write_parts.h); false
  // stops the run with a non-OK status, which the caller knows to be no
  // error.
  auto write_documents = [&](size_t begin, size_t end, size_t range_threads, SearchWriter* writer,
                             PendingContributions* contributions, IndexReport* counts,
                             const std::function<bool(size_t)>& may_write) {
    return RunOrdered<Analysed>(
        end - begin, range_threads, 4 * range_threads, kTextInFlight,
        [&](size_t i) { return source.Bytes(begin + i); },
        [&](size_t i) {
          Analysed out;
          out.doc = std::make_unique<SourceDocument>();
          out.status = source.Get(begin + i, out.doc.get());
          if (!out.status.ok()) return out;
          SourceDocument& doc = *out.doc;
          out.status = NamingTheDocument(doc.path, [&] {
            if (doc.lang.empty()) doc.lang = std::string(LanguageCode(analyzer.DetectLanguage(doc.body)));
            AnalysedDocument a;
            a.source = &doc;
            a.title = analyzer.Tokenize(doc.title);
            a.body = analyzer.Tokenize(doc.body);
            a.passages = SplitPassages(doc.body, analyzer);
            a.entities = entity_matcher->Find(doc.body, a.body);
            a.concepts = concept_matcher->Find(doc.body, a.body);
            a.entity_ids = DistinctIds(a.entities);
            out.contribution = linker->Extract(doc, a.body, a.entities, a.passages, analyzer.Sentences(doc.body));
            out.mentions = a.entities.size();
            out.passages = a.passages.size();
            if (doc.body.size() > kMaxPreparedText) {
              out.long_document = std::move(a);
              return Status::OK();
            }
            return SearchWriter::Prepare(a, analyzer, &out.search);
          });
          if (!out.long_document) out.doc.reset();
          return out;
        },
        [&](size_t i, Analysed a) {
          if (!a.status.ok()) return a.status;
          if (Status interrupted = CheckInterrupted(options); !interrupted.ok()) return interrupted;
          if (stop) return Status::IOError("stopped: another shard of the search index failed");
          if (may_write && !may_write(begin + i)) return Status::Internal("the part ends here");
          Status done = a.long_document ? writer->Write(*a.long_document, analyzer)
                                        : writer->Write(std::move(a.search));
          if (!done.ok()) return done;
          counts->mentions += a.mentions;
          counts->evidence += a.contribution.evidence.size();
          for (const auto& [edge, ev] : a.contribution.evidence) counts->typed_evidence += !ev.trigger.empty();
          counts->passages += a.passages;
          ++counts->documents;
          done = contributions->Add(a.contribution);
          if (!done.ok()) return done;
          const size_t so_far = ++written;
          if (ProgressDue(progress, options.progress_every, so_far)) {
            std::lock_guard<std::mutex> lock(progress_mutex);
            *progress << "indexed " << so_far << " of " << total << " documents\n";
          }
          return Status::OK();
        });
  };
  auto add_counts = [&](const IndexReport& counts) {
    report->mentions += counts.mentions;
    report->evidence += counts.evidence;
    report->typed_evidence += counts.typed_evidence;
    report->passages += counts.passages;
    report->documents += counts.documents;
  };
  // Queries are matched against the gazetteer's entities only: discovered
  // names are many and unchecked, and would reshape ranking unreviewed.
  const std::string lexicon = EncodeLexicon({gazetteer, concepts});

  // Search index first, marked "pending"; then the graph; then "complete".
  // See the header for why this order makes every moment a valid state.
  if (writers == 1) {
    IndexReport counts;
    s = write_documents(0, total, threads, search.get(), pending[0].get(), &counts, nullptr);
    if (!s.ok()) return s;
    add_counts(counts);
    s = pending[0]->Finish();
    if (!s.ok()) return s;
    s = search->SetLexicon(lexicon);
    if (!s.ok()) return s;
    s = search->MarkGraphPending();
    if (!s.ok()) return s;
    s = search->Commit();
    if (!s.ok()) return s;
  } else {
    // Writer w starts with part w, on a thread of its own (writer 0 on this
    // one), with its share of the analysing threads; once done, it takes
    // the far half of the part with the most left, until no part is worth
    // splitting. A part is committed and closed once written, so a writer
    // holds one shard open at a time.
    const size_t max_parts = parts->max_parts();
    std::vector<Status> statuses(max_parts, Status::OK());
    std::vector<std::exception_ptr> errors(writers);
    std::vector<IndexReport> counts(max_parts);
    auto write_part = [&](size_t k) {
      pending[k] = std::make_unique<PendingContributions>(options.data_dir,
                                                          "graph-pending-" + std::to_string(k) + ".jsonl");
      Status st = pending[k]->Create();
      std::unique_ptr<SearchWriter> shard;
      if (st.ok()) st = SearchWriter::Open(shard_dirs.shards()[k], &shard);
      bool ended = false;  // the part's end moved below where its run would go
      if (st.ok()) {
        st = write_documents(parts->Begin(k), parts->End(k), std::max<size_t>(1, threads / writers), shard.get(),
                             pending[k].get(), &counts[k], [&](size_t doc) {
                               ended = !parts->MayWrite(k, doc);
                               return !ended;
                             });
        if (ended) st = Status::OK();
      }
      if (st.ok()) st = pending[k]->Finish();
      // The run's metadata in the first part alone (part 0 always begins
      // the run): the merge keeps the first shard's value of a key. Each
      // shard's commit adds its spellings.
      if (st.ok() && k == 0) st = shard->SetLexicon(lexicon);
      if (st.ok() && k == 0) st = shard->MarkGraphPending();
      if (st.ok()) st = shard->Commit();
      return st;
    };
    auto writer = [&](size_t w) {
      try {
        for (std::optional<size_t> k = w; k && !stop; k = parts->TakeFarHalf()) {
          statuses[*k] = write_part(*k);
          if (!statuses[*k].ok()) stop = true;
        }
      } catch (...) {
        errors[w] = std::current_exception();
        stop = true;
      }
    };
    std::vector<std::thread> writer_threads;
    try {
      for (size_t w = 1; w < writers; ++w) writer_threads.emplace_back(writer, w);
    } catch (...) {  // no thread to be had: stop and join those started
      stop = true;
      for (auto& t : writer_threads) t.join();
      throw;
    }
    writer(0);
    for (auto& t : writer_threads) t.join();
    for (const auto& e : errors) {
      if (e) std::rethrow_exception(e);
    }
    // The first part that failed of itself, not one stopped by it.
    const Status* failed = nullptr;
    for (const auto& st : statuses) {
      if (!st.ok() && (failed == nullptr || failed->message().rfind("stopped: ", 0) == 0)) failed = &st;
    }
    if (failed != nullptr) return *failed;
    for (const auto& c : counts) add_counts(c);
    // The parts in document order: the shards to merge, and the graph's
    // contributions to apply, in that order.
    const std::vector<size_t> order = parts->InOrder();
    std::vector<std::string> in_order;
    std::vector<std::unique_ptr<PendingContributions>> pending_in_order;
    for (size_t k : order) {
      in_order.push_back(shard_dirs.shards()[k]);
      pending_in_order.push_back(std::move(pending[k]));
    }
    pending = std::move(pending_in_order);
    report->search_shards = order.size();
    if (progress != nullptr) *progress << "merging " << order.size() << " search shards\n";
    s = MergeSearchShards(in_order, shard_dirs.merged());
    if (!s.ok()) return s;
    // The new, empty index goes, and the merged one takes its place at once:
    // this is the run's "pending" search commit. Its lock is let go for the
    // moment; the graph's, held throughout, keeps other indexers out.
    search.reset();
    s = ReplaceDirectory(search_dir, shard_dirs.merged());
    if (!s.ok()) return s;
    s = SearchWriter::Open(search_dir, &search);
    if (!s.ok()) return s;
  }
  linker.reset();
  concept_matcher.reset();
  entity_matcher.reset();
  const std::vector<graph::Node> nodes = NodesFromGazetteer(analyzer, std::move(entities));
  s = graph->PutNodes(nodes);
  if (!s.ok()) return s;
  // The graph phase of a large run takes minutes: it says how far it is,
  // as the passes before it do.
  size_t applied = 0;
  for (const auto& contributions : pending) {
    s = contributions->ForEach([&](const graph::DocumentContribution& contribution) {
      Status replaced = graph->ReplaceDocument(contribution);
      if (replaced.ok() && ProgressDue(progress, options.progress_every, ++applied)) {
        *progress << "graph: " << applied << " of " << report->documents << " documents\n";
      }
      return replaced;
    });
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

}  // namespace

}  // namespace policygraph::indexer
