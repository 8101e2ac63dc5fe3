#include "indexer/discovery/english_names.h"

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "indexer/discovery/english_words.h"
#include "indexer/discovery/name_types.h"

namespace policygraph::indexer::discovery {
namespace {

// Capitalised modifiers that do not make a name on their own ("Principal
// Act", "Implementing Regulation", "Republic Act").
const std::unordered_set<std::string_view>& EnglishGenericModifiers() {
  static const std::unordered_set<std::string_view> words = {
      "Principal", "Amending", "Implementing", "Delegated", "Relevant", "Other", "Said",
      "Same", "New", "Original", "Parent", "Enabling", "Applicable", "Former", "Existing",
      "Current", "Present", "Proposed", "Draft", "Specified", "Designated", "Prescribed",
      "Appropriate", "Competent", "Republic", "Commonwealth", "Federal", "Main", "Annual", "Interim", "Final", "Joint", "Special",
      "Commission", "Council", "Parliament", "Secretary", "General", "Minister", "Management",
      "Executive", "Advisory", "Appeal", "Staff", "Town", "Financial", "Model", "Chief",
      // "Code of Conduct" alone is a kind of instrument, not one of them.
      "Conduct",
  };
  return words;
}

// Capitalised nouns that, before "of", name a role in or a part of what
// follows rather than begin its name.
const std::unordered_set<std::string_view>& EnglishRolesBeforeOf() {
  static const std::unordered_set<std::string_view> words = {
      "Member", "Members", "Power", "Powers", "Duties", "Functions", "Repeal", "Rules",
      "Declaration", "Position", "Chair", "Chairperson", "House", "Meetings", "Head", "President",
      "Director", "Composition", "Structure", "Tasks", "Role", "Seat", "Establishment",
      "Amendment", "Amendments", "Application", "Review", "Report", "Reports", "Decision",
      "Decisions", "Opinion", "Opinions", "Secretariat", "Officer", "Officers", "Office",
      // "Commissioner of Police": an office, not a body's name.
      "Commissioner",
  };
  return words;
}

// The first piece of the English name whose head is at `head`, walking
// back over capitalised words and connectors. A leading "The" is taken in
// only where a title is being stated, after a parenthesis or a quote.
size_t EnglishNameStart(Line& line, size_t head) {
  size_t start = head;
  size_t connectors = 0;  // connectors walked over since the last name word
  for (size_t j = head; j-- > 0;) {
    // "Quad Leaders' Summit", "ASEAN-U.S. Special Summit": a plural
    // possessive's apostrophe or an abbreviation's dot inside the name.
    // (Not "The Philippines' CREATE MORE Act": after "The" it is an owner.)
    const bool plural_possessive = j > 1 && IsApostrophe(line[j].punct) && line.IsWord(j - 1) &&
                                   line[j - 1].cap && line.Raw(j - 1).back() == 's' && line.IsWord(j - 2) &&
                                   (line[j - 2].cap || line[j - 2].acronym) && line.Raw(j - 2) != "The";
    const bool abbreviation_dot = j > 0 && line[j].punct == '.' && line.IsWord(j - 1) && !line[j - 1].lower &&
                                  line.Raw(j - 1).size() >= 2 && line.Raw(j - 1)[line.Raw(j - 1).size() - 2] == '.';
    if (plural_possessive || abbreviation_dot) continue;
    if (!line.IsWord(j)) break;
    if (IsEnglishConnector(line, j)) {
      // One connector between words ("Freedom of Information Act"); "of the"
      // leads from a part or role to a name ("Functions of the National
      // Privacy Commission"), "and the" from one name to another.
      if (++connectors > 1) break;
      // "Privacy Act and Spam Act": two names.
      if (line.Key(j) == "and" && j > 0 && EnglishHeadType(line, j - 1)) break;
      // "Members of Parliament", "Repeal of Directive …": a role or an
      // action of the named thing, not part of its name.
      if (line.Key(j) == "of" && j > 0 && EnglishRolesBeforeOf().count(line.Raw(j - 1))) break;
      continue;
    }
    // "31st ASEAN Summit": the ordinal starts the name (AddVariants gives
    // the name without it).
    if (line[j].number && connectors == 0 && IsEnglishOrdinalWord(line.Raw(j))) {
      start = j;
      continue;
    }
    if (line[j].number && connectors == 0) continue;  // "Smart Country 2025 Plan"
    // A leading "The" belongs to a title stated in parentheses or quotes.
    if (line.Raw(j) == "The" && connectors == 0 &&
        (j == 0 || line[j - 1].punct == '(' || ClosingQuote(line[j - 1].punct) != 0)) {
      start = j;
      break;
    }
    if (!IsEnglishNameWord(line, j) && !line[j].acronym) break;
    // An acronym or label before "of the …" is a reference ("CJC of the
    // Act"); before "and" it is a word of the name ("CHIPS and Science Act").
    if (line[j].acronym && connectors > 0 && !line.KeyIs(j + 1, "and")) break;
    // "the US Treasury Department's Office of Foreign Assets Control": a
    // body in the possessive owns the name that follows; it is a name of
    // its own, not the start of this one.
    if (line[j].possessive && EnglishHeadType(line, j)) break;
    start = j;
    connectors = 0;
    // "Singapore's Personal Data Protection Act": a possessive starts the
    // name, with all of the owner's name ("South Korea's …").
    if (line[j].possessive) {
      while (start > 0 && line.IsWord(start - 1) && line[start - 1].cap && !line[start - 1].possessive &&
             !EnglishDeterminers().count(line.Raw(start - 1))) {
        --start;
      }
      break;
    }
  }
  return start;
}

// After a comma in an English name: capitalised words, then "and" and a
// capitalised word ("Economy, Trade and Industry"), before anything else.
// "Ministry of Education, Culture, Research and Technology": more commas
// between capitalised words may come first.
bool EnglishListContinues(Line& line, size_t comma) {
  size_t i = comma + 1;
  if (!line.IsWord(i) || !line[i].cap) return false;
  for (; i < line.size() && i < comma + 10; ++i) {
    if (line.KeyIs(i, "and")) return line.IsWord(i + 1) && line[i + 1].cap;
    if (line.IsPunct(i, ',') && line.IsWord(i + 1) && line[i + 1].cap) continue;
    if (!line.IsWord(i) || !line[i].cap) return false;
  }
  return false;
}

// Heads whose name may go on after them with "of/on/for + capitalised
// words" ("Ministry of Defence", "Framework on Personal Data Protection").
// Laws only with "on" and a capitalised word straight after it ("Law on
// Cybersecurity", as Vietnamese laws are named in English): "Regulation of
// the European Parliament" and "Act on the …" are citations.
bool HeadTakesComplement(Line& line, size_t head, std::string_view type) {
  const std::string& next = line.Key(head + 1);
  // "Convention Against Trafficking in Persons", "Agreement Relating to
  // Supply Chain Resilience for Prosperity"
  // "Green Bond Principles of the International Capital Market
  // Association": after a set of standards "of" names who issued it.
  const std::string_view raw = line.Raw(head);
  if (raw == "Principles" || raw == "Standards" || raw == "Taxonomy") return next == "for" || next == "on";
  if (type != kLaw) {
    return next == "of" || next == "on" || next == "for" || next == "against" ||
           (next == "relating" && line.KeyIs(head + 2, "to"));
  }
  // "Law on the Harmonization of Tax Regulations": a law named in English
  // the Vietnamese and Cambodian way may take "the" before its subject.
  const size_t subject = raw == "Law" && line.KeyIs(head + 2, "the") ? head + 3 : head + 2;
  return next == "on" && line.IsWord(subject) && line[subject].cap && !line[subject].acronym &&
         !EnglishDeterminers().count(line.Raw(subject));
}

// The last piece of the English name whose head is at `head`: a year
// ("Act 2012", "Act of 2012"), or for non-laws an "of/on/for" complement
// of capitalised words ("Agency of Singapore", "Plan on ASEAN
// Connectivity 2025").
size_t EnglishNameEnd(Line& line, size_t head, std::string_view type) {
  size_t last = head;
  if (line[head].possessive) return last;
  // "Act 2012", "Act of 2012", "Strategy to 2040".
  auto trailing_year = [&](size_t at) {
    if (line.IsWord(at) && IsYear(line.Raw(at))) return at;
    // "Act of 2012" is a law's name; "Cebu Declaration of 2007" says when.
    if (((line.KeyIs(at, "of") && type == kLaw) || line.KeyIs(at, "to")) && line.IsWord(at + 1) &&
        IsYear(line.Raw(at + 1))) {
      return at + 1;
    }
    return size_t{0};
  };
  if (size_t y = trailing_year(head + 1)) return y;
  // "Republic Act No. 11641", "Law No. 69/2020/QH14": a numbered law.
  if (line.KeyIs(head + 1, "no") && line.IsPunct(head + 2, '.') && line.IsWord(head + 3) && line[head + 3].number) {
    return head + 3;
  }
  // "Vietnam National University, Hanoi signed …": a university's campus
  // city after a comma is part of its name (one or two capitalised words,
  // then the sentence going on in lower case).
  if ((line.Raw(head) == "University" || line.Raw(head) == "Universitas") && line.IsPunct(head + 1, ',') &&
      IsEnglishNameWord(line, head + 2) && !line[head + 2].possessive) {
    size_t city = head + 2;
    if (IsEnglishNameWord(line, city + 1) && !line[city + 1].possessive) ++city;
    if (line.IsWord(city + 1) && line[city + 1].lower && !IsEnglishConnector(line, city + 1)) return city;
  }
  if (!HeadTakesComplement(line, head, type)) return last;
  size_t i = line.KeyIs(head + 1, "relating") ? head + 3 : head + 2;
  if (line.KeyIs(i, "the")) ++i;
  size_t connectors = 0;
  for (; i < line.size(); ++i) {
    // "… Friendship and Cooperation in Tokyo": a place, not the name; but
    // "… Cooperation in Regional Payment Connectivity" goes on (a place is
    // rarely three capitalised words).
    // "… Strategy for Cooperation in the Indo-Pacific": a region with its
    // article is part of the name too.
    const bool region = line.Raw(i) == "in" && line.KeyIs(i + 1, "the") && line.IsWord(i + 2) && line[i + 2].cap &&
                        !EnglishDeterminers().count(line.Raw(i + 2));
    // "Trafficking in Persons": the fixed phrase, not a place.
    const bool in_persons = line.Raw(i) == "in" && line.IsWord(i + 1) && line.Raw(i + 1) == "Persons";
    if ((line.Raw(i) == "in" || line.Raw(i) == "at") && !region && !in_persons &&
        !(line.IsWord(i + 1) && line[i + 1].cap && line.IsWord(i + 2) && line[i + 2].cap && line.IsWord(i + 3) &&
          line[i + 3].cap)) {
      break;
    }
    // "Ministry of Economy, Trade and Industry": a list inside the name.
    if (line.IsPunct(i, ',') && EnglishListContinues(line, i)) continue;
    // "Law on Protection of Consumers' Rights": a plural possessive between
    // capitalised words of the title.
    if (!line.IsWord(i) && IsApostrophe(line[i].punct) && line.IsWord(i - 1) && line[i - 1].cap &&
        line.Raw(i - 1).back() == 's' && IsEnglishNameWord(line, i + 1)) {
      continue;
    }
    // "Law on Vietnamese Workers Working Abroad under Contract".
    const bool under = line.KeyIs(i, "under") && line.IsWord(i + 1) && line[i + 1].cap &&
                       !EnglishDeterminers().count(line.Raw(i + 1));
    // "… Trafficking in Persons Caused by the Abuse of Technology": "by"
    // after a capitalised participle of the title.
    const bool by = line.Raw(i) == "by" && i > 0 && line.IsWord(i - 1) && line[i - 1].cap &&
                    line.Raw(i - 1).size() > 3 && line.Raw(i - 1).substr(line.Raw(i - 1).size() - 2) == "ed";
    if (IsEnglishConnector(line, i) || under || by) {
      if (++connectors > 2) break;
      continue;
    }
    if (!(IsEnglishNameWord(line, i) || line[i].acronym || (line[i].number && connectors == 0 && i > head + 2))) break;
    // "… of the Republic of Korea and Vietnam's Ministry of …": a
    // possessive after a connector owns the next name.
    if (line[i].possessive && connectors > 0) {
      bool owns_a_body = false;
      for (size_t k = i + 1; k < line.size() && k <= i + 4 && line.IsWord(k) && line[k].cap && !owns_a_body; ++k) {
        owns_a_body = EnglishHeadType(line, k).has_value();
      }
      if (owns_a_body) break;
    }
    connectors = 0;
    last = i;
    if (line[i].possessive) return last;
  }
  if (size_t y = trailing_year(last + 1)) return y;
  return last;
}

// Whether the words of an English name other than its heads say which
// entity it is ("Personal Data Protection" does; "Principal", "Council" do not).
bool HasSpecificWord(Line& line, size_t first, size_t last) {
  // "Republic Act No. 11641": the number says which.
  if (last >= first + 2 && line.IsWord(last) && line[last].number && line.IsPunct(last - 1, '.') &&
      line.KeyIs(last - 2, "no")) {
    return true;
  }
  for (size_t i = first; i <= last; ++i) {
    if (!line.IsWord(i) || line[i].lower || line[i].number) continue;
    // "Police Force Act 2004": a force named before another head says
    // which one (the forces became heads after the law rules were written).
    static const std::unordered_set<std::string_view> kForces = {"Police", "Force", "Forces", "Army", "Navy", "Guard"};
    if (kForces.count(line.Raw(i))) {
      for (size_t k = i + 1; k <= last; ++k) {
        if (EnglishHeadType(line, k) && !kForces.count(line.Raw(k))) return true;
      }
    }
    if (EnglishHeadType(line, i)) continue;
    if (line[i].letters < 2) continue;
    if (EnglishGenericModifiers().count(line.Raw(i)) || EnglishDeterminers().count(line.Raw(i))) continue;
    return true;
  }
  return false;
}

// "Comprehensive Strategic Partnership": the level of two countries'
// relations, not a named initiative (like "Đối tác Chiến lược Toàn diện").
bool IsRelationshipLabel(Line& line, size_t first, size_t last) {
  static const std::unordered_set<std::string_view> kLevels = {
      "Comprehensive", "Strategic", "Enhanced", "Extensive", "Cooperative", "Global", "Special",
      "Upgraded", "Partnership"};
  for (size_t i = first; i <= last; ++i) {
    if (line.IsWord(i) && !kLevels.count(line.Raw(i))) return false;
  }
  return true;
}

}  // namespace

// "Operation HAECHI-IV", "Operation Storm Makers II": a police or military
// operation is named after the word, up to three capitalised words or
// acronyms.
// "Project Nexus" likewise names a project, "Exercise Balikatan" a military
// exercise, and "COP27" (a UN climate conference of the parties, by its
// number) a meeting.
void FindOperations(Line& line, std::vector<Candidate>& out) {
  for (size_t i = 0; i + 1 < line.size(); ++i) {
    const std::string_view raw = line.Raw(i);
    if (line.IsWord(i) && raw.size() >= 4 && raw.size() <= 5 && raw.substr(0, 3) == "COP" &&
        raw.find_first_not_of("0123456789", 3) == std::string_view::npos) {
      out.push_back(Proposed(i, i, i + 1, kEvent, kUnquotedHead));
      continue;
    }
    if (!line.IsWord(i) || (raw != "Operation" && raw != "Project" && raw != "Exercise")) continue;
    size_t last = i;
    for (size_t j = i + 1; j < line.size() && j <= i + 3; ++j) {
      if (!line.IsWord(j) || !(line[j].cap || line[j].acronym) || EnglishDeterminers().count(line.Raw(j))) break;
      last = j;
    }
    if (last == i) continue;
    out.push_back(Proposed(i, last, last + 1, line.Raw(i) == "Project" ? kProgramme : kEvent, kUnquotedHead));
  }
}

// "its Global Gateway strategy", "the Merdeka Belajar Kampus Merdeka
// policy", "its JENESYS programme (Japan-East Asia Network …)": capitalised
// words between a determiner and a lower-case word for a framework are that
// framework's name (the noun gives its type and is left out of the name). A
// lone acronym counts only with a translation in brackets after the noun.
void FindBeforeLowercaseKind(Line& line, std::vector<Candidate>& out) {
  static const std::unordered_map<std::string_view, std::string_view> kKinds = {
      {"strategy", kStrategy}, {"policy", kStrategy}, {"programme", kProgramme}, {"program", kProgramme},
      {"scheme", kProgramme}, {"project", kProgramme}, {"initiative", kInitiative}, {"plan", kPlan},
      {"masterplan", kPlan}, {"blueprint", kPlan}};
  static const std::unordered_set<std::string_view> kDeterminers = {"its", "their", "the", "his", "her", "our"};
  constexpr size_t kMaxWords = 6;
  for (size_t noun = 2; noun < line.size(); ++noun) {
    if (!line.IsWord(noun) || !line[noun].lower) continue;
    const auto kind = kKinds.find(line.Raw(noun));
    if (kind == kKinds.end()) continue;
    size_t first = noun;
    while (first > 0 && noun - first < kMaxWords && line.IsWord(first - 1) &&
           (IsEnglishNameWord(line, first - 1) || line[first - 1].acronym) && !EnglishHeadType(line, first - 1) &&
           !line[first - 1].possessive) {
      --first;
    }
    if (first == noun || first == 0 || !line.IsWord(first - 1)) continue;
    const bool determined = kDeterminers.count(line.Raw(first - 1)) > 0 || line[first - 1].possessive;
    if (!determined) continue;
    const size_t words = noun - first;
    const bool translated = line.IsPunct(noun + 1, '(') && line.IsWord(noun + 2) && line[noun + 2].cap &&
                            !IsLoneAcronym(line, noun + 2, noun + 2);
    if (words < 2 && !(line[first].acronym && translated)) continue;
    out.push_back(Proposed(first, noun - 1, noun + 1, kind->second, kQuotedWithoutHead));
  }
}

void FindEnglishHeaded(Line& line, std::vector<Candidate>& out) {
  FindOperations(line, out);
  FindBeforeLowercaseKind(line, out);
  size_t covered_until = 0;  // heads inside a name already found start no other
  for (size_t i = 0; i < line.size(); ++i) {
    const auto type = EnglishHeadType(line, i);
    if (!type || i < covered_until) continue;
    const size_t first = EnglishNameStart(line, i);
    const size_t last = EnglishNameEnd(line, i, *type);
    if (!HasSpecificWord(line, first, last) || IsRelationshipLabel(line, first, last)) continue;
    // "Service" names a body only with a complement ("… Service of Korea") or
    // a long name ("European External Action Service"); statutes use "Trust
    // Service", "Digital Service" for kinds of service.
    if (line.Raw(i) == "Service" && last == i && CountWords(line, first, last) < 4) continue;
    out.push_back(Proposed(first, last, last + 1, EnglishTypeOfRun(line, first, last).value_or(*type), kUnquotedHead));
    covered_until = last + 1;
  }
}

}  // namespace policygraph::indexer::discovery
