// Dates in Vietnamese and English text, found in one left-to-right pass.
//
// A small lexer cuts the text into tokens (a run of ASCII digits, a run of
// letters, one punctuation mark) whose byte offsets point into the text as
// given, NFC or NFD. At every number, and at every word that can open a date
// ("ngày", "tháng", "năm", "đầu", "quý", "June", "early", ...), hand-written
// grammars are tried, longest form first; the first that matches becomes a
// mention and the scan resumes after it, so mentions come in text order and
// never overlap. No regular expressions: the indexer runs this over tens of
// megabytes of laws.
//
// Words are compared through a Telex key (see WordKey): "tháng" becomes
// "thangs" whether it is written precomposed (NFC) or as "a" + U+0301 (NFD),
// and whichever vowel carries the tone mark, because Telex writes the tone
// once, at the end of the syllable.
#include "indexer/dates.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <limits>
#include <optional>
#include <unordered_map>

namespace policygraph::indexer {
namespace {

// Years written with a keyword or inside a full date ("năm 1945",
// "2/9/1945") may be older than bare four-digit numbers, which are taken as
// years only in a range where they are unlikely to be quantities or codes.
constexpr int kMinYear = 1000;
constexpr int kMinBareYear = 1900;
constexpr int kMaxYear = 2099;

// ---------------------------------------------------------------- UTF-8

constexpr char32_t kInvalid = 0xFFFD;

struct Decoded {
  char32_t cp;
  uint32_t len;  // always >= 1, so a scan always moves forward
};

// The code point at `pos` (< s.size()). A malformed, overlong, surrogate or
// truncated sequence comes back as one byte of U+FFFD: nothing is read past
// the end and the scan resynchronises on the next byte.
Decoded DecodeAt(std::string_view s, size_t pos) {
  const auto byte = [&](size_t i) { return static_cast<unsigned char>(s[i]); };
  const unsigned b0 = byte(pos);
  if (b0 < 0x80) return {b0, 1};
  uint32_t len = 0;
  char32_t cp = 0;
  unsigned lo = 0x80, hi = 0xBF;  // allowed range of the second byte
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    len = 2, cp = b0 & 0x1F;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    len = 3, cp = b0 & 0x0F;
    if (b0 == 0xE0) lo = 0xA0;  // overlong
    if (b0 == 0xED) hi = 0x9F;  // surrogates
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    len = 4, cp = b0 & 0x07;
    if (b0 == 0xF0) lo = 0x90;  // overlong
    if (b0 == 0xF4) hi = 0x8F;  // above U+10FFFF
  } else {
    return {kInvalid, 1};
  }
  if (s.size() - pos < len) return {kInvalid, 1};
  for (uint32_t i = 1; i < len; ++i) {
    const unsigned b = byte(pos + i);
    if (b < (i == 1 ? lo : 0x80u) || b > (i == 1 ? hi : 0xBFu)) return {kInvalid, 1};
    cp = (cp << 6) | (b & 0x3F);
  }
  return {cp, len};
}

// The code point that ends just before `pos` (> 0); U+FFFD for one byte when
// the bytes before `pos` are not a well-formed sequence ending there.
Decoded DecodeBefore(std::string_view s, size_t pos) {
  size_t start = pos - 1;
  while (start > 0 && pos - start < 4 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) {
    --start;
  }
  const Decoded d = DecodeAt(s, start);
  if (start + d.len == pos) return d;
  return {kInvalid, 1};
}

// ---------------------------------------------------------------- characters

bool IsAsciiDigit(char32_t c) { return c >= '0' && c <= '9'; }

bool IsSpace(char32_t c) {
  switch (c) {
    case ' ': case '\t': case '\n': case '\r': case '\v': case '\f':
    case 0x00A0: case 0x1680: case 0x202F: case 0x205F: case 0x3000:
    case 0xFEFF:  // a byte-order mark inside the text
      return true;
    default:
      return c >= 0x2000 && c <= 0x200B;  // en quad .. zero-width space
  }
}

bool IsCombiningMark(char32_t c) { return c >= 0x0300 && c <= 0x036F; }

// Letters, combining marks and non-ASCII digits: what glues onto a number
// and makes it part of another token ("5G", "2022年", "G7"). ASCII digits are
// numbers of their own and are not word characters.
bool IsWordChar(char32_t c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  if (c == kInvalid) return false;
  return (U_GET_GC_MASK(c) & (U_GC_L_MASK | U_GC_M_MASK | U_GC_N_MASK)) != 0;
}

bool IsAlnum(char32_t c) { return IsAsciiDigit(c) || IsWordChar(c); }

// Hyphen-minus and the dashes that ranges are written with ("2021–2025").
bool IsDash(char32_t c) { return c == '-' || (c >= 0x2010 && c <= 0x2015) || c == 0x2212; }

// What separates day, month and year: "1/6/2022", "01-06-2022", "1.6.2022".
bool IsDateSeparator(char32_t c) { return c == '/' || c == '.' || IsDash(c); }

// Two separators of one date must be alike ("1/6/2022", not "1/6-2022").
bool SameSeparator(char32_t a, char32_t b) { return a == b || (IsDash(a) && IsDash(b)); }

// A number that ends at `pos` is complete, not the head of a longer token:
// not followed by a letter or digit ("2022a", "5G"), a percent sign, a
// decimal or thousands part ("119,7", "373.000"), or a slash, dash or colon
// that continues a code ("53/2022/ND-CP", "27001:2013", "2022-NĐ").
bool EndsCleanly(std::string_view text, size_t pos) {
  if (pos >= text.size()) return true;
  const Decoded d = DecodeAt(text, pos);
  if (IsAlnum(d.cp) || d.cp == '%' || d.cp == 0x2030 /* ‰ */) return false;
  const bool joins_digits = d.cp == '/' || d.cp == '.' || d.cp == ',' || d.cp == ':' ||
                            d.cp == '_' || IsDash(d.cp);
  if (!joins_digits || pos + d.len >= text.size()) return true;
  const char32_t next = DecodeAt(text, pos + d.len).cp;
  if (IsAsciiDigit(next)) return false;
  // "2022." and "2022," end a sentence or a clause; "/ND", "-CP" do not.
  return !(IsWordChar(next) && d.cp != '.' && d.cp != ',');
}

// A number that starts at `pos` is not the tail of a longer token: not after
// a letter or digit ("G7", "v2022"), a currency or number sign ("$2022",
// "#2022"), or a joiner that follows a letter or digit ("53/2022",
// "ND-2022", "1.2022", "27001:2022").
bool StartsCleanly(std::string_view text, size_t pos) {
  if (pos == 0) return true;
  const Decoded d = DecodeBefore(text, pos);
  if (IsAlnum(d.cp)) return false;
  switch (d.cp) {
    case '$': case '#': case 0x20AC /* € */: case 0x00A3 /* £ */: case 0x2116 /* № */:
      return false;
    default:
      break;
  }
  const bool joins_digits = d.cp == '/' || d.cp == '.' || d.cp == ',' || d.cp == ':' ||
                            d.cp == '_' || IsDash(d.cp);
  if (!joins_digits || pos - d.len == 0) return true;
  return !IsAlnum(DecodeBefore(text, pos - d.len).cp);
}

// The code point before `pos` once white space is skipped, moving `pos` to
// its start; 0 at the start of the text.
char32_t PreviousNonSpace(std::string_view text, size_t& pos) {
  while (pos > 0) {
    const Decoded d = DecodeBefore(text, pos);
    pos -= d.len;
    if (!IsSpace(d.cp)) return d.cp;
  }
  return 0;
}

// ---------------------------------------------------------------- word keys

// A precomposed letter as Telex writes it: the bare letter with its shape
// ("ă" → "aw", "ơ" → "ow", "đ" → "dd") and its tone key, if any.
struct TelexLetter {
  std::string_view letters;
  char tone = 0;  // f huyền, s sắc, r hỏi, x ngã, j nặng
};

// Each row: a Vietnamese vowel and then the same vowel with the five tones,
// in the order of kToneKeys. Lower case; upper case is folded first.
constexpr std::string_view kVowelRows[] = {
    "aàáảãạ", "ăằắẳẵặ", "âầấẩẫậ", "eèéẻẽẹ", "êềếểễệ", "iìíỉĩị",
    "oòóỏõọ", "ôồốổỗộ", "ơờớởỡợ", "uùúủũụ", "ưừứửữự", "yỳýỷỹỵ",
};
constexpr std::string_view kVowelTelex[] = {"a", "aw", "aa", "e", "ee", "i",
                                            "o", "oo", "ow", "u", "uw", "y"};
// Telex tone keys; the first column has no tone.
constexpr char kToneKeys[] = {0, 'f', 's', 'r', 'x', 'j'};

const std::unordered_map<char32_t, TelexLetter>& TelexLetters() {
  static const auto* table = [] {
    auto* t = new std::unordered_map<char32_t, TelexLetter>();
    for (size_t row = 0; row < std::size(kVowelRows); ++row) {
      const std::string_view text = kVowelRows[row];
      size_t pos = 0;
      for (size_t tone = 0; pos < text.size() && tone < std::size(kToneKeys); ++tone) {
        const Decoded d = DecodeAt(text, pos);
        pos += d.len;
        (*t)[d.cp] = TelexLetter{kVowelTelex[row], kToneKeys[tone]};
      }
    }
    (*t)[U'đ'] = TelexLetter{"dd", 0};
    return t;
  }();
  return *table;
}

// A word's Telex key, at most 15 bytes; empty when the word is longer, or
// holds something no Vietnamese or English date word holds.
class WordKey {
 public:
  WordKey(std::string_view text, size_t begin, size_t end) {
    char tone = 0;
    char last_base = 0;  // the letter a circumflex doubles: NFD may put it after a tone
    for (size_t pos = begin; pos < end;) {
      const Decoded d = DecodeAt(text, pos);
      pos += d.len;
      const char32_t c = d.cp < 0x80 ? d.cp : static_cast<char32_t>(u_tolower(static_cast<UChar32>(d.cp)));
      if (c < 0x80 && IsWordChar(c)) {
        last_base = static_cast<char>(c | 0x20);
        Append(std::string_view(&last_base, 1));
      } else if (IsCombiningMark(c)) {
        AddMark(c, last_base, tone);
      } else if (auto it = TelexLetters().find(c); it != TelexLetters().end()) {
        last_base = it->second.letters.front();
        Append(it->second.letters);
        if (it->second.tone != 0) SetTone(it->second.tone, tone);
      } else {
        bad_ = true;
      }
      if (bad_) break;
    }
    if (tone != 0) Append(std::string_view(&tone, 1));
    if (bad_) size_ = 0;
  }

