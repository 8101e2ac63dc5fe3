// NeighborhoodJsonText writes what ToJson(hood, id, depth).dump() writes,
// byte for byte: ids, names and dates plain or needing escapes, empty dates,
// truncated or not, no edges.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "server/json_views.h"
#include "server/neighborhood_json.h"

namespace policygraph::server {
namespace {

using nlohmann::json;

std::string Reference(const graph::Neighborhood& hood, const std::string& id, int depth) {
  return ToJson(hood, id, depth).dump(-1, ' ', false, json::error_handler_t::replace);
}

graph::Node MakeNode(const std::string& id, const std::string& name_en, const std::string& name_vi) {
  graph::Node n;
  n.id = id;
  n.type = "country";
  n.names_en = {name_en};
  n.names_vi = {name_vi};
  return n;
}

TEST(NeighborhoodJsonTest, SameBytesAsTheJsonTree) {
  graph::Neighborhood hood;
  hood.nodes = {MakeNode("china", "China", "Trung Quốc"), MakeNode("asean", "ASEAN", "ASEAN"),
                MakeNode("odd \"id\"\\\x01", "Odd", "Lạ"), MakeNode("vi-ệt", "Viet", "Việt"), MakeNode("bad\xff", "Bad\xfe", "x")};
  hood.nodes[1].wikidata = "Q7768";
  hood.nodes[2].discovered = true;
  hood.nodes[2].confidence = 0.75;
  hood.AddEdge(0, 1, "cooperation", 12, 40, "2020-01-02", "2024-05-06");
  hood.AddEdge(0, 2, "co_mention", 1, 1, "", "");
  hood.AddEdge(3, 0, "enactment", 4294967295u, 0, "2021", "");
  hood.AddEdge(2, 3, "basis\t", 2, 3, "2019-09-09", "x\"y");
  hood.AddEdge(4, 0, "membership", 5, 6, "2020\xff", "2021");
  // Longer than an edge holds in place (the indexer writes none such).
  hood.AddEdge(1, 3, "cooperation", 7, 8, "2020-01-02T10:00:00Z", "the twenty-first of May");
  for (bool truncated : {false, true}) {
    hood.truncated = truncated;
    for (const std::string id : {"china", "Trung Quốc", "a\"b"}) {
      EXPECT_EQ(NeighborhoodJsonText(hood, id, 2), Reference(hood, id, 2));
    }
  }
}

TEST(NeighborhoodJsonTest, NoEdgesAndNoNodes) {
  graph::Neighborhood hood;
  EXPECT_EQ(NeighborhoodJsonText(hood, "x", 1), Reference(hood, "x", 1));
  hood.nodes = {MakeNode("china", "China", "Trung Quốc")};
  EXPECT_EQ(NeighborhoodJsonText(hood, "china", 3), Reference(hood, "china", 3));
}

}  // namespace
}  // namespace policygraph::server
