#include "indexer/discovery/sentence_case_titles.h"

#include <optional>
#include <string_view>
#include <unordered_set>

#include "indexer/discovery/name_types.h"

namespace policygraph::indexer::discovery {
namespace {

// Words of a title: at most this many after the head.
constexpr size_t kMaxTitleWords = 24;

bool Year(const Line& line, size_t i) {
  if (!line.IsWord(i)) return false;
  const std::string_view raw = line.Raw(i);
  return IsRecentYear(raw);
}

// A year or a range of years at `i` ("2025", "2016-2025", "2021 - 2025",
// "2023–2030"): its last piece.
std::optional<size_t> YearsAt(const Line& line, size_t i) {
  if (line.IsWord(i) && line.Raw(i).size() == 9 && IsYear(line.Raw(i))) return i;
  if (!Year(line, i)) return std::nullopt;
  if (i + 2 < line.size() && IsDash(line[i + 1].punct) && Year(line, i + 2)) return i + 2;
  return i;
}

// A time scope starting at `i`: "đến/tới năm YYYY", "giai đoạn YYYY-YYYY",
// "thời kỳ YYYY-YYYY", "tầm nhìn/định hướng đến năm YYYY" or a bare range
// of years; then ", tầm nhìn/định hướng đến năm YYYY" may follow, once or
// twice. Returns its last piece.
std::optional<size_t> ScopeAt(Line& line, size_t i) {
  auto one = [&line](size_t k) -> std::optional<size_t> {
    if ((line.KeyIs(k, "tầm") && line.KeyIs(k + 1, "nhìn")) || (line.KeyIs(k, "định") && line.KeyIs(k + 1, "hướng"))) {
      k += 2;
    }
    if ((line.KeyIs(k, "đến") || line.KeyIs(k, "tới")) && line.KeyIs(k + 1, "năm") && Year(line, k + 2)) return k + 2;
    if ((line.KeyIs(k, "giai") && line.KeyIs(k + 1, "đoạn")) || (line.KeyIs(k, "thời") && line.KeyIs(k + 1, "kỳ"))) {
      return YearsAt(line, k + 2);
    }
    // A bare range, not a single year ("… năm 2020" says when).
    if (auto range = YearsAt(line, k); range && (*range != k || line.Raw(k).size() == 9)) return range;
    return std::nullopt;
  };
  auto last = one(i);
  if (!last) return std::nullopt;
  for (int more = 0; more < 2; ++more) {
    if (!line.IsPunct(*last + 1, ',') || !(line.KeyIs(*last + 2, "tầm") || line.KeyIs(*last + 2, "định"))) break;
    auto further = one(*last + 2);
    if (!further) break;
    last = further;
  }
  return last;
}

// Stop words that occur inside titles: prepositions of a subject and the
// verbs of what a plan does ("Kế hoạch thực hiện …", "Chương trình hỗ trợ
// …", "… hướng tới Chính phủ số").
bool TitleWord(Line& line, size_t i) {
  static const std::unordered_set<std::string_view> kWords = {
      "về", "cho", "trong", "giữa", "thực hiện", "triển khai", "hỗ trợ", "thúc đẩy", "tăng cường", "đẩy mạnh",
      "cung cấp", "phối hợp", "bảo vệ"};
  const std::string& key = line.Key(i);
  if (kWords.count(key)) return true;
  if (line.IsWord(i + 1)) {
    const std::string two = key + " " + line.Key(i + 1);
    if (kWords.count(two)) return true;
  }
  // "hướng tới", "đi tới": "tới" after a verb of direction.
  return key == "tới" && i > 0 && line.KeyIs(i - 1, "hướng");
}

// In a subject after "về", a verb is part of the subject ("về tống đạt
// giấy tờ tư pháp", "về chống buôn bán …"); only a function word or a
// predicate of the sentence ends it.
bool FunctionWordOrPredicate(Line& line, size_t i) {
  static const std::unordered_set<std::string_view> kFunctionWords = {
      "đã", "sẽ", "đang", "được", "bị", "có", "là", "do", "mà", "này", "đó", "kia", "ấy", "của", "với",
      "cho", "tại", "từ", "theo", "khi", "nếu", "thì", "vì", "nên", "hoặc", "hay", "cũng", "đều", "vẫn",
      "còn", "rằng", "ngày", "tháng", "qua", "sau", "ở", "trước", "đến", "tới", "như", "cùng", "nhưng",
      "không", "chưa", "nhằm", "để", "trong", "thuộc", "bởi", "trên", "dưới", "giữa", "những", "nhiều",
      "mọi", "đây", "vào", "gửi", "trình", "đặt", "rót"};
  static const std::unordered_set<std::string_view> kPredicates = {
      "thông qua", "ban hành", "phê duyệt", "ký kết", "có hiệu", "hết hiệu", "công bố", "tham gia", "triển khai",
      "thực hiện", "chính thức", "bắt đầu", "tiếp tục", "đưa ra", "kêu gọi", "phê chuẩn", "quy định", "hướng dẫn",
      "yêu cầu", "cho biết", "khẳng định", "nhấn mạnh"};
  if (kFunctionWords.count(line.Key(i))) return true;
  return line.IsWord(i + 1) && kPredicates.count(line.Key(i) + " " + line.Key(i + 1));
}

// Whether the title being read stops before piece `i` (a word): a clause
// word, "ký" after a lower-case word (the verb "sign"), or another head.
bool StopsTitle(Line& line, size_t i, const VietnameseLists& lists, bool subject = false) {
  // "chương trình" (programme): "trình" (submit) is no verb here.
  if (line.KeyIs(i, "trình") && i > 0 && line.KeyIs(i - 1, "chương")) return false;
  if (subject && line[i].lower && IsVietnameseStop(line, i, lists) && !FunctionWordOrPredicate(line, i)) {
    return false;
  }
  if (line[i].lower && IsVietnameseStop(line, i, lists) && !TitleWord(line, i)) {
    // "không có vũ khí hạt nhân" (free of …): a fixed phrase of titles.
    if (line.KeyIs(i, "không") && line.KeyIs(i + 1, "có") && line.IsWord(i + 2) && line[i + 2].lower) return false;
    if (line.KeyIs(i, "có") && i > 0 && line.KeyIs(i - 1, "không")) return false;
    return true;
  }
  if (line.KeyIs(i, "ký") && line[i].lower && !(i > 0 && (line.KeyIs(i - 1, "đăng") || line.KeyIs(i - 1, "thư")))) {
    return true;
  }
  return false;
}

// Heads of treaties, which are named by their subject.
bool IsTreatyHead(Line& line, size_t i) {
  return (line.KeyIs(i, "công") && line.KeyIs(i + 1, "ước")) || (line.KeyIs(i, "hiệp") && line.KeyIs(i + 1, "ước")) ||
         (line.KeyIs(i, "hiệp") && line.KeyIs(i + 1, "định")) || (line.KeyIs(i, "nghị") && line.KeyIs(i + 1, "định") &&
                                                                    line.KeyIs(i + 2, "thư")) ||
         line.KeyIs(i, "khung");
}

bool IsFrameworkHead(const Head* head) {
  return head != nullptr && head->type != kOrganization && head->type != kEvent && head->type != kRegionalOrg;
}

// The last piece of a name that runs from `from` to a clear end: words and
// commas between lower-case words, until punctuation, a stop word or the
// line's end, within `max_words`. nullopt when there is no clear end.
std::optional<size_t> ClauseEnd(Line& line, size_t from, size_t max_words, const VietnameseLists& lists,
                                bool subject = false) {
  size_t words = 0;
  size_t k = from;
  // A comma may continue a list inside the title; if the title then has no
  // clear end, it ended at that comma.
  std::optional<size_t> first_comma;
  for (; k < line.size(); ++k) {
    if (!line.IsWord(k)) {
      // "thực thi luật lâm nghiệp, quản trị rừng và …": a list inside the title.
      if (line.IsPunct(k, ',') && line.IsWord(k + 1) && line[k + 1].lower && !StopsTitle(line, k + 1, lists) &&
          k > from && line.IsWord(k - 1) && line[k - 1].lower && !line.KeyIs(k + 1, "tầm") &&
          !line.KeyIs(k + 1, "định")) {
        if (!first_comma) first_comma = k;
        continue;
      }
      // " - " between capitalised parties ("Việt Nam - Trung Quốc").
      if (IsDash(line[k].punct) && line[k].space_before && k > from && line.IsWord(k - 1) && line[k - 1].cap &&
          line.IsWord(k + 1) && line[k + 1].cap) {
        continue;
      }
      break;
    }
    if (StopsTitle(line, k, lists, subject)) break;
    // "và" before another head word joins two names.
    size_t head_length = 0;
    if (line.KeyIs(k, "và") && VietnameseHeadAt(line, k + 1, lists, &head_length)) break;
    if (++words > max_words) {
      if (!first_comma) return std::nullopt;
      k = *first_comma;
      break;
    }
  }
  if (k == from) return std::nullopt;
  // After a comma only a parenthesis (the title's acronym or translation)
  // shows that the list was part of the title: "…, văn bản được soạn …" is
  // the sentence going on.
  if (first_comma && !line.IsPunct(k, '(')) k = *first_comma;
  size_t last = k - 1;
  while (last > from && line.IsWord(last) && (line.KeyIs(last, "và") || line.KeyIs(last, "về") || line.KeyIs(last, "các"))) {
    --last;
  }
  if (!line.IsWord(last)) return std::nullopt;
  return last;
}

// Rule 1: a title up to its time scope; for a law, up to its year ("Luật
// Tài nguyên, môi trường biển và hải đảo năm 2015", see
// instrument_versions.h).
std::optional<size_t> ScopedTitleEnd(Line& line, size_t body, const VietnameseLists& lists, bool law) {
  size_t words = 0;
  for (size_t k = body; k < line.size() && words <= kMaxTitleWords; ++k) {
    if (k > body + 1) {
      if (auto scope = ScopeAt(line, k)) return scope;
    }
    if (law && k > body && line.KeyIs(k, "năm") && Year(line, k + 1)) return k + 1;
    if (!line.IsWord(k)) {
      if (line.IsPunct(k, ',') && line.IsWord(k + 1) && line[k + 1].lower && !StopsTitle(line, k + 1, lists) &&
          line.IsWord(k - 1) && line[k - 1].lower) {
        continue;
      }
      if (IsDash(line[k].punct) && line[k].space_before && line.IsWord(k + 1) && IsStrong(line[k + 1])) continue;
      return std::nullopt;
    }
    if (StopsTitle(line, k, lists)) return std::nullopt;
    size_t head_length = 0;
    if (k > body && VietnameseHeadAt(line, k, lists, &head_length) &&
        !(line.KeyIs(k - 1, "hiện") || line.KeyIs(k - 1, "khai"))) {
      return std::nullopt;
    }
    ++words;
  }
  return std::nullopt;
}

// Rule 2: "Head [qualifier] [năm YYYY] về <subject>" up to a clear end.
std::optional<size_t> SubjectTitleEnd(Line& line, size_t body, const VietnameseLists& lists) {
  size_t k = body;
  // A qualifier before "về": capitalised words ("La Hay"), a few lower-case
  // ones ("thống nhất", "khung"), or the year it was adopted.
  size_t lower = 0;
  while (line.IsWord(k) && !line.KeyIs(k, "về") && k < body + 6) {
    if (line.KeyIs(k, "năm") && Year(line, k + 1)) {
      k += 2;
      continue;
    }
    // "thống nhất" (single) is an adjective here; function words are not.
    static const std::unordered_set<std::string_view> kFunctionWords = {
        "đã", "sẽ", "đang", "được", "bị", "có", "là", "do", "mà", "này", "đó", "của", "với", "cho", "tại",
        "từ", "theo", "khi", "nếu", "thì", "vì", "nên", "hoặc", "hay", "cũng", "đều", "vẫn", "còn", "rằng", "và"};
    if (line[k].lower && (++lower > 3 || kFunctionWords.count(line.Key(k)))) return std::nullopt;
    // "Nghị định số 58/2025/NĐ-CP ngày 3/3/2025 về …": a numbered instrument
    // is cited by its number (numbered_instruments.h), its subject aside.
    if (line[k].number || line.KeyIs(k, "ngày") || line.KeyIs(k, "tháng") || line.KeyIs(k, "số")) return std::nullopt;
    ++k;
  }
  if (!line.KeyIs(k, "về")) return std::nullopt;
  auto end = ClauseEnd(line, k + 1, 20, lists, /*subject=*/true);
  if (!end || *end < k + 2) return std::nullopt;
  // A short subject in lower case ("Hiệp định về hợp tác với …") is how a
  // sentence describes an agreement; a title has a proper part (a capital,
  // a year) or is long.
  constexpr size_t kLongSubjectWords = 8;
  for (size_t t = body; t <= *end; ++t) {
    if (line.IsWord(t) && (line[t].cap || line[t].acronym || Year(line, t))) return end;
  }
  if (CountWords(line, k + 1, *end) >= kLongSubjectWords) return end;
  return std::nullopt;
}

// Rule 4: "Luật Khoa học, công nghệ và đổi mới sáng tạo,": a law named
// by a list of its fields, the first capitalised, the last after "và",
// closed by punctuation.
std::optional<size_t> ListTitleEnd(Line& line, size_t body, const VietnameseLists& lists) {
  if (!line.IsWord(body) || !line[body].cap) return std::nullopt;
  size_t k = body + 1;
  while (line.IsWord(k) && line[k].lower && k < body + 4) ++k;
  if (!line.IsPunct(k, ',')) return std::nullopt;
  bool joined = false;
  size_t words = 0;
  for (++k; k < line.size() && words < 14; ++k) {
    if (line.IsPunct(k, ',') && line.IsWord(k + 1) && line[k + 1].lower && !joined) continue;
    if (!line.IsWord(k)) break;
    if (!line[k].lower || StopsTitle(line, k, lists)) return std::nullopt;
    if (line.KeyIs(k, "và")) {
      if (joined) return std::nullopt;
      joined = true;
    }
    ++words;
  }
  if (!joined || line.KeyIs(k - 1, "và") || (k < line.size() && !line.IsPunct(k, ',') && !line.IsPunct(k, '.') &&
                                              !line.IsPunct(k, ';'))) {
    return std::nullopt;
  }
  return k - 1;
}

// Rule 5: "Chương trình Hợp tác nghiên cứu khoa học và công nghệ vì phát
// triển bền vững (SATREPS)": a title in lower case up to its acronym, with
// the prepositions of a title ("vì", "về", "cho") but no clause word. A
// capitalised word may only come first: another would be a name of its own
// the acronym could belong to.
std::optional<size_t> TitleUpToAcronym(Line& line, size_t body, const VietnameseLists& lists) {
  constexpr size_t kMaxWords = 20;
  static const std::unordered_set<std::string_view> kPrepositions = {"vì", "về", "cho", "và", "trong"};
  for (size_t k = body; k < line.size() && k < body + kMaxWords; ++k) {
    if (line.IsPunct(k, '(')) {
      if (k < body + 3 || !IsLoneAcronym(line, k + 1, k + 1) || !line.IsPunct(k + 2, ')')) return std::nullopt;
      return k - 1;
    }
    if (!line.IsWord(k)) return std::nullopt;
    if (k > body + 1 && line[k].cap && !line[k].acronym) return std::nullopt;
    // Any stop word here, the verbs of a plan too: "Chương trình cung cấp
    // các khóa đào tạo … cho 560 giáo viên (ToT)" says what it does.
    if (line[k].number) return std::nullopt;
    if (line[k].lower && IsVietnameseStop(line, k, lists) && !kPrepositions.count(line.Key(k))) return std::nullopt;
  }
  return std::nullopt;
}

}  // namespace

void FindSentenceCaseTitles(Line& line, const VietnameseLists& lists, std::vector<Candidate>& out) {
  for (size_t i = 0; i < line.size(); ++i) {
    size_t head_length = 0;
    const Head* head = VietnameseHeadAt(line, i, lists, &head_length);
    if (!IsFrameworkHead(head)) continue;
    // "Đối tác Chiến lược Toàn diện", "Bộ trưởng Kế hoạch …": not a title.
    if (AfterTitleWord(line, i, lists)) continue;
    const size_t body = i + head_length;
    if (!line.IsWord(body)) continue;
    std::optional<size_t> last = ScopedTitleEnd(line, body, lists, head->type == kLaw);
    // A subject names a treaty ("Công ước về …") anywhere; another kind of
    // instrument only inside a sentence, where its capital says it is a
    // title: at a sentence's or heading's start "Quy định chung về …",
    // "Thỏa thuận về …" are common nouns.
    const bool inside_sentence = i > 0 && line.IsWord(i - 1);
    if (!last && (IsTreatyHead(line, i) || inside_sentence)) last = SubjectTitleEnd(line, body, lists);
    if (!last && head->type == kLaw) last = ListTitleEnd(line, body, lists);
    if (!last) last = TitleUpToAcronym(line, body, lists);
    // Rule 3: "Kế hoạch thực hiện Quy hoạch …": the framework it implements.
    if (!last && ((line.KeyIs(body, "thực") && line.KeyIs(body + 1, "hiện")) ||
                  (line.KeyIs(body, "triển") && line.KeyIs(body + 1, "khai")))) {
      size_t inner_length = 0;
      if (IsFrameworkHead(VietnameseHeadAt(line, body + 2, lists, &inner_length))) {
        last = ClauseEnd(line, body + 2 + inner_length, 12, lists);
      }
    }
    // Rule 3: "Hiệp định Dẫn độ giữa Việt Nam và Australia": its parties.
    if (!last && head->type == kAgreement) {
      size_t k = body;
      while (line.IsWord(k) && !line.KeyIs(k, "giữa") && k < body + 6 && !StopsTitle(line, k, lists)) ++k;
      if (line.KeyIs(k, "giữa") && line.IsWord(k + 1) && line[k + 1].cap) {
        size_t t = k + 1;
        while (line.IsWord(t + 1) && line[t + 1].cap) ++t;
        if (line.KeyIs(t + 1, "và") && line.IsWord(t + 2) && line[t + 2].cap) {
          t += 2;
          while (line.IsWord(t + 1) && line[t + 1].cap) ++t;
          last = t;
        }
      }
    }
    if (!last) continue;
    // A year after a subject ("… thế giới năm 1972"): when it was adopted.
    if (line.KeyIs(*last + 1, "năm") && Year(line, *last + 2)) *last += 2;
    out.push_back(Proposed(i, *last, *last + 1, head->type, kUnquotedHead));
    i = *last;
  }
}

}  // namespace policygraph::indexer::discovery
