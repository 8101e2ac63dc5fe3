#include "indexer/discovery/characters.h"

#include <unicode/normalizer2.h>

namespace policygraph::indexer::discovery {

std::string ToUtf8(const icu::UnicodeString& s) {
  std::string out;
  s.toUTF8String(out);
  return out;
}

bool IsAscii(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

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

}  // namespace policygraph::indexer::discovery
