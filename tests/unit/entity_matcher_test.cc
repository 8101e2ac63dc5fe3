// indexer::EntityMatcher: which entities a text names. A golden table of
// text → (entity id, the substring matched), over a small gazetteer built in
// the test so that each rule in entity_matcher.h has a case of its own.

#include "indexer/entity_matcher.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "indexer/analyzer.h"

namespace policygraph::indexer {
namespace {

using graph::Node;

Node MakeNode(std::string id, std::string type, std::vector<std::string> names_en,
              std::vector<std::string> names_vi) {
  Node n;
  n.id = std::move(id);
  n.type = std::move(type);
  n.names_en = std::move(names_en);
  n.names_vi = std::move(names_vi);
  return n;
}

std::vector<Node> Gazetteer() {
  return {
      MakeNode("india", "country", {"India"}, {"Ấn Độ"}),
      // Not an entity; it exists so that "Ấn Độ Dương" is not read as India.
      MakeNode("indian-ocean", "not_entity", {"Indian Ocean"}, {"Ấn Độ Dương"}),
      MakeNode("united-states", "country", {"United States", "US"}, {"Hoa Kỳ", "Mỹ"}),
      MakeNode("china", "country", {"China"}, {"Trung Quốc"}),
      MakeNode("european-union", "regional_org", {"European Union", "EU"},
               {"Liên minh châu Âu", "EU"}),
      // Listed before the longer name that starts with the same word, so
      // that "longest wins" cannot rely on gazetteer order.
      MakeNode("asean", "regional_org", {"ASEAN"}, {"ASEAN"}),
      MakeNode("asean-regional-forum", "organization", {"ASEAN Regional Forum"}, {}),
      // "Hàn Quốc" and "Hán Quốc" both fold to "han quoc".
      MakeNode("south-korea", "country", {"South Korea"}, {"Hàn Quốc"}),
      MakeNode("han-state", "country", {}, {"Hán Quốc"}),
      // A capital stands for its country only where the city acts.
      [] {
        Node n = MakeNode("capital-beijing", "capital", {"Beijing"}, {"Bắc Kinh"});
        n.member_of = {"china"};
        return n;
      }(),
  };
}

class EntityMatcherTest : public ::testing::Test {
 protected:
  EntityMatcherTest() : matcher_(analyzer_, Gazetteer()) {}

  // (entity id, text of the match) for each mention, in text order.
  std::vector<std::pair<std::string, std::string>> Find(const std::string& text) const {
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& m : matcher_.Find(text, analyzer_.Tokenize(text))) {
      out.emplace_back(m.entity_id, text.substr(m.begin, m.end - m.begin));
    }
    return out;
  }

  Analyzer analyzer_;
  EntityMatcher matcher_;
};

using Mentions = std::vector<std::pair<std::string, std::string>>;

TEST_F(EntityMatcherTest, Golden) {
  struct Case {
    const char* why;
    std::string text;
    Mentions expected;
  };
  const std::vector<Case> cases = {
      {"two entities, Vietnamese and acronym", "Trung Quốc và ASEAN",
       {{"china", "Trung Quốc"}, {"asean", "ASEAN"}}},
      {"a capitalised name does not fire on a lowercase word: thẩm mỹ is cosmetics",
       "thẩm mỹ", {}},
      {"the same word capitalised is the US", "Mỹ", {{"united-states", "Mỹ"}}},
      {"all capitals count as capitalised", "MỸ VÀ TRUNG QUỐC",
       {{"united-states", "MỸ"}, {"china", "TRUNG QUỐC"}}},
      {"a not_entity name wins over the entity inside it, then is dropped", "Ấn Độ Dương", {}},
      {"India once: the second Ấn Độ is part of Ấn Độ Dương", "Ấn Độ và Ấn Độ Dương",
       {{"india", "Ấn Độ"}}},
      {"English not_entity too", "India and the Indian Ocean", {{"india", "India"}}},
      {"a lowercase word of the name may be capitalised in the text", "Liên minh Châu Âu",
       {{"european-union", "Liên minh Châu Âu"}}},
      {"but a capitalised word of the name may not be lowercase", "liên minh châu âu", {}},
      {"NFD text matches NFC names; the span covers the NFD bytes",
       "Trung Quo\xcc\x82\xcc\x81" "c va\xcc\x80 My\xcc\x83",
       {{"china", "Trung Quo\xcc\x82\xcc\x81" "c"}, {"united-states", "My\xcc\x83"}}},
      {"text without diacritics matches a name that folds to one entity only", "trung quoc; Trung Quoc",
       {{"china", "Trung Quoc"}}},
      {"but never a one-word name: My is not Mỹ", "My data", {}},
      {"nor a folded name two entities share", "Han Quoc; Hàn Quốc", {{"south-korea", "Hàn Quốc"}}},
      {"the longest name starting at a word wins", "ASEAN Regional Forum",
       {{"asean-regional-forum", "ASEAN Regional Forum"}}},
      {"a partial longer name falls back to the shorter one", "ASEAN Regional meeting",
       {{"asean", "ASEAN"}}},
      {"punctuation and line breaks between the words of a name are ignored",
       "Trung\nQuốc, Hoa-Kỳ",
       {{"china", "Trung\nQuốc"}, {"united-states", "Hoa-Kỳ"}}},
      {"a name inside a longer word does not match (EU in EUR)", "EUR and NEU", {}},
      {"repeated mentions are all reported", "EU, EU và Liên minh châu Âu",
       {{"european-union", "EU"}, {"european-union", "EU"},
        {"european-union", "Liên minh châu Âu"}}},
      {"nothing to find", "", {}},
      {"malformed UTF-8 around a name", "\xff" "China\xfe",
       {{"china", "China"}}},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.why);
    EXPECT_EQ(Find(c.text), c.expected) << "text: " << c.text;
  }
}

