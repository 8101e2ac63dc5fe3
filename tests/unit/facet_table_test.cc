// server::FacetTable: per document, the same language, type, year and
// entities that counting from the documents themselves (Xapian's
// ValueCountMatchSpy, term lists) gives.

#include "server/facet_table.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <map>
#include <string>

#include "indexer/search_schema.h"

namespace policygraph::server {
namespace {

namespace schema = search_schema;
using Counts = std::map<std::string, uint64_t>;

struct Doc {
  std::string lang, type, date;
  std::vector<std::string> entities;
  std::vector<std::string> other_terms;
};

Xapian::WritableDatabase MakeDatabase(const std::vector<Doc>& docs) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  for (const auto& d : docs) {
    Xapian::Document doc;
    if (!d.lang.empty()) doc.add_value(schema::kLangSlot, d.lang);
    if (!d.type.empty()) doc.add_value(schema::kTypeSlot, d.type);
    if (!d.date.empty()) doc.add_value(schema::kDateSlot, d.date);
    for (const auto& e : d.entities) doc.add_term(schema::Term(schema::kEntityPrefix, e));
    for (const auto& t : d.other_terms) doc.add_term(t);
    doc.add_term("Xall");
    db.add_document(doc);
  }
  db.commit();
  return db;
}

const std::vector<Doc> kDocs = {
    {"vi", "law", "20180612", {"china", "asean"}, {"XAan", "XCcybersecurity", "XEa", "XF"}},
    {"en", "", "2021", {"china"}, {}},
    {"", "", "", {}, {"plain"}},
    {"vi", "news", "20220101", {}, {"XD", "XEZ"}},  // "XEZ": an entity id "Z"
    {"other", "report", "19", {"united-states", "china", "viet-nam"}, {}},
};

TEST(FacetTableTest, EachDocument) {
  auto db = MakeDatabase(kDocs);
  auto table = FacetTable::Build(db);
  EXPECT_EQ(table->documents(), 5u);
  EXPECT_EQ(table->mentions(), 3u + 1u + 1u + 3u);  // "XEa" and "XEZ" are entity terms too

  Counts lang, type, year, entities;
  table->CountValues(1, &lang, &type, &year);
  table->CountEntities(1, &entities);
  EXPECT_EQ(lang, (Counts{{"vi", 1}}));
  EXPECT_EQ(type, (Counts{{"law", 1}}));
  EXPECT_EQ(year, (Counts{{"2018", 1}}));
  EXPECT_EQ(entities, (Counts{{"a", 1}, {"asean", 1}, {"china", 1}}));

  lang.clear(), type.clear(), year.clear(), entities.clear();
  table->CountValues(3, &lang, &type, &year);  // no values, no entities
  table->CountEntities(3, &entities);
  EXPECT_TRUE(lang.empty() && type.empty() && year.empty() && entities.empty());

  table->CountValues(5, &lang, &type, &year);
  table->CountEntities(5, &entities);
  EXPECT_EQ(year, (Counts{{"19", 1}}));  // a short date is its own "year", as before
  EXPECT_EQ(entities, (Counts{{"china", 1}, {"united-states", 1}, {"viet-nam", 1}}));

  // Outside the table: nothing, no crash.
  lang.clear(), entities.clear();
  for (Xapian::docid outside : {0u, 6u, 1000u}) {
    table->CountValues(outside, &lang, &type, &lang);
    table->CountEntities(outside, &entities);
  }
  EXPECT_TRUE(lang.empty() && entities.empty());
}

// Over every document, the table counts what Xapian's own match spies and
// the documents' term lists count.
TEST(FacetTableTest, AgreesWithMatchSpiesAndTermLists) {
  std::vector<Doc> docs = kDocs;
  for (int i = 0; i < 40; ++i) {
    // Strings appended, not added: GCC 12 warns falsely (-Wrestrict) on "e" + ...
    std::string date = std::to_string(2000 + i % 7), entity = "e";
    date.append("0101");
    entity.append(std::to_string(i % 5));
    docs.push_back({i % 3 ? "vi" : "en", i % 4 ? "law" : "", date, {i % 2 ? "china" : "laos", entity}, {}});
  }
  auto db = MakeDatabase(docs);
  auto table = FacetTable::Build(db);

  Xapian::Enquire enquire(db);
  enquire.set_query(Xapian::Query("Xall"));
  Xapian::ValueCountMatchSpy lang_spy(schema::kLangSlot), type_spy(schema::kTypeSlot), date_spy(schema::kDateSlot);
  enquire.add_matchspy(&lang_spy);
  enquire.add_matchspy(&type_spy);
  enquire.add_matchspy(&date_spy);
  Xapian::MSet mset = enquire.get_mset(0, db.get_doccount());
  ASSERT_EQ(mset.size(), docs.size());

  auto spied = [](Xapian::ValueCountMatchSpy& spy, size_t prefix) {
    Counts out;
    for (auto it = spy.values_begin(); it != spy.values_end(); ++it) {
      const std::string key = (*it).substr(0, prefix);
      if (!key.empty()) out[key] += it.get_termfreq();
    }
    return out;
  };
  Counts lang, type, year, entities, listed;
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    table->CountValues(*it, &lang, &type, &year);
    table->CountEntities(*it, &entities);
    Xapian::Document doc = it.get_document();
    const std::string prefix = schema::kEntityPrefix;
    for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
      t.skip_to(prefix);
      if (t == doc.termlist_end() || (*t).compare(0, prefix.size(), prefix) != 0) break;
      ++listed[(*t).substr(prefix.size())];
    }
  }
  EXPECT_EQ(lang, spied(lang_spy, std::string::npos));
  EXPECT_EQ(type, spied(type_spy, std::string::npos));
  EXPECT_EQ(year, spied(date_spy, 4));
  EXPECT_EQ(entities, listed);
  EXPECT_EQ(entities["china"], 3u + 20u);
}

}  // namespace
}  // namespace policygraph::server
