#include "server/graph_commands.h"

#include <filesystem>
#include <iostream>

#include "graph/graph_store.h"
#include "graph/partnership.h"
#include "graph/shortest_path.h"
#include "graph/traversal.h"
#include "indexer/analyzer.h"
#include "indexer/gazetteer.h"
#include "indexer/link_triggers.h"
#include "indexer/text_fields.h"
#include "server/cli_common.h"
#include "server/graph_api.h"
#include "server/json_views.h"

namespace policygraph::server {

namespace fs = std::filesystem;

namespace {

Status OpenGraph(const std::string& data, std::unique_ptr<graph::GraphStore>* store) {
  const std::string dir = (fs::path(data) / "graph").string();
  if (!fs::is_directory(dir)) {
    return Status::NotFound("no index at " + data + " (run 'policygraph index PATH --data " + data + "' first)");
  }
  graph::GraphStoreOptions options;
  options.read_only = true;
  options.create_if_missing = false;
  return graph::GraphStore::Open(dir, options, store);
}

// An id, or a name of exactly one entity: "Trung Quốc" and "trung quoc" find china.
std::string Resolve(const graph::GraphStore& store, const std::string& entity) {
  if (store.GetNode(entity)) return entity;
  indexer::Analyzer analyzer;
  const std::string key = analyzer.Fold(entity);
  for (const auto& hit : store.FindByAliasPrefix(key, 50)) {
    if (hit.alias_key == key) return hit.id;
  }
  return entity;  // NotFound later names it
}

std::vector<std::string> SplitCommas(const std::string& list) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start < list.size()) {
    size_t comma = list.find(',', start);
    if (comma == std::string::npos) comma = list.size();
    std::string item = indexer::Trim(list.substr(start, comma - start));
    if (!item.empty()) out.push_back(item);
    start = comma + 1;
  }
  return out;
}

void PrintEdge(const graph::EdgeSummary& e) {
  std::cout << "  " << e.key.source << " -[" << e.key.relation << ", weight " << e.weight << "]- " << e.key.target;
  if (!e.first_date.empty()) std::cout << "  " << e.first_date << ".." << e.last_date;
  std::cout << "\n";
}

}  // namespace

GraphCommands::GraphCommands(CLI::App* graph, std::string* data) : data_(data) {
  graph->require_subcommand(1);
  auto add_data = [&](CLI::App* cmd) {
    cmd->add_option("--data", *data_, "data directory holding search/ and graph/")->capture_default_str();
    cmd->add_flag("--json", as_json_, "print the API's JSON");
  };
  auto add_filters = [&](CLI::App* cmd) {
    cmd->add_option("--relation", relations_, "only these link types, comma-separated (cooperation,enactment…)");
    cmd->add_option("--type", types_, "only entities of these types, comma-separated (country,event…)");
    cmd->add_option("--from", from_, "only links dated on or after this (YYYY, YYYY-MM or YYYY-MM-DD)");
    cmd->add_option("--to", to_, "only links dated on or before this");
    cmd->add_option("--min-weight", min_weight_, "only links supported by at least this many documents")
        ->check(CLI::Range(1u, 1000000u));
  };

  neighbors_ = graph->add_subcommand("neighbors", "entities linked to ENTITY");
  neighbors_->add_option("entity", args_, "entity id (china) or name (Trung Quốc)")->required()->expected(1);
  neighbors_->add_option("--depth", depth_, "hops")
      ->check(CLI::Range(1, graph::NeighborhoodRequest::kMaxDepth))
      ->capture_default_str();
  add_data(neighbors_);
  add_filters(neighbors_);

  path_ = graph->add_subcommand("path", "the shortest chain of links between two entities");
  path_->add_option("entities", args_, "FROM TO (ids or names)")->required()->expected(2);
  path_->add_option("--max-hops", max_hops_, "longest path to look for")
      ->check(CLI::Range(1, graph::PathRequest::kMaxHops))
      ->capture_default_str();
  add_data(path_);
  add_filters(path_);

  evidence_ = graph->add_subcommand("evidence", "the sentences behind one link");
  evidence_->add_option("link", args_, "SOURCE RELATION TARGET")->required()->expected(3);
  evidence_->add_option("--limit", limit_, "sentences to show")->check(CLI::Range(1, 1000))->capture_default_str();
  add_data(evidence_);

  matrix_ = graph->add_subcommand("matrix", "link strength of outside partners with ASEAN and its members, by year");
  matrix_->add_option("--partners", partners_, "row entities, comma-separated (default: the US, China, the EU …)");
  matrix_->add_option("--members", members_, "column entities, comma-separated (default: ASEAN and its members)");
  add_data(matrix_);
  add_filters(matrix_);

  entities_ = graph->add_subcommand("entities", "entities whose name starts with PREFIX, with or without diacritics");
  entities_->add_option("prefix", args_, "start of a name in either language")->required()->expected(1);
  entities_->add_option("--limit", limit_, "entities to show")->check(CLI::Range(1, 1000))->capture_default_str();
  add_data(entities_);
}

