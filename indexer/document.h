// Loading source documents (.txt, .md) with optional front matter:
//
//   ---
//   title: Thailand's data-protection law takes effect
//   lang: en          vi | en | other; detected from the text when absent
//   date: 2022-06-01  YYYY, YYYY-MM or YYYY-MM-DD
//   type: news        free word: article, law, strategy, report, news, ...
//   id: custom-id     optional; the file stem by default
//   ---
//   body...
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "graph/status.h"
#include "indexer/document_files.h"

namespace policygraph::indexer {

struct SourceDocument {
  std::string id;     // unique, stable across runs: the Xapian Q term and graph doc key
  std::string path;   // where it was read from
  std::string title;
  std::string lang;   // "" until known
  std::string date;   // ISO, possibly partial
  std::string type;
  std::string body;   // text after the front matter, LF line ends
};

// Largest file the loader accepts; a law runs to a few MB.
constexpr uintmax_t kMaxDocumentBytes = 64u << 20;

// Expands files and directories (recursively) into the sorted list of
// loadable files (.txt, .md), in std::filesystem::path order, each once. A
// path that does not exist is an error.
Status CollectDocumentFiles(const std::vector<std::string>& paths, DocumentFileList* files);
// The same list as paths (a few hundred bytes each: for small corpora).
Status CollectDocumentFiles(const std::vector<std::string>& paths,
                            std::vector<std::filesystem::path>* files);

// Reads and parses one file. Errors name the file and, for front matter,
// the line.
Status LoadDocument(const std::filesystem::path& file, SourceDocument* doc);

// Parses already-read content; `name` is used in messages. The id stays
// empty unless the front matter sets one (LoadDocument defaults it).
Status ParseDocument(const std::string& name, std::string content, SourceDocument* doc);

// True for YYYY, YYYY-MM and YYYY-MM-DD with plausible month and day.
bool IsIsoDate(const std::string& date);

// Characters outside [A-Za-z0-9._-] become '-', so ids are safe in URLs.
std::string SlugifyId(const std::string& raw);

}  // namespace policygraph::indexer
