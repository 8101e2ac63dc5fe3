// The HTTP API end to end: fixtures are indexed into a temp directory and
// served on an ephemeral port; every route is queried with a real client.
#include <gtest/gtest.h>
#include <httplib.h>

#include <dirent.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

#include <nlohmann/json.hpp>
#include <thread>

#include "indexer/corpus_indexer.h"
#include "server/http_server.h"
#include "tests/support/running_server.h"
#include "tests/support/test_support.h"

namespace policygraph {
namespace {

using nlohmann::json;
using testing::FixturesDir;
using testing::RunningServer;
using testing::SourceDir;
using testing::TempDir;

class HttpApiTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    data_ = new TempDir();
    indexer::IndexReport report;
    Status s = indexer::IndexCorpus({(FixturesDir() / "documents").string()},
                                    {data_->str(), (FixturesDir() / "gazetteer.tsv").string(),
                                     (FixturesDir() / "glossary.tsv").string()},
                                    &report);
    ASSERT_TRUE(s.ok()) << s.message();
    server_ = new RunningServer(data_->str());
  }
  static void TearDownTestSuite() {
    delete server_;
    delete data_;
  }

  // GET `path`; expects `status` and a JSON body, which it returns.
  static json GetJson(const std::string& path, int status) {
    auto res = server_->client().Get(path);
    EXPECT_TRUE(res) << "no answer for " << path;
    if (!res) return json();
    EXPECT_EQ(res->status, status) << path << ": " << res->body;
    EXPECT_EQ(res->get_header_value("Content-Type"), "application/json") << path;
    return json::parse(res->body, nullptr, false);
  }

  // Expects the one error shape with `status` and `code`.
  static json ExpectError(const std::string& path, int status, const std::string& code) {
    json body = GetJson(path, status);
    EXPECT_TRUE(body.contains("error")) << path << ": " << body.dump();
    if (!body.contains("error")) return body;
    EXPECT_EQ(body["error"]["code"], code) << path;
    EXPECT_FALSE(body["error"]["message"].get<std::string>().empty()) << path;
    return body;
  }

  static TempDir* data_;
  static RunningServer* server_;
};

TempDir* HttpApiTest::data_ = nullptr;
RunningServer* HttpApiTest::server_ = nullptr;

TEST_F(HttpApiTest, HealthCountsBothStores) {
  json body = GetJson("/api/health", 200);
  EXPECT_EQ(body["documents"], 3);
  EXPECT_EQ(body["nodes"], 7);  // the fixture gazetteer less its not_entity row
  EXPECT_GT(body["edges"].get<int>(), 0);
  EXPECT_EQ(body["generation"], 1) << "one indexing run";
}

TEST_F(HttpApiTest, SearchWithDiacriticsHighlightsHit) {
  json body = GetJson("/api/search?q=an%20ninh%20m%E1%BA%A1ng", 200);
  ASSERT_GE(body["total"].get<int>(), 1);
  const json& hit = body["hits"][0];
  EXPECT_EQ(hit["id"], "vi-hop-tac");
  EXPECT_EQ(hit["passage"], 0);  // the paragraph that says it, not the others
  EXPECT_EQ(hit["passage_id"], "vi-hop-tac#0");
  EXPECT_EQ(hit["lang"], "vi");
  EXPECT_EQ(hit["date"], "2022-05-10");
  EXPECT_GT(hit["score"].get<double>(), 0);
  EXPECT_NE(hit["snippet"].get<std::string>().find("<mark>mạng</mark>"), std::string::npos);
}

TEST_F(HttpApiTest, SearchWithoutDiacriticsFindsVietnameseText) {
  json body = GetJson("/api/search?q=an%20ninh%20mang", 200);
  ASSERT_GE(body["hits"].size(), 1u);
  EXPECT_EQ(body["hits"][0]["id"], "vi-hop-tac");
  EXPECT_NE(body["hits"][0]["snippet"].get<std::string>().find("<mark>mạng</mark>"),
            std::string::npos);
}

