#include "indexer/analyzer.h"

#include "indexer/tone_placement.h"

#include <unicode/brkiter.h>
#include <unicode/filteredbrk.h>
#include <unicode/normalizer2.h>
#include <unicode/stringpiece.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <cctype>
#include <mutex>
#include <stdexcept>
#include <unordered_map>
#include <utility>

namespace policygraph::indexer {

namespace {

// Tokens longer than this are not words (base64, hashes, long URLs) and
// would only bloat the index; Xapian also caps terms at 245 bytes.
constexpr size_t kMaxTokenBytes = 64;

// Decodes UTF-8 into UTF-16 while remembering, for every UTF-16 unit, the
// byte offset it came from; offsets[size] is the text's length. Malformed
// bytes become U+FFFD.
struct MappedText {
  icu::UnicodeString text;
  std::vector<uint32_t> offsets;
};

MappedText Decode(std::string_view utf8) {
  MappedText m;
  const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
  const int32_t length = static_cast<int32_t>(utf8.size());
  m.offsets.reserve(utf8.size() + 1);
  // Written straight into the string's buffer: UnicodeString::append() per
  // code point was a visible part of indexing time. A UTF-16 text never has
  // more units than its UTF-8 has bytes.
  UChar* out = m.text.getBuffer(length + 1);
  int32_t n = 0;
  int32_t i = 0;
  while (i < length) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c < 0) c = 0xFFFD;
    U16_APPEND_UNSAFE(out, n, c);
    m.offsets.push_back(static_cast<uint32_t>(start));
    if (c > 0xFFFF) m.offsets.push_back(static_cast<uint32_t>(start));
  }
  m.text.releaseBuffer(n);
  m.offsets.push_back(static_cast<uint32_t>(length));
  return m;
}

std::string ToUtf8(const icu::UnicodeString& s) {
  std::string out;
  s.toUTF8String(out);
  return out;
}

bool AllOf(const icu::UnicodeString& s, int32_t from, int32_t to, bool (*pred)(UChar)) {
  if (from >= to) return false;
  for (int32_t i = from; i < to; ++i) {
    if (!pred(s[i])) return false;
  }
  return true;
}

bool IsAsciiDigit(UChar c) { return c >= '0' && c <= '9'; }
bool IsAsciiLower(UChar c) { return c >= 'a' && c <= 'z'; }
bool IsAsciiLetter(UChar c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsAsciiAlnum(UChar c) { return IsAsciiLetter(c) || IsAsciiDigit(c); }
bool IsWordChar(UChar c) { return u_isalnum(c); }

// Whether the segment [a, a_end) and the one after the single joiner at
// a_end, ending at b_end, are read as one token. ICU cuts at '/' and '-';
// these are the cases where the whole is the useful unit:
//   VNCERT/CC, 01/6/2022, 24/2018/QH14   any words around a '/'
//   2021-2025                            numbers around a '-'
//   e-commerce, e-ASEAN                  a single letter before a '-'
//   cross-border, medium-sized           lower-case English words
// and not "ASEAN-China" or "kinh tế-xã hội", where each side is a word
// that must match on its own (names, Vietnamese syllables).
bool JoinsWord(const icu::UnicodeString& s, int32_t a, int32_t a_end, int32_t b_end) {
  const UChar joiner = s[a_end];
  const int32_t b = a_end + 1;
  if (joiner == '/') return AllOf(s, a, a_end, IsWordChar) && AllOf(s, b, b_end, IsWordChar);
  if (joiner != '-') return false;
  if (AllOf(s, a, a_end, IsAsciiDigit) && AllOf(s, b, b_end, IsAsciiDigit)) return true;
  if (a_end - a == 1 && IsAsciiLetter(s[a]) && AllOf(s, b, b_end, IsAsciiAlnum)) return true;
  return a_end - a >= 2 && b_end - b >= 2 && AllOf(s, a, a_end, IsAsciiLower) && AllOf(s, b, b_end, IsAsciiLower);
}

}  // namespace

std::vector<std::string> CompoundParts(std::string_view term) {
  std::vector<std::string> parts;
  if (term.find_first_of("/-") == std::string_view::npos) return parts;
  size_t start = 0;
  for (size_t i = 0; i <= term.size(); ++i) {
    if (i == term.size() || term[i] == '/' || term[i] == '-') {
      if (i > start) parts.emplace_back(term.substr(start, i - start));
      start = i + 1;
    }
  }
  return parts;
}