  std::string_view view() const { return {data_.data(), size_}; }

 private:
  void Append(std::string_view s) {
    if (size_ + s.size() > data_.size()) {
      bad_ = true;
      return;
    }
    std::copy(s.begin(), s.end(), data_.begin() + size_);
    size_ += s.size();
  }

  // One syllable has one tone; a second is not a word we know.
  void SetTone(char key, char& tone) {
    if (tone != 0) bad_ = true;
    tone = key;
  }

  // Decomposed (NFD) marks: shapes join the letter, tones wait for the end.
  void AddMark(char32_t mark, char last_base, char& tone) {
    switch (mark) {
      case 0x0300: case 0x0340: return SetTone('f', tone);  // grave: huyền
      case 0x0301: case 0x0341: return SetTone('s', tone);  // acute: sắc
      case 0x0309: return SetTone('r', tone);               // hook above: hỏi
      case 0x0303: return SetTone('x', tone);               // tilde: ngã
      case 0x0323: return SetTone('j', tone);               // dot below: nặng
      case 0x0302:                                          // circumflex: â ê ô
        if (last_base == 0) bad_ = true;
        return Append(std::string_view(&last_base, 1));
      case 0x0306: case 0x031B: return Append("w");  // breve ă, horn ơ ư
      default: bad_ = true;
    }
  }

