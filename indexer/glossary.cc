#include "indexer/glossary.h"

#include <algorithm>

#include "indexer/analyzer.h"
#include "indexer/text_fields.h"

namespace policygraph::indexer {


Status ParseGlossary(const std::string& name, const std::string& content,
                     std::vector<graph::Node>* concepts) {
  return ForEachTsvRow(name, content, [&](const std::vector<std::string>& fields, const std::string& where) {
    if (fields.size() != 3) {
      return Status::InvalidArgument(where + "expected 3 tab-separated fields (id, english, "
                                     "vietnamese), found " + std::to_string(fields.size()));
    }
    graph::Node term;
    term.id = Trim(fields[0]);
    term.type = kConceptType;
    term.names_en = SplitList(fields[1]);
    term.names_vi = SplitList(fields[2]);
    if (term.id.empty()) return Status::InvalidArgument(where + "empty id");
    if (term.names_en.empty() || term.names_vi.empty()) {
      return Status::InvalidArgument(where + "'" + term.id +
                                     "' needs at least one English and one Vietnamese form");
    }
    concepts->push_back(std::move(term));
    return Status::OK();
  });
}

Status LoadGlossary(const std::string& path, std::vector<graph::Node>* concepts) {
  return LoadTsvFiles(path, "glossary", /*require_files=*/false, ParseGlossary, concepts);
}

}  // namespace policygraph::indexer
