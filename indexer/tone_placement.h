// Canonical Vietnamese tone-mark placement.
//
// Vietnamese has two spellings for syllables ending in the open clusters
// "oa", "oe" and "uy": the older puts the tone on the second vowel (hoà,
// khoẻ, thuỷ), the newer on the first (hòa, khỏe, thủy). Texts, and users,
// use both, so the analyser rewrites every such syllable to the newer
// placement before it becomes a term. Syllables with a final consonant
// (hoàn, khuyến) have one spelling only and are left as they are, and so is
// "qu" + vowel, whose "u" belongs to the consonant (quý).
#pragma once

#include <unicode/unistr.h>

namespace policygraph::indexer {

// `syllable` must be NFC and lower case; returns it NFC, tone moved where
// needed, otherwise unchanged.
icu::UnicodeString CanonicalToneSyllable(const icu::UnicodeString& syllable);

}  // namespace policygraph::indexer