  std::array<char, 15> data_{};
  size_t size_ = 0;
  bool bad_ = false;
};

// The words the grammars below look for.
enum class Word : uint8_t {
  kOther,
  kNgay, kThang, kNam,          // ngày, tháng, năm: day, month, year
  kDau, kCuoi, kGiua, kSau,     // đầu, cuối, giữa, sau: start, end, middle, after
  kNua, kQuy, kGiai, kDoan,     // nửa (half), quý (quarter), giai đoạn (period)
  kEarly, kLate, kMid,
  kOf, kOrdinal,                // "1st of June"
  kMonth,                       // English month names; value is 1..12
  kRoman,                       // quarters I..IV; value is 1..4
  kUnit,                        // money and counts: a number before it is no year
};

struct WordInfo {
  Word word = Word::kOther;
  int value = 0;
};

struct KeyEntry {
  std::string_view key;  // Telex key, tone last
  Word word;
  int value;
};

constexpr KeyEntry kKeys[] = {
    {"ngayf", Word::kNgay, 0},    {"thangs", Word::kThang, 0},   {"nawm", Word::kNam, 0},
    {"ddaauf", Word::kDau, 0},    {"cuoois", Word::kCuoi, 0},    {"giuwax", Word::kGiua, 0},
    {"sau", Word::kSau, 0},       {"nuwar", Word::kNua, 0},      {"quys", Word::kQuy, 0},
    {"giai", Word::kGiai, 0},     {"ddoanj", Word::kDoan, 0},
    {"early", Word::kEarly, 0},   {"late", Word::kLate, 0},      {"mid", Word::kMid, 0},
    {"of", Word::kOf, 0},
    {"st", Word::kOrdinal, 0},    {"nd", Word::kOrdinal, 0},     {"rd", Word::kOrdinal, 0},
    {"th", Word::kOrdinal, 0},
    {"january", Word::kMonth, 1}, {"jan", Word::kMonth, 1},      {"february", Word::kMonth, 2},
    {"feb", Word::kMonth, 2},     {"march", Word::kMonth, 3},    {"mar", Word::kMonth, 3},
    {"april", Word::kMonth, 4},   {"apr", Word::kMonth, 4},      {"may", Word::kMonth, 5},
    {"june", Word::kMonth, 6},    {"jun", Word::kMonth, 6},      {"july", Word::kMonth, 7},
    {"jul", Word::kMonth, 7},     {"august", Word::kMonth, 8},   {"aug", Word::kMonth, 8},
    {"september", Word::kMonth, 9}, {"sep", Word::kMonth, 9},    {"sept", Word::kMonth, 9},
    {"october", Word::kMonth, 10}, {"oct", Word::kMonth, 10},    {"november", Word::kMonth, 11},
    {"nov", Word::kMonth, 11},    {"december", Word::kMonth, 12}, {"dec", Word::kMonth, 12},
    {"i", Word::kRoman, 1},       {"ii", Word::kRoman, 2},       {"iii", Word::kRoman, 3},
    {"iv", Word::kRoman, 4},
    // "200 triệu USD", "2000 tỷ đồng", "2000 người": quantities, not years.
    {"trieeuj", Word::kUnit, 0},  {"tyr", Word::kUnit, 0},       {"tir", Word::kUnit, 0},
    {"nghinf", Word::kUnit, 0},   {"nganf", Word::kUnit, 0},     {"trawm", Word::kUnit, 0},
    {"ddoongf", Word::kUnit, 0},  {"usd", Word::kUnit, 0},       {"vnd", Word::kUnit, 0},
    {"vndd", Word::kUnit, 0},     {"eur", Word::kUnit, 0},       {"euro", Word::kUnit, 0},
    {"euros", Word::kUnit, 0},    {"dollars", Word::kUnit, 0},   {"million", Word::kUnit, 0},
    {"billion", Word::kUnit, 0},  {"thousand", Word::kUnit, 0},  {"nguwowif", Word::kUnit, 0},
    {"people", Word::kUnit, 0},
};

WordInfo Classify(std::string_view text, size_t begin, size_t end) {
  static const auto* words = [] {
    auto* m = new std::unordered_map<std::string_view, WordInfo>();
    for (const KeyEntry& e : kKeys) (*m)[e.key] = WordInfo{e.word, e.value};
    return m;
  }();
  const WordKey key(text, begin, end);
  if (key.view().empty()) return {};
  const auto it = words->find(key.view());
  return it == words->end() ? WordInfo{} : it->second;
}

// ---------------------------------------------------------------- lexer

enum class Kind : uint8_t { kEnd, kNumber, kWord, kPunct };

struct Token {
  Kind kind = Kind::kEnd;
  uint32_t begin = 0;
  uint32_t end = 0;
  bool space_before = false;  // false: glued to the token before it
  char32_t cp = 0;            // kPunct: the character
  int value = -1;             // kNumber: its value; -1 past nine digits
  uint32_t digits = 0;        // kNumber: how many digits
};

// Reads tokens from a byte position, skipping white space. Copying a lexer
// is how the grammars look ahead and back out.
class Lexer {
 public:
  Lexer(std::string_view text, size_t pos) : text_(text), pos_(pos) {}

