#include "indexer/discovery/body_name_ends.h"

#include <string>

#include "indexer/discovery/foreign_names.h"

namespace policygraph::indexer::discovery {
namespace {

// A Latin word no Vietnamese syllable spells ("Darmstadt", "Shinhan"): it
// is a whole foreign word, never the first syllable of a compound.
bool IsWholeForeignWord(Line& line, size_t k) {
  if (!line.IsWord(k) || !line[k].ascii || !line[k].cap || line[k].number) return false;
  return !CouldBeVietnameseSyllable(line.Key(k));
}

}  // namespace

bool EndsAfterCompleteWord(Line& line, size_t body, size_t i, const VietnameseLists& lists) {
  if (i <= body || !line.IsWord(i) || !line[i].lower || lists.inner_only.count(line.Key(i))) return false;
  const size_t prev = i - 1;
  if (!line.IsWord(prev) || line[prev].number) return false;
  // "UNESCO Việt Nam điều phối" ends on a run; "UNESCO điều phối" on the acronym.
  if (line[prev].acronym || IsWholeForeignWord(line, prev)) return true;
  // A country's name of two or three syllables, all capitalised, inside the
  // name: "Trung Quốc", "Hàn Quốc", "Nhật Bản". Not any two capitalised
  // syllables: the second may start a word of its own ("Bộ Tư lệnh Vùng
  // Cảnh sát biển", "Ban Chấp hành", "Đoàn Thanh niên").
  if (!line[prev].cap) return false;
  std::string country = line.Key(prev);
  for (size_t k = prev; k > body && k + 3 > prev && line.IsWord(k - 1) && !line[k - 1].lower; --k) {
    country = line.Key(k - 1) + " " + country;
    if (VietnameseCountries().count(country)) return true;
  }
  return false;
}

bool EndsAtItsVerb(Line& line, size_t body, size_t i) {
  if (i <= body || !line.IsWord(i) || !line[i].lower || !line.IsWord(i - 1) || line[i - 1].number) return false;
  // What a ministry, bank or agency does with a partner, in the words of
  // the link rules (indexer/link_triggers.cc); one syllable alone or two.
  static const char* const kOneSyllable[] = {"ký", "trao", "tặng"};
  static const char* const kTwoSyllables[][2] = {
      {"ký", "kết"},   {"hợp", "tác"},   {"phối", "hợp"}, {"tài", "trợ"},  {"hỗ", "trợ"},
      {"viện", "trợ"}, {"đầu", "tư"},    {"cam", "kết"},  {"công", "bố"},  {"ban", "hành"},
      {"triển", "khai"}, {"chủ", "trì"}, {"điều", "phối"}, {"cho", "vay"}, {"thông", "qua"},
      // What an institute or university does ("Viện Khảo cổ học thỏa
      // thuận …", "Viện Nghiên cứu Hán Nôm số hóa …", "… Köln làm việc
      // với …"), and its term of office ("Ủy ban … nhiệm kỳ 2023-2027").
      {"thỏa", "thuận"}, {"thoả", "thuận"}, {"làm", "việc"}, {"mang", "tên"}, {"phân", "tích"},
      {"số", "hóa"}, {"số", "hoá"}, {"đào", "tạo"}, {"xây", "dựng"}, {"thực", "hiện"}, {"vận", "hành"},
      {"nhiệm", "kỳ"}};
  bool verb = false;
  // "Bộ Công an năm 2023": a year after a body's name is a date.
  if (line.KeyIs(i, "năm") && line.IsWord(i + 1) && line[i + 1].number) verb = true;
  for (const char* w : kOneSyllable) verb = verb || line.KeyIs(i, w);
  for (const auto& w : kTwoSyllables) verb = verb || (line.KeyIs(i, w[0]) && line.KeyIs(i + 1, w[1]));
  // "hợp tác xã" is a cooperative, a noun.
  if (!verb || (line.KeyIs(i, "hợp") && line.KeyIs(i + 2, "xã"))) return false;
  for (size_t k = body; k < i; ++k) {
    if (line.IsWord(k) && line[k].cap) return true;
  }
  return false;  // a name in sentence case ("Ban chỉ đạo hợp tác …") says nothing here
}

}  // namespace policygraph::indexer::discovery
