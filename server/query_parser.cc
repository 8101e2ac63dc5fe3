#include "server/query_parser.h"

#include <algorithm>

namespace policygraph::server {

namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

bool IsYear(std::string_view s) {
  return s.size() == 4 && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool IsSlug(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
  });
}

// `text` is a piece of `query`; spans are kept relative to the whole query.
std::vector<QueryTerm> Analyse(const indexer::Analyzer& analyzer, std::string_view query,
                               std::string_view text) {
  const size_t offset = static_cast<size_t>(text.data() - query.data());
  std::vector<QueryTerm> terms;
  for (auto& t : analyzer.Tokenize(text)) {
    QueryTerm q;
    q.begin = offset + t.begin;
    q.end = offset + t.end;
    q.match_folded = t.exact == t.folded;
    q.exact = std::move(t.exact);
    q.folded = std::move(t.folded);
    terms.push_back(std::move(q));
  }
  return terms;
}

// Reads one item at query[i]: a quoted phrase or a run of non-space
// characters. Returns false with *error set on an unclosed quote.
bool ReadItem(std::string_view query, size_t* i, std::string_view* text, bool* quoted, Status* error) {
  *quoted = false;
  if (query[*i] == '"') {
    size_t close = query.find('"', *i + 1);
    if (close == std::string_view::npos) {
      *error = Status::InvalidArgument("unclosed quote: the phrase starting at character " +
                                       std::to_string(*i + 1) + " has no closing \"");
      return false;
    }
    *text = query.substr(*i + 1, close - *i - 1);
    *quoted = true;
    *i = close + 1;
    return true;
  }
  size_t end = *i;
  while (end < query.size() && !IsSpace(query[end]) && query[end] != '"') ++end;
  *text = query.substr(*i, end - *i);
  *i = end;
  return true;
}

Status ParseFilter(std::string_view field, std::string_view value, bool excluded, QueryFilter* out) {
  out->field = std::string(field);
  out->excluded = excluded;
  const std::string shown = std::string(field) + ":" + std::string(value.substr(0, 40));
  if (value.empty()) return Status::InvalidArgument(std::string(field) + ": needs a value");
  if (field == "lang") {
    if (value != "vi" && value != "en" && value != "other") {
      return Status::InvalidArgument("in '" + shown + "': lang must be vi, en or other");
    }
    out->value = std::string(value);
  } else if (field == "year") {
    size_t dots = value.find("..");
    if (dots == std::string_view::npos) {
      if (!IsYear(value)) return Status::InvalidArgument("in '" + shown + "': year must be YYYY or YYYY..YYYY");
      out->value = std::string(value);
    } else {
      std::string_view from = value.substr(0, dots), to = value.substr(dots + 2);
      if (!IsYear(from) || !IsYear(to)) {
        return Status::InvalidArgument("in '" + shown + "': year must be YYYY or YYYY..YYYY");
      }
      if (from > to) return Status::InvalidArgument("in '" + shown + "': the year range is reversed");
      out->value = std::string(from);
      out->until = std::string(to);
    }
  } else {  // type, entity: ids
    if (!IsSlug(value)) {
      return Status::InvalidArgument("in '" + shown + "': " + std::string(field) +
                                     " takes an id of lowercase letters, digits, '-' and '_'");
    }
    out->value = std::string(value);
  }
  return Status::OK();
}

bool IsFilterField(std::string_view field) {
  return field == "lang" || field == "year" || field == "type" || field == "entity";
}

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
  bool pending_or = false;    // an OR was read and waits for its right side
  bool last_was_item = false; // something an OR can attach to came before
  while (i < query.size()) {
    if (IsSpace(query[i])) {
      ++i;
      continue;
    }
    // "OR" alone, in capitals, is the operator.
    if (query.substr(i, 2) == "OR" && (i + 2 == query.size() || IsSpace(query[i + 2]))) {
      if (!last_was_item || pending_or) {
        return Status::InvalidArgument("OR needs a word or phrase on each side");
      }
      pending_or = true;
      i += 2;
      continue;
    }
    bool excluded = false;
    if (query[i] == '-' && i + 1 < query.size() && !IsSpace(query[i + 1])) {
      excluded = true;
      ++i;
    }
    // field:value, field:"phrase"
    size_t colon = query.find(':', i);
    size_t space = i;
    while (space < query.size() && !IsSpace(query[space]) && query[space] != '"') ++space;
    if (colon != std::string_view::npos && colon < space && colon > i) {
      std::string_view field = query.substr(i, colon - i);
      if (IsFilterField(field) || field == "title") {
        size_t j = colon + 1;
        std::string_view value;
        bool quoted = false;
        Status error;
        if (j >= query.size() || IsSpace(query[j])) {
          value = "";
        } else if (!ReadItem(query, &j, &value, &quoted, &error)) {
          return error;
        }
        i = j;
        if (field == "title") {
          QueryClause clause;
          clause.terms = Analyse(analyzer, query, value);
          if (clause.terms.empty()) return Status::InvalidArgument("title: needs a word to look for");
          clause.title = true;
          clause.excluded = excluded;
          clause.quoted = clause.terms.size() > 1;
          clause.or_with_previous = pending_or;
          pending_or = false;
          last_was_item = true;
          out->clauses.push_back(std::move(clause));
          continue;
        }
        if (pending_or) return Status::InvalidArgument("OR cannot join a filter such as " + std::string(field) + ":");
        QueryFilter filter;
        Status s = ParseFilter(field, value, excluded, &filter);
        if (!s.ok()) return s;
        out->filters.push_back(std::move(filter));
        last_was_item = false;
        continue;
      }
    }
    std::string_view text;
    bool quoted = false;
    Status error;
    if (!ReadItem(query, &i, &text, &quoted, &error)) return error;
    QueryClause clause;
    clause.excluded = excluded;
    clause.quoted = quoted;
    if (!quoted && text.size() > 1 && text.back() == '*') {
      clause.prefix = true;
      text.remove_suffix(1);
    }
    clause.terms = Analyse(analyzer, query, text);
    if (clause.terms.empty()) continue;  // punctuation only: nothing to match
    if (clause.prefix && clause.terms.back().folded.size() < kMinPrefixBytes) {
      return Status::InvalidArgument("prefix search needs at least " + std::to_string(kMinPrefixBytes) +
                                     " letters before '*'");
    }
    // A bare word the analyser cuts in several (e.g. "e-commerce") is kept
    // together as a phrase, which is what the user typed.
    if (clause.terms.size() > 1) clause.quoted = true;
    clause.or_with_previous = pending_or;
    pending_or = false;
    last_was_item = true;
    out->clauses.push_back(std::move(clause));
  }
  if (pending_or) return Status::InvalidArgument("OR needs a word or phrase on each side");
  const bool any_positive = std::any_of(out->clauses.begin(), out->clauses.end(),
                                        [](const QueryClause& c) { return !c.excluded; });
  const bool any_filter = std::any_of(out->filters.begin(), out->filters.end(),
                                      [](const QueryFilter& f) { return !f.excluded; });
  if (out->clauses.empty() && out->filters.empty()) {
    return Status::InvalidArgument("query has no words to search for");
  }
  if (!any_positive && !any_filter) {
    return Status::InvalidArgument("query only excludes words; add at least one word to search for");
  }
  for (size_t k = 0; k < out->clauses.size(); ++k) {
    const auto& c = out->clauses[k];
    if (c.or_with_previous && (c.excluded || out->clauses[k - 1].excluded)) {
      return Status::InvalidArgument("OR cannot join an excluded (-) item");
    }
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