  size_t pos() const { return pos_; }

  Token Next() {
    Token t;
    while (pos_ < text_.size()) {
      const Decoded d = DecodeAt(text_, pos_);
      if (!IsSpace(d.cp)) break;
      pos_ += d.len;
      t.space_before = true;
    }
    t.begin = static_cast<uint32_t>(pos_);
    if (pos_ < text_.size()) {
      if (IsAsciiDigit(static_cast<unsigned char>(text_[pos_]))) {
        ReadNumber(t);
      } else {
        const Decoded d = DecodeAt(text_, pos_);
        if (IsWordChar(d.cp)) {
          t.kind = Kind::kWord;
          pos_ = SkipWord(pos_);
        } else {
          t.kind = Kind::kPunct;
          t.cp = d.cp;
          pos_ += d.len;
        }
      }
    }
    t.end = static_cast<uint32_t>(pos_);
    return t;
  }

 private:
  void ReadNumber(Token& t) {
    t.kind = Kind::kNumber;
    int value = 0;
    while (pos_ < text_.size() && IsAsciiDigit(static_cast<unsigned char>(text_[pos_]))) {
      if (t.digits < 9) value = value * 10 + (text_[pos_] - '0');
      ++t.digits;
      ++pos_;
    }
    t.value = t.digits <= 9 ? value : -1;
  }

  size_t SkipWord(size_t pos) const {
    while (pos < text_.size()) {
      const Decoded d = DecodeAt(text_, pos);
      if (!IsWordChar(d.cp)) break;
      pos += d.len;
    }
    return pos;
  }

  std::string_view text_;
  size_t pos_;
};

bool IsNumber(const Token& t, uint32_t min_digits, uint32_t max_digits) {
  return t.kind == Kind::kNumber && t.digits >= min_digits && t.digits <= max_digits;
}

bool IsYear(const Token& t, int min_year) {
  return IsNumber(t, 4, 4) && t.value >= min_year && t.value <= kMaxYear;
}

bool IsPunct(const Token& t, char32_t cp) { return t.kind == Kind::kPunct && t.cp == cp; }

bool IsGlued(const Token& t) { return !t.space_before && t.kind != Kind::kEnd; }

// ---------------------------------------------------------------- dates

struct Date {
  int year = 0;
  int month = 0;  // 0: not written
  int day = 0;    // 0: not written
};

// A day or month as written. A written 0 ("0/1/2022") is impossible, not
// absent, so it becomes -1, which no check accepts.
int Written(const Token& t) { return t.value > 0 ? t.value : -1; }

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int DaysInMonth(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && IsLeap(y) ? 29 : kDays[m - 1];
}

bool IsValid(const Date& d) {
  if (d.year < kMinYear || d.year > kMaxYear) return false;
  if (d.month == 0) return d.day == 0;
  if (d.month < 1 || d.month > 12) return false;
  return d.day == 0 || (d.day >= 1 && d.day <= DaysInMonth(d.year, d.month));
}

std::string Iso(const Date& d) {
  char buf[16];
  if (d.day != 0) {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  } else if (d.month != 0) {
    std::snprintf(buf, sizeof buf, "%04d-%02d", d.year, d.month);
  } else {
    std::snprintf(buf, sizeof buf, "%04d", d.year);
  }
  return buf;
}

// An expression a grammar recognised: its value and where it ends. Values
// are not checked while parsing: an expression with the shape of a date but
// an impossible value ("32/1/2022", "ngày 30 tháng 2 năm 2024") is still
// recognised, so that the scan skips it whole instead of reporting a piece
// of it ("tháng 2 năm 2024").
struct Span {
  Date first;
  std::optional<Date> last;  // a range's end
  uint32_t end = 0;
  bool period = false;       // a range of bare years: a plan's period
};

// The mention for `s`, starting at `begin`; its `iso` is empty when the
// value is impossible, which tells FindDates to skip it.
DateMention Mention(uint32_t begin, const Span& s) {
  DateMention m;
  m.begin = begin;
  m.end = s.end;
  const bool valid = IsValid(s.first) && (!s.last || (IsValid(*s.last) && Iso(*s.last) > Iso(s.first)));
  if (!valid) return m;
  m.iso = Iso(s.first);
  if (s.last) m.iso_end = Iso(*s.last);
  m.period = s.period;
  return m;
}

// The grammars. Each `Lexer` argument is positioned just after the token
// before it; each function returns nothing rather than a partial match, so
// the caller can try the next, shorter form.
class Matcher {
 public:
  Matcher(std::string_view text, int default_year) : text_(text), default_year_(default_year) {}

