// Pair terms (search_schema.h, kPairPrefix): the indexer writes one for
// every two adjacent words, and the query builder filters its phrases by
// them. The filter must never drop a passage the phrase matches (else a
// boost or a quoted phrase would silently go missing), and the terms must
// change no weight (else rankings would move).
#include <gtest/gtest.h>
#include <xapian.h>

#include <nlohmann/json.hpp>
#include <cmath>
#include <filesystem>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "indexer/analyzer.h"
#include "indexer/corpus_indexer.h"
#include "indexer/definitions.h"
#include "indexer/english_stem.h"
#include "indexer/search_schema.h"
#include "server/pair_boost_source.h"
#include "server/query_builder.h"
#include "server/query_parser.h"
#include "server/written_forms.h"
#include "tests/support/note_corpus.h"
#include "tests/support/test_support.h"

namespace policygraph {
namespace {

namespace schema = search_schema;

const indexer::Analyzer& SharedAnalyzer() {
  static const indexer::Analyzer* analyzer = new indexer::Analyzer();
  return *analyzer;
}

// `bodies` indexed, one document each (tests/support/note_corpus.h), and
// what these tests read of the index.
class PairCorpus : public testing::NoteCorpus {
 public:
  using NoteCorpus::NoteCorpus;

  // Docids of the passages `q` matches.
  std::set<Xapian::docid> Matches(const Xapian::Query& q) const {
    Xapian::Enquire enquire(db());
    enquire.set_query(q);
    std::set<Xapian::docid> ids;
    Xapian::MSet mset = enquire.get_mset(0, db().get_doccount());
    for (auto it = mset.begin(); it != mset.end(); ++it) ids.insert(*it);
    return ids;
  }

  // The passage whose text contains `text`.
  Xapian::docid PassageWith(const std::string& text) const {
    for (auto it = db().postlist_begin(schema::Term(schema::kKindPrefix, schema::kPassageKind));
         it != db().postlist_end(schema::Term(schema::kKindPrefix, schema::kPassageKind)); ++it) {
      if (db().get_document(*it).get_data().find(text) != std::string::npos) return *it;
    }
    ADD_FAILURE() << "no passage holds " << text;
    return 0;
  }

  std::set<std::string> PairTermsOf(Xapian::docid id, const char* prefix = schema::kPairPrefix) const {
    std::set<std::string> terms;
    Xapian::Document doc = db().get_document(id);
    for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
      if ((*t).rfind(prefix, 0) == 0) terms.insert(*t);
    }
    return terms;
  }

};

std::string Pair(const std::string& a, const std::string& b) { return schema::PairTerm(a, b); }

// A word as a phrase typed without diacritics finds it in the body, on
// positions: every exact term of the database that folds to it (found here
// by folding them all, not through the index's written forms), or (ASCII
// words) its stem. Folded terms have no positions (search_schema.h).
Xapian::Query AnyForm(const Xapian::Database& db, const std::string& folded) {
  std::vector<Xapian::Query> forms;
  for (auto t = db.allterms_begin(); t != db.allterms_end(); ++t) {
    const std::string term = *t;
    if (!term.empty() && term[0] >= 'A' && term[0] <= 'Z') continue;  // a prefixed term
    if (SharedAnalyzer().Fold(term) == folded) forms.emplace_back(term);
  }
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
      parts.push_back(AnyForm(corpus.db(), w));
      typed += (typed.empty() ? "" : " ") + w;
    }
    const Xapian::Query phrase(Xapian::Query::OP_PHRASE, parts.begin(), parts.end(),
                               static_cast<Xapian::termcount>(parts.size()));
    const std::set<Xapian::docid> matched = corpus.Matches(phrase);
    EXPECT_FALSE(matched.empty()) << typed;
    // The query the builder makes of the quoted phrase: it must find the same.
    server::ParsedQuery parsed;
    ASSERT_TRUE(server::ParseQuery(SharedAnalyzer(), "\"" + typed + "\"", &parsed).ok());
    const server::WrittenForms forms(corpus.db());
    const server::BuiltQuery built = server::BuildQuery(parsed, nullptr, &forms);
    EXPECT_NE(built.query.get_description().find(schema::kPairPrefix), std::string::npos) << typed;
    EXPECT_EQ(corpus.Matches(built.query), matched) << typed;
  }
}


