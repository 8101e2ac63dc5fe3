// Entity discovery (see entity_discovery.h): names found from the text's own
// patterns rather than from the gazetteer.
//
// How it works, line by line (a name never spans a line break):
//  1. The line is cut into pieces: words (letters, digits and combining
//     marks, kept whole across '-', '/', '.', '&' and apostrophes between
//     letters) and single punctuation characters, each with its byte span
//     in the input. This is a cheap hand-written scan, not ICU word
//     breaking: discovery runs over the whole corpus and only the few words
//     near a trigger are ever compared against the word lists.
//  2. Four rules propose candidates: quoted titles, Vietnamese names led by
//     a head word ("Luật …", "Ủy ban …"), English names ending in a head
//     noun ("… Act 2012", "… Agency of …"), and capitalised runs whose
//     initials match an acronym in the parentheses after them.
//  3. Parentheses right after a candidate give it aliases (a translation
//     and/or an acronym); ordinals and a leading "The" give more.
//  4. Overlapping candidates are resolved, surest (then longest) first, and
//     a candidate that is itself another one's alias is dropped: the same
//     entity is reported once per occurrence.
//  5. Over the whole text: an unquoted Vietnamese name whose end is in
//     doubt takes the reading of it that the text confirms elsewhere.
//
// Words are compared through their key: NFC, case-folded, Vietnamese tone
// marks in the newer placement (so "Uỷ ban" and "Ủy ban" are one head), so
// NFD input behaves like NFC input while spans still point into the input
// as given.
#include "indexer/entity_discovery.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>
#include <optional>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "indexer/tone_placement.h"

