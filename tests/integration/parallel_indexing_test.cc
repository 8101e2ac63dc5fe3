// Indexing with worker threads writes exactly what indexing on one thread
// writes: every Xapian document (data, values, terms with their wdf and
// positions, in docid order), the metadata and synonyms, and every key and
// value of every column family of the graph. The workers only analyse; the
// writes stay in document order (indexer/ordered_parallel.h).
#include <gtest/gtest.h>
#include <rocksdb/db.h>
#include <xapian.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "indexer/analyzer.h"
#include "indexer/corpus_indexer.h"
#include "indexer/document.h"
#include "indexer/passages.h"
#include "indexer/search_schema.h"
#include "indexer/search_writer.h"
#include "tests/support/test_support.h"

namespace policygraph {
namespace {

namespace fs = std::filesystem;
using testing::SourceDir;
using testing::TempDir;

// One line per Xapian document, metadata key and synonym key, in order.
std::vector<std::string> DumpSearch(const std::string& dir) {
  std::vector<std::string> lines;
  Xapian::Database db(dir);
  lines.push_back("doccount " + std::to_string(db.get_doccount()) + " lastdocid " +
                  std::to_string(db.get_lastdocid()));
  // The statistics ranking reads, which a merge of shards recomputes.
  {
    std::ostringstream stats;
    stats << "lengths " << db.get_total_length() << " " << db.get_doclength_lower_bound() << " "
          << db.get_doclength_upper_bound();
    for (Xapian::valueno slot = 0; slot < 16; ++slot) {
      stats << " value" << slot << "=" << db.get_value_freq(slot) << "," << db.get_value_lower_bound(slot) << ","
            << db.get_value_upper_bound(slot);
    }
    lines.push_back(stats.str());
  }
  for (auto t = db.allterms_begin(); t != db.allterms_end(); ++t) {
    std::ostringstream term;
    term << "term " << *t << " " << t.get_termfreq() << " " << db.get_collection_freq(*t) << " "
         << db.get_wdf_upper_bound(*t);
    lines.push_back(term.str());
  }
  // (Appended piece by piece: GCC 12 warns falsely, -Wrestrict, on
  // `"literal" + std::string`.)
  for (auto k = db.metadata_keys_begin(); k != db.metadata_keys_end(); ++k) {
    std::string line = "meta ";
    line.append(*k).append("=").append(db.get_metadata(*k));
    lines.push_back(std::move(line));
  }
  for (auto k = db.synonym_keys_begin(); k != db.synonym_keys_end(); ++k) {
    std::string line = "synonyms ";
    line.append(*k).append(":");
    for (auto s = db.synonyms_begin(*k); s != db.synonyms_end(*k); ++s) line.append(" ").append(*s);
    lines.push_back(std::move(line));
  }
  for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
    const Xapian::Document doc = db.get_document(*it);
    std::ostringstream out;
    out << "doc " << *it << " " << doc.get_data() << " |";
    for (auto v = doc.values_begin(); v != doc.values_end(); ++v) out << " " << v.get_valueno() << "=" << *v;
    out << " |";
    for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
      out << " " << *t << ":" << t.get_wdf() << "@";
      for (auto p = t.positionlist_begin(); p != t.positionlist_end(); ++p) out << *p << ",";
    }
    lines.push_back(out.str());
  }
  return lines;
}

// One line per key of every column family of the graph.
std::vector<std::string> DumpGraph(const std::string& dir) {
  std::vector<std::string> lines;
  rocksdb::Options options;
  std::vector<std::string> families;
  EXPECT_TRUE(rocksdb::DB::ListColumnFamilies(options, dir, &families).ok());
  std::vector<rocksdb::ColumnFamilyDescriptor> descriptors;
  for (const auto& name : families) descriptors.emplace_back(name, rocksdb::ColumnFamilyOptions());
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  rocksdb::DB* raw = nullptr;
  rocksdb::Status s = rocksdb::DB::OpenForReadOnly(options, dir, descriptors, &handles, &raw);
  EXPECT_TRUE(s.ok()) << s.ToString();
  if (!s.ok()) return lines;
  std::unique_ptr<rocksdb::DB> db(raw);
  for (size_t i = 0; i < handles.size(); ++i) {
    std::unique_ptr<rocksdb::Iterator> it(db->NewIterator(rocksdb::ReadOptions(), handles[i]));
    for (it->SeekToFirst(); it->Valid(); it->Next()) {
      lines.push_back(families[i] + " " + it->key().ToString(/*hex=*/true) + " " + it->value().ToString(true));
    }
  }
  for (auto* h : handles) db->DestroyColumnFamilyHandle(h);
  return lines;
}

