// server::ParseQuery: golden table of query string → clauses. The parse is a
// pure function of the string, so every rule of the query language gets a
// row here rather than a round trip through Xapian.

#include "server/query_parser.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "indexer/analyzer.h"

namespace policygraph::server {
namespace {

struct Term {
  std::string exact;
  std::string folded;
  bool match_folded;
};
struct Clause {
  bool excluded;
  bool quoted;
  std::vector<Term> terms;
};

// One line per clause, e.g. -"an/an/F mạng/mang/E": '-' when excluded, '"'
// when quoted, and per term exact/folded/F (match folded) or E (exact only).
std::string Render(const std::vector<Clause>& clauses) {
  std::string out;
  for (const auto& c : clauses) {
    out += c.excluded ? "-" : "";
    out += c.quoted ? "\"" : "";
    for (size_t i = 0; i < c.terms.size(); ++i) {
      const auto& t = c.terms[i];
      out += (i ? " " : "") + t.exact + "/" + t.folded + "/" + (t.match_folded ? "F" : "E");
    }
    out += c.quoted ? "\"" : "";
    out += "\n";
  }
  return out;
}

std::string Render(const ParsedQuery& q) {
  std::vector<Clause> clauses;
  for (const auto& c : q.clauses) {
    Clause r{c.excluded, c.quoted, {}};
    for (const auto& t : c.terms) r.terms.push_back({t.exact, t.folded, t.match_folded});
    clauses.push_back(r);
  }
  return Render(clauses);
}

const indexer::Analyzer& SharedAnalyzer() {
  static const indexer::Analyzer* analyzer = new indexer::Analyzer();
  return *analyzer;
}

// Shorthands for the table.
Term F(std::string word) { return {word, word, true}; }  // typed without diacritics
Term E(std::string exact, std::string folded) { return {exact, folded, false}; }
Clause Word(Term t) { return {false, false, {t}}; }
Clause Phrase(std::vector<Term> t) { return {false, true, t}; }
Clause Not(Clause c) {
  c.excluded = true;
  return c;
}

TEST(QueryParserTest, Golden) {
  struct Case {
    const char* why;
    std::string query;
    std::vector<Clause> expected;
  };
  const std::vector<Case> cases = {
      {"bare words: each its own clause", "an ninh", {Word(F("an")), Word(F("ninh"))}},
      {"quoted phrase: one clause", "\"an ninh mạng\"",
       {Phrase({F("an"), F("ninh"), E("mạng", "mang")})}},
      {"diacritics typed: exact only", "mạng", {Word(E("mạng", "mang"))}},
      {"no diacritics typed: matches either form", "mang", {Word(F("mang"))}},
      {"case is folded before comparing exact and folded", "MẠNG Mang",
       {Word(E("mạng", "mang")), Word(F("mang"))}},
      {"đ counts as a diacritic", "Đà Nẵng",
       {Word(E("đà", "da")), Word(E("nẵng", "nang"))}},
      {"exclusion", "china -asean", {Word(F("china")), Not(Word(F("asean")))}},
      {"excluded phrase", "asean -\"trung quốc\"",
       {Word(F("asean")), Not(Phrase({F("trung"), E("quốc", "quoc")}))}},
      {"a compound the analyser keeps whole is one word", "e-commerce", {Word(F("e-commerce"))}},
      {"and can be excluded", "trade -e-commerce", {Word(F("trade")), Not(Word(F("e-commerce")))}},
      {"a bare word the analyser cuts in two stays together as a phrase", "ASEAN-China",
       {Phrase({F("asean"), F("china")})}},
      {"'-' followed by a space is not an exclusion, and is only punctuation", "a - b",
       {Word(F("a")), Word(F("b"))}},
      {"a hyphen inside a word is not an exclusion", "covid-19 x",
       {Phrase({F("covid"), F("19")}), Word(F("x"))}},
      {"a quote ends a bare word", "ab\"c d\"", {Word(F("ab")), Phrase({F("c"), F("d")})}},
      {"empty quotes are dropped", "\"\" asean", {Word(F("asean"))}},
      {"punctuation-only words are dropped", "asean !!! ...", {Word(F("asean"))}},
      {"surrounding whitespace of every kind", " \tasean\r\n", {Word(F("asean"))}},
      {"possessive 's is dropped, as in the text", "ASEAN's", {Word(F("asean"))}},
      {"a single quoted word is a quoted clause", "\"ASEAN\"", {Phrase({F("asean")})}},
      {"NFD input gives NFC terms", "ma\xcc\xa3ng", {Word(E("mạng", "mang"))}},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.why);
    ParsedQuery q;
    Status s = ParseQuery(SharedAnalyzer(), c.query, &q);
    ASSERT_TRUE(s.ok()) << c.query << ": " << s.message();
    EXPECT_EQ(Render(q), Render(c.expected)) << "query: " << c.query;
  }
}

TEST(QueryParserTest, FiltersOrAndPrefix) {
  ParsedQuery q;
  ASSERT_TRUE(ParseQuery(SharedAnalyzer(), "an ninh lang:vi year:2020..2023 -type:news entity:china", &q).ok());
  ASSERT_EQ(q.clauses.size(), 2u);
  ASSERT_EQ(q.filters.size(), 4u);
  EXPECT_EQ(q.filters[0].field, "lang");
  EXPECT_EQ(q.filters[0].value, "vi");
  EXPECT_EQ(q.filters[1].field, "year");
  EXPECT_EQ(q.filters[1].value, "2020");
  EXPECT_EQ(q.filters[1].until, "2023");
  EXPECT_TRUE(q.filters[2].excluded);
  EXPECT_EQ(q.filters[3].value, "china");

  ASSERT_TRUE(ParseQuery(SharedAnalyzer(), "\"Trung Quốc\" OR China asean", &q).ok());
  ASSERT_EQ(q.clauses.size(), 3u);
  EXPECT_FALSE(q.clauses[0].or_with_previous);
  EXPECT_TRUE(q.clauses[1].or_with_previous);
  EXPECT_FALSE(q.clauses[2].or_with_previous);

  ASSERT_TRUE(ParseQuery(SharedAnalyzer(), "chuyển đổ*", &q).ok());
  ASSERT_EQ(q.clauses.size(), 2u);
  EXPECT_TRUE(q.clauses[1].prefix);
  EXPECT_EQ(q.clauses[1].terms[0].exact, "đổ");

  ASSERT_TRUE(ParseQuery(SharedAnalyzer(), "title:\"an ninh\" mạng", &q).ok());
  ASSERT_EQ(q.clauses.size(), 2u);
  EXPECT_TRUE(q.clauses[0].title);
  EXPECT_EQ(q.clauses[0].terms.size(), 2u);

  // Filters alone are a query (browse everything about an entity).
  ASSERT_TRUE(ParseQuery(SharedAnalyzer(), "entity:asean", &q).ok());
  EXPECT_TRUE(q.clauses.empty());
  // An unknown field is plain text; "or" in lower case is a word.
  ASSERT_TRUE(ParseQuery(SharedAnalyzer(), "Điều:5 or", &q).ok());
  EXPECT_EQ(q.clauses.size(), 2u);
  EXPECT_TRUE(q.filters.empty());
  // Spans point into the query, for did-you-mean.
  ASSERT_TRUE(ParseQuery(SharedAnalyzer(), "  an ninh mang", &q).ok());
  EXPECT_EQ(q.clauses[2].terms[0].begin, 10u);
  EXPECT_EQ(q.clauses[2].terms[0].end, 14u);
}

TEST(QueryParserTest, Errors) {
  struct Case {
    const char* why;
    std::string query;
    std::string message_part;  // what the user is told
  };
  const std::vector<Case> cases = {
      {"unclosed quote", "asean \"an ninh", "unclosed quote"},
      {"bad language", "asean lang:fr", "lang must be vi, en or other"},
      {"bad year", "asean year:22", "year must be YYYY"},
      {"reversed year range", "year:2025..2020", "reversed"},
      {"filter without value", "asean lang:", "needs a value"},
      {"entity id with capitals", "entity:China", "lowercase"},
      {"OR at the start", "OR asean", "OR needs"},
      {"OR at the end", "asean OR", "OR needs"},
      {"OR OR", "a OR OR b", "OR needs"},
      {"OR with an exclusion", "a OR -b", "excluded"},
      {"one-letter prefix", "a*", "at least 2"},
      {"only excluded filters", "-lang:vi", "only excludes"},
      {"unclosed quote after a closed one", "\"a\" \"b", "character 5"},
      {"empty", "", "no words"},
      {"only spaces", "   \t ", "no words"},
      {"only punctuation", "!!! ... ,", "no words"},
      {"a lone dash", "-", "no words"},
      {"only exclusions", "-asean -\"trung quốc\"", "only excludes"},
      {"too long", std::string(kMaxQueryBytes + 1, 'a'), "limit is 1024"},
      {"invalid UTF-8", "asean \xff", "not valid UTF-8"},
      {"invalid UTF-8 offset is reported", "ab\xc3(", "offset 2"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.why);
    ParsedQuery q;
    Status s = ParseQuery(SharedAnalyzer(), c.query, &q);
    ASSERT_TRUE(s.IsInvalidArgument()) << s.message();
    EXPECT_NE(s.message().find(c.message_part), std::string::npos) << s.message();
  }
}

TEST(QueryParserTest, LengthLimitIsInclusive) {
  // Exactly kMaxQueryBytes is allowed: "ab " repeated, cut to the limit.
  std::string query;
  while (query.size() < kMaxQueryBytes) query += "ab ";
  query.resize(kMaxQueryBytes);
  ParsedQuery q;
  Status s = ParseQuery(SharedAnalyzer(), query, &q);
  ASSERT_TRUE(s.ok()) << s.message();
  EXPECT_EQ(q.clauses.size(), 342u);  // ceil(1024 / 3) words, the last one "a"
}

}  // namespace
}  // namespace policygraph::server
