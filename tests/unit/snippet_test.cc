// server::MakeSnippet and HtmlEscape: what a search hit shows. The snippet is
// inserted into the page as HTML, so escaping is a security property, and
// highlights are cut from the original bytes, so folded matches must mark
// the text as written.

#include "server/snippet.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "indexer/analyzer.h"
#include "server/query_parser.h"

namespace policygraph::server {
namespace {

const indexer::Analyzer& SharedAnalyzer() {
  static const indexer::Analyzer* analyzer = new indexer::Analyzer();
  return *analyzer;
}

std::string Snippet(const std::string& text, const std::string& query,
                    size_t window = kSnippetTokens) {
  ParsedQuery q;
  Status s = ParseQuery(SharedAnalyzer(), query, &q);
  EXPECT_TRUE(s.ok()) << query << ": " << s.message();
  return MakeSnippet(text, SharedAnalyzer().Tokenize(text), q, window);
}

// "w0 w1 ... w{n-1}"
std::string Words(size_t n) {
  std::string out;
  for (size_t i = 0; i < n; ++i) out += (i ? " w" : "w") + std::to_string(i);
  return out;
}

TEST(SnippetTest, Golden) {
  struct Case {
    const char* why;
    std::string text;
    std::string query;
    size_t window;
    std::string expected;
  };
  const std::vector<Case> cases = {
      {"query without diacritics marks the words as written", "Luật an ninh mạng năm 2018",
       "an ninh mang", kSnippetTokens,
       "Luật <mark>an</mark> <mark>ninh</mark> <mark>mạng</mark> năm 2018"},
      {"query with diacritics marks only the exact form", "mang và mạng", "mạng", kSnippetTokens,
       "mang và <mark>mạng</mark>"},
      {"case-insensitive; the text keeps its case", "ASEAN và Asean", "asean", kSnippetTokens,
       "<mark>ASEAN</mark> và <mark>Asean</mark>"},
      {"NFD text: the mark wraps the NFD bytes", "an ninh ma\xcc\xa3ng", "mang", kSnippetTokens,
       "an ninh <mark>ma\xcc\xa3ng</mark>"},
      {"phrase words are marked one by one", "hợp tác an ninh", "\"an ninh\"", kSnippetTokens,
       "hợp tác <mark>an</mark> <mark>ninh</mark>"},
      {"excluded words are not marked", "ASEAN and China", "asean -china", kSnippetTokens,
       "<mark>ASEAN</mark> and China"},
      {"text between words is HTML-escaped, next to marks too",
       "Tag <script>alert('x')</script> & an ninh", "script", kSnippetTokens,
       "Tag &lt;<mark>script</mark>&gt;alert(&#39;x&#39;)&lt;/<mark>script</mark>&gt; &amp; an "
       "ninh"},
      {"a marked word's own bytes are escaped too", "O'Neil met the envoy", "o'neil",
       kSnippetTokens, "<mark>O&#39;Neil</mark> met the envoy"},
      {"no match: the first window", "một hai ba bốn", "năm", 2, "một hai…"},
      {"cut at the end only", Words(10), "w1", 4, "w0 <mark>w1</mark> w2 w3…"},
      // The first window holding the match is w7..w10: the match comes last.
      {"cut at both ends", Words(20), "w10", 4, "…w7 w8 w9 <mark>w10</mark>…"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.why);
    EXPECT_EQ(Snippet(c.text, c.query, c.window), c.expected);
  }
}

TEST(SnippetTest, EmptyInputsGiveEmptySnippet) {
  ParsedQuery q;
  ASSERT_TRUE(ParseQuery(SharedAnalyzer(), "asean", &q).ok());
  EXPECT_EQ(MakeSnippet("", {}, q), "");
  EXPECT_EQ(MakeSnippet("!!! ...", SharedAnalyzer().Tokenize("!!! ..."), q), "");
  const std::string text = "asean";
  EXPECT_EQ(MakeSnippet(text, SharedAnalyzer().Tokenize(text), q, /*window=*/0), "");
}

TEST(SnippetTest, PicksTheDensestWindow) {
  // One lone match early, a cluster of three later: the window covers the
  // cluster, and starts at most 5 words before its first match.
  std::string text = "asean " + Words(30) + " asean cyber asean x asean " + Words(30);
  const std::string s = Snippet(text, "asean", 8);
  EXPECT_EQ(s, "…w27 w28 w29 <mark>asean</mark> cyber <mark>asean</mark> x <mark>asean</mark>…");
}

TEST(SnippetTest, WindowStartsShortlyBeforeTheFirstMatch) {
  // The densest window is the first one (w0..w19 hold the only match), but
  // the snippet starts 5 words before the match, for context.
  const std::string s = Snippet(Words(40), "w15", 20);
  EXPECT_TRUE(s.starts_with("…w10 w11 w12 w13 w14 <mark>w15</mark> w16")) << s;
  EXPECT_TRUE(s.ends_with("w29…")) << s;
}

TEST(SnippetTest, ShiftForContextKeepsTheWindowFull) {
  // The window is moved to start 5 words before its first match. Where the
  // window already reaches the end of the text, moving it must not shrink it:
  // a text that fits is shown whole, and a match near the end of a long text
  // still gets `window` words of context.
  const std::string short_text = Snippet(Words(10), "w8");
  const std::string long_text = Snippet(Words(100), "w99");
  EXPECT_EQ(short_text, "w0 w1 w2 w3 w4 w5 w6 w7 <mark>w8</mark> w9");
  EXPECT_TRUE(long_text.starts_with("…w65 ")) << long_text;
  EXPECT_TRUE(long_text.ends_with(" w98 <mark>w99</mark>")) << long_text;
}

TEST(SnippetTest, WholeTextWhenItFits) {
  // No ellipsis when nothing is cut. Text outside the first and last words
  // (leading spaces, the final full stop) is not part of the snippet.
  EXPECT_EQ(Snippet("  ASEAN họp.", "họp"), "ASEAN <mark>họp</mark>");
}

TEST(SnippetTest, HtmlEscapeGolden) {
  struct Case {
    std::string in;
    std::string out;
  };
  const std::vector<Case> cases = {
      {"", ""},
      {"plain", "plain"},
      {"a < b && c > d", "a &lt; b &amp;&amp; c &gt; d"},
      {"\"quoted\" 'single'", "&quot;quoted&quot; &#39;single&#39;"},
      {"<img src=x onerror=alert(1)>", "&lt;img src=x onerror=alert(1)&gt;"},
      {"already &amp; escaped", "already &amp;amp; escaped"},
      {"Tiếng Việt…", "Tiếng Việt…"},  // UTF-8 passes through untouched
  };
  for (const auto& c : cases) EXPECT_EQ(HtmlEscape(c.in), c.out) << c.in;
}

}  // namespace
}  // namespace policygraph::server