TEST_F(HttpApiTest, SearchPhraseExclusionAndPaging) {
  // Grouped by document: one hit per document, its best passage.
  EXPECT_EQ(GetJson("/api/search?q=%22United%20States%22&group=document", 200)["total"], 1);
  json grouped = GetJson("/api/search?q=ASEAN&group=document", 200);
  EXPECT_EQ(grouped["total"], 2);
  EXPECT_TRUE(grouped["grouped"]);
  // Exclusion applies per passage: no hit may mention the excluded word.
  json body = GetJson("/api/search?q=ASEAN%20-cybersecurity", 200);
  ASSERT_FALSE(body["hits"].empty());
  for (const auto& hit : body["hits"]) {
    EXPECT_EQ(hit["snippet"].get<std::string>().find("cybersecurity"), std::string::npos) << hit.dump();
  }
  json page = GetJson("/api/search?q=ASEAN&limit=1&offset=1", 200);
  EXPECT_EQ(page["hits"].size(), 1u);
  EXPECT_EQ(page["offset"], 1);
  ExpectError("/api/search?q=ASEAN&group=sideways", 400, "bad_parameter");
}

TEST_F(HttpApiTest, FiltersRestrictByLanguageYearTypeAndEntity) {
  // Each answer is kept in a local: a range-for over a member of a
  // temporary would read freed memory (AddressSanitizer caught it).
  json en = GetJson("/api/search?q=ASEAN%20lang:en", 200);
  for (const auto& hit : en["hits"]) EXPECT_EQ(hit["lang"], "en");
  json news = GetJson("/api/search?q=ASEAN%20type:news", 200);
  for (const auto& hit : news["hits"]) EXPECT_EQ(hit["type"], "news");
  json y = GetJson("/api/search?q=ASEAN%20year:2022..2022", 200);
  ASSERT_FALSE(y["hits"].empty());
  for (const auto& hit : y["hits"]) EXPECT_EQ(hit["date"].get<std::string>().substr(0, 4), "2022");
  EXPECT_TRUE(GetJson("/api/search?q=ASEAN%20year:1999", 200)["hits"].empty());
  json e = GetJson("/api/search?q=entity:india", 200);
  ASSERT_EQ(e["hits"].size(), 1u);
  EXPECT_EQ(e["hits"][0]["id"], "en-partnership");
  json err = ExpectError("/api/search?q=ASEAN%20lang:fr", 400, "bad_query");
  EXPECT_NE(err["error"]["message"].get<std::string>().find("lang"), std::string::npos);
  ExpectError("/api/search?q=year:2025..2020", 400, "bad_query");
}

TEST_F(HttpApiTest, CrossLanguageThroughGlossaryAndEntityAliases) {
  // "cybersecurity" (en) also finds "an ninh mạng" (vi), own language first.
  json body = GetJson("/api/search?q=cybersecurity&group=document", 200);
  ASSERT_EQ(body["hits"].size(), 2u) << body.dump();
  EXPECT_EQ(body["hits"][0]["id"], "en-partnership");
  EXPECT_EQ(body["hits"][1]["id"], "vi-hop-tac");
  EXPECT_NE(body["hits"][1]["snippet"].get<std::string>().find("<mark>an</mark> <mark>ninh</mark> <mark>mạng</mark>"),
            std::string::npos)
      << body["hits"][1]["snippet"];
  // "China" finds the Vietnamese text that says "Trung Quốc".
  json china = GetJson("/api/search?q=China", 200);
  ASSERT_FALSE(china["hits"].empty());
  EXPECT_EQ(china["hits"][0]["id"], "vi-hop-tac");
  EXPECT_NE(china["hits"][0]["snippet"].get<std::string>().find("<mark>Trung</mark> <mark>Quốc</mark>"),
            std::string::npos);
}

