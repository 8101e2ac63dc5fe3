// Code points and character classes for the discovery scan. It reads UTF-8
// byte by byte rather than through ICU word breaking: discovery runs over
// the whole corpus, and most of the text, even in Vietnamese, is ASCII, so
// ASCII is answered without a property lookup. Malformed bytes read as
// U+FFFD, one at a time, so any input is scanned to its end.
#pragma once

#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>

namespace policygraph::indexer::discovery {

// The code point at `i` of `s` (advancing `i`); malformed bytes read as
// U+FFFD, one byte at a time, so any input is scanned to its end.
inline UChar32 NextCodePoint(std::string_view s, size_t& i) {
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

inline UChar32 CodePointAt(std::string_view s, size_t i) {
  return i < s.size() ? NextCodePoint(s, i) : 0;
}

// Character classes, with ASCII answered without a property lookup.
inline bool IsAsciiAlnum(UChar32 c) { return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'); }
inline bool IsAlnum(UChar32 c) { return c < 0x80 ? IsAsciiAlnum(c) : u_isalnum(c); }
inline bool IsDigit(UChar32 c) { return c < 0x80 ? (c >= '0' && c <= '9') : u_isdigit(c); }
inline bool IsUpper(UChar32 c) { return c < 0x80 ? (c >= 'A' && c <= 'Z') : (u_isupper(c) || u_istitle(c)); }
inline bool IsLower(UChar32 c) { return c < 0x80 ? (c >= 'a' && c <= 'z') : u_islower(c); }
inline bool IsLetter(UChar32 c) { return c < 0x80 ? ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') : u_isalpha(c); }
inline bool IsMark(UChar32 c) { return c >= 0x80 && (U_GET_GC_MASK(c) & U_GC_M_MASK) != 0; }
inline bool IsWordChar(UChar32 c) { return IsAlnum(c) || IsMark(c); }
inline bool IsSpace(UChar32 c) {
  if (c < 0x80) return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f';
  return u_isUWhiteSpace(c) || c == 0x200B || c == 0xFEFF;
}
inline bool IsHyphen(UChar32 c) { return c == '-' || c == 0x2010 || c == 0x2011; }
inline bool IsApostrophe(UChar32 c) { return c == '\'' || c == 0x2019; }
inline bool IsDash(UChar32 c) { return c == '-' || c == 0x2013 || c == 0x2014; }

// Quotation marks: the closing mark for an opening one (0 if `open` opens
// no quote), and whether a character is any quotation mark.
inline UChar32 ClosingQuote(UChar32 open) {
  switch (open) {
    case 0x201C: return 0x201D;  // “ ”
    case 0x00AB: return 0x00BB;  // « »
    case '"': return '"';
    default: return 0;
  }
}

inline bool IsQuote(UChar32 c) {
  return c == '"' || c == 0x201C || c == 0x201D || c == 0x2018 || c == 0x2019 || c == 0x00AB || c == 0x00BB;
}

std::string ToUtf8(const icu::UnicodeString& s);
bool IsAscii(std::string_view s);

// A name as it is reported: whitespace runs collapsed to one space, NFC.
std::string CleanText(std::string_view raw);

}  // namespace policygraph::indexer::discovery