  // The expression that starts at `t`, if any; see Mention for impossible ones.
  std::optional<DateMention> At(const Token& t) const {
    const Lexer after(text_, t.end);
    std::optional<Span> s;
    if (t.kind == Kind::kNumber) s = AtNumber(t, after);
    if (t.kind == Kind::kWord) s = AtWord(t, after);
    if (!s) return std::nullopt;
    return Mention(t.begin, *s);
  }

 private:
  WordInfo ClassifyToken(const Token& t) const {
    return t.kind == Kind::kWord ? Classify(text_, t.begin, t.end) : WordInfo{};
  }

  bool IsWord(const Token& t, Word w) const { return ClassifyToken(t).word == w; }

  bool Clean(uint32_t end) const { return EndsCleanly(text_, end); }

  // ---- numbers first: "23/11/2022", "15 tháng 11 năm 2022", "1 June 2022",
  // "2022-06-01", "2021-2025", "2022".
  std::optional<Span> AtNumber(const Token& n, const Lexer& after) const {
    if (!StartsCleanly(text_, n.begin)) return std::nullopt;
    if (IsNumber(n, 4, 4)) {
      if (auto s = IsoDate(n, after)) return s;
      return BareYear(n, after);
    }
    if (!IsNumber(n, 1, 2)) return std::nullopt;
    if (auto s = NumericDate(n, after, /*allow_no_year=*/false)) return s;
    if (auto s = DayThang(n, after, /*allow_no_year=*/false)) return s;
    return DayMonthName(n, after);
  }

  // "2022-06-01": ISO 8601, two-digit month and day.
  std::optional<Span> IsoDate(const Token& y, Lexer c) const {
    const Token s1 = c.Next(), m = c.Next(), s2 = c.Next(), d = c.Next();
    if (!(IsGlued(s1) && IsPunct(s1, '-') && IsGlued(m) && IsNumber(m, 2, 2) && IsGlued(s2) &&
          IsPunct(s2, '-') && IsGlued(d) && IsNumber(d, 2, 2) && Clean(d.end))) {
      return std::nullopt;
    }
    return Span{Date{y.value, Written(m), Written(d)}, std::nullopt, d.end};
  }

  // "2022", "2021-2025", "2021 – 2025" standing alone, not a quantity and
  // not a cell in a row of numbers ("176 1906": a table of indicator codes)
  // or the year part of a standard's number ("TCVN 6909 : 2001").
  std::optional<Span> BareYear(const Token& y, const Lexer& after) const {
    if (!IsYear(y, kMinBareYear)) return std::nullopt;
    size_t pos = y.begin;
    const char32_t before = PreviousNonSpace(text_, pos);
    if (IsAsciiDigit(before) && !AfterCode(pos + 1)) return std::nullopt;
    if (before == ':' && IsAsciiDigit(PreviousNonSpace(text_, pos))) return std::nullopt;
    const auto s = YearOrRange(y, after, kMinBareYear);
    if (!s) return std::nullopt;
    if (!s->last) {
      const Token next = Lexer(after).Next();
      if (IsPunct(next, '%') || IsWord(next, Word::kUnit)) return std::nullopt;
    }
    return s;
  }

  // Whether the digits that end at `pos` are the tail of a code such as
  // "G20" or "Q1" rather than a number on their own.
  bool AfterCode(size_t pos) const {
    while (pos > 0 && IsAsciiDigit(static_cast<unsigned char>(text_[pos - 1]))) --pos;
    return pos > 0 && IsWordChar(DecodeBefore(text_, pos).cp);
  }

  // A year `y` (already read), or a period "2021-2025" starting at it.
  std::optional<Span> YearOrRange(const Token& y, Lexer c, int min_year) const {
    if (!IsYear(y, min_year)) return std::nullopt;
    Lexer p = c;
    const Token dash = p.Next();
    if (dash.kind == Kind::kPunct && IsDash(dash.cp)) {
      const Token y2 = p.Next();
      if (IsYear(y2, min_year) && y2.value > y.value && Clean(y2.end)) {
        return Span{Date{y.value}, Date{y2.value}, y2.end, /*period=*/true};
      }
    }
    if (!Clean(y.end)) return std::nullopt;
    return Span{Date{y.value}, std::nullopt, y.end};
  }

