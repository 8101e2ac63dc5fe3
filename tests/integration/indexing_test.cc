// Indexing into both stores: replacement by document id, failure without
// damage, the bundled corpus, and the shared ASEAN article.
#include <gtest/gtest.h>
#include <xapian.h>

#include <atomic>
#include <filesystem>
#include <sstream>

#include "graph/graph_store.h"
#include "graph/traversal.h"
#include "indexer/analyzer.h"
#include "indexer/consistency.h"
#include "indexer/corpus_indexer.h"
#include "server/search_service.h"
#include "tests/support/test_support.h"

namespace policygraph {
namespace {

namespace fs = std::filesystem;
using testing::FixturesDir;
using testing::SourceDir;
using testing::TempDir;
using testing::WriteFile;

Status Index(const std::vector<std::string>& paths, const std::string& data,
             const std::string& gazetteer, indexer::IndexReport* report) {
  return indexer::IndexCorpus(paths, {data, gazetteer, ""}, report);
}

uint64_t SearchTotal(const std::string& data, const std::string& query) {
  indexer::Analyzer analyzer;
  server::SearchService search((fs::path(data) / "search").string(), analyzer);
  server::SearchResults results;
  Status s = search.Search({query, 10, 0}, &results);
  EXPECT_TRUE(s.ok()) << s.message();
  return results.total;
}

std::vector<std::string> NeighborIds(const std::string& data, const std::string& id) {
  std::unique_ptr<graph::GraphStore> store;
  graph::GraphStoreOptions options;
  options.read_only = true;
  Status s = graph::GraphStore::Open((fs::path(data) / "graph").string(), options, &store);
  EXPECT_TRUE(s.ok()) << s.message();
  if (!s.ok()) return {};
  graph::Neighborhood hood;
  graph::NeighborhoodRequest request;
  request.id = id;
  request.max_nodes = 500;
  s = graph::Neighbors(*store, request, &hood);
  EXPECT_TRUE(s.ok()) << s.message();
  std::vector<std::string> ids;
  for (const auto& n : hood.nodes) ids.push_back(n.id);
  return ids;
}

bool Contains(const std::vector<std::string>& v, const std::string& x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

TEST(IndexingTest, IndexingTwiceKeepsTheSameDocumentCount) {
  TempDir data;
  const std::string docs = (FixturesDir() / "documents").string();
  const std::string gazetteer = (FixturesDir() / "gazetteer.tsv").string();
  indexer::IndexReport first, second;
  ASSERT_TRUE(Index({docs}, data.str(), gazetteer, &first).ok());
  ASSERT_TRUE(Index({docs}, data.str(), gazetteer, &second).ok());
  EXPECT_EQ(first.total_documents, 3u);
  EXPECT_EQ(second.total_documents, 3u);
  std::unique_ptr<graph::GraphStore> store;
  ASSERT_TRUE(graph::GraphStore::Open(data.str() + "/graph", {}, &store).ok());
  graph::GraphCounts counts = store->Counts();
  EXPECT_EQ(counts.documents, 3u);
  // Edge weights count documents, so a second run must not double them.
  for (const auto& e : store->EdgesOf("china")) EXPECT_EQ(e.weight, 1u);
}

// Every pass says how far it is: at a million files each takes minutes to
// tens of minutes (checking, discovering, writing, merging, the graph).
TEST(IndexingTest, EveryPassReportsProgress) {
  TempDir data;
  indexer::IndexOptions options;
  options.data_dir = data.str();
  options.gazetteer = (FixturesDir() / "gazetteer.tsv").string();
  options.progress_every = 2;
  options.threads = 2;  // two shards to merge, whatever the machine's cores
  options.writers = 2;
  std::ostringstream progress;
  indexer::IndexReport report;
  Status s = indexer::IndexCorpus({(FixturesDir() / "documents").string()}, options, &report, &progress);
  ASSERT_TRUE(s.ok()) << s.message();
  ASSERT_EQ(report.documents, 3u);
  EXPECT_EQ(progress.str(),
            "checking files: 2 of 3\n"
            "discovering names: 2 of 3 documents\n"
            "indexed 2 of 3 documents\n"
            "merging 2 search shards\n"
            "graph: 2 of 3 documents\n");

  options.progress_every = 0;  // none
  std::ostringstream none;
  ASSERT_TRUE(indexer::IndexCorpus({(FixturesDir() / "documents").string()}, options, &report, &none).ok());
  EXPECT_EQ(none.str(), "");
}

// Every node reaches the graph with the folded form of each of its names
// (the graph's aliases, for lookup and autocomplete), whether the
// gazetteer lists it or a text revealed it.
TEST(IndexingTest, NodesCarryTheFoldedFormsOfTheirNames) {
  TempDir data;
  indexer::IndexReport report;
  ASSERT_TRUE(Index({(FixturesDir() / "documents").string()}, data.str(),
                    (FixturesDir() / "gazetteer.tsv").string(), &report).ok());
  std::unique_ptr<graph::GraphStore> store;
  ASSERT_TRUE(graph::GraphStore::Open(data.str() + "/graph", {}, &store).ok());
  auto node = store->GetNode("china");
  ASSERT_TRUE(node.has_value());
  EXPECT_TRUE(Contains(node->alias_keys, "china"));
  EXPECT_TRUE(Contains(node->alias_keys, "trung quoc"));
  std::vector<std::string> ids;
  for (const auto& hit : store->FindByAliasPrefix("trung quoc", 10)) ids.push_back(hit.id);
  EXPECT_TRUE(Contains(ids, "china"));
}

// Indexes one text with its own gazetteer rows into `data` and opens the
// graph it wrote.
std::unique_ptr<graph::GraphStore> IndexOneText(const std::string& gazetteer_rows, const std::string& text,
                                                const TempDir& data) {
  TempDir docs;
  WriteFile(docs.path() / "gazetteer.tsv", gazetteer_rows);
  WriteFile(docs.path() / "texts" / "a.md", text);
  indexer::IndexReport report;
  Status s = Index({(docs.path() / "texts").string()}, data.str(), (docs.path() / "gazetteer.tsv").string(), &report);
  EXPECT_TRUE(s.ok()) << s.message();
  std::unique_ptr<graph::GraphStore> store;
  if (s.ok()) {
    EXPECT_TRUE(graph::GraphStore::Open(data.str() + "/graph", {}, &store).ok());
  }
  return store;
}

// A capital is no node, but where it acts it names its country ("Washington
// has taken a harder line"): the country's node holds the capital's names
// after its own, so the graph says by which names a text may mean it.
TEST(IndexingTest, ACountryNodeHoldsItsCapitalsNamesAfterItsOwn) {
  TempDir data;
  auto store = IndexOneText("united-states\tcountry\t-\tUnited States | US\tHoa Kỳ | Mỹ\t-\n"
                            "capital-washington\tcapital\t-\tWashington\tWashington | Oa-sinh-tơn\tunited-states\n",
                            "Washington has taken a harder line on scam centres.\n", data);
  ASSERT_TRUE(store);
  auto node = store->GetNode("united-states");
  ASSERT_TRUE(node.has_value());
  EXPECT_EQ(node->names_en, (std::vector<std::string>{"United States", "US", "Washington"}));
  EXPECT_EQ(node->names_vi, (std::vector<std::string>{"Hoa Kỳ", "Mỹ", "Washington", "Oa-sinh-tơn"}));
  EXPECT_EQ(node->DisplayName(), "United States");
  EXPECT_FALSE(store->GetNode("capital-washington").has_value());
}

// A generic state body named with its state stands for the state, as the
// gold sets read it: "Quốc hội Việt Nam thông qua …" is Vietnam's
// enactment, and the body is no node of its own.
TEST(IndexingTest, AStateBodyEnactsForItsCountryAndIsNoNode) {
  TempDir data;
  auto store = IndexOneText(
      "vietnam\tcountry\t-\tVietnam\tViệt Nam\t-\n"
      "vietnam-national-assembly\tstate_body\t-\tNational Assembly of Vietnam\tQuốc hội Việt Nam\tvietnam\n"
      "vietnam-cybersecurity-law\tlaw\t-\tLaw on Cybersecurity\tLuật An ninh mạng\t-\n",
      "Năm 2018, Quốc hội Việt Nam thông qua Luật An ninh mạng.\n", data);
  ASSERT_TRUE(store);
  EXPECT_FALSE(store->GetNode("vietnam-national-assembly").has_value());
  bool enacted = false;
  for (const auto& e : store->EdgesOf("vietnam")) {
    enacted = enacted || (e.key.relation == "enactment" && e.key.target == "vietnam-cybersecurity-law");
  }
  EXPECT_TRUE(enacted);
  auto vietnam = store->GetNode("vietnam");
  ASSERT_TRUE(vietnam.has_value());
  EXPECT_TRUE(Contains(vietnam->names_vi, "Quốc hội Việt Nam"));
}

TEST(IndexingTest, ChangedDocumentReplacesItsTextAndEvidence) {
  TempDir data, docs;
  const std::string gazetteer = (FixturesDir() / "gazetteer.tsv").string();
  WriteFile(docs.path() / "note.md", "---\ntitle: Note\n---\nASEAN và Trung Quốc hợp tác về kinh tế số.\n");
  indexer::IndexReport report;
  ASSERT_TRUE(Index({docs.str()}, data.str(), gazetteer, &report).ok());
  EXPECT_EQ(SearchTotal(data.str(), "kinh tế số"), 1u);
  EXPECT_TRUE(Contains(NeighborIds(data.str(), "china"), "asean"));

  WriteFile(docs.path() / "note.md", "---\ntitle: Note\n---\nSingapore và Việt Nam bàn về thương mại.\n");
  ASSERT_TRUE(Index({docs.str()}, data.str(), gazetteer, &report).ok());
  EXPECT_EQ(report.total_documents, 1u);
  EXPECT_EQ(SearchTotal(data.str(), "kinh tế số"), 0u);
  EXPECT_EQ(SearchTotal(data.str(), "thương mại"), 1u);
  // The old link's only evidence is gone, so the link is gone.
  EXPECT_FALSE(Contains(NeighborIds(data.str(), "china"), "asean"));
  EXPECT_TRUE(Contains(NeighborIds(data.str(), "vietnam"), "singapore"));
}

// A name discovered in a text goes when the text is re-indexed without it;
// one another document still uses stays.
TEST(IndexingTest, ADiscoveredNameNoTextUsesAnyMoreIsRemoved) {
  TempDir data, docs;
  const std::string gazetteer = (FixturesDir() / "gazetteer.tsv").string();
  WriteFile(docs.path() / "a.md", "---\ntitle: A\n---\nNăm 2023, Việt Nam và Lào ký “Hiệp định Hợp tác Rạn San hô Xanh”.\n");
  WriteFile(docs.path() / "b.md", "---\ntitle: B\n---\nASEAN công bố “Kế hoạch Rạn San hô Đỏ” năm 2024.\n");
  indexer::IndexReport report;
  ASSERT_TRUE(Index({docs.str()}, data.str(), gazetteer, &report).ok());
  auto node = [&](const std::string& id) {
    std::unique_ptr<graph::GraphStore> store;
    graph::GraphStoreOptions options;
    options.read_only = true;
    EXPECT_TRUE(graph::GraphStore::Open(data.str() + "/graph", options, &store).ok());
    return store ? store->GetNode(id).has_value() : false;
  };
  ASSERT_TRUE(node("d-hiep-dinh-hop-tac-ran-san-ho-xanh"));
  ASSERT_TRUE(node("d-ke-hoach-ran-san-ho-do"));
  // a.md alone is re-indexed without its agreement: b.md's plan is still named.
  WriteFile(docs.path() / "a.md", "---\ntitle: A\n---\nNăm 2023, Việt Nam và Lào ký một thỏa thuận.\n");
  ASSERT_TRUE(Index({(docs.path() / "a.md").string()}, data.str(), gazetteer, &report).ok());
  EXPECT_FALSE(node("d-hiep-dinh-hop-tac-ran-san-ho-xanh"));
  EXPECT_TRUE(node("d-ke-hoach-ran-san-ho-do"));
}

TEST(IndexingTest, TokensKeptWholeAreFoundWholeAndByTheirParts) {
  TempDir data, docs;
  WriteFile(docs.path() / "a.md", "Trung tâm VNCERT/CC điều phối ứng cứu sự cố từ 01/6/2022 cho thương mại e-commerce.\n");
  WriteFile(docs.path() / "b.md", "Một văn bản khác về thương mại.\n");
  indexer::IndexReport report;
  ASSERT_TRUE(Index({docs.str()}, data.str(), (FixturesDir() / "gazetteer.tsv").string(), &report).ok());
  for (const char* q : {"VNCERT/CC", "VNCERT", "vncert cc", "01/6/2022", "2022", "e-commerce", "commerce"}) {
    EXPECT_EQ(SearchTotal(data.str(), q), 1u) << q;
  }
}

TEST(IndexingTest, ARunningSearchServiceSeesANewGlossary) {
  TempDir data, docs;
  WriteFile(docs.path() / "a.md", "Hợp tác về an ninh mạng trong khu vực.\n");
  WriteFile(docs.path() / "none.tsv", "# empty glossary\n");
  WriteFile(docs.path() / "glossary.tsv", "cybersecurity\tcybersecurity\tan ninh mạng\n");
  const std::string gazetteer = (FixturesDir() / "gazetteer.tsv").string();
  indexer::IndexReport report;
  ASSERT_TRUE(indexer::IndexCorpus({(docs.path() / "a.md").string()},
                                   {data.str(), gazetteer, (docs.path() / "none.tsv").string()}, &report)
                  .ok());
  indexer::Analyzer analyzer;
  server::SearchService search(data.str() + "/search", analyzer);
  server::SearchResults results;
  ASSERT_TRUE(search.Search({"cybersecurity", 10, 0, false}, &results).ok());
  EXPECT_TRUE(results.hits.empty());
  // Re-indexed with a glossary: the same service matches the new concept.
  ASSERT_TRUE(indexer::IndexCorpus({(docs.path() / "a.md").string()},
                                   {data.str(), gazetteer, (docs.path() / "glossary.tsv").string()}, &report)
                  .ok());
  ASSERT_TRUE(search.Search({"cybersecurity", 10, 0, false}, &results).ok());
  EXPECT_EQ(results.hits.size(), 1u);
}

TEST(IndexingTest, BadFileFailsTheRunAndLeavesThePreviousIndex) {
  TempDir data, docs;
  const std::string gazetteer = (FixturesDir() / "gazetteer.tsv").string();
  WriteFile(docs.path() / "a.md", "ASEAN và Trung Quốc.\n");
  indexer::IndexReport report;
  ASSERT_TRUE(Index({docs.str()}, data.str(), gazetteer, &report).ok());

  WriteFile(docs.path() / "a.md", "Nội dung mới hoàn toàn.\n");
  WriteFile(docs.path() / "b.txt", std::string("bad \xff\xfe bytes\n"));
  Status s = Index({docs.str()}, data.str(), gazetteer, &report);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("b.txt"), std::string::npos) << s.message();
  EXPECT_NE(s.message().find("UTF-8"), std::string::npos) << s.message();
  // Nothing of the failed run was written.
  EXPECT_EQ(SearchTotal(data.str(), "Trung Quốc"), 1u);
  EXPECT_EQ(SearchTotal(data.str(), "mới"), 0u);
}

// IndexOptions::interrupted (the CLI sets it on SIGINT/SIGTERM): the run
// stops with an error saying so, and the index is as it was, whether the
// flag was set before the run or while documents were being analysed.
TEST(IndexingTest, AnInterruptedRunLeavesThePreviousIndex) {
  TempDir data, docs;
  const std::string gazetteer = (FixturesDir() / "gazetteer.tsv").string();
  WriteFile(docs.path() / "a.md", "ASEAN và Trung Quốc hợp tác.\n");
  indexer::IndexReport report;
  ASSERT_TRUE(Index({docs.str()}, data.str(), gazetteer, &report).ok());

  for (int i = 0; i < 20; ++i) {
    std::string name = "n";  // (appended: GCC 12 warns falsely on "n" + std::to_string(i))
    name += std::to_string(i);
    name += ".md";
    WriteFile(docs.path() / name, "Nội dung mới: Trung Quốc và ASEAN hợp tác.\n");
  }
  std::atomic<bool> interrupted{true};
  indexer::IndexOptions options{data.str(), gazetteer, ""};
  options.interrupted = &interrupted;
  Status s = indexer::IndexCorpus({docs.str()}, options, &report);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("interrupted"), std::string::npos) << s.message();