// Where two dumps first differ, for a readable failure.
void ExpectSameLines(const std::vector<std::string>& one, const std::vector<std::string>& many,
                     const std::string& what) {
  EXPECT_EQ(one.size(), many.size()) << what << ": line counts differ";
  for (size_t i = 0; i < std::min(one.size(), many.size()); ++i) {
    if (one[i] != many[i]) {
      ADD_FAILURE() << what << " line " << i << " differs:\n  1 thread:  " << one[i].substr(0, 400)
                    << "\n  N threads: " << many[i].substr(0, 400);
      return;
    }
  }
}

indexer::IndexReport IndexBundled(const std::string& data, size_t threads, size_t writers = 1,
                                  uint64_t min_part_text = indexer::IndexOptions().min_part_text) {
  indexer::IndexOptions options;
  options.data_dir = data;
  options.min_part_text = min_part_text;
  options.gazetteer = (SourceDir() / "corpus" / "gazetteer").string();
  options.glossary = (SourceDir() / "corpus" / "glossary").string();
  options.threads = threads;
  options.writers = writers;
  indexer::IndexReport report;
  Status s = indexer::IndexCorpus({(SourceDir() / "corpus" / "documents").string()}, options, &report);
  EXPECT_TRUE(s.ok()) << s.message();
  return report;
}

TEST(ParallelIndexingTest, SameStoresWithOneThreadAndWithMany) {
  TempDir one, many;
  const indexer::IndexReport r1 = IndexBundled(one.str(), 1);
  // More threads than cores, and a corpus longer than the window of results
  // waiting (4 per thread), so that slots are reused while others still work.
  const indexer::IndexReport rn = IndexBundled(many.str(), 4);
  ASSERT_GT(r1.documents, 16u) << "the bundled corpus should be longer than the window";
  EXPECT_EQ(r1.documents, rn.documents);
  EXPECT_EQ(r1.passages, rn.passages);
  EXPECT_EQ(r1.entities, rn.entities);
  EXPECT_EQ(r1.discovered, rn.discovered);
  EXPECT_EQ(r1.concepts, rn.concepts);
  EXPECT_EQ(r1.mentions, rn.mentions);
  EXPECT_EQ(r1.evidence, rn.evidence);
  EXPECT_EQ(r1.typed_evidence, rn.typed_evidence);
  ExpectSameLines(DumpSearch((one.path() / "search").string()), DumpSearch((many.path() / "search").string()),
                  "search index");
  ExpectSameLines(DumpGraph((one.path() / "graph").string()), DumpGraph((many.path() / "graph").string()),
                  "graph");
}

void ExpectSameReports(const indexer::IndexReport& a, const indexer::IndexReport& b) {
  EXPECT_EQ(a.documents, b.documents);
  EXPECT_EQ(a.passages, b.passages);
  EXPECT_EQ(a.entities, b.entities);
  EXPECT_EQ(a.discovered, b.discovered);
  EXPECT_EQ(a.concepts, b.concepts);
  EXPECT_EQ(a.mentions, b.mentions);
  EXPECT_EQ(a.evidence, b.evidence);
  EXPECT_EQ(a.typed_evidence, b.typed_evidence);
  EXPECT_EQ(a.total_documents, b.total_documents);
}

