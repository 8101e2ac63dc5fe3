// FacetTable: what search facets count for each Xapian document (its
// language, document type, year and the entities it names), read once per
// revision of the index instead of from every matching document on every
// query.
//
// Counting facets used to read three value slots from each of up to 2,000
// matches and the term list of 200 of them, per query (2-4 ms on the shared
// corpus); with the table, a match is a docid and the counts are array
// lookups. It holds one small entry per document (about 12 bytes, plus 4 per
// entity mention): a few MiB for the shared corpus.
//
// Thread safety: immutable once built; share it freely.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace policygraph::server {

class FacetTable {
 public:
  // Reads the language, type and date value slots and every entity term
  // (search_schema.h) of `db`. Throws Xapian::Error as the reads do.
  static std::shared_ptr<const FacetTable> Build(const Xapian::Database& db);

  // Adds `docid`'s language, type and year (the date slot's first four
  // characters) to the counts; a document without one adds nothing there,
  // as Xapian's ValueCountMatchSpy counts only non-empty values.
  void CountValues(Xapian::docid docid, std::map<std::string, uint64_t>* lang,
                   std::map<std::string, uint64_t>* type, std::map<std::string, uint64_t>* year) const;

  // Adds one for each entity `docid` names (each entity once), by id
  // without its prefix.
  void CountEntities(Xapian::docid docid, std::map<std::string, uint64_t>* entities) const;

  // Documents the table covers: docids 1 to this.
  size_t documents() const { return docs_.empty() ? 0 : docs_.size() - 2; }
  size_t mentions() const { return entity_ids_.size(); }

 private:
  static constexpr uint32_t kNone = 0;  // index 0 of every string table is ""
  struct Doc {
    uint32_t lang = kNone, type = kNone, year = kNone;
    uint32_t first_entity = 0;  // into entity_ids_; the next Doc's ends it
  };
  std::vector<Doc> docs_;  // by docid; [0] unused, one past the last ends the entities
  std::vector<uint32_t> entity_ids_;
  std::vector<std::string> langs_, types_, years_, entities_;
};

}  // namespace policygraph::server
