#include "tests/bench/synthetic_graph.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <unordered_set>

namespace policygraph::bench {

uint64_t Rng::Next() {
  uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

uint64_t Rng::Below(uint64_t n) {
  // Lemire's multiply-shift: no modulo bias worth measuring, and defined
  // the same everywhere.
  return static_cast<uint64_t>((static_cast<unsigned __int128>(Next()) * n) >> 64);
}

double Rng::Unit() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }

bool IsUndirected(uint8_t relation) {
  // cooperation and co_mention (indexer/link_triggers.h: IsUndirectedRelation).
  return relation == 0 || relation == 6;
}

bool EdgeFilter::Accepts(const SyntheticEdge& edge) const {
  if (edge.weight < min_weight) return false;
  return relations.empty() ||
         std::find(relations.begin(), relations.end(), kRelations[edge.relation]) != relations.end();
}

namespace {

struct Hub {
  const char* id;
  const char* type;
  const char* en;
  const char* vi;
};

// The entities the real graph's hubs are (corpus/gazetteer/entities.tsv ids),
// most connected first.
constexpr Hub kHubs[] = {
    {"asean", "regional_org", "ASEAN", "ASEAN"},
    {"china", "country", "China", "Trung Quốc"},
    {"united-states", "country", "United States", "Hoa Kỳ"},
    {"vietnam", "country", "Vietnam", "Việt Nam"},
    {"japan", "country", "Japan", "Nhật Bản"},
    {"european-union", "regional_org", "European Union", "Liên minh châu Âu"},
    {"south-korea", "country", "South Korea", "Hàn Quốc"},
    {"india", "country", "India", "Ấn Độ"},
    {"australia", "country", "Australia", "Úc"},
    {"singapore", "country", "Singapore", "Singapore"},
    {"indonesia", "country", "Indonesia", "Indonesia"},
    {"thailand", "country", "Thailand", "Thái Lan"},
    {"malaysia", "country", "Malaysia", "Malaysia"},
    {"philippines", "country", "Philippines", "Philippines"},
    {"apec", "regional_org", "APEC", "APEC"},
    {"g20", "organization", "G20", "G20"},
};

struct TypeShare {
  const char* type;
  int percent;
  const char* en;  // head of synthetic names
  const char* vi;
};

// Shares of the non-hub nodes, roughly those of the gazetteer plus the
// discovered entities of the 100k-document generated set (mostly
// organisations, laws and events).
constexpr TypeShare kTypes[] = {
    {"country", 4, "Country", "Quốc gia"},
    {"regional_org", 1, "Regional forum", "Diễn đàn khu vực"},
    {"organization", 25, "Agency", "Cơ quan"},
    {"law", 15, "Law", "Luật"},
    {"agreement", 8, "Agreement", "Hiệp định"},
    {"strategy", 6, "Strategy", "Chiến lược"},
    {"plan", 5, "Plan", "Kế hoạch"},
    {"programme", 5, "Programme", "Chương trình"},
    {"initiative", 5, "Initiative", "Sáng kiến"},
    {"event", 16, "Summit", "Hội nghị"},
    {"person", 10, "Minister", "Bộ trưởng"},
};

struct RelationRule {
  int permille;  // share of edges
  std::vector<std::string> source_types;
  std::vector<std::string> target_types;  // empty: any type
};

const std::vector<std::string> kActors = {"country", "regional_org", "organization"};
const std::vector<std::string> kFrameworks = {"law",     "agreement", "strategy",
                                              "plan",    "programme", "initiative"};

// Indexed like kRelations. About a third of the real graph's evidence is
// typed; the rest are co-mentions.
const std::vector<RelationRule>& Rules() {
  static const std::vector<RelationRule> rules = {
      {140, kActors, kActors},                                              // cooperation
      {80, kActors, kFrameworks},                                           // enactment
      {80, {"country", "regional_org", "organization", "person"}, {"event", "programme"}},
      {30, {"organization", "country"}, {"country"}},                       // investment
      {40, kActors, {"regional_org", "organization", "agreement"}},         // membership
      {50, {"law", "strategy", "plan", "programme"}, {"law", "agreement", "strategy", "plan"}},
      {580, {}, {}},                                                        // co_mention
  };
  return rules;
}

// Nodes of some types, drawn in proportion to their propensity.
class Pool {
 public:
  Pool(const std::vector<SyntheticNode>& nodes, const std::vector<std::string>& types) {
    double total = 0;
    for (uint32_t i = 0; i < nodes.size(); ++i) {
      if (!types.empty() && std::find(types.begin(), types.end(), nodes[i].type) == types.end()) {
        continue;
      }
      total += nodes[i].propensity;
      members_.push_back(i);
      cumulative_.push_back(total);
    }
  }
  bool empty() const { return members_.empty(); }
  uint32_t Draw(Rng& rng) const {
    const double x = rng.Unit() * cumulative_.back();
    size_t i = std::upper_bound(cumulative_.begin(), cumulative_.end(), x) - cumulative_.begin();
    return members_[std::min(i, members_.size() - 1)];
  }

