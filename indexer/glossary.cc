#include "indexer/glossary.h"

#include <algorithm>
#include <sstream>

#include "indexer/analyzer.h"
#include "indexer/text_fields.h"

namespace policygraph::indexer {


Status ParseGlossary(const std::string& name, const std::string& content,
                     std::vector<graph::Node>* concepts) {
  if (!IsValidUtf8(content)) return Status::InvalidArgument(name + ": not valid UTF-8");
  std::istringstream in(content);
  std::string line;
  int line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (Trim(line).empty() || Trim(line)[0] == '#') continue;
    const std::string where = name + ":" + std::to_string(line_no) + ": ";
    std::vector<std::string> fields = SplitTabs(line);
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
  }
  return Status::OK();
}

Status LoadGlossary(const std::string& path, std::vector<graph::Node>* concepts) {
  return LoadTsvFiles(path, "glossary", /*require_files=*/false, ParseGlossary, concepts);
}

}  // namespace policygraph::indexer
