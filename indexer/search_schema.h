// How documents are laid out in the Xapian database; shared by the indexer
// (writer) and the search service (reader). Prefixes follow omega's
// conventions where one exists.
#pragma once

namespace policygraph::search_schema {

// Term prefixes.
inline constexpr char kIdPrefix[] = "Q";        // unique document id (boolean)
inline constexpr char kLangPrefix[] = "L";      // vi, en, other (boolean)
inline constexpr char kYearPrefix[] = "Y";      // 2022 (boolean)
inline constexpr char kDatePrefix[] = "D";      // 20220601 (boolean)
inline constexpr char kTitlePrefix[] = "S";     // exact title terms
inline constexpr char kFoldedPrefix[] = "XA";   // folded terms (no diacritics)
inline constexpr char kEntityPrefix[] = "XE";   // entity ids mentioned (boolean)
inline constexpr char kTypePrefix[] = "XT";     // document type (boolean)

// Value slots.
inline constexpr unsigned kDateSlot = 0;  // YYYYMMDD, sortable
inline constexpr unsigned kLangSlot = 1;
inline constexpr unsigned kTypeSlot = 2;

// Title words count this many times a body word, so titles weigh more.
inline constexpr unsigned kTitleWdf = 3;
// Gap between the title's and the body's positions, so that no phrase spans
// the two.
inline constexpr unsigned kTitleBodyGap = 100;

}  // namespace policygraph::search_schema