  // Set while the documents are analysed: the linker's observer sees the
  // first sentence, on the one thread there is.
  interrupted = false;
  options.threads = 1;
  std::atomic<size_t> sentences{0};
  options.observe_sentences = [&](const indexer::LinkedSentence&) {
    if (++sentences == 1) interrupted = true;
  };
  s = indexer::IndexCorpus({docs.str()}, options, &report);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("interrupted"), std::string::npos) << s.message();
  EXPECT_GE(sentences.load(), 1u);

  EXPECT_EQ(SearchTotal(data.str(), "mới"), 0u);
  EXPECT_EQ(SearchTotal(data.str(), "Trung Quốc"), 1u);
  EXPECT_FALSE(fs::exists(data.path() / "work"));
  indexer::ConsistencyReport check;
  ASSERT_TRUE(indexer::CheckStores(data.str(), &check).ok());
  EXPECT_TRUE(check.consistent);
  EXPECT_EQ(check.graph_documents, 1u);
}

// The graph contributions wait in DATA/work/graph-pending.jsonl until the
// search index has committed: the file (and the directory) must be gone
// after a run, after a run that fails before writing anything, and after one
// that fails once the stores are open; one a killed run left is replaced.
TEST(IndexingTest, PendingContributionsFileIsGoneAfterEveryRun) {
  TempDir data, docs;
  const std::string gazetteer = (FixturesDir() / "gazetteer.tsv").string();
  const fs::path work = data.path() / "work";
  const fs::path pending = work / "graph-pending.jsonl";
  WriteFile(docs.path() / "a.md", "ASEAN và Trung Quốc hợp tác.\n");
  WriteFile(docs.path() / "b.md", "China and ASEAN signed an agreement.\n");
  indexer::IndexReport report;
  ASSERT_TRUE(Index({docs.str()}, data.str(), gazetteer, &report).ok());
  EXPECT_EQ(report.documents, 2u);
  EXPECT_FALSE(fs::exists(work));

  // What a run killed after writing part of the file leaves: the next run
  // starts the file afresh and finishes the job.
  fs::create_directories(work);
  WriteFile(pending, "{\"doc\":\"a\",\"entities\":[\"asean\"],\"evid");
  WriteFile(docs.path() / "c.md", "Trung Quốc và ASEAN.\n");
  ASSERT_TRUE(Index({docs.str()}, data.str(), gazetteer, &report).ok());
  EXPECT_EQ(report.total_documents, 3u);
  EXPECT_FALSE(fs::exists(work));
  indexer::ConsistencyReport check;
  ASSERT_TRUE(indexer::CheckStores(data.str(), &check).ok());
  EXPECT_TRUE(check.consistent);
  EXPECT_EQ(check.graph_state, "complete");
  EXPECT_EQ(check.graph_documents, 3u);

  // A bad file: fails before the stores are opened.
  WriteFile(docs.path() / "d.txt", std::string("bad \xff bytes\n"));
  EXPECT_FALSE(Index({docs.str()}, data.str(), gazetteer, &report).ok());
  EXPECT_FALSE(fs::exists(work));
  fs::remove(docs.path() / "d.txt");

  // Fails once both stores are open (the file cannot be created): nothing
  // written, nothing left.
  WriteFile(docs.path() / "e.md", "Nội dung mới hoàn toàn.\n");
  fs::create_directories(pending);
  Status s = Index({docs.str()}, data.str(), gazetteer, &report);
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find("graph-pending"), std::string::npos) << s.message();
  EXPECT_FALSE(fs::exists(work));
  EXPECT_EQ(SearchTotal(data.str(), "mới"), 0u);
  ASSERT_TRUE(indexer::CheckStores(data.str(), &check).ok());
  EXPECT_TRUE(check.consistent);
  EXPECT_EQ(check.graph_state, "complete");
  EXPECT_EQ(check.search_documents, 3u);
}

