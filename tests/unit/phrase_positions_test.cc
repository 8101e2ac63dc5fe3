// Search layout 5 (search_schema.h): only exact words and English stems
// carry positions. A phrase is checked on them; a phrase word typed without
// diacritics on the positions of every written form it folds from
// (server/written_forms.h). A phrase must find and weigh exactly what it did
// when folded terms had positions of their own.
#include <gtest/gtest.h>
#include <xapian.h>

#include <cmath>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "indexer/analyzer.h"
#include "indexer/corpus_indexer.h"
#include "indexer/english_stem.h"
#include "indexer/lexicon.h"
#include "indexer/search_schema.h"
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
class PhraseCorpus : public testing::NoteCorpus {
 public:
  using NoteCorpus::NoteCorpus;

  // The passages the search service's query of `typed` matches, with their
  // weights.
  std::map<Xapian::docid, double> Search(const std::string& typed) const {
    server::ParsedQuery parsed;
    EXPECT_TRUE(server::ParseQuery(SharedAnalyzer(), typed, &parsed).ok()) << typed;
    const server::WrittenForms forms(db());
    return Weights(server::BuildQuery(parsed, nullptr, &forms).query);
  }

  std::map<Xapian::docid, double> Weights(const Xapian::Query& q) const {
    Xapian::Enquire enquire(db());
    enquire.set_query(q);
    std::map<Xapian::docid, double> weights;
    Xapian::MSet mset = enquire.get_mset(0, db().get_doccount());
    for (auto it = mset.begin(); it != mset.end(); ++it) weights[*it] = it.get_weight();
    return weights;
  }

  // The same, with `concept_vi` / `concept_en` a concept's names, as a
  // glossary row would make them: the query's words that name it are one
  // unit (server/query_builder.h).
  std::map<Xapian::docid, double> SearchWithConcept(const std::string& typed, const std::string& concept_vi,
                                                    const std::string& concept_en) const {
    server::ParsedQuery parsed;
    EXPECT_TRUE(server::ParseQuery(SharedAnalyzer(), typed, &parsed).ok()) << typed;
    indexer::Lexicon lexicon;
    graph::Node concept_node;
    concept_node.id = "the-concept";
    concept_node.type = "concept";
    concept_node.names_vi = {concept_vi};
    concept_node.names_en = {concept_en};
    lexicon.concepts.push_back(concept_node);
    const server::QueryLexicon names(SharedAnalyzer(), lexicon);
    const server::WrittenForms forms(db());
    return Weights(server::BuildQuery(parsed, &names, &forms).query);
  }

  std::set<Xapian::docid> Found(const std::string& typed) const {
    std::set<Xapian::docid> ids;
    for (const auto& [id, weight] : Search(typed)) ids.insert(id);
    return ids;
  }

  // The passage whose text contains `text`.
  Xapian::docid PassageWith(const std::string& text) const {
    const std::string kind = schema::Term(schema::kKindPrefix, schema::kPassageKind);
    for (auto it = db().postlist_begin(kind); it != db().postlist_end(kind); ++it) {
      if (db().get_document(*it).get_data().find(text) != std::string::npos) return *it;
    }
    ADD_FAILURE() << "no passage holds " << text;
    return 0;
  }

  std::set<std::string> WrittenFormsOf(const std::string& folded) const {
    const std::vector<std::string> forms = server::WrittenForms(db()).Of(folded);
    return {forms.begin(), forms.end()};
  }

};

std::string PrefixOf(const std::string& term) {
  if (term.empty() || term[0] < 'A' || term[0] > 'Z') return "";
  return term.substr(0, term[0] == 'X' && term.size() > 1 ? 2 : 1);
}

