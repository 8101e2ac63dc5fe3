#include "indexer/discovery/numbered_instruments.h"

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "indexer/discovery/english_words.h"
#include "indexer/discovery/name_types.h"

namespace policygraph::indexer::discovery {
namespace {

struct NumberedHead {
  std::vector<std::string_view> words;  // keys
  std::string_view type;
};

// Vietnamese heads of instruments that are issued with a number. Plans and
// programmes are numbered too ("Kế hoạch số 81/KH-UBND", "Chương trình
// 135"); a treaty only exceptionally ("Hiệp định 123", named after the
// section of the US law that requires it).
const std::vector<NumberedHead>& VietnameseNumberedHeads() {
  static const std::vector<NumberedHead> heads = {
      {{"thông", "tư", "liên", "tịch"}, kLaw}, {{"nghị", "định"}, kLaw}, {{"quyết", "định"}, kLaw},
      {{"chỉ", "thị"}, kLaw}, {{"thông", "tư"}, kLaw}, {{"nghị", "quyết"}, kLaw},
      // "Sắc lệnh hành pháp 14257": a US executive order, numbered as such.
      {{"sắc", "lệnh", "hành", "pháp"}, kLaw}, {{"sắc", "lệnh"}, kLaw},
      {{"pháp", "lệnh"}, kLaw}, {{"bộ", "luật"}, kLaw}, {{"luật"}, kLaw}, {{"lệnh"}, kLaw},
      {{"công", "văn"}, kLaw}, {{"công", "điện"}, kLaw}, {{"đề", "án"}, kProgramme},
      {{"kế", "hoạch"}, kPlan}, {{"chương", "trình"}, kProgramme}, {{"hiệp", "định"}, kAgreement},
  };
  return heads;
}

// English heads of numbered instruments, as written.
const std::unordered_map<std::string_view, std::string_view>& EnglishNumberedHeads() {
  static const std::unordered_map<std::string_view, std::string_view> heads = {
      {"Law", kLaw}, {"Act", kLaw}, {"Decree", kLaw}, {"Decision", kLaw}, {"Resolution", kLaw},
      {"Regulation", kLaw}, {"Regulations", kLaw}, {"Circular", kLaw}, {"Directive", kLaw},
      {"Instruction", kLaw}, {"Order", kLaw}, {"Ordinance", kLaw}, {"Proclamation", kLaw},
  };
  return heads;
}

// An instrument's number: digits, or a document number with its series
// ("13/2023/NĐ-CP", "57-NQ/TW", "117/2025", "3-2025").
bool IsInstrumentNumber(const Line& line, size_t i) {
  if (!line.IsWord(i) || !line[i].number) return false;
  const std::string_view raw = line.Raw(i);
  const bool digits = raw.find_first_not_of("0123456789") == std::string_view::npos;
  if (digits) return raw.size() <= 5;
  return raw.find('/') != std::string_view::npos || raw.find('-') != std::string_view::npos;
}

bool AllDigits(std::string_view raw) { return raw.find_first_not_of("0123456789") == std::string_view::npos; }

// The Vietnamese numbered head starting at `i` (capitalised), or nullptr.
const NumberedHead* VietnameseHeadAtPiece(Line& line, size_t i, size_t* length) {
  if (!line.IsWord(i) || !line[i].cap || line[i].acronym) return nullptr;
  for (const auto& head : VietnameseNumberedHeads()) {
    size_t n = 0;
    while (n < head.words.size() && line.KeyIs(i + n, head.words[n])) ++n;
    if (n == head.words.size()) {
      *length = n;
      return &head;
    }
  }
  return nullptr;
}

// The last piece of an instrument's subject starting at `from` (after
// "về"): words up to punctuation, a stop word, "và" or the line's end,
// within a few words; nullopt when it does not end that clearly (the
// sentence may have gone on without a mark).
std::optional<size_t> SubjectEnd(Line& line, size_t from, const VietnameseLists& lists) {
  constexpr size_t kMaxSubjectWords = 12;
  size_t k = from;
  while (line.IsWord(k) && k < from + kMaxSubjectWords && !IsVietnameseStop(line, k, lists) && !line.KeyIs(k, "và")) {
    ++k;
  }
  if (k == from || (line.IsWord(k) && k == from + kMaxSubjectWords)) return std::nullopt;
  return k - 1;
}

// "Nghị định (số) 13/2023/NĐ-CP (năm 2023)".
void FindVietnamese(Line& line, const VietnameseLists& lists, std::vector<Candidate>& out) {
  for (size_t i = 0; i < line.size(); ++i) {
    size_t length = 0;
    const NumberedHead* head = VietnameseHeadAtPiece(line, i, &length);
    if (head == nullptr) continue;
    size_t k = i + length;
    const bool so = line.KeyIs(k, "số");
    if (so) ++k;
    if (!IsInstrumentNumber(line, k)) continue;
    const std::string_view number = line.Raw(k);
    // "Kế hoạch 2021-2025": a period, not a number.
    if (!so && IsYear(number)) continue;
    if (AllDigits(number)) {
      // "Luật 2005": a year. "Kế hoạch 5 năm": a duration. A plain number
      // names the instrument only after "số" or before the sentence goes on.
      if (!so && IsRecentYear(number)) continue;
      if (!so && line.IsWord(k + 1) && !IsVietnameseStop(line, k + 1, lists) && !line.KeyIs(k + 1, "về")) continue;
    }
    size_t last = k;
    // "Luật số 27 năm 2022": the year of a numbered law is part of its citation.
    if (line.KeyIs(last + 1, "năm") && line.IsWord(last + 2) && IsRecentYear(line.Raw(last + 2))) last += 2;
    const size_t citation_end = last;
    // "Nghị định 13/2023/NĐ-CP về bảo vệ dữ liệu cá nhân, …": the subject
    // after "về", up to a clear end, is the instrument's title.
    if (line.KeyIs(last + 1, "về")) {
      if (auto title_end = SubjectEnd(line, last + 2, lists)) last = *title_end;
    }
    Candidate c = Proposed(i, last, last + 1, head->type, kUnquotedHead);
    if (last != citation_end) c.aliases.push_back(TextOf(line, i, citation_end));
    if (so) {
      std::string without = TextOf(line, i, i + length - 1) + " " + TextOf(line, k, citation_end);
      c.aliases.push_back(std::move(without));
    }
    out.push_back(std::move(c));
    i = last;
  }
}

// Capitalised words before an English head that belong to the instrument's
// name ("Republic Act", "Minister of Finance Regulation", "Security
// Council Resolution"), with one "of" between two of them.
size_t EnglishStart(Line& line, size_t head) {
  size_t start = head;
  for (size_t j = head; j-- > 0;) {
    if (IsEnglishNameWord(line, j) || (line.IsWord(j) && line[j].acronym)) {
      if (line[j].possessive) break;  // "Indonesia's Regulation …": the owner
      start = j;
      continue;
    }
    if (line.KeyIs(j, "of") && j > 0 && start == j + 1 && IsEnglishNameWord(line, j - 1) && !line[j - 1].possessive) {
      continue;
    }
    break;
  }
  return start;
}

// "Law No. 5 of 1999", "Decree 08/2022/ND-CP", "Resolution 2669",
// "Regulation No. 31 of 2023", "Law No. 4 of 2009 on Mineral and Coal Mining".
void FindEnglish(Line& line, std::vector<Candidate>& out) {
  for (size_t i = 0; i + 1 < line.size(); ++i) {
    if (!line.IsWord(i) || !line[i].cap) continue;
    const auto head = EnglishNumberedHeads().find(line.Raw(i));
    if (head == EnglishNumberedHeads().end()) continue;
    size_t k = i + 1;
    const bool no = line.KeyIs(k, "no") || line.KeyIs(k, "number");
    if (no) k += line.IsPunct(k + 1, '.') ? 2 : 1;
    if (!IsInstrumentNumber(line, k)) continue;
    const std::string_view number = line.Raw(k);
    // "Act 2012" is a law of 2012 (the English head rule reads it).
    if (!no && IsRecentYear(number)) continue;
    // "Decision 2 of the Committee": a plain small number is a part of a
    // document unless "No." says it is an instrument's number.
    // An executive order is only ever cited by its number ("Executive Order
    // 62"): no part of a document is called that.
    const bool executive_order = line.Raw(i) == "Order" && i > 0 && line.IsWord(i - 1) && line.Raw(i - 1) == "Executive";
    if (!no && !executive_order && AllDigits(number) && number.size() < 3) continue;
    size_t last = k;
    if (line.KeyIs(last + 1, "of") && line.IsWord(last + 2) && IsRecentYear(line.Raw(last + 2))) last += 2;
    const size_t citation_end = last;
    // A law's title after its citation: "on" and capitalised words.
    if (line.KeyIs(last + 1, "on") && IsEnglishNameWord(line, last + 2)) {
      size_t t = last + 2;
      size_t title_end = t;
      for (; t < line.size(); ++t) {
        if (IsEnglishNameWord(line, t) && !line[t].possessive) {
          title_end = t;
          continue;
        }
        if ((line.KeyIs(t, "and") || line.KeyIs(t, "of") || line.KeyIs(t, "the")) && IsEnglishNameWord(line, t + 1)) {
          continue;
        }
        break;
      }
      last = title_end;
    }
    const size_t first = EnglishStart(line, i);
    Candidate c = Proposed(first, last, last + 1, head->second, kUnquotedHead);
    if (last != citation_end) c.aliases.push_back(TextOf(line, first, citation_end));
    if (no) {
      std::string without = TextOf(line, first, i) + " " + TextOf(line, k, citation_end);
      c.aliases.push_back(std::move(without));
    }
    out.push_back(std::move(c));
    i = last;
  }
}

}  // namespace

void FindNumberedInstruments(Line& line, const VietnameseLists& lists, std::vector<Candidate>& out) {
  FindVietnamese(line, lists, out);
  FindEnglish(line, out);
}

}  // namespace policygraph::indexer::discovery
