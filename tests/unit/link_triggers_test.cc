// indexer::TriggerLexicon: the readings of a trigger (cue:grant, cue:join …)
// mark a trigger's span and nothing else, so the rules that ask for them
// react to exactly the words they listed before the readings were cues.

#include "indexer/link_triggers.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "indexer/analyzer.h"

namespace policygraph::indexer {
namespace {

const std::vector<std::string> kReadings = {kCueGrant, kCueGrantNoun, kCueSupply,  kCueFinance, kCueLend,
                                            kCueBorrow, kCueGift,     kCueGivesTo, kCueSetUp,   kCueInForce,
                                            kCueRatify, kCueConnect,  kCueJoin,    kCueStake,   kCueAllot};

TEST(LinkTriggers, EveryReadingIsFoundOnlyWithItsTriggerOnTheSameSpan) {
  Analyzer analyzer;
  TriggerLexicon lexicon(analyzer);
  for (const auto& reading : kReadings) {
    EXPECT_TRUE(IsTriggerReading(reading)) << reading;
    const auto phrases = PhrasesOf(reading);
    EXPECT_FALSE(phrases.empty()) << reading;
    for (const auto& phrase : phrases) {
      const auto tokens = analyzer.Tokenize(phrase);
      bool read = false, triggered = false;
      for (const auto& hit : lexicon.Find(tokens)) {
        const bool whole = hit.first == 0 && hit.count == tokens.size();
        if (hit.relation == reading) read = whole;
        if (hit.relation.rfind("cue:", 0) != 0) triggered = triggered || whole;
      }
      EXPECT_TRUE(read) << reading << ": " << phrase;
      EXPECT_TRUE(triggered) << reading << " lists a word that is no trigger: " << phrase;
    }
  }
}

TEST(LinkTriggers, OtherCuesAreNotReadings) {
  for (const char* cue : {kCueSymmetric, kCueWith, kCueCreate, kCueLaunch, kCueSign, kCueComprising}) {
    EXPECT_FALSE(IsTriggerReading(cue)) << cue;
  }
  for (const auto& relation : AllRelations()) EXPECT_FALSE(IsTriggerReading(relation)) << relation;
}

TEST(LinkTriggers, AGrantInASentenceCarriesItsReading) {
  Analyzer analyzer;
  const auto tokens = analyzer.Tokenize("Nhật Bản tài trợ cho Lào");
  std::vector<std::string> at_trigger;
  for (const auto& hit : TriggerLexicon(analyzer).Find(tokens)) {
    if (hit.first == 2 && hit.count == 2) at_trigger.push_back(hit.relation);
  }
  EXPECT_EQ(at_trigger, (std::vector<std::string>{kInvestment, kCueGrant}));
}

}  // namespace
}  // namespace policygraph::indexer