std::string_view LanguageCode(Language lang) {
  switch (lang) {
    case Language::kVietnamese: return "vi";
    case Language::kEnglish: return "en";
    case Language::kOther: return "other";
  }
  return "other";
}

bool IsValidUtf8(std::string_view text, size_t* bad_offset) {
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t length = static_cast<int32_t>(text.size());
  int32_t i = 0;
  while (i < length) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c < 0) {
      if (bad_offset != nullptr) *bad_offset = static_cast<size_t>(start);
      return false;
    }
  }
  return true;
}

size_t VisibleLength(std::string_view text) {
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t length = static_cast<int32_t>(text.size());
  size_t visible = 0;
  for (int32_t i = 0; i < length;) {
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c < 0 || u_getCombiningClass(c) == 0) ++visible;
  }
  return visible;
}

std::string TruncateUtf8(std::string_view s, size_t max_bytes) {
  if (s.size() <= max_bytes) return std::string(s);
  size_t cut = max_bytes;
  // Step back over continuation bytes (10xxxxxx) to a character start.
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  std::string out(s.substr(0, cut));
  out += "…";
  return out;
}

// What one thread needs while it analyses: break iterators (ICU's hold
// iteration state, so they cannot be shared between threads) and the terms
// of the words it has met. Kept in a pool on the Analyzer and lent out per
// call, so that neither is made again for every text (cloning an iterator
// per call, and normalising every occurrence of every word, were most of
// the analyser's time).
struct AnalyzerScratch {
  std::unique_ptr<icu::BreakIterator> words;
  std::unique_ptr<icu::BreakIterator> sentences;
  // A word's terms depend on its bytes alone (ExactU, CanonicalToneSyllable
  // and FoldU see nothing else), and a text repeats its words, Vietnamese
  // syllables most of all: raw UTF-8 bytes -> {exact, folded}.
  std::unordered_map<std::string, std::pair<std::string, std::string>> terms;
};

// Words remembered per scratch before the cache starts afresh: a few MB,
// far more than the syllables and common words a corpus repeats.
constexpr size_t kMaxCachedWords = 1 << 17;

struct Analyzer::Icu {
  const icu::Normalizer2* nfc = nullptr;
  const icu::Normalizer2* nfd = nullptr;
  // Prototypes, cloned once per scratch.
  std::unique_ptr<icu::BreakIterator> words;
  std::unique_ptr<icu::BreakIterator> sentences;

  std::mutex pool_mutex;
  std::vector<std::unique_ptr<AnalyzerScratch>> pool;  // idle scratches

  std::unique_ptr<AnalyzerScratch> Borrow() {
    {
      std::lock_guard<std::mutex> lock(pool_mutex);
      if (!pool.empty()) {
        auto scratch = std::move(pool.back());
        pool.pop_back();
        return scratch;
      }
    }
    auto scratch = std::make_unique<AnalyzerScratch>();
    scratch->words.reset(words->clone());
    scratch->sentences.reset(sentences->clone());
    return scratch;
  }

  void Return(std::unique_ptr<AnalyzerScratch> scratch) {
    std::lock_guard<std::mutex> lock(pool_mutex);
    pool.push_back(std::move(scratch));
  }

  // Borrows a scratch from the pool for the length of one call.
  class Lease {
   public:
    explicit Lease(Icu& icu) : icu_(icu), scratch_(icu.Borrow()) {}
    ~Lease() { icu_.Return(std::move(scratch_)); }
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    AnalyzerScratch* operator->() { return scratch_.get(); }

   private:
    Icu& icu_;
    std::unique_ptr<AnalyzerScratch> scratch_;
  };

  icu::UnicodeString ExactU(const icu::UnicodeString& s) const {
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeString folded = nfc->normalize(s, status);
    folded.foldCase();
    // Case folding can un-normalise a few characters; normalise again.
    icu::UnicodeString out = nfc->normalize(folded, status);
    return U_SUCCESS(status) ? out : folded;
  }