namespace policygraph::indexer {
namespace {

// ---------------------------------------------------------------------------
// Confidence scale (see the header) and limits.

constexpr double kQuotedWithHead = 0.9;
constexpr double kWithParenthesis = 0.85;  // a head-word name with "(ACRONYM)" or a translation
constexpr double kAcronymInitials = 0.75;
constexpr double kUnquotedHead = 0.7;
constexpr double kQuotedWithoutHead = 0.6;
// A head-word name with a lower-case tail that the text does not confirm
// ("Bộ Ngoại giao gửi" may be the ministry and a verb).
constexpr double kUnverifiedTail = 0.6;
constexpr double kUnclearEnd = 0.5;  // a head-word name cut short without a clear end
// Below the bar for an entity until a translation or acronym in the
// parentheses after it raises it (AttachParenthesis).
constexpr double kNeedsParenthesis = 0.4;

// A quoted title with a head word may be long ("Chiến lược …, tầm nhìn
// 2030"); one without a head word is a short title or it is not a name.
constexpr size_t kMaxQuotedWords = 40;
constexpr size_t kMaxQuotedTitleWords = 12;
// Unquoted Vietnamese names: at most this many words after the head.
constexpr size_t kMaxVietnameseNameWords = 25;
// Lower-case words in a row that an unquoted Vietnamese name may hold: more
// directly after the head (the descriptor: "Ủy ban điều phối …", "Trung tâm
// đổi mới trí tuệ nhân tạo …") than later on, where a long lower-case
// stretch is usually the sentence going on.
constexpr size_t kMaxLowerAfterHead = 8;
constexpr size_t kMaxLowerLater = 8;
// Parenthesised translations longer than this are explanations, not names.
constexpr size_t kMaxTranslationWords = 15;
constexpr size_t kMaxParenthesisPieces = 60;

constexpr std::string_view kLaw = "law";
constexpr std::string_view kAgreement = "agreement";
constexpr std::string_view kStrategy = "strategy";
constexpr std::string_view kPlan = "plan";
constexpr std::string_view kProgramme = "programme";
constexpr std::string_view kInitiative = "initiative";
constexpr std::string_view kEvent = "event";
constexpr std::string_view kOrganization = "organization";

// ---------------------------------------------------------------------------
// Code points.

// The code point at `i` of `s` (advancing `i`); malformed bytes read as
// U+FFFD, one byte at a time, so any input is scanned to its end.
UChar32 NextCodePoint(std::string_view s, size_t& i) {
  const auto byte = static_cast<unsigned char>(s[i]);
  if (byte < 0x80) {  // most of the text, even in Vietnamese
    ++i;
    return byte;
  }
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  int32_t j = 0;
  const int32_t left = static_cast<int32_t>(std::min<size_t>(s.size() - i, 8));
  UChar32 c;
  U8_NEXT(p + i, j, left, c);
  i += static_cast<size_t>(j);
  return c < 0 ? 0xFFFD : c;
}

UChar32 CodePointAt(std::string_view s, size_t i) {
  return i < s.size() ? NextCodePoint(s, i) : 0;
}

// Character classes, with ASCII answered without a property lookup.
bool IsAsciiAlnum(UChar32 c) { return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'); }
bool IsAlnum(UChar32 c) { return c < 0x80 ? IsAsciiAlnum(c) : u_isalnum(c); }
bool IsDigit(UChar32 c) { return c < 0x80 ? (c >= '0' && c <= '9') : u_isdigit(c); }
bool IsUpper(UChar32 c) { return c < 0x80 ? (c >= 'A' && c <= 'Z') : (u_isupper(c) || u_istitle(c)); }
bool IsLower(UChar32 c) { return c < 0x80 ? (c >= 'a' && c <= 'z') : u_islower(c); }
bool IsLetter(UChar32 c) { return c < 0x80 ? ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') : u_isalpha(c); }
bool IsMark(UChar32 c) { return c >= 0x80 && (U_GET_GC_MASK(c) & U_GC_M_MASK) != 0; }
bool IsWordChar(UChar32 c) { return IsAlnum(c) || IsMark(c); }
bool IsSpace(UChar32 c) {
  if (c < 0x80) return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f';
  return u_isUWhiteSpace(c) || c == 0x200B || c == 0xFEFF;
}
bool IsHyphen(UChar32 c) { return c == '-' || c == 0x2010 || c == 0x2011; }
bool IsApostrophe(UChar32 c) { return c == '\'' || c == 0x2019; }
bool IsDash(UChar32 c) { return c == '-' || c == 0x2013 || c == 0x2014; }

std::string ToUtf8(const icu::UnicodeString& s) {
  std::string out;
  s.toUTF8String(out);
  return out;
}

bool IsAscii(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

// A name as it is reported: whitespace runs collapsed to one space, NFC.
std::string CleanText(std::string_view raw) {
  std::string collapsed;
  collapsed.reserve(raw.size());
  for (size_t i = 0; i < raw.size();) {
    const size_t at = i;
    const UChar32 c = NextCodePoint(raw, i);
    if (IsSpace(c)) {
      if (!collapsed.empty() && collapsed.back() != ' ') collapsed += ' ';
    } else {
      collapsed.append(raw.substr(at, i - at));
    }
  }
  while (!collapsed.empty() && collapsed.back() == ' ') collapsed.pop_back();
  if (IsAscii(collapsed)) return collapsed;
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  const icu::UnicodeString u = icu::UnicodeString::fromUTF8(collapsed);
  if (U_FAILURE(status)) return ToUtf8(u);
  icu::UnicodeString normalised = nfc->normalize(u, status);
  return ToUtf8(U_SUCCESS(status) ? normalised : u);
}

// ---------------------------------------------------------------------------
// Pieces: the words and punctuation characters of one line.

struct Piece {
  uint32_t begin = 0;  // byte span in the whole text
  uint32_t end = 0;
  UChar32 punct = 0;  // the character, for punctuation; 0 for a word
  bool space_before = false;
  bool cap = false;         // begins with an upper-case letter
  bool lower = false;       // begins with a lower-case letter
  bool acronym = false;     // >= 2 capitals and few lower-case: ASEAN, VNCERT/CC, NĐ-CP, SICW2022
  bool number = false;      // begins with a digit
  bool ascii = true;        // only ASCII bytes (the key is then a plain lower-casing)
  bool possessive = false;  // followed by 's, which is left out of the piece
  int letters = 0;
  bool word() const { return punct == 0; }
};

// The word that starts at `i`: its end, after joiners between word
// characters ("VNCERT/CC", "U.S.-ASEAN", "R&D", "119,7", "O'Brien") but not
// a possessive 's, which is reported through `possessive_end`.
size_t ScanWord(std::string_view line, size_t i, size_t* possessive_end) {
  *possessive_end = 0;
  UChar32 prev = 0;
  while (i < line.size()) {
    size_t next = i;
    const UChar32 c = NextCodePoint(line, next);
    if (IsWordChar(c)) {
      if (!IsMark(c)) prev = c;  // in NFD text, the letter under the marks
      i = next;
      continue;
    }
    // A joiner counts only between word characters.
    size_t after = next;
    UChar32 d = CodePointAt(line, after);
    if (c == '.' && IsHyphen(d)) {  // "U.S.-ASEAN"
      NextCodePoint(line, after);
      d = CodePointAt(line, after);
    }
    const bool joins_next = IsAlnum(d);
    if (IsApostrophe(c) && (d == 's' || d == 'S')) {
      size_t past_s = after;
      NextCodePoint(line, past_s);
      if (!IsWordChar(CodePointAt(line, past_s))) {
        *possessive_end = past_s;
        return i;
      }
    }
    const bool joiner = IsHyphen(c) || c == '/' || c == '.' || c == '&' || IsApostrophe(c) ||
                        (c == ',' && IsDigit(prev) && IsDigit(d));
    if (!joiner || !joins_next || !IsAlnum(prev)) break;
    i = after;
  }
  return i;
}

void ClassifyWord(std::string_view text, Piece& p) {
  int upper = 0, lower = 0;
  bool first = true;
  for (size_t i = p.begin; i < p.end;) {
    const UChar32 c = NextCodePoint(text, i);
    if (c >= 0x80) p.ascii = false;
    if (first) {
      p.number = IsDigit(c);
      p.cap = IsUpper(c);
      p.lower = IsLower(c);
      first = false;
    }
    if (IsLetter(c)) ++p.letters;
    if (IsUpper(c)) ++upper;
    if (IsLower(c)) ++lower;
  }
  p.acronym = p.cap && upper >= 2 && lower * 2 <= upper;
}

std::vector<Piece> ScanLine(std::string_view text, size_t begin, size_t end) {
  std::vector<Piece> pieces;
  const std::string_view line = text.substr(0, end);
  bool space = true;
  for (size_t i = begin; i < end;) {
    size_t next = i;
    const UChar32 c = NextCodePoint(line, next);
    if (IsSpace(c)) {
      space = true;
      i = next;
      continue;
    }
    Piece p;
    p.begin = static_cast<uint32_t>(i);
    p.space_before = space;
    space = false;
    if (IsWordChar(c)) {
      size_t possessive_end = 0;
      p.end = static_cast<uint32_t>(ScanWord(line, i, &possessive_end));
      ClassifyWord(text, p);
      p.possessive = possessive_end != 0;
      i = p.possessive ? possessive_end : p.end;
    } else {
      p.end = static_cast<uint32_t>(next);
      p.punct = c;
      i = next;
    }
    pieces.push_back(p);
  }
  return pieces;
}

// ---------------------------------------------------------------------------
// Word lists. Vietnamese entries are written as keys (lower case, NFC) and
// run through the same normalisation as the text at start-up, so their
// tone placement does not matter.

using Phrase = std::vector<std::string>;

struct Head {
  Phrase words;
  std::string_view type;
};

// Vietnamese names start with one of these ("Luật An ninh mạng").
constexpr std::pair<const char*, std::string_view> kVietnameseHeads[] = {
    {"luật", kLaw}, {"bộ luật", kLaw}, {"đạo luật", kLaw}, {"nghị định", kLaw}, {"quyết định", kLaw},
    {"thông tư", kLaw}, {"quy định", kLaw}, {"pháp lệnh", kLaw}, {"nghị quyết", kLaw}, {"hiến pháp", kLaw},
    {"hiệp định", kAgreement}, {"công ước", kAgreement}, {"hiệp ước", kAgreement},
    {"thỏa thuận", kAgreement}, {"khung", kAgreement}, {"nghị định thư", kAgreement},
    {"bản ghi nhớ", kAgreement}, {"biên bản ghi nhớ", kAgreement}, {"khu vực thương mại tự do", kAgreement},
    {"bộ quy tắc", kAgreement},
    {"khuôn khổ", kInitiative}, {"hiến chương", kAgreement},
    {"tầm nhìn", kStrategy},
    {"chiến lược", kStrategy}, {"chính sách", kStrategy},
    {"kế hoạch", kPlan}, {"lộ trình", kPlan}, {"quy hoạch", kPlan},
    {"chương trình", kProgramme}, {"đề án", kProgramme}, {"dự án", kProgramme},
    {"sáng kiến", kInitiative},
    {"hội nghị", kEvent}, {"hội nghị thượng đỉnh", kEvent}, {"diễn đàn", kEvent},
    {"đối thoại", kEvent}, {"hội thảo", kEvent}, {"tuần lễ", kEvent},
    {"ủy ban", kOrganization}, {"trung tâm", kOrganization}, {"bộ", kOrganization},
    {"hiệp hội", kOrganization}, {"cơ quan", kOrganization}, {"cục", kOrganization},
    {"tổng cục", kOrganization}, {"quỹ", kOrganization}, {"viện", kOrganization},
    {"học viện", kOrganization}, {"nhóm công tác", kOrganization}, {"mạng lưới", kOrganization},
    {"tập đoàn", kOrganization}, {"công ty", kOrganization}, {"tổng công ty", kOrganization},
    {"hội đồng", kOrganization}, {"nhóm", kOrganization}, {"liên minh", kOrganization},
    {"tổ chức", kOrganization}, {"lực lượng", kOrganization}, {"cảnh sát biển", kOrganization},
    {"hải cảnh", kOrganization}, {"đại học", kOrganization}, {"trường đại học", kOrganization},
    {"ngân hàng", kOrganization}, {"văn phòng", kOrganization}, {"quốc hội", kOrganization},
};

// Lower-case words that make a head word something else: "Bộ trưởng" is a
// minister, "Bộ phận" a unit, "Cục trưởng" a director, "Luật sư" a lawyer.
constexpr const char* kNotAHeadBefore[] = {
    "trưởng", "phó", "phận", "máy", "đội", "mặt", "hồ", "tiêu", "chỉ", "sưu", "viên", "lý",
    "sư", "gia", "lệ",
};

// Words for office holders: a capitalised run after one ("Bộ trưởng Điều
// phối Chính sách Kinh tế") is a title, and only an organisation head may
// start a name inside it ("Bộ trưởng Bộ Công an").
constexpr const char* kTitleWords[] = {"trưởng", "tịch", "đốc", "nhiệm", "tướng"};

// Words that, before a number, refer to a part of a text ("Điều 5").
constexpr const char* kPartWords[] = {"điều", "khoản", "điểm", "chương", "mục", "phần", "phụ lục"};

// Lower-case words and phrases that start the predicate or a new clause: an
// unquoted Vietnamese name ends before them. Capitalised, they may belong
// to a name ("Bộ Tư pháp", "Luật Tổ chức Quốc hội"). Single syllables are
// only function words: a content syllable such as "mới", "mở", "giao" or
// "ký" is also part of compounds that occur inside names ("đổi mới", "mở
// rộng", "Bộ Ngoại giao", "đăng ký"); verbs are listed as whole words.
constexpr const char* kVietnameseStops[] = {
    "đã", "sẽ", "đang", "được", "bị", "có", "là", "do", "cho", "với", "nhằm", "để", "tại", "trong",
    "từ", "theo", "thuộc", "của", "này", "đó", "kia", "ấy", "nọ", "khi", "nếu", "mà", "thì", "vì",
    "nên", "hoặc", "hay", "cũng", "đều", "vẫn", "còn", "rằng", "ngày", "tháng", "qua", "sau", "ở",
    "trước", "đến", "tới", "những", "nhiều", "mọi", "như", "cùng", "v.v", "vv", "nhưng", "tuy",
    "không", "chưa", "chỉ", "rất", "đây", "nêu", "trên", "dưới", "giữa", "bởi", "tổ chức",
    "công bố", "thông qua", "ban hành", "phê duyệt", "triển khai", "ký kết", "chủ trì", "phối hợp",
    "chính thức", "vận hành", "khởi động", "tham gia", "thực hiện", "quy định", "hướng dẫn",
    "đề xuất", "nhấn mạnh", "cho biết", "phát biểu", "yêu cầu", "hỗ trợ", "thành lập", "tuyên bố",
    "trở thành", "cung cấp", "bắt đầu", "đưa ra", "kêu gọi", "đạt được", "sửa đổi", "bổ sung",
    "diễn ra", "khai mạc", "bế mạc", "kết thúc", "tập trung", "đánh giá", "cam kết", "thống nhất",
    "chịu trách nhiệm", "báo cáo", "áp dụng", "liên quan", "căn cứ", "chỉ đạo", "đề nghị",
    "xem xét", "quyết định", "ủy quyền", "phân công", "xác định", "ghi nhận", "khẳng định",
    "thúc đẩy", "tăng cường", "đẩy mạnh", "góp phần", "tiến hành", "bao gồm", "gọi là", "cụ thể",
    "thay thế", "hiện hành", "hiện nay", "tiếp tục", "kèm theo", "dẫn đến", "ra mắt", "chậm nhất",
    "định kỳ", "trực tiếp", "điều động", "chất vấn", "miễn nhiệm", "bổ nhiệm", "giải quyết",
    "xử lý", "kiểm tra", "công nhận", "cấp phép", "cấp lại", "thu hồi", "đình chỉ", "tạm đình chỉ",
    "ra quyết định", "ủy thác", "tống đạt", "lựa chọn", "xét xử", "kháng nghị", "hết hiệu lực",
    "có hiệu lực", "số lượng", "kiến nghị", "ít nhất", "tiếp nhận", "bằng văn bản", "thông báo",
    "chấp thuận", "xác nhận", "vào sổ", "đối với", "về việc", "về lĩnh vực", "đồng tổ chức",
    "đồng chủ trì", "phê chuẩn", "vào", "trình", "cấp giấy phép", "tán thành", "triệu tập", "gửi", "giao cho",
    "thẩm định", "bãi bỏ", "chấp thuận", "lấy ý kiến", "rót vốn", "rót thêm", "rót",
};

// Compounds that begin with a stop word but are ordinary nouns inside names
// ("Trung tâm Ứng cứu khẩn cấp không gian mạng").
constexpr const char* kNotStops[] = {
    "không gian", "không khí", "không quân", "không dây", "không người lái", "chỉ số",
    "chỉ huy", "chỉ tiêu", "trong nước", "sau đại học", "đến hạn", "cho vay",
};

// Honours and titles of merit are quoted in Vietnamese texts like names
// ("Huân chương Lao động", "Chiến sĩ thi đua"), but they are not entities
// of any type here.
constexpr const char* kHonours[] = {
    "huân chương", "huy chương", "bằng khen", "cờ thi đua", "giải thưởng", "kỷ niệm chương",
    "danh hiệu", "chiến sĩ", "chiến sỹ", "anh hùng", "nghệ sĩ", "nghệ nhân", "nhà giáo", "thầy thuốc",
    "bà mẹ", "lao động tiên tiến", "lao động xuất sắc", "tập thể lao động", "đơn vị",
    "gia đình văn hóa", "làng văn hóa",
};

// Words that may sit inside an unquoted Vietnamese name but never end it.
// ("số" is not one: it also means "digital" and ends "Kinh tế số").
constexpr const char* kVietnameseInnerOnly[] = {"và", "về", "các", "năm", "lần", "thứ", "giai", "đoạn"};

// Vietnamese ordinal: "lần thứ" + number or one of these.
constexpr const char* kVietnameseOrdinals[] = {
    "nhất", "hai", "ba", "tư", "bốn", "năm", "sáu", "bảy", "tám", "chín", "mười", "mốt", "một",
};

// Words inside a quoted title that make it a sentence, not a title.
constexpr const char* kPredicateWords[] = {
    "đã", "sẽ", "đang", "bị", "là", "rằng", "is", "are", "was", "were", "will", "shall", "must",
    "should", "would", "has", "have", "had",
};

// English words after a quoted term that make the quote a definition
// ("“Commissioner” means …"), not a title.
constexpr const char* kDefinitionVerbs[] = {"means", "mean", "includes", "include", "refers", "has"};

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
      {"Partnership", kInitiative}, {"Initiative", kInitiative},
      {"Plan", kPlan}, {"Masterplan", kPlan}, {"Roadmap", kPlan}, {"Blueprint", kPlan},
      {"Programme", kProgramme}, {"Program", kProgramme}, {"Project", kProgramme},
      {"Scheme", kProgramme}, {"Visa", kProgramme}, {"System", kProgramme},
      {"Forum", kEvent}, {"Dialogue", kEvent}, {"Summit", kEvent}, {"Conference", kEvent},
      {"Meeting", kEvent}, {"Week", kEvent},
      {"Committee", kOrganization}, {"Council", kOrganization}, {"Centre", kOrganization},
      {"Center", kOrganization}, {"Agency", kOrganization}, {"Commission", kOrganization},
      {"Ministry", kOrganization}, {"Department", kOrganization}, {"Authority", kOrganization},
      {"Association", kOrganization}, {"Foundation", kOrganization}, {"Fund", kOrganization},
      {"Network", kOrganization}, {"Institute", kOrganization}, {"Bureau", kOrganization},
      {"Board", kOrganization}, {"Office", kOrganization}, {"Organisation", kOrganization},
      {"Organization", kOrganization}, {"Team", kOrganization}, {"Corporation", kOrganization},
      {"Bank", kOrganization}, {"Court", kOrganization}, {"Tribunal", kOrganization},
      {"Parliament", kOrganization}, {"Service", kOrganization}, {"Alliance", kOrganization},
  };
  return heads;
}

// Little words allowed inside an English name, between capitalised words.
const std::unordered_set<std::string_view>& EnglishConnectors() {
  static const std::unordered_set<std::string_view> words = {"of", "on", "for", "and", "the", "in", "with", "&"};
  return words;
}

// Capitalised words that start a sentence or a reference, never a name.
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
  };
  return words;
}

const std::unordered_set<std::string_view>& EnglishOrdinals() {
  static const std::unordered_set<std::string_view> words = {
      "First", "Second", "Third", "Fourth", "Fifth", "Sixth", "Seventh", "Eighth", "Ninth",
      "Tenth", "Eleventh", "Twelfth",
  };
  return words;
}

// "Third", or a number written as an ordinal: "31st", "2nd", "13th".
bool IsEnglishOrdinalWord(std::string_view raw) {
  if (EnglishOrdinals().count(raw)) return true;
  size_t digits = 0;
  while (digits < raw.size() && raw[digits] >= '0' && raw[digits] <= '9') ++digits;
  if (digits == 0 || digits > 3 || raw.size() != digits + 2) return false;
  const std::string_view suffix = raw.substr(digits);
  return suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th";
}

// The Vietnamese lists as keys, built once with the analyser's folding.
struct VietnameseLists {
  std::unordered_map<std::string, std::vector<Head>> heads_by_first;  // longest first
  std::unordered_map<std::string, std::vector<Phrase>> stops_by_first;
  std::unordered_map<std::string, std::vector<Phrase>> not_stops_by_first;
  std::unordered_map<std::string, std::vector<Phrase>> honours_by_first;
  std::unordered_set<std::string> not_a_head_before, title_words, part_words, inner_only, ordinals,
      predicates, definition_verbs;
};

// ---------------------------------------------------------------------------
// A line with lazily computed word keys.

// Word keys: NFC, case-folded, tone marks in the newer placement, as the
// analyser folds them. Non-ASCII words are folded through ICU, which costs
// far more than a lookup, and a text repeats its words, so they are cached
// for the whole text.
class KeyMaker {
 public:
  explicit KeyMaker(const Analyzer& analyzer) : analyzer_(analyzer) {}

