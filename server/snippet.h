// Snippets: an excerpt of the original text around the densest run of query
// matches, HTML-escaped, with each matching word wrapped in <mark>…</mark>.
// Computed from the analyser's byte offsets, so folded matches ("an ninh
// mang" in "an ninh mạng") are highlighted on the text as written.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "indexer/analyzer.h"
#include "server/query_parser.h"

namespace policygraph::server {

// Tokens in the window; about 35 words reads as two lines of context.
constexpr size_t kSnippetTokens = 35;

// Which tokens match a positive word of the query (exact, or folded where
// the word was typed without diacritics).
std::vector<bool> MarkQueryMatches(const std::vector<indexer::Token>& tokens, const ParsedQuery& query);

// The excerpt around the densest run of `marked` tokens, marked ones in <mark>.
std::string MakeSnippet(std::string_view text, const std::vector<indexer::Token>& tokens,
                        const std::vector<bool>& marked, size_t window = kSnippetTokens);

// Shorthand: MakeSnippet(text, tokens, MarkQueryMatches(tokens, query), window).
std::string MakeSnippet(std::string_view text, const std::vector<indexer::Token>& tokens,
                        const ParsedQuery& query, size_t window = kSnippetTokens);

std::string HtmlEscape(std::string_view text);

}  // namespace policygraph::server
