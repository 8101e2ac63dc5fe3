// Tables for `policygraph eval`: the ranking metrics (values computed by
// hand, shown in each case), the judgments parser, the line-per-document
// corpus, and the three systems on a tiny corpus. A wrong figure here would
// make every quality report after it wrong without anyone noticing.
#include "server/eval_metrics.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "server/eval_corpus.h"
#include "server/eval_judgments.h"
#include "server/eval_systems.h"
#include "tests/support/test_support.h"

namespace policygraph::server {
namespace {

using testing::FixturesDir;
using testing::TempDir;
using testing::WriteFile;

bool Has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// 1 / log2(3): the discount at rank 2.
const double kD2 = 1.0 / std::log2(3.0);

struct MetricCase {
  const char* why;
  size_t k;
  std::vector<std::string> ranked;
  Grades grades;
  double ndcg, recall, reciprocal_rank;
};

TEST(EvalMetricsTest, Golden) {
  // Gains: grade 2 -> 3, grade 1 -> 1. With {a:2, b:1, c:0} the ideal DCG is
  // 3 + 1*kD2 = 3.63093.
  const Grades abc = {{"a", 2}, {"b", 1}, {"c", 0}};
  const double ideal_abc = 3 + kD2;
  const std::vector<MetricCase> cases = {
      {"the ideal order", 10, {"a", "b"}, abc, 1.0, 1.0, 1.0},
      {"swapped: (1 + 3*kD2) / ideal = 0.79671",
       10,
       {"b", "a"},
       abc,
       (1 + 3 * kD2) / ideal_abc,
       1.0,
       1.0},
      {"an unjudged document first counts as grade 0",
       10,
       {"x", "a"},
       abc,
       3 * kD2 / ideal_abc,
       0.5,
       0.5},
      {"a grade-0 document is not relevant",
       10,
       {"c", "x", "b"},
       abc,
       1 * 0.5 / ideal_abc,
       0.5,
       1.0 / 3},
      {"nothing retrieved", 10, {}, abc, 0, 0, 0},
      {"k cuts the list: the answer at rank 2 is past k = 1", 1, {"x", "a"}, abc, 0, 0, 0},
      {"the ideal counts judged documents never retrieved: 3 / (3 + 3*kD2 + 3/2) = 0.46928",
       10,
       {"a"},
       {{"a", 2}, {"b", 2}, {"c", 2}},
       3 / (3 + 3 * kD2 + 1.5),
       1.0 / 3,
       1.0},
      {"no relevant document judged: every metric is 0", 10, {"c"}, {{"c", 0}}, 0, 0, 0},
      {"a related (grade 1) document counts for recall and reciprocal rank",
       10,
       {"b"},
       abc,
       1 / ideal_abc,
       0.5,
       1.0},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.why);
    EXPECT_NEAR(NdcgAt(c.k, c.ranked, c.grades), c.ndcg, 1e-9);
    EXPECT_NEAR(RecallAt(c.k, c.ranked, c.grades), c.recall, 1e-9);
    EXPECT_NEAR(ReciprocalRankAt(c.k, c.ranked, c.grades), c.reciprocal_rank, 1e-9);
    QueryScores s = ScoreQuery(c.k, c.ranked, c.grades);
    EXPECT_NEAR(s.ndcg, c.ndcg, 1e-9);
    EXPECT_NEAR(s.recall, c.recall, 1e-9);
    EXPECT_NEAR(s.reciprocal_rank, c.reciprocal_rank, 1e-9);
  }
  // Two of the values above, written out, so that a wrong kD2 is caught too.
  EXPECT_NEAR(NdcgAt(10, {"b", "a"}, abc), 0.79671, 1e-5);
  EXPECT_NEAR(NdcgAt(10, {"a"}, {{"a", 2}, {"b", 2}, {"c", 2}}), 0.46928, 1e-5);
}

TEST(EvalMetricsTest, MeanScores) {
  QueryScores mean = MeanScores({{1.0, 0.5, 1.0}, {0.0, 0.5, 0.0}, {0.5, 0.5, 0.5}});
  EXPECT_DOUBLE_EQ(mean.ndcg, 0.5);
  EXPECT_DOUBLE_EQ(mean.recall, 0.5);
  EXPECT_DOUBLE_EQ(mean.reciprocal_rank, 0.5);
  QueryScores none = MeanScores({});
  EXPECT_EQ(none.ndcg, 0);
  EXPECT_EQ(none.recall, 0);
  EXPECT_EQ(none.reciprocal_rank, 0);
}

TEST(EvalJudgmentsTest, BothFormats) {
  // queries-dev.tsv: "#N" repeats the last FILE, also on later lines;
  // qrels-known-dev.tsv: every item names its FILE. Comments, blank lines
  // and CRLF line ends are allowed.
  const std::string tsv =
      "# qid\tquery\tjudgements\n"
      "d01\tluật bảo vệ dữ liệu\tvi/a.txt#10:2 #11:1\r\n"
      "\n"
      "d02\tbao ve du lieu\t#10:2 #0:0\n"
      "kd01\tsự cố an ninh mạng\tvi/laws/b.txt#31:2 vi/p/c.md#164:2 #870:1\n";
  std::vector<JudgedQuery> queries;
  Status s = ParseJudgments("j.tsv", tsv, &queries);
  ASSERT_TRUE(s.ok()) << s.message();
  ASSERT_EQ(queries.size(), 3u);
  EXPECT_EQ(queries[0].qid, "d01");
  EXPECT_EQ(queries[0].query, "luật bảo vệ dữ liệu");
  EXPECT_EQ(queries[0].grades, (Grades{{"vi/a.txt#10", 2}, {"vi/a.txt#11", 1}}));
  EXPECT_EQ(queries[1].grades, (Grades{{"vi/a.txt#10", 2}, {"vi/a.txt#0", 0}}));
  EXPECT_EQ(queries[2].query, "sự cố an ninh mạng");
  EXPECT_EQ(queries[2].grades,
            (Grades{{"vi/laws/b.txt#31", 2}, {"vi/p/c.md#164", 2}, {"vi/p/c.md#870", 1}}));
}

TEST(EvalJudgmentsTest, ErrorsNameFileAndLine) {
  struct Case {
    const char* why;
    std::string tsv;
    std::string message;  // a part of the expected message
  };
  const std::vector<Case> cases = {
      {"two columns", "# c\nq1\tquery\n", "j.tsv:2: expected 3 tab-separated columns"},
      {"grade missing", "q1\tquery\ta.txt#1\n", "j.tsv:1: 'a.txt#1' does not end in ':GRADE'"},
      {"negative grade", "q1\tquery\ta.txt#1:-1\n", "j.tsv:1: 'a.txt#1:-1'"},
      {"line number not a number", "q1\tquery\ta.txt#x:1\n", "is not FILE#N:GRADE"},
      {"#N with no FILE before it", "q1\tquery\t#3:1\n", "j.tsv:1: '#3:1' repeats the last FILE"},
      {"repeated qid", "q1\tx\ta.txt#1:1\nq1\ty\ta.txt#2:1\n", "j.tsv:2: qid q1 appears twice"},
      {"document judged twice", "q1\tx\ta.txt#1:1 #1:2\n", "a.txt#1 is judged twice for q1"},
      {"no judgments", "q1\tx\t \n", "j.tsv:1: no judgments for q1"},
      {"empty query", "q1\t \ta.txt#1:1\n", "j.tsv:1: empty query"},
      {"only comments", "# nothing\n\n", "j.tsv: no queries"},
      {"not UTF-8", "q1\tx\ta.txt#1:1\nq2\t\xff\ta.txt#1:1\n", "j.tsv:2: not valid UTF-8"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.why);
    std::vector<JudgedQuery> queries;
    Status s = ParseJudgments("j.tsv", c.tsv, &queries);
    EXPECT_TRUE(s.IsInvalidArgument());
    EXPECT_TRUE(Has(s.message(), c.message)) << s.message();
  }
}

TEST(EvalJudgmentsTest, LoadsAFile) {
  TempDir dir;
  WriteFile(dir.path() / "q.tsv", "q1\tdata\ten/a.txt#0:2\n");
  std::vector<JudgedQuery> queries;
  ASSERT_TRUE(LoadJudgments((dir.path() / "q.tsv").string(), &queries).ok());
  ASSERT_EQ(queries.size(), 1u);
  EXPECT_EQ(queries[0].grades, (Grades{{"en/a.txt#0", 2}}));
  EXPECT_FALSE(LoadJudgments((dir.path() / "missing.tsv").string(), &queries).ok());
}

TEST(EvalCorpusTest, OneDocumentPerNonEmptyLine) {
  std::vector<EvalDocument> docs;
  SplitIntoLineDocuments("vi/a.txt", "Một\n\n  hai  \r\n\t \nba", &docs);
  ASSERT_EQ(docs.size(), 3u);
  EXPECT_EQ(docs[0].id, "vi/a.txt#0");
  EXPECT_EQ(docs[0].text, "Một");
  EXPECT_EQ(docs[1].id, "vi/a.txt#1");
  EXPECT_EQ(docs[1].text, "hai");
  EXPECT_EQ(docs[2].id, "vi/a.txt#2");
  EXPECT_EQ(docs[2].text, "ba");
  EXPECT_EQ(docs[2].file, "vi/a.txt");
}

TEST(EvalCorpusTest, LoadsSortedTxtAndMdUnderOnly) {
  TempDir dir;
  WriteFile(dir.path() / "x" / "b.txt", "b0\nb1\n");
  WriteFile(dir.path() / "x" / "a.md", "\na0\n");
  WriteFile(dir.path() / "x" / "PROVENANCE", "not a document\n");
  WriteFile(dir.path() / "xy" / "c.txt", "c0\n");
  WriteFile(dir.path() / "README.md", "r0\n");

  EvalCorpus all;
  ASSERT_TRUE(LoadEvalCorpus(dir.str(), "", &all).ok());
  std::vector<std::string> ids;
  for (const auto& d : all.documents) ids.push_back(d.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"README.md#0", "x/a.md#0", "x/b.txt#0", "x/b.txt#1",
                                           "xy/c.txt#0"}));
  EXPECT_EQ(all.files, 4u);

  EvalCorpus only;
  ASSERT_TRUE(LoadEvalCorpus(dir.str(), "x", &only).ok());
  EXPECT_EQ(only.files, 2u);  // x/a.md and x/b.txt, not xy/c.txt
  ASSERT_TRUE(LoadEvalCorpus(dir.str(), "x/b.txt", &only).ok());
  EXPECT_EQ(only.files, 1u);
  EXPECT_TRUE(LoadEvalCorpus(dir.str(), "z", &only).IsNotFound());
  EXPECT_TRUE(LoadEvalCorpus((dir.path() / "missing").string(), "", &only).IsNotFound());
}