// The implicit boost of two adjacent words reads the pair term's postings
// and no positions: it matches exactly the passages holding the pair, each
// with the rarity of its words as weight.
TEST(PairTermsTest, PairBoostMatchesThePassagesHoldingThePair) {
  PairCorpus corpus({"Sự cố an ninh mạng là gì?", "An ninh quốc gia và an toàn.", "Ninh Bình an toàn, mạng an ninh.",
                     "Mạng lưới thông tin."});
  const std::string pair = Pair("an", "ninh");
  const std::vector<std::string> words = {schema::Term(schema::kFoldedPrefix, "an"),
                                          schema::Term(schema::kFoldedPrefix, "ninh")};
  const Xapian::Query boost((new server::PairBoostSource(pair, words))->release());
  const std::set<Xapian::docid> with_pair = corpus.Matches(Xapian::Query(pair));
  EXPECT_EQ(with_pair.size(), 3u);
  EXPECT_EQ(corpus.Matches(boost), with_pair);

  double expected = 0;
  const double documents = static_cast<double>(corpus.db().get_doccount());
  for (const auto& w : words) expected += std::log(documents / static_cast<double>(corpus.db().get_termfreq(w)));
  ASSERT_GT(expected, 0);
  Xapian::Enquire enquire(corpus.db());
  enquire.set_query(Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, boost, 0.5));
  Xapian::MSet mset = enquire.get_mset(0, 10);
  ASSERT_EQ(mset.size(), 3u);
  for (auto it = mset.begin(); it != mset.end(); ++it) EXPECT_NEAR(it.get_weight(), 0.5 * expected, 1e-9);
}

// Several pair terms for the same two words (an English pair and its
// stems' pair): one source matches the passages holding any of them, each
// once, with the one weight, also where a passage holds several.
TEST(PairTermsTest, PairBoostOverSeveralPairsMatchesEachPassageOnce) {
  PairCorpus corpus({"Sự cố an ninh mạng là gì?", "An ninh quốc gia và an toàn.", "Ninh Bình an toàn, mạng an ninh.",
                     "Mạng lưới thông tin, an toàn mạng."});
  const std::vector<std::string> pairs = {Pair("an", "ninh"), Pair("an", "toan")};
  const std::vector<std::string> words = {schema::Term(schema::kFoldedPrefix, "an")};
  const Xapian::Query boost((new server::PairBoostSource(pairs, words))->release());
  std::set<Xapian::docid> either = corpus.Matches(Xapian::Query(pairs[0]));
  const std::set<Xapian::docid> second = corpus.Matches(Xapian::Query(pairs[1]));
  ASSERT_EQ(either.size(), 3u);
  ASSERT_EQ(second.size(), 3u);
  either.insert(second.begin(), second.end());
  ASSERT_EQ(either.size(), 4u);  // two passages hold both pairs
  EXPECT_EQ(corpus.Matches(boost), either);

  const double weight = std::log(static_cast<double>(corpus.db().get_doccount()) /
                                 static_cast<double>(corpus.db().get_termfreq(words[0])));
  ASSERT_GT(weight, 0);
  Xapian::Enquire enquire(corpus.db());
  enquire.set_query(boost);
  Xapian::MSet mset = enquire.get_mset(0, 10);
  ASSERT_EQ(mset.size(), 4u);
  for (auto it = mset.begin(); it != mset.end(); ++it) EXPECT_NEAR(it.get_weight(), weight, 1e-9);
  // In a conjunction the source is skipped to, not walked.
  enquire.set_query(Xapian::Query(Xapian::Query::OP_AND, boost, Xapian::Query(Pair("an", "toan"))));
  EXPECT_EQ(enquire.get_mset(0, 10).size(), 3u);

  EXPECT_THROW(server::PairBoostSource(std::vector<std::string>{}, words), Xapian::InvalidArgumentError);
}

