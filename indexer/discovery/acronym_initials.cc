#include "indexer/discovery/acronym_initials.h"

#include <unicode/normalizer2.h>

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "indexer/discovery/english_words.h"
#include "indexer/discovery/name_types.h"

namespace policygraph::indexer::discovery {
namespace {

// A letter upper-cased and without diacritics (ệ → E, Đ → D), so that
// initials and acronyms compare whatever their accents.
char32_t BaseUpper(UChar32 c) {
  if (c == 0x0110 || c == 0x0111) return U'D';
  if (c >= 0x80) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
    icu::UnicodeString decomposed;
    if (U_SUCCESS(status) && nfd->getDecomposition(c, decomposed) && decomposed.length() > 0) {
      c = decomposed.char32At(0);
    }
  }
  return static_cast<char32_t>(u_toupper(c));
}

// The acronym's capital letters ("VNCERT/CC" → VNCERTCC, "NĐ-CP" → NDCP).
std::u32string AcronymLetters(std::string_view raw) {
  std::u32string letters;
  for (size_t i = 0; i < raw.size();) {
    const UChar32 c = NextCodePoint(raw, i);
    if (IsUpper(c)) letters.push_back(BaseUpper(c));
  }
  return letters;
}

char32_t Initial(std::string_view raw) {
  size_t i = 0;
  return BaseUpper(NextCodePoint(raw, i));
}

// Whether words [from, to) (capitalised words and connectors) spell
// `letters`: each capitalised word gives its initial, a connector gives its
// initial or nothing.
bool SpellsAcronym(Line& line, size_t from, size_t to, std::u32string_view letters) {
  if (from == to) return letters.empty();
  if (IsEnglishConnector(line, from) || (line.IsWord(from) && line[from].lower)) {
    if (SpellsAcronym(line, from + 1, to, letters)) return true;
  }
  if (letters.empty() || Initial(line.Raw(from)) != letters.front()) return false;
  return SpellsAcronym(line, from + 1, to, letters.substr(1));
}

// A lower-case noun that says what kind of thing the name before it is
// ("the ESD system", "the TRIANGLE in ASEAN programme").
std::optional<std::string_view> LowercaseKindNoun(Line& line, size_t i) {
  static const std::unordered_map<std::string_view, std::string_view> nouns = {
      {"system", kProgramme}, {"scheme", kProgramme}, {"programme", kProgramme}, {"program", kProgramme},
      {"project", kProgramme}, {"visa", kProgramme}, {"plan", kPlan}, {"strategy", kStrategy},
      {"policy", kStrategy}, {"framework", kAgreement}, {"agreement", kAgreement}, {"treaty", kAgreement},
      {"initiative", kInitiative}, {"partnership", kInitiative}, {"law", kLaw}, {"act", kLaw},
      {"summit", kEvent}, {"forum", kEvent}, {"conference", kEvent},
  };
  if (!line.IsWord(i) || !line[i].lower) return std::nullopt;
  auto it = nouns.find(line.Raw(i));
  if (it == nouns.end()) return std::nullopt;
  return it->second;
}

}  // namespace

void FindAcronymInitials(Line& line, const VietnameseLists& lists, const std::vector<bool>& name_ends_before,
                         std::vector<Candidate>& out) {
  for (size_t open = 1; open + 2 < line.size(); ++open) {
    if (line[open].punct != '(' || name_ends_before[open]) continue;
    const size_t acronym = open + 1;
    if (!line.IsWord(acronym) || !line[acronym].acronym || line.Raw(acronym).size() > 10) continue;
    if (!line.IsPunct(acronym + 1, ')')) continue;
    const std::u32string letters = AcronymLetters(line.Raw(acronym));
    if (letters.size() < 2) continue;
    // The run before '(' of capitalised words and connectors, at most a
    // few more words than the acronym has letters.
    size_t from = open;
    // Short lower-case particles of other languages count as connectors
    // ("Bangko Sentral ng Pilipinas (BSP)", "Bank Pembangunan dan …").
    while (from > 0 && open - from < letters.size() + 4 && line.IsWord(from - 1) &&
           (line[from - 1].cap || IsEnglishConnector(line, from - 1) ||
            (line[from - 1].lower && line.Raw(from - 1).size() <= 3))) {
      --from;
    }
    for (size_t start = from; start + 2 <= open; ++start) {
      if (!line[start].cap || EnglishDeterminers().count(line.Raw(start))) continue;
      if (!SpellsAcronym(line, start, open, letters)) continue;
      Candidate c;
      c.first = start;
      c.last = open - 1;
      c.next = open;
      size_t head_length = 0;
      const Head* head = VietnameseHeadAt(line, start, lists, &head_length);
      // "Employment for Skill Development (ESD) system": the noun after the
      // parenthesis says what kind of thing the run names.
      c.type = head ? head->type
                    : EnglishTypeOfRun(line, start, open - 1)
                          .value_or(LowercaseKindNoun(line, acronym + 2).value_or(kOrganization));
      c.confidence = kAcronymInitials;
      out.push_back(std::move(c));
      break;
    }
  }
}

}  // namespace policygraph::indexer::discovery