TEST(IndexingTest, IndexOfAnotherLayoutIsRefusedWithAReason) {
  TempDir data;
  indexer::IndexReport report;
  const std::string docs = (FixturesDir() / "documents").string();
  const std::string gazetteer = (FixturesDir() / "gazetteer.tsv").string();
  ASSERT_TRUE(Index({docs}, data.str(), gazetteer, &report).ok());
  {
    Xapian::WritableDatabase db(data.str() + "/search", Xapian::DB_OPEN);
    db.set_metadata("policygraph.schema", "1");
    db.commit();
  }
  Status s = server::SearchService::CheckIndex(data.str() + "/search");
  EXPECT_TRUE(s.IsInvalidArgument());
  EXPECT_NE(s.message().find("re-index"), std::string::npos) << s.message();
  s = Index({docs}, data.str(), gazetteer, &report);
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find("layout version"), std::string::npos) << s.message();
}

// Layout 4 had positions on folded words, which layout 5's phrases no
// longer read (they read written forms, which a layout-4 index lacks): an
// index of it must be re-indexed, not searched.
TEST(IndexingTest, IndexOfThePreviousLayoutIsRefused) {
  TempDir data;
  indexer::IndexReport report;
  const std::string docs = (FixturesDir() / "documents").string();
  const std::string gazetteer = (FixturesDir() / "gazetteer.tsv").string();
  ASSERT_TRUE(Index({docs}, data.str(), gazetteer, &report).ok());
  {
    Xapian::Database db(data.str() + "/search");
    EXPECT_EQ(db.get_metadata("policygraph.schema"), "5");
  }
  {
    Xapian::WritableDatabase db(data.str() + "/search", Xapian::DB_OPEN);
    db.set_metadata("policygraph.schema", "4");
    db.commit();
  }
  Status s = server::SearchService::CheckIndex(data.str() + "/search");
  EXPECT_TRUE(s.IsInvalidArgument());
  EXPECT_NE(s.message().find("layout version '4', this build reads version 5; re-index"), std::string::npos)
      << s.message();
  s = Index({docs}, data.str(), gazetteer, &report);
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find("layout version '4'"), std::string::npos) << s.message();
}

