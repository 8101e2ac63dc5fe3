// Small parsing helpers shared by the loaders of hand-edited files
// (documents' front matter, the gazetteer, the glossary).
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "graph/graph_types.h"
#include "graph/status.h"

namespace policygraph::indexer {

// Without leading and trailing ASCII whitespace.
std::string Trim(std::string_view s);
// The same, as a view into `s` (no copy; `s` must outlive it).
std::string_view TrimView(std::string_view s);

// "a | b | c" -> {"a", "b", "c"}; empty items and a lone "-" give nothing.
std::vector<std::string> SplitList(const std::string& field);

// One line's tab-separated fields; a trailing tab gives a trailing "".
std::vector<std::string> SplitTabs(const std::string& line);

// Calls row(fields, where) for each data row of a hand-edited TSV file:
// blank lines and '#' comments skipped, CRLF accepted, `where` being
// "NAME:LINE: " for messages. Stops at the first error `row` returns.
// Content that is not UTF-8 is InvalidArgument.
using TsvRow = std::function<Status(const std::vector<std::string>& fields, const std::string& where)>;
Status ForEachTsvRow(const std::string& name, const std::string& content, const TsvRow& row);

// Reads a whole file as bytes. IOError naming the file when it cannot be
// opened or read.
Status ReadTextFile(const std::string& path, std::string* content);

// Loads `path` (one .tsv file, or every .tsv file of a directory, sorted)
// with `parse(name, content, out)`, and checks that ids are unique across
// files. `what` names the kind of file in messages ("gazetteer").
// A directory with no .tsv file is NotFound when `require_files`.
using TsvParser = std::function<Status(const std::string&, const std::string&, std::vector<graph::Node>*)>;
Status LoadTsvFiles(const std::string& path, const std::string& what, bool require_files,
                    const TsvParser& parse, std::vector<graph::Node>* out);

}  // namespace policygraph::indexer
