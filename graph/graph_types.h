// The graph's domain values, free of any storage type.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace policygraph::graph {

// An entity: a country, regional organisation, organisation, framework
// (law, agreement, strategy, plan, programme, initiative), event or person.
struct Node {
  std::string id;    // readable slug, e.g. "china", "european-union"
  std::string type;  // e.g. "country", "regional_org", "law"
  std::string wikidata;                // "" when unknown
  std::vector<std::string> names_en;   // first is the display name
  std::vector<std::string> names_vi;   // first is the display name
  std::vector<std::string> member_of;  // entity ids
  // Short forms that name the entity only when paired with another country
  // by a dash, as in "Mỹ - Trung" (Trung: China) or "Việt - Nhật".
  std::vector<std::string> pairing_names;
  // Folded forms of every name (no diacritics, case-folded), computed by the
  // indexer's analyser; the graph stores them for prefix lookup.
  std::vector<std::string> alias_keys;
  // Found by the indexer from the text's own patterns rather than listed in
  // the gazetteer; `confidence` (0..1) says how sure that finding is.
  bool discovered = false;
  double confidence = 1.0;

  const std::string& DisplayName() const;
};

// An edge is identified by its two ends and its relation. Undirected
// relations (co_mention) are stored with source < target.
struct EdgeKey {
  std::string source;
  std::string relation;
  std::string target;
  bool operator<(const EdgeKey& o) const;
  bool operator==(const EdgeKey& o) const = default;
};

// A sentence that supports an edge.
struct Evidence {
  std::string doc_id;
  uint32_t begin = 0;  // byte offsets of the sentence in the document body
  uint32_t end = 0;
  uint32_t passage = 0;  // 0-based passage number in the document
  std::string date;     // ISO date written in the sentence, else the document's; "" if unknown
  std::string trigger;  // the words that typed the link ("hợp tác với"); "" for co-mentions
  std::string text;     // the sentence itself, for display
};

struct EdgeSummary {
  EdgeKey key;
  uint32_t weight = 0;          // number of documents supporting the edge
  uint32_t evidence_count = 0;  // number of supporting sentences
  std::string first_date;
  std::string last_date;
};

// Everything one document contributes to the graph; re-indexing the document
// replaces exactly this.
struct DocumentContribution {
  std::string doc_id;
  std::vector<std::string> entities;  // ids mentioned
  std::vector<std::pair<EdgeKey, Evidence>> evidence;
};

struct AliasHit {
  std::string id;
  std::string alias_key;
};

struct GraphCounts {
  uint64_t nodes = 0;
  uint64_t edges = 0;
  uint64_t documents = 0;
};

// What the graph holds, by kind: for the API's /stats.
struct GraphBreakdown {
  std::map<std::string, uint64_t> edges_by_relation;
  std::map<std::string, uint64_t> nodes_by_type;
  uint64_t discovered_nodes = 0;
};

}  // namespace policygraph::graph
