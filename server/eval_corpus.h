// The evaluation corpus: every non-empty line of every .txt/.md file under a
// directory is one document, id `FILE#N` (FILE relative to the directory with
// '/' separators, N the 0-based index among that file's non-empty lines).
// This is the id scheme of ../shared/eval/README.md; the judgments point at
// these ids, so it must not drift from it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "graph/status.h"

namespace policygraph::server {

struct EvalDocument {
  std::string id;    // FILE#N
  std::string file;  // FILE, relative to the corpus directory
  std::string text;  // the line, surrounding whitespace trimmed
};

struct EvalCorpus {
  std::vector<EvalDocument> documents;  // files in sorted path order, lines in file order
  size_t files = 0;                     // .txt/.md files read
};

// Appends one document per non-empty line of `content` (whitespace-trimmed;
// LF or CRLF line ends). Pure, so that the id scheme is tested directly.
void SplitIntoLineDocuments(const std::string& file, std::string_view content,
                            std::vector<EvalDocument>* documents);

// Reads every .txt/.md file under `root` (recursive, sorted by relative
// path). `only`, when not empty, keeps the files whose relative path equals
// it or starts with `only` + "/". NotFound when `root` is not a directory or
// nothing is left; InvalidArgument naming the file and byte offset when a
// file is not valid UTF-8.
Status LoadEvalCorpus(const std::string& root, const std::string& only, EvalCorpus* corpus);

}  // namespace policygraph::server
