// Pair terms (search_schema.h, kPairPrefix): the indexer writes one for
// every two adjacent words, and the query builder filters its phrases by
// them. The filter must never drop a passage the phrase matches (else a
// boost or a quoted phrase would silently go missing), and the terms must
// change no weight (else rankings would move).
#include <gtest/gtest.h>
#include <xapian.h>

#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "indexer/analyzer.h"
#include "indexer/corpus_indexer.h"
#include "indexer/english_stem.h"
#include "indexer/search_schema.h"
#include "server/query_builder.h"
#include "server/query_parser.h"
#include "tests/support/test_support.h"

namespace policygraph {
namespace {

namespace fs = std::filesystem;
namespace schema = search_schema;
using testing::TempDir;
using testing::WriteFile;

const indexer::Analyzer& SharedAnalyzer() {
  static const indexer::Analyzer* analyzer = new indexer::Analyzer();
  return *analyzer;
}

// Indexes `bodies` (one document each, title "Ghi chú") and opens the
// search database.
class PairCorpus {
 public:
  explicit PairCorpus(const std::vector<std::string>& bodies) {
    const fs::path docs = dir_.path() / "docs";
    for (size_t i = 0; i < bodies.size(); ++i) {
      std::string name = "d";
      name += std::to_string(i);
      name += ".md";
      std::string content = "---\ntitle: Ghi chú\n---\n";
      content += bodies[i];
      content += "\n";
      WriteFile(docs / name, content);
    }
    WriteFile(dir_.path() / "gazetteer.tsv",
              "# id\ttype\twikidata\tnames_en\tnames_vi\tmember_of\nchina\tcountry\tQ148\tChina\tTrung Quốc\t-\n");
    indexer::IndexOptions options;
    options.data_dir = (dir_.path() / "data").string();
    options.gazetteer = (dir_.path() / "gazetteer.tsv").string();
    indexer::IndexReport report;
    Status s = indexer::IndexCorpus({docs.string()}, options, &report);
    EXPECT_TRUE(s.ok()) << s.message();
    db_ = Xapian::Database((dir_.path() / "data" / "search").string());
  }

  const Xapian::Database& db() const { return db_; }

  // Docids of the passages `q` matches.
  std::set<Xapian::docid> Matches(const Xapian::Query& q) const {
    Xapian::Enquire enquire(db_);
    enquire.set_query(q);
    std::set<Xapian::docid> ids;
    Xapian::MSet mset = enquire.get_mset(0, db_.get_doccount());
    for (auto it = mset.begin(); it != mset.end(); ++it) ids.insert(*it);
    return ids;
  }

  // The passage whose text contains `text`.
  Xapian::docid PassageWith(const std::string& text) const {
    for (auto it = db_.postlist_begin(schema::Term(schema::kKindPrefix, schema::kPassageKind));
         it != db_.postlist_end(schema::Term(schema::kKindPrefix, schema::kPassageKind)); ++it) {
      if (db_.get_document(*it).get_data().find(text) != std::string::npos) return *it;
    }
    ADD_FAILURE() << "no passage holds " << text;
    return 0;
  }

  std::set<std::string> PairTermsOf(Xapian::docid id) const {
    std::set<std::string> terms;
    Xapian::Document doc = db_.get_document(id);
    for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
      if ((*t).rfind(schema::kPairPrefix, 0) == 0) terms.insert(*t);
    }
    return terms;
  }

 private:
  TempDir dir_;
  Xapian::Database db_;
};

std::string Pair(const std::string& a, const std::string& b) { return schema::PairTerm(a, b); }

// A word as the query builder matches it typed without diacritics, in the
// body: exact, folded or (ASCII words) stem.
Xapian::Query AnyForm(const std::string& folded) {
  std::vector<Xapian::Query> forms = {Xapian::Query(folded),
                                      Xapian::Query(schema::Term(schema::kFoldedPrefix, folded))};
  const std::string stem = indexer::EnglishStem(folded);
  if (!stem.empty()) forms.emplace_back(schema::Term(schema::kStemPrefix, stem));
  return Xapian::Query(Xapian::Query::OP_OR, forms.begin(), forms.end());
}

TEST(PairTermsTest, AdjacentWordsAreWrittenAsBooleanPairs) {
  PairCorpus corpus({"Sự cố an ninh mạng là gì, theo luật.", "The agency was protecting personal data."});
  const Xapian::docid vi = corpus.PassageWith("Sự cố");
  const std::set<std::string> pairs = corpus.PairTermsOf(vi);
  for (const char* p : {"su_co", "co_an", "an_ninh", "ninh_mang", "mang_la", "la_gi", "theo_luat", "ghi_chu"}) {
    EXPECT_TRUE(pairs.count(std::string(schema::kPairPrefix) + p)) << p;
  }
  // Not across the gap between the title's block and the body's.
  EXPECT_FALSE(pairs.count(Pair("chu", "su")));

  // Boolean: no wdf, so the passage's length (BM25) is the other terms'.
  Xapian::Document doc = corpus.db().get_document(vi);
  Xapian::termcount length = 0;
  for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
    if ((*t).rfind(schema::kPairPrefix, 0) == 0) {
      EXPECT_EQ(t.get_wdf(), 0u) << *t;
      EXPECT_EQ(t.positionlist_count(), 0u) << *t;
    }
    length += t.get_wdf();
  }
  EXPECT_EQ(corpus.db().get_doclength(vi), length);