  std::string Key(std::string_view raw, bool ascii) {
    if (ascii) {
      std::string key(raw);
      for (char& ch : key) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      return key;
    }
    if (cache_.size() > kMaxCached) cache_.clear();
    auto [it, inserted] = cache_.try_emplace(std::string(raw));
    if (inserted) {
      const std::string exact = analyzer_.Exact(raw);
      it->second = ToUtf8(CanonicalToneSyllable(icu::UnicodeString::fromUTF8(exact)));
    }
    return it->second;
  }

 private:
  static constexpr size_t kMaxCached = 200000;
  const Analyzer& analyzer_;
  std::unordered_map<std::string, std::string> cache_;
};

// A line cut into pieces, with word keys computed when first asked for.
class Line {
 public:
  Line(std::string_view text, size_t begin, size_t end, KeyMaker& keys)
      : text_(text), key_maker_(keys), pieces_(ScanLine(text, begin, end)),
        keys_(pieces_.size()), has_key_(pieces_.size(), false) {}

  size_t size() const { return pieces_.size(); }
  const Piece& operator[](size_t i) const { return pieces_[i]; }
  std::string_view Raw(size_t i) const { return text_.substr(pieces_[i].begin, pieces_[i].end - pieces_[i].begin); }
  std::string_view text() const { return text_; }

  // The word's key; "" for punctuation and beyond the line.
  const std::string& Key(size_t i) {
    static const std::string kNone;
    if (i >= pieces_.size() || !pieces_[i].word()) return kNone;
    if (!has_key_[i]) {
      keys_[i] = key_maker_.Key(Raw(i), pieces_[i].ascii);
      has_key_[i] = true;
    }
    return keys_[i];
  }

  bool IsWord(size_t i) const { return i < pieces_.size() && pieces_[i].word(); }
  bool IsPunct(size_t i, UChar32 c) const { return i < pieces_.size() && pieces_[i].punct == c; }
  bool KeyIs(size_t i, std::string_view key) { return IsWord(i) && Key(i) == key; }

