// Dates written in Vietnamese and English text ("Ngày 01/6/2022",
// "tháng 9/2022", "18-20/10/2022", "đầu năm 2022", "1 June 2022",
// "March 2022", "2021-2025"), turned into ISO 8601 so that graph evidence
// can be ordered and filtered by date.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace policygraph::indexer {

struct DateMention {
  uint32_t begin = 0;  // byte span of the whole expression in the text
  uint32_t end = 0;
  // ISO 8601 at the precision written: "2022-06-01", "2022-09" or "2022".
  // For a range ("18-20/10/2022", "2021-2025") this is its start.
  std::string iso;
  // The range's end at the same precision ("2022-10-20", "2025"); "" when
  // the expression is not a range.
  std::string iso_end;
  // True for a bare year range such as "2021-2025" or "2016-2025": usually the
  // period of a plan or strategy named next to it, not when something happened.
  bool period = false;
};

// Every date expression in `text`, in text order, never overlapping; at a
// position the longest expression wins ("ngày 15 tháng 11 năm 2022" is one
// mention, not three). `text` is UTF-8, NFC or NFD, and may be malformed;
// spans are byte offsets into it as given and include the Vietnamese keyword
// ("Ngày", "tháng", "năm", "đầu năm", "giai đoạn", "quý") or the English
// modifier ("early", "mid-"), but not a preposition ("in 2022" → "2022").
// A four-digit year 1900–2099 standing alone is reported too, even inside a
// name ("Smart Country 2025 Plan"); numbers that belong to other tokens are
// not: document numbers ("13/2023/NĐ-CP"), decimals and thousands ("119,7%",
// "373.000"), codes ("5G", "ISO 27001:2013") and amounts ("2000 tỷ đồng").
// `default_year` ("2022") completes dates written without a year ("Ngày
// 12/10", "Tháng 4", "12 October"); when it is empty, or not a four-digit
// year, such dates are not reported.
// Impossible dates (32/1/2022, 29/2/2023, month 13) are not reported, nor
// any piece of them. Texts over 4 GiB are scanned up to 4 GiB.
std::vector<DateMention> FindDates(std::string_view text, std::string_view default_year = "");

}  // namespace policygraph::indexer
