// The ranking rules of server/query_builder.h, checked end to end: tiny
// documents are indexed by the real indexer into a temp directory and
// searched through SearchService. Each test builds its own corpus, so that
// term statistics are exactly those of the few passages it compares, and
// asserts relative order only (never absolute scores).
//
// Every document has the same neutral title ("Ghi chú"), because title
// words are indexed with every passage and would otherwise score.

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "indexer/analyzer.h"
#include "indexer/corpus_indexer.h"
#include "server/search_service.h"
#include "tests/support/test_support.h"

namespace policygraph {
namespace {

namespace fs = std::filesystem;
using server::SearchHit;
using server::SearchResults;
using testing::TempDir;
using testing::WriteFile;

const indexer::Analyzer& SharedAnalyzer() {
  static const indexer::Analyzer* analyzer = new indexer::Analyzer();
  return *analyzer;
}

struct Doc {
  std::string id;  // the file stem, hence the document id
  std::string body;
  std::string lang = "";  // "" = detected
  std::string date = "";
  std::string type = "";
  std::string title = "Ghi chú";
};

constexpr char kGazetteer[] =
    "# id\ttype\twikidata\tnames_en\tnames_vi\tmember_of\n"
    "china\tcountry\tQ148\tChina\tTrung Quốc\t-\n"
    "united-states\tcountry\tQ30\tUnited States | US\tHoa Kỳ | Mỹ\t-\n"
    "asean\tregional_org\tQ7768\tASEAN\tASEAN\t-\n";

constexpr char kGlossary[] =
    "# id\tenglish\tvietnamese\n"
    "cybersecurity\tcybersecurity | cyber security\tan ninh mạng\n"
    "personal-data\tpersonal data\tdữ liệu cá nhân\n";

// A corpus indexed into a temp directory, and a service over it.
class Corpus {
 public:
  explicit Corpus(const std::vector<Doc>& docs, bool with_glossary = true) {
    const fs::path docs_dir = dir_.path() / "docs";
    for (const auto& d : docs) {
      std::string content = "---\ntitle: ";
      content += d.title;
      content += "\n";
      if (!d.lang.empty()) content += "lang: " + d.lang + "\n";
      if (!d.date.empty()) content += "date: " + d.date + "\n";
      if (!d.type.empty()) content += "type: " + d.type + "\n";
      content += "---\n";
      content += d.body;
      WriteFile(docs_dir / (d.id + ".md"), content);
    }
    WriteFile(dir_.path() / "gazetteer.tsv", kGazetteer);
    WriteFile(dir_.path() / "glossary.tsv", kGlossary);
    indexer::IndexOptions options;
    options.data_dir = (dir_.path() / "data").string();
    options.gazetteer = (dir_.path() / "gazetteer.tsv").string();
    options.glossary = with_glossary ? (dir_.path() / "glossary.tsv").string() : "";
    indexer::IndexReport report;
    status_ = indexer::IndexCorpus({docs_dir.string()}, options, &report);
    EXPECT_TRUE(status_.ok()) << status_.message();
    EXPECT_EQ(report.documents, docs.size());
    service_ = std::make_unique<server::SearchService>((dir_.path() / "data" / "search").string(),
                                                       SharedAnalyzer());
  }

  SearchResults Search(const std::string& query, bool group = false, size_t limit = 50) const {
    server::SearchRequest request;
    request.query = query;
    request.limit = limit;
    request.group_by_document = group;
    SearchResults results;
    Status s = service_->Search(request, &results);
    EXPECT_TRUE(s.ok()) << query << ": " << s.message();
    return results;
  }

  // Document ids of the hits, best first.
  std::vector<std::string> Ids(const std::string& query) const {
    std::vector<std::string> ids;
    for (const auto& h : Search(query).hits) ids.push_back(h.id);
    return ids;
  }

  std::set<std::string> IdSet(const std::string& query) const {
    const auto ids = Ids(query);
    return {ids.begin(), ids.end()};
  }

  const server::SearchService& service() const { return *service_; }

