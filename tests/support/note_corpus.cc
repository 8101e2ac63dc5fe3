#include "tests/support/note_corpus.h"

#include <gtest/gtest.h>

#include "indexer/corpus_indexer.h"

namespace policygraph::testing {

NoteCorpus::NoteCorpus(const std::vector<std::string>& bodies, const std::string& title) {
  const std::filesystem::path docs = dir_.path() / "docs";
  for (size_t i = 0; i < bodies.size(); ++i) {
    // (Appended rather than `"d" + …`: GCC 12 warns falsely, -Wrestrict.)
    std::string name = "d";
    name += std::to_string(i);
    name += ".md";
    std::string content = "---\ntitle: ";
    content += title;
    content += "\n---\n";
    content += bodies[i];
    content += "\n";
    WriteFile(docs / name, content);
  }
  WriteFile(dir_.path() / "gazetteer.tsv",
            "# id\ttype\twikidata\tnames_en\tnames_vi\tmember_of\nchina\tcountry\tQ148\tChina\tTrung Quốc\t-\n");
  indexer::IndexOptions options;
  options.data_dir = (dir_.path() / "data").string();
  options.gazetteer = (dir_.path() / "gazetteer.tsv").string();
  indexer::IndexReport report;
  Status s = indexer::IndexCorpus({docs.string()}, options, &report);
  EXPECT_TRUE(s.ok()) << s.message();
  db_ = Xapian::Database((dir_.path() / "data" / "search").string());
}

}  // namespace policygraph::testing
