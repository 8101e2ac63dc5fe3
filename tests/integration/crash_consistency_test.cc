// Crash consistency (issue 7): `policygraph index` is killed with SIGKILL at
// random moments, again and again, into the same data directory; after each
// kill both stores must open and agree as corpus_indexer.h promises
// (`policygraph check`), and a last, uninterrupted run must finish the job.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <random>
#include <thread>

#include "tests/support/test_support.h"

namespace policygraph {
namespace {

using testing::RunPolicygraph;
using testing::SourceDir;
using testing::TempDir;

// Starts `policygraph index` on the bundled corpus into `data`, kills it
// after `delay` unless it finished first; true when it was killed.
bool IndexAndKill(const std::string& data, std::chrono::microseconds delay) {
  const std::string binary = testing::PolicygraphBinary();
  const std::string corpus = (SourceDir() / "corpus" / "documents").string();
  const std::string gazetteer = (SourceDir() / "corpus" / "gazetteer").string();
  const std::string glossary = (SourceDir() / "corpus" / "glossary").string();
  pid_t pid = fork();
  if (pid == 0) {
    // Quiet child: its output would only clutter the test log.
    freopen("/dev/null", "w", stdout);
    freopen("/dev/null", "w", stderr);
    // Xapian flushes every 20 changes instead of its default 10,000, so
    // that this small corpus is written in many flushes, as a large one
    // is: none of them may become a commit the stores disagree on.
    setenv("XAPIAN_FLUSH_THRESHOLD", "20", 1);
    execl(binary.c_str(), binary.c_str(), "index", corpus.c_str(), "--data", data.c_str(), "--gazetteer",
          gazetteer.c_str(), "--glossary", glossary.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  EXPECT_GT(pid, 0);
  std::this_thread::sleep_for(delay);
  const bool killed = kill(pid, SIGKILL) == 0;
  int status = 0;
  waitpid(pid, &status, 0);
  return killed && WIFSIGNALED(status);
}

// `policygraph index` of the bundled corpus into `data`, run to its end.
testing::CommandResult IndexWhole(const std::string& data) {
  return RunPolicygraph({"index", (SourceDir() / "corpus" / "documents").string(), "--data", data, "--gazetteer",
                         (SourceDir() / "corpus" / "gazetteer").string(), "--glossary",
                         (SourceDir() / "corpus" / "glossary").string()});
}

TEST(CrashConsistencyTest, KilledIndexingLeavesValidStatesAndAReRunFinishes) {
  TempDir dir;
  const std::string data = (dir.path() / "data").string();
  // How long one whole run takes here, to spread the kills over it.
  const auto start = std::chrono::steady_clock::now();
  auto first = IndexWhole((dir.path() / "timing").string());
  ASSERT_EQ(first.exit_code, 0) << first.out;
  const auto whole = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - start);

  // Up to kKills runs, for two minutes at most but at least kMinRuns: under the
  // sanitizers (test.sh) a run is several times slower and about 20 fit.
  constexpr int kKills = 50;
  constexpr int kMinRuns = 10;
  constexpr auto kTimeBound = std::chrono::seconds(120);
  std::mt19937 random(20261126);  // fixed: a failure can be replayed
  std::uniform_int_distribution<int64_t> at(0, whole.count());
  int runs = 0, killed = 0, checked = 0;
  const auto loop_start = std::chrono::steady_clock::now();
  for (; runs < kKills && (runs < kMinRuns || std::chrono::steady_clock::now() - loop_start < kTimeBound); ++runs) {
    killed += IndexAndKill(data, std::chrono::microseconds(at(random)));
    if (!std::filesystem::exists(std::filesystem::path(data) / "search")) continue;  // killed before creating it
    auto check = RunPolicygraph({"check", "--data", data});
    ++checked;
    ASSERT_EQ(check.exit_code, 0) << "after kill " << runs << ":\n" << check.out;
  }
  EXPECT_GE(killed, runs / 2) << "most runs should be killed before they finish";
  EXPECT_GE(checked, runs / 2);

  // An uninterrupted run finishes the job: complete and in agreement.
  auto last = IndexWhole(data);
  ASSERT_EQ(last.exit_code, 0) << last.out;
  auto check = RunPolicygraph({"check", "--data", data});
  EXPECT_EQ(check.exit_code, 0) << check.out;
  EXPECT_NE(check.out.find("graph state: complete"), std::string::npos) << check.out;
  // Whatever contributions file a killed run left, the finished one removed it.
  EXPECT_FALSE(std::filesystem::exists(std::filesystem::path(data) / "work"));
  auto reference = RunPolicygraph({"check", "--data", (dir.path() / "timing").string()});
  // Same number of documents as a run that was never interrupted.
  EXPECT_EQ(check.out.substr(0, check.out.find(';')), reference.out.substr(0, reference.out.find(';')));
}

}  // namespace
}  // namespace policygraph
