// Analyzer: the one text analyser used both to index and to query, so that a
// query is always cut and folded exactly as the text was (DESIGN.md).
//
// Per token it yields the byte span in the source (for snippets), the exact
// term (NFC, case-folded) and the folded term (no diacritics, đ→d). Input may
// be NFC or NFD; malformed UTF-8 bytes are treated as U+FFFD and never crash.
//
// Thread safety: an Analyzer is immutable after construction; its const
// methods may be called from any number of threads. (Inside, each call
// borrows break iterators and a cache of the words already analysed from a
// locked pool, one set per thread at work, so that neither is rebuilt per
// call; what a call returns does not depend on them.)
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace policygraph::indexer {

struct Token {
  uint32_t begin = 0;     // byte offset of the token in the analysed text
  uint32_t end = 0;       // one past its last byte
  uint32_t position = 0;  // 0-based word position, for phrases
  std::string exact;      // NFC, case-folded: "mạng"
  std::string folded;     // diacritics removed, đ→d: "mang"
  bool operator==(const Token&) const = default;
};

// The parts of a token the analyser kept whole across '/' or '-'
// ("vncert/cc" -> {"vncert", "cc"}); empty for any other token. The indexer
// indexes the parts too, so that "VNCERT" alone finds "VNCERT/CC".
std::vector<std::string> CompoundParts(std::string_view term);

struct SentenceSpan {
  uint32_t begin = 0;  // byte offsets, surrounding whitespace trimmed
  uint32_t end = 0;
};

enum class Language { kVietnamese, kEnglish, kOther };
std::string_view LanguageCode(Language lang);  // "vi", "en", "other"

class Analyzer {
 public:
  Analyzer();
  ~Analyzer();
  Analyzer(const Analyzer&) = delete;
  Analyzer& operator=(const Analyzer&) = delete;

  std::vector<Token> Tokenize(std::string_view text) const;
  std::vector<SentenceSpan> Sentences(std::string_view text) const;
  // NFC + case folding of a whole string (no tokenising).
  std::string Exact(std::string_view text) const;
  // Exact() without diacritics and with đ→d.
  std::string Fold(std::string_view text) const;
  // Guesses the language from the letters used: Vietnamese has letters
  // (ă â đ ê ô ơ ư and tone marks) that English text does not.
  Language DetectLanguage(std::string_view text) const;

 private:
  struct Icu;
  std::unique_ptr<Icu> icu_;
};

// True when `rest` (the text right after a word) starts with an English
// possessive: "'s", "’s", or the lone apostrophe of a plural ("the
// Philippines' "). The analyser drops it from tokens; this says it was there.
bool StartsWithPossessive(std::string_view rest);

// True when `text` is well-formed UTF-8; otherwise *bad_offset (if given)
// receives the byte offset of the first malformed sequence.
bool IsValidUtf8(std::string_view text, size_t* bad_offset = nullptr);

// Length in characters as a reader sees them: code points that are not
// combining marks. The same for NFC and NFD text, so that limits measured
// with it cut a text the same way whatever its normalisation.
size_t VisibleLength(std::string_view text);

// Cuts UTF-8 text to at most `max_bytes` without splitting a character and
// appends "…" when it cut anything.
std::string TruncateUtf8(std::string_view text, size_t max_bytes);

}  // namespace policygraph::indexer
