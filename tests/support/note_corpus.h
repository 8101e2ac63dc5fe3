// A small indexed corpus for search tests: each body one Markdown document
// (d0.md, d1.md, …) under one title, indexed by the real indexer into a temp
// data directory with a one-entity gazetteer (China), its search database
// opened. Tests of what the index holds and how queries read it build on it.
#pragma once

#include <xapian.h>

#include <string>
#include <vector>

#include "tests/support/test_support.h"

namespace policygraph::testing {

class NoteCorpus {
 public:
  explicit NoteCorpus(const std::vector<std::string>& bodies, const std::string& title = "Ghi chú");
  const Xapian::Database& db() const { return db_; }

 private:
  TempDir dir_;
  Xapian::Database db_;
};

}  // namespace policygraph::testing
