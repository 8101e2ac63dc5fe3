// Values of the graph's column families: JSON records, so that `ldb scan`
// shows them readably. Decoders return nullopt on a corrupt record.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "graph/graph_types.h"

namespace policygraph::graph {

std::string EncodeNode(const Node& node);
std::optional<Node> DecodeNode(std::string_view value);

std::string EncodeEdgeSummary(const EdgeSummary& summary);  // key not stored
std::optional<EdgeSummary> DecodeEdgeSummary(const std::string& value);

std::string EncodeEvidence(const Evidence& evidence);  // doc and begin live in the key
std::optional<Evidence> DecodeEvidence(const std::string& value);

struct DocumentRecord {
  std::vector<std::string> entities;
  std::vector<EdgeKey> edges;
};
std::string EncodeDocumentRecord(const DocumentRecord& record);
std::optional<DocumentRecord> DecodeDocumentRecord(const std::string& value);

// A whole DocumentContribution (every field of every evidence, doc and begin
// included) as one line of JSON with no newline in it: the indexer keeps
// contributions in a file of such lines until the search index has committed
// (indexer/corpus_indexer.cc). Decoding gives back exactly what was encoded.
std::string EncodeDocumentContribution(const DocumentContribution& contribution);
std::optional<DocumentContribution> DecodeDocumentContribution(const std::string& value);

// Keys.
std::string NodeKey(const std::string& id);
std::string AliasKey(const std::string& alias_key, const std::string& id);
std::string OutKey(const EdgeKey& e);
std::string InKey(const EdgeKey& e);
std::string EdgePrefix(const EdgeKey& e);  // evidence prefix of an edge
std::string EvidenceDocPrefix(const EdgeKey& e, const std::string& doc_id);
std::string EvidenceKey(const EdgeKey& e, const std::string& doc_id, uint32_t begin);
std::string NodePrefix(const std::string& id);  // out/in prefix of one node
// meta: "member" · parent · member -> "", from the nodes' member_of lists.
std::string MemberKey(const std::string& parent, const std::string& member);
std::string MemberPrefix(const std::string& parent);

}  // namespace policygraph::graph
