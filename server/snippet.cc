#include "server/snippet.h"

namespace policygraph::server {

namespace {

bool TermMatches(const indexer::Token& token, const QueryClause& clause, size_t k) {
  const QueryTerm& term = clause.terms[k];
  if (term.match_folded ? token.folded == term.folded : token.exact == term.exact) return true;
  // A part of a token kept whole: "VNCERT" in "VNCERT/CC".
  for (const auto& part : indexer::CompoundParts(term.match_folded ? token.folded : token.exact)) {
    if (part == (term.match_folded ? term.folded : term.exact)) return true;
  }
  // word*: any word starting with the typed letters
  return clause.prefix && k + 1 == clause.terms.size() && token.folded.rfind(term.folded, 0) == 0;
}

}  // namespace

std::string HtmlEscape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out.push_back(c);
    }
  }
  return out;
}

std::vector<bool> MarkQueryMatches(const std::vector<indexer::Token>& tokens, const ParsedQuery& query) {
  std::vector<bool> marked(tokens.size());
  for (const auto& clause : query.clauses) {
    if (clause.excluded || clause.terms.empty()) continue;
    const size_t n = clause.terms.size();
    // A phrase is marked only where all its words stand in a row, so that
    // "Trung Quốc" does not light up every "trung".
    for (size_t i = 0; i + n <= tokens.size(); ++i) {
      bool all = true;
      for (size_t k = 0; k < n && all; ++k) all = TermMatches(tokens[i + k], clause, k);
      if (!all) continue;
      for (size_t k = 0; k < n; ++k) marked[i + k] = true;
    }
  }
  return marked;
}

std::string MakeSnippet(std::string_view text, const std::vector<indexer::Token>& tokens,
                        const ParsedQuery& query, size_t window) {
  return MakeSnippet(text, tokens, MarkQueryMatches(tokens, query), window);
}

std::string MakeSnippet(std::string_view text, const std::vector<indexer::Token>& tokens,
                        const std::vector<bool>& hit, size_t window) {
  if (tokens.empty() || window == 0 || hit.size() != tokens.size()) return "";

  // Slide a window of `window` tokens; keep the first with the most matches.
  const size_t n = tokens.size();
  const size_t w = std::min(window, n);
  size_t count = 0;
  for (size_t i = 0; i < w; ++i) count += hit[i];
  size_t best_start = 0, best = count;
  for (size_t start = 1; start + w <= n; ++start) {
    count += hit[start + w - 1];
    count -= hit[start - 1];
    if (count > best) {
      best = count;
      best_start = start;
    }
  }
  // Start a little before the first match in the window, for context.
  size_t first_hit = best_start;
  while (first_hit < best_start + w && !hit[first_hit]) ++first_hit;
  size_t start = best_start;
  if (first_hit < best_start + w && first_hit > best_start + 5) {
    start = std::min(first_hit - 5, n - w);  // never let the window shrink
  }
  const size_t end = std::min(n, start + w);

  std::string out;
  if (start > 0) out += "…";
  size_t cursor = tokens[start].begin;
  for (size_t i = start; i < end; ++i) {
    out += HtmlEscape(text.substr(cursor, tokens[i].begin - cursor));
    const std::string_view word = text.substr(tokens[i].begin, tokens[i].end - tokens[i].begin);
    if (hit[i]) {
      out += "<mark>" + HtmlEscape(word) + "</mark>";
    } else {
      out += HtmlEscape(word);
    }
    cursor = tokens[i].end;
  }
  if (end < n) out += "…";
  return out;
}

}  // namespace policygraph::server
