// Hostile input over HTTP (issue 7): malformed UTF-8, over-long queries and
// URIs, huge or deep traversals, bad numbers, path traversal on static
// files, oversized bodies and a slow client. Every answer must be a 4xx in
// the JSON error shape, promptly, and the server must keep serving.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <nlohmann/json.hpp>
#include <thread>

#include "indexer/corpus_indexer.h"
#include "tests/support/running_server.h"
#include "tests/support/test_support.h"

namespace policygraph {
namespace {

using nlohmann::json;
using testing::FixturesDir;
using testing::RunningServer;
using testing::TempDir;

class HostileHttpTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    data_ = new TempDir();
    indexer::IndexReport report;
    Status s = indexer::IndexCorpus({(FixturesDir() / "documents").string()},
                                    {data_->str(), (FixturesDir() / "gazetteer.tsv").string(), ""}, &report);
    ASSERT_TRUE(s.ok()) << s.message();
    server_ = new RunningServer(data_->str());
  }
  static void TearDownTestSuite() {
    delete server_;
    delete data_;
  }

  // Expects a 4xx with the JSON error shape, answered within two seconds.
  static void Expect4xx(const std::string& path) {
    const auto start = std::chrono::steady_clock::now();
    auto res = server_->client().Get(path);
    const auto elapsed = std::chrono::steady_clock::now() - start;
    ASSERT_TRUE(res) << "no answer for " << path.substr(0, 80);
    EXPECT_GE(res->status, 400) << path.substr(0, 80);
    EXPECT_LT(res->status, 500) << path.substr(0, 80) << ": " << res->body.substr(0, 200);
    json body = json::parse(res->body, nullptr, false);
    EXPECT_TRUE(body.is_object() && body.contains("error")) << path.substr(0, 80) << ": " << res->body.substr(0, 200);
    EXPECT_LT(elapsed, std::chrono::seconds(2)) << path.substr(0, 80);
  }

  static void ExpectStillServing() {
    auto res = server_->client().Get("/api/health");
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 200);
  }

  static TempDir* data_;
  static RunningServer* server_;
};

TempDir* HostileHttpTest::data_ = nullptr;
RunningServer* HostileHttpTest::server_ = nullptr;

TEST_F(HostileHttpTest, MalformedUtf8AndOverlongText) {
  Expect4xx("/api/search?q=%FF%FEabc");
  Expect4xx("/api/search?q=an%C3");              // truncated sequence
  Expect4xx("/api/search?q=%C0%AF");             // overlong encoding of '/'
  Expect4xx("/api/entities?prefix=%ED%A0%80");   // a UTF-16 surrogate
  Expect4xx("/api/search?q=" + std::string(5000, 'a'));
  Expect4xx("/api/entities?prefix=" + std::string(1000, 'x'));
  Expect4xx("/api/graph/neighbors?id=" + std::string(1000, 'x'));
  ExpectStillServing();
}

TEST_F(HostileHttpTest, HugeOrDeepTraversalsAndBadNumbers) {
  for (const std::string q :
       {"depth=4", "depth=-1", "depth=1e9", "depth=abc", "depth=", "limit=0", "limit=100000", "limit=-5",
        "limit=18446744073709551617", "min_weight=0", "from=2022-13-99x", "relation=%00"}) {
    Expect4xx("/api/graph/neighbors?id=china&" + q);
  }
  Expect4xx("/api/graph/path?source=china&target=asean&max_hops=100");
  Expect4xx("/api/search?q=ASEAN&offset=-1");
  Expect4xx("/api/search?q=ASEAN&offset=99999999");
  Expect4xx("/api/search?q=ASEAN&limit=1000");
  std::string many = "/api/graph/matrix?partners=";
  for (int i = 0; i < 100; ++i) many += "china,";
  Expect4xx(many);
  // The largest allowed traversal still answers, capped.
  auto res = server_->client().Get("/api/graph/neighbors?id=china&depth=3&limit=500");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  ExpectStillServing();
}

TEST_F(HostileHttpTest, PathTraversalOnStaticFiles) {
  for (const std::string path : {"/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/..%2f..%2fetc%2fpasswd",
                                 "/js/../../../etc/passwd", "/%2e%2e%5c%2e%2e%5cetc%5cpasswd"}) {
    auto res = server_->client().Get(path);
    ASSERT_TRUE(res) << path;
    EXPECT_GE(res->status, 400) << path;
    EXPECT_EQ(res->body.find("root:"), std::string::npos) << path;
  }
  ExpectStillServing();
}

TEST_F(HostileHttpTest, OversizedBodiesAndUris) {
  auto res = server_->client().Post("/api/search", std::string(1 << 20, 'x'), "text/plain");
  ASSERT_TRUE(res);
  EXPECT_GE(res->status, 400);
  EXPECT_LT(res->status, 500);
  Expect4xx("/api/search?q=" + std::string(70000, 'a'));  // beyond the URI limit: 414
  ExpectStillServing();
}

TEST_F(HostileHttpTest, NoCorsAndNoRouteThatChangesData) {
  // CORS is off: a page on another origin gets no permission to read answers.
  httplib::Headers origin = {{"Origin", "http://evil.example"}};
  auto res = server_->client().Get("/api/health", origin);
  ASSERT_TRUE(res);
  EXPECT_FALSE(res->has_header("Access-Control-Allow-Origin"));
  auto preflight = server_->client().Options("/api/search", origin);
  ASSERT_TRUE(preflight);
  EXPECT_FALSE(preflight->has_header("Access-Control-Allow-Origin"));
  // Nothing under /api changes data: writes are not routes at all.
  for (const std::string path : {"/api/documents/vi-hop-tac", "/api/entities/china", "/api/search"}) {
    auto del = server_->client().Delete(path);
    ASSERT_TRUE(del) << path;
    EXPECT_GE(del->status, 400) << path;
    EXPECT_LT(del->status, 500) << path;
    auto put = server_->client().Put(path, "{}", "application/json");
    ASSERT_TRUE(put) << path;
    EXPECT_GE(put->status, 400) << path;
    EXPECT_LT(put->status, 500) << path;
  }
  ExpectStillServing();
}

TEST_F(HostileHttpTest, SlowClientIsCutOffAndOthersAreServed) {
  // A client that sends half a request line and stalls must not hold the
  // server: others are served meanwhile, and the stalled one is dropped.
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  ASSERT_GE(fd, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(server_->port()));
  inet_pton(AF_INET, "127.0.0.1", &addr.sin_addr);
  ASSERT_EQ(connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
  const char partial[] = "GET /api/health HT";
  ASSERT_GT(send(fd, partial, sizeof partial - 1, 0), 0);
  ExpectStillServing();
  // After the server's read timeout (5 s) the connection is closed.
  timeval wait{8, 0};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &wait, sizeof wait);
  char buf[256];
  const auto start = std::chrono::steady_clock::now();
  ssize_t n = recv(fd, buf, sizeof buf, 0);
  const auto elapsed = std::chrono::steady_clock::now() - start;
  close(fd);
  EXPECT_LE(n, static_cast<ssize_t>(sizeof buf));
  EXPECT_LT(elapsed, std::chrono::seconds(7)) << "the stalled connection was not closed by the read timeout";
  ExpectStillServing();
}

}  // namespace
}  // namespace policygraph
