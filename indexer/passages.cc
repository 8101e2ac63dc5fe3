#include "indexer/passages.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <cctype>

namespace policygraph::indexer {

namespace {

bool StartsWithWordThenNumber(std::string_view line, std::string_view word) {
  if (line.substr(0, word.size()) != word || line.size() <= word.size() + 1) return false;
  if (line[word.size()] != ' ') return false;
  const unsigned char c = static_cast<unsigned char>(line[word.size() + 1]);
  // A number or a Roman numeral: "Điều 5", "Chương II", "Part 3".
  return std::isdigit(c) || c == 'I' || c == 'V' || c == 'X' || c == 'L';
}

// A letter or digit in any script; rules drawn with dashes, box-drawing
// characters or bullets have none.
bool HasWordCharacter(std::string_view s) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(s.data());
  const int32_t length = static_cast<int32_t>(s.size());
  for (int32_t i = 0; i < length;) {
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    if (c >= 0 && u_isalnum(c)) return true;
  }
  return false;
}

// Headings are short (IsHeadingLine), so kept whole.
std::string HeadingText(std::string_view line) {
  size_t i = 0;
  while (i < line.size() && (line[i] == '#' || line[i] == ' ')) ++i;
  return std::string(line.substr(i));
}

}  // namespace

namespace {

// The first bytes of a line in NFC: text arrives composed, decomposed, or a
// mix of both ("ê" composed with a combining grave), and the heading words
// are compared in one form.
std::string NfcPrefix(std::string_view line, size_t max_bytes) {
  size_t cut = std::min(line.size(), max_bytes);
  while (cut < line.size() && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) ++cut;
  UErrorCode status = U_ZERO_ERROR;
  std::string out;
  icu::Normalizer2::getNFCInstance(status)
      ->normalize(icu::UnicodeString::fromUTF8(line.substr(0, cut)), status)
      .toUTF8String(out);
  return U_SUCCESS(status) ? out : std::string(line.substr(0, cut));
}

}  // namespace

bool IsHeadingLine(std::string_view line) {
  // Headings are short; a longer line is a paragraph whatever it starts
  // with (a hashtag, "#1 priority …").
  if (line.empty() || VisibleLength(line) >= 400) return false;
  if (line[0] == '#') return true;
  static const std::string_view kWords[] = {"Điều", "Chương", "CHƯƠNG", "Mục", "MỤC", "Phần",
                                            "PHẦN", "Article", "ARTICLE", "Chapter", "CHAPTER",
                                            "Part", "PART", "Section", "SECTION"};
  const std::string head = NfcPrefix(line, 48);
  for (auto word : kWords) {
    if (StartsWithWordThenNumber(head, word)) return true;
  }
  return false;
}

std::vector<Passage> SplitPassages(std::string_view body, const Analyzer& analyzer) {
  std::vector<Passage> passages;
  std::string heading;
  Passage pending_heading;  // the last heading line, until a passage follows
  size_t pos = 0;
  while (pos < body.size()) {
    size_t eol = body.find('\n', pos);
    if (eol == std::string_view::npos) eol = body.size();
    size_t b = pos, e = eol;
    pos = eol + 1;
    while (b < e && std::isspace(static_cast<unsigned char>(body[b]))) ++b;
    while (e > b && std::isspace(static_cast<unsigned char>(body[e - 1]))) --e;
    const std::string_view line = body.substr(b, e - b);
    if (!HasWordCharacter(line)) continue;  // blank lines, rules, table borders
    const bool is_heading = IsHeadingLine(line);
    // A heading directly followed by another heading (or by the end) has no
    // passage to carry it: keep it as a passage of its own.
    if (is_heading) {
      if (pending_heading.end > pending_heading.begin) passages.push_back(pending_heading);
      heading = HeadingText(line);
      pending_heading = {static_cast<uint32_t>(b), static_cast<uint32_t>(e), heading, true};
      continue;
    }
    pending_heading = Passage();
    if (VisibleLength(line) <= kMaxPassageChars) {
      passages.push_back({static_cast<uint32_t>(b), static_cast<uint32_t>(e), heading, false});
      continue;
    }
    // A very long paragraph: whole sentences, up to about half the limit
    // each, so a hit still points at a readable piece.
    uint32_t chunk_begin = static_cast<uint32_t>(b), chunk_end = chunk_begin;
    for (const auto& s : analyzer.Sentences(line)) {
      const uint32_t sb = static_cast<uint32_t>(b) + s.begin, se = static_cast<uint32_t>(b) + s.end;
      if (chunk_end > chunk_begin &&
          VisibleLength(body.substr(chunk_begin, se - chunk_begin)) > kMaxPassageChars / 2) {
        passages.push_back({chunk_begin, chunk_end, heading, false});
        chunk_begin = sb;
      }
      chunk_end = se;
    }
    if (chunk_end > chunk_begin) passages.push_back({chunk_begin, chunk_end, heading, false});
  }
  if (pending_heading.end > pending_heading.begin) passages.push_back(pending_heading);
  return passages;
}

}  // namespace policygraph::indexer