 private:
  TempDir dir_;
  Status status_;
  std::unique_ptr<server::SearchService> service_;
};

// Position of document `id` among the hits, or -1 when it is not there.
int Rank(const std::vector<std::string>& ids, const std::string& id) {
  auto it = std::find(ids.begin(), ids.end(), id);
  return it == ids.end() ? -1 : static_cast<int>(it - ids.begin());
}

// "a before b": both found and a ranked higher. Prints the whole list and
// scores on failure.
::testing::AssertionResult RanksAbove(const Corpus& corpus, const std::string& query,
                                      const std::string& a, const std::string& b) {
  const SearchResults r = corpus.Search(query);
  std::vector<std::string> ids;
  std::string listing;
  for (const auto& h : r.hits) {
    ids.push_back(h.id);
    listing += "  " + h.id + "#" + std::to_string(h.passage) + " " + std::to_string(h.score) + "\n";
  }
  const int ra = Rank(ids, a), rb = Rank(ids, b);
  if (ra >= 0 && rb >= 0 && ra < rb) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << "query '" << query << "': expected " << a << " (rank " << ra
                                       << ") above " << b << " (rank " << rb << "); hits:\n"
                                       << listing;
}

const SearchHit* HitFor(const SearchResults& r, const std::string& id) {
  for (const auto& h : r.hits) {
    if (h.id == id) return &h;
  }
  return nullptr;
}

bool Has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// (a) A word typed without diacritics matches both forms, but text written
// exactly as typed scores on both terms and ranks first.
TEST(SearchRankingTest, ExactAsTypedBeatsFoldedOnly) {
  Corpus corpus({
      {"plain", "Người dân trồng hoa trong vườn nhà."},
      {"accented", "Người dân trồng hòa trong vườn nhà."},
      {"hoa-ky", "Hoa Kỳ ký thỏa thuận thương mại mới."},
      {"hoa-binh", "Hai bên ký thỏa thuận hòa bình mới."},
  });
  EXPECT_TRUE(RanksAbove(corpus, "hoa", "plain", "accented"));
  // The header's own example: Hoa Kỳ before hòa.
  EXPECT_TRUE(RanksAbove(corpus, "hoa", "hoa-ky", "hoa-binh"));
  // Typed with the diacritic, only that form matches.
  EXPECT_EQ(corpus.IdSet("hòa"), (std::set<std::string>{"accented", "hoa-binh"}));
}

// (b) "so hoa" is "số hóa" (two folded words, adjacent), not the exact
// "Hoa" of Hoa Kỳ on its own.
TEST(SearchRankingTest, AllWordsFoldedBeatOneWordExact) {
  Corpus corpus({
      {"so-hoa", "Chính phủ đẩy mạnh số hóa dịch vụ công."},
      {"hoa-ky", "Hoa Kỳ đẩy mạnh dịch vụ công trực tuyến."},
  });
  EXPECT_TRUE(RanksAbove(corpus, "so hoa", "so-hoa", "hoa-ky"));
}

// (c) Syllables of one Vietnamese word standing together beat the same
// syllables scattered, even when the adjacent passage is the longer one.
TEST(SearchRankingTest, AdjacentWordsBeatScatteredOnes) {
  // No glossary: "an ninh mạng" would otherwise also score as a concept.
  Corpus corpus(
      {
          {"adjacent",
           "Các nước trong khu vực tăng cường hợp tác về an ninh mạng và chia sẻ thông tin với nhau."},
          {"scattered", "Người dân an tâm khi tỉnh Ninh Bình mở rộng mạng lưới."},
      },
      /*with_glossary=*/false);
  EXPECT_TRUE(RanksAbove(corpus, "an ninh mạng", "adjacent", "scattered"));
  EXPECT_TRUE(RanksAbove(corpus, "an ninh mang", "adjacent", "scattered"));
}

// Lead: a passage that names the query's words among its first words is
// about them; the same words at the end are a mention in passing.
TEST(SearchRankingTest, WordsAtThePassageStartBeatTheSameWordsLater) {
  Corpus corpus(
      {
          {"first", "An ninh mạng được bảo đảm trong mọi lĩnh vực của nền kinh tế quốc gia hiện nay và mai sau."},
          {"deep", "Trong mọi lĩnh vực của nền kinh tế quốc gia hiện nay và mai sau, an ninh mạng được bảo đảm."},
      },
      /*with_glossary=*/false);
  EXPECT_TRUE(RanksAbove(corpus, "an ninh mạng", "first", "deep"));
  EXPECT_TRUE(RanksAbove(corpus, "an ninh mang", "first", "deep"));
}

// (d) The passage that defines a term is the best answer for it.
TEST(SearchRankingTest, DefinitionRanksFirstForItsTerm) {
  Corpus corpus({
      {"law",
       "Điều 2. Giải thích từ ngữ\n"
       "13. Sự cố an ninh mạng là sự việc bất ngờ xảy ra trên không gian mạng.\n"},
      {"news",
       "Năm 2022, các ngân hàng lớn trong nước đã ghi nhận nhiều sự cố an ninh mạng nghiêm trọng."},
      {"lead", "Sự cố an ninh mạng xảy ra ở nhiều ngân hàng trong năm qua."},
      {"act", "“personal data” means any information relating to an identified person."},
      {"guide", "Companies must protect the personal data of their customers."},
      {"breach", "Personal data breaches rose sharply in many countries last year."},
  });
  for (const std::string q : {"sự cố an ninh mạng", "su co an ninh mang"}) {
    const auto ids = corpus.Ids(q);
    ASSERT_FALSE(ids.empty()) << q;
    EXPECT_EQ(ids.front(), "law") << q;
    EXPECT_TRUE(RanksAbove(corpus, q, "law", "news"));
    EXPECT_TRUE(RanksAbove(corpus, q, "law", "lead"));
  }
  const auto ids = corpus.Ids("personal data");
  ASSERT_FALSE(ids.empty());
  EXPECT_EQ(ids.front(), "act");
  EXPECT_TRUE(RanksAbove(corpus, "personal data", "act", "guide"));
  EXPECT_TRUE(RanksAbove(corpus, "personal data", "act", "breach"));
}

// (e) A glossary term finds its translation, but the query's own words in
// the query's own language rank first.
TEST(SearchRankingTest, CrossLanguageFindsButOwnWordsRankFirst) {
  Corpus corpus({
      {"vi", "Việt Nam tăng cường an ninh mạng cho hệ thống ngân hàng."},
      {"en", "The bank improved its cybersecurity last year."},
      {"other", "The bank opened a new branch last year."},
  });
  EXPECT_TRUE(RanksAbove(corpus, "cybersecurity", "en", "vi"));
  EXPECT_TRUE(RanksAbove(corpus, "an ninh mạng", "vi", "en"));
  EXPECT_TRUE(RanksAbove(corpus, "an ninh mang", "vi", "en"));
  // Even a passage that repeats the translation three times stays below one
  // literal mention in a much longer passage: the concept term is scaled down.
  Corpus repeated({
      {"vi", "An ninh mạng, an ninh mạng và an ninh mạng."},
      {"en", "In its annual report the central bank said that it had improved its cybersecurity "
             "across all of its regional branches and offices last year."},
      {"other", "Other text here."},
  });
  EXPECT_TRUE(RanksAbove(repeated, "cybersecurity", "en", "vi"));
  // A two-word English form finds the Vietnamese too.
  EXPECT_EQ(Rank(corpus.Ids("cyber security"), "vi") >= 0, true);
  EXPECT_EQ(Rank(corpus.Ids("cybersecurity"), "other"), -1);
}

// (f) An entity's alias in the other language finds it.
TEST(SearchRankingTest, EntityAliasFindsOtherLanguage) {
  Corpus corpus({
      {"vi", "Trung Quốc công bố chiến lược công nghiệp mới."},
      {"en", "China announced a new industrial strategy."},
      {"sg", "Singapore announced a new industrial strategy."},
  });
  auto ids = corpus.IdSet("China");
  EXPECT_TRUE(ids.count("vi")) << "China did not find Trung Quốc";
  EXPECT_FALSE(ids.count("sg"));
  EXPECT_TRUE(RanksAbove(corpus, "China", "en", "vi"));
  // People type names in lower case and without diacritics.
  ids = corpus.IdSet("trung quoc");
  EXPECT_TRUE(ids.count("vi"));
  EXPECT_TRUE(ids.count("en")) << "trung quoc did not find China";
  EXPECT_TRUE(RanksAbove(corpus, "trung quoc", "vi", "en"));
  // The alias is highlighted in the other language's passage.
  const SearchResults r = corpus.Search("China");
  const SearchHit* vi = HitFor(r, "vi");
  ASSERT_NE(vi, nullptr);
  EXPECT_TRUE(Has(vi->snippet, "<mark>Trung</mark> <mark>Quốc</mark>")) << vi->snippet;
}

// (g) Filters restrict, negated filters exclude; values of one field are
// alternatives, different fields are all required.
TEST(SearchRankingTest, FiltersRestrictResults) {
  Corpus corpus({
      {"vi-2019-law", "Luật ASEAN quy định hợp tác giữa các quốc gia thành viên trong khu vực.", "vi",
       "2019-06-01", "law"},
      {"vi-2021-news", "ASEAN và Trung Quốc ký thỏa thuận hợp tác kinh tế mới trong năm nay.", "vi",
       "2021-03-15", "news"},
      {"en-2023-news", "ASEAN and China agreed on a new framework for digital trade this year.", "en",
       "2023-11-02", "news"},
      {"en-2020-report", "ASEAN published a report on digital skills across the whole region.", "en",
       "2020", "report"},
  });
  using S = std::set<std::string>;
  const S all = {"vi-2019-law", "vi-2021-news", "en-2023-news", "en-2020-report"};
  struct Case {
    std::string query;
    S expected;
  };
  const std::vector<Case> cases = {
      {"asean", all},
      {"asean lang:vi", {"vi-2019-law", "vi-2021-news"}},
      {"asean -lang:vi", {"en-2023-news", "en-2020-report"}},
      {"asean lang:en", {"en-2023-news", "en-2020-report"}},
      {"asean year:2021", {"vi-2021-news"}},
      {"asean -year:2021", {"vi-2019-law", "en-2023-news", "en-2020-report"}},
      {"asean year:2020..2021", {"vi-2021-news", "en-2020-report"}},  // a bare year is in range
      {"asean year:2019..2019", {"vi-2019-law"}},
      {"asean year:2022..2030", {"en-2023-news"}},
      {"asean -year:2020..2021", {"vi-2019-law", "en-2023-news"}},
      {"asean type:news", {"vi-2021-news", "en-2023-news"}},
      {"asean -type:news", {"vi-2019-law", "en-2020-report"}},
      {"asean type:law type:report", {"vi-2019-law", "en-2020-report"}},
      {"asean entity:china", {"vi-2021-news", "en-2023-news"}},
      {"asean -entity:china", {"vi-2019-law", "en-2020-report"}},
      {"asean lang:en type:news", {"en-2023-news"}},
      {"asean lang:vi -type:law", {"vi-2021-news"}},
      {"asean type:nothing", {}},
      {"lang:en", {"en-2023-news", "en-2020-report"}},  // filters only
      {"type:law", {"vi-2019-law"}},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(corpus.IdSet(c.query), c.expected) << "query: " << c.query;
  }
}

// (h) OR, -exclusion and "phrase".
TEST(SearchRankingTest, OrExclusionAndPhrase) {
  Corpus corpus({
      {"a", "Cooperation on the digital economy is growing in the region."},
      {"b", "Green economy policies protect forests in the region."},
      {"c", "Digital skills training helps young workers."},
      {"d", "The economy depends on digital goods and services."},
      {"e", "Smart cities programme expands to ten members."},
  });
  using S = std::set<std::string>;
  struct Case {
    std::string query;
    S expected;
    const char* why;
  };
  const std::vector<Case> cases = {
      {"\"digital economy\"", {"a"}, "a phrase needs its words adjacent and in order (not d)"},
      {"\"economy digital\"", {}, "order matters"},
      {"digital economy", {"a", "b", "c", "d"}, "bare words: any of them"},
      {"digital OR green", {"a", "b", "c", "d"}, "either word"},
      {"skills OR cities", {"c", "e"}, "either word"},
      {"\"digital economy\" OR skills", {"a", "c"}, "a phrase as one side of OR"},
      {"economy -green", {"a", "d"}, "exclusion"},
      {"digital -\"digital economy\"", {"c", "d"}, "an excluded phrase excludes only the phrase"},
      {"economy \"the region\"", {"a", "b"}, "a phrase is required, words optional"},
      {"region -economy", {}, "everything excluded"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(corpus.IdSet(c.query), c.expected) << c.why << "; query: " << c.query;
  }
  // Bare words rank by how many match: c holds both.
  const auto ids = corpus.Ids("digital skills");
  ASSERT_FALSE(ids.empty());
  EXPECT_EQ(ids.front(), "c");
}

// title: clauses are required, and match the document's title only.
TEST(SearchRankingTest, TitleClauseIsRequired) {
  Corpus corpus({
      {"law", "Điều khoản chung về hợp tác quốc tế.", "vi", "", "", "Luật An ninh mạng"},
      {"report", "Hợp tác quốc tế về an ninh mạng.", "vi", "", "", "Báo cáo thường niên"},
  });
  EXPECT_EQ(corpus.IdSet("title:\"an ninh\" hợp tác"), std::set<std::string>{"law"});
  EXPECT_EQ(corpus.IdSet("title:mang"), std::set<std::string>{"law"});  // folded, as typed
  EXPECT_EQ(corpus.IdSet("title:thường"), std::set<std::string>{"report"});
  EXPECT_EQ(corpus.IdSet("hợp tác -title:luật"), std::set<std::string>{"report"});
}

// (i) Grouping: one hit per document, the others counted.
TEST(SearchRankingTest, GroupByDocument) {
  Corpus corpus({
      {"many", "ASEAN họp lần một.\n\nASEAN họp lần hai.\n\nASEAN họp lần ba.\n\nKhông liên quan."},
      {"one", "ASEAN họp lần bốn."},
      {"none", "Không có gì ở đây."},
  });
  const SearchResults flat = corpus.Search("asean");
  EXPECT_EQ(flat.hits.size(), 4u);
  EXPECT_FALSE(flat.grouped);

  const SearchResults grouped = corpus.Search("asean", /*group=*/true);
  EXPECT_TRUE(grouped.grouped);
  ASSERT_EQ(grouped.hits.size(), 2u);
  EXPECT_EQ(grouped.total, 2u);
  const SearchHit* many = HitFor(grouped, "many");
  const SearchHit* one = HitFor(grouped, "one");
  ASSERT_NE(many, nullptr);
  ASSERT_NE(one, nullptr);
  EXPECT_EQ(many->more_in_document, 2u);
  EXPECT_EQ(one->more_in_document, 0u);
  for (const auto& h : flat.hits) EXPECT_EQ(h.more_in_document, 0u);  // only when grouped
}

// (j) A hit says where it is: passage number, heading, and a byte span that
// slices the stored document text to exactly the passage.
TEST(SearchRankingTest, HitsCarryPassageHeadingAndSpan) {
  Corpus corpus({
      {"law",
       "# Phạm vi\nLuật này áp dụng cho mọi tổ chức.\n\n## Dữ liệu\n  Bảo vệ dữ liệu cá nhân của "
       "công dân Việt Nam.  \nMục khác về an ninh mạng.\n",
       "vi", "2022-06-01", "law"},
  });
  const SearchResults r = corpus.Search("công dân");
  ASSERT_FALSE(r.hits.empty());
  const SearchHit& h = r.hits.front();
  EXPECT_EQ(h.id, "law");
  EXPECT_EQ(h.passage, 1u);  // "Luật này…" is 0; headings are not passages
  EXPECT_EQ(h.heading, "Dữ liệu");
  EXPECT_EQ(h.title, "Ghi chú");
  EXPECT_EQ(h.lang, "vi");
  EXPECT_EQ(h.date, "2022-06-01");
  EXPECT_EQ(h.type, "law");

  server::StoredDocument doc;
  Status s = corpus.service().GetDocument("law", &doc);
  ASSERT_TRUE(s.ok()) << s.message();
  ASSERT_LE(h.end, doc.text.size());
  ASSERT_LT(h.begin, h.end);
  EXPECT_EQ(doc.text.substr(h.begin, h.end - h.begin), "Bảo vệ dữ liệu cá nhân của công dân Việt Nam.");
  // The record lists the same span for that passage.
  ASSERT_GT(doc.passages.size(), h.passage);
  EXPECT_EQ(doc.passages[h.passage].begin, h.begin);
  EXPECT_EQ(doc.passages[h.passage].end, h.end);
  EXPECT_EQ(doc.passages[h.passage].heading, "Dữ liệu");

  // Every hit of every passage slices correctly.
  for (const auto& hit : corpus.Search("luật OR dữ OR mục").hits) {
    ASSERT_LE(hit.end, doc.text.size());
    const std::string text = doc.text.substr(hit.begin, hit.end - hit.begin);
    EXPECT_FALSE(text.empty());
    EXPECT_NE(text.front(), ' ');
    EXPECT_NE(text.back(), ' ');
  }
}

// (k) Did you mean: diacritics restored from the index's own vocabulary.
TEST(SearchRankingTest, DidYouMean) {
  Corpus corpus({
      {"a", "Hợp tác về an ninh mạng giữa các nước."},
      {"b", "Bảo đảm an ninh mạng cho ngân hàng."},
      {"c", "Hoa Kỳ và Việt Nam ký thỏa thuận."},
      {"d", "Vietnam signed an agreement on banking security."},
  });
  struct Case {
    std::string query;
    std::string suggestion;
    const char* why;
  };
  const std::vector<Case> cases = {
      {"an ninh mang", "an ninh mạng", "missing diacritics restored"},
      {"Hoa Ky", "Hoa Kỳ", "a capital typed is kept"},
      {"An ninh mang", "An ninh mạng", "capital on an unchanged word kept too"},
      {"hoa ky", "hoa kỳ", "lower case stays lower case"},
      {"an ninh mạng", "", "diacritics typed: nothing to suggest"},
      {"Hoa Kỳ", "", "diacritics typed: nothing to suggest"},
      {"ngan hang", "ngân hàng", "a word pair"},
      {"asean", "", "a word with no accented form"},
      {"an ninh mang lang:vi", "an ninh mạng lang:vi", "filters stay as typed"},
      {"\"an ninh mang\" -hoa", "\"an ninh mạng\" -hoa", "quotes and exclusions stay as typed"},
      // Whoever types some diacritics means the words typed without them
      // as they are ("kéo dài bao lâu" is not "bảo lâu"), in NFD too.
      {"Bảo đảm an ninh mang", "", "diacritics typed on other words"},
      {"Ba\xcc\x89o \xc4\x91" "a\xcc\x89m an ninh mang", "", "diacritics typed on other words, in NFD"},
      // Mostly English words: "ten" is not "tên" here.
      {"Vietnam signed an agreement on ngan", "", "an English query with one restorable word"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(corpus.Search(c.query).did_you_mean, c.suggestion) << c.why << "; query: " << c.query;
  }
}

// The written form a word takes beside its neighbour, read from the
// passages that hold the pair, counts for more than its frequency alone:
// "cận" is only the fifth most frequent "can" here, and "tiếp cận" is what
// the corpus writes.
TEST(SearchRankingTest, DidYouMeanTakesTheFormsThePairIsWrittenWith) {
  std::vector<Doc> docs;
  auto add = [&](const std::string& text, int times) {
    for (int i = 0; i < times; ++i) docs.push_back({std::string("d").append(std::to_string(docs.size())), text});
  };
  add("Căn cứ vào căn hộ và căn nhà.", 6);
  add("Cần cân nhắc khi cần thiết.", 5);
  add("Cán bộ và cán sự.", 4);
  add("Can thiệp kịp thời.", 4);
  add("Quyền tiếp cận thông tin.", 2);
  Corpus corpus(docs);
  EXPECT_EQ(corpus.Search("tiep can thong tin").did_you_mean, "tiếp cận thông tin");
  EXPECT_EQ(corpus.Search("can bo").did_you_mean, "cán bộ");
}

TEST(SearchRankingTest, DidYouMeanKeepsAllCapitals) {
  Corpus corpus(std::vector<Doc>{{"c", "Hoa Kỳ và Việt Nam ký thỏa thuận."}});
  const std::string got = corpus.Search("HOA KY").did_you_mean;
  EXPECT_EQ(got, "HOA KỲ");
}

// (l) Snippets mark what matched: folded matches on the text as written,
// other-language names, and phrases only where the whole phrase stands.
TEST(SearchRankingTest, SnippetsMarkMatches) {
  Corpus corpus({
      {"vi", "Việt Nam tăng cường an ninh mạng cho hệ thống ngân hàng."},
      {"phrase", "Bảo đảm an ninh quốc gia, an toàn giao thông và Ninh Bình."},
  });
  SearchResults r = corpus.Search("an ninh mang");
  const SearchHit* vi = HitFor(r, "vi");
  ASSERT_NE(vi, nullptr);
  EXPECT_TRUE(Has(vi->snippet, "<mark>an</mark> <mark>ninh</mark> <mark>mạng</mark>")) << vi->snippet;

  r = corpus.Search("cybersecurity");
  vi = HitFor(r, "vi");
  ASSERT_NE(vi, nullptr) << "cybersecurity did not find an ninh mạng";
  EXPECT_TRUE(Has(vi->snippet, "<mark>an</mark> <mark>ninh</mark> <mark>mạng</mark>")) << vi->snippet;

  r = corpus.Search("\"an ninh\"");
  const SearchHit* phrase = HitFor(r, "phrase");
  ASSERT_NE(phrase, nullptr);
  EXPECT_TRUE(Has(phrase->snippet, "<mark>an</mark> <mark>ninh</mark> quốc")) << phrase->snippet;
  EXPECT_FALSE(Has(phrase->snippet, "<mark>an</mark> toàn")) << phrase->snippet;
  EXPECT_FALSE(Has(phrase->snippet, "<mark>Ninh</mark>")) << phrase->snippet;
  // Unquoted, every matching word is marked.
  r = corpus.Search("an ninh");
  phrase = HitFor(r, "phrase");
  ASSERT_NE(phrase, nullptr);
  EXPECT_TRUE(Has(phrase->snippet, "<mark>an</mark> toàn")) << phrase->snippet;
  EXPECT_TRUE(Has(phrase->snippet, "<mark>Ninh</mark> Bình")) << phrase->snippet;
}

// (m) Old and new tone placement (hoà / hòa) are one word.
TEST(SearchRankingTest, TonePlacementIsOneWord) {
  Corpus corpus({
      {"old", "Hai nước cam kết giữ gìn hoà bình và phát triển thuỷ sản."},
      {"new", "Hai nước cam kết giữ gìn hòa bình và phát triển thủy sản."},
      {"other", "Hai nước cam kết phát triển kinh tế."},
  });
  const std::set<std::string> both = {"old", "new"};
  for (const std::string q : {"hòa bình", "hoà bình", "\"hoà bình\"", "thủy sản", "thuỷ sản", "hoa binh"}) {
    const SearchResults r = corpus.Search(q);
    std::set<std::string> ids;
    for (const auto& h : r.hits) ids.insert(h.id);
    EXPECT_EQ(ids, both) << "query: " << q;
    // Same words after canonicalisation: the same score.
    if (r.hits.size() == 2) {
      EXPECT_DOUBLE_EQ(r.hits[0].score, r.hits[1].score) << "query: " << q;
    }
  }
  // The old spelling is still highlighted as written.
  const SearchResults results = corpus.Search("hòa bình");  // outlives the pointer into it
  const SearchHit* old = HitFor(results, "old");
  ASSERT_NE(old, nullptr);
  EXPECT_TRUE(Has(old->snippet, "<mark>hoà</mark> <mark>bình</mark>")) << old->snippet;
}

// (n) A query in NFD (as some keyboards and macOS produce) is the same query.
TEST(SearchRankingTest, NfdQueryEqualsNfc) {
  Corpus corpus({
      {"a", "Hợp tác về an ninh mạng giữa Trung Quốc và ASEAN."},
      {"b", "Trung Quốc giữ gìn hoà bình trong khu vực."},
      {"c", "Mạng lưới an ninh khu vực."},
  });
  const std::vector<std::pair<std::string, std::string>> pairs = {
      {"an ninh ma\xcc\xa3ng", "an ninh mạng"},
      {"Trung Quo\xcc\x82\xcc\x81" "c", "Trung Quốc"},
      {"hoa\xcc\x80 bi\xcc\x80nh", "hoà bình"},
      {"\"an ninh ma\xcc\xa3ng\"", "\"an ninh mạng\""},
  };
  for (const auto& [nfd, nfc] : pairs) {
    SCOPED_TRACE(nfc);
    const SearchResults a = corpus.Search(nfd);
    const SearchResults b = corpus.Search(nfc);
    ASSERT_FALSE(b.hits.empty());
    ASSERT_EQ(a.hits.size(), b.hits.size());
    for (size_t i = 0; i < a.hits.size(); ++i) {
      EXPECT_EQ(a.hits[i].id, b.hits[i].id);
      EXPECT_EQ(a.hits[i].passage, b.hits[i].passage);
      EXPECT_DOUBLE_EQ(a.hits[i].score, b.hits[i].score);
      EXPECT_EQ(a.hits[i].snippet, b.hits[i].snippet);
    }
    EXPECT_EQ(a.did_you_mean, "");
  }
}

}  // namespace
}  // namespace policygraph
