#include "server/eval_corpus.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "indexer/analyzer.h"
#include "indexer/text_fields.h"

namespace policygraph::server {

namespace fs = std::filesystem;

namespace {

bool Keeps(const std::string& only, const std::string& relative) {
  if (only.empty() || relative == only) return true;
  return relative.size() > only.size() && relative.compare(0, only.size(), only) == 0 &&
         relative[only.size()] == '/';
}

// Relative paths of the .txt/.md files under root, sorted bytewise (the
// order the judgments' tooling used; paths are ASCII in practice).
Status CollectFiles(const fs::path& root, const std::string& only,
                    std::vector<std::string>* files) {
  std::error_code ec;
  fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec);
  if (ec) return Status::IOError("cannot list " + root.string() + ": " + ec.message());
  for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) return Status::IOError("cannot list " + root.string() + ": " + ec.message());
    if (!it->is_regular_file(ec)) continue;
    const std::string ext = it->path().extension().string();
    if (ext != ".txt" && ext != ".md") continue;
    std::string relative = it->path().lexically_relative(root).generic_string();
    if (Keeps(only, relative)) files->push_back(std::move(relative));
  }
  if (ec) return Status::IOError("cannot list " + root.string() + ": " + ec.message());
  std::sort(files->begin(), files->end());
  return Status::OK();
}

}  // namespace

void SplitIntoLineDocuments(const std::string& file, std::string_view content,
                            std::vector<EvalDocument>* documents) {
  size_t n = 0;
  while (!content.empty()) {
    const size_t end = content.find('\n');
    std::string_view line = indexer::TrimView(content.substr(0, end));
    content.remove_prefix(end == std::string_view::npos ? content.size() : end + 1);
    if (line.empty()) continue;
    documents->push_back({file + "#" + std::to_string(n++), file, std::string(line)});
  }
}

Status LoadEvalCorpus(const std::string& root, const std::string& only, EvalCorpus* corpus) {
  *corpus = EvalCorpus();
  std::error_code ec;
  if (!fs::is_directory(root, ec)) return Status::NotFound("no corpus directory at " + root);
  std::vector<std::string> files;
  Status s = CollectFiles(root, only, &files);
  if (!s.ok()) return s;
  if (files.empty()) {
    return Status::NotFound("no .txt or .md files under " + root +
                            (only.empty() ? std::string() : " matching --only " + only));
  }
  for (const auto& relative : files) {
    std::string content;
    s = indexer::ReadTextFile((fs::path(root) / relative).string(), &content);
    if (!s.ok()) return s;
    size_t bad_offset = 0;
    if (!indexer::IsValidUtf8(content, &bad_offset)) {
      const auto line = 1 + std::count(content.begin(), content.begin() + bad_offset, '\n');
      return Status::InvalidArgument((fs::path(root) / relative).string() + ":" +
                                     std::to_string(line) + ": not valid UTF-8 (byte offset " +
                                     std::to_string(bad_offset) + ")");
    }
    SplitIntoLineDocuments(relative, content, &corpus->documents);
    ++corpus->files;
  }
  return Status::OK();
}

}  // namespace policygraph::server
