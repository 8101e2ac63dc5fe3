#include "indexer/discovery/english_words.h"

#include <unordered_map>

#include "indexer/discovery/name_types.h"

namespace policygraph::indexer::discovery {
namespace {

// English names end in one of these (case-sensitive: a head noun is
// capitalised inside a name).
const std::unordered_map<std::string_view, std::string_view>& EnglishHeads() {
  static const std::unordered_map<std::string_view, std::string_view> heads = {
      {"Act", kLaw}, {"Law", kLaw}, {"Regulation", kLaw}, {"Regulations", kLaw},
      {"Decree", kLaw}, {"Directive", kLaw}, {"Code", kLaw}, {"Ordinance", kLaw},
      {"Strategy", kStrategy}, {"Policy", kStrategy},
      {"Framework", kInitiative}, {"Agreement", kAgreement}, {"Treaty", kAgreement},
      {"Convention", kAgreement}, {"Charter", kAgreement}, {"Protocol", kAgreement},
      {"Memorandum", kAgreement}, {"Declaration", kAgreement}, {"Consensus", kAgreement},
      {"Accord", kAgreement}, {"Compact", kAgreement},
      // Soft-law instruments: "Green Bond Principles", "ASEAN Green Bond
      // Standards", "ASEAN Taxonomy for Sustainable Finance".
      {"Principles", kInitiative}, {"Standards", kInitiative}, {"Taxonomy", kInitiative},
      // More soft law and commitments: "ASEAN Guidelines on Online Dispute
      // Resolution", "ASEAN Guide on AI Governance and Ethics", "FATF
      // Recommendations", "Osaka Blue Ocean Vision", "Kigali Amendment",
      // "Enhanced Nationally Determined Contribution".
      {"Guidelines", kInitiative}, {"Guideline", kInitiative}, {"Guide", kInitiative},
      {"Recommendations", kInitiative}, {"Mechanism", kInitiative}, {"Commitment", kInitiative},
      {"Commitments", kInitiative}, {"Movement", kInitiative}, {"Vision", kStrategy}, {"Agenda", kPlan},
      {"Contribution", kPlan}, {"Amendment", kAgreement}, {"Amendments", kAgreement},
      {"Partnership", kInitiative}, {"Initiative", kInitiative}, {"Process", kRegionalOrg},
      {"Plan", kPlan}, {"Masterplan", kPlan}, {"Roadmap", kPlan}, {"Blueprint", kPlan},
      {"Programme", kProgramme}, {"Program", kProgramme}, {"Project", kProgramme},
      {"Scheme", kProgramme}, {"Facility", kProgramme}, {"Visa", kProgramme}, {"System", kProgramme},
      {"Forum", kEvent}, {"Dialogue", kEvent}, {"Summit", kEvent}, {"Conference", kEvent},
      {"Meeting", kEvent}, {"Week", kEvent},
      // Gatherings by their usual names: "SEA Games", "Busan International
      // Film Festival", "China-ASEAN Expo", "Shangri-La Dialogue" above.
      {"Games", kEvent}, {"Festival", kEvent}, {"Expo", kEvent}, {"Fair", kEvent},
      {"Exhibition", kEvent}, {"Symposium", kEvent}, {"Workshop", kEvent}, {"Congress", kEvent},
      {"Championships", kEvent}, {"Retreat", kEvent}, {"Roundtable", kEvent},
      {"Committee", kOrganization}, {"Council", kOrganization}, {"Centre", kOrganization},
      {"Center", kOrganization}, {"Agency", kOrganization}, {"Commission", kOrganization},
      {"Ministry", kOrganization}, {"Department", kOrganization}, {"Authority", kOrganization},
      {"Association", kOrganization}, {"Foundation", kOrganization}, {"Fund", kOrganization},
      {"Network", kOrganization}, {"Institute", kOrganization}, {"Bureau", kOrganization},
      {"Board", kOrganization}, {"Office", kOrganization}, {"Organisation", kOrganization},
      {"Organization", kOrganization}, {"Team", kOrganization}, {"Group", kOrganization},
      {"University", kOrganization}, {"Universitas", kOrganization}, {"Academy", kOrganization},
      {"College", kOrganization}, {"Scholarship", kProgramme}, {"Scholarships", kProgramme},
      {"Awards", kProgramme}, {"Fellowship", kProgramme}, {"Corporation", kOrganization},
      {"Bank", kOrganization}, {"Court", kOrganization}, {"Tribunal", kOrganization},
      {"Parliament", kOrganization}, {"Service", kOrganization}, {"Alliance", kOrganization},
      // Armed and police forces ("Karen National Army", "Philippine Coast
      // Guard", "Royal Malaysia Police").
      {"Army", kOrganization}, {"Navy", kOrganization}, {"Police", kOrganization}, {"Guard", kOrganization},
      {"Force", kOrganization}, {"Forces", kOrganization},
      // Bodies by other usual names: "BIS Innovation Hub", "High Ambition
      // Coalition to End Plastic Pollution", "High Level Panel for a
      // Sustainable Ocean Economy", "Asia Direct Cable Consortium". (Not
      // "Port": "China Merchants Port Holdings" goes on past it.)
      {"Hub", kOrganization}, {"Coalition", kOrganization}, {"Panel", kOrganization},
      {"Consortium", kOrganization},
  };
  return heads;
}

// Little words allowed inside an English name, between capitalised words.
const std::unordered_set<std::string_view>& EnglishConnectors() {
  // "a" as in "High Level Panel for a Sustainable Ocean Economy", "Alliance
  // for a Green Revolution in Africa".
  static const std::unordered_set<std::string_view> words = {"of", "on", "for", "and", "the", "in", "with", "&", "to", "a"};
  return words;
}

const std::unordered_set<std::string_view>& EnglishOrdinals() {
  static const std::unordered_set<std::string_view> words = {
      "First", "Second", "Third", "Fourth", "Fifth", "Sixth", "Seventh", "Eighth", "Ninth",
      "Tenth", "Eleventh", "Twelfth",
  };
  return words;
}

}  // namespace

const std::unordered_set<std::string_view>& EnglishDeterminers() {
  static const std::unordered_set<std::string_view> words = {
      "The", "This", "That", "These", "Those", "A", "An", "Any", "Each", "Every", "Such", "No",
      "Our", "Its", "Their", "His", "Her", "Under", "In", "Of", "For", "By", "To", "From",
      "With", "Within", "Where", "When", "While", "If", "Whether", "Notwithstanding", "Subject",
      "Section", "Sections", "Part", "Parts", "Article", "Articles", "Chapter", "Division",
      "Subdivision", "Schedule", "Annex", "Paragraph", "Clause", "Item", "Recital", "Table",
      "Title", "Note", "See", "As", "At", "On", "Upon", "After", "Before", "And", "Or", "But",
      "Also", "Both", "All", "Pursuant", "Without", "Unless", "Until", "Regarding", "Having",
      "Whereas", "Accordingly", "Moreover", "However", "Furthermore", "Thus", "Therefore",
      "Only", "Was", "Is", "Are", "Were", "Be", "Has", "Have", "It", "They", "We", "I", "You",
      "He", "She", "Then", "There", "Here", "Other", "Same", "Said", "Every", "Each",
  };
  return words;
}

bool IsEnglishOrdinalWord(std::string_view raw) {
  if (EnglishOrdinals().count(raw)) return true;
  size_t digits = 0;
  while (digits < raw.size() && raw[digits] >= '0' && raw[digits] <= '9') ++digits;
  if (digits == 0 || digits > 3 || raw.size() != digits + 2) return false;
  const std::string_view suffix = raw.substr(digits);
  return suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th";
}

std::optional<std::string_view> EnglishHeadType(Line& line, size_t i) {
  // "The ASEAN-Australia Counter Trafficking programme (ASEAN-ACT)": a
  // lower-case programme noun after a capitalised word heads a name when
  // the name's acronym follows in brackets.
  if (line.IsWord(i) && line[i].lower && i > 0 && line.IsWord(i - 1) && (line[i - 1].cap || line[i - 1].acronym) &&
      line.IsPunct(i + 1, '(') && line.IsWord(i + 2) && line[i + 2].acronym) {
    static const std::unordered_map<std::string_view, std::string_view> kLowerHeads = {
        {"programme", kProgramme}, {"program", kProgramme}, {"project", kProgramme}, {"initiative", kInitiative}};
    if (auto it = kLowerHeads.find(line.Raw(i)); it != kLowerHeads.end()) return it->second;
  }
  if (!line.IsWord(i) || !line[i].cap || line[i].acronym || !line[i].ascii) return std::nullopt;
  // "ASEAN-China Free Trade Area": a free-trade area is the agreement that
  // sets it up, as "khu vực thương mại tự do" is in Vietnamese.
  if (line.Raw(i) == "Area" && i >= 2 && line.IsWord(i - 1) && line.Raw(i - 1) == "Trade" && line.IsWord(i - 2) &&
      line.Raw(i - 2) == "Free") {
    return kAgreement;
  }
  // "Code of Conduct in the South China Sea": an agreement, not a statute.
  if (line.Raw(i) == "Code" && line.KeyIs(i + 1, "of") && line.IsWord(i + 2) && line.Raw(i + 2) == "Conduct") {
    return kAgreement;
  }
  const auto& heads = EnglishHeads();
  const auto it = heads.find(line.Raw(i));
  if (it == heads.end()) return std::nullopt;
  return it->second;
}

bool IsEnglishConnector(Line& line, size_t i) {
  return line.IsWord(i) && line[i].lower && EnglishConnectors().count(line.Key(i));
}

bool IsEnglishNameWord(Line& line, size_t i) {
  if (!line.IsWord(i) || !line[i].cap) return false;
  // "G20", "G7": one capital and digits name a group.
  if (line[i].letters < 2 && !(line[i].letters == 1 && line.Raw(i).size() > 1 && line[i].ascii)) return false;
  return !EnglishDeterminers().count(line.Raw(i));
}

std::optional<std::string_view> EnglishTypeOfRun(Line& line, size_t first, size_t last) {
  size_t end = last;
  while (end > first && line.IsWord(end) && line[end].number) --end;
  if (const auto final_head = EnglishHeadType(line, end); final_head == kLaw) return final_head;
  std::optional<std::string_view> type;
  for (size_t i = first; i <= last; ++i) {
    const auto head = EnglishHeadType(line, i);
    if (!head) continue;
    const std::string& next = line.Key(i + 1);
    if (i + 1 <= last && (next == "of" || next == "on" || next == "for")) return head;
    type = head;
  }
  return type;
}

}  // namespace policygraph::indexer::discovery
