#include "indexer/discovery/instrument_versions.h"

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>

#include "indexer/discovery/english_words.h"
#include "indexer/discovery/name_types.h"

namespace policygraph::indexer::discovery {
namespace {

bool IsFramework(std::string_view type) {
  return type == kLaw || type == kAgreement || type == kStrategy || type == kPlan || type == kProgramme ||
         type == kInitiative;
}

// Whether pieces [first, last] hold a capitalised word after their first
// word, or are long: what is left of a name without its version must still pick one
// thing out ("Luật Giao dịch điện tử", not "Luật").
bool SpecificWithout(const Line& line, size_t first, size_t last) {
  if (last <= first) return false;
  // A long title picks one thing out in lower case too ("Công ước về bảo vệ
  // di sản văn hóa và thiên nhiên thế giới").
  constexpr size_t kLongTitleWords = 8;
  if (CountWords(line, first, last) >= kLongTitleWords) return true;
  for (size_t k = first + 1; k <= last; ++k) {
    if (line.IsWord(k) && (line[k].cap || line[k].acronym)) return true;
  }
  return false;
}

void AddVariant(const Line& line, Candidate& c, size_t first, size_t last) {
  // "Indonesia's Consumer Protection Law of 1999" goes on as "the Consumer
  // Protection Law": the owner goes with the version.
  if (line[first].possessive && first < last) ++first;
  while (first < last && !line.IsWord(first)) ++first;
  if (!SpecificWithout(line, first, last)) return;
  c.variants.push_back(TextOf(line, first, last));
}

// "sửa đổi" (amended) at `i`, as a qualifier of the law before it rather
// than the verb: what follows is the end of the clause, a year, or a stop
// word; "sửa đổi quy định …", "sửa đổi Luật …" are the verb with its object.
std::optional<size_t> AmendedAt(Line& line, size_t i, const VietnameseLists& lists) {
  if (!line.KeyIs(i, "sửa") || !line.KeyIs(i + 1, "đổi") || !line[i].lower) return std::nullopt;
  size_t last = i + 1;
  if (line.KeyIs(last + 1, "năm") && line.IsWord(last + 2) && IsRecentYear(line.Raw(last + 2))) return last + 2;
  if (!line.IsWord(last + 1)) {
    // ", bổ sung" after it is the verb pair of an amending law's title.
    if (line.IsPunct(last + 1, ',') && line.KeyIs(last + 2, "bổ")) return std::nullopt;
    return last;
  }
  // Function words only: "quy định", "hướng dẫn" after it may be its object.
  static const std::unordered_set<std::string_view> kClauseWords = {
      "đã", "sẽ", "đang", "được", "bị", "có", "là", "do", "cho", "với", "nhằm", "để", "tại", "trong", "từ",
      "theo", "thuộc", "của", "này", "đó", "khi", "nếu", "mà", "thì", "vì", "nên", "hoặc", "hay", "cũng",
      "đều", "vẫn", "còn", "rằng", "ngày", "tháng", "qua", "sau", "ở", "trước", "như", "cùng", "nhưng",
      "không", "chưa", "và", "vừa", "mới", "sắp"};
  if (line[last + 1].lower && IsVietnameseStop(line, last + 1, lists) && kClauseWords.count(line.Key(last + 1))) {
    return last;
  }
  // "vừa", "mới" (just), "sắp" (about to) are no stop words but start the clause.
  if (line[last + 1].lower && (line.KeyIs(last + 1, "vừa") || line.KeyIs(last + 1, "mới") || line.KeyIs(last + 1, "sắp") ||
                               line.KeyIs(last + 1, "và"))) {
    return last;
  }
  return std::nullopt;
}

// "(sửa đổi)", "(sửa đổi, bổ sung)" at `open`: the closing parenthesis.
std::optional<size_t> BracketedAmendment(Line& line, size_t open) {
  if (!line.IsPunct(open, '(') || !line.KeyIs(open + 1, "sửa") || !line.KeyIs(open + 2, "đổi")) return std::nullopt;
  if (line.IsPunct(open + 3, ')')) return open + 3;
  if (line.IsPunct(open + 3, ',') && line.KeyIs(open + 4, "bổ") && line.KeyIs(open + 5, "sung") &&
      line.IsPunct(open + 6, ')')) {
    return open + 6;
  }
  return std::nullopt;
}

void AttachVietnameseVersion(Line& line, Candidate& c, const VietnameseLists& lists) {
  // A year inside the name with only lower-case words after it: "Luật
  // Chuyển giao công nghệ năm 2017 từng …" – the year ends the name.
  for (size_t k = c.first + 1; k + 1 <= c.last; ++k) {
    if (!line.KeyIs(k, "năm") || !IsRecentYear(line.Raw(k + 1)) || k + 1 == c.last) continue;
    // "Công ước năm 2003 về bảo vệ …": the subject follows the year.
    if (line.KeyIs(k + 2, "về")) continue;
    bool lower_tail = true;
    for (size_t t = k + 2; t <= c.last && lower_tail; ++t) lower_tail = !line.IsWord(t) || line[t].lower;
    if (!lower_tail) continue;
    c.last = k + 1;
    c.next = k + 2;
    c.trusted = true;
    c.other_ends.clear();
    c.confidence = std::max(c.confidence, kUnquotedHead);
    break;
  }
  // "… về miễn thị thực ký năm 2006": "ký" (signed) and when or where
  // is the sentence going on.
  for (size_t k = c.first + 2; k < c.last; ++k) {
    if (!line.KeyIs(k, "ký") || !line[k].lower || !line[k - 1].lower || line.KeyIs(k - 1, "đăng")) continue;
    if (!(line.KeyIs(k + 1, "năm") || line.KeyIs(k + 1, "ngày") || line.KeyIs(k + 1, "tháng") ||
          line.KeyIs(k + 1, "tại") || line.KeyIs(k + 1, "vào") || line.KeyIs(k + 1, "với") || line.KeyIs(k + 1, "giữa"))) {
      continue;
    }
    c.last = k - 1;
    c.next = k;
    c.trusted = true;
    c.other_ends.clear();
    break;
  }
  const size_t name_last = c.last;
  if (c.type == kLaw) {
    if (auto close = BracketedAmendment(line, c.last + 1)) {
      c.last = *close;
    } else if (auto amended = AmendedAt(line, c.last + 1, lists)) {
      c.last = *amended;
    }
    if (c.last != name_last) {
      c.next = c.last + 1;
      c.trusted = true;
      c.other_ends.clear();
      c.confidence = std::max(c.confidence, kUnquotedHead);
      AddVariant(line, c, c.first, name_last);
      return;
    }
  }
  // "Luật Khoa học và Công nghệ năm 2013": the name without its year.
  // ("… đến năm 2030" is a horizon, not a version.)
  if (c.last >= c.first + 3 && line.KeyIs(c.last - 1, "năm") && IsRecentYear(line.Raw(c.last)) &&
      !line.KeyIs(c.last - 2, "đến") && !line.KeyIs(c.last - 2, "tới")) {
    AddVariant(line, c, c.first, c.last - 2);
  }
}

void AttachEnglishVersion(Line& line, Candidate& c) {
  // "Critical Minerals Strategy 2023–2030": a period after the name.
  if (IsRecentYear(line.Raw(c.last)) && line.IsWord(c.last) && c.last + 2 < line.size() &&
      IsDash(line[c.last + 1].punct) && line.IsWord(c.last + 2) && IsRecentYear(line.Raw(c.last + 2))) {
    c.last += 2;
    c.next = c.last + 1;
    return;
  }
  if (c.type != kLaw) return;
  // "Competition Act 2004", "Consumer Protection Law of 1999": the law
  // without its year ("Competition Act" is shared by two such acts and then
  // names neither).
  if (line.IsWord(c.last) && IsRecentYear(line.Raw(c.last)) && c.last >= c.first + 2) {
    size_t end = c.last - 1;
    if (line.KeyIs(end, "of")) --end;
    // "Law on Tax Administration of 2019" as well as "Competition Act 2004".
    const bool headed = EnglishHeadType(line, end) || EnglishHeadType(line, c.first) ||
                        (line[c.first].possessive && EnglishHeadType(line, c.first + 1));
    if (end > c.first && line.IsWord(end) && headed) AddVariant(line, c, c.first, end);
  }
}

}  // namespace

void AttachVersion(Line& line, Candidate& c, const VietnameseLists& lists) {
  if (!IsFramework(c.type) || c.quoted || !line.IsWord(c.first) || !line.IsWord(c.last)) return;
  size_t head_length = 0;
  if (VietnameseHeadAt(line, c.first, lists, &head_length) != nullptr) {
    AttachVietnameseVersion(line, c, lists);
  } else if (line[c.first].ascii) {
    AttachEnglishVersion(line, c);
  }
}

void FindAmendmentActs(Line& line, std::vector<Candidate>& out) {
  for (size_t open = 1; open + 3 < line.size(); ++open) {
    if (!line.IsPunct(open, '(') || !line.IsWord(open + 1) || line.Raw(open + 1) != "Amendment") continue;
    size_t close = open + 2;
    // "(Amendment No. 2)"
    while (close < line.size() && close < open + 6 && !line.IsPunct(close, ')')) ++close;
    if (!line.IsPunct(close, ')')) continue;
    const size_t head = close + 1;
    const auto type = EnglishHeadType(line, head);
    if (!type || *type != kLaw) continue;
    size_t first = open;
    while (first > 0 && IsEnglishNameWord(line, first - 1) && !line[first - 1].possessive) --first;
    if (first == open) continue;
    size_t last = head;
    if (line.IsWord(head + 1) && IsRecentYear(line.Raw(head + 1))) last = head + 1;
    Candidate c = Proposed(first, last, last + 1, kLaw, kUnquotedHead);
    // "Singapore's Intellectual Property (Amendment) Act 2022": the owner
    // before it, as the English head rule takes it.
    if (first > 0 && line.IsWord(first - 1) && line[first - 1].possessive && line[first - 1].cap) {
      c.aliases.push_back(TextOf(line, first, last));
      c.first = first - 1;
    }
    out.push_back(std::move(c));
  }
}

}  // namespace policygraph::indexer::discovery