// A remote Xapian backend gets the query serialised: the boost must travel
// by name and come back matching and weighing as before, and a damaged
// string must be refused, not read past its end.
TEST(PairTermsTest, PairBoostTravelsInASerialisedQuery) {
  PairCorpus corpus({"Sự cố an ninh mạng là gì?", "An ninh quốc gia và an toàn.", "Mạng lưới thông tin."});
  const std::vector<std::string> words = {schema::Term(schema::kFoldedPrefix, "an"),
                                          schema::Term(schema::kFoldedPrefix, "ninh")};
  const Xapian::Query query(Xapian::Query::OP_OR, Xapian::Query(schema::Term(schema::kFoldedPrefix, "mang")),
                            Xapian::Query((new server::PairBoostSource(Pair("an", "ninh"), words))->release()));
  const std::string wire = query.serialise();

  // (Not checked: that a registry not told of the source refuses the query.
  // It does, with SerialisationError, but Xapian 1.4.22 leaks the part of the
  // query it had built when it throws, which LeakSanitizer reports.)
  Xapian::Registry registry;
  const server::PairBoostSource prototype("", {});
  registry.register_posting_source(prototype);
  const Xapian::Query back = Xapian::Query::unserialise(wire, registry);
  EXPECT_EQ(back.get_description(), query.get_description());
  auto weights = [&](const Xapian::Query& q) {
    Xapian::Enquire enquire(corpus.db());
    enquire.set_query(q);
    std::vector<std::pair<Xapian::docid, double>> out;
    Xapian::MSet mset = enquire.get_mset(0, 10);
    for (auto it = mset.begin(); it != mset.end(); ++it) out.emplace_back(*it, it.get_weight());
    return out;
  };
  const auto before = weights(query);
  EXPECT_EQ(before.size(), 3u);
  EXPECT_EQ(weights(back), before);

  // Several pair terms travel too.
  const server::PairBoostSource several(std::vector<std::string>{"XGa_b", "XGa_c"}, {"XAa"});
  std::unique_ptr<server::PairBoostSource> several_back(prototype.unserialise(several.serialise()));
  EXPECT_EQ(several_back->serialise(), several.serialise());
  EXPECT_EQ(several_back->get_description(), "PairBoostSource(XGa_b|XGa_c)");

  // Empty strings and terms holding ':' and digits survive too.
  const server::PairBoostSource odd("XG1:2_3", {"", "12:ab", "XAan"});
  std::unique_ptr<server::PairBoostSource> copy(prototype.unserialise(odd.serialise()));
  EXPECT_EQ(copy->serialise(), odd.serialise());
  EXPECT_EQ(copy->get_description(), "PairBoostSource(XG1:2_3)");

  for (const std::string bad : {"", "x", "1", "1:", "1:3:abc", "0:5:ab", "0:2:ab junk", "99999999999999999999:0:",
                                "3:0:0:", "-1:0:", "0:0:", "1:0:", "1:0:2:ab junk", "2:1:1:a1:b"}) {
    EXPECT_THROW(delete prototype.unserialise(bad), Xapian::SerialisationError) << bad;
  }
}

// The lead's and the defined term's pair terms: a phrase of their folded
// words matches only where the field's pair terms are, and they are
// boolean, within the field only.
TEST(PairTermsTest, LeadAndDefinedTermPairsHoldEveryPhraseOfTheirWords) {
  PairCorpus corpus({"Sự cố an ninh mạng là sự việc bất ngờ xảy ra, gây tổn hại cho hệ thống thông tin quan trọng.",
                     "13. Dữ liệu cá nhân là thông tin gắn với một con người cụ thể.",
                     "Theo luật, bảo vệ dữ liệu cá nhân là trách nhiệm của các cơ quan có thẩm quyền."});
  const Xapian::docid incident = corpus.PassageWith("Sự cố");
  const std::set<std::string> lead = corpus.PairTermsOf(incident, schema::kLeadPairPrefix);
  EXPECT_TRUE(lead.count(schema::PairTerm(schema::kLeadPairPrefix, "an", "ninh")));
  EXPECT_TRUE(lead.count(schema::PairTerm(schema::kLeadPairPrefix, "xay", "ra")));  // the 11th and 12th words
  EXPECT_FALSE(lead.count(schema::PairTerm(schema::kLeadPairPrefix, "ra", "gay")));  // the 13th is past the lead
  EXPECT_TRUE(corpus.PairTermsOf(incident).count(Pair("ra", "gay")));
  const std::set<std::string> defined = corpus.PairTermsOf(incident, schema::kDefinedPairPrefix);
  EXPECT_TRUE(defined.count(schema::PairTerm(schema::kDefinedPairPrefix, "su", "co")));
  EXPECT_TRUE(defined.count(schema::PairTerm(schema::kDefinedPairPrefix, "ninh", "mang")));
  EXPECT_FALSE(defined.count(schema::PairTerm(schema::kDefinedPairPrefix, "mang", "la")));  // past the term
  Xapian::Document doc = corpus.db().get_document(incident);
  for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
    if ((*t).rfind(schema::kLeadPairPrefix, 0) == 0 || (*t).rfind(schema::kDefinedPairPrefix, 0) == 0) {
      EXPECT_EQ(t.get_wdf(), 0u) << *t;
      EXPECT_EQ(t.positionlist_count(), 0u) << *t;
    }
  }

  // The passages where two words are side by side within the lead (the
  // first kLeadTokens words) or the defined term, read from the passages'
  // own text (the fields' words have no positions in the index).
  const std::string passage_kind = schema::Term(schema::kKindPrefix, schema::kPassageKind);
  auto side_by_side = [&](const std::string& first, const std::string& second, bool lead) {
    std::set<Xapian::docid> ids;
    for (auto it = corpus.db().postlist_begin(passage_kind); it != corpus.db().postlist_end(passage_kind); ++it) {
      const std::string text = nlohmann::json::parse(corpus.db().get_document(*it).get_data()).value("text", "");
      const std::vector<indexer::Token> tokens = SharedAnalyzer().Tokenize(text);
      size_t begin = 0, end = std::min<size_t>(tokens.size(), schema::kLeadTokens);
      if (!lead) {
        const auto defined = indexer::FindDefinedTerm(text);
        if (!defined) continue;
        begin = tokens.size(), end = 0;
        for (size_t k = 0; k < tokens.size(); ++k) {
          if (tokens[k].begin < defined->first || tokens[k].begin >= defined->second) continue;
          begin = std::min(begin, k);
          end = k + 1;
        }
      }
      for (size_t k = begin; k + 1 < end; ++k) {
        if (tokens[k].folded == first && tokens[k + 1].folded == second &&
            tokens[k + 1].position == tokens[k].position + 1) {
          ids.insert(*it);
        }
      }
    }
    return ids;
  };
  const std::vector<std::pair<std::string, std::string>> words = {
      {"an", "ninh"}, {"ninh", "mang"}, {"du", "lieu"}, {"ca", "nhan"}, {"bao", "ve"}, {"su", "co"}, {"thong", "tin"}};
  for (const auto& [first, second] : words) {
    for (const bool lead : {true, false}) {
      const char* pair_prefix = lead ? schema::kLeadPairPrefix : schema::kDefinedPairPrefix;
      EXPECT_EQ(side_by_side(first, second, lead),
                corpus.Matches(Xapian::Query(schema::PairTerm(pair_prefix, first, second))))
          << pair_prefix << " " << first << " " << second;
    }
  }
}