TEST_F(HttpApiTest, DidYouMeanRestoresDiacritics) {
  EXPECT_EQ(GetJson("/api/search?q=an%20ninh%20mang", 200)["did_you_mean"], "an ninh mạng");
  EXPECT_TRUE(GetJson("/api/search?q=an%20ninh%20m%E1%BA%A1ng", 200)["did_you_mean"].is_null());
}

// A repeated search is answered from the response cache, byte for byte the
// same; any parameter that changes the answer is part of its key.
TEST_F(HttpApiTest, RepeatedSearchIsServedFromTheCache) {
  const std::string path = "/api/search?q=digital";
  auto first = server_->client().Get(path);
  ASSERT_TRUE(first);
  ASSERT_EQ(first->status, 200) << first->body;
  ASSERT_GT(json::parse(first->body)["total"].get<int>(), 1) << "a query with hits and facets";
  EXPECT_EQ(first->get_header_value("X-Cache"), "miss");
  auto second = server_->client().Get(path);
  ASSERT_TRUE(second);
  EXPECT_EQ(second->status, 200);
  EXPECT_EQ(second->get_header_value("X-Cache"), "hit");
  EXPECT_EQ(second->get_header_value("Content-Type"), "application/json");
  EXPECT_EQ(second->body, first->body);
  for (const char* other : {"&limit=3", "&offset=1", "&group=document", "&facets=false"}) {
    auto res = server_->client().Get(path + other);
    ASSERT_TRUE(res);
    EXPECT_EQ(res->get_header_value("X-Cache"), "miss") << other;
    EXPECT_NE(res->body, first->body) << other;
  }
  // Defaults written out are the same request.
  auto explicit_defaults = server_->client().Get(path + "&limit=10&offset=0&group=passage&facets=true");
  ASSERT_TRUE(explicit_defaults);
  EXPECT_EQ(explicit_defaults->get_header_value("X-Cache"), "hit");
  EXPECT_EQ(explicit_defaults->body, first->body);
  // Errors are never cached.
  for (int i = 0; i < 2; ++i) {
    auto bad = server_->client().Get("/api/search?q=%22unbalanced");
    ASSERT_TRUE(bad);
    EXPECT_EQ(bad->status, 400);
    EXPECT_EQ(bad->get_header_value("X-Cache"), "");
  }
}

// The listening socket takes a backlog of connections far above
// cpp-httplib's 5: with dozens of clients reconnecting, 5 made the kernel
// drop SYNs, each costing its client a second. Linux reports a listening
// socket's backlog in TCP_INFO's tcpi_sacked.
TEST_F(HttpApiTest, ListenBacklogIsLarge) {
  int backlog = -1;
  DIR* fds = opendir("/proc/self/fd");
  ASSERT_NE(fds, nullptr);
  while (dirent* e = readdir(fds)) {
    const int fd = atoi(e->d_name);
    sockaddr_in addr{};
    socklen_t len = sizeof addr;
    if (getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) != 0 || addr.sin_family != AF_INET ||
        ntohs(addr.sin_port) != server_->port()) {
      continue;
    }
    tcp_info info{};
    socklen_t info_len = sizeof info;
    if (getsockopt(fd, IPPROTO_TCP, TCP_INFO, &info, &info_len) == 0 && info.tcpi_state == 10 /* LISTEN */) {
      backlog = static_cast<int>(info.tcpi_sacked);
    }
  }
  closedir(fds);
  EXPECT_GE(backlog, 128) << "the server's listening socket (port " << server_->port() << ")";
}

TEST_F(HttpApiTest, MalformedQueriesAre400WithReason) {
  json body = ExpectError("/api/search?q=%22unclosed", 400, "bad_query");
  EXPECT_NE(body["error"]["message"].get<std::string>().find("unclosed"), std::string::npos);
  ExpectError("/api/search", 400, "missing_parameter");
  ExpectError("/api/search?q=", 400, "bad_query");
  ExpectError("/api/search?q=-only", 400, "bad_query");
  ExpectError("/api/search?q=%FF%FE", 400, "bad_parameter");
  ExpectError("/api/search?q=" + std::string(2000, 'a'), 400, "bad_parameter");
}

