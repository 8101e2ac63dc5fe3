// indexer::LearnTranslations / MergeConcepts. A learned pair makes either
// form find the other across the whole corpus, so a false pair ("(gọi tắt
// là …)", an English title with its acronym) cross-links unrelated text.

#include "indexer/learned_translations.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "indexer/analyzer.h"
#include "indexer/glossary.h"

namespace policygraph::indexer {
namespace {

const Analyzer& SharedAnalyzer() {
  static const Analyzer* analyzer = new Analyzer();
  return *analyzer;
}

// One line per concept: id | en forms | vi forms.
std::string Render(const std::vector<graph::Node>& nodes) {
  std::string out;
  for (const auto& n : nodes) {
    out += n.id;
    out += " |";
    for (const auto& e : n.names_en) out += " " + e;
    out += " |";
    for (const auto& v : n.names_vi) out += " " + v;
    out += "\n";
  }
  return out;
}

graph::Node Concept(std::string id, std::vector<std::string> en, std::vector<std::string> vi) {
  graph::Node n;
  n.id = std::move(id);
  n.type = kConceptType;
  n.names_en = std::move(en);
  n.names_vi = std::move(vi);
  return n;
}

TEST(LearnedTranslationsTest, CurlyQuotedTitleWithEnglishName) {
  const std::string text =
      "Các nước thông qua “Kế hoạch tổng thể kỹ thuật số ASEAN năm 2025” (ASEAN Digital "
      "Masterplan 2025) tại hội nghị.";
  const auto nodes = LearnTranslations(text, SharedAnalyzer());
  ASSERT_EQ(nodes.size(), 1u) << Render(nodes);
  // The id is the prefix + the folded English form: stable across runs and
  // independent of how the Vietnamese was written.
  EXPECT_EQ(nodes[0].id, "learned:asean digital masterplan 2025");
  EXPECT_EQ(nodes[0].type, kConceptType);
  EXPECT_EQ(nodes[0].names_en, std::vector<std::string>{"ASEAN Digital Masterplan 2025"});
  EXPECT_EQ(nodes[0].names_vi, std::vector<std::string>{"Kế hoạch tổng thể kỹ thuật số ASEAN năm 2025"});
}

TEST(LearnedTranslationsTest, Golden) {
  struct Case {
    const char* why;
    std::string text;
    std::string expected;  // Render() of the result
  };
  const std::vector<Case> cases = {
      {"ASCII quotes, no space before the parenthesis",
       "Việt Nam ban hành \"Chiến lược quốc gia về trí tuệ nhân tạo\"(National AI Strategy).",
       "learned:national ai strategy | National AI Strategy | Chiến lược quốc gia về trí tuệ nhân tạo\n"},
      {"the English name stops at the first comma",
       "“Quan hệ Đối tác Thành phố Thông minh Hoa Kỳ - ASEAN” (The U.S.-ASEAN Smart Cities "
       "Partnership, kết nối các đô thị)",
       "learned:the u.s.-asean smart cities partnership | The U.S.-ASEAN Smart Cities Partnership | "
       "Quan hệ Đối tác Thành phố Thông minh Hoa Kỳ - ASEAN\n"},
      {"... or semicolon, and the name is trimmed",
       "“Hiệp định Đối tác Kinh tế Toàn diện Khu vực” (  RCEP ; ký năm 2020)",
       "learned:rcep | RCEP | Hiệp định Đối tác Kinh tế Toàn diện Khu vực\n"},
      {"the same pair twice is one concept with no duplicate forms",
       "“Chính phủ số” (Digital Government) và “Chính phủ số” (Digital Government).",
       "learned:digital government | Digital Government | Chính phủ số\n"},
      {"two Vietnamese titles for one English name: one concept, both titles",
       "“Chính phủ số” (digital government); “Chính phủ kỹ thuật số” (Digital Government).",
       "learned:digital government | digital government | Chính phủ số Chính phủ kỹ thuật số\n"},
      // Rejects.
      {"parenthesis in Vietnamese: an explanation, not a translation",
       "“Kế hoạch tổng thể kỹ thuật số ASEAN năm 2025” (gọi tắt là Kế hoạch)", ""},
      {"an English quoted title with its acronym is not a translation",
       "the “Digital Economy Framework Agreement” (DEFA) was launched", ""},
      {"no parenthesis after the quote", "“Kế hoạch tổng thể kỹ thuật số” được thông qua (2021).",
       ""},
      {"words between the quote and the parenthesis",
       "“Kế hoạch tổng thể kỹ thuật số” năm nay (Digital Masterplan)", ""},
      {"parenthesis with no letters", "“Chiến lược quốc gia” (2021)", ""},
      {"empty parenthesis", "“Chiến lược quốc gia” ()", ""},
      {"unclosed parenthesis", "“Chiến lược quốc gia” (National Strategy", ""},
      {"unclosed quote", "“Chiến lược quốc gia (National Strategy)", ""},
      {"empty quotes", "“” (Nothing)", ""},
      {"a title across lines is not a title", "“Chiến lược\nquốc gia” (National Strategy)", ""},
      {"no text", "", ""},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(Render(LearnTranslations(c.text, SharedAnalyzer())), c.expected)
        << c.why << "\n  text: " << c.text;
  }
}

TEST(LearnedTranslationsTest, OverlongFormsAreRejected) {
  // Over 200 bytes of title: a quoted sentence, not a name.
  std::string title = "Kế hoạch";
  while (title.size() <= 200) title += " phát triển kinh tế số";
  std::string text = "“";
  text += title;
  text += "” (Digital Plan)";
  EXPECT_TRUE(LearnTranslations(text, SharedAnalyzer()).empty());

  // Over 100 bytes of English name.
  std::string name = "Plan";
  while (name.size() <= 100) name += " for the digital economy";
  text = "“Kế hoạch kinh tế số” (";
  text += name;
  text += ")";
  EXPECT_TRUE(LearnTranslations(text, SharedAnalyzer()).empty());

  // Just under both limits: learned.
  text = "“Kế hoạch kinh tế số” (Plan for the digital economy)";
  EXPECT_EQ(LearnTranslations(text, SharedAnalyzer()).size(), 1u);
}

TEST(LearnedTranslationsTest, MergeConceptsMergesEqualIds) {
  std::vector<graph::Node> into = {
      Concept("cybersecurity", {"cybersecurity"}, {"an ninh mạng"}),
      Concept("learned:rcep", {"RCEP"}, {"Hiệp định RCEP"}),
  };
  const std::vector<graph::Node> more = {
      // Same id: new forms appended, existing ones not repeated.
      Concept("learned:rcep", {"RCEP", "rcep"}, {"Hiệp định RCEP", "Hiệp định Đối tác Kinh tế Toàn diện Khu vực"}),
      // New id: appended.
      Concept("learned:defa", {"DEFA"}, {"Hiệp định khung kinh tế số"}),
      // A new id twice in `more`: merged with its own first occurrence.
      Concept("learned:defa", {"DEFA"}, {"Hiệp định DEFA"}),
  };
  MergeConcepts(&into, more);
  EXPECT_EQ(Render(into),
            "cybersecurity | cybersecurity | an ninh mạng\n"
            "learned:rcep | RCEP rcep | Hiệp định RCEP Hiệp định Đối tác Kinh tế Toàn diện Khu vực\n"
            "learned:defa | DEFA | Hiệp định khung kinh tế số Hiệp định DEFA\n");
}

TEST(LearnedTranslationsTest, MergeIntoEmptyAndFromEmpty) {
  std::vector<graph::Node> into;
  MergeConcepts(&into, {Concept("a", {"x"}, {"y"})});
  EXPECT_EQ(Render(into), "a | x | y\n");
  MergeConcepts(&into, {});
  EXPECT_EQ(Render(into), "a | x | y\n");
}

}  // namespace
}  // namespace policygraph::indexer