// A new index written as shards on several threads and merged
// (indexer/search_shards.h) is the index one writer writes: the same docids,
// data, values, terms, wdf and positions, statistics, metadata (graph state,
// generation and sequence, lexicon) and synonyms; the same graph. Then a run
// into the merged index (one writer: it has documents) gives what the same
// run into the written one gives.
TEST(ParallelIndexingTest, ShardsMergedIntoANewIndexStoreWhatOneWriterStores) {
  TempDir one, sharded, three;
  // Leftovers of a killed sharded run, which the next run clears.
  fs::create_directories(sharded.path() / "work" / "search-shard-5");
  fs::create_directories(sharded.path() / "work" / "search-merged");
  std::ofstream(sharded.path() / "work" / "graph-pending-7.jsonl") << "{not a contribution\n";
  const indexer::IndexReport r1 = IndexBundled(one.str(), 1, 1);
  // Parts split down to a byte (write_parts.h): a writer that is done takes
  // the far half of what another has left, wherever it has got to (how
  // often depends on the threads' timing; the stores may not).
  const indexer::IndexReport r2 = IndexBundled(sharded.str(), 2, 2, 1);
  const indexer::IndexReport r3 = IndexBundled(three.str(), 6, 3, 1);  // two analysing threads per shard
  // At the default part size, 114 KB of text is one part a writer.
  TempDir parts;
  const indexer::IndexReport r32 = IndexBundled(parts.str(), 2, 2);
  EXPECT_GE(r2.search_shards, 2u);
  EXPECT_GE(r3.search_shards, 3u);
  EXPECT_EQ(r32.search_shards, 2u);
  ExpectSameReports(r1, r2);
  ExpectSameReports(r1, r3);
  ExpectSameReports(r1, r32);
  const auto dump = DumpSearch((one.path() / "search").string());
  ExpectSameLines(dump, DumpSearch((sharded.path() / "search").string()), "search index, 2 shards");
  ExpectSameLines(dump, DumpSearch((three.path() / "search").string()), "search index, 3 shards");
  ExpectSameLines(dump, DumpSearch((parts.path() / "search").string()), "search index, default parts");
  const auto graph = DumpGraph((one.path() / "graph").string());
  ExpectSameLines(graph, DumpGraph((sharded.path() / "graph").string()), "graph, 2 shards");
  ExpectSameLines(graph, DumpGraph((three.path() / "graph").string()), "graph, 3 shards");
  ExpectSameLines(graph, DumpGraph((parts.path() / "graph").string()), "graph, default parts");
  EXPECT_FALSE(fs::exists(sharded.path() / "work"));
  EXPECT_FALSE(fs::exists(three.path() / "work"));
  EXPECT_FALSE(fs::exists(parts.path() / "work"));

  // Again into both: one writer each, replacing documents in place.
  const indexer::IndexReport again1 = IndexBundled(one.str(), 2, 1);
  const indexer::IndexReport again2 = IndexBundled(sharded.str(), 2, 2);
  ExpectSameReports(again1, again2);
  ExpectSameLines(DumpSearch((one.path() / "search").string()), DumpSearch((sharded.path() / "search").string()),
                  "search index, second run");
  ExpectSameLines(DumpGraph((one.path() / "graph").string()), DumpGraph((sharded.path() / "graph").string()),
                  "graph, second run");
  EXPECT_FALSE(fs::exists(sharded.path() / "work"));
}

// Long documents are written passage by passage on the writer's thread
// (SearchWriter::Write(AnalysedDocument)), the others prepared on a worker
// first (Prepare() then Write(PreparedDocument)): both must store the same.
TEST(ParallelIndexingTest, StreamedAndPreparedWritesStoreTheSame) {
  TempDir streamed, prepared;
  indexer::Analyzer analyzer;
  std::unique_ptr<indexer::SearchWriter> a, b;
  ASSERT_TRUE(indexer::SearchWriter::Open((streamed.path() / "search").string(), &a).ok());
  ASSERT_TRUE(indexer::SearchWriter::Open((prepared.path() / "search").string(), &b).ok());
  size_t documents = 0;
  for (const auto& entry : fs::recursive_directory_iterator(SourceDir() / "corpus" / "documents")) {
    if (!entry.is_regular_file() || documents == 8) continue;
    indexer::SourceDocument doc;
    ASSERT_TRUE(indexer::LoadDocument(entry.path(), &doc).ok()) << entry.path();
    if (doc.lang.empty()) doc.lang = "vi";
    indexer::AnalysedDocument analysed;
    analysed.source = &doc;
    analysed.title = analyzer.Tokenize(doc.title);
    analysed.body = analyzer.Tokenize(doc.body);
    analysed.passages = indexer::SplitPassages(doc.body, analyzer);
    ASSERT_TRUE(a->Write(analysed, analyzer).ok());
    indexer::PreparedDocument ready;
    ASSERT_TRUE(indexer::SearchWriter::Prepare(analysed, analyzer, &ready).ok());
    ASSERT_TRUE(b->Write(std::move(ready)).ok());
    ++documents;
  }
  ASSERT_EQ(documents, 8u);
  ASSERT_TRUE(a->Commit().ok());
  ASSERT_TRUE(b->Commit().ok());
  a.reset();
  b.reset();
  ExpectSameLines(DumpSearch((streamed.path() / "search").string()),
                  DumpSearch((prepared.path() / "search").string()), "search index");
}