 private:
  std::string_view text_;
  KeyMaker& key_maker_;
  std::vector<Piece> pieces_;
  std::vector<std::string> keys_;
  std::vector<bool> has_key_;
};

Phrase MakePhrase(std::string_view words, const Analyzer& analyzer) {
  KeyMaker keys(analyzer);
  Phrase phrase;
  size_t start = 0;
  for (size_t i = 0; i <= words.size(); ++i) {
    if (i == words.size() || words[i] == ' ') {
      if (i > start) {
        const std::string_view w = words.substr(start, i - start);
        phrase.push_back(keys.Key(w, IsAscii(w)));
      }
      start = i + 1;
    }
  }
  return phrase;
}

const VietnameseLists& Lists(const Analyzer& analyzer) {
  static const VietnameseLists lists = [&analyzer] {
    VietnameseLists l;
    auto key = [&analyzer](const char* w) { return MakePhrase(w, analyzer).front(); };
    for (const auto& [words, type] : kVietnameseHeads) {
      Head h{MakePhrase(words, analyzer), type};
      l.heads_by_first[h.words.front()].push_back(std::move(h));
    }
    for (auto& [_, heads] : l.heads_by_first) {
      std::stable_sort(heads.begin(), heads.end(),
                       [](const Head& a, const Head& b) { return a.words.size() > b.words.size(); });
    }
    for (const char* stop : kVietnameseStops) {
      Phrase p = MakePhrase(stop, analyzer);
      l.stops_by_first[p.front()].push_back(std::move(p));
    }
    for (const char* stop : kNotStops) {
      Phrase p = MakePhrase(stop, analyzer);
      l.not_stops_by_first[p.front()].push_back(std::move(p));
    }
    for (const char* honour : kHonours) {
      Phrase p = MakePhrase(honour, analyzer);
      l.honours_by_first[p.front()].push_back(std::move(p));
    }
    for (const char* w : kNotAHeadBefore) l.not_a_head_before.insert(key(w));
    for (const char* w : kTitleWords) l.title_words.insert(key(w));
    for (const char* w : kPartWords) l.part_words.insert(key(w));
    for (const char* w : kVietnameseInnerOnly) l.inner_only.insert(key(w));
    for (const char* w : kVietnameseOrdinals) l.ordinals.insert(key(w));
    for (const char* w : kPredicateWords) l.predicates.insert(key(w));
    for (const char* w : kDefinitionVerbs) l.definition_verbs.insert(key(w));
    return l;
  }();
  return lists;
}

// ---------------------------------------------------------------------------
// Small predicates over pieces.

// Number of pieces of `phrase` matched from `i` (consecutive words), or 0.
size_t MatchPhrase(Line& line, size_t i, const Phrase& phrase) {
  for (size_t k = 0; k < phrase.size(); ++k) {
    if (!line.IsWord(i + k) || line.Key(i + k) != phrase[k]) return 0;
    if (k > 0 && !line[i + k].space_before) return 0;
  }
  return phrase.size();
}

bool MatchesAny(Line& line, size_t i, const std::unordered_map<std::string, std::vector<Phrase>>& by_first) {
  const auto it = by_first.find(line.Key(i));
  if (it == by_first.end()) return false;
  return std::any_of(it->second.begin(), it->second.end(),
                     [&](const Phrase& p) { return MatchPhrase(line, i, p) != 0; });
}

bool IsVietnameseStop(Line& line, size_t i, const VietnameseLists& lists) {
  if (!line.IsWord(i) || !line[i].lower) return false;
  // "tự do" (free): "do" (by, because) here ends a compound, not a name.
  if (i > 0 && line.KeyIs(i, "do") && line.KeyIs(i - 1, "tự")) return false;
  return MatchesAny(line, i, lists.stops_by_first) && !MatchesAny(line, i, lists.not_stops_by_first);
}

bool IsStrong(const Piece& p) { return p.word() && (p.cap || p.acronym || p.number); }

// A year or a range of years: 2022, 2021-2025.
bool IsYear(std::string_view raw) {
  auto four_digits = [](std::string_view s) {
    return s.size() == 4 && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; }) &&
           (s[0] == '1' || s[0] == '2');
  };
  if (four_digits(raw)) return true;
  return raw.size() == 9 && raw[4] == '-' && four_digits(raw.substr(0, 4)) && four_digits(raw.substr(5));
}

// A document number: 53/2022/NĐ-CP, 68/2020/QH14.
bool IsDocumentNumber(const Piece& p, std::string_view raw) {
  return p.number && raw.find('/') != std::string_view::npos && p.letters > 0;
}

// The Vietnamese head starting at `i` (capitalised, not all capitals), or
// nullptr. `*length` receives its number of pieces.
const Head* VietnameseHeadAt(Line& line, size_t i, const VietnameseLists& lists, size_t* length) {
  if (!line.IsWord(i) || !line[i].cap || line[i].acronym) return nullptr;
  const auto it = lists.heads_by_first.find(line.Key(i));
  if (it == lists.heads_by_first.end()) return nullptr;
  for (const Head& head : it->second) {
    const size_t n = MatchPhrase(line, i, head.words);
    if (n == 0) continue;
    // "Bộ trưởng", "Cục trưởng": a title, not the organisation.
    if (line.IsWord(i + n) && line[i + n].lower && lists.not_a_head_before.count(line.Key(i + n))) return nullptr;
    *length = n;
    return &head;
  }
  return nullptr;
}

// Whether a Vietnamese head of any case ends just before `i` (the head
// word in front of a quote: Đề án “…”, chiến lược “…”).
const Head* VietnameseHeadBefore(Line& line, size_t i, const VietnameseLists& lists) {
  const Head* best = nullptr;
  for (size_t n = 1; n <= 4 && n <= i; ++n) {
    const size_t start = i - n;
    if (!line.IsWord(start)) break;
    const auto it = lists.heads_by_first.find(line.Key(start));
    if (it == lists.heads_by_first.end()) continue;
    for (const Head& head : it->second) {
      if (head.words.size() == n && MatchPhrase(line, start, head.words) == n) best = &head;
    }
  }
  return best;
}

// Whether `i` follows an office holder's title in the same clause ("Bộ
// trưởng Điều phối Chính sách …").
bool AfterTitleWord(Line& line, size_t i, const VietnameseLists& lists) {
  for (size_t back = 1; back <= 8 && back <= i; ++back) {
    const size_t j = i - back;
    if (!line.IsWord(j)) return false;
    if (line[j].lower && lists.title_words.count(line.Key(j))) return true;
    // "Thủ tướng Chính phủ phê duyệt tại Quyết định …": a verb between ends
    // the title; only its own capitalised words may come between.
    if (line[j].lower && back > 1 && !(j + 1 < line.size() && line[j + 1].cap)) return false;
  }
  return false;
}

std::optional<std::string_view> EnglishHeadType(Line& line, size_t i) {
  if (!line.IsWord(i) || !line[i].cap || line[i].acronym || !line[i].ascii) return std::nullopt;
  const auto& heads = EnglishHeads();
  const auto it = heads.find(line.Raw(i));
  if (it == heads.end()) return std::nullopt;
  return it->second;
}

bool IsEnglishConnector(Line& line, size_t i) {
  return line.IsWord(i) && line[i].lower && EnglishConnectors().count(line.Key(i));
}

// A capitalised word that can be part of an English name: not a
// determiner, at least two letters (not a section label like "B").
bool IsEnglishNameWord(Line& line, size_t i) {
  if (!line.IsWord(i) || !line[i].cap) return false;
  // "G20", "G7": one capital and digits name a group.
  if (line[i].letters < 2 && !(line[i].letters == 1 && line.Raw(i).size() > 1 && line[i].ascii)) return false;
  return !EnglishDeterminers().count(line.Raw(i));
}

// The type of an English name over pieces [first, last]: a law head at the
// end wins ("Supreme Court of Judicature Act 1969"); otherwise a head
// followed by "of/on/for" is the real head ("Agreement for Trans-Pacific
// Partnership", "Agency for Cybersecurity"); otherwise the last head.
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

// ---------------------------------------------------------------------------
// Candidates.

struct Candidate {
  size_t first = 0;  // pieces of the name, inclusive
  size_t last = 0;
  size_t next = 0;  // the piece after the name (after its closing quote)
  std::string_view type;
  double confidence = 0;
  bool quoted = false;
  std::vector<std::string> aliases;
  std::vector<std::string> variants;  // see DiscoveredName::variants
  std::vector<std::pair<uint32_t, uint32_t>> alias_spans;  // text that is an alias, not a name
  bool trusted = true;             // see Extent
  std::vector<uint32_t> other_ends;  // see Extent
};

// A name found in a line, before the whole text is known.
struct Found {
  DiscoveredName name;
  bool trusted = true;
  std::vector<uint32_t> other_ends;
};

size_t CountWords(const Line& line, size_t first, size_t last) {
  size_t n = 0;
  for (size_t i = first; i <= last && i < line.size(); ++i) n += line.IsWord(i);
  return n;
}

std::string TextOf(const Line& line, size_t first, size_t last) {
  return CleanText(line.text().substr(line[first].begin, line[last].end - line[first].begin));
}

// ----- Rule 1: quoted titles -----

UChar32 ClosingQuote(UChar32 open) {
  switch (open) {
    case 0x201C: return 0x201D;  // “ ”
    case 0x00AB: return 0x00BB;  // « »
    case '"': return '"';
    default: return 0;
  }
}

bool IsQuote(UChar32 c) {
  return c == '"' || c == 0x201C || c == 0x201D || c == 0x2018 || c == 0x2019 || c == 0x00AB || c == 0x00BB;
}

bool IsSentencePunct(UChar32 c) { return c == '.' || c == '?' || c == '!' || c == ';' || c == ':'; }

// Whether the quoted words [first, last] read as a sentence rather than a
// title.
bool QuoteIsNotATitle(Line& line, size_t first, size_t last, const VietnameseLists& lists) {
  for (size_t i = first; i <= last; ++i) {
    if (!line.IsWord(i)) {
      if (IsSentencePunct(line[i].punct) || IsQuote(line[i].punct)) return true;
      continue;
    }
    if (line[i].lower && lists.predicates.count(line.Key(i))) return true;
  }
  return false;
}

