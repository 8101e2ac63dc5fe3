#include "indexer/discovery/line.h"

#include <algorithm>
#include <cctype>

#include "indexer/tone_placement.h"

namespace policygraph::indexer::discovery {
namespace {

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
    // "ASEAN+3", "AMAF+3": a grouping and its partners' count.
    const bool plus_count = c == '+' && IsDigit(d) && IsUpper(prev);
    const bool joiner = IsHyphen(c) || c == '/' || c == '.' || c == '&' || IsApostrophe(c) || plus_count ||
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

}  // namespace

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

std::string KeyMaker::Key(std::string_view raw, bool ascii) {
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

size_t CountWords(const Line& line, size_t first, size_t last) {
  size_t n = 0;
  for (size_t i = first; i <= last && i < line.size(); ++i) n += line.IsWord(i);
  return n;
}

std::string TextOf(const Line& line, size_t first, size_t last) {
  return CleanText(line.text().substr(line[first].begin, line[last].end - line[first].begin));
}

bool IsRecentYear(std::string_view raw) {
  return raw.size() == 4 && (raw.substr(0, 2) == "19" || raw.substr(0, 2) == "20") &&
         raw.find_first_not_of("0123456789") == std::string_view::npos;
}

bool IsYear(std::string_view raw) {
  auto four_digits = [](std::string_view s) {
    return s.size() == 4 && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; }) &&
           (s[0] == '1' || s[0] == '2');
  };
  if (four_digits(raw)) return true;
  return raw.size() == 9 && raw[4] == '-' && four_digits(raw.substr(0, 4)) && four_digits(raw.substr(5));
}

bool IsDocumentNumber(const Piece& p, std::string_view raw) {
  return p.number && raw.find('/') != std::string_view::npos && p.letters > 0;
}

bool IsLoneAcronym(Line& line, size_t first, size_t last) {
  return first == last && line.IsWord(first) && line[first].acronym && line.Raw(first).size() <= 12;
}

}  // namespace policygraph::indexer::discovery