TEST_F(EntityMatcherTest, MentionCarriesTokenIndexAndCount) {
  const std::string text = "Hợp tác giữa Hoa Kỳ và ASEAN Regional Forum";
  const auto tokens = analyzer_.Tokenize(text);
  const auto mentions = matcher_.Find(text, tokens);
  ASSERT_EQ(mentions.size(), 2u);
  EXPECT_EQ(mentions[0].entity_id, "united-states");
  EXPECT_EQ(mentions[0].first_token, 3u);  // hợp tác giữa | hoa kỳ
  EXPECT_EQ(mentions[0].token_count, 2u);
  EXPECT_EQ(mentions[0].begin, tokens[3].begin);
  EXPECT_EQ(mentions[0].end, tokens[4].end);
  EXPECT_EQ(mentions[1].entity_id, "asean-regional-forum");
  EXPECT_EQ(mentions[1].first_token, 6u);
  EXPECT_EQ(mentions[1].token_count, 3u);
}

TEST_F(EntityMatcherTest, DuplicateNamesMakeOnePattern) {
  // "EU" is both an English and a Vietnamese name of the EU: one pattern.
  // 2 India + 2 ocean + 4 US + 2 China + 3 EU + 1 ASEAN + 1 ARF + 2 Korea + 1 Hán
  // + 2 Beijing.
  EXPECT_EQ(matcher_.pattern_count(), 20u);
}

TEST(EntityMatcherStandaloneTest, NamesWithoutTokensAreIgnored) {
  Analyzer analyzer;
  EntityMatcher matcher(analyzer, {MakeNode("odd", "event", {"!!!"}, {"Sự kiện"})});
  EXPECT_EQ(matcher.pattern_count(), 1u);
  const std::string text = "!!! Sự kiện";
  const auto mentions = matcher.Find(text, analyzer.Tokenize(text));
  ASSERT_EQ(mentions.size(), 1u);
  EXPECT_EQ(text.substr(mentions[0].begin, mentions[0].end - mentions[0].begin), "Sự kiện");
}

// A large corpus discovers thousands of names sharing a first word ("Luật
// …"): each must still be found, the longest wins, and a name written with
// its diacritics wins over an equally long one matched folded.
TEST(EntityMatcherStandaloneTest, ManyNamesSharingAFirstWord) {
  Analyzer analyzer;
  const std::vector<std::string> words = {"An", "Bình", "Cao", "Dân", "Đất", "Giá", "Hải", "Khí"};
  std::vector<Node> nodes;
  for (const auto& a : words) {
    for (const auto& b : words) {
      for (const auto& c : words) {
        const std::string name = "Luật " + a + " " + b + " " + c;
        nodes.push_back(MakeNode("law-" + std::to_string(nodes.size()), "law", {}, {name}));
      }
    }
  }
  nodes.push_back(MakeNode("law-short", "law", {}, {"Luật Hải Khí"}));
  // Folds like "Luật Dân Đất Giá" but is written without diacritics.
  nodes.push_back(MakeNode("law-folded-twin", "law", {"Luat Dan Dat Gia"}, {}));
  EntityMatcher matcher(analyzer, nodes);
  EXPECT_EQ(matcher.pattern_count(), 8u * 8u * 8u + 2u);

  const std::string text = "Theo Luật Khí Cao An và Luật Hải Khí, cùng Luật Dân Đất Giá.";
  const auto mentions = matcher.Find(text, analyzer.Tokenize(text));
  ASSERT_EQ(mentions.size(), 3u);
  // "Khí Cao An": 7 * 64 + 2 * 8 + 0.
  EXPECT_EQ(mentions[0].entity_id, "law-" + std::to_string(7 * 64 + 2 * 8 + 0));
  EXPECT_EQ(mentions[1].entity_id, "law-short");
  EXPECT_EQ(mentions[2].entity_id, "law-" + std::to_string(3 * 64 + 4 * 8 + 5));

  // Typed without diacritics, the name only one entity folds to is found;
  // two entities fold to "luat dan dat gia", so that one is not.
  const std::string plain = "theo Luat Khi Cao An va Luat Dan Dat Gia";
  const auto folded = matcher.Find(plain, analyzer.Tokenize(plain));
  ASSERT_EQ(folded.size(), 2u);
  EXPECT_EQ(folded[0].entity_id, "law-" + std::to_string(7 * 64 + 2 * 8 + 0));
  EXPECT_EQ(folded[1].entity_id, "law-folded-twin");
}