TEST(PhrasePositionsTest, OnlyExactWordsAndStemsCarryPositions) {
  PhraseCorpus corpus({"Sự cố an ninh mạng là sự việc bất ngờ xảy ra với Trung Quốc.",
                       "Protected personal data is data about a person in China."});
  for (const char* text : {"Sự cố", "Protected"}) {
    const Xapian::docid id = corpus.PassageWith(text);
    Xapian::Document doc = corpus.db().get_document(id);
    Xapian::termcount length = 0;
    std::set<std::string> prefixes;
    for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
      const std::string prefix = PrefixOf(*t);
      prefixes.insert(prefix);
      length += t.get_wdf();
      if (prefix.empty() || prefix == schema::kStemPrefix) {
        EXPECT_EQ(t.positionlist_count(), t.get_wdf()) << *t;
        EXPECT_GT(t.get_wdf(), 0u) << *t;
      } else {
        EXPECT_EQ(t.positionlist_count(), 0u) << *t;
      }
      // Every text field keeps its wdf (passage lengths, BM25): a word once
      // in the passage counts once in each of its fields.
      if (prefix == schema::kFoldedPrefix || prefix == schema::kLeadPrefix || prefix == schema::kLeadFoldedPrefix ||
          prefix == schema::kEntityPrefix) {
        EXPECT_GT(t.get_wdf(), 0u) << *t;
      }
    }
    EXPECT_EQ(corpus.db().get_doclength(id), length) << text;
    for (const char* p : {schema::kFoldedPrefix, schema::kLeadPrefix, schema::kLeadFoldedPrefix, schema::kEntityPrefix}) {
      EXPECT_TRUE(prefixes.count(p)) << text << " " << p;
    }
  }
  const Xapian::docid vi = corpus.PassageWith("Sự cố");
  // The defined term's words ("Sự cố an ninh mạng là …").
  Xapian::TermIterator defined = corpus.db().get_document(vi).termlist_begin();
  defined.skip_to(schema::Term(schema::kDefinedFoldedPrefix, "mang"));
  ASSERT_EQ(*defined, schema::Term(schema::kDefinedFoldedPrefix, "mang"));
  EXPECT_EQ(defined.get_wdf(), 1u);
  EXPECT_EQ(defined.positionlist_count(), 0u);
}

// Every word written with diacritics, in the title, a heading, the body or
// as a part of a word kept whole, is recorded as a written form of its
// folded word; words written without diacritics are not.
TEST(PhrasePositionsTest, WrittenFormsOfEveryFieldAreRecorded) {
  PhraseCorpus corpus({"## Quy định chung\n\nBộ/ngành quản lý mạng và màng lọc; an ninh."}, "Tiêu chuẩn kỹ thuật");
  EXPECT_EQ(corpus.WrittenFormsOf("mang"), (std::set<std::string>{"màng", "mạng"}));
  EXPECT_EQ(corpus.WrittenFormsOf("chuan"), std::set<std::string>{"chuẩn"});  // the title only
  EXPECT_EQ(corpus.WrittenFormsOf("dinh"), std::set<std::string>{"định"});    // the heading
  EXPECT_EQ(corpus.WrittenFormsOf("nganh"), std::set<std::string>{"ngành"});  // a part of "bộ/ngành"
  EXPECT_EQ(corpus.WrittenFormsOf("bo/nganh"), std::set<std::string>{"bộ/ngành"});
  EXPECT_TRUE(corpus.WrittenFormsOf("an").empty());
  EXPECT_TRUE(corpus.WrittenFormsOf("khong").empty());
}

// Typed with diacritics, a phrase means exactly its words, side by side:
// not their folded forms ("an ninh màng"), not the exact words apart.
TEST(PhrasePositionsTest, QuotedPhraseWithDiacriticsMatchesOnlyTheExactPhrase) {
  PhraseCorpus corpus({"An ninh mạng là trên hết.", "An ninh màng lọc nước và mạng lưới điện.",
                       "An ninh mang tính chất quốc gia.", "Mạng an ninh của ngành."});
  const Xapian::docid exact = corpus.PassageWith("An ninh mạng");
  const Xapian::docid other_diacritics = corpus.PassageWith("An ninh màng");
  const Xapian::docid none = corpus.PassageWith("An ninh mang");
  EXPECT_EQ(corpus.Found("\"an ninh mạng\""), std::set<Xapian::docid>{exact});
  EXPECT_EQ(corpus.Found("\"ninh mạng\""), std::set<Xapian::docid>{exact});
  EXPECT_EQ(corpus.Found("\"màng lọc\""), std::set<Xapian::docid>{other_diacritics});
  // Without diacritics: every written form, side by side.
  EXPECT_EQ(corpus.Found("\"an ninh mang\""), (std::set<Xapian::docid>{exact, other_diacritics, none}));
  EXPECT_EQ(corpus.Found("\"mang an\""), std::set<Xapian::docid>{corpus.PassageWith("Mạng an ninh")});
  EXPECT_TRUE(corpus.Found("\"mang luoi dien nuoc\"").empty());
}

