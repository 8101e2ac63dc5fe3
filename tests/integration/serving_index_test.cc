// server::ServingIndex step by step: the states an indexing run leaves the
// data directory in are made one at a time with the indexer's own writers
// (search commits marked "pending" and "complete", graph writes in between),
// and after each the server's view is checked: it moves only to a complete
// revision whose graph is exactly the one that revision names, and a Read
// keeps its generation however the index moves on. The watcher is slowed to
// an hour so that only Refresh() moves it. live_reindex_test.cc does the
// same with real indexing runs under load.
#include "server/serving_index.h"

#include <fcntl.h>  // AT_FDCWD
#include <gtest/gtest.h>
#include <stdio.h>  // renameat2 (glibc 2.28)
#include <xapian.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "graph/graph_store.h"
#include "indexer/analyzer.h"
#include "indexer/corpus_indexer.h"
#include "indexer/document.h"
#include "indexer/passages.h"
#include "indexer/search_schema.h"
#include "indexer/search_writer.h"
#include "server/search_service.h"
#include "tests/support/test_support.h"

namespace policygraph::server {
namespace {

namespace fs = std::filesystem;
using testing::FixturesDir;
using testing::TempDir;

class ServingIndexTest : public ::testing::Test {
 protected:
  void SetUp() override {
    data_ = dir_.path() / "data";
    indexer::IndexReport report;
    Status s = indexer::IndexCorpus({(FixturesDir() / "documents").string()},
                                    {data_.string(), (FixturesDir() / "gazetteer.tsv").string(), ""}, &report);
    ASSERT_TRUE(s.ok()) << s.message();
    ServingIndex::Options options;
    options.data_dir = data_.string();
    options.handles = 4;
    options.poll = std::chrono::hours(1);
    s = ServingIndex::Open(options, &index_);
    ASSERT_TRUE(s.ok()) << s.message();
  }

  // One search commit, as a run makes them: "pending" (generation + 1), or
  // "complete" naming the graph's sequence number.
  void CommitSearch(bool complete, uint64_t graph_sequence = 0) {
    std::unique_ptr<indexer::SearchWriter> writer;
    Status s = indexer::SearchWriter::Open((data_ / "search").string(), &writer);
    ASSERT_TRUE(s.ok()) << s.message();
    s = complete ? writer->MarkGraphComplete(graph_sequence) : writer->MarkGraphPending();
    ASSERT_TRUE(s.ok()) << s.message();
    s = writer->Commit();
    ASSERT_TRUE(s.ok()) << s.message();
  }

  // Writes an entity `id` into the graph, as a run's graph phase does; the
  // graph's sequence number afterwards.
  uint64_t WriteGraph(const std::string& id) {
    std::unique_ptr<graph::GraphStore> store;
    Status s = graph::GraphStore::Open((data_ / "graph").string(), {}, &store);
    EXPECT_TRUE(s.ok()) << s.message();
    if (!s.ok()) return 0;
    graph::Node node;
    node.id = id;
    node.type = "country";
    node.names_en = {id};
    EXPECT_TRUE(store->PutNodes({node}).ok());
    EXPECT_TRUE(store->Commit().ok());
    return store->Sequence();
  }

  // Writes one English document into the search index at `search_dir` and
  // commits it, "pending" or "complete" for the graph of `graph_sequence`.
  static void CommitDocument(const fs::path& search_dir, const std::string& id, const std::string& body,
                             bool complete, uint64_t graph_sequence = 0) {
    indexer::Analyzer analyzer;
    indexer::SourceDocument doc;
    doc.id = id;
    doc.title = id;
    doc.lang = "en";
    doc.body = body;
    indexer::AnalysedDocument analysed;
    analysed.source = &doc;
    analysed.title = analyzer.Tokenize(doc.title);
    analysed.body = analyzer.Tokenize(doc.body);
    analysed.passages = indexer::SplitPassages(doc.body, analyzer);
    std::unique_ptr<indexer::SearchWriter> writer;
    ASSERT_TRUE(indexer::SearchWriter::Open(search_dir.string(), &writer).ok());
    ASSERT_TRUE(writer->Write(analysed, analyzer).ok());
    ASSERT_TRUE((complete ? writer->MarkGraphComplete(graph_sequence) : writer->MarkGraphPending()).ok());
    ASSERT_TRUE(writer->Commit().ok());
  }