  // "1/6/2022", "01-06-2022", "18-20/10/2022" (a range of days), "1/1/2022 -
  // 31/12/2022" (a range of dates) and, after "ngày" with a default year,
  // "12/10". `d1` is the day, already read.
  std::optional<Span> NumericDate(const Token& d1, Lexer c, bool allow_no_year) const {
    const Token s1 = c.Next();
    const Token n2 = c.Next();
    if (!(IsGlued(s1) && s1.kind == Kind::kPunct && IsDateSeparator(s1.cp) && IsGlued(n2) &&
          IsNumber(n2, 1, 2))) {
      return std::nullopt;
    }
    Lexer p = c;
    const Token s2 = p.Next();
    if (IsGlued(s2) && s2.kind == Kind::kPunct && SameSeparator(s1.cp, s2.cp)) {
      const Token y = p.Next();
      if (!(IsGlued(y) && IsYear(y, kMinYear))) return std::nullopt;  // "1.2.3", "01/6/22"
      const Date date{y.value, Written(n2), Written(d1)};
      if (auto last = DateAfterDash(p)) return Span{date, last->first, last->end};
      if (!Clean(y.end)) return std::nullopt;
      return Span{date, std::nullopt, y.end};
    }
    if (IsDash(s1.cp) && IsGlued(s2) && IsPunct(s2, '/')) return DayRange(d1, n2, p);
    if (allow_no_year && s1.cp == '/' && default_year_ != 0 && Clean(n2.end)) {
      return Span{Date{default_year_, Written(n2), Written(d1)}, std::nullopt, n2.end};
    }
    return std::nullopt;
  }

  // The "10/2022" of "18-20/10/2022"; `c` is after the slash.
  std::optional<Span> DayRange(const Token& d1, const Token& d2, Lexer c) const {
    const Token m = c.Next(), slash = c.Next(), y = c.Next();
    if (!(IsGlued(m) && IsNumber(m, 1, 2) && IsGlued(slash) && IsPunct(slash, '/') && IsGlued(y) &&
          IsYear(y, kMinYear) && Clean(y.end))) {
      return std::nullopt;
    }
    return Span{Date{y.value, Written(m), Written(d1)}, Date{y.value, Written(m), Written(d2)}, y.end};
  }

  // " - 31/12/2022" after a full date: the end of a range of dates.
  std::optional<Span> DateAfterDash(Lexer c) const {
    const Token dash = c.Next();
    if (!(dash.kind == Kind::kPunct && IsDash(dash.cp))) return std::nullopt;
    const Token d = c.Next();
    if (!IsNumber(d, 1, 2)) return std::nullopt;
    const Token s1 = c.Next(), m = c.Next(), s2 = c.Next(), y = c.Next();
    if (!(IsGlued(s1) && IsPunct(s1, '/') && IsGlued(m) && IsNumber(m, 1, 2) && IsGlued(s2) &&
          IsPunct(s2, '/') && IsGlued(y) && IsYear(y, kMinYear) && Clean(y.end))) {
      return std::nullopt;
    }
    return Span{Date{y.value, Written(m), Written(d)}, std::nullopt, y.end};
  }

  // "15 tháng 11 năm 2022", "15 tháng 11/2022"; with `allow_no_year` (after
  // "ngày") and a default year also "15 tháng 11". `d` is the day.
  std::optional<Span> DayThang(const Token& d, Lexer c, bool allow_no_year) const {
    const Token w = c.Next();
    if (!(w.space_before && IsWord(w, Word::kThang))) return std::nullopt;
    auto s = ThangTail(c);
    if (!s || s->last) return std::nullopt;
    if (s->first.year == 0) {
      if (!allow_no_year || default_year_ == 0) return std::nullopt;
      s->first.year = default_year_;
    }
    s->first.day = Written(d);
    return s;
  }

  // What follows "tháng": "9/2022", "09-2022", "9 năm 2022", "9-10/2022" (a
  // range of months), or a month alone ("Tháng 4", year 0 in the result).
  std::optional<Span> ThangTail(Lexer c) const {
    const Token m = c.Next();
    if (!(IsNumber(m, 1, 2) && m.value >= 1 && m.value <= 12)) return std::nullopt;
    Lexer p = c;
    const Token s = p.Next();
    const Token n = p.Next();
    if (IsGlued(s) && s.kind == Kind::kPunct && IsDateSeparator(s.cp) && IsGlued(n) &&
        n.kind == Kind::kNumber) {
      if (IsYear(n, kMinYear) && Clean(n.end)) return Span{Date{n.value, m.value}, std::nullopt, n.end};
      if (IsDash(s.cp) && IsNumber(n, 1, 2) && n.value > m.value && n.value <= 12) {
        const Token slash = p.Next(), y = p.Next();
        if (IsGlued(slash) && IsPunct(slash, '/') && IsGlued(y) && IsYear(y, kMinYear) && Clean(y.end)) {
          return Span{Date{y.value, m.value}, Date{y.value, n.value}, y.end};
        }
      }
      return std::nullopt;  // "tháng 9/20", "tháng 9/2022/QĐ": no month of a year
    }
    if (IsWord(s, Word::kNam) && IsYear(n, kMinYear) && Clean(n.end)) {
      return Span{Date{n.value, m.value}, std::nullopt, n.end};
    }
    if (!Clean(m.end)) return std::nullopt;
    return Span{Date{0, m.value}, std::nullopt, m.end};
  }

