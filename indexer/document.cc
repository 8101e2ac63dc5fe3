#include "indexer/document.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "indexer/analyzer.h"
#include "indexer/text_fields.h"

namespace policygraph::indexer {

namespace fs = std::filesystem;

namespace {

bool IsLoadable(const fs::path& p) {
  const std::string ext = p.extension().string();
  return ext == ".txt" || ext == ".md";
}

// First non-empty line, without markdown heading marks, as a fallback title.
std::string FirstLine(const std::string& body) {
  std::istringstream in(body);
  std::string line;
  while (std::getline(in, line)) {
    std::string t = Trim(line);
    while (!t.empty() && t.front() == '#') t.erase(0, 1);
    t = Trim(t);
    if (!t.empty()) return TruncateUtf8(t, 200);
  }
  return "";
}

}  // namespace

bool IsIsoDate(const std::string& d) {
  auto digits = [&](size_t from, size_t n) {
    if (d.size() < from + n) return false;
    return std::all_of(d.begin() + from, d.begin() + from + n,
                       [](char c) { return c >= '0' && c <= '9'; });
  };
  if (d.size() != 4 && d.size() != 7 && d.size() != 10) return false;
  if (!digits(0, 4)) return false;
  if (d.size() >= 7) {
    if (d[4] != '-' || !digits(5, 2)) return false;
    int month = std::stoi(d.substr(5, 2));
    if (month < 1 || month > 12) return false;
  }
  if (d.size() == 10) {
    if (d[7] != '-' || !digits(8, 2)) return false;
    int day = std::stoi(d.substr(8, 2));
    if (day < 1 || day > 31) return false;
  }
  return true;
}

std::string SlugifyId(const std::string& raw) {
  std::string id;
  for (char c : raw) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '.' || c == '_' || c == '-';
    id.push_back(ok ? c : '-');
  }
  return id;
}

Status CollectDocumentFiles(const std::vector<std::string>& paths, DocumentFileList* files) {
  *files = DocumentFileList();
  for (const auto& p : paths) {
    std::error_code ec;
    fs::file_status st = fs::status(p, ec);
    if (ec || !fs::exists(st)) return Status::NotFound("no such file or directory: " + p);
    if (fs::is_directory(st)) {
      fs::recursive_directory_iterator it(p, fs::directory_options::skip_permission_denied, ec);
      if (ec) return Status::IOError("cannot read directory " + p + ": " + ec.message());
      for (const auto& entry : it) {
        if (entry.is_regular_file(ec) && IsLoadable(entry.path())) files->Add(entry.path().native());
      }
    } else if (fs::is_regular_file(st)) {
      if (!IsLoadable(p)) {
        return Status::InvalidArgument("unsupported file type (only .txt and .md): " + p);
      }
      files->Add(fs::path(p).native());
    } else {
      return Status::InvalidArgument("not a regular file or directory: " + p);
    }
  }
  files->SortUnique();
  return Status::OK();
}

Status CollectDocumentFiles(const std::vector<std::string>& paths, std::vector<fs::path>* files) {
  files->clear();
  DocumentFileList list;
  Status s = CollectDocumentFiles(paths, &list);
  if (!s.ok()) return s;
  files->reserve(list.size());
  for (size_t i = 0; i < list.size(); ++i) files->emplace_back(list[i]);
  return Status::OK();
}

Status LoadDocument(const fs::path& file, SourceDocument* doc) {
  std::error_code ec;
  auto size = fs::file_size(file, ec);
  if (ec) return Status::IOError("cannot read " + file.string() + ": " + ec.message());
  if (size > kMaxDocumentBytes) {
    return Status::InvalidArgument(file.string() + " is " + std::to_string(size) +
                                   " bytes; the limit is " + std::to_string(kMaxDocumentBytes));
  }
  std::string content;
  Status s = ReadTextFile(file.string(), &content);
  if (!s.ok()) return s;
  s = ParseDocument(file.string(), std::move(content), doc);
  if (!s.ok()) return s;
  doc->path = file.string();
  if (doc->id.empty()) doc->id = SlugifyId(file.stem().string());
  return Status::OK();
}

Status ParseDocument(const std::string& name, std::string content, SourceDocument* doc) {
  *doc = SourceDocument();
  size_t bad = 0;
  if (!IsValidUtf8(content, &bad)) {
    return Status::InvalidArgument(name + ": not valid UTF-8 (first bad byte at offset " +
                                   std::to_string(bad) + ")");
  }
  if (content.rfind("\xEF\xBB\xBF", 0) == 0) content.erase(0, 3);  // BOM
  // One line-end convention, so that stored offsets mean the same everywhere.
  content.erase(std::remove(content.begin(), content.end(), '\r'), content.end());

  std::string body = content;
  if (content.rfind("---\n", 0) == 0) {
    size_t pos = 4;
    int line_no = 1;
    bool closed = false;
    while (pos <= content.size()) {
      size_t eol = content.find('\n', pos);
      if (eol == std::string::npos) eol = content.size();
      std::string line = content.substr(pos, eol - pos);
      ++line_no;
      pos = eol + 1;
      if (Trim(line) == "---") {
        closed = true;
        break;
      }
      if (Trim(line).empty() || Trim(line)[0] == '#') continue;
      size_t colon = line.find(':');
      if (colon == std::string::npos) {
        return Status::InvalidArgument(name + ":" + std::to_string(line_no) +
                                       ": front matter line is not 'key: value'");
      }
      std::string key = Trim(line.substr(0, colon));
      std::string value = Trim(line.substr(colon + 1));
      if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') &&
          value.back() == value.front()) {
        value = value.substr(1, value.size() - 2);
      }
      if (key == "title") {
        doc->title = value;
      } else if (key == "lang") {
        if (value != "vi" && value != "en" && value != "other") {
          return Status::InvalidArgument(name + ":" + std::to_string(line_no) + ": lang '" + value +
                                         "' is not one of vi, en, other");
        }
        doc->lang = value;
      } else if (key == "date") {
        if (!IsIsoDate(value)) {
          return Status::InvalidArgument(name + ":" + std::to_string(line_no) + ": date '" + value +
                                         "' is not YYYY, YYYY-MM or YYYY-MM-DD");
        }
        doc->date = value;
      } else if (key == "type") {
        doc->type = value;
      } else if (key == "id") {
        doc->id = SlugifyId(value);
      }
      // Other keys are kept in the file for people and ignored here.
    }
    if (!closed) {
      return Status::InvalidArgument(name + ": front matter opened with '---' is never closed");
    }
    body = pos < content.size() ? content.substr(pos) : "";
  }
  doc->body = std::move(body);
  if (doc->title.empty()) doc->title = FirstLine(doc->body);
  return Status::OK();
}

}  // namespace policygraph::indexer