// The query of "su co an ninh mang la gi" (the mix's slowest): its implicit
// boosts, each pair and triple of adjacent words in the body, the lead and
// the defined term, are read from pair terms, without a phrase.
TEST(PairTermsTest, ImplicitBoostsOfAQueryReadPairTerms) {
  server::ParsedQuery parsed;
  ASSERT_TRUE(server::ParseQuery(SharedAnalyzer(), "su co an ninh mang la gi", &parsed).ok());
  const std::string description = server::BuildQuery(parsed, nullptr, nullptr).query.get_description();
  auto count = [&](const std::string& part) {
    size_t n = 0;
    for (size_t at = description.find(part); at != std::string::npos; at = description.find(part, at + 1)) ++n;
    return n;
  };
  // 6 pairs and 5 triples in three fields, each a boost from its first pair
  // (a triple also filtered by its second).
  EXPECT_EQ(count("PHRASE"), 0u) << description;
  EXPECT_EQ(count("PairBoostSource(XG"), 11u) << description;
  EXPECT_EQ(count("PairBoostSource(XJ"), 11u) << description;
  EXPECT_EQ(count("PairBoostSource(XF"), 11u) << description;
  EXPECT_EQ(count("PairBoostSource(XGan_ninh)"), 2u) << description;
  EXPECT_EQ(count(" FILTER XG") + count(" FILTER XJ") + count(" FILTER XF"), 15u) << description;
}

// A quoted phrase is still a phrase: its words' pairs found apart ("an
// ninh" and "ninh mạng", not "an ninh mạng") do not make it match.
TEST(PairTermsTest, QuotedPhraseStillReadsPositions) {
  PairCorpus corpus({"An ninh quốc gia và Ninh mạng là hai việc.", "An ninh mạng là trên hết."});
  EXPECT_TRUE(corpus.PairTermsOf(corpus.PassageWith("hai việc")).count(Pair("ninh", "mang")));
  server::ParsedQuery parsed;
  ASSERT_TRUE(server::ParseQuery(SharedAnalyzer(), "\"an ninh mạng\"", &parsed).ok());
  const server::WrittenForms forms(corpus.db());
  const server::BuiltQuery built = server::BuildQuery(parsed, nullptr, &forms);
  EXPECT_NE(built.query.get_description().find("PHRASE 3"), std::string::npos);
  EXPECT_EQ(corpus.Matches(built.query), std::set<Xapian::docid>{corpus.PassageWith("An ninh mạng")});
}

}  // namespace
}  // namespace policygraph