  // "1 June 2022", "1st of June, 2022", "1 Jun. 2022"; "1 June" with a
  // default year. `d` is the day.
  std::optional<Span> DayMonthName(const Token& d, Lexer c) const {
    Token t = c.Next();
    if (IsGlued(t) && IsWord(t, Word::kOrdinal)) t = c.Next();
    if (!t.space_before) return std::nullopt;
    if (IsWord(t, Word::kOf)) t = c.Next();
    const WordInfo month = ClassifyToken(t);
    if (!(t.space_before && month.word == Word::kMonth)) return std::nullopt;
    if (auto y = YearAfterMonthName(c)) return Span{Date{y->value, month.value, Written(d)}, std::nullopt, y->end};
    if (default_year_ == 0 || !Clean(t.end)) return std::nullopt;
    return Span{Date{default_year_, month.value, Written(d)}, std::nullopt, t.end};
  }

  // The year after an English month name: " 2022", ". 2022", ", 2022".
  std::optional<Token> YearAfterMonthName(Lexer c) const {
    Token t = c.Next();
    if (IsGlued(t) && IsPunct(t, '.')) t = c.Next();  // "Jun. 2022"
    if (IsPunct(t, ',')) t = c.Next();
    if (t.space_before && IsYear(t, kMinYear) && Clean(t.end)) return t;
    return std::nullopt;
  }

  // ---- words first.
  std::optional<Span> AtWord(const Token& w, const Lexer& after) const {
    const WordInfo info = ClassifyToken(w);
    switch (info.word) {
      case Word::kNgay: return AfterNgay(after);
      case Word::kThang: return AfterThang(after);
      case Word::kNam: return AfterNam(after);
      case Word::kNua: return AfterNua(after);
      case Word::kDau: case Word::kCuoi: case Word::kGiua: return AfterPartOfYear(after);
      case Word::kQuy: return AfterQuy(after);
      case Word::kGiai: return AfterGiai(after);
      case Word::kEarly: case Word::kLate: case Word::kMid: return AfterModifier(after);
      case Word::kMonth: return AfterMonthName(info.value, after);
      default: return std::nullopt;
    }
  }

  // "Ngày 01/6/2022", "ngày 18-20/10/2022", "ngày 15 tháng 11 năm 2022",
  // and with a default year "Ngày 12/10", "ngày 15 tháng 11".
  std::optional<Span> AfterNgay(Lexer c) const {
    const Token d = c.Next();
    if (!(d.space_before && IsNumber(d, 1, 2))) return std::nullopt;
    if (auto s = NumericDate(d, c, /*allow_no_year=*/true)) return s;
    return DayThang(d, c, /*allow_no_year=*/true);
  }

  // "tháng 9/2022", "Tháng 8/2022", "tháng 9 năm 2022", "tháng 09-2022",
  // "tháng 9-10/2022"; "Tháng 4" with a default year.
  std::optional<Span> AfterThang(Lexer c) const {
    auto s = ThangTail(c);
    if (!s) return std::nullopt;
    if (s->first.year == 0) {
      if (default_year_ == 0) return std::nullopt;
      s->first.year = default_year_;
    }
    return s;
  }

  // "năm 2022", "năm 2021-2025".
  std::optional<Span> AfterNam(Lexer c) const {
    const Token y = c.Next();
    return YearOrRange(y, c, kMinYear);
  }

  // "nửa đầu năm 2022", "nửa cuối năm 2021", "nửa sau năm 2022".
  std::optional<Span> AfterNua(Lexer c) const {
    const WordInfo part = ClassifyToken(c.Next());
    if (part.word != Word::kDau && part.word != Word::kCuoi && part.word != Word::kSau) return std::nullopt;
    return AfterPartOfYear(c);
  }

  // "đầu năm 2022", "cuối năm 2021", "giữa năm 2022": the year.
  std::optional<Span> AfterPartOfYear(Lexer c) const {
    if (!IsWord(c.Next(), Word::kNam)) return std::nullopt;
    return AfterNam(c);
  }

  // "quý I/2022", "quý 4 năm 2022": the year.
  std::optional<Span> AfterQuy(Lexer c) const {
    const Token q = c.Next();
    const bool quarter = IsWord(q, Word::kRoman) || (IsNumber(q, 1, 1) && q.value >= 1 && q.value <= 4);
    if (!quarter) return std::nullopt;
    const Token s = c.Next();
    const Token y = c.Next();
    const bool slash = IsGlued(s) && IsPunct(s, '/') && IsGlued(y);
    if (!((slash || IsWord(s, Word::kNam)) && IsYear(y, kMinYear) && Clean(y.end))) return std::nullopt;
    return Span{Date{y.value}, std::nullopt, y.end};
  }