TEST(IndexingTest, MissingPathsAndGazetteerAreClearErrors) {
  TempDir data;
  indexer::IndexReport report;
  Status s = Index({"/no/such/dir"}, data.str(), (FixturesDir() / "gazetteer.tsv").string(), &report);
  EXPECT_TRUE(s.IsNotFound());
  EXPECT_NE(s.message().find("/no/such/dir"), std::string::npos);
  s = Index({(FixturesDir() / "documents").string()}, data.str(), "/no/gazetteer.tsv", &report);
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find("gazetteer"), std::string::npos);
}

TEST(IndexingTest, BundledCorpusAnswersTheQuickStartChecks) {
  const fs::path corpus = SourceDir() / "corpus";
  TempDir data;
  indexer::IndexReport report;
  Status s = indexer::IndexCorpus({(corpus / "documents").string()},
                                  {data.str(), (corpus / "gazetteer").string(), (corpus / "glossary").string()},
                                  &report);
  ASSERT_TRUE(s.ok()) << s.message();
  // Cross-language: an English query finds Vietnamese passages too.
  {
    indexer::Analyzer analyzer;
    server::SearchService search((fs::path(data.str()) / "search").string(), analyzer);
    server::SearchResults results;
    ASSERT_TRUE(search.Search({"personal data protection lang:vi", 10, 0, false}, &results).ok());
    EXPECT_FALSE(results.hits.empty());
    ASSERT_TRUE(search.Search({"an ninh mang", 10, 0, false}, &results).ok());
    EXPECT_EQ(results.did_you_mean, "an ninh mạng");
  }
  EXPECT_GE(report.total_documents, 30u);
  EXPECT_GE(SearchTotal(data.str(), "an ninh mạng"), 3u);
  EXPECT_GE(SearchTotal(data.str(), "an ninh mang"), 3u);
  EXPECT_GE(SearchTotal(data.str(), "cybersecurity"), 3u);
  auto china = NeighborIds(data.str(), "china");
  EXPECT_TRUE(Contains(china, "asean"));
  EXPECT_TRUE(Contains(NeighborIds(data.str(), "united-states"), "asean"));
  EXPECT_TRUE(Contains(NeighborIds(data.str(), "european-union"), "asean"));
}

TEST(IndexingTest, SharedAseanArticleLinksChinaToAsean) {
  auto shared = testing::SharedDir();
  if (!shared) GTEST_SKIP() << "../shared is absent here; this test reads the shared ASEAN article";
  TempDir data;
  indexer::IndexReport report;
  Status s = Index({(*shared / "corpus/vi/asean-cyberspace-governance-2022.txt").string()}, data.str(),
                   (SourceDir() / "corpus/gazetteer").string(), &report);
  ASSERT_TRUE(s.ok()) << s.message();
  EXPECT_EQ(report.total_documents, 1u);
  auto china = NeighborIds(data.str(), "china");
  EXPECT_TRUE(Contains(china, "asean"));
  EXPECT_TRUE(Contains(NeighborIds(data.str(), "united-states"), "singapore"));
  // "chiến lược Ấn Độ Dương - Thái Bình Dương" is a strategy, not India.
  EXPECT_GE(SearchTotal(data.str(), "\"Con đường tơ lụa kỹ thuật số\""), 1u);
}

}  // namespace
}  // namespace policygraph
