#include "server/facet_table.h"

#include <unordered_map>

#include "indexer/search_schema.h"

namespace policygraph::server {

namespace schema = search_schema;

namespace {

// Interns strings into `table`, whose index 0 is "" (no value).
class Interner {
 public:
  explicit Interner(std::vector<std::string>* table) : table_(table) { table_->assign(1, ""); }
  uint32_t operator()(const std::string& value) {
    auto [it, added] = ids_.emplace(value, static_cast<uint32_t>(table_->size()));
    if (added) table_->push_back(value);
    return it->second;
  }

 private:
  std::vector<std::string>* table_;
  std::unordered_map<std::string, uint32_t> ids_;
};

}  // namespace

std::shared_ptr<const FacetTable> FacetTable::Build(const Xapian::Database& db) {
  auto table = std::shared_ptr<FacetTable>(new FacetTable());
  const Xapian::docid last = db.get_lastdocid();
  table->docs_.assign(static_cast<size_t>(last) + 2, Doc());

  auto read_slot = [&](unsigned slot, std::vector<std::string>* strings, uint32_t Doc::*field, size_t prefix) {
    Interner intern(strings);
    for (auto it = db.valuestream_begin(slot); it != db.valuestream_end(slot); ++it) {
      const std::string key = (*it).substr(0, prefix);
      if (!key.empty() && it.get_docid() <= last) table->docs_[it.get_docid()].*field = intern(key);
    }
  };
  read_slot(schema::kLangSlot, &table->langs_, &Doc::lang, std::string::npos);
  read_slot(schema::kTypeSlot, &table->types_, &Doc::type, std::string::npos);
  read_slot(schema::kDateSlot, &table->years_, &Doc::year, 4);  // the slot holds YYYYMMDD

  // Entity terms, postings grouped by docid (a counting sort).
  std::vector<std::pair<Xapian::docid, uint32_t>> postings;
  const std::string prefix = schema::kEntityPrefix;
  for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t) {
    const auto id = static_cast<uint32_t>(table->entities_.size());
    table->entities_.push_back((*t).substr(prefix.size()));
    for (auto p = db.postlist_begin(*t); p != db.postlist_end(*t); ++p) {
      if (*p <= last) postings.emplace_back(*p, id);
    }
  }
  std::vector<uint32_t> per_doc(table->docs_.size() + 1, 0);
  for (const auto& [docid, id] : postings) ++per_doc[docid + 1];
  for (size_t d = 1; d < table->docs_.size(); ++d) {
    per_doc[d] += per_doc[d - 1];
    table->docs_[d].first_entity = per_doc[d];
  }
  table->entity_ids_.resize(postings.size());
  std::vector<uint32_t> next(per_doc.begin(), per_doc.end() - 1);
  for (const auto& [docid, id] : postings) table->entity_ids_[next[docid]++] = id;
  return table;
}

void FacetTable::CountValues(Xapian::docid docid, std::map<std::string, uint64_t>* lang,
                             std::map<std::string, uint64_t>* type, std::map<std::string, uint64_t>* year) const {
  if (docid == 0 || docid + 1 >= docs_.size()) return;
  const Doc& d = docs_[docid];
  if (d.lang != kNone) ++(*lang)[langs_[d.lang]];
  if (d.type != kNone) ++(*type)[types_[d.type]];
  if (d.year != kNone) ++(*year)[years_[d.year]];
}

void FacetTable::CountEntities(Xapian::docid docid, std::map<std::string, uint64_t>* entities) const {
  if (docid == 0 || docid + 1 >= docs_.size()) return;
  for (uint32_t i = docs_[docid].first_entity; i < docs_[docid + 1].first_entity; ++i) {
    ++(*entities)[entities_[entity_ids_[i]]];
  }
}

}  // namespace policygraph::server
