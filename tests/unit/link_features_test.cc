// indexer::CandidatePairs and LinkFeatures: which pairs a sentence offers
// the link classifier, and what it is told about each, on short sentences
// of our own.

#include "indexer/link_features.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "indexer/analyzer.h"
#include "indexer/link_triggers.h"

namespace policygraph::indexer {
namespace {

class LinkFeaturesTest : public ::testing::Test {
 protected:
  // `text` with the entities named in `names` (id, type, surface), each at
  // its first occurrence at or after the previous one's end.
  struct Name {
    std::string id, type, surface;
  };
  SentenceContext Sentence(const std::string& text, const std::vector<Name>& names) {
    text_ = text;
    tokens_ = analyzer_.Tokenize(text_);
    SentenceContext ctx;
    ctx.text = text_;
    ctx.tokens = &tokens_;
    uint32_t from = 0;
    for (const auto& n : names) {
      const std::vector<Token> name_tokens = analyzer_.Tokenize(n.surface);
      for (uint32_t t = from; t + name_tokens.size() <= tokens_.size(); ++t) {
        bool same = true;
        for (size_t k = 0; k < name_tokens.size(); ++k) same = same && tokens_[t + k].exact == name_tokens[k].exact;
        if (!same) continue;
        SentenceMention m;
        m.id = n.id;
        m.type = n.type;
        m.kind = KindOfType(n.type);
        m.first = t;
        m.count = static_cast<uint32_t>(name_tokens.size());
        ctx.mentions.push_back(m);
        from = t + m.count;
        break;
      }
    }
    EXPECT_EQ(ctx.mentions.size(), names.size()) << "a name was not found in: " << text;
    ctx.triggers = TriggerLexicon(analyzer_).Find(tokens_);
    return ctx;
  }
  static bool Has(const std::vector<std::string>& features, const std::string& f) {
    return std::find(features.begin(), features.end(), f) != features.end();
  }

  Analyzer analyzer_;
  std::string text_;
  std::vector<Token> tokens_;
};

TEST_F(LinkFeaturesTest, TriggerBetweenTwoActorsIsSeenBetweenWithTheirTypes) {
  SentenceContext s = Sentence("Việt Nam hợp tác với Nhật Bản về dữ liệu.",
                               {{"vietnam", "country", "Việt Nam"}, {"japan", "country", "Nhật Bản"}});
  std::vector<LinkCandidate> pairs = CandidatePairs(s);
  ASSERT_EQ(pairs.size(), 1u);
  EXPECT_EQ(pairs[0].first, 0u);
  EXPECT_EQ(pairs[0].second, 1u);
  std::vector<std::string> f = LinkFeatures(s, pairs[0], {});
  EXPECT_TRUE(Has(f, "types=country>country"));
  EXPECT_TRUE(Has(f, "kinds=actor>actor"));
  EXPECT_TRUE(Has(f, "between:cooperation")) << ::testing::PrintToString(f);
  EXPECT_TRUE(Has(f, "between:cooperation|actor>actor"));
  EXPECT_TRUE(Has(f, "nearest:cooperation@between"));
  EXPECT_FALSE(Has(f, "before:cooperation"));
  EXPECT_TRUE(Has(f, "r:label=none"));
}

TEST_F(LinkFeaturesTest, RulesOutputIsAFeatureWithItsDirection) {
  SentenceContext s = Sentence("Quốc hội Thái Lan thông qua Luật Dữ liệu Xanh năm 2023.",
                               {{"thailand", "country", "Thái Lan"}, {"green-law", "law", "Luật Dữ liệu Xanh"}});
  std::vector<LinkCandidate> pairs = CandidatePairs(s);
  ASSERT_EQ(pairs.size(), 1u);
  std::vector<std::string> f = LinkFeatures(s, pairs[0], {{"thailand", kEnactment, "green-law", "thông qua"}});
  EXPECT_TRUE(Has(f, "r:label=enactment>"));
  EXPECT_TRUE(Has(f, "types=country>law"));
  // The same link stated the other way round is "<" for this pair.
  EXPECT_EQ(RuleLabel("green-law", "thailand", {{"thailand", kEnactment, "green-law", ""}}), "enactment<");
  EXPECT_EQ(RuleLabel("a", "b", {{"b", kCooperation, "a", ""}}), "cooperation");
  EXPECT_EQ(RuleLabel("a", "b", {{"a", kEnactment, "c", ""}}), "");
}

TEST_F(LinkFeaturesTest, ListJoinAndAgentWordsAreMarked) {
  SentenceContext s = Sentence("The Green Data Act was adopted by Thailand and Laos.",
                               {{"green-law", "law", "Green Data Act"},
                                {"thailand", "country", "Thailand"},
                                {"laos", "country", "Laos"}});
  std::vector<LinkCandidate> pairs = CandidatePairs(s);
  ASSERT_EQ(pairs.size(), 3u);
  // (law, Thailand): "by" between them, one entity after the pair.
  std::vector<std::string> law_thailand = LinkFeatures(s, pairs[0], {});
  EXPECT_TRUE(Has(law_thailand, "agent:by@between")) << ::testing::PrintToString(law_thailand);
  EXPECT_TRUE(Has(law_thailand, "entities=3"));
  EXPECT_TRUE(Has(law_thailand, "entities-between=0"));
  // (Thailand, Laos): joined by "and" alone, "by" before both.
  const LinkCandidate& tl = pairs[2];
  ASSERT_EQ(s.mentions[tl.first].id, "thailand");
  std::vector<std::string> thailand_laos = LinkFeatures(s, tl, {});
  EXPECT_TRUE(Has(thailand_laos, "joined:list"));
  EXPECT_TRUE(Has(thailand_laos, "agent:by@before"));
  EXPECT_FALSE(Has(law_thailand, "joined:list"));
}

TEST_F(LinkFeaturesTest, AnEntityNamedTwiceGivesOnePairFromItsClosestMentions) {
  SentenceContext s = Sentence("Japan said that Vietnam and Japan signed a memorandum.",
                               {{"japan", "country", "Japan"},
                                {"vietnam", "country", "Vietnam"},
                                {"japan", "country", "Japan"}});
  std::vector<LinkCandidate> pairs = CandidatePairs(s);
  ASSERT_EQ(pairs.size(), 1u);
  EXPECT_EQ(pairs[0].first, 1u);  // Vietnam
  EXPECT_EQ(pairs[0].second, 2u);  // the second Japan, next to it
  std::vector<std::string> f = LinkFeatures(s, pairs[0], {});
  EXPECT_TRUE(Has(f, "joined:list"));
}

}  // namespace
}  // namespace policygraph::indexer
