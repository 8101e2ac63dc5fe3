// The written forms a folded word takes in an index: the exact terms
// (search_schema.h) whose diacritics fold to it, as the indexer recorded
// them (kWrittenFormsKeyPrefix). Folded terms have no positions, exact terms
// do: a phrase typed without diacritics is looked for on the positions of
// every written form of its words (query_builder.cc).
//
// Thread safety: holds a reference to the database and reads it on each
// call; use it on the thread that owns the database handle.
#pragma once

#include <xapian.h>

#include <string>
#include <vector>

namespace policygraph::server {

class WrittenForms {
 public:
  // `db` must outlive this object.
  explicit WrittenForms(const Xapian::Database& db) : db_(db) {}

  // The exact terms other than `folded` itself that fold to it, sorted; empty
  // for a word the index holds only as written without diacritics, or not
  // at all.
  std::vector<std::string> Of(const std::string& folded) const;

  // How many passages hold `term` (exact or folded): whether a word typed
  // without diacritics is mostly written with them.
  Xapian::doccount Frequency(const std::string& term) const { return db_.get_termfreq(term); }

 private:
  const Xapian::Database& db_;
};

}  // namespace policygraph::server
