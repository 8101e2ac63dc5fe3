#include "indexer/text_fields.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <map>

#include "indexer/analyzer.h"

namespace policygraph::indexer {

std::string_view TrimView(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  return s.substr(b, e - b);
}

std::string Trim(std::string_view s) { return std::string(TrimView(s)); }

std::vector<std::string> SplitList(const std::string& field) {
  std::vector<std::string> items;
  if (Trim(field) == "-") return items;
  size_t start = 0;
  while (start <= field.size()) {
    size_t bar = field.find('|', start);
    if (bar == std::string::npos) bar = field.size();
    std::string item = Trim(std::string_view(field).substr(start, bar - start));
    if (!item.empty()) items.push_back(item);
    start = bar + 1;
  }
  return items;
}

std::vector<std::string> SplitTabs(const std::string& line) {
  std::vector<std::string> fields;
  size_t start = 0;
  for (;;) {
    size_t tab = line.find('\t', start);
    if (tab == std::string::npos) {
      fields.push_back(line.substr(start));
      return fields;
    }
    fields.push_back(line.substr(start, tab - start));
    start = tab + 1;
  }
}

Status ReadTextFile(const std::string& path, std::string* content) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IOError("cannot open " + path);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) return Status::IOError("error while reading " + path);
  *content = std::move(buffer).str();
  return Status::OK();
}

Status ForEachTsvRow(const std::string& name, const std::string& content, const TsvRow& row) {
  if (!IsValidUtf8(content)) return Status::InvalidArgument(name + ": not valid UTF-8");
  size_t pos = 0;
  int line_no = 0;
  while (pos < content.size()) {
    size_t eol = content.find('\n', pos);
    if (eol == std::string::npos) eol = content.size();
    std::string line = content.substr(pos, eol - pos);
    pos = eol + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const std::string trimmed = Trim(line);
    if (trimmed.empty() || trimmed[0] == '#') continue;
    Status s = row(SplitTabs(line), name + ":" + std::to_string(line_no) + ": ");
    if (!s.ok()) return s;
  }
  return Status::OK();
}

Status LoadTsvFiles(const std::string& path, const std::string& what, bool require_files,
                    const TsvParser& parse, std::vector<graph::Node>* out) {
  namespace fs = std::filesystem;
  out->clear();
  std::vector<fs::path> files;
  std::error_code ec;
  if (fs::is_directory(path, ec)) {
    for (const auto& entry : fs::directory_iterator(path, ec)) {
      if (entry.path().extension() == ".tsv") files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    if (files.empty() && require_files) return Status::NotFound("no .tsv " + what + " files in " + path);
  } else if (fs::is_regular_file(path, ec)) {
    files.push_back(path);
  } else {
    return Status::NotFound("no " + what + " at " + path);
  }
  std::map<std::string, std::string> id_to_file;
  for (const auto& file : files) {
    std::string content;
    Status read = ReadTextFile(file.string(), &content);
    if (!read.ok()) return Status::IOError("cannot read " + what + " " + file.string() + ": " + read.message());
    const size_t first_new = out->size();
    Status s = parse(file.string(), content, out);
    if (!s.ok()) return s;
    for (size_t i = first_new; i < out->size(); ++i) {
      auto [it, inserted] = id_to_file.emplace((*out)[i].id, file.string());
      if (!inserted) {
        return Status::InvalidArgument(what + " id '" + (*out)[i].id + "' appears twice: in " + it->second +
                                       " and in " + file.string());
      }
    }
  }
  return Status::OK();
}

}  // namespace policygraph::indexer