// One word typed with diacritics says the user writes them: the phrase's
// words typed without them then mean themselves ("an", not "ân"), as
// written; typed all without diacritics, they mean every written form.
TEST(PhrasePositionsTest, PhraseWithSomeDiacriticsTakesItsOtherWordsAsWritten) {
  PhraseCorpus corpus({"An ninh mạng là trên hết.", "Ân ninh mạng là một lỗi gõ.", "Ấn định mạng lưới."});
  const Xapian::docid as_written = corpus.PassageWith("An ninh mạng");
  const Xapian::docid other_form = corpus.PassageWith("Ân ninh mạng");
  EXPECT_EQ(corpus.Found("\"an ninh mạng\""), std::set<Xapian::docid>{as_written});
  EXPECT_EQ(corpus.Found("\"an ninh mang\""), (std::set<Xapian::docid>{as_written, other_form}));
  EXPECT_EQ(corpus.Found("\"an dinh mạng\""), std::set<Xapian::docid>{});
  EXPECT_EQ(corpus.Found("\"an dinh mang\""), std::set<Xapian::docid>{corpus.PassageWith("Ấn định")});
  // Outside a phrase a word without diacritics still matches every form.
  EXPECT_EQ(corpus.Found("an"), (std::set<Xapian::docid>{as_written, other_form, corpus.PassageWith("Ấn định")}));
}

// A phrase typed without diacritics finds words written with them in the
// title and in parts of words kept whole, and through English stems.
TEST(PhrasePositionsTest, PhraseWithoutDiacriticsFindsEveryField) {
  PhraseCorpus corpus({"Liên hệ bộ/ngành chủ quản ngay.", "Personal data protected by law."}, "Tiêu chuẩn kỹ thuật");
  const Xapian::docid vi = corpus.PassageWith("Liên hệ");
  const Xapian::docid en = corpus.PassageWith("Personal data");
  EXPECT_EQ(corpus.Found("\"tieu chuan ky thuat\""), (std::set<Xapian::docid>{vi, en}));
  EXPECT_EQ(corpus.Found("\"nganh chu quan\""), std::set<Xapian::docid>{vi});
  EXPECT_EQ(corpus.Found("\"he bo\""), std::set<Xapian::docid>{vi});
  EXPECT_EQ(corpus.Found("\"protect by\""), std::set<Xapian::docid>{en});  // the stem of "protected"
  EXPECT_TRUE(corpus.Found("\"chu nganh\"").empty());
}

// The written forms a phrase word is looked for on add no weight: a phrase
// weighs what its words weigh, each as anywhere else in a query.
TEST(PhrasePositionsTest, PhraseWeighsWhatItsWordsWeigh) {
  PhraseCorpus corpus({"An ninh mạng là trên hết, an ninh mạng trước tiên.", "An ninh màng lọc nước.",
                       "Bảo đảm an ninh mang tính sống còn.", "An toàn mạng, an ninh quốc gia."});
  auto any_form = [](const std::string& folded) {
    std::vector<Xapian::Query> forms = {Xapian::Query(folded),
                                        Xapian::Query(schema::Term(schema::kFoldedPrefix, folded))};
    const std::string stem = indexer::EnglishStem(folded);
    if (!stem.empty()) forms.emplace_back(schema::Term(schema::kStemPrefix, stem));
    return Xapian::Query(Xapian::Query::OP_OR, forms.begin(), forms.end());
  };
  const std::vector<Xapian::Query> parts = {any_form("an"), any_form("ninh"), any_form("mang")};
  const Xapian::Query words(Xapian::Query::OP_AND, parts.begin(), parts.end());
  const std::map<Xapian::docid, double> all_words = corpus.Weights(words);
  const std::map<Xapian::docid, double> phrase = corpus.Search("\"an ninh mang\"");
  ASSERT_EQ(phrase.size(), 3u);
  for (const auto& [id, weight] : phrase) {
    ASSERT_TRUE(all_words.count(id)) << id;
    EXPECT_NEAR(weight, all_words.at(id), 1e-9) << id;
  }
  EXPECT_FALSE(phrase.count(corpus.PassageWith("An toàn mạng")));
}

