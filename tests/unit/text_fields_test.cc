// indexer::Trim / SplitList / SplitTabs: the field splitting behind every
// hand-edited file (front matter, gazetteer, glossary). A stray tab or bar
// here shifts every column of a row.

#include "indexer/text_fields.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace policygraph::indexer {
namespace {

using Fields = std::vector<std::string>;

TEST(TextFieldsTest, TrimGolden) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"abc", "abc"},
      {"  abc  ", "abc"},
      {"\t\r\n abc \r\n", "abc"},        // every kind of ASCII whitespace
      {"a b  c", "a b  c"},              // inner spacing kept
      {"", ""},
      {"   ", ""},
      {" an ninh mạng ", "an ninh mạng"},  // multi-byte letters at the ends untouched
      {"\xc2\xa0x\xc2\xa0", "\xc2\xa0x\xc2\xa0"},  // a no-break space is not ASCII whitespace
  };
  for (const auto& [input, expected] : cases) {
    EXPECT_EQ(Trim(input), expected) << "input: '" << input << "'";
  }
}

TEST(TextFieldsTest, SplitListGolden) {
  const std::vector<std::pair<std::string, Fields>> cases = {
      {"a | b | c", {"a", "b", "c"}},
      {"a|b", {"a", "b"}},                        // spacing around bars optional
      {"China", {"China"}},
      {"United States | US", {"United States", "US"}},
      {"-", {}},                                  // the "none" marker
      {"  -  ", {}},                              // even padded
      {"", {}},
      {"   ", {}},
      {"a || b", {"a", "b"}},                     // empty items dropped
      {"| a |", {"a"}},
      {" | ", {}},
      {"e-commerce | -", {"e-commerce", "-"}},    // '-' is only special alone
      {"Hoa Kỳ | Mỹ", {"Hoa Kỳ", "Mỹ"}},
  };
  for (const auto& [input, expected] : cases) {
    EXPECT_EQ(SplitList(input), expected) << "input: '" << input << "'";
  }
}

TEST(TextFieldsTest, SplitTabsGolden) {
  const std::vector<std::pair<std::string, Fields>> cases = {
      {"a\tb\tc", {"a", "b", "c"}},
      {"abc", {"abc"}},                 // no tab: one field
      {"", {""}},                       // an empty line is one empty field
      {"a\t", {"a", ""}},               // trailing tab: trailing empty field
      {"\ta", {"", "a"}},
      {"a\t\tb", {"a", "", "b"}},       // consecutive tabs keep the empty column
      {"\t", {"", ""}},
      {" a \t b ", {" a ", " b "}},     // no trimming here
      {"china\tcountry\tQ148\tChina\tTrung Quốc\t", {"china", "country", "Q148", "China", "Trung Quốc", ""}},
  };
  for (const auto& [input, expected] : cases) {
    EXPECT_EQ(SplitTabs(input), expected) << "input: '" << input << "'";
  }
}

}  // namespace
}  // namespace policygraph::indexer
