#include "server/eval_judgments.h"

#include <algorithm>
#include <charconv>
#include <fstream>
#include <set>
#include <sstream>

#include "indexer/analyzer.h"
#include "indexer/text_fields.h"

namespace policygraph::server {

namespace {

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f';
}

std::vector<std::string_view> Split(std::string_view s, char sep) {
  std::vector<std::string_view> parts;
  for (size_t end; (end = s.find(sep)) != std::string_view::npos; s.remove_prefix(end + 1)) {
    parts.push_back(s.substr(0, end));
  }
  parts.push_back(s);
  return parts;
}

std::vector<std::string_view> Words(std::string_view s) {
  std::vector<std::string_view> words;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && IsSpace(s[i])) ++i;
    size_t start = i;
    while (i < s.size() && !IsSpace(s[i])) ++i;
    if (i > start) words.push_back(s.substr(start, i - start));
  }
  return words;
}

bool ParseNumber(std::string_view digits, int* value) {
  if (digits.empty() || digits.front() < '0' || digits.front() > '9') return false;
  auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), *value);
  return ec == std::errc() && end == digits.data() + digits.size() && *value >= 0;
}

// One `[FILE]#N:grade` item; `last_file` supplies and receives FILE. On
// failure returns the reason.
std::string ParseItem(std::string_view item, std::string* last_file, std::string* id, int* grade) {
  const std::string text(item);
  const size_t colon = item.rfind(':');
  if (colon == std::string_view::npos || !ParseNumber(item.substr(colon + 1), grade)) {
    return "'" + text + "' does not end in ':GRADE' (a non-negative integer)";
  }
  const std::string_view doc = item.substr(0, colon);
  const size_t hash = doc.rfind('#');
  int line = 0;
  if (hash == std::string_view::npos || !ParseNumber(doc.substr(hash + 1), &line)) {
    return "'" + text + "' is not FILE#N:GRADE or #N:GRADE";
  }
  if (hash > 0) {
    *last_file = std::string(doc.substr(0, hash));
  } else if (last_file->empty()) {
    return "'" + text + "' repeats the last FILE, but no FILE was named before it";
  }
  *id = *last_file + "#" + std::to_string(line);
  return "";
}

}  // namespace

Status ParseJudgments(const std::string& name, std::string_view content,
                      std::vector<JudgedQuery>* queries) {
  queries->clear();
  size_t bad_offset = 0;
  if (!indexer::IsValidUtf8(content, &bad_offset)) {
    const auto line = 1 + std::count(content.begin(), content.begin() + bad_offset, '\n');
    return Status::InvalidArgument(name + ":" + std::to_string(line) +
                                   ": not valid UTF-8 (byte offset " + std::to_string(bad_offset) +
                                   ")");
  }
  std::set<std::string> qids;
  std::string last_file;
  const std::vector<std::string_view> lines = Split(content, '\n');
  for (size_t i = 0; i < lines.size(); ++i) {
    auto fail = [&](const std::string& why) {
      return Status::InvalidArgument(name + ":" + std::to_string(i + 1) + ": " + why);
    };
    std::string_view line = lines[i];
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (indexer::TrimView(line).empty() || line.front() == '#') continue;
    const std::vector<std::string_view> columns = Split(line, '\t');
    if (columns.size() != 3) {
      return fail("expected 3 tab-separated columns (qid, query, judgments), found " +
                  std::to_string(columns.size()));
    }
    JudgedQuery q{std::string(indexer::TrimView(columns[0])), std::string(indexer::TrimView(columns[1])), {}};
    if (q.qid.empty()) return fail("empty qid");
    if (q.query.empty()) return fail("empty query for " + q.qid);
    if (!qids.insert(q.qid).second) return fail("qid " + q.qid + " appears twice");
    for (std::string_view item : Words(columns[2])) {
      std::string id;
      int grade = 0;
      std::string why = ParseItem(item, &last_file, &id, &grade);
      if (!why.empty()) return fail(why);
      if (!q.grades.emplace(id, grade).second) return fail(id + " is judged twice for " + q.qid);
    }
    if (q.grades.empty()) return fail("no judgments for " + q.qid);
    queries->push_back(std::move(q));
  }
  if (queries->empty()) return Status::InvalidArgument(name + ": no queries");
  return Status::OK();
}

Status LoadJudgments(const std::string& path, std::vector<JudgedQuery>* queries) {
  std::string content;
  Status s = indexer::ReadTextFile(path, &content);
  if (!s.ok()) return s;
  return ParseJudgments(path, content, queries);
}

}  // namespace policygraph::server
