// Discovery of entity names that are not in the gazetteer, from the text's own
// patterns: quoted titles (“Chiến lược …”, "Kế hoạch …"), Vietnamese names led
// by a head word (Luật, Nghị định, Hiệp định, Chiến lược, Kế hoạch, Chương
// trình, Đề án, Hội nghị, Diễn đàn, Ủy ban, Trung tâm, Bộ, Hiệp hội …),
// English ones ending in one (… Act, … Strategy, … Framework, … Agreement,
// … Partnership …), and acronyms or translations in parentheses after a name.
//
// What is not reported: quoted ordinary phrases (lower case, short compounds,
// honours, defined terms: "“X” means …"), a head word followed only by
// lower-case words ("Chương trình cung cấp …"), titles of office ("Bộ
// trưởng"), section headings and references ("This Act", "Part 3"), a lone
// acronym or a single word: the gazetteer covers countries and acronyms.
//
// Where an unquoted Vietnamese name ends is read from the sentence (a
// parenthesis, a quote, punctuation or a predicate word ends it) and, when
// that leaves doubt, from the rest of the same text: "Bộ Y tế gửi …" is read
// as "Bộ Y tế" when the text also has "Bộ Y tế." elsewhere. Pass a whole
// document rather than one sentence at a time to benefit from this.
//
// Input may be NFC or NFD; malformed UTF-8 is read as U+FFFD and never
// crashes. The scan is a cheap byte-level pass (no ICU word breaking); words
// are folded through the analyser only near a trigger. Thread-safe: any
// number of threads may call it with the same Analyzer.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "indexer/analyzer.h"

namespace policygraph::indexer {

struct DiscoveredName {
  // The name as written (NFC, quotes and surrounding spaces removed, runs of
  // whitespace inside as one space).
  std::string name;
  uint32_t begin = 0;  // byte span of `name` in the text
  uint32_t end = 0;
  // A gazetteer type (see corpus/gazetteer/README.md), from the head word:
  // law, agreement, strategy, plan, programme, initiative, organization,
  // event. A quoted title without a head word is an initiative; a run found
  // only through the acronym after it is an organization.
  std::string type;
  // 0..1: how sure the pattern is that this is a name:
  //   0.9   quoted title with a head word (“Chiến lược …”, Đề án “…”)
  //   0.85  head-word name followed by "(ACRONYM)" or a translation
  //   0.75  capitalised run whose initials spell the acronym after it
  //         ("Internet World Stats (IWS)"), or a quoted title without a
  //         head word followed by an acronym
  //   0.7   unquoted head-word name with a clear end
  //   0.6   quoted title without a head word; or an unquoted name whose
  //         lower-case tail the text does not confirm
  //   0.5   unquoted name cut short at its last capitalised word
  double confidence = 0;
  // Other names of the same entity stated next to it: the translation and/or
  // acronym in the parentheses that follow ("(ASEAN Conference on Crime
  // Prevention and Criminal Justice - ACCPCJ)" gives both), and the name
  // without a leading article ("The").
  std::vector<std::string> aliases;
  // The name without its ordinal ("Hội nghị Cấp cao ASEAN" for "… lần thứ
  // 46", "ASEAN Summit" for "31st ASEAN Summit"): how a text goes on to
  // refer to the same meeting, but shared by every meeting of the series,
  // so it must not join two of them into one entity.
  std::vector<std::string> variants;
};

// Every discovered name in `text`, in text order, one per occurrence; the
// spans do not overlap and point into `text` as given (NFD input gives NFD
// spans, while `name` is NFC). The analyser folds words for comparison.
std::vector<DiscoveredName> DiscoverNames(std::string_view text, const Analyzer& analyzer);

}  // namespace policygraph::indexer
