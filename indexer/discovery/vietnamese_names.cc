#include "indexer/discovery/vietnamese_names.h"

#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>

#include "indexer/discovery/aliases.h"
#include "indexer/discovery/body_name_ends.h"
#include "indexer/discovery/name_types.h"
#include "indexer/discovery/persons.h"

namespace policygraph::indexer::discovery {
namespace {

// Unquoted Vietnamese names: at most this many words after the head.
constexpr size_t kMaxVietnameseNameWords = 25;
// Lower-case words in a row that an unquoted Vietnamese name may hold: more
// directly after the head (the descriptor: "Ủy ban điều phối …", "Trung tâm
// đổi mới trí tuệ nhân tạo …") than later on, where a long lower-case
// stretch is usually the sentence going on.
constexpr size_t kMaxLowerAfterHead = 8;
constexpr size_t kMaxLowerLater = 8;

// "A, B và C" after a comma inside a name ("Bộ Khoa học, CNTT và Truyền
// thông", "Bộ Văn hóa, Thể thao và Du lịch"): items that start with a
// capital (a few lower-case syllables may follow), the last after "và".
bool CommaListContinues(Line& line, size_t comma, const VietnameseLists& lists) {
  size_t i = comma + 1;
  size_t head_length = 0;
  if (!line.IsWord(i) || !(line[i].cap || line[i].acronym) || VietnameseHeadAt(line, i, lists, &head_length)) {
    return false;
  }
  for (size_t lower = 0; line.IsWord(i) && i < comma + 8; ++i) {
    if (line.KeyIs(i, "và")) break;
    if (line[i].lower && (++lower > 3 || IsVietnameseStop(line, i, lists))) return false;
  }
  return line.KeyIs(i, "và") && line.IsWord(i + 1) && (line[i + 1].cap || line[i + 1].acronym);
}

// "năm 2022", "số 40/2009/QH12": a law's year or number after its title.
bool YearOrNumberAt(Line& line, size_t i) {
  return (line.KeyIs(i, "năm") || line.KeyIs(i, "số")) && line.IsWord(i + 1) &&
         (line[i + 1].number || IsDocumentNumber(line[i + 1], line.Raw(i + 1)));
}

// "Luật Khoa học, công nghệ và đổi mới sáng tạo", "Luật Nhập cảnh, xuất
// cảnh, quá cảnh, cư trú …": laws are titled in sentence case, so a list
// of the fields they govern goes on in lower case after a comma. Only in a
// law's title that has been lower case since its first word (a capitalised
// word before the comma would make it a title-case name that ends there),
// and only with a lower-case item that is neither a clause word nor a head
// ("Luật Đầu tư, luật Doanh nghiệp" names two laws). `in_list`: an
// earlier comma of the same title already opened the list.
bool LawFieldListContinues(Line& line, size_t body, size_t comma, bool in_list, const VietnameseLists& lists) {
  constexpr size_t kMaxItemWords = 4;
  if (!line.IsWord(body) || !line[body].cap || line[body].acronym) return false;
  for (size_t k = body + 1; k < comma; ++k) {
    if (!(line.IsWord(k) && line[k].lower) && !line.IsPunct(k, ',')) return false;
  }
  size_t i = comma + 1;
  if (!line.IsWord(i) || !line[i].lower || IsVietnameseStop(line, i, lists) || lists.predicates.count(line.Key(i))) {
    return false;
  }
  if (auto heads = lists.heads_by_first.find(line.Key(i)); heads != lists.heads_by_first.end()) {
    for (const Head& head : heads->second) {
      if (MatchPhrase(line, i, head.words) != 0) return false;
    }
  }
  // Items are short nouns of fields; a list ends with "và" and one, or has
  // two after the comma, or one that ends the title (below): otherwise a
  // lower-case stretch after a comma is the sentence going on ("Luật Căn
  // cước, thay cho …", "Luật Hoạt động vũ trụ, dự kiến trình …").
  size_t items = 0;
  for (;;) {
    size_t words = 0;
    while (line.IsWord(i) && line[i].lower && !line.KeyIs(i, "và") && !IsVietnameseStop(line, i, lists) &&
           !lists.predicates.count(line.Key(i)) && !YearOrNumberAt(line, i)) {
      if (++words > kMaxItemWords) return false;
      ++i;
    }
    if (words == 0) return false;
    ++items;
    if (line.KeyIs(i, "và")) return line.IsWord(i + 1) && line[i + 1].lower && !IsVietnameseStop(line, i + 1, lists);
    if (!line.IsPunct(i, ',') || !line.IsWord(i + 1) || !line[i + 1].lower) break;
    ++i;
  }
  // The list ends its title: no capitalised word right after it; and a
  // single field ends at punctuation, the line's end, a year or a number
  // ("Luật Thi đua, khen thưởng năm 2022", "Luật Khám bệnh, chữa bệnh số
  // 40/2009/QH12"), not at a clause word.
  if (line.IsWord(i) && IsStrong(line[i])) return false;
  if (items >= 2 || in_list || !line.IsWord(i)) return true;
  return YearOrNumberAt(line, i);
}

// "Chủ tịch", "Thủ tướng", "Bộ trưởng": a capitalised office, not a name.
bool IsOfficeTitle(Line& line, size_t i, const VietnameseLists& lists) {
  return line.IsWord(i) && line[i].cap && line.IsWord(i + 1) && line[i + 1].lower &&
         lists.title_words.count(line.Key(i + 1));
}

// "Điều 5", "Khoản 2", "Chương III": a reference to a part of a text.
bool IsPartReference(Line& line, size_t i, const VietnameseLists& lists) {
  return line.IsWord(i) && lists.part_words.count(line.Key(i)) && line.IsWord(i + 1) &&
         (line[i + 1].number || line[i + 1].acronym);
}

// Whether the piece gives an unquoted name its needed proper part.
bool IsProperPart(Line& line, size_t i, const VietnameseLists& lists) {
  if (!line.IsWord(i)) return false;
  const Piece& p = line[i];
  if (IsOfficeTitle(line, i, lists)) return false;
  return p.cap || p.acronym || IsYear(line.Raw(i)) || IsDocumentNumber(p, line.Raw(i));
}

struct Extent {
  size_t last = 0;
  bool found = false;
  bool clear_end = false;
  // Whether this reading can be trusted as the whole name: it ended at a
  // parenthesis, a quote or the line's end, or it has no lower-case tail
  // after its last capitalised part.
  bool trusted = true;
  // Otherwise, where other readings of it could end, longest first, down to
  // its last capitalised part; the text's trusted names choose among them.
  std::vector<uint32_t> other_ends;
};

// Whether a capitalised word or acronym comes within the next few words
// from `i`, before any stop word or punctuation.
bool CapitalisedSoon(Line& line, size_t i, const VietnameseLists& lists) {
  constexpr size_t kLookahead = 4;
  for (size_t k = i; k < line.size() && k < i + kLookahead; ++k) {
    if (!line.IsWord(k) || IsVietnameseStop(line, k, lists)) return false;
    if (IsStrong(line[k])) return true;
  }
  return false;
}

// "… nông nghiệp và nông thôn bền vững giai đoạn 2021-2030": whether the
// lower-case stretch from `i` reaches a period ("giai đoạn" and years)
// within a few words, before any stop word or punctuation.
bool PeriodSoon(Line& line, size_t i, const VietnameseLists& lists) {
  constexpr size_t kLookahead = 8;
  for (size_t k = i; k < line.size() && k < i + kLookahead; ++k) {
    if (!line.IsWord(k) || IsVietnameseStop(line, k, lists)) return false;
    if (line.KeyIs(k, "giai") && line.KeyIs(k + 1, "đoạn") && line.IsWord(k + 2) && IsYear(line.Raw(k + 2))) return true;
  }
  return false;
}

// Whether the Vietnamese name being extended stops before word `i`;
// `organisation` when it is the name of a body.
bool EndsVietnameseName(Line& line, size_t i, const VietnameseLists& lists, bool organisation) {
  // "Hội nghị Đại dương của Liên hợp quốc lần thứ ba (UNOC3)": "của" and a
  // capitalised owner inside a name that goes on to its ordinal or acronym.
  if (line.KeyIs(i, "của") && line.IsWord(i + 1) && line[i + 1].cap) {
    size_t k = i + 1;
    while (k < line.size() && line.IsWord(k) && (line[k].cap || line[k].lower) && k < i + 8 &&
           !line.KeyIs(k, "lần")) {
      ++k;
    }
    if (line.IsPunct(k, '(') || line.KeyIs(k, "lần")) return false;
  }
  // "… Thái Bình Dương vì Thịnh vượng": "vì" (for) before a capitalised
  // word joins the purpose in the name; otherwise it is "because".
  if (line.KeyIs(i, "vì") && line.IsWord(i + 1) && line[i + 1].cap) return false;
  // "đến năm 2040", "tới năm 2030": the horizon of a strategy or plan.
  if ((line.KeyIs(i, "đến") || line.KeyIs(i, "tới")) && line.KeyIs(i + 1, "năm") && line.IsWord(i + 2) &&
      line[i + 2].number) {
    return false;
  }
  if (IsVietnameseStop(line, i, lists) || IsPartReference(line, i, lists)) return true;
  const Piece& p = line[i];
  if (!p.lower) return false;
  const std::string& key = line.Key(i);
  // "Đại học … Hải dương Tokyo ký thỏa thuận": "ký" (sign) right after a
  // capitalised word is the verb; inside a name it follows a lower-case
  // syllable ("đăng ký") or "Thư" ("Ban Thư ký").
  if (key == "ký" && i > 0 && line.IsWord(i - 1) && line[i - 1].cap && !line.KeyIs(i - 1, "thư") &&
      !line.KeyIs(i - 1, "đăng")) {
    return true;
  }
  // "Hội nghị … lần thứ 5 năm 2020 thông qua …": after the ordinal, the
  // year says when the meeting was held; it is not part of its name.
  if (key == "năm" && i >= 3 && line.IsWord(i - 1) && (line[i - 1].number || lists.ordinals.count(line.Key(i - 1))) &&
      line.KeyIs(i - 2, "thứ") && line.KeyIs(i - 3, "lần")) {
    return true;
  }
  size_t head_length = 0;
  // "… Việt Nam và Hiệp hội …", "Bộ Tư pháp và cơ quan …", "Quốc hội và
  // Chủ tịch nước": "và" before a head word, an office, a number or a
  // lower-case word joins the name to something else.
  // "Hội nghị Cấp cao ASEAN lần thứ 28 và 29": two meetings held as one.
  if (key == "và" && i >= 3 && line.IsWord(i - 1) && line[i - 1].number && line.KeyIs(i - 2, "thứ") &&
      line.KeyIs(i - 3, "lần") && line.IsWord(i + 1) && line[i + 1].number) {
    return false;
  }
  // "Viện Chính sách và Chiến lược Phát triển …": in a body's name, a
  // framework head after "và" is a word of the name (its field), not a
  // second name.
  const Head* head_after = line.IsWord(i + 1) ? VietnameseHeadAt(line, i + 1, lists, &head_length) : nullptr;
  if (organisation && head_after != nullptr && head_after->type != kOrganization && line.IsWord(i + 1 + head_length) &&
      line[i + 1 + head_length].cap) {
    head_after = nullptr;
  }
  // "Ngân hàng Xuất nhập khẩu Thái Lan và TISCO": in a body's name, "và"
  // before a lone acronym that ends the phrase lists another body.
  if (organisation && key == "và" && line.IsWord(i + 1) && line[i + 1].acronym && line[i + 1].ascii &&
      !line.IsWord(i + 2)) {
    return true;
  }
  if (key == "và" && line.IsWord(i + 1) &&
      (line[i + 1].lower || line[i + 1].number || head_after != nullptr || IsOfficeTitle(line, i + 1, lists))) {
    // "… quan hệ hữu nghị và hợp tác ASEAN - Nhật Bản": a lower-case
    // stretch that reaches a capitalised part of the same name goes on;
    // but "và phía Trung Quốc" (and the Chinese side) is the other party.
    return !(line[i + 1].lower && !line.KeyIs(i + 1, "phía") &&
             (CapitalisedSoon(line, i + 1, lists) || PeriodSoon(line, i + 1, lists)));
  }
  // "năm" belongs to a name only before a year ("… ASEAN năm 2025") or
  // after a number of years ("kỷ niệm 50 năm quan hệ …").
  const bool after_number = i > 0 && line.IsWord(i - 1) && line[i - 1].number;
  return key == "năm" && !(line.IsWord(i + 1) && line[i + 1].number) && !after_number;
}

// "Chiến lược phát triển công nghiệp bán dẫn đến năm 2030": a long
// lower-case description that runs on, within a few words and with no
// clause word between, to a horizon ("đến năm 2030", "giai đoạn 2021") is
// a plan's title, not the sentence going on.
bool HorizonAhead(Line& line, size_t i, const VietnameseLists& lists) {
  constexpr size_t kMaxToHorizon = 8;
  for (size_t k = i; k < line.size() && k < i + kMaxToHorizon; ++k) {
    if (!line.IsWord(k) || !line[k].lower) return false;
    const bool by_year = (line.KeyIs(k, "đến") || line.KeyIs(k, "tới")) && line.KeyIs(k + 1, "năm");
    const bool period = line.KeyIs(k, "giai") && line.KeyIs(k + 1, "đoạn");
    if ((by_year || period) && line.IsWord(k + 2) && line[k + 2].number) return true;
    if (IsVietnameseStop(line, k, lists)) return false;
    size_t head_length = 0;
    if (VietnameseHeadAt(line, k, lists, &head_length)) return false;
  }
  return false;
}

// Where an unquoted Vietnamese name whose head ends before `body` ends.
// A clear end (punctuation, '(', a quote, a predicate word, the line's end)
// keeps the words before it. Without one (too many lower-case words or
// words in all) the name is cut back to its last capitalised word or
// number, plus one lower-case syllable after a lone capitalised syllable:
// proper names capitalise only their first syllable ("Bộ Tài chính").
Extent ExtendVietnameseName(Line& line, size_t body, const VietnameseLists& lists, bool titled,
                            std::string_view type) {
  const bool organisation = type == kOrganization;
  Extent e;
  size_t last_word = body - 1;
  std::optional<size_t> last_strong;
  size_t lower_run = 0;
  bool after_head = true;
  bool strong_end = false;
  bool field_list = false;  // in a law's lower-case list of fields (LawFieldListContinues)
  size_t words = 0;
  for (size_t i = body;; ++i) {
    if (i >= line.size()) {
      e.clear_end = strong_end = true;
      break;
    }
    const Piece& p = line[i];
    if (!p.word()) {
      // " - " before a partner, a year or a capitalised part ("ASEAN - Trung
      // Quốc", "2021 - 2025", "Bộ Lao động - Thương binh và Xã hội").
      if (IsDash(p.punct) && p.space_before && i > body && line.IsWord(i + 1) && IsStrong(line[i + 1])) continue;
      // "thời kỳ 2021–2030": a period written without spaces.
      if (IsDash(p.punct) && i > body && line.IsWord(i - 1) && line[i - 1].number && line.IsWord(i + 1) &&
          line[i + 1].number) {
        continue;
      }
      // "…, tầm nhìn đến năm 2050", "…, định hướng đến năm 2030": the horizon
      // of a plan is part of its title.
      if (p.punct == ',' && i > body && (line.KeyIs(i + 1, "tầm") || line.KeyIs(i + 1, "định")) &&
          (line.KeyIs(i + 2, "nhìn") || line.KeyIs(i + 2, "hướng"))) {
        continue;
      }
      if (p.punct == ',' && i > body && CommaListContinues(line, i, lists)) continue;
      if (p.punct == ',' && type == kLaw && LawFieldListContinues(line, body, i, field_list, lists)) {
        field_list = true;
        lower_run = 0;  // each field is short (LawFieldListContinues)
        continue;
      }
      // "phòng, chống" (prevention and control) is one term of many titles
      // ("Kế hoạch … về phòng, chống khai thác IUU", "Quỹ vắc xin phòng,
      // chống COVID-19").
      // Only in a title: written in title case ("Phòng, chống") or going on
      // to a capitalised part or a period ("… khai thác IUU", "COVID-19");
      // "Bộ Y tế phòng, chống dịch" is the ministry and what it does.
      if (p.punct == ',' && i > body && line.KeyIs(i - 1, "phòng") && line.KeyIs(i + 1, "chống") &&
          (line[i - 1].cap || CapitalisedSoon(line, i + 2, lists) || PeriodSoon(line, i + 2, lists))) {
        continue;
      }
      e.clear_end = true;
      strong_end = p.punct == '(' || IsQuote(p.punct);
      break;
    }
    // "… công nghệ và đổi mới sáng tạo": the last field of a law's list.
    const bool last_field = field_list && line.KeyIs(i, "và") && line.IsWord(i + 1) && line[i + 1].lower &&
                            !IsVietnameseStop(line, i + 1, lists);
    if ((!last_field && EndsVietnameseName(line, i, lists, organisation)) ||
        (organisation && (EndsAfterCompleteWord(line, body, i, lists) || EndsAtItsVerb(line, body, i)))) {
      e.clear_end = true;
      break;
    }
    // "Bộ trưởng Bộ Công an Việt Nam Tô Lâm": the minister's name follows
    // the ministry's.
    if (titled && i > body && IsSurname(line, i) && PersonNameEnd(line, i, lists) != 0) {
      e.clear_end = true;
      break;
    }
    // A head word after a lower-case word that is not a joining word starts
    // the next noun phrase ("Viện kiểm sát kiến nghị Ủy ban …").
    size_t head_length = 0;
    // "Công ty Cổ phần Tập đoàn Thủy sản …", "Công ty TNHH Cảng …": a legal
    // form before a head is part of the company's name.
    const bool legal_form = i > body + 1 && ((line.KeyIs(i - 2, "cổ") && line.KeyIs(i - 1, "phần")) ||
                                             line.KeyIs(i - 1, "tnhh"));
    // "Trung tâm Hợp tác … Khoáng sản Chiến lược Việt Nam - Hàn Quốc", "Kế
    // hoạch Hành động Chiến lược về …", "Hội nghị Lãnh đạo Hợp tác Mekong -
    // Lan Thương": a capitalised framework word after the second syllable
    // of a capitalised word is a word of the same name.
    const Head* inner_head = VietnameseHeadAt(line, i, lists, &head_length);
    const bool adjective = inner_head != nullptr && inner_head->type != kOrganization && i >= 2 &&
                           line.IsWord(i - 2) && line[i - 2].cap;
    if (i > body && line[i - 1].lower && !lists.inner_only.count(line.Key(i - 1)) && !legal_form &&
        inner_head != nullptr && !adjective) {
      break;
    }
    if (IsStrong(p)) {
      lower_run = 0;
      after_head = false;
      last_strong = i;
    } else if (!lists.inner_only.count(line.Key(i)) &&
               ++lower_run > (after_head ? kMaxLowerAfterHead : kMaxLowerLater)) {
      if (organisation || !HorizonAhead(line, i, lists)) break;  // the sentence goes on: no clear end
      lower_run = 0;
    }
    last_word = i;
    if (++words > kMaxVietnameseNameWords) break;
  }
  // The name's core: up to its last capitalised part. A lone capitalised
  // syllable ("Bộ Tài", "Tòa") starts a word whose next syllable belongs to
  // it; a run of them ("Bộ Công Thương") is complete.
  std::optional<size_t> core = last_strong;
  if (core) {
    const size_t next = *core + 1;
    const bool lone = *core == body || !line[*core - 1].cap;
    if (lone && line[*core].cap && !line[*core].acronym && next <= last_word && line[next].lower &&
        !lists.inner_only.count(line.Key(next))) {
      core = next;
    }
  }
  if (e.clear_end) {
    e.last = last_word;
    // A name does not end on a joining word.
    while (e.last >= body && line.IsWord(e.last) && line[e.last].lower && lists.inner_only.count(line.Key(e.last))) {
      --e.last;
    }
  } else {
    if (!core) return e;
    e.last = *core;
  }
  if (e.last < body) return e;
  // A law's list of fields that reached a clear end confirms the lower-case
  // tail it is written in.
  if (core && !(field_list && e.clear_end) && (e.clear_end ? !strong_end && e.last > *core : true)) {
    // Every shorter reading that still has a capitalised part may be the
    // name ("Ủy ban thường vụ Quốc hội" in "… Quốc hội và Chủ tịch nước").
    e.trusted = false;
    for (size_t k = e.clear_end ? e.last : last_word; k >= body; --k) {
      if (line.IsWord(k)) e.other_ends.push_back(line[k].end);
    }
  }
  // "Quy định bảo vệ dữ liệu chung (GDPR)": the acronym names it.
  if (e.clear_end && line.IsPunct(e.last + 1, '(') && IsLoneAcronym(line, e.last + 2, e.last + 2) &&
      line.IsPunct(e.last + 3, ')')) {
    e.found = true;
    return e;
  }
  for (size_t k = body; k <= e.last; ++k) {
    if (IsProperPart(line, k, lists)) {
      e.found = true;
      break;
    }
  }
  return e;
}

// "Hiệp định Tạo thuận lợi vận chuyển người và hàng hóa qua biên giới …
// (Cross-Border Transport Facilitation Agreement – CBTA)": a head-word name
// whose lower-case tail the sentence rules would cut short runs on to a
// parenthesised translation of the same kind, within one clause. The
// translation's head agreeing with the Vietnamese head is the evidence.
// Also for a body whose acronym follows ("… (ACPHEED)"). The tail may hold the
// prepositions of a title ("về", "qua", "cho") but no other clause word,
// verb or head word (those start something else: "Tập đoàn CATL của Trung
// Quốc ký … với Tập đoàn Pin Indonesia (…)").
constexpr size_t kMaxTailToTranslation = 18;
std::optional<size_t> RunsOnToTranslation(Line& line, size_t from, std::string_view type,
                                          const VietnameseLists& lists) {
  if (type == kEvent) return std::nullopt;
  static const std::unordered_set<std::string_view> kTitlePrepositions = {"và", "về", "qua", "cho", "các",
                                                                           "giữa", "trong", "ở"};
  for (size_t i = from; i < line.size() && i < from + kMaxTailToTranslation; ++i) {
    size_t head_length = 0;
    if (VietnameseHeadAt(line, i, lists, &head_length)) return std::nullopt;
    if (line.IsWord(i) && line[i].lower && IsVietnameseStop(line, i, lists) &&
        !kTitlePrepositions.count(line.Key(i))) {
      return std::nullopt;
    }
    if (line.IsPunct(i, '(')) {
      if (i == from) return std::nullopt;  // the parenthesis is already next
      auto translated = TranslationHeadType(line, i);
      if (translated && *translated == type) return i - 1;
      // "Trung tâm ASEAN về ứng phó … dịch bệnh mới nổi (ACPHEED)": an
      // acronym alone closes the name as well.
      if (IsLoneAcronym(line, i + 1, i + 1) && line.IsPunct(i + 2, ')')) return i - 1;
      return std::nullopt;
    }
    if (!line.IsWord(i)) {
      if (IsDash(line[i].punct) && line[i].space_before) continue;
      return std::nullopt;
    }
    if (line[i].lower && lists.predicates.count(line.Key(i))) return std::nullopt;
  }
  return std::nullopt;
}

// Whether pieces [first, last] are capitalised words with a spaced dash
// between two of them ("Mekong - Sông Hằng") and nothing else.
bool IsCapitalisedPair(Line& line, size_t first, size_t last) {
  bool dash = false;
  for (size_t k = first; k <= last; ++k) {
    if (line.IsWord(k)) {
      if (!IsStrong(line[k]) || line[k].number) return false;
    } else if (IsDash(line[k].punct) && line[k].space_before && k > first && k < last) {
      dash = true;
    } else {
      return false;
    }
  }
  return dash;
}

// "Hiệp định về các biện pháp của quốc gia có cảng nhằm phòng ngừa, ngăn
// chặn và loại bỏ khai thác IUU (PSMA)": a framework head followed by
// "về" and a long description in lower case (acronyms aside) up to an
// acronym in brackets is one title, whatever little words it holds. No
// capitalised word may come between: that would be another name the
// acronym could belong to. Returns the title's last piece.
std::optional<size_t> DescribedUpToAcronym(Line& line, size_t body, const VietnameseLists& lists) {
  constexpr size_t kMaxPieces = 40;
  if (!line.KeyIs(body, "về")) return std::nullopt;
  for (size_t k = body + 1; k < line.size() && k < body + kMaxPieces; ++k) {
    if (line.IsPunct(k, '(')) {
      if (k < body + 3 || !IsLoneAcronym(line, k + 1, k + 1) || !line.IsPunct(k + 2, ')')) return std::nullopt;
      return k - 1;
    }
    if (!line.IsWord(k)) {
      if (line[k].punct == ',' && line.IsWord(k + 1) && line[k + 1].lower) continue;
      return std::nullopt;
    }
    if (line[k].cap && !line[k].acronym) return std::nullopt;
    if (line[k].lower && lists.predicates.count(line.Key(k)) && !EndsCompound(line, k)) return std::nullopt;
  }
  return std::nullopt;
}

// "Luật sửa đổi, bổ sung một số điều của Luật Dược", "Luật sửa đổi, bổ
// sung một số điều của Luật Quy hoạch, Luật Đầu tư …": an amending law is
// titled by formula after the laws it amends, whose titles end it. `body`
// is the piece after the amending law's head. Returns the title's last
// piece.
std::optional<size_t> AmendingLawEnd(Line& line, size_t body, const VietnameseLists& lists) {
  constexpr size_t kMaxFormulaWords = 8;  // "sửa đổi, bổ sung một số điều của"
  constexpr size_t kMaxAmendedLaws = 6;
  if (!line.KeyIs(body, "sửa") || !line.KeyIs(body + 1, "đổi") || !line[body].lower) return std::nullopt;
  size_t k = body + 2;
  size_t head_length = 0;
  const Head* head = nullptr;
  for (; k < line.size() && k < body + 2 + kMaxFormulaWords; ++k) {
    head = VietnameseHeadAt(line, k, lists, &head_length);
    if (head != nullptr) break;
    if (!(line.IsWord(k) && line[k].lower) && !line.IsPunct(k, ',')) return std::nullopt;
  }
  std::optional<size_t> last;
  for (size_t laws = 0; head != nullptr && head->type == kLaw && laws < kMaxAmendedLaws; ++laws) {
    const Extent amended = ExtendVietnameseName(line, k + head_length, lists, false, kLaw);
    if (!amended.found) break;
    last = amended.last;
    // The next amended law, after a comma or "và".
    k = amended.last + 1;
    if (!line.IsPunct(k, ',') && !line.KeyIs(k, "và")) break;
    ++k;
    head = VietnameseHeadAt(line, k, lists, &head_length);
  }
  return last;
}

bool IsCompanyHead(Line& line, size_t i, size_t length) {
  if (length == 2) {
    return (line.KeyIs(i, "công") && line.KeyIs(i + 1, "ty")) || (line.KeyIs(i, "tập") && line.KeyIs(i + 1, "đoàn"));
  }
  return length == 3 && line.KeyIs(i, "tổng") && line.KeyIs(i + 1, "công") && line.KeyIs(i + 2, "ty");
}

}  // namespace

void FindVietnameseHeaded(Line& line, const VietnameseLists& lists, std::vector<Candidate>& out) {
  for (size_t i = 0; i < line.size(); ++i) {
    size_t head_length = 0;
    const Head* head = VietnameseHeadAt(line, i, lists, &head_length);
    if (head == nullptr) continue;
    if (head->type != kOrganization && AfterTitleWord(line, i, lists)) continue;
    // "Đối tác Chiến lược Toàn diện": a label of a relationship, not a strategy.
    if (i > 0 && line.KeyIs(i - 1, "tác") && i > 1 && line.KeyIs(i - 2, "đối")) continue;
    // "Bộ và …", "Bộ, …": the head is used as a common noun.
    if (line.KeyIs(i + head_length, "và")) continue;
    // "Công ty Nanogen nộp hồ sơ …", "Tập đoàn Alibaba tiếp tục …": after a
    // company head, a Latin-script name is the whole name; the Vietnamese
    // words after it are the sentence going on.
    if (IsCompanyHead(line, i, head_length) && line.IsWord(i + head_length) && line[i + head_length].cap &&
        line[i + head_length].ascii) {
      size_t last = i + head_length;
      while (line.IsWord(last + 1) && (line[last + 1].cap || line[last + 1].number) && line[last + 1].ascii) ++last;
      if (!line.IsWord(last + 1) || line[last + 1].lower) {
        out.push_back(Proposed(i, last, last + 1, head->type, kUnquotedHead));
        continue;
      }
    }
    if (head->type == kLaw) {
      if (auto last = AmendingLawEnd(line, i + head_length, lists)) {
        out.push_back(Proposed(i, *last, *last + 1, head->type, kUnquotedHead));
        continue;
      }
    }
    if (head->type != kOrganization && head->type != kEvent) {
      if (auto last = DescribedUpToAcronym(line, i + head_length, lists)) {
        out.push_back(Proposed(i, *last, *last + 1, head->type, kUnquotedHead));
        continue;
      }
    }
    const Extent e = ExtendVietnameseName(line, i + head_length, lists, TitleBefore(line, i, lists, 3), head->type);
    if (!e.found) {
      // "Bộ Quy tắc ứng xử ở Biển Đông (COC)": a lower-case start whose
      // capitalised part comes after a title's preposition, up to its
      // acronym or translation.
      if (e.clear_end && e.last >= i + head_length) {
        if (auto last = RunsOnToTranslation(line, e.last + 1, head->type, lists)) {
          out.push_back(Proposed(i, *last, *last + 1, head->type, kUnquotedHead));
        }
      }
      continue;
    }
    // "Hợp tác" and "Quan hệ Đối tác" name a framework only as a pair of
    // capitalised parties ("Hợp tác Mekong - Nhật Bản"); otherwise they
    // are the common nouns "cooperation", "partnership".
    const bool relation_head = head->type == kRegionalOrg || (line.KeyIs(i, "quan") && line.KeyIs(i + 1, "hệ"));
    if (relation_head && !IsCapitalisedPair(line, i + head_length, e.last)) {
      continue;
    }
    Candidate c;
    c.first = i;
    c.last = e.last;
    c.next = e.last + 1;
    c.type = head->type;
    c.confidence = !e.clear_end ? kUnclearEnd : e.trusted ? kUnquotedHead : kUnverifiedTail;
    c.trusted = e.trusted;
    c.other_ends = e.other_ends;
    if (auto last = RunsOnToTranslation(line, c.next, c.type, lists)) {
      c.last = *last;
      c.next = *last + 1;
      c.confidence = kUnquotedHead;
      c.trusted = true;
      c.other_ends.clear();
    }
    out.push_back(std::move(c));
  }
}

void FindAfterLowercaseHead(Line& line, const VietnameseLists& lists, std::vector<Candidate>& out) {
  constexpr size_t kMaxLatinWords = 5;
  for (size_t i = 0; i + 2 < line.size(); ++i) {
    if (!line.IsWord(i) || !line[i].lower) continue;
    const auto it = lists.heads_by_first.find(line.Key(i));
    if (it == lists.heads_by_first.end()) continue;
    for (const Head& head : it->second) {
      const size_t n = MatchPhrase(line, i, head.words);
      if (n == 0 || head.type == kOrganization) continue;
      size_t last = i + n;
      // "khởi động dự án Mekong Dam Monitor, hợp tác …": a name in Latin
      // script, each word capitalised, closed by punctuation or by the
      // Vietnamese sentence going on, is the whole name.
      size_t latin = last;
      while (line.IsWord(latin) && line[latin].ascii && (line[latin].cap || line[latin].acronym) &&
             latin < i + n + kMaxLatinWords) {
        ++latin;
      }
      if (latin >= last + 2 && line[last].cap && !line[last].acronym && !line.IsPunct(latin, '(') &&
          (!line.IsWord(latin) || line[latin].lower)) {
        out.push_back(Proposed(last, latin - 1, latin, head.type, kQuotedWithoutHead));
        break;
      }
      if (!line.IsWord(last) || !line[last].cap || line[last].acronym) break;
      // Vietnamese capitalises a name's first syllables only ("Cổng Toàn
      // cầu"): lower-case words may follow, up to the parenthesis.
      constexpr size_t kMaxWords = 8;
      while (line.IsWord(last + 1) && last + 1 < i + n + kMaxWords &&
             !(line[last + 1].lower && IsVietnameseStop(line, last + 1, lists))) {
        ++last;
      }
      if (!line.IsPunct(last + 1, '(') || CountWords(line, i + n, last) < 2) break;
      out.push_back(Proposed(i + n, last, last + 1, head.type, kNeedsParenthesis));
      break;
    }
  }
}

}  // namespace policygraph::indexer::discovery
