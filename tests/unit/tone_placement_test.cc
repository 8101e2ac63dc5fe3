// Canonical tone placement: both spellings of an open "oa/oe/uy" syllable
// become one term, so "hoà" meets "hòa" in index and query alike.
#include "indexer/tone_placement.h"

#include <gtest/gtest.h>

#include "indexer/analyzer.h"

namespace policygraph::indexer {
namespace {

std::string Canonical(const std::string& syllable) {
  std::string out;
  CanonicalToneSyllable(icu::UnicodeString::fromUTF8(syllable)).toUTF8String(out);
  return out;
}

TEST(TonePlacementTest, Golden) {
  struct Case {
    const char* in;
    const char* out;
    const char* why;
  };
  const Case cases[] = {
      {"hoà", "hòa", "old placement moves to the first vowel"},
      {"hòa", "hòa", "new placement stays"},
      {"hoá", "hóa", "số hoá / số hóa"},
      {"thuỷ", "thủy", "uy cluster"},
      {"uỷ", "ủy", "uỷ ban / ủy ban: cluster at the start"},
      {"khoẻ", "khỏe", "oe cluster"},
      {"loà", "lòa", "oa cluster"},
      {"toạ", "tọa", "dot below moves too"},
      {"quý", "quý", "qu is a consonant: tone stays on y"},
      {"quả", "quả", "qu + a: not a cluster"},
      {"hoàn", "hoàn", "a final consonant: one spelling only"},
      {"khuyến", "khuyến", "uyê is not an open cluster"},
      {"hoa", "hoa", "no tone: nothing to move"},
      {"mạng", "mạng", "no cluster"},
      {"hoả", "hỏa", "hook above"},
      {"xoã", "xõa", "tilde"},
  };
  for (const auto& c : cases) EXPECT_EQ(Canonical(c.in), c.out) << c.in << ": " << c.why;
}

TEST(TonePlacementTest, AnalyzerMakesBothSpellingsOneTerm) {
  Analyzer analyzer;
  // NFC old style, NFC new style, and NFD old style ("hoa" + grave on a).
  const std::string spellings[] = {"Hoà bình", "Hòa bình", "Hoa\xcc\x80 bi\xcc\x80nh"};
  for (const auto& text : spellings) {
    auto tokens = analyzer.Tokenize(text);
    ASSERT_EQ(tokens.size(), 2u) << text;
    EXPECT_EQ(tokens[0].exact, "hòa") << text;
    EXPECT_EQ(tokens[0].folded, "hoa") << text;
    EXPECT_EQ(tokens[1].exact, "bình") << text;
  }
  // Byte offsets still point into the text as written.
  auto tokens = analyzer.Tokenize("Thuỷ lợi");
  EXPECT_EQ(tokens[0].exact, "thủy");
  EXPECT_EQ(tokens[0].begin, 0u);
  EXPECT_EQ(tokens[0].end, std::string("Thuỷ").size());
}

}  // namespace
}  // namespace policygraph::indexer
