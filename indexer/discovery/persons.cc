#include "indexer/discovery/persons.h"

#include <algorithm>
#include <iterator>
#include <string>
#include <string_view>
#include <unordered_set>

#include "indexer/discovery/english_words.h"

namespace policygraph::indexer::discovery {
namespace {

// Common Vietnamese family names: a capitalised run that starts with one
// after an office title ("Bộ trưởng Bộ Công Thương Nguyễn Hồng Diên") is a
// person, not more of the ministry's name.
constexpr const char* kVietnameseSurnames[] = {
    "nguyễn", "trần", "lê",   "phạm",  "hoàng", "huỳnh", "phan", "vũ",   "võ",    "đặng", "bùi",
    "đỗ",     "hồ",   "ngô",  "dương", "lý",    "tô",    "đinh", "trịnh", "lương", "mai",  "đào",
    "cao",    "lâm",  "tạ",   "hà",    "vương", "chu",   "đoàn", "thái",  "tăng",  "lưu",  "trương",
};

// English titles before a person's name.
const std::unordered_set<std::string_view>& EnglishPersonTitles() {
  static const std::unordered_set<std::string_view> words = {
      "President", "Minister", "Chancellor", "Premier", "King", "Queen", "Ambassador", "Secretary", "Senator",
      "Governor", "Chairman", "Chairwoman", "Commissioner", "Secretary-General", "Director-General"};
  return words;
}

constexpr double kPersonAfterTitle = 0.6;

// English nouns for a person's role, written in lower case beside a name.
const std::unordered_set<std::string_view>& EnglishRoles() {
  static const std::unordered_set<std::string_view> words = {
      "director", "minister", "secretary", "president", "chairman", "chairwoman", "chairperson", "chief",
      "head", "ambassador", "governor", "spokesperson", "spokesman", "spokeswoman", "commissioner", "envoy",
      "representative", "adviser", "advisor", "leader", "founder", "coordinator"};
  return words;
}

// Two or three capitalised Latin words from `i` that can be a person's name
// (no determiner, head noun, acronym or possessive); the last piece, or 0.
size_t LatinNameRun(Line& line, size_t i) {
  size_t last = i;
  while (last < line.size() && last < i + 3 && line.IsWord(last) && line[last].cap && line[last].ascii &&
         !line[last].acronym && !line[last].possessive && !EnglishDeterminers().count(line.Raw(last)) &&
         !EnglishHeadType(line, last)) {
    ++last;
  }
  return last - i < 2 ? 0 : last - 1;
}

// "Lee Yam Ming, the AHA Centre's executive director, …": two or three
// capitalised Latin words, then a comma and, within a few words, a role.
// Returns the name's last piece, or 0.
size_t PersonBeforeRole(Line& line, size_t i) {
  const auto& kRoles = EnglishRoles();
  if (i > 0 && line.IsWord(i - 1) && (line[i - 1].cap || line[i - 1].number)) return 0;
  size_t last = i;
  while (last < line.size() && last < i + 3 && line.IsWord(last) && line[last].cap && line[last].ascii &&
         !line[last].acronym && !line[last].possessive && !EnglishDeterminers().count(line.Raw(last)) &&
         !EnglishHeadType(line, last)) {
    ++last;
  }
  if (last - i < 2 || !line.IsPunct(last, ',')) return 0;
  // "Member State, including a representative of …": a clause, not an
  // apposition; only determiners, owners and describing words come before
  // the role.
  static const std::unordered_set<std::string_view> kClauseWords = {
      "including", "and", "or", "with", "for", "of", "to", "by", "in", "on", "as", "which", "who", "that"};
  for (size_t k = last + 1; k < line.size() && k <= last + 7; ++k) {
    if (!line.IsWord(k)) return 0;
    if (line[k].lower && kRoles.count(line.Raw(k))) return last - 1;
    if (line[k].lower && kClauseWords.count(line.Raw(k))) return 0;
  }
  return 0;
}

// "…, its leader, Saw Chit Thu, …": a role, a comma, then two or three
// capitalised Latin words closed by punctuation. Returns the name's last
// piece, or 0.
size_t PersonAfterRole(Line& line, size_t i) {
  if (i < 2 || !line.IsPunct(i - 1, ',') || !line.IsWord(i - 2) || !line[i - 2].lower ||
      !EnglishRoles().count(line.Raw(i - 2))) {
    return 0;
  }
  const size_t last = LatinNameRun(line, i);
  if (last == 0 || line.IsWord(last + 1)) return 0;
  return last;
}

// "Ông Morikawa Shinji", "bà Trần Thị B", "PGS.TS Nguyễn Văn Lâm", "TS.
// Lê Văn C", "Tiến sĩ Anoulak Kittikhoun": a form of address or an
// academic title right before a name.
bool AfterHonorific(Line& line, size_t i) {
  static const std::unordered_set<std::string> kHonorifics = {
      "ông", "bà", "pgs.ts", "gs.ts", "gs.tskh", "pgs", "gs", "ts", "ths", "tskh", "ts.bs", "bs"};
  size_t j = i;
  if (j > 0 && line.IsPunct(j - 1, '.')) --j;  // "TS. Lê Văn C"
  if (j == 0 || !line.IsWord(j - 1)) return false;
  if (kHonorifics.count(line.Key(j - 1)) > 0) return true;
  // The same titles written out: "tiến sĩ", "thạc sĩ", "giáo sư".
  return j >= 2 && line.IsWord(j - 2) &&
         ((line.KeyIs(j - 1, "sĩ") && (line.KeyIs(j - 2, "tiến") || line.KeyIs(j - 2, "thạc"))) ||
          (line.KeyIs(j - 1, "sư") && line.KeyIs(j - 2, "giáo")));
}

}  // namespace

bool IsSurname(Line& line, size_t i) {
  if (!line.IsWord(i) || !line[i].cap || line[i].acronym) return false;
  const std::string& key = line.Key(i);
  return std::any_of(std::begin(kVietnameseSurnames), std::end(kVietnameseSurnames),
                     [&](const char* s) { return key == s; });
}

size_t PersonNameEnd(Line& line, size_t i, const VietnameseLists& lists) {
  size_t last = i;
  for (size_t k = i + 1; k < line.size() && k <= i + 3; ++k) {
    size_t head_length = 0;
    if (!line.IsWord(k) || !line[k].cap || line[k].acronym || VietnameseHeadAt(line, k, lists, &head_length)) break;
    last = k;
  }
  if (last == i) return 0;
  if (line.IsWord(last + 1) && (line[last + 1].cap || line[last + 1].number)) return 0;
  return last;
}

bool TitleBefore(Line& line, size_t i, const VietnameseLists& lists, size_t window) {
  for (size_t back = 1; back <= window && back <= i; ++back) {
    const size_t j = i - back;
    if (line.IsWord(j) && line[j].lower && lists.title_words.count(line.Key(j))) return true;
    // "Tổng thống" (president), not "hệ thống" (system).
    if (j > 0 && line.KeyIs(j, "thống") && line.KeyIs(j - 1, "tổng")) return true;
    // "Đặc phái viên Nicholas Moore" (envoy); "viên" alone is also "thành
    // viên" (member), which is no title.
    if (j > 0 && line.KeyIs(j, "viên") && line.KeyIs(j - 1, "phái")) return true;
    // "Tổng Bí thư Tô Lâm", "Đại sứ Marc Knapper": "thư" and "sứ" alone are
    // also a letter and an envoy's errand.
    if (j > 0 && ((line.KeyIs(j, "thư") && line.KeyIs(j - 1, "bí")) || (line.KeyIs(j, "sứ") && line.KeyIs(j - 1, "đại")))) {
      return true;
    }
  }
  return false;
}

void FindPersons(Line& line, const VietnameseLists& lists, std::vector<Candidate>& out) {
  size_t floor = 0;  // a title before the last name found is that name's
  for (size_t i = 0; i < line.size(); ++i) {
    size_t last = 0;
    // "Bộ trưởng Bộ Công an Việt Nam Tô Lâm": the title may stand well
    // before the name, but in its clause and after any name already found
    // ("Thủ tướng Phạm Minh Chính tháng 10/2024, Hà Nội và …": "Hà" is a
    // surname too).
    size_t clause = i;
    while (clause > floor && !line.IsPunct(clause - 1, ',') && !line.IsPunct(clause - 1, ';') &&
           !line.IsPunct(clause - 1, '.')) {
      --clause;
    }
    if (IsSurname(line, i) && TitleBefore(line, i, lists, std::min<size_t>(12, i - clause))) {
      last = PersonNameEnd(line, i, lists);
    } else if (line.IsWord(i) && line[i].cap && !line[i].acronym && AfterHonorific(line, i) &&
               (IsSurname(line, i) || line[i].ascii)) {
      last = PersonNameEnd(line, i, lists);
    } else if (i > 0 && line.IsWord(i - 1) && EnglishPersonTitles().count(line.Raw(i - 1)) && line.IsWord(i) &&
               line[i].cap && !line[i].acronym && (line[i].ascii || IsSurname(line, i)) && !EnglishHeadType(line, i)) {
      // "President Joe Biden", "Minister Anwar Ibrahim", "Governor Nguyễn
      // Thị Hồng" (a Vietnamese name keeps its diacritics in English text).
      last = PersonNameEnd(line, i, lists);
    } else if (line.IsWord(i) && line[i].cap && !line[i].acronym && line[i].ascii && !line[i - (i > 0)].ascii &&
               i >= 2 && TitleBefore(line, i, lists, 6) && line.IsWord(i + 1) && line[i + 1].cap &&
               line[i + 1].ascii && !TitleBefore(line, i, lists, 1)) {
      // "Bộ trưởng Y tế Budi Gunadi Sadikin": a Latin name of two words or
      // more after an office title and its portfolio.
      last = PersonNameEnd(line, i, lists);
    } else if (line.IsWord(i) && line[i].cap && !line[i].acronym && line[i].ascii && TitleBefore(line, i, lists, 1)) {
      // "Thủ tướng Kishida Fumio", "Tổng thống Joe Biden": a foreign name in
      // Latin letters (a Vietnamese word after a title is an office: "Cục
      // trưởng Cục …").
      last = PersonNameEnd(line, i, lists);
    }
    if (last == 0) last = PersonBeforeRole(line, i);
    if (last == 0) last = PersonAfterRole(line, i);
    if (last == 0) continue;
    out.push_back(Proposed(i, last, last + 1, "person", kPersonAfterTitle));
    i = last;
    floor = last + 1;
  }
}

}  // namespace policygraph::indexer::discovery
