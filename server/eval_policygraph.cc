// policygraph as an evaluated system: the shipped indexer and SearchService,
// unchanged, over a data directory of its own.
#include <filesystem>

#include "indexer/analyzer.h"
#include "indexer/corpus_indexer.h"
#include "indexer/document.h"
#include "server/eval_systems.h"
#include "server/search_service.h"

namespace policygraph::server {

namespace fs = std::filesystem;

namespace {

// Searching as `eval` judges: a hit per document (here, per line), snippets
// built, no facets. Shared by the system that indexes and by the one over an
// index already there.
class PolicygraphSearch : public SearchSystem {
 public:
  explicit PolicygraphSearch(const std::string& data_dir)
      : data_dir_(data_dir), search_((fs::path(data_dir_) / "search").string(), analyzer_) {}

  std::string name() const override { return "policygraph"; }

  Status Search(const std::string& query, size_t k, std::vector<std::string>* ids) override {
    ids->clear();
    SearchRequest request;
    request.query = query;
    request.limit = k;
    // Hits are passages; judgments are per document (here, per line), so a
    // document must take one rank, not one per passage.
    request.group_by_document = true;
    SearchResults results;
    Status s = search_.Search(request, &results);
    if (!s.ok()) return s;
    for (const auto& hit : results.hits) ids->push_back(hit.id);
    return Status::OK();
  }

 protected:
  std::string data_dir_;

 private:
  indexer::Analyzer analyzer_;  // before search_, which holds a reference to it
  SearchService search_;
};

class PolicygraphSystem : public PolicygraphSearch {
 public:
  PolicygraphSystem(const std::string& work_dir, std::string gazetteer, std::string glossary,
                    std::ostream* progress)
      : PolicygraphSearch((fs::path(work_dir) / "policygraph").string()),
        gazetteer_(std::move(gazetteer)),
        glossary_(std::move(glossary)),
        progress_(progress) {}

  Status Index(const std::vector<EvalDocument>& documents) override {
    std::error_code ec;
    if (fs::exists(data_dir_, ec)) {
      return Status::InvalidArgument(data_dir_ +
                                     " already exists; remove it or choose another --work");
    }
    std::vector<indexer::SourceDocument> docs;
    docs.reserve(documents.size());
    for (const auto& d : documents) {
      indexer::SourceDocument doc;
      doc.id = d.id;
      doc.path = d.file;
      doc.body = d.text;  // no title: a line is judged on its own words
      docs.push_back(std::move(doc));
    }
    // Fields set by name: IndexOptions grows, and what is not set here keeps
    // the indexer's default.
    indexer::IndexOptions options;
    options.data_dir = data_dir_;
    options.gazetteer = gazetteer_;
    options.glossary = glossary_;
    indexer::IndexReport report;
    // The indexer's own progress (one line per 10,000 documents) is the
    // only sign of life during the longest step of a whole-corpus run.
    return indexer::IndexDocuments(std::move(docs), options, &report, progress_);
  }

 private:
  std::string gazetteer_;
  std::string glossary_;
  std::ostream* progress_;
};

// An index `policygraph index` already wrote: nothing to index.
class ExistingPolicygraphSystem : public PolicygraphSearch {
 public:
  using PolicygraphSearch::PolicygraphSearch;
  Status Index(const std::vector<EvalDocument>&) override { return Status::OK(); }
};

}  // namespace

std::unique_ptr<SearchSystem> MakePolicygraphSystem(const std::string& work_dir,
                                                    const std::string& gazetteer,
                                                    const std::string& glossary,
                                                    std::ostream* progress) {
  return std::make_unique<PolicygraphSystem>(work_dir, gazetteer, glossary, progress);
}

std::unique_ptr<SearchSystem> MakeExistingPolicygraphSystem(const std::string& data_dir) {
  return std::make_unique<ExistingPolicygraphSystem>(data_dir);
}

}  // namespace policygraph::server