  icu::UnicodeString FoldU(const icu::UnicodeString& exact) const {
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeString decomposed = nfd->normalize(exact, status);
    if (U_FAILURE(status)) decomposed = exact;
    icu::UnicodeString out;
    for (int32_t i = 0; i < decomposed.length();) {
      UChar32 c = decomposed.char32At(i);
      i += U16_LENGTH(c);
      if (u_charType(c) == U_NON_SPACING_MARK) continue;
      // đ has no decomposition in Unicode; Vietnamese readers fold it to d.
      if (c == 0x0111 || c == 0x0110) c = 'd';
      out.append(c);
    }
    return out;
  }
};

namespace {

// A period after these ends no sentence: "Decree No. 52/2024/ND-CP",
// "TP. Hồ Chí Minh", "PGS. Nguyễn Văn A". ICU's own list (the "ss" locale
// keyword) is English-only and lacks "No."; ours covers both languages'
// citation and title abbreviations.
icu::BreakIterator* WithAbbreviations(icu::BreakIterator* sentences, UErrorCode& status) {
  if (U_FAILURE(status) || sentences == nullptr) return sentences;
  std::unique_ptr<icu::FilteredBreakIteratorBuilder> builder(
      icu::FilteredBreakIteratorBuilder::createEmptyInstance(status));
  if (U_FAILURE(status)) return sentences;
  for (const char* abbreviation : {"No.", "Nos.", "no.", "Art.", "Sec.", "Para.", "para.", "Mr.", "Mrs.", "Ms.",
                                   "Dr.", "Prof.", "Jr.", "St.", "U.S.", "U.K.", "e.g.", "i.e.", "cf.", "vs.",
                                   "Ph.D.", "TP.", "Tp.", "TS.", "ThS.", "PGS.", "GS.", "Q."}) {
    builder->suppressBreakAfter(icu::UnicodeString::fromUTF8(abbreviation), status);
  }
  return builder->wrapIteratorWithFilter(sentences, status);
}

}  // namespace

Analyzer::Analyzer() : icu_(std::make_unique<Icu>()) {
  UErrorCode status = U_ZERO_ERROR;
  icu_->nfc = icu::Normalizer2::getNFCInstance(status);
  icu_->nfd = icu::Normalizer2::getNFDInstance(status);
  icu_->words.reset(icu::BreakIterator::createWordInstance(icu::Locale("vi"), status));
  icu_->sentences.reset(WithAbbreviations(icu::BreakIterator::createSentenceInstance(icu::Locale("vi"), status), status));
  if (U_FAILURE(status) || !icu_->words || !icu_->sentences) {
    throw std::runtime_error(std::string("ICU initialisation failed: ") + u_errorName(status));
  }
}

Analyzer::~Analyzer() = default;

std::vector<Token> Analyzer::Tokenize(std::string_view text) const {
  std::vector<Token> tokens;
  MappedText m = Decode(text);
  Icu::Lease scratch(*icu_);
  icu::BreakIterator* it = scratch->words.get();
  it->setText(m.text);
  // Word segments first (UTF-16 spans), then joined where ICU cut a token
  // people read as one.
  struct Segment {
    int32_t start, end;
    bool trimmed;  // a possessive was cut off: nothing may join after it
  };
  std::vector<Segment> segments;
  int32_t seg_start = it->first();
  for (int32_t end = it->next(); end != icu::BreakIterator::DONE; seg_start = end, end = it->next()) {
    if (it->getRuleStatus() == UBRK_WORD_NONE) continue;  // spaces, punctuation
    int32_t word_end = end;
    // ICU keeps the English possessive inside the word ("China's"); drop it
    // so that the name matches and is found like the bare word.
    if (word_end - seg_start > 2 && (m.text[word_end - 1] == 's' || m.text[word_end - 1] == 'S') &&
        (m.text[word_end - 2] == '\'' || m.text[word_end - 2] == 0x2019)) {
      word_end -= 2;
    }
    segments.push_back({seg_start, word_end, word_end != end});
  }
  uint32_t position = 0;
  for (size_t i = 0; i < segments.size(); ++i) {
    const int32_t start = segments[i].start;
    size_t last = i;
    while (last + 1 < segments.size() && !segments[last].trimmed &&
           segments[last + 1].start == segments[last].end + 1 &&
           JoinsWord(m.text, segments[last].start, segments[last].end, segments[last + 1].end)) {
      ++last;
    }
    const int32_t word_end = segments[last].end;
    i = last;
    Token t;
    t.begin = m.offsets[start];
    t.end = m.offsets[word_end];
    if (t.end - t.begin > kMaxTokenBytes) continue;
    auto& cache = scratch->terms;
    if (cache.size() >= kMaxCachedWords) cache.clear();
    auto [cached, inserted] = cache.try_emplace(std::string(text.substr(t.begin, t.end - t.begin)));
    if (inserted) {
      icu::UnicodeString exact = CanonicalToneSyllable(
          icu_->ExactU(icu::UnicodeString(m.text, start, word_end - start)));
      cached->second = {ToUtf8(exact), ToUtf8(icu_->FoldU(exact))};
    }
    t.exact = cached->second.first;
    t.folded = cached->second.second;
    t.position = position++;
    tokens.push_back(std::move(t));
  }
  return tokens;
}

