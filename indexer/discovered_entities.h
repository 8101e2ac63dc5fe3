// Turns the names discovery finds across all documents (entity_discovery.h)
// into entities beside the gazetteer's:
// - a name the gazetteer already has adds nothing;
// - a name whose parenthesised translation or acronym is a gazetteer name
//   ("Hiệp định …" (RCEP)) is that entity: a specific name (with a capital
//   word or a number beyond its head) becomes one of its names, so later
//   mentions match too; a generic one ("Luật bảo vệ dữ liệu cá nhân") is not
//   added, because other documents use it for other countries' laws;
// - any other name becomes a discovered entity, one per name (case and
//   punctuation ignored), holding its translations and acronyms as aliases;
//   an acronym claimed by two different names is dropped from both;
// - a known name written out longer ("Chương trình Chuyển đổi số quốc gia
//   đến năm 2025") becomes one more name of it; a known name with describing
//   words before it ("Công ty an ninh mạng Fortinet") and a generic name with
//   nothing stated beside it ("Luật bảo vệ dữ liệu cá nhân") make nothing.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "graph/graph_types.h"
#include "indexer/analyzer.h"
#include "indexer/entity_discovery.h"

namespace policygraph::indexer {

// Discovered entities' ids start with this, so that they never collide with
// a gazetteer slug and a reader sees where they came from.
inline constexpr char kDiscoveredIdPrefix[] = "d-";

// Below this, a discovered name is not trusted enough to become an entity.
constexpr double kMinDiscoveryConfidence = 0.5;

class DiscoveredEntities {
 public:
  // Keeps references to both; they must outlive this object.
  DiscoveredEntities(const Analyzer& analyzer, const std::vector<graph::Node>& gazetteer);

  // Adds one document's discovered names.
  void Add(const std::vector<DiscoveredName>& names);

  // The gazetteer's entities (with the names learned for them) followed by
  // the discovered ones, in a stable order.
  std::vector<graph::Node> Merged() const;

 private:
  struct Found {
    std::string type;
    double confidence = 0;
    size_t occurrences = 0;
    std::vector<std::string> names;     // as written, first seen first
    std::vector<std::string> acronyms;  // as written
    std::vector<std::string> variants;  // names without an ordinal, as written
  };
  std::string Key(const std::string& name) const;
  bool IsSpecific(const std::string& name) const;
  std::optional<size_t> LeadingCountry(const std::vector<Token>& tokens, size_t keep) const;
  std::string WithoutLeadingCountry(const std::string& name) const;
  std::string PersonWithoutCountry(const std::string& name) const;
  std::string BodyUpToCountry(const std::string& name) const;
  std::vector<std::string> ShortForms(const std::string& name) const;
  std::optional<std::string> CompanyName(const std::string& name) const;
  bool KnownThenLowercase(const std::string& name) const;
  struct Known {
    size_t index;   // into the gazetteer
    bool at_start;  // the discovered name starts with the known one
    bool at_end;    // … or ends with it
    std::string type;
    size_t begin;   // byte offset of the known name in the discovered one
  };
  std::optional<Known> KnownInside(const std::string& name) const;
  void AddName(std::vector<std::string>* names, const std::string& name) const;

  const Analyzer& analyzer_;
  const std::vector<graph::Node>& gazetteer_;
  std::map<std::string, size_t> gazetteer_key_;     // name key -> gazetteer index
  std::map<size_t, std::vector<std::string>> learned_;  // gazetteer index -> names to add
  std::vector<Found> found_;
  std::map<std::string, size_t> found_key_;  // name key -> found_ index
};

// True for an acronym: 2-12 characters, no spaces, mostly capitals and digits
// ("RCEP", "VNCERT/CC", "SICW2022", "ADM 2025" is not one).
bool IsAcronym(const std::string& text);

}  // namespace policygraph::indexer