// Title-case prefix of a long quoted title, before the first ", lower-case"
// ("Chiến lược An toàn, An ninh mạng quốc gia, chủ động …" gives
// "Chiến lược An toàn, An ninh mạng quốc gia").
void AddCommaPrefixAlias(Line& line, Candidate& c) {
  for (size_t i = c.first + 2; i < c.last; ++i) {
    if (line.IsPunct(i, ',') && line.IsWord(i + 1) && line[i + 1].lower) {
      if (CountWords(line, c.first, i - 1) >= 2) c.aliases.push_back(TextOf(line, c.first, i - 1));
      return;
    }
  }
}

// Whether quoted words [first, last] without a head word read as the
// title of something ("Con đường tơ lụa kỹ thuật số", "Vành đai và Con
// đường") rather than a quoted term, label or honour ("Nhà thầu phụ",
// "Huân chương Lao động", "Singapore telephone number").
bool IsHeadlessTitle(Line& line, size_t first, size_t last, const VietnameseLists& lists) {
  const size_t words = CountWords(line, first, last);
  if (words < 2 || words > kMaxQuotedTitleWords) return false;
  if (EnglishDeterminers().count(line.Raw(first)) && line.Raw(first) != "The") return false;
  if (MatchesAny(line, first, lists.honours_by_first)) return false;
  size_t inner_capitals = 0, strong = 0, content = 0, all_caps = 0;
  bool ascii = true;
  for (size_t i = first; i <= last; ++i) {
    if (!line.IsWord(i)) {
      if (line[i].punct == ',') return false;  // a list or a clause, not a title
      continue;
    }
    ascii = ascii && line[i].ascii;
    all_caps += line[i].acronym;
    if (i > first && line[i].cap) ++inner_capitals;
    if (IsEnglishConnector(line, i)) continue;
    ++content;
    strong += IsStrong(line[i]);
  }
  if (all_caps == words) return false;  // a heading in capitals
  // English titles capitalise their words; a quoted lower-case English
  // phrase is a defined term.
  if (ascii && strong * 2 < content + 1) return false;
  // Two or three lower-case syllables after a capital are one Vietnamese
  // compound noun ("Nhà thầu phụ"), not a title.
  return inner_capitals > 0 || words >= 4;
}

std::optional<Candidate> QuotedTitle(Line& line, size_t open, size_t close, const VietnameseLists& lists) {
  size_t first = open + 1;
  size_t last = close - 1;
  if (close <= open + 1) return std::nullopt;
  // Trailing punctuation inside the quotes is not part of the title.
  while (last > first && !line.IsWord(last) && !line.IsPunct(last, ')')) --last;
  if (!line.IsWord(first) || !line[first].cap) return std::nullopt;
  const size_t words = CountWords(line, first, last);
  if (words < 2 || words > kMaxQuotedWords) return std::nullopt;
  if (QuoteIsNotATitle(line, first, last, lists)) return std::nullopt;

  Candidate c;
  c.first = first;
  c.last = last;
  c.next = close + 1;
  c.quoted = true;
  size_t head_length = 0;
  if (const Head* head = VietnameseHeadAt(line, first, lists, &head_length); head && words > head_length) {
    c.type = head->type;
    c.confidence = kQuotedWithHead;
  } else if (const Head* before = VietnameseHeadBefore(line, open, lists)) {
    c.type = before->type;
    c.confidence = kQuotedWithHead;
  } else if (const auto english = EnglishTypeOfRun(line, first, last); english && words >= 2) {
    c.type = *english;
    c.confidence = kQuotedWithHead;
  } else {
    if (!IsHeadlessTitle(line, first, last, lists)) return std::nullopt;
    c.type = kInitiative;
    c.confidence = kQuotedWithoutHead;
  }
  if (c.confidence == kQuotedWithHead) AddCommaPrefixAlias(line, c);
  return c;
}

// Quoted titles go to `out`; quoted terms being defined ("“X” means …")
// go to `defined`, whose words no other rule may take for a name.
void FindQuoted(Line& line, const VietnameseLists& lists, std::vector<Candidate>& out,
                std::vector<std::pair<size_t, size_t>>& defined) {
  for (size_t i = 0; i < line.size(); ++i) {
    const UChar32 close_char = ClosingQuote(line[i].punct);
    if (close_char == 0) continue;
    size_t close = i + 1;
    while (close < line.size() && line[close].punct != close_char && close - i <= 2 * kMaxQuotedWords) ++close;
    if (close >= line.size() || line[close].punct != close_char) continue;
    if (line.IsWord(close + 1) && lists.definition_verbs.count(line.Key(close + 1))) {
      defined.emplace_back(i, close);
    } else if (auto c = QuotedTitle(line, i, close, lists)) {
      out.push_back(std::move(*c));
    }
    i = close;  // straight quotes pair up in order
  }
}

// ----- Rule 2: Vietnamese names led by a head word -----

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

bool IsLoneAcronym(Line& line, size_t first, size_t last) {
  return first == last && line.IsWord(first) && line[first].acronym && line.Raw(first).size() <= 12;
}

// Whether the piece gives an unquoted name its needed proper part.
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

// Whether the Vietnamese name being extended stops before word `i`.
bool EndsVietnameseName(Line& line, size_t i, const VietnameseLists& lists) {
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
  size_t head_length = 0;
  // "… Việt Nam và Hiệp hội …", "Bộ Tư pháp và cơ quan …", "Quốc hội và
  // Chủ tịch nước": "và" before a head word, an office, a number or a
  // lower-case word joins the name to something else.
  // "Hội nghị Cấp cao ASEAN lần thứ 28 và 29": two meetings held as one.
  if (key == "và" && i >= 3 && line.IsWord(i - 1) && line[i - 1].number && line.KeyIs(i - 2, "thứ") &&
      line.KeyIs(i - 3, "lần") && line.IsWord(i + 1) && line[i + 1].number) {
    return false;
  }
  if (key == "và" && line.IsWord(i + 1) &&
      (line[i + 1].lower || line[i + 1].number || VietnameseHeadAt(line, i + 1, lists, &head_length) ||
       IsOfficeTitle(line, i + 1, lists))) {
    // "… quan hệ hữu nghị và hợp tác ASEAN - Nhật Bản": a lower-case
    // stretch that reaches a capitalised part of the same name goes on.
    return !(line[i + 1].lower && CapitalisedSoon(line, i + 1, lists));
  }
  // "năm" belongs to a name only before a year ("… ASEAN năm 2025") or
  // after a number of years ("kỷ niệm 50 năm quan hệ …").
  const bool after_number = i > 0 && line.IsWord(i - 1) && line[i - 1].number;
  return key == "năm" && !(line.IsWord(i + 1) && line[i + 1].number) && !after_number;
}

// ----- Persons -----

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

bool IsSurname(Line& line, size_t i) {
  if (!line.IsWord(i) || !line[i].cap || line[i].acronym) return false;
  const std::string& key = line.Key(i);
  return std::any_of(std::begin(kVietnameseSurnames), std::end(kVietnameseSurnames),
                     [&](const char* s) { return key == s; });
}

// The last word of a personal name starting at `i`: 1-3 more capitalised
// words, then the name must end (a lower-case word, punctuation, the line's
// end). 0 when there is none.
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

// A Vietnamese office title ("Bộ trưởng", "Thủ tướng", "Chủ tịch") within
// the `window` words before `i`.
bool TitleBefore(Line& line, size_t i, const VietnameseLists& lists, size_t window) {
  for (size_t back = 1; back <= window && back <= i; ++back) {
    const size_t j = i - back;
    if (line.IsWord(j) && line[j].lower && lists.title_words.count(line.Key(j))) return true;
    if (line.IsWord(j) && (line.Raw(j) == "thống" || line.Raw(j) == "Thống")) return true;  // Tổng thống
  }
  return false;
}

constexpr double kPersonAfterTitle = 0.6;

// "Lee Yam Ming, the AHA Centre's executive director, …": two or three
// capitalised Latin words, then a comma and, within a few words, a role.
// Returns the name's last piece, or 0.
size_t PersonBeforeRole(Line& line, size_t i) {
  static const std::unordered_set<std::string_view> kRoles = {
      "director", "minister", "secretary", "president", "chairman", "chairwoman", "chairperson", "chief",
      "head", "ambassador", "governor", "spokesperson", "spokesman", "spokeswoman", "commissioner", "envoy"};
  if (i > 0 && line.IsWord(i - 1) && (line[i - 1].cap || line[i - 1].number)) return 0;
  size_t last = i;
  while (last < line.size() && last < i + 3 && line.IsWord(last) && line[last].cap && line[last].ascii &&
         !line[last].acronym && !line[last].possessive && !EnglishDeterminers().count(line.Raw(last)) &&
         !EnglishHeadType(line, last)) {
    ++last;
  }
  if (last - i < 2 || !line.IsPunct(last, ',')) return 0;
  for (size_t k = last + 1; k < line.size() && k <= last + 7; ++k) {
    if (!line.IsWord(k)) return 0;
    if (line[k].lower && kRoles.count(line.Raw(k))) return last - 1;
  }
  return 0;
}