std::vector<SentenceSpan> Analyzer::Sentences(std::string_view text) const {
  std::vector<SentenceSpan> spans;
  MappedText m = Decode(text);
  Icu::Lease scratch(*icu_);
  icu::BreakIterator* it = scratch->sentences.get();
  it->setText(m.text);
  int32_t start = it->first();
  for (int32_t end = it->next(); end != icu::BreakIterator::DONE; start = end, end = it->next()) {
    uint32_t b = m.offsets[start], e = m.offsets[end];
    while (b < e && std::isspace(static_cast<unsigned char>(text[b]))) ++b;
    while (e > b && std::isspace(static_cast<unsigned char>(text[e - 1]))) --e;
    if (b < e) spans.push_back({b, e});
  }
  return spans;
}

std::string Analyzer::Exact(std::string_view text) const {
  return ToUtf8(icu_->ExactU(Decode(text).text));
}

std::string Analyzer::Fold(std::string_view text) const {
  return ToUtf8(icu_->FoldU(icu_->ExactU(Decode(text).text)));
}

Language Analyzer::DetectLanguage(std::string_view text) const {
  // Count letters that are Vietnamese-only (anything beyond ASCII in the
  // Latin script, after folding away case) against plain ASCII letters.
  const std::string_view head = text.substr(0, 1 << 16);
  size_t ascii = 0, vietnamese = 0, other = 0;
  auto count = [&](UChar32 c) {
    if (!u_isalpha(c)) return;
    if (c < 0x80) {
      ++ascii;
    } else if ((c >= 0x00C0 && c <= 0x01B0) || (c >= 0x1EA0 && c <= 0x1EF9)) {
      ++vietnamese;
    } else {
      ++other;
    }
  };
  // Compose first: in NFD text the Vietnamese letters are ASCII letters
  // followed by combining marks. Most text is valid UTF-8 in NFC already:
  // count its code points where they are (the language of every passage is
  // detected, and decoding each to UTF-16 to normalise it again showed up in
  // indexing profiles); anything else is decoded and composed as before.
  UErrorCode status = U_ZERO_ERROR;
  if (IsValidUtf8(head) &&
      icu_->nfc->isNormalizedUTF8(icu::StringPiece(head.data(), static_cast<int32_t>(head.size())), status) &&
      U_SUCCESS(status)) {
    const auto* s = reinterpret_cast<const uint8_t*>(head.data());
    const int32_t length = static_cast<int32_t>(head.size());
    for (int32_t i = 0; i < length;) {
      UChar32 c;
      U8_NEXT(s, i, length, c);
      count(c);
    }
  } else {
    status = U_ZERO_ERROR;
    MappedText m = Decode(head);
    icu::UnicodeString composed = icu_->nfc->normalize(m.text, status);
    if (U_SUCCESS(status)) m.text = composed;
    for (int32_t i = 0; i < m.text.length();) {
      UChar32 c = m.text.char32At(i);
      i += U16_LENGTH(c);
      count(c);
    }
  }
  const size_t letters = ascii + vietnamese + other;
  if (letters == 0) return Language::kOther;
  if (other * 2 > letters) return Language::kOther;
  // Vietnamese prose carries a diacritic on roughly every third letter;
  // English carries almost none. 4% separates them with a wide margin.
  if (vietnamese * 25 > letters) return Language::kVietnamese;
  return Language::kEnglish;
}

bool StartsWithPossessive(std::string_view rest) {
  for (std::string_view mark : {"'s", "\u2019s", "' ", "\u2019 "}) {
    if (rest.substr(0, mark.size()) == mark) return true;
  }
  return false;
}

}  // namespace policygraph::indexer