 private:
  std::vector<uint32_t> members_;
  std::vector<double> cumulative_;
};

std::string Date(int year, int month, int day) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}

std::string RandomDate(Rng& rng, int from_year, int to_year) {
  const int year = from_year + static_cast<int>(rng.Below(to_year - from_year + 1));
  return Date(year, 1 + static_cast<int>(rng.Below(12)), 1 + static_cast<int>(rng.Below(28)));
}

void MakeNodes(const SyntheticGraphOptions& options, Rng& rng, SyntheticGraph* graph) {
  const size_t hubs = std::min<size_t>(std::size(kHubs), options.nodes);
  graph->hubs = hubs;
  for (size_t i = 0; i < hubs; ++i) {
    graph->nodes.push_back({kHubs[i].id, kHubs[i].type, kHubs[i].en, kHubs[i].vi, true, 0});
  }
  std::vector<int> serial(std::size(kTypes), 0);
  for (size_t i = hubs; i < options.nodes; ++i) {
    int pick = static_cast<int>(rng.Below(100));
    size_t t = 0;
    while (pick >= kTypes[t].percent) pick -= kTypes[t++].percent;
    char num[16];
    std::snprintf(num, sizeof num, "%05d", ++serial[t]);
    graph->nodes.push_back({std::string(kTypes[t].type) + "-" + num, kTypes[t].type,
                            std::string(kTypes[t].en) + " " + num,
                            std::string(kTypes[t].vi) + " " + num, false, 0});
  }
  // Ranks: hubs first, the tail in a shuffled order so that rank does not
  // follow type or id.
  std::vector<uint32_t> tail_rank(options.nodes - hubs);
  for (uint32_t i = 0; i < tail_rank.size(); ++i) tail_rank[i] = i;
  for (size_t i = tail_rank.size(); i > 1; --i) std::swap(tail_rank[i - 1], tail_rank[rng.Below(i)]);
  for (size_t i = 0; i < graph->nodes.size(); ++i) {
    const double rank = i < hubs ? i + 1 : hubs + 1 + tail_rank[i - hubs];
    graph->nodes[i].propensity = 1.0 / std::pow(rank, options.alpha);
  }
}

// Supporting documents: Pareto with exponent 2 (two thirds of the edges rest
// on one document), much more between two hubs, as China-ASEAN is.
uint32_t DrawWeight(Rng& rng, bool hub_pair) {
  const double u = 1.0 - rng.Unit();  // (0, 1]
  double w = std::floor(1.0 / std::sqrt(u));
  if (hub_pair) w *= 8;
  return static_cast<uint32_t>(std::clamp(w, 1.0, 500.0));
}

}  // namespace

bool GenerateSyntheticGraph(const SyntheticGraphOptions& options, SyntheticGraph* graph,
                            std::string* error) {
  *graph = SyntheticGraph();
  if (options.nodes < 2) {
    *error = "need at least 2 nodes";
    return false;
  }
  Rng rng(options.seed);
  MakeNodes(options, rng, graph);

  std::vector<Pool> sources, targets;
  std::vector<int> cumulative_permille;
  int total = 0;
  for (const auto& rule : Rules()) {
    sources.emplace_back(graph->nodes, rule.source_types);
    targets.emplace_back(graph->nodes, rule.target_types);
    cumulative_permille.push_back(total += rule.permille);
  }
  std::unordered_set<uint64_t> seen;
  seen.reserve(options.edges * 2);
  graph->edges.reserve(options.edges);
  // Duplicates are redrawn; give up when the pools are saturated rather than
  // loop for ever.
  const uint64_t max_attempts = 50 * options.edges + 1000;
  for (uint64_t attempt = 0; graph->edges.size() < options.edges; ++attempt) {
    if (attempt == max_attempts) {
      *error = "only " + std::to_string(graph->edges.size()) + " distinct edges after " +
               std::to_string(max_attempts) + " draws among " + std::to_string(options.nodes) +
               " nodes; give more nodes";
      return false;
    }
    const int pick = static_cast<int>(rng.Below(total));
    uint8_t rel = 0;
    while (pick >= cumulative_permille[rel]) ++rel;
    if (sources[rel].empty() || targets[rel].empty()) continue;
    uint32_t s = sources[rel].Draw(rng);
    uint32_t t = targets[rel].Draw(rng);
    if (s == t) continue;
    if (IsUndirected(rel) && graph->nodes[t].id < graph->nodes[s].id) std::swap(s, t);
    const uint64_t key = (static_cast<uint64_t>(s) << 35) | (static_cast<uint64_t>(t) << 3) | rel;
    if (!seen.insert(key).second) continue;

    SyntheticEdge e;
    e.source = s;
    e.target = t;
    e.relation = rel;
    e.weight = DrawWeight(rng, s < graph->hubs && t < graph->hubs);
    if (rng.Below(20) != 0) {  // 1 in 20 undated, as when no sentence states a date
      const int year = 2005 + static_cast<int>(rng.Below(21));
      std::string a = RandomDate(rng, year, std::min(2025, year + 5));
      std::string b = RandomDate(rng, year, std::min(2025, year + 5));
      if (b < a) std::swap(a, b);
      e.first_date = a;
      e.last_date = e.weight == 1 ? a : b;  // one document, one date
    }
    graph->edges.push_back(std::move(e));
  }
  return true;
}

}  // namespace policygraph::bench
