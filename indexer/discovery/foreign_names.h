// Foreign names without a head word: companies and agencies written as
// they are in their own language ("Arianespace", "Rocket Lab", "CNES",
// "China Merchants Port Holdings"), and foreign persons named beside a
// role. Nothing in the name itself says it is a name of a body, so the
// rules ask either the name's own last word (a company suffix) or its
// context (what the sentence says the name does), and report it below
// head-word names (kBareName).
#pragma once

#include <string>
#include <unordered_set>
#include <vector>

#include "indexer/discovery/candidate.h"
#include "indexer/discovery/line.h"
#include "indexer/discovery/vietnamese_words.h"

namespace policygraph::indexer::discovery {

// Below an unquoted head-word name: the context, not the name, says it is
// a body.
inline constexpr double kBareName = 0.55;

// Whether an ASCII word could be one Vietnamese syllable written without
// its diacritics (an initial consonant cluster, a vowel nucleus, one of the
// few finals): "Nam", "Long", "Thai" can; "Arianespace", "Lab", "Meta",
// "Rocket" cannot. `lower` is the word in lower case.
bool CouldBeVietnameseSyllable(std::string_view lower);

// Countries as Vietnamese writes them (keys: lower case, tone marks in the
// newer placement, words separated by one space): "việt nam", "hàn quốc".
const std::unordered_set<std::string>& VietnameseCountries();

// Organisations named without a head word, typed organization:
// - in either language, capitalised Latin words ending in a company suffix
//   ("Mitsubishi Electric", "APM Terminals", "HMN Technologies");
// - in Vietnamese text, a foreign name (capitalised Latin words, at least
//   one of them no Vietnamese syllable, or an acronym) that the sentence
//   makes a body: "X của <country>", X as the subject of a company's verb
//   ("X đã mua …", "X và Y ký …"), the agent after "do" ("do X chế tạo"),
//   or a party after "giữa" or after "với" following a word of agreement
//   ("ký bản ghi nhớ với X, Y và Z");
// - in English text, a one-word or acronym name owned by a country ("Japan's
//   JOGMEC", "Norway's Telenor"), and capitalised names not at a sentence's
//   start that a company's verb follows ("…, and X has spent …", "X and Y
//   each hold …").
// A name the context says nothing about is left alone: places ("tại
// Toulouse") and products are written the same way.
void FindForeignOrganizations(Line& line, const VietnameseLists& lists, std::vector<Candidate>& candidates);

// Foreign persons of two or three Latin words beside their role: "Tổng
// giám đốc IAEA Rafael Grossi", "Chủ tịch Nvidia Jensen Huang" (a title, the
// body's own one-word name or acronym, then the person), "its director
// Kouqing Li", "governor Perry Warjiyo", and "Daren Tang, who …". Typed
// person.
void FindForeignPersons(Line& line, const VietnameseLists& lists, std::vector<Candidate>& out);

}  // namespace policygraph::indexer::discovery
