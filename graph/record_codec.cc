#include "graph/record_codec.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string_view>

#include "graph/canonical_json.h"
#include "graph/key_codec.h"

namespace policygraph::graph {

using nlohmann::json;

const std::string& Node::DisplayName() const {
  if (!names_en.empty()) return names_en.front();
  if (!names_vi.empty()) return names_vi.front();
  return id;
}

bool EdgeKey::operator<(const EdgeKey& o) const {
  if (source != o.source) return source < o.source;
  if (relation != o.relation) return relation < o.relation;
  return target < o.target;
}

namespace {
// nlohmann throws on malformed input; records come from disk, so a parse
// failure means corruption and is reported as nullopt.
template <typename Fn>
auto ParseOrNull(std::string_view value, Fn fn) -> decltype(fn(json())) {
  try {
    return fn(json::parse(value));
  } catch (const json::exception&) {
    return std::nullopt;
  }
}
}  // namespace

std::string EncodeNode(const Node& n) {
  return json{{"id", n.id},           {"type", n.type},
              {"wikidata", n.wikidata}, {"names_en", n.names_en},
              {"names_vi", n.names_vi}, {"member_of", n.member_of},
              {"pairing_names", n.pairing_names},
              {"alias_keys", n.alias_keys}, {"discovered", n.discovered},
              {"confidence", n.confidence}}
      .dump();
}

namespace {

// A node exactly as EncodeNode writes it (nlohmann writes an object's keys
// in order), read without building a JSON document: a depth-2 traversal
// decodes ~200 node records per request, and the parser was a tenth of its
// time (perf, 1M edges; DecodeNode 11.8%, 10.2% in nlohmann). Anything else
// gives nullopt and the JSON parser decides (see canonical_json.h for what
// is accepted).
std::optional<Node> DecodeCanonicalNode(std::string_view value) {
  CanonicalJsonReader r(value);
  Node n;
  const bool read = r.Literal("{\"alias_keys\":") && r.StringArray(&n.alias_keys) && r.Literal(",\"confidence\":") &&
      r.Double(&n.confidence) && r.Literal(",\"discovered\":") && r.Bool(&n.discovered) &&
      r.Literal(",\"id\":") && r.String(&n.id) && r.Literal(",\"member_of\":") && r.StringArray(&n.member_of) &&
      r.Literal(",\"names_en\":") && r.StringArray(&n.names_en) && r.Literal(",\"names_vi\":") &&
      r.StringArray(&n.names_vi) && r.Literal(",\"pairing_names\":") && r.StringArray(&n.pairing_names) &&
      r.Literal(",\"type\":") && r.String(&n.type) && r.Literal(",\"wikidata\":") && r.String(&n.wikidata) &&
      r.Literal("}");
  if (!read || !r.Done()) return std::nullopt;
  return n;
}

}  // namespace

std::optional<Node> DecodeNode(std::string_view value) {
  if (auto n = DecodeCanonicalNode(value)) return n;
  return ParseOrNull(value, [](const json& j) -> std::optional<Node> {
    Node n;
    n.id = j.at("id").get<std::string>();
    n.type = j.at("type").get<std::string>();
    n.wikidata = j.value("wikidata", "");
    n.names_en = j.value("names_en", std::vector<std::string>{});
    n.names_vi = j.value("names_vi", std::vector<std::string>{});
    n.member_of = j.value("member_of", std::vector<std::string>{});
    n.pairing_names = j.value("pairing_names", std::vector<std::string>{});
    n.alias_keys = j.value("alias_keys", std::vector<std::string>{});
    n.discovered = j.value("discovered", false);
    n.confidence = j.value("confidence", 1.0);
    return n;
  });
}

std::string EncodeEdgeSummary(const EdgeSummary& s) {
  return json{{"weight", s.weight},
              {"evidence", s.evidence_count},
              {"first", s.first_date},
              {"last", s.last_date}}
      .dump();
}

namespace {

// A summary exactly as EncodeEdgeSummary writes it, read without building a
// JSON document: {"evidence":N,"first":"S","last":"S","weight":N} (nlohmann
// writes an object's keys in order). A traversal from a hub decodes tens of
// thousands of summaries per request, and the generic parser's allocations
// were about a quarter of its time. Anything else (another key order, an
// escape or a byte outside printable ASCII in a string, a leading zero, a
// number past 32 bits) gives nullopt, and the JSON parser decides: this
// path accepts only text that parser reads the same way.
std::optional<EdgeSummary> DecodeCanonicalEdgeSummary(std::string_view v) {
  auto literal = [&](std::string_view l) {
    if (v.substr(0, l.size()) != l) return false;
    v.remove_prefix(l.size());
    return true;
  };
  auto number = [&](uint32_t* out) {
    size_t n = 0;
    uint64_t x = 0;
    while (n < v.size() && v[n] >= '0' && v[n] <= '9' && n < 11) x = x * 10 + (v[n++] - '0');
    if (n == 0 || (n > 1 && v[0] == '0') || x > UINT32_MAX) return false;
    *out = static_cast<uint32_t>(x);
    v.remove_prefix(n);
    return true;
  };
  auto string = [&](std::string* out) {
    size_t n = 0;
    while (n < v.size() && v[n] != '"') {
      if (v[n] < 0x20 || v[n] > 0x7E || v[n] == '\\') return false;
      ++n;
    }
    if (n == v.size()) return false;
    out->assign(v.substr(0, n));
    v.remove_prefix(n + 1);
    return true;
  };
  EdgeSummary s;
  if (literal("{\"evidence\":") && number(&s.evidence_count) && literal(",\"first\":\"") &&
      string(&s.first_date) && literal(",\"last\":\"") && string(&s.last_date) &&
      literal(",\"weight\":") && number(&s.weight) && literal("}") && v.empty()) {
    return s;
  }
  return std::nullopt;
}

}  // namespace

std::optional<EdgeSummary> DecodeEdgeSummary(const std::string& value) {
  if (auto s = DecodeCanonicalEdgeSummary(value)) return s;
  return ParseOrNull(value, [](const json& j) -> std::optional<EdgeSummary> {
    EdgeSummary s;
    s.weight = j.at("weight").get<uint32_t>();
    s.evidence_count = j.at("evidence").get<uint32_t>();
    s.first_date = j.value("first", "");
    s.last_date = j.value("last", "");
    return s;
  });
}

std::string EncodeEvidence(const Evidence& e) {
  return json{{"end", e.end},   {"passage", e.passage}, {"date", e.date},
              {"trigger", e.trigger}, {"text", e.text}}
      .dump();
}

std::optional<Evidence> DecodeEvidence(const std::string& value) {
  return ParseOrNull(value, [](const json& j) -> std::optional<Evidence> {
    Evidence e;
    e.end = j.at("end").get<uint32_t>();
    e.passage = j.value("passage", 0u);
    e.date = j.value("date", "");
    e.trigger = j.value("trigger", "");
    e.text = j.value("text", "");
    return e;
  });
}

std::string EncodeDocumentRecord(const DocumentRecord& r) {
  json edges = json::array();
  for (const auto& e : r.edges) edges.push_back({e.source, e.relation, e.target});
  return json{{"entities", r.entities}, {"edges", edges}}.dump();
}

std::optional<DocumentRecord> DecodeDocumentRecord(const std::string& value) {
  return ParseOrNull(value, [](const json& j) -> std::optional<DocumentRecord> {
    DocumentRecord r;
    r.entities = j.at("entities").get<std::vector<std::string>>();
    for (const auto& e : j.at("edges")) {
      r.edges.push_back({e.at(0).get<std::string>(), e.at(1).get<std::string>(),
                         e.at(2).get<std::string>()});
    }
    return r;
  });
}

std::string EncodeDocumentContribution(const DocumentContribution& c) {
  json evidence = json::array();
  for (const auto& [k, e] : c.evidence) {
    evidence.push_back({k.source, k.relation, k.target, e.doc_id, e.begin, e.end, e.passage, e.date, e.trigger,
                        e.text});
  }
  // dump() escapes control characters, so the line holds no raw newline.
  return json{{"doc", c.doc_id}, {"entities", c.entities}, {"evidence", evidence}}.dump();
}

std::optional<DocumentContribution> DecodeDocumentContribution(const std::string& value) {
  return ParseOrNull(value, [](const json& j) -> std::optional<DocumentContribution> {
    DocumentContribution c;
    c.doc_id = j.at("doc").get<std::string>();
    c.entities = j.at("entities").get<std::vector<std::string>>();
    for (const auto& a : j.at("evidence")) {
      EdgeKey k{a.at(0).get<std::string>(), a.at(1).get<std::string>(), a.at(2).get<std::string>()};
      Evidence e;
      e.doc_id = a.at(3).get<std::string>();
      e.begin = a.at(4).get<uint32_t>();
      e.end = a.at(5).get<uint32_t>();
      e.passage = a.at(6).get<uint32_t>();
      e.date = a.at(7).get<std::string>();
      e.trigger = a.at(8).get<std::string>();
      e.text = a.at(9).get<std::string>();
      c.evidence.emplace_back(std::move(k), std::move(e));
    }
    return c;
  });
}

std::string NodeKey(const std::string& id) { return KeyBuilder().AddString(id).Take(); }

std::string AliasKey(const std::string& alias_key, const std::string& id) {
  return KeyBuilder().AddString(alias_key).AddString(id).Take();
}

std::string OutKey(const EdgeKey& e) {
  return KeyBuilder().AddString(e.source).AddString(e.relation).AddString(e.target).Take();
}

std::string InKey(const EdgeKey& e) {
  return KeyBuilder().AddString(e.target).AddString(e.relation).AddString(e.source).Take();
}

std::string EdgePrefix(const EdgeKey& e) { return OutKey(e); }

std::string EvidenceDocPrefix(const EdgeKey& e, const std::string& doc_id) {
  return KeyBuilder().AddString(e.source).AddString(e.relation).AddString(e.target)
      .AddString(doc_id).Take();
}

std::string EvidenceKey(const EdgeKey& e, const std::string& doc_id, uint32_t begin) {
  return KeyBuilder().AddString(e.source).AddString(e.relation).AddString(e.target)
      .AddString(doc_id).AddU32(begin).Take();
}

std::string NodePrefix(const std::string& id) { return KeyBuilder().AddString(id).Take(); }

std::string MemberKey(const std::string& parent, const std::string& member) {
  return KeyBuilder().AddString("member").AddString(parent).AddString(member).Take();
}

std::string MemberPrefix(const std::string& parent) {
  return KeyBuilder().AddString("member").AddString(parent).Take();
}

}  // namespace policygraph::graph