// "Ông Morikawa Shinji", "bà Trần Thị B", "PGS.TS Nguyễn Văn Lâm", "TS.
// Lê Văn C": a form of address or an academic title right before a name.
bool AfterHonorific(Line& line, size_t i) {
  static const std::unordered_set<std::string> kHonorifics = {
      "ông", "bà", "pgs.ts", "gs.ts", "gs.tskh", "pgs", "gs", "ts", "ths", "tskh", "ts.bs", "bs"};
  size_t j = i;
  if (j > 0 && line.IsPunct(j - 1, '.')) --j;  // "TS. Lê Văn C"
  return j > 0 && line.IsWord(j - 1) && kHonorifics.count(line.Key(j - 1)) > 0;
}

void FindPersons(Line& line, const VietnameseLists& lists, std::vector<Candidate>& out) {
  for (size_t i = 0; i < line.size(); ++i) {
    size_t last = 0;
    if (IsSurname(line, i) && TitleBefore(line, i, lists, 12)) {
      last = PersonNameEnd(line, i, lists);
    } else if (line.IsWord(i) && line[i].cap && !line[i].acronym && AfterHonorific(line, i) &&
               (IsSurname(line, i) || line[i].ascii)) {
      last = PersonNameEnd(line, i, lists);
    } else if (i > 0 && line.IsWord(i - 1) && EnglishPersonTitles().count(line.Raw(i - 1)) && line.IsWord(i) &&
               line[i].cap && !line[i].acronym && line[i].ascii && !EnglishHeadType(line, i)) {
      last = PersonNameEnd(line, i, lists);  // "President Joe Biden", "Minister Anwar Ibrahim"
    } else if (line.IsWord(i) && line[i].cap && !line[i].acronym && line[i].ascii && !line[i - (i > 0)].ascii &&
               i >= 2 && TitleBefore(line, i, lists, 4) && line.IsWord(i + 1) && line[i + 1].cap &&
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
    if (last == 0) continue;
    Candidate c;
    c.first = i;
    c.last = last;
    c.next = last + 1;
    c.type = "person";
    c.confidence = kPersonAfterTitle;
    out.push_back(std::move(c));
    i = last;
  }
}

// Where an unquoted Vietnamese name whose head ends before `body` ends.
// A clear end (punctuation, '(', a quote, a predicate word, the line's end)
// keeps the words before it. Without one (too many lower-case words or
// words in all) the name is cut back to its last capitalised word or
// number, plus one lower-case syllable after a lone capitalised syllable:
// proper names capitalise only their first syllable ("Bộ Tài chính").
Extent ExtendVietnameseName(Line& line, size_t body, const VietnameseLists& lists, bool titled) {
  Extent e;
  size_t last_word = body - 1;
  std::optional<size_t> last_strong;
  size_t lower_run = 0;
  bool after_head = true;
  bool strong_end = false;
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
      e.clear_end = true;
      strong_end = p.punct == '(' || IsQuote(p.punct);
      break;
    }
    if (EndsVietnameseName(line, i, lists)) {
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
    if (i > body && line[i - 1].lower && !lists.inner_only.count(line.Key(i - 1)) && !legal_form &&
        VietnameseHeadAt(line, i, lists, &head_length)) {
      break;
    }
    if (IsStrong(p)) {
      lower_run = 0;
      after_head = false;
      last_strong = i;
    } else if (!lists.inner_only.count(line.Key(i)) &&
               ++lower_run > (after_head ? kMaxLowerAfterHead : kMaxLowerLater)) {
      break;  // the sentence goes on: no clear end
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
  if (core && (e.clear_end ? !strong_end && e.last > *core : true)) {
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

// The type that the English head of a parenthesised translation gives
// ("(Cross-Border Transport Facilitation Agreement – CBTA)" → agreement), or
// nullopt when the parenthesis at `open` holds none.
std::optional<std::string_view> TranslationHeadType(Line& line, size_t open) {
  if (!line.IsPunct(open, '(')) return std::nullopt;
  size_t close = open + 1;
  while (close < line.size() && line[close].punct != ')' && close - open < kMaxParenthesisPieces) ++close;
  if (!line.IsPunct(close, ')') || close < open + 3) return std::nullopt;
  size_t last = close - 1;
  // "… Agreement – CBTA", "… Agreement, CBTA"
  if (last >= open + 3 && IsLoneAcronym(line, last, last) &&
      (IsDash(line[last - 1].punct) || line[last - 1].punct == ',')) {
    last -= 2;
  }
  if (!line.IsWord(last)) return std::nullopt;
  return EnglishHeadType(line, last);
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
                                                                           "giữa", "trong"};
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

bool IsCompanyHead(Line& line, size_t i, size_t length) {
  if (length == 2) {
    return (line.KeyIs(i, "công") && line.KeyIs(i + 1, "ty")) || (line.KeyIs(i, "tập") && line.KeyIs(i + 1, "đoàn"));
  }
  return length == 3 && line.KeyIs(i, "tổng") && line.KeyIs(i + 1, "công") && line.KeyIs(i + 2, "ty");
}

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
        Candidate c;
        c.first = i;
        c.last = last;
        c.next = last + 1;
        c.type = head->type;
        c.confidence = kUnquotedHead;
        out.push_back(std::move(c));
        continue;
      }
    }
    const Extent e = ExtendVietnameseName(line, i + head_length, lists, TitleBefore(line, i, lists, 3));
    if (!e.found) continue;
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

// "chiến lược Cổng Toàn cầu (Global Gateway)": a lower-case head word used
// as a common noun before a capitalised name that a translation or acronym
// follows. The name is the capitalised run; the head gives its type.
void FindAfterLowercaseHead(Line& line, const VietnameseLists& lists, std::vector<Candidate>& out) {
  for (size_t i = 0; i + 2 < line.size(); ++i) {
    if (!line.IsWord(i) || !line[i].lower) continue;
    const auto it = lists.heads_by_first.find(line.Key(i));
    if (it == lists.heads_by_first.end()) continue;
    for (const Head& head : it->second) {
      const size_t n = MatchPhrase(line, i, head.words);
      if (n == 0 || head.type == kOrganization) continue;
      size_t last = i + n;
      if (!line.IsWord(last) || !line[last].cap || line[last].acronym) break;
      // Vietnamese capitalises a name's first syllables only ("Cổng Toàn
      // cầu"): lower-case words may follow, up to the parenthesis.
      constexpr size_t kMaxWords = 8;
      while (line.IsWord(last + 1) && last + 1 < i + n + kMaxWords &&
             !(line[last + 1].lower && IsVietnameseStop(line, last + 1, lists))) {
        ++last;
      }
      if (!line.IsPunct(last + 1, '(') || CountWords(line, i + n, last) < 2) break;
      Candidate c;
      c.first = i + n;
      c.last = last;
      c.next = last + 1;
      c.type = head.type;
      c.confidence = kNeedsParenthesis;
      out.push_back(std::move(c));
      break;
    }
  }
}

// ----- Rule 2b: a company named after a lower-case descriptor -----

// "tập đoàn Amkor Technology", "công ty an ninh mạng Fortinet", "hãng
// Samsung": the capitalised run after the descriptor is the company's name.
constexpr const char* kCompanyWords[] = {"công ty", "tập đoàn", "hãng"};
constexpr size_t kMaxDescriptorWords = 4;
constexpr size_t kMaxCompanyNameWords = 5;
constexpr double kAfterCompanyWord = 0.6;

void FindCompanies(Line& line, const VietnameseLists& lists, std::vector<Candidate>& out) {
  for (size_t i = 0; i + 1 < line.size(); ++i) {
    if (!line.IsWord(i) || !line[i].lower) continue;
    size_t length = 0;
    for (const char* word : kCompanyWords) {
      const std::string_view w(word);
      const size_t space = w.find(' ');
      if (space == std::string_view::npos ? line.KeyIs(i, w)
                                          : line.KeyIs(i, w.substr(0, space)) && line.KeyIs(i + 1, w.substr(space + 1))) {
        length = space == std::string_view::npos ? 1 : 2;
        break;
      }
    }
    if (length == 0) continue;
    size_t k = i + length;
    size_t descriptors = 0;
    while (k < line.size() && line.IsWord(k) && line[k].lower && !IsVietnameseStop(line, k, lists) &&
           descriptors < kMaxDescriptorWords) {
      ++k, ++descriptors;
    }
    size_t first = k, last = k;
    for (; k < line.size() && line.IsWord(k) && (line[k].cap || line[k].acronym) && k - first < kMaxCompanyNameWords;
         ++k) {
      last = k;
    }
    if (k == first) continue;
    Candidate c;
    c.first = first;
    c.last = last;
    c.next = last + 1;
    c.type = kOrganization;
    c.confidence = kAfterCompanyWord;
    out.push_back(std::move(c));
  }
}

// "the American firm HawkEye 360", "chipmaker Intel", "the shipyard Larsen
// & Toubro": a capitalised run right after an English noun for a company.
const std::unordered_set<std::string_view>& EnglishCompanyWords() {
  static const std::unordered_set<std::string_view> words = {
      "firm", "company", "chipmaker", "carmaker", "automaker", "conglomerate", "giant", "startup",
      "start-up", "operator", "carrier", "lender", "insurer", "manufacturer", "shipyard", "shipbuilder",
      "developer", "provider", "retailer", "platform", "investor", "fund", "group", "network", "maker"};
  return words;
}

void FindEnglishCompanies(Line& line, std::vector<Candidate>& out) {
  for (size_t i = 0; i + 1 < line.size(); ++i) {
    if (!line.IsWord(i) || !line[i].lower || !EnglishCompanyWords().count(line.Raw(i))) continue;
    size_t k = i + 1;
    if (!line.IsWord(k) || !(line[k].cap || line[k].acronym) || EnglishDeterminers().count(line.Raw(k))) continue;
    size_t last = k;
    for (; k < line.size() && k - (i + 1) < kMaxCompanyNameWords; ++k) {
      if (line.IsWord(k) && (line[k].cap || line[k].acronym || (line[k].number && k > i + 1))) {
        last = k;
        if (line[k].possessive) break;
        continue;
      }
      if (line.IsPunct(k, '&') && line.IsWord(k + 1) && line[k + 1].cap) continue;  // "Larsen & Toubro"
      break;
    }
    if (EnglishHeadType(line, last)) continue;  // "the company Audit Committee": rule 3's
    Candidate c;
    c.first = i + 1;
    c.last = last;
    c.next = last + 1;
    c.type = kOrganization;
    c.confidence = kAfterCompanyWord;
    out.push_back(std::move(c));
    i = last;
  }
}

// "vào GoTo, tập đoàn công nghệ lớn nhất Indonesia", "vào Lazada, sàn thương
// mại điện tử …": a Latin-script name that a company noun describes after a
// comma.
void FindAppositiveCompanies(Line& line, const VietnameseLists& lists, std::vector<Candidate>& out) {
  static const char* kDescribing[] = {"tập đoàn", "công ty", "hãng", "sàn", "ngân hàng", "quỹ", "nền tảng"};
  for (size_t comma = 2; comma + 1 < line.size(); ++comma) {
    if (!line.IsPunct(comma, ',')) continue;
    bool described = false;
    for (const char* d : kDescribing) {
      const std::string_view w(d);
      const size_t space = w.find(' ');
      described = described || (space == std::string_view::npos
                                    ? line.KeyIs(comma + 1, w) && line[comma + 1].lower
                                    : line.KeyIs(comma + 1, w.substr(0, space)) && line[comma + 1].lower &&
                                          line.KeyIs(comma + 2, w.substr(space + 1)));
    }
    if (!described) continue;
    size_t first = comma;
    while (first > 0 && line.IsWord(first - 1) && line[first - 1].cap && line[first - 1].ascii && comma - first < 3) {
      --first;
    }
    if (first == comma || first == 0 || !line.IsWord(first - 1) || !line[first - 1].lower) continue;
    size_t head_length = 0;
    if (VietnameseHeadAt(line, first, lists, &head_length)) continue;
    Candidate c;
    c.first = first;
    c.last = comma - 1;
    c.next = comma;
    c.type = kOrganization;
    c.confidence = kAfterCompanyWord;
    out.push_back(std::move(c));
  }
}

// ----- Rule 3: English names ending in a head noun -----

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
bool EnglishListContinues(Line& line, size_t comma) {
  size_t i = comma + 1;
  if (!line.IsWord(i) || !line[i].cap) return false;
  for (; i < line.size() && i < comma + 6; ++i) {
    if (line.KeyIs(i, "and")) return line.IsWord(i + 1) && line[i + 1].cap;
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
  if (type != kLaw) return next == "of" || next == "on" || next == "for";
  return next == "on" && line.IsWord(head + 2) && line[head + 2].cap && !line[head + 2].acronym &&
         !EnglishDeterminers().count(line.Raw(head + 2));
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
  if (!HeadTakesComplement(line, head, type)) return last;
  size_t i = head + 2;
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
    if ((line.Raw(i) == "in" || line.Raw(i) == "at") && !region &&
        !(line.IsWord(i + 1) && line[i + 1].cap && line.IsWord(i + 2) && line[i + 2].cap && line.IsWord(i + 3) &&
          line[i + 3].cap)) {
      break;
    }
    // "Ministry of Economy, Trade and Industry": a list inside the name.
    if (line.IsPunct(i, ',') && EnglishListContinues(line, i)) continue;
    // "Law on Vietnamese Workers Working Abroad under Contract".
    const bool under = line.KeyIs(i, "under") && line.IsWord(i + 1) && line[i + 1].cap &&
                       !EnglishDeterminers().count(line.Raw(i + 1));
    if (IsEnglishConnector(line, i) || under) {
      if (++connectors > 2) break;
      continue;
    }
    if (!(IsEnglishNameWord(line, i) || line[i].acronym || (line[i].number && connectors == 0 && i > head + 2))) break;
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

void FindEnglishHeaded(Line& line, std::vector<Candidate>& out) {
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
    Candidate c;
    c.first = first;
    c.last = last;
    c.next = last + 1;
    c.type = EnglishTypeOfRun(line, first, last).value_or(*type);
    c.confidence = kUnquotedHead;
    out.push_back(std::move(c));
    covered_until = last + 1;
  }
}

// ----- Rule 4: a capitalised run whose initials spell the acronym after it -----

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

// ---------------------------------------------------------------------------
// Aliases.

// A parenthesised translation: capitalised, several words, mostly
// capitalised ("Smart Country 2025 Plan", "The U.S.-ASEAN Smart Cities
// Partnership"), no predicate.
bool IsTranslation(Line& line, size_t first, size_t last, const VietnameseLists& lists) {
  if (!line.IsWord(first) || !line[first].cap) return false;
  size_t words = 0, proper = 0, content = 0;
  for (size_t i = first; i <= last; ++i) {
    if (!line.IsWord(i)) {
      // "(Law No. 69/2020/QH14)": a law cited by its number.
      if (line[i].punct == '.' && i > first && line.KeyIs(i - 1, "no")) continue;
      if (line[i].punct != '-' && !IsDash(line[i].punct) && line[i].punct != '&') return false;
      continue;
    }
    ++words;
    if (line[i].lower && lists.predicates.count(line.Key(i))) return false;
    if (IsEnglishConnector(line, i)) continue;
    ++content;
    proper += IsStrong(line[i]);
  }
  return words >= 2 && words <= kMaxTranslationWords && proper * 2 >= content + 1;
}

void AddAlias(Line& line, Candidate& c, size_t first, size_t last) {
  c.aliases.push_back(TextOf(line, first, last));
  c.alias_spans.emplace_back(line[first].begin, line[last].end);
  if (line.Raw(first) == "The" && first < last) c.aliases.push_back(TextOf(line, first + 1, last));
}

// "X (ACRONYM)", "X (English Name)", "X (English Name - ACRONYM)",
// "X (English Name, …)", "X (ACRONYM, …)": the translation and acronym
// become X's aliases. Returns whether any did.
bool AttachParenthesis(Line& line, Candidate& c, const VietnameseLists& lists) {
  const size_t open = c.next;
  if (!line.IsPunct(open, '(')) return false;
  size_t close = open + 1;
  while (close < line.size() && line[close].punct != ')' && line[close].punct != '(' &&
         close - open < kMaxParenthesisPieces) {
    ++close;
  }
  if (!line.IsPunct(close, ')') || close == open + 1) return false;
  // The first part runs to the first ',' or ';'.
  size_t part_end = open + 1;
  while (part_end < close && line[part_end].punct != ',' && line[part_end].punct != ';') ++part_end;
  const size_t first = open + 1;
  const size_t last = part_end - 1;
  if (IsLoneAcronym(line, first, last)) {
    AddAlias(line, c, first, last);
    return true;
  }
  // "English Name - ACRONYM"
  if (last >= first + 2 && IsLoneAcronym(line, last, last) && IsDash(line[last - 1].punct) &&
      line[last - 1].space_before && IsTranslation(line, first, last - 2, lists)) {
    AddAlias(line, c, first, last - 2);
    AddAlias(line, c, last, last);
    return true;
  }
  if (!IsTranslation(line, first, last, lists)) return false;
  AddAlias(line, c, first, last);
  // "(English Name, ACRONYM)"
  if (part_end < close) {
    size_t second_end = part_end + 1;
    while (second_end < close && line[second_end].punct != ',' && line[second_end].punct != ';') ++second_end;
    if (IsLoneAcronym(line, part_end + 1, second_end - 1)) AddAlias(line, c, part_end + 1, second_end - 1);
  }
  return true;
}

// "the Memorandum of Understanding on …, usually shortened to the RPC
// MoU", "… (sau đây gọi tắt là Hiệp định)": a short name the text states
// for the name just before becomes its alias.
void AttachStatedShortName(Line& line, Candidate& c) {
  static const std::vector<std::vector<std::string_view>> kLeads = {
      {"usually", "shortened", "to"}, {"shortened", "to"}, {"also", "known", "as"}, {"known", "as"},
      {"hereinafter"}, {"gọi", "tắt", "là"}, {"viết", "tắt", "là"}};
  size_t i = c.next;
  if (line.IsPunct(i, ',')) ++i;
  size_t matched = 0;
  for (const auto& lead : kLeads) {
    size_t n = 0;
    while (n < lead.size() && line.KeyIs(i + n, lead[n])) ++n;
    if (n == lead.size()) {
      matched = n;
      break;
    }
  }
  if (matched == 0) return;
  i += matched;
  if (line.KeyIs(i, "the")) ++i;
  constexpr size_t kMaxShortNameWords = 4;
  size_t last = i;
  while (last < line.size() && last < i + kMaxShortNameWords && line.IsWord(last) &&
         (line[last].cap || line[last].acronym)) {
    ++last;
  }
  if (last == i) return;
  AddAlias(line, c, i, last - 1);
}

// The name without the pieces [drop_first, drop_last].
std::string TextWithout(const Line& line, const Candidate& c, size_t drop_first, size_t drop_last) {
  std::string out;
  if (drop_first > c.first) out = TextOf(line, c.first, drop_first - 1);
  if (drop_last < c.last) {
    if (!out.empty()) out += ' ';
    out += TextOf(line, drop_last + 1, c.last);
  }
  return out;
}

// Variants without an ordinal ("Lần thứ 3", "lần thứ hai", "Third") and
// without a leading "The".
void AddVariants(Line& line, Candidate& c, const VietnameseLists& lists) {
  for (size_t i = c.first; i <= c.last; ++i) {
    size_t drop_last = 0;
    if (line.KeyIs(i, "lần") && line.KeyIs(i + 1, "thứ") && i + 2 <= c.last && line.IsWord(i + 2) &&
        (line[i + 2].number || lists.ordinals.count(line.Key(i + 2)))) {
      drop_last = i + 2;
      // "lần thứ 28 và 29"
      if (line.KeyIs(i + 3, "và") && i + 4 <= c.last && line.IsWord(i + 4) && line[i + 4].number) drop_last = i + 4;
    } else if (line.IsWord(i) && IsEnglishOrdinalWord(line.Raw(i))) {
      drop_last = i;
    }
    if (drop_last == 0) continue;
    std::string without = TextWithout(line, c, i, drop_last);
    if (!without.empty() && CountWords(line, c.first, c.last) - (drop_last - i + 1) >= 2) {
      c.variants.push_back(std::move(without));
    }
    break;
  }
  if (line.Raw(c.first) == "The" && c.first < c.last) c.aliases.push_back(TextOf(line, c.first + 1, c.last));
}

// ---------------------------------------------------------------------------
// Putting it together.

bool Overlaps(const Candidate& a, const Candidate& b) { return a.first <= b.last && b.first <= a.last; }

// Keeps the surest (then longest) of overlapping candidates and drops a
// candidate that is another's alias; the rest in text order.
std::vector<Candidate> Resolve(const Line& line, std::vector<Candidate> all) {
  std::stable_sort(all.begin(), all.end(), [](const Candidate& a, const Candidate& b) {
    if (a.confidence != b.confidence) return a.confidence > b.confidence;
    return a.last - a.first > b.last - b.first;
  });
  std::vector<Candidate> kept;
  for (auto& c : all) {
    if (std::none_of(kept.begin(), kept.end(), [&](const Candidate& k) { return Overlaps(c, k); })) {
      kept.push_back(std::move(c));
    }
  }
  std::vector<std::pair<uint32_t, uint32_t>> alias_spans;
  for (const auto& k : kept) alias_spans.insert(alias_spans.end(), k.alias_spans.begin(), k.alias_spans.end());
  std::erase_if(kept, [&](const Candidate& c) {
    return std::any_of(alias_spans.begin(), alias_spans.end(), [&](const auto& span) {
      return line[c.first].begin >= span.first && line[c.last].end <= span.second;
    });
  });
  std::sort(kept.begin(), kept.end(), [](const Candidate& a, const Candidate& b) { return a.first < b.first; });
  return kept;
}

Found ToFound(const Line& line, Candidate& c) {
  Found f;
  DiscoveredName& n = f.name;
  n.begin = line[c.first].begin;
  n.end = line[c.last].end;
  n.name = TextOf(line, c.first, c.last);
  n.type = std::string(c.type);
  n.confidence = c.confidence;
  for (auto& alias : c.aliases) {
    if (alias.empty() || alias == n.name) continue;
    if (std::find(n.aliases.begin(), n.aliases.end(), alias) != n.aliases.end()) continue;
    n.aliases.push_back(std::move(alias));
  }
  for (auto& variant : c.variants) {
    if (!variant.empty() && variant != n.name) n.variants.push_back(std::move(variant));
  }
  f.trusted = c.trusted;
  f.other_ends = std::move(c.other_ends);
  return f;
}

void DiscoverInLine(std::string_view text, size_t begin, size_t end, KeyMaker& keys,
                    const VietnameseLists& lists, std::vector<Found>& out) {
  Line line(text, begin, end, keys);
  if (line.size() < 2) return;
  std::vector<Candidate> candidates;
  std::vector<std::pair<size_t, size_t>> defined;
  FindQuoted(line, lists, candidates, defined);
  FindVietnameseHeaded(line, lists, candidates);
  FindAfterLowercaseHead(line, lists, candidates);
  FindCompanies(line, lists, candidates);
  FindEnglishCompanies(line, candidates);
  FindAppositiveCompanies(line, lists, candidates);
  FindPersons(line, lists, candidates);
  FindEnglishHeaded(line, candidates);
  std::erase_if(candidates, [&](const Candidate& c) {
    return std::any_of(defined.begin(), defined.end(),
                       [&](const auto& d) { return c.first <= d.second && d.first <= c.last; });
  });
  std::vector<bool> name_ends_before(line.size() + 1, false);
  for (const auto& c : candidates) {
    if (c.next < name_ends_before.size()) name_ends_before[c.next] = true;
  }
  FindAcronymInitials(line, lists, name_ends_before, candidates);
  for (auto& c : candidates) {
    if (AttachParenthesis(line, c, lists)) {
      // The acronym rule's own acronym is its evidence: no boost for it.
      if (c.confidence != kAcronymInitials) {
        c.confidence = std::max(c.confidence, c.quoted && c.confidence < kQuotedWithHead
                                                  ? kAcronymInitials
                                                  : kWithParenthesis);
      }
    }
    AttachStatedShortName(line, c);
    AddVariants(line, c, lists);
  }
  for (auto& c : Resolve(line, std::move(candidates))) out.push_back(ToFound(line, c));
}

// An unquoted Vietnamese name whose end is in doubt takes the longest of
// its readings that the same text states as a trusted name elsewhere:
// "Bộ Y tế gửi …" and "Bộ Tài chính công nhận …" become "Bộ Y tế" and "Bộ
// Tài chính", seen as "Bộ Y tế (…)" or, twice, as "Bộ Tài chính." in other
// sentences. A reading is trusted when it ended at a parenthesis, a quote
// or the line's end, has no lower-case tail, or was read with a clear end
// at least twice (a name recurs; the words that follow it vary). Without
// such evidence the reading found is kept.
void ReadNamesFromText(std::string_view text, std::vector<Found>& found) {
  std::unordered_map<std::string, int> clear_readings;
  for (const auto& f : found) {
    if (!f.trusted && f.name.confidence == kUnverifiedTail) ++clear_readings[f.name.name];
  }
  std::unordered_set<std::string> trusted;
  for (const auto& f : found) {
    if (f.trusted) trusted.insert(f.name.name);
  }
  for (const auto& [reading, count] : clear_readings) {
    if (count >= 2) trusted.insert(reading);
  }
  for (auto& f : found) {
    if (f.trusted) continue;
    if (trusted.count(f.name.name)) {
      f.name.confidence = std::max(f.name.confidence, kUnquotedHead);
      continue;
    }
    for (const uint32_t end : f.other_ends) {
      std::string reading = CleanText(text.substr(f.name.begin, end - f.name.begin));
      if (!trusted.count(reading)) continue;
      f.name.name = std::move(reading);
      f.name.end = end;
      f.name.confidence = std::max(f.name.confidence, kUnquotedHead);
      break;
    }
  }
}

}  // namespace

std::vector<DiscoveredName> DiscoverNames(std::string_view text, const Analyzer& analyzer) {
  std::vector<DiscoveredName> names;
  // Spans are 32-bit: a text beyond 4 GiB is read up to there.
  text = text.substr(0, std::min<size_t>(text.size(), UINT32_MAX));
  if (text.empty()) return names;
  const VietnameseLists& lists = Lists(analyzer);
  std::vector<Found> found;
  KeyMaker keys(analyzer);
  size_t begin = 0;
  while (begin < text.size()) {
    size_t end = text.find('\n', begin);
    if (end == std::string_view::npos) end = text.size();
    DiscoverInLine(text, begin, end, keys, lists, found);
    begin = end + 1;
  }
  ReadNamesFromText(text, found);
  names.reserve(found.size());
  for (auto& f : found) names.push_back(std::move(f.name));
  return names;
}

}  // namespace policygraph::indexer
