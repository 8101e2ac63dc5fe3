#include "indexer/corpus_indexer.h"

#include <xapian.h>

#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>

#include "graph/graph_store.h"
#include "indexer/analyzer.h"
#include "indexer/co_mentions.h"
#include "indexer/document.h"
#include "indexer/entity_matcher.h"
#include "indexer/gazetteer.h"
#include "indexer/search_schema.h"

namespace policygraph::indexer {

namespace fs = std::filesystem;
namespace schema = search_schema;

namespace {

// Prefix + value. (Written out rather than `prefix + value`: GCC 12 warns
// falsely, -Wrestrict, on `const char* + std::string&&`.)
std::string Term(const char* prefix, std::string_view value) {
  std::string term(prefix);
  term.append(value);
  return term;
}

void AddTokens(Xapian::Document& xdoc, const std::vector<Token>& tokens, unsigned first_position,
               unsigned wdf) {
  for (const auto& t : tokens) {
    const unsigned pos = first_position + t.position;
    xdoc.add_posting(t.exact, pos, wdf);
    xdoc.add_posting(schema::kFoldedPrefix + t.folded, pos, wdf);
  }
}

Xapian::Document BuildSearchDocument(const SourceDocument& doc, const std::vector<Token>& title,
                                     const std::vector<Token>& body,
                                     const std::vector<std::string>& entities) {
  Xapian::Document xdoc;
  nlohmann::json data = {{"id", doc.id},     {"title", doc.title}, {"lang", doc.lang},
                         {"date", doc.date}, {"type", doc.type},   {"path", doc.path},
                         {"text", doc.body}, {"entities", entities}};
  xdoc.set_data(data.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  xdoc.add_boolean_term(schema::kIdPrefix + doc.id);
  xdoc.add_boolean_term(schema::kLangPrefix + doc.lang);
  if (!doc.type.empty()) xdoc.add_boolean_term(schema::kTypePrefix + doc.type);
  if (!doc.date.empty()) {
    xdoc.add_boolean_term(Term(schema::kYearPrefix, std::string_view(doc.date).substr(0, 4)));
    std::string compact;
    for (char c : doc.date) {
      if (c != '-') compact.push_back(c);
    }
    xdoc.add_boolean_term(schema::kDatePrefix + compact);
    xdoc.add_value(schema::kDateSlot, compact);
  }
  xdoc.add_value(schema::kLangSlot, doc.lang);
  xdoc.add_value(schema::kTypeSlot, doc.type);
  for (const auto& e : entities) xdoc.add_boolean_term(schema::kEntityPrefix + e);
  for (const auto& t : title) xdoc.add_term(schema::kTitlePrefix + t.exact);
  AddTokens(xdoc, title, 0, schema::kTitleWdf);
  const unsigned body_start = title.empty() ? 0 : title.back().position + 1 + schema::kTitleBodyGap;
  AddTokens(xdoc, body, body_start, 1);
  return xdoc;
}

std::vector<graph::Node> NodesFromGazetteer(const Analyzer& analyzer,
                                            const std::vector<graph::Node>& entities) {
  std::vector<graph::Node> nodes;
  for (const auto& e : entities) {
    if (e.type == kNotEntityType) continue;
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
  std::vector<graph::Node> entities;
  Status s = LoadGazetteer(options.gazetteer, &entities);
  if (!s.ok()) return s;

  Analyzer analyzer;
  EntityMatcher matcher(analyzer, entities);

  // 2. Open both stores.
  std::error_code ec;
  fs::create_directories(options.data_dir, ec);
  if (ec) return Status::IOError("cannot create data directory " + options.data_dir + ": " + ec.message());
  std::unique_ptr<graph::GraphStore> graph;
  s = graph::GraphStore::Open((fs::path(options.data_dir) / "graph").string(), {}, &graph);
  if (!s.ok()) return s;

  try {
    Xapian::WritableDatabase db((fs::path(options.data_dir) / "search").string(),
                                Xapian::DB_CREATE_OR_OPEN);
    std::vector<graph::Node> nodes = NodesFromGazetteer(analyzer, entities);
    s = graph->PutNodes(nodes);
    if (!s.ok()) return s;
    report->entities = nodes.size();

    // 3. Analyse and write each document.
    for (auto& doc : docs) {
      if (doc.lang.empty()) doc.lang = std::string(LanguageCode(analyzer.DetectLanguage(doc.body)));
      std::vector<Token> title = analyzer.Tokenize(doc.title);
      std::vector<Token> body = analyzer.Tokenize(doc.body);
      std::vector<EntityMention> mentions = matcher.Find(doc.body, body);
      std::vector<SentenceSpan> sentences = analyzer.Sentences(doc.body);
      graph::DocumentContribution contribution = ExtractCoMentions(doc, sentences, mentions);

      db.replace_document(schema::kIdPrefix + doc.id,
                          BuildSearchDocument(doc, title, body, contribution.entities));
      s = graph->ReplaceDocument(contribution);
      if (!s.ok()) return s;
      report->mentions += mentions.size();
      report->evidence += contribution.evidence.size();
      ++report->documents;
      if (progress != nullptr && report->documents % 10000 == 0) {
        *progress << "indexed " << report->documents << " of " << docs.size() << " documents\n";
      }
    }

    // 4. Commit explicitly, graph first: see the header for why this order.
    s = graph->Commit();
    if (!s.ok()) return s;
    db.commit();
    report->total_documents = db.get_doccount();
  } catch (const Xapian::DatabaseLockError& e) {
    return Status::IOError("the search index at " + options.data_dir +
                           "/search is locked by another indexer: " + e.get_msg());
  } catch (const Xapian::Error& e) {
    return Status::IOError("search index at " + options.data_dir + "/search: " + e.get_description());
  }
  return Status::OK();
}

}  // namespace policygraph::indexer