TEST_F(HttpApiTest, BadNumbersAre400NamingTheParameter) {
  for (const char* path : {"/api/search?q=asean&limit=abc", "/api/search?q=asean&limit=0",
                           "/api/search?q=asean&limit=1000", "/api/search?q=asean&offset=-1",
                           "/api/search?q=asean&limit=5x"}) {
    json body = ExpectError(path, 400, "bad_parameter");
    const std::string message = body["error"]["message"];
    EXPECT_TRUE(message.find("limit") != std::string::npos ||
                message.find("offset") != std::string::npos)
        << message;
  }
}

TEST_F(HttpApiTest, DocumentById) {
  json doc = GetJson("/api/documents/en-partnership", 200);
  EXPECT_EQ(doc["title"], "ASEAN and the United States deepen digital ties");
  EXPECT_EQ(doc["type"], "news");
  EXPECT_NE(doc["text"].get<std::string>().find("smart cities"), std::string::npos);
  EXPECT_NE(std::find(doc["entities"].begin(), doc["entities"].end(), "united-states"),
            doc["entities"].end());
  ExpectError("/api/documents/no-such-doc", 404, "not_found");
}

TEST_F(HttpApiTest, EntityAutocompleteFoldsDiacritics) {
  for (const char* prefix : {"trung", "Trung%20Qu%E1%BB%91", "TRUNG%20QUOC", "chi"}) {
    json body = GetJson(std::string("/api/entities?prefix=") + prefix, 200);
    bool found = false;
    for (const auto& e : body["entities"]) found |= e["id"] == "china";
    EXPECT_TRUE(found) << prefix << ": " << body.dump();
  }
  EXPECT_TRUE(GetJson("/api/entities?prefix=zzzz", 200)["entities"].empty());
}

TEST_F(HttpApiTest, EntityDetailHasLinksAndDocuments) {
  json body = GetJson("/api/entities/china", 200);
  EXPECT_EQ(body["name"], "China");
  EXPECT_EQ(body["wikidata"], "Q148");
  ASSERT_FALSE(body["links"].empty());
  EXPECT_EQ(body["documents"][0]["id"], "vi-hop-tac");
  ExpectError("/api/entities/atlantis", 404, "not_found");
}

TEST_F(HttpApiTest, NeighborsOfChinaIncludeAsean) {
  json body = GetJson("/api/graph/neighbors?id=china", 200);
  std::vector<std::string> ids;
  for (const auto& n : body["nodes"]) ids.push_back(n["id"]);
  EXPECT_NE(std::find(ids.begin(), ids.end(), "asean"), ids.end()) << body.dump();
  ASSERT_FALSE(body["edges"].empty());
  // "ASEAN và Trung Quốc đẩy mạnh hợp tác": a typed link, not a mere co-mention.
  EXPECT_EQ(body["edges"][0]["relation"], "cooperation");
  // The Indian Ocean ("Ấn Độ Dương") is not India, and "thẩm mỹ" holds no US.
  json india = GetJson("/api/entities/india", 200);
  for (const auto& d : india["documents"]) EXPECT_NE(d["id"], "vi-hop-tac");
}

TEST_F(HttpApiTest, NeighborsRejectsBadDepthAndUnknownIds) {
  ExpectError("/api/graph/neighbors?id=china&depth=9", 400, "bad_parameter");
  ExpectError("/api/graph/neighbors?id=china&depth=0", 400, "bad_parameter");
  ExpectError("/api/graph/neighbors", 400, "missing_parameter");
  ExpectError("/api/graph/neighbors?id=atlantis", 404, "not_found");
}