// IndexCorpus reads each file again in every pass and keeps the graph
// contributions on disk until the search commit; IndexDocuments is handed
// every document at once, the way IndexCorpus loaded them all before. Both
// must store exactly the same, with several threads (the window and the
// budget then decide which documents are in memory at once).
TEST(ParallelIndexingTest, FilesReadPerPassStoreTheSameAsDocumentsInMemory) {
  TempDir from_files, from_memory;
  const indexer::IndexReport rf = IndexBundled(from_files.str(), 4);
  std::vector<fs::path> files;
  ASSERT_TRUE(indexer::CollectDocumentFiles({(SourceDir() / "corpus" / "documents").string()}, &files).ok());
  std::vector<indexer::SourceDocument> docs(files.size());
  for (size_t i = 0; i < files.size(); ++i) ASSERT_TRUE(indexer::LoadDocument(files[i], &docs[i]).ok());
  indexer::IndexOptions options;
  options.data_dir = from_memory.str();
  options.gazetteer = (SourceDir() / "corpus" / "gazetteer").string();
  options.glossary = (SourceDir() / "corpus" / "glossary").string();
  options.threads = 4;
  indexer::IndexReport rm;
  Status s = indexer::IndexDocuments(std::move(docs), options, &rm);
  ASSERT_TRUE(s.ok()) << s.message();
  EXPECT_EQ(rf.documents, rm.documents);
  EXPECT_EQ(rf.passages, rm.passages);
  EXPECT_EQ(rf.entities, rm.entities);
  EXPECT_EQ(rf.evidence, rm.evidence);
  EXPECT_EQ(rf.typed_evidence, rm.typed_evidence);
  ExpectSameLines(DumpSearch((from_files.path() / "search").string()),
                  DumpSearch((from_memory.path() / "search").string()), "search index");
  ExpectSameLines(DumpGraph((from_files.path() / "graph").string()),
                  DumpGraph((from_memory.path() / "graph").string()), "graph");
  // The contributions' file and its directory are gone with both runs.
  EXPECT_FALSE(fs::exists(from_files.path() / "work"));
  EXPECT_FALSE(fs::exists(from_memory.path() / "work"));
}

// SearchWriter merges Xapian's buffered values into the value table every
// few thousand Xapian documents (Xapian keeps them in memory until the
// commit otherwise). A run in one transaction, where that happens many
// times, must store what a run that commits every 200 documents stores,
// where the commits merge them.
TEST(ParallelIndexingTest, ValuesMergedMidTransactionStoreTheSame) {
  TempDir one, many;
  indexer::Analyzer analyzer;
  std::unique_ptr<indexer::SearchWriter> a, b;
  ASSERT_TRUE(indexer::SearchWriter::Open((one.path() / "search").string(), &a).ok());
  ASSERT_TRUE(indexer::SearchWriter::Open((many.path() / "search").string(), &b).ok());
  constexpr size_t kDocuments = 2000;  // ~6,000 Xapian documents: a merge mid-transaction
  size_t xapian_documents = 0;
  for (size_t i = 0; i < kDocuments; ++i) {
    indexer::SourceDocument doc;
    doc.id = "d" + std::to_string(i);
    doc.title = "Văn bản " + std::to_string(i);
    doc.lang = i % 3 == 0 ? "en" : "vi";
    doc.type = i % 2 == 0 ? "law" : "news";
    if (i % 5 != 0) doc.date = "20" + std::to_string(10 + i % 15) + "-0" + std::to_string(1 + i % 9);
    doc.body = "ASEAN và Trung Quốc hợp tác số " + std::to_string(i) + ".\n\n## Điều hai\n\nĐoạn thứ hai của văn bản " +
               std::to_string(i) + " nói về an ninh mạng.\n";
    indexer::AnalysedDocument analysed;
    analysed.source = &doc;
    analysed.title = analyzer.Tokenize(doc.title);
    analysed.body = analyzer.Tokenize(doc.body);
    analysed.passages = indexer::SplitPassages(doc.body, analyzer);
    xapian_documents += 1 + analysed.passages.size();
    for (auto* writer : {&a, &b}) {
      if (i % 2 == 0) {
        ASSERT_TRUE((*writer)->Write(analysed, analyzer).ok());
      } else {
        indexer::PreparedDocument ready;
        ASSERT_TRUE(indexer::SearchWriter::Prepare(analysed, analyzer, &ready).ok());
        ASSERT_TRUE((*writer)->Write(std::move(ready)).ok());
      }
    }
    if (i % 200 == 199) {
      ASSERT_TRUE(b->Commit().ok());
    }
  }
  ASSERT_GT(xapian_documents, 5000u);
  ASSERT_TRUE(a->Commit().ok());
  ASSERT_TRUE(b->Commit().ok());
  a.reset();
  b.reset();
  const auto dump = DumpSearch((one.path() / "search").string());
  ExpectSameLines(dump, DumpSearch((many.path() / "search").string()), "search index");
  Xapian::Database db((one.path() / "search").string());
  EXPECT_EQ(db.get_doccount(), xapian_documents);
  EXPECT_EQ(db.get_value_freq(search_schema::kDocSlot), xapian_documents);
  EXPECT_EQ(db.get_value_freq(search_schema::kLangSlot), xapian_documents);
}

}  // namespace
}  // namespace policygraph