  // "giai đoạn 2021 - 2025" (period), "giai đoạn 2022".
  std::optional<Span> AfterGiai(Lexer c) const {
    if (!IsWord(c.Next(), Word::kDoan)) return std::nullopt;
    const Token y = c.Next();
    return YearOrRange(y, c, kMinYear);
  }

  // "early 2022", "late 2021", "mid-2022": the year.
  std::optional<Span> AfterModifier(Lexer c) const {
    Token y = c.Next();
    if (IsGlued(y) && y.kind == Kind::kPunct && IsDash(y.cp)) {
      y = c.Next();
      if (!IsGlued(y)) return std::nullopt;
    }
    if (!(IsYear(y, kMinYear) && Clean(y.end))) return std::nullopt;
    return Span{Date{y.value}, std::nullopt, y.end};
  }

  // "March 2022", "June 1, 2022", "Jun. 1st 2022"; "June 1" with a default
  // year.
  std::optional<Span> AfterMonthName(int month, Lexer c) const {
    if (auto y = YearAfterMonthName(c)) return Span{Date{y->value, month}, std::nullopt, y->end};
    Token d = c.Next();
    if (IsGlued(d) && IsPunct(d, '.')) d = c.Next();
    if (!(d.space_before && IsNumber(d, 1, 2))) return std::nullopt;
    uint32_t day_end = d.end;
    Lexer p = c;
    if (const Token o = p.Next(); IsGlued(o) && IsWord(o, Word::kOrdinal)) {
      day_end = o.end;
      c = p;
    }
    Token y = c.Next();
    if (IsPunct(y, ',')) y = c.Next();
    if (y.space_before && IsYear(y, kMinYear) && Clean(y.end)) {
      return Span{Date{y.value, month, Written(d)}, std::nullopt, y.end};
    }
    if (default_year_ == 0 || !Clean(day_end)) return std::nullopt;
    return Span{Date{default_year_, month, Written(d)}, std::nullopt, day_end};
  }

  std::string_view text_;
  int default_year_;  // 0: none
};

// "2022" → 2022; anything that is not a four-digit year → 0 (none).
int ParseDefaultYear(std::string_view year) {
  if (year.size() != 4) return 0;
  int value = 0;
  for (char c : year) {
    if (!IsAsciiDigit(static_cast<unsigned char>(c))) return 0;
    value = value * 10 + (c - '0');
  }
  return value >= kMinYear && value <= kMaxYear ? value : 0;
}

// Every date grammar that starts at a word reaches a digit within a few
// words ("nửa  đầu  năm  2022" is 26 bytes in NFD with double spaces). Text
// farther than this from the next digit is not even cut into tokens, which
// keeps the scan cheap over prose.
constexpr size_t kWordToDigitReach = 40;

size_t NextDigit(std::string_view text, size_t pos) {
  while (pos < text.size() && !IsAsciiDigit(static_cast<unsigned char>(text[pos]))) ++pos;
  return pos;
}

// The first place at or after `pos` where a token may start: not inside a
// UTF-8 sequence, nor inside a word (a word that began before `pos` began
// too far from the next digit to matter).
size_t TokenBoundaryFrom(std::string_view text, size_t pos) {
  while (pos < text.size() && (static_cast<unsigned char>(text[pos]) & 0xC0) == 0x80) ++pos;
  if (pos == 0 || pos >= text.size() || !IsWordChar(DecodeBefore(text, pos).cp)) return pos;
  while (pos < text.size()) {
    const Decoded d = DecodeAt(text, pos);
    if (!IsWordChar(d.cp)) break;
    pos += d.len;
  }
  return pos;
}

}  // namespace

std::vector<DateMention> FindDates(std::string_view text, std::string_view default_year) {
  // Spans are 32-bit; a longer text is scanned up to 4 GiB.
  text = text.substr(0, std::min<size_t>(text.size(), std::numeric_limits<uint32_t>::max()));
  const Matcher matcher(text, ParseDefaultYear(default_year));
  std::vector<DateMention> out;
  Lexer lexer(text, 0);
  size_t next_digit = NextDigit(text, 0);
  for (;;) {
    if (next_digit < lexer.pos()) next_digit = NextDigit(text, lexer.pos());
    if (next_digit >= text.size()) break;  // no digit left: no date left
    if (next_digit - lexer.pos() > kWordToDigitReach) {
      lexer = Lexer(text, TokenBoundaryFrom(text, next_digit - kWordToDigitReach));
    }
    // Digits always start a token, so `t` begins at or before `next_digit`.
    const Token t = lexer.Next();
    if (t.kind == Kind::kEnd) break;
    if (t.kind == Kind::kPunct) continue;
    if (t.kind == Kind::kWord && next_digit - t.begin > kWordToDigitReach) continue;
    if (auto m = matcher.At(t)) {
      lexer = Lexer(text, m->end);
      if (!m->iso.empty()) out.push_back(std::move(*m));  // empty: an impossible date, skipped
    }
  }
  return out;
}

}  // namespace policygraph::indexer