TEST_F(HttpApiTest, NeighborFiltersByRelationDateAndType) {
  auto ids = [](const json& body) {
    std::vector<std::string> out;
    for (const auto& n : body["nodes"]) out.push_back(n["id"]);
    return out;
  };
  EXPECT_EQ(ids(GetJson("/api/graph/neighbors?id=china&relation=co_mention", 200)),
            std::vector<std::string>{"china"});
  EXPECT_EQ(ids(GetJson("/api/graph/neighbors?id=china&relation=cooperation&from=2022&to=2022", 200)),
            (std::vector<std::string>{"china", "asean"}));
  EXPECT_EQ(ids(GetJson("/api/graph/neighbors?id=china&from=2023", 200)), std::vector<std::string>{"china"});
  EXPECT_EQ(ids(GetJson("/api/graph/neighbors?id=china&type=country", 200)), std::vector<std::string>{"china"});
  EXPECT_EQ(ids(GetJson("/api/graph/neighbors?id=china&min_weight=2", 200)), std::vector<std::string>{"china"});
  ExpectError("/api/graph/neighbors?id=china&relation=friendship", 400, "bad_parameter");
  ExpectError("/api/graph/neighbors?id=china&type=planet", 400, "bad_parameter");
  ExpectError("/api/graph/neighbors?id=china&from=last-year", 400, "bad_parameter");
  ExpectError("/api/graph/neighbors?id=china&min_weight=-1", 400, "bad_parameter");
}

TEST_F(HttpApiTest, EvidenceOfAnEdgeNamesSentenceTriggerAndDate) {
  json body = GetJson("/api/graph/evidence?source=china&relation=cooperation&target=asean", 200);
  EXPECT_EQ(body["source"], "asean");  // undirected: stored smaller id first
  ASSERT_EQ(body["evidence"].size(), 1u) << body.dump();
  const json& ev = body["evidence"][0];
  EXPECT_EQ(ev["document"], "vi-hop-tac");
  EXPECT_EQ(ev["trigger"], "hợp tác");
  EXPECT_EQ(ev["date"], "2022");
  EXPECT_NE(ev["sentence"].get<std::string>().find("Trung Quốc"), std::string::npos);
  ExpectError("/api/graph/evidence?source=china&relation=cooperation", 400, "missing_parameter");
  ExpectError("/api/graph/evidence?source=china&relation=likes&target=asean", 400, "bad_parameter");
  ExpectError("/api/graph/evidence?source=atlantis&relation=cooperation&target=asean", 404, "not_found");
}

TEST_F(HttpApiTest, ShortestPathThroughAsean) {
  json body = GetJson("/api/graph/path?source=china&target=united-states", 200);
  ASSERT_TRUE(body["found"].get<bool>()) << body.dump();
  std::vector<std::string> ids;
  for (const auto& n : body["nodes"]) ids.push_back(n["id"]);
  EXPECT_EQ(ids, (std::vector<std::string>{"china", "asean", "united-states"}));
  EXPECT_EQ(body["hops"], 2);
  EXPECT_FALSE(GetJson("/api/graph/path?source=china&target=united-states&max_hops=1", 200)["found"].get<bool>());
  ExpectError("/api/graph/path?source=china&target=atlantis", 404, "not_found");
  ExpectError("/api/graph/path?source=china&target=asean&max_hops=0", 400, "bad_parameter");
}

TEST_F(HttpApiTest, PartnershipMatrixAndTimeline) {
  json body = GetJson("/api/graph/matrix", 200);
  std::vector<std::string> members = body["members"];
  EXPECT_EQ(members.front(), "asean");
  EXPECT_NE(std::find(members.begin(), members.end(), "vietnam"), members.end()) << body.dump();
  bool china_asean = false;
  for (const auto& c : body["cells"]) {
    if (c["partner"] == "china" && c["member"] == "asean") {
      china_asean = true;
      EXPECT_EQ(c["weight"], 1);
      EXPECT_EQ(c["by_year"]["2022"], 1);
    }
  }
  EXPECT_TRUE(china_asean) << body.dump();
  EXPECT_TRUE(GetJson("/api/graph/matrix?from=2023", 200)["cells"].empty());
  EXPECT_EQ(GetJson("/api/graph/matrix?partners=china&members=asean", 200)["cells"].size(), 1u);
  ExpectError("/api/graph/matrix?partners=atlantis", 404, "not_found");

  json timeline = GetJson("/api/graph/timeline?a=china&b=asean", 200);
  ASSERT_EQ(timeline["entries"].size(), 1u);
  EXPECT_EQ(timeline["entries"][0]["relation"], "cooperation");
  ExpectError("/api/graph/timeline?a=china", 400, "missing_parameter");
}

