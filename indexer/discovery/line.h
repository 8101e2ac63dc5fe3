// A line of text cut into pieces (words and single punctuation characters,
// each with its byte span in the whole text), and the word keys they are
// compared by. A name never spans a line break, so every rule works on one
// Line at a time.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "indexer/analyzer.h"
#include "indexer/discovery/characters.h"

namespace policygraph::indexer::discovery {

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

// The pieces of text[begin, end), one line of `text`: words (letters,
// digits and combining marks, kept whole across '-', '/', '.', '&' and
// apostrophes between letters) and single punctuation characters.
std::vector<Piece> ScanLine(std::string_view text, size_t begin, size_t end);

// Word keys: NFC, case-folded, tone marks in the newer placement, as the
// analyser folds them. Non-ASCII words are folded through ICU, which costs
// far more than a lookup, and a text repeats its words, so they are cached
// for the whole text.
class KeyMaker {
 public:
  explicit KeyMaker(const Analyzer& analyzer) : analyzer_(analyzer) {}

  // The key of the word `raw`; `ascii` when it holds only ASCII bytes.
  std::string Key(std::string_view raw, bool ascii);

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

// Number of words among pieces [first, last].
size_t CountWords(const Line& line, size_t first, size_t last);

// The text of pieces [first, last] as a name is reported (CleanText).
std::string TextOf(const Line& line, size_t first, size_t last);

// A word that can carry a name: capitalised, an acronym or a number.
inline bool IsStrong(const Piece& p) { return p.word() && (p.cap || p.acronym || p.number); }

// A year or a range of years: 2022, 2021-2025.
bool IsYear(std::string_view raw);

// A four-digit year of the last two centuries (19xx, 20xx), no range: how
// an instrument's year reads, where "Resolution 2669" is a number.
bool IsRecentYear(std::string_view raw);

// A document number: 53/2022/NĐ-CP, 68/2020/QH14.
bool IsDocumentNumber(const Piece& p, std::string_view raw);

// A single acronym of at most 12 bytes over pieces [first, last].
bool IsLoneAcronym(Line& line, size_t first, size_t last);

}  // namespace policygraph::indexer::discovery