std::optional<int> GraphCommands::Run() const {
  const bool any = *neighbors_ || *path_ || *evidence_ || *matrix_ || *entities_;
  if (!any) return std::nullopt;
  std::unique_ptr<graph::GraphStore> store;
  Status s = OpenGraph(*data_, &store);
  if (!s.ok()) return Fail(s.message());

  graph::LinkFilter filter;
  for (const auto& r : SplitCommas(relations_)) {
    const auto& known = indexer::AllRelations();
    if (std::find(known.begin(), known.end(), r) == known.end()) return Fail("unknown relation '" + r + "'", kExitUsage);
    filter.relations.insert(r);
  }
  for (const auto& t : SplitCommas(types_)) {
    if (!indexer::IsKnownEntityType(t)) return Fail("unknown entity type '" + t + "'", kExitUsage);
    filter.entity_types.insert(t);
  }
  filter.date_from = from_;
  filter.date_to = to_;
  filter.min_weight = min_weight_;

  if (*neighbors_) {
    graph::NeighborhoodRequest request;
    request.id = Resolve(*store, args_[0]);
    request.depth = depth_;
    request.filter = filter;
    graph::Neighborhood hood;
    s = graph::Neighbors(*store, request, &hood);
    if (!s.ok()) return FailStatus(s);
    if (as_json_) {
      std::cout << ToJson(hood, request.id, depth_).dump(2) << "\n";
      return kExitOk;
    }
    std::cout << hood.nodes.front().DisplayName() << " (" << request.id << "): " << hood.nodes.size() - 1
              << " neighbour(s) within depth " << depth_ << (hood.truncated ? ", truncated" : "") << "\n";
    for (const auto& e : hood.edges) PrintEdge(hood.Summary(e));
    return kExitOk;
  }
  if (*path_) {
    graph::PathRequest request;
    request.from = Resolve(*store, args_[0]);
    request.to = Resolve(*store, args_[1]);
    request.max_hops = max_hops_;
    request.filter = filter;
    graph::Path path;
    s = graph::ShortestPath(*store, request, &path);
    if (!s.ok()) return FailStatus(s);
    if (as_json_) {
      std::cout << ToJson(path, request.from, request.to).dump(2) << "\n";
      return kExitOk;
    }
    if (path.nodes.empty()) {
      std::cout << "no path from " << request.from << " to " << request.to << " within " << max_hops_ << " hops\n";
      return kExitOk;
    }
    std::cout << path.edges.size() << " hop(s):\n";
    for (const auto& e : path.edges) PrintEdge(e);
    return kExitOk;
  }
  if (*evidence_) {
    graph::EdgeKey key{Resolve(*store, args_[0]), args_[1], Resolve(*store, args_[2])};
    if (indexer::IsUndirectedRelation(key.relation) && key.target < key.source) std::swap(key.source, key.target);
    auto evidence = store->EvidenceOf(key, limit_);
    if (as_json_) {
      nlohmann::json items = nlohmann::json::array();
      for (const auto& ev : evidence) items.push_back(ToJson(ev));
      std::cout << nlohmann::json{{"source", key.source}, {"relation", key.relation}, {"target", key.target},
                                  {"evidence", items}}
                       .dump(2)
                << "\n";
      return kExitOk;
    }
    std::cout << key.source << " -[" << key.relation << "]- " << key.target << ": " << evidence.size()
              << " sentence(s)\n";
    for (const auto& ev : evidence) {
      std::cout << "  " << ev.doc_id << " #" << ev.passage << (ev.date.empty() ? "" : " " + ev.date)
                << (ev.trigger.empty() ? "" : " [" + ev.trigger + "]") << "\n    " << ev.text << "\n";
    }
    return kExitOk;
  }
  if (*matrix_) {
    graph::PartnershipRequest request;
    for (const auto& p : SplitCommas(partners_)) request.partners.push_back(Resolve(*store, p));
    for (const auto& m : SplitCommas(members_)) request.members.push_back(Resolve(*store, m));
    if (request.partners.empty()) {
      for (const auto& id : DefaultPartners()) {
        if (store->GetNode(id)) request.partners.push_back(id);
      }
    }
    if (request.members.empty()) request.members = DefaultMembers(*store);
    request.filter = filter;
    graph::PartnershipMatrix matrix;
    s = graph::BuildPartnershipMatrix(*store, request, &matrix);
    if (!s.ok()) return FailStatus(s);
    if (as_json_) {
      std::cout << ToJson(matrix).dump(2) << "\n";
      return kExitOk;
    }
    for (const auto& c : matrix.cells) {
      std::cout << c.partner << " × " << c.member << ": weight " << c.weight << " (";
      bool first = true;
      for (const auto& [year, n] : c.by_year) {
        std::cout << (first ? "" : ", ") << year << ": " << n;
        first = false;
      }
      std::cout << ")\n";
    }
    return kExitOk;
  }
  // entities
  indexer::Analyzer analyzer;
  auto hits = store->FindByAliasPrefix(analyzer.Fold(args_[0]), limit_);
  nlohmann::json items = nlohmann::json::array();
  for (const auto& hit : hits) {
    auto node = store->GetNode(hit.id);
    if (!node) continue;
    if (as_json_) {
      items.push_back(EntitySummaryJson(*node));
    } else {
      std::cout << node->id << "\t" << node->type << "\t" << node->DisplayName()
                << (node->discovered ? "\t(discovered)" : "") << "\n";
    }
  }
  if (as_json_) std::cout << items.dump(2) << "\n";
  return kExitOk;
}

}  // namespace policygraph::server