TEST(EvalCorpusTest, NamesTheFileThatIsNotUtf8) {
  TempDir dir;
  WriteFile(dir.path() / "ok.txt", "fine\n");
  WriteFile(dir.path() / "bad.txt", "fine\nnot \xc3( fine\n");
  EvalCorpus corpus;
  Status s = LoadEvalCorpus(dir.str(), "", &corpus);
  EXPECT_FALSE(s.ok());
  EXPECT_TRUE(Has(s.message(), "bad.txt:2: not valid UTF-8")) << s.message();
}

// The three systems on four lines: each finds the line it should, and a
// query with FTS5 or Xapian syntax in it is either answered or rejected,
// never an error that would stop the evaluation.
TEST(EvalSystemsTest, EachFindsTheLine) {
  const std::vector<EvalDocument> docs = {
      {"a.txt#0", "a.txt", "Luật an ninh mạng năm 2018"},
      {"a.txt#1", "a.txt", "Personal data protection in Singapore"},
      {"a.txt#2", "a.txt", "Quantum communication networks"},
      {"b.txt#0", "b.txt", "Trung tâm dữ liệu tại Indonesia"},
  };
  TempDir work;
  std::vector<std::unique_ptr<SearchSystem>> systems;
  systems.push_back(
      MakePolicygraphSystem(work.str(), (FixturesDir() / "gazetteer.tsv").string(), "", nullptr));
  systems.push_back(MakeXapianDefaultSystem(work.str()));
  systems.push_back(MakeSqliteFts5System(work.str()));
  for (auto& system : systems) {
    SCOPED_TRACE(system->name());
    Status s = system->Index(docs);
    ASSERT_TRUE(s.ok()) << s.message();
    std::vector<std::string> ids;
    s = system->Search("quantum communication", 10, &ids);
    ASSERT_TRUE(s.ok()) << s.message();
    EXPECT_EQ(ids, (std::vector<std::string>{"a.txt#2"}));
    s = system->Search("dữ liệu", 10, &ids);
    ASSERT_TRUE(s.ok()) << s.message();
    ASSERT_FALSE(ids.empty());
    EXPECT_EQ(ids[0], "b.txt#0");
    for (const std::string query : {"\"unbalanced", "a\"b NEAR(", "AND", "-"}) {
      s = system->Search(query, 10, &ids);
      EXPECT_TRUE(s.ok() || s.IsInvalidArgument()) << query << ": " << s.message();
    }
    // A second Index() into the same work directory would mix two corpora.
    EXPECT_FALSE(system->Index(docs).ok());
  }
}

}  // namespace
}  // namespace policygraph::server