  TempDir dir_;
  fs::path data_;
  std::unique_ptr<ServingIndex> index_;
};

TEST_F(ServingIndexTest, MovesOnlyToACompleteRevisionWithItsOwnGraph) {
  auto first = index_->BeginRead();
  EXPECT_EQ(first->revision().generation, 1u);
  EXPECT_EQ(first->revision().graph_state, search_schema::kGraphComplete);
  ASSERT_TRUE(first->revision().has_graph_sequence);
  EXPECT_EQ(first->graph().Sequence(), first->revision().graph_sequence);

  // A run commits its search changes ("pending") and writes its graph: the
  // server goes on serving generation 1, graph included.
  CommitSearch(/*complete=*/false);
  const uint64_t sequence = WriteGraph("atlantis");
  index_->Refresh();
  {
    auto during = index_->BeginRead();
    EXPECT_EQ(during->revision().generation, 1u);
    EXPECT_FALSE(during->graph().GetNode("atlantis").has_value());
  }

  // The run completes: generation 2, with the graph it wrote.
  CommitSearch(/*complete=*/true, sequence);
  index_->Refresh();
  auto second = index_->BeginRead();
  EXPECT_EQ(second->revision().generation, 2u);
  EXPECT_EQ(second->graph().Sequence(), sequence);
  EXPECT_TRUE(second->graph().GetNode("atlantis").has_value());
  // A request begun before keeps its generation to the end.
  EXPECT_EQ(first->revision().generation, 1u);
  EXPECT_FALSE(first->graph().GetNode("atlantis").has_value());
  EXPECT_FALSE(first->expired());

  // A complete revision naming a graph state that is no longer there (the
  // next run has already written more): not served; generation 2 stays.
  CommitSearch(/*complete=*/false);
  const uint64_t third_run = WriteGraph("lemuria");
  CommitSearch(/*complete=*/true, third_run - 1);
  index_->Refresh();
  {
    auto stale = index_->BeginRead();
    EXPECT_EQ(stale->revision().generation, 2u);
    EXPECT_FALSE(stale->graph().GetNode("lemuria").has_value());
  }
  // Named right, it is.
  CommitSearch(/*complete=*/true, third_run);
  index_->Refresh();
  auto third = index_->BeginRead();
  EXPECT_EQ(third->revision().generation, 3u);
  EXPECT_TRUE(third->graph().GetNode("lemuria").has_value());
}

// The warm hook runs once per new generation, on a handle at its revision,
// before any request reads it.
TEST_F(ServingIndexTest, WarmsEachGenerationBeforeServingIt) {
  index_.reset();
  std::vector<uint64_t> warmed;  // revisions, in order
  ServingIndex::Options options;
  options.data_dir = data_.string();
  options.handles = 2;
  options.poll = std::chrono::hours(1);
  options.warm = [&warmed](const Xapian::Database& db) { warmed.push_back(db.get_revision()); };
  ASSERT_TRUE(ServingIndex::Open(options, &index_).ok());
  ASSERT_EQ(warmed.size(), 1u);
  EXPECT_EQ(warmed[0], index_->BeginRead()->revision().revision);

  CommitSearch(/*complete=*/false);  // pending: not served, not warmed
  index_->Refresh();
  EXPECT_EQ(warmed.size(), 1u);
  CommitSearch(/*complete=*/true, index_->BeginRead()->graph().Sequence());
  index_->Refresh();
  ASSERT_EQ(warmed.size(), 2u);
  auto read = index_->BeginRead();
  EXPECT_EQ(read->revision().generation, 2u);
  EXPECT_EQ(warmed[1], read->revision().revision);
  index_->Refresh();  // nothing new: not warmed again
  EXPECT_EQ(warmed.size(), 2u);
}

// SearchService calls made while a Read lives read its revision, however
// the index moves on meanwhile; without a Read they read the newest.
TEST_F(ServingIndexTest, SearchCallsReadTheRevisionOfTheirRead) {
  indexer::Analyzer analyzer;
  SearchService search(index_->search_dir(), analyzer);
  const uint64_t documents = search.DocumentCount();
  ASSERT_GT(documents, 0u);
  {
    auto read = index_->BeginRead();
    // A run commits one more document ("pending").
    ASSERT_NO_FATAL_FAILURE(
        CommitDocument(data_ / "search", "one-more", "China and ASEAN signed one more agreement.", /*complete=*/false));

    EXPECT_EQ(search.DocumentCount(), documents) << "the Read's revision";
    StoredDocument stored;
    EXPECT_TRUE(search.GetDocument("one-more", &stored).IsNotFound());
    EXPECT_FALSE(read->expired());
  }
  EXPECT_EQ(search.DocumentCount(), documents + 1) << "no Read: the newest revision";
}

// A new index written as shards is merged into another directory and
// swapped in for the empty one in one step (indexer/search_shards.h). A
// server already watching the old directory must move to the new database
// even where the two revision numbers happen to be equal: it is another
// database (another UUID), not the same one unchanged.
TEST_F(ServingIndexTest, MovesToADatabaseSwappedInWithTheSameRevisionNumber) {
  indexer::Analyzer analyzer;
  const fs::path search_dir = data_ / "search";
  auto before = index_->BeginRead();
  const std::string old_uuid = Xapian::Database(search_dir.string()).get_uuid();
  EXPECT_EQ(before->revision().uuid, old_uuid);
  const uint64_t revision = before->revision().revision;
  const uint64_t graph_sequence = before->graph().Sequence();
  before.reset();

  // Another database with one document of its own, "complete" for the
  // graph being served, brought to the same revision number.
  const fs::path replacement = dir_.path() / "replacement";
  ASSERT_NO_FATAL_FAILURE(CommitDocument(replacement, "swapped-in", "Only the swapped-in database holds this document.",
                                         /*complete=*/true, graph_sequence));
  {
    Xapian::WritableDatabase db(replacement.string());
    ASSERT_LE(db.get_revision(), revision) << "the fixture's index has more commits than one";
    for (int pad = 0; db.get_revision() < revision; ++pad) {
      db.set_metadata("test.pad", std::to_string(pad));
      db.commit();
    }
    ASSERT_EQ(db.get_revision(), revision);
  }
  const std::string new_uuid = Xapian::Database(replacement.string()).get_uuid();
  ASSERT_NE(new_uuid, old_uuid);
  ASSERT_EQ(::renameat2(AT_FDCWD, replacement.c_str(), AT_FDCWD, search_dir.c_str(), RENAME_EXCHANGE), 0)
      << std::strerror(errno);

  index_->Refresh();
  auto after = index_->BeginRead();
  EXPECT_EQ(after->revision().uuid, new_uuid);
  EXPECT_EQ(after->revision().revision, revision);
  SearchService search(index_->search_dir(), analyzer);
  StoredDocument stored;
  EXPECT_TRUE(search.GetDocument("swapped-in", &stored).ok());
  EXPECT_EQ(search.DocumentCount(), 1u);
}

}  // namespace
}  // namespace policygraph::server
