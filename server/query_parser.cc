#include "server/query_parser.h"

namespace policygraph::server {

namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::vector<QueryTerm> Analyse(const indexer::Analyzer& analyzer, std::string_view text) {
  std::vector<QueryTerm> terms;
  for (auto& t : analyzer.Tokenize(text)) {
    QueryTerm q;
    q.match_folded = t.exact == t.folded;
    q.exact = std::move(t.exact);
    q.folded = std::move(t.folded);
    terms.push_back(std::move(q));
  }
  return terms;
}

}  // namespace

namespace {

Status ParseInto(const indexer::Analyzer& analyzer, std::string_view query, ParsedQuery* out) {
  if (query.size() > kMaxQueryBytes) {
    return Status::InvalidArgument("query is " + std::to_string(query.size()) +
                                   " bytes long; the limit is " + std::to_string(kMaxQueryBytes));
  }
  size_t bad = 0;
  if (!indexer::IsValidUtf8(query, &bad)) {
    return Status::InvalidArgument("query is not valid UTF-8 (bad byte at offset " +
                                   std::to_string(bad) + ")");
  }
  size_t i = 0;
  while (i < query.size()) {
    if (IsSpace(query[i])) {
      ++i;
      continue;
    }
    QueryClause clause;
    if (query[i] == '-' && i + 1 < query.size() && !IsSpace(query[i + 1])) {
      clause.excluded = true;
      ++i;
    }
    std::string_view text;
    if (query[i] == '"') {
      size_t close = query.find('"', i + 1);
      if (close == std::string_view::npos) {
        return Status::InvalidArgument("unclosed quote: the phrase starting at character " +
                                       std::to_string(i + 1) + " has no closing \"");
      }
      text = query.substr(i + 1, close - i - 1);
      clause.quoted = true;
      i = close + 1;
    } else {
      size_t end = i;
      while (end < query.size() && !IsSpace(query[end]) && query[end] != '"') ++end;
      text = query.substr(i, end - i);
      i = end;
    }
    clause.terms = Analyse(analyzer, text);
    if (clause.terms.empty()) continue;  // punctuation only: nothing to match
    if (clause.quoted || clause.terms.size() == 1 || clause.excluded) {
      out->clauses.push_back(std::move(clause));
    } else {
      // A bare word the analyser cuts in several (e.g. "e-commerce") is kept
      // together as a phrase, which is what the user typed.
      clause.quoted = true;
      out->clauses.push_back(std::move(clause));
    }
  }
  bool any_positive = false;
  for (const auto& c : out->clauses) any_positive |= !c.excluded;
  if (out->clauses.empty()) {
    return Status::InvalidArgument("query has no words to search for");
  }
  if (!any_positive) {
    return Status::InvalidArgument("query only excludes words; add at least one word to search for");
  }
  return Status::OK();
}

}  // namespace

Status ParseQuery(const indexer::Analyzer& analyzer, std::string_view query, ParsedQuery* out) {
  *out = ParsedQuery();
  Status s = ParseInto(analyzer, query, out);
  if (!s.ok()) *out = ParsedQuery();  // no half-parsed query on error
  return s;
}

}  // namespace policygraph::server
