// The policygraph binary: exit codes (0 ok, 1 runtime error, 2 usage error)
// and messages that name the problem.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include "tests/support/test_support.h"

namespace policygraph {
namespace {

using testing::FixturesDir;
using testing::RunPolicygraph;
using testing::SourceDir;
using testing::TempDir;

bool Has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

class CliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto r = RunPolicygraph({"index", (FixturesDir() / "documents").string(), "--data", data_.str(),
                             "--gazetteer", (FixturesDir() / "gazetteer.tsv").string(), "--glossary",
                             (FixturesDir() / "glossary.tsv").string()});
    ASSERT_EQ(r.exit_code, 0) << r.out;
    ASSERT_TRUE(Has(r.out, "indexed 3 documents")) << r.out;
  }
  TempDir data_;
};

TEST_F(CliTest, HelpOnEveryCommand) {
  for (auto args : std::vector<std::vector<std::string>>{
           {"--help"}, {"index", "--help"}, {"search", "--help"}, {"graph", "neighbors", "--help"},
           {"graph", "path", "--help"}, {"graph", "evidence", "--help"}, {"graph", "matrix", "--help"},
           {"graph", "entities", "--help"}, {"eval-graph", "--help"}, {"serve", "--help"}}) {
    auto r = RunPolicygraph(args);
    EXPECT_EQ(r.exit_code, 0) << r.out;
    EXPECT_TRUE(Has(r.out, "--data") || Has(r.out, "Subcommands") || Has(r.out, "--gold-links")) << r.out;
  }
}

TEST_F(CliTest, UsageErrorsExitTwo) {
  EXPECT_EQ(RunPolicygraph({}).exit_code, 2);
  EXPECT_EQ(RunPolicygraph({"frobnicate"}).exit_code, 2);
  EXPECT_EQ(RunPolicygraph({"search"}).exit_code, 2);
  EXPECT_EQ(RunPolicygraph({"search", "x", "--limit", "abc", "--data", data_.str()}).exit_code, 2);
  EXPECT_EQ(RunPolicygraph({"graph", "neighbors", "china", "--depth", "7"}).exit_code, 2);
  auto r = RunPolicygraph({"search", "\"unclosed", "--data", data_.str()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(Has(r.out, "unclosed quote")) << r.out;
}

TEST_F(CliTest, SearchPrintsHitsAndJson) {
  auto r = RunPolicygraph({"search", "an ninh mang", "--data", data_.str()});
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_TRUE(Has(r.out, "vi-hop-tac")) << r.out;
  EXPECT_TRUE(Has(r.out, "[mạng]")) << r.out;
  r = RunPolicygraph({"search", "ASEAN", "--data", data_.str(), "--json", "--limit", "1"});
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_TRUE(Has(r.out, "\"hits\"")) << r.out;
}

TEST_F(CliTest, NeighborsByIdOrName) {
  auto r = RunPolicygraph({"graph", "neighbors", "china", "--data", data_.str()});
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_TRUE(Has(r.out, "asean")) << r.out;
  r = RunPolicygraph({"graph", "neighbors", "Trung Quốc", "--data", data_.str(), "--depth", "2"});
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_TRUE(Has(r.out, "asean")) << r.out;
  r = RunPolicygraph({"graph", "neighbors", "atlantis", "--data", data_.str()});
  EXPECT_EQ(r.exit_code, 1) << r.out;
  EXPECT_TRUE(Has(r.out, "no entity")) << r.out;
}

TEST_F(CliTest, GraphPathEvidenceMatrixAndEntities) {
  auto r = RunPolicygraph({"graph", "path", "china", "united-states", "--data", data_.str()});
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_TRUE(Has(r.out, "2 hop(s)")) << r.out;
  r = RunPolicygraph({"graph", "evidence", "Trung Quốc", "cooperation", "asean", "--data", data_.str()});
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_TRUE(Has(r.out, "1 sentence(s)") && Has(r.out, "[hợp tác]")) << r.out;
  r = RunPolicygraph({"graph", "matrix", "--data", data_.str(), "--relation", "cooperation"});
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_TRUE(Has(r.out, "china × asean: weight 1 (2022: 1)")) << r.out;
  r = RunPolicygraph({"graph", "entities", "trung", "--data", data_.str()});
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_TRUE(Has(r.out, "china\tcountry")) << r.out;
  r = RunPolicygraph({"graph", "neighbors", "china", "--relation", "friendship", "--data", data_.str()});
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_TRUE(Has(r.out, "unknown relation 'friendship'")) << r.out;
  EXPECT_EQ(RunPolicygraph({"graph", "path", "china", "--data", data_.str()}).exit_code, 2);
}

TEST_F(CliTest, RuntimeErrorsExitOneAndNameTheProblem) {
  TempDir empty;
  auto r = RunPolicygraph({"search", "x", "--data", empty.str()});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(Has(r.out, "no index at")) << r.out;
  r = RunPolicygraph({"graph", "neighbors", "china", "--data", empty.str()});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(Has(r.out, "no index at")) << r.out;
  r = RunPolicygraph({"serve", "--data", empty.str(), "--port", "0"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(Has(r.out, "no index at")) << r.out;
  r = RunPolicygraph({"index", "/no/such/path", "--data", empty.str(), "--gazetteer",
                      (FixturesDir() / "gazetteer.tsv").string(), "--glossary", ""});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(Has(r.out, "/no/such/path")) << r.out;
}

TEST_F(CliTest, ServeOnAPortInUseSaysSo) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  ASSERT_GE(fd, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  ASSERT_EQ(bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
  ASSERT_EQ(listen(fd, 1), 0);
  socklen_t len = sizeof addr;
  getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  const int port = ntohs(addr.sin_port);
  auto r = RunPolicygraph({"serve", "--data", data_.str(), "--port", std::to_string(port)});
  close(fd);
  EXPECT_EQ(r.exit_code, 1) << r.out;
  EXPECT_TRUE(Has(r.out, "in use")) << r.out;
}

}  // namespace
// eval --policygraph-data searches the index an earlier run kept, without
// indexing again, and judges it exactly as that run did.
TEST_F(CliTest, EvalSearchesAKeptIndex) {
  TempDir work, again;
  const std::string corpus = (SourceDir() / "corpus" / "documents").string();
  const std::string queries = (SourceDir() / "tests" / "eval" / "queries-bundled.tsv").string();
  const std::string gazetteer = (SourceDir() / "corpus" / "gazetteer").string();
  const std::string glossary = (SourceDir() / "corpus" / "glossary").string();
  auto first = RunPolicygraph({"eval", "--corpus", corpus, "--queries", queries, "--work", work.str(),
                               "--gazetteer", gazetteer, "--glossary", glossary});
  ASSERT_EQ(first.exit_code, 0) << first.out;
  ASSERT_TRUE(Has(first.out, "indexing 651 lines with policygraph")) << first.out;
  auto second = RunPolicygraph({"eval", "--corpus", corpus, "--queries", queries, "--work", again.str(),
                                "--policygraph-data", (work.path() / "policygraph").string()});
  ASSERT_EQ(second.exit_code, 0) << second.out;
  EXPECT_FALSE(std::filesystem::exists(again.path() / "policygraph")) << "indexed again";
  // The per-query part of the report: every query's figure and top 3 (up
  // to the line naming the work directory, which differs).
  auto detail = [](const std::string& out) {
    const size_t begin = out.find("policygraph, NFC queries:");
    return out.substr(begin, out.find("indexes kept in") - begin);
  };
  EXPECT_EQ(detail(second.out), detail(first.out));
}

}  // namespace policygraph