TEST_F(HttpApiTest, OpenApiDescribesEveryRoute) {
  json spec = GetJson("/api/openapi.json", 200);
  ASSERT_TRUE(spec.is_object());
  EXPECT_EQ(spec["openapi"].get<std::string>().substr(0, 2), "3.");
  for (const std::string route : {"/api/health", "/api/stats", "/api/search", "/api/documents/{id}", "/api/entities",
                                  "/api/entities/{id}", "/api/graph/neighbors", "/api/graph/path",
                                  "/api/graph/evidence", "/api/graph/matrix", "/api/graph/timeline"}) {
    EXPECT_TRUE(spec["paths"].contains(route)) << route;
  }
  // And every documented path without a path parameter is served.
  for (const auto& [route, _] : spec["paths"].items()) {
    if (route.find('{') != std::string::npos) continue;
    auto res = server_->client().Get(route);
    ASSERT_TRUE(res) << route;
    EXPECT_NE(res->status, 404) << route;
  }
}

TEST_F(HttpApiTest, StatsCountGraphByRelationAndType) {
  json body = GetJson("/api/stats", 200);
  EXPECT_EQ(body["documents"], 3);
  EXPECT_GE(body["relations"]["cooperation"].get<int>(), 1) << body.dump();
  EXPECT_GE(body["entity_types"]["country"].get<int>(), 1) << body.dump();
}

TEST_F(HttpApiTest, SearchFacetsCountLanguagesYearsTypesAndEntities) {
  json body = GetJson("/api/search?q=ASEAN", 200);
  const json& f = body["facets"];
  EXPECT_GE(f["lang"]["vi"].get<int>(), 1) << f.dump();
  EXPECT_GE(f["lang"]["en"].get<int>(), 1) << f.dump();
  EXPECT_GE(f["year"]["2022"].get<int>(), 1) << f.dump();
  bool asean = false;
  for (const auto& e : f["entity"]) asean = asean || (e["id"] == "asean" && e["name"] == "ASEAN");
  EXPECT_TRUE(asean) << f.dump();
}

TEST_F(HttpApiTest, DocumentHasEntityMentionsWithByteOffsets) {
  json body = GetJson("/api/documents/vi-hop-tac", 200);
  const std::string text = body["text"];
  bool china = false;
  for (const auto& m : body["mentions"]) {
    if (m["entity"] == "china") {
      china = true;
      EXPECT_EQ(text.substr(m["begin"].get<size_t>(), m["end"].get<size_t>() - m["begin"].get<size_t>()), "Trung Quốc");
    }
  }
  EXPECT_TRUE(china) << body["mentions"].dump();
}

TEST_F(HttpApiTest, UnknownRoutesAndTraversalGetJson404) {
  ExpectError("/api/nothing-here", 404, "not_found");
  auto res = server_->client().Get("/../../etc/passwd");
  ASSERT_TRUE(res);
  EXPECT_GE(res->status, 400);
  EXPECT_EQ(res->body.find("root:"), std::string::npos);
  res = server_->client().Get("/%2e%2e/%2e%2e/etc/passwd");
  ASSERT_TRUE(res);
  EXPECT_GE(res->status, 400);
}

TEST_F(HttpApiTest, ServesWebUiWithSecurityHeaders) {
  auto res = server_->client().Get("/");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_NE(res->body.find("policygraph"), std::string::npos);
  EXPECT_EQ(res->get_header_value("X-Content-Type-Options"), "nosniff");
  EXPECT_FALSE(res->get_header_value("Content-Security-Policy").empty());
}

}  // namespace
}  // namespace policygraph
