#include "indexer/tone_placement.h"

#include <unicode/normalizer2.h>

namespace policygraph::indexer {

namespace {

bool IsToneMark(UChar c) {
  // grave, acute, tilde, hook above, dot below
  return c == 0x0300 || c == 0x0301 || c == 0x0303 || c == 0x0309 || c == 0x0323;
}

}  // namespace

icu::UnicodeString CanonicalToneSyllable(const icu::UnicodeString& syllable) {
  // Cheap exit: the rewrite concerns only syllables ending in a/e/y with a
  // tone, i.e. non-ASCII, at most ~7 letters.
  if (syllable.length() < 2 || syllable.length() > 8) return syllable;
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) return syllable;
  icu::UnicodeString d = nfd->normalize(syllable, status);
  if (U_FAILURE(status)) return syllable;

  // Split into the tone mark and the rest.
  UChar tone = 0;
  icu::UnicodeString bare;
  for (int32_t i = 0; i < d.length(); ++i) {
    if (IsToneMark(d[i])) {
      if (tone != 0) return syllable;  // two tone marks: not Vietnamese
      tone = d[i];
    } else {
      bare.append(d[i]);
    }
  }
  if (tone == 0) return syllable;
  // The cluster must be the plain letters o+a, o+e or u+y at the very end
  // (no circumflex, breve or horn in between: "oă", "uyê" differ).
  const int32_t n = bare.length();
  if (n < 2) return syllable;
  const UChar first = bare[n - 2], second = bare[n - 1];
  const bool open_cluster = (first == 'o' && (second == 'a' || second == 'e')) ||
                            (first == 'u' && second == 'y');
  if (!open_cluster) return syllable;
  if (n >= 3 && bare[n - 3] == 'q') return syllable;  // "qu" is a consonant
  icu::UnicodeString out(bare, 0, n - 1);  // everything up to and including `first`
  out.append(tone);
  out.append(second);
  icu::UnicodeString composed = nfc->normalize(out, status);
  return U_SUCCESS(status) ? composed : syllable;
}

}  // namespace policygraph::indexer