  // English passages also pair the words' stems, which a phrase may match.
  const std::set<std::string> en = corpus.PairTermsOf(corpus.PassageWith("protecting"));
  EXPECT_TRUE(en.count(Pair("protecting", "personal")));
  EXPECT_TRUE(en.count(Pair(indexer::EnglishStem("protecting"), indexer::EnglishStem("personal"))));
  EXPECT_TRUE(en.count(Pair("protecting", indexer::EnglishStem("personal"))));
}

TEST(PairTermsTest, WordsKeptWholePairByTheirPartsToo) {
  PairCorpus corpus({"Liên hệ vncert/cc ngay khi có sự cố."});
  const std::set<std::string> pairs = corpus.PairTermsOf(corpus.PassageWith("vncert"));
  EXPECT_TRUE(pairs.count(Pair("vncert/cc", "ngay")));
  EXPECT_TRUE(pairs.count(Pair("cc", "ngay")));
  EXPECT_TRUE(pairs.count(Pair("he", "vncert")));
}

// The filter is only a speed-up: over passages written with and without
// diacritics, in both languages, every passage a phrase of any two or three
// adjacent words matches holds the pair terms the query builder asks for.
TEST(PairTermsTest, EveryPhraseMatchHoldsItsPairTerms) {
  const std::vector<std::string> bodies = {
      "Sự cố an ninh mạng là gì? Sự cố an ninh mạng là sự việc bất ngờ xảy ra.",
      "Su co an ninh mang duoc xu ly ngay, an toan thong tin mang.",
      "Bảo vệ dữ liệu cá nhân là trách nhiệm của cơ quan, tổ chức.",
      "Protected personal data and the protection of personal data; data protected personally.",
      "Liên hệ vncert/cc ngay khi có sự cố an ninh.",
      "Điều ước quốc tế, thỏa thuận bằng văn bản giữa các quốc gia."};
  PairCorpus corpus(bodies);
  const std::vector<std::vector<std::string>> phrases = {
      {"an", "ninh"},  {"ninh", "mang"},   {"an", "ninh", "mang"}, {"su", "co", "an"},     {"protect", "personal"},
      {"personal", "data"}, {"protected", "personal", "data"}, {"cc", "ngay"}, {"bao", "ve", "du"},
      {"thoa", "thuan", "bang"}, {"data", "protected"}};
  for (const auto& words : phrases) {
    std::vector<Xapian::Query> parts;
    std::string typed;
    for (const auto& w : words) {
      parts.push_back(AnyForm(w));
      typed += (typed.empty() ? "" : " ") + w;
    }
    const Xapian::Query phrase(Xapian::Query::OP_PHRASE, parts.begin(), parts.end(),
                               static_cast<Xapian::termcount>(parts.size()));
    const std::set<Xapian::docid> matched = corpus.Matches(phrase);
    EXPECT_FALSE(matched.empty()) << typed;
    // The query the builder makes of the quoted phrase: it must find the same.
    server::ParsedQuery parsed;
    ASSERT_TRUE(server::ParseQuery(SharedAnalyzer(), "\"" + typed + "\"", &parsed).ok());
    const server::BuiltQuery built = server::BuildQuery(parsed, nullptr);
    EXPECT_NE(built.query.get_description().find(schema::kPairPrefix), std::string::npos) << typed;
    EXPECT_EQ(corpus.Matches(built.query), matched) << typed;
  }
}


// The query of "su co an ninh mang la gi" (the mix's slowest): each of its
// phrases (pairs and triples, in the body, the lead and the defined term) is
// filtered by pair terms.
TEST(PairTermsTest, EveryPhraseOfAQueryIsFilteredByItsPairs) {
  server::ParsedQuery parsed;
  ASSERT_TRUE(server::ParseQuery(SharedAnalyzer(), "su co an ninh mang la gi", &parsed).ok());
  const std::string description = server::BuildQuery(parsed, nullptr).query.get_description();
  auto count = [&](const std::string& part) {
    size_t n = 0;
    for (size_t at = description.find(part); at != std::string::npos; at = description.find(part, at + 1)) ++n;
    return n;
  };
  // 6 pairs and 5 triples, each in three fields (a triple reads
  // "a PHRASE 3 b PHRASE 3 c").
  EXPECT_EQ(count("PHRASE 2 "), 18u) << description;
  EXPECT_EQ(count("PHRASE 3 "), 30u) << description;
  EXPECT_EQ(count(" FILTER XG") + count(" FILTER (XG"), 33u) << description;
  EXPECT_GT(count("XGan_ninh"), 0u);
  EXPECT_GT(count("XGninh_mang"), 0u);
}

}  // namespace
}  // namespace policygraph
