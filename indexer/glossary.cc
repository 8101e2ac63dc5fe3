#include "indexer/glossary.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "indexer/analyzer.h"
#include "indexer/text_fields.h"

namespace policygraph::indexer {

namespace fs = std::filesystem;

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
  concepts->clear();
  std::vector<fs::path> files;
  std::error_code ec;
  if (fs::is_directory(path, ec)) {
    for (const auto& entry : fs::directory_iterator(path, ec)) {
      if (entry.path().extension() == ".tsv") files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
  } else if (fs::is_regular_file(path, ec)) {
    files.push_back(path);
  } else {
    return Status::NotFound("no glossary at " + path);
  }
  std::map<std::string, std::string> id_to_file;
  for (const auto& file : files) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return Status::IOError("cannot open glossary " + file.string());
    std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const size_t first_new = concepts->size();
    Status s = ParseGlossary(file.string(), content, concepts);
    if (!s.ok()) return s;
    for (size_t i = first_new; i < concepts->size(); ++i) {
      auto [it, inserted] = id_to_file.emplace((*concepts)[i].id, file.string());
      if (!inserted) {
        return Status::InvalidArgument("glossary id '" + (*concepts)[i].id + "' appears twice: in " +
                                       it->second + " and in " + file.string());
      }
    }
  }
  return Status::OK();
}

}  // namespace policygraph::indexer