// A name of three words or more in a query counts its words' weight where
// they stand together. Typed as written, that is checked as a phrase: the
// pairs of "personal data protection law" recur apart in English, and a
// passage holding "data protection law … personal data" must not count it.
// Typed without diacritics, the words have no positions of their own, and
// the pair terms alone decide (query_builder.cc, NameWords): a passage
// holding every pair apart counts it too, the trade made for speed. Both
// passages of a language hold the same pairs, so they get the same pair
// boosts; only the name's unit can set them apart. (Each passage opens
// with the same twelve words, the lead, which has pair boosts of its own.)
TEST(PhrasePositionsTest, NameOfThreeWordsIsAPhraseUnlessTypedWithoutDiacritics) {
  const std::string en_lead = "In this chapter the rules below apply to every public body and office: ";
  const std::string vi_lead = "Trong chương này các quy định dưới đây áp dụng cho mọi cơ quan: ";
  PhraseCorpus corpus({en_lead + "personal data protection law applies.",
                       en_lead + "data protection law covers personal data of workers.",
                       vi_lead + "điều ước quốc tế được ký kết.",
                       vi_lead + "điều ước này là ước quốc gia, không phải quốc tế.",
                       "Filler text about workers and other matters."});
  const Xapian::docid en_phrase = corpus.PassageWith("personal data protection law applies");
  const Xapian::docid en_apart = corpus.PassageWith("data protection law covers");
  const Xapian::docid vi_phrase = corpus.PassageWith("điều ước quốc tế được");
  const Xapian::docid vi_apart = corpus.PassageWith("điều ước này");

  // What the name's words weigh in the passage holding them as a phrase.
  const auto en_words = corpus.Search("\"personal data protection law\"");
  ASSERT_TRUE(en_words.count(en_phrase));
  EXPECT_FALSE(en_words.count(en_apart));
  const auto en = corpus.SearchWithConcept("personal data protection law", "luật bảo vệ dữ liệu",
                                           "personal data protection law");
  ASSERT_TRUE(en.count(en_phrase) && en.count(en_apart));
  EXPECT_GT(en.at(en_phrase) - en.at(en_apart), en_words.at(en_phrase) * 0.99);

  const auto vi_words = corpus.Search("\"điều ước quốc tế\"");
  ASSERT_TRUE(vi_words.count(vi_phrase));
  EXPECT_FALSE(vi_words.count(vi_apart));
  const auto vi_exact = corpus.SearchWithConcept("điều ước quốc tế", "điều ước quốc tế", "international treaty");
  ASSERT_TRUE(vi_exact.count(vi_phrase) && vi_exact.count(vi_apart));
  EXPECT_GT(vi_exact.at(vi_phrase) - vi_exact.at(vi_apart), vi_words.at(vi_phrase) * 0.99);

  // Typed without diacritics, the passage holding the pairs apart counts the
  // words too: the two differ by their lengths' effect on the words' weight.
  const auto vi_unaccented_words = corpus.Search("\"dieu uoc quoc te\"");
  ASSERT_TRUE(vi_unaccented_words.count(vi_phrase));
  const auto vi = corpus.SearchWithConcept("dieu uoc quoc te", "điều ước quốc tế", "international treaty");
  ASSERT_TRUE(vi.count(vi_phrase) && vi.count(vi_apart));
  EXPECT_LT(std::abs(vi.at(vi_phrase) - vi.at(vi_apart)), vi_unaccented_words.at(vi_phrase) * 0.5);
}

}  // namespace
}  // namespace policygraph