// A name does not run across the end of a sentence: in a large corpus
// discovery learns names such as "Bộ Công an Việt Nam", and "… theo Bộ Công
// an. Việt Nam đã …" must not hold one (the linker reads each sentence's
// names by their words in that sentence). A name written with a period
// ("U.S. Department of State") still matches across its own.
TEST(EntityMatcherStandaloneTest, NamesDoNotRunAcrossTheEndOfASentence) {
  Analyzer analyzer;
  EntityMatcher matcher(analyzer, {MakeNode("vietnam", "country", {}, {"Việt Nam"}),
                                   MakeNode("mps", "organization", {}, {"Bộ Công an", "Bộ Công an Việt Nam"}),
                                   MakeNode("state-dept", "organization", {"U.S. Department of State"}, {})});
  auto found = [&](const std::string& text) {
    Mentions out;
    for (const auto& m : matcher.Find(text, analyzer.Tokenize(text))) {
      out.emplace_back(m.entity_id, text.substr(m.begin, m.end - m.begin));
    }
    return out;
  };
  EXPECT_EQ(found("Theo Bộ Công an Việt Nam, số vụ giảm."), (Mentions{{"mps", "Bộ Công an Việt Nam"}}));
  for (const char* stop : {". ", "! ", "? ", "; ", "\n\n", "… "}) {
    const std::string text = std::string("theo Bộ Công an") + stop + "Việt Nam đã ký.";
    EXPECT_EQ(found(text), (Mentions{{"mps", "Bộ Công an"}, {"vietnam", "Việt Nam"}})) << text;
  }
  // Nor does a single line break (wrapped text), or other punctuation.
  EXPECT_EQ(found("Bộ Công an\nViệt Nam"), (Mentions{{"mps", "Bộ Công an\nViệt Nam"}}));
  EXPECT_EQ(found("Bộ Công an - Việt Nam"), (Mentions{{"mps", "Bộ Công an - Việt Nam"}}));
  EXPECT_EQ(found("The U.S. Department of State said."),
            (Mentions{{"state-dept", "U.S. Department of State"}}));
}

// A two- or three-letter acronym matches only in capitals: "Who" opening a
// question is no WHO. Longer ones are also written "Asean".
TEST(EntityMatcherStandaloneTest, ShortAcronymsMatchOnlyInCapitals) {
  Analyzer analyzer;
  EntityMatcher matcher(analyzer, {MakeNode("who", "organization", {"World Health Organization", "WHO"}, {}),
                                   MakeNode("asean", "regional_org", {"ASEAN"}, {})});
  auto ids = [&](const std::string& text) {
    std::vector<std::string> out;
    for (const auto& m : matcher.Find(text, analyzer.Tokenize(text))) out.push_back(m.entity_id);
    return out;
  };
  EXPECT_EQ(ids("WHO and Asean met."), (std::vector<std::string>{"who", "asean"}));
  EXPECT_TRUE(ids("Who decides? Whom?").empty());
  MatchOptions loose;
  loose.require_capitals = false;
  const std::string query = "who guidance";
  EXPECT_EQ(matcher.Find(query, analyzer.Tokenize(query), loose).size(), 1u);  // queries are typed in any case
}

TEST(EntityMatcherStandaloneTest, StartsUppercase) {
  struct Case {
    std::string text;
    bool expected;
  };
  const std::vector<Case> cases = {
      {"Mỹ", true},  {"mỹ", false},   {"Ấn", true},   {"ấn", false}, {"Đ", true},
      {"đ", false},  {"ǅ", true},     // titlecase letter
      {"1A", false}, {"", false},     {"\xff" "A", false},
  };
  for (const auto& c : cases) EXPECT_EQ(StartsUppercase(c.text), c.expected) << c.text;
}

TEST_F(EntityMatcherTest, ACapitalNamesItsCountryOnlyWhereItActs) {
  EXPECT_EQ(Find("Bắc Kinh tặng Lào vắc xin."), (Mentions{{"china", "Bắc Kinh"}}));
  EXPECT_EQ(Find("Beijing's Coast Guard Law took effect."), (Mentions{{"china", "Beijing"}}));
  // A place: after a place word, after "thủ đô", or before its country.
  EXPECT_TRUE(Find("Hội nghị diễn ra tại Bắc Kinh.").empty());
  EXPECT_TRUE(Find("The talks were held in Beijing.").empty());
  EXPECT_TRUE(Find("Đoàn đến thủ đô Bắc Kinh hôm qua.").empty());
  EXPECT_EQ(Find("They met in Bắc Kinh, Trung Quốc."), (Mentions{{"china", "Trung Quốc"}}));
  // A query is not a sentence: "Beijing" alone is the city.
  MatchOptions query;
  query.capitals = false;
  const std::string text = "Beijing";
  EXPECT_TRUE(matcher_.Find(text, analyzer_.Tokenize(text), query).empty());
}

}  // namespace
}  // namespace policygraph::indexer
