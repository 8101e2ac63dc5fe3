#include "indexer/discovery/vietnamese_words.h"

#include <algorithm>
#include <utility>

#include "indexer/discovery/name_types.h"

namespace policygraph::indexer::discovery {
namespace {

// Vietnamese names start with one of these ("Luật An ninh mạng").
constexpr std::pair<const char*, std::string_view> kVietnameseHeads[] = {
    {"luật", kLaw}, {"bộ luật", kLaw}, {"đạo luật", kLaw}, {"nghị định", kLaw}, {"quyết định", kLaw},
    {"thông tư", kLaw}, {"quy định", kLaw}, {"pháp lệnh", kLaw}, {"nghị quyết", kLaw}, {"hiến pháp", kLaw},
    {"hiệp định", kAgreement}, {"công ước", kAgreement}, {"hiệp ước", kAgreement},
    {"thỏa thuận", kAgreement}, {"khung", kAgreement}, {"nghị định thư", kAgreement},
    {"bản ghi nhớ", kAgreement}, {"biên bản ghi nhớ", kAgreement}, {"khu vực thương mại tự do", kAgreement},
    {"bộ quy tắc", kAgreement},
    // "Bộ" before a lower-case noun of rules is a set of them, not a
    // ministry: "Bộ tiêu chuẩn Trái phiếu Xanh ASEAN" (standards), "Bộ phân
    // loại ASEAN về tài chính bền vững" (a taxonomy).
    {"bộ tiêu chuẩn", kInitiative}, {"bộ phân loại", kInitiative}, {"bộ nguyên tắc", kInitiative},
    {"bộ tiêu chí", kInitiative},
    // A named mechanism is a framework ("Cơ chế Tín chỉ chung (JCM)");
    // a scholarship a programme ("Học bổng Chevening"), as in English.
    {"cơ chế", kInitiative}, {"học bổng", kProgramme},
    {"khuôn khổ", kInitiative}, {"hiến chương", kAgreement},
    {"tầm nhìn", kStrategy},
    {"chiến lược", kStrategy}, {"chính sách", kStrategy},
    {"kế hoạch", kPlan}, {"lộ trình", kPlan}, {"quy hoạch", kPlan},
    {"chương trình", kProgramme}, {"đề án", kProgramme}, {"dự án", kProgramme},
    {"sáng kiến", kInitiative},
    {"hội nghị", kEvent}, {"hội nghị thượng đỉnh", kEvent}, {"diễn đàn", kEvent},
    {"đối thoại", kEvent}, {"hội thảo", kEvent}, {"tuần lễ", kEvent},
    {"ủy ban", kOrganization}, {"trung tâm", kOrganization}, {"bộ", kOrganization},
    {"hiệp hội", kOrganization}, {"cơ quan", kOrganization}, {"cục", kOrganization},
    {"tổng cục", kOrganization}, {"quỹ", kOrganization}, {"viện", kOrganization},
    {"học viện", kOrganization}, {"nhóm công tác", kOrganization}, {"mạng lưới", kOrganization},
    {"tập đoàn", kOrganization}, {"công ty", kOrganization}, {"tổng công ty", kOrganization},
    {"hội đồng", kOrganization}, {"nhóm", kOrganization}, {"liên minh", kOrganization},
    {"tổ chức", kOrganization}, {"lực lượng", kOrganization}, {"cảnh sát biển", kOrganization},
    {"hải cảnh", kOrganization}, {"đại học", kOrganization}, {"trường đại học", kOrganization},
    {"ngân hàng", kOrganization}, {"văn phòng", kOrganization}, {"quốc hội", kOrganization},
    {"ban thư ký", kOrganization},
    // Diplomatic missions are actors ("Đại sứ quán Nhật Bản tại Việt Nam"),
    // and as heads they also end a ministry's name before them: "Bộ Công an
    // và Đại sứ quán Nhật Bản …" lists two bodies, not one ministry whose
    // name runs on through "và" as "Bộ Tài nguyên và Môi trường" does.
    {"đại sứ quán", kOrganization}, {"tổng lãnh sự quán", kOrganization}, {"lãnh sự quán", kOrganization},
    // Declarations are named after their subject or the city that adopted
    // them ("Tuyên bố Viêng Chăn", "Tuyên bố về Tăng cường An ninh Lương
    // thực …"); lower-case, "tuyên bố" is the verb and stays a stop word.
    {"tuyên bố", kAgreement},
    // Fairs and exhibitions are events like conferences ("Hội chợ Trung
    // Quốc - ASEAN lần thứ 19").
    {"hội chợ", kEvent}, {"triển lãm", kEvent},
    // Festivals, games and drills: "Liên hoan phim quốc tế Hà Nội", "Lễ hội
    // Pháo hoa quốc tế Đà Nẵng", "Đại hội Thể thao Đông Nam Á (SEA Games)",
    // "Diễn tập ứng phó thảm họa ASEAN"; capitalised as names, as every head.
    {"liên hoan", kEvent}, {"liên hoan phim", kEvent}, {"lễ hội", kEvent}, {"đại hội", kEvent},
    {"diễn tập", kEvent}, {"tập trận", kEvent}, {"ngày hội", kEvent}, {"giải vô địch", kEvent},
    // Ports are bodies ("Cảng Quốc tế Cái Mép"), and so are facilities set
    // up by states ("Cơ sở Bảo hiểm Rủi ro Thiên tai …", a pool that insures
    // them); "Cơ sở dữ liệu …" (a database) has no capitalised part.
    {"cảng", kOrganization}, {"cơ sở", kOrganization},
    // Chambers, subcommittees, boards and teams are bodies as committees
    // are ("Phòng Thương mại và Công nghiệp Đại Hàn", "Tiểu ban ASEAN về …",
    // "Ban Quản lý đường sắt đô thị Hà Nội", "Đội Đánh giá và Ứng phó Khẩn
    // cấp ASEAN"); a named system is a programme, as "System" is in English
    // ("Hệ thống Quá cảnh Hải quan ASEAN"); a contest is an event.
    {"phòng thương mại", kOrganization}, {"tiểu ban", kOrganization}, {"ban quản lý", kOrganization},
    {"ban chỉ đạo", kOrganization}, {"đội", kOrganization}, {"hệ thống", kProgramme}, {"cuộc thi", kEvent},
    // Sessions of a body are meetings ("Kỳ họp lần thứ 45 của Ủy ban Di sản
    // Thế giới", "Phiên họp … lần thứ 15", "Khóa họp 79 Đại hội đồng Liên Hợp
    // Quốc", "Cuộc họp SCOSA lần thứ 35"); courts are bodies ("Tòa án Công
    // lý Quốc tế").
    {"kỳ họp", kEvent}, {"phiên họp", kEvent}, {"khóa họp", kEvent}, {"cuộc họp", kEvent},
    {"tòa án", kOrganization},
    // A named partnership between parties ("Quan hệ Đối tác Mekong -
    // Australia"); the bare level of relations ("quan hệ Đối tác Chiến lược
    // Toàn diện") is left out by FindVietnameseHeaded.
    {"quan hệ đối tác", kInitiative},
    // "Hợp tác Mekong - Nhật Bản", "Hợp tác Mekong - Sông Hằng": a
    // cooperation framework named after its parties, as "Hợp tác Mekong -
    // Lan Thương" is; FindVietnameseHeaded keeps it only with a " - " pair.
    {"hợp tác", kRegionalOrg},
};

// Lower-case words that make a head word something else: "Bộ trưởng" is a
// minister, "Bộ phận" a unit, "Cục trưởng" a director, "Luật sư" a lawyer.
constexpr const char* kNotAHeadBefore[] = {
    "trưởng", "phó", "phận", "máy", "đội", "mặt", "hồ", "tiêu", "chỉ", "sưu", "viên", "lý",
    "sư", "gia", "lệ", "ngũ",
};

// Words for office holders: a capitalised run after one ("Bộ trưởng Điều
// phối Chính sách Kinh tế") is a title, and only an organisation head may
// start a name inside it ("Bộ trưởng Bộ Công an").
constexpr const char* kTitleWords[] = {"trưởng", "tịch", "đốc", "nhiệm", "tướng"};

// Words that, before a number, refer to a part of a text ("Điều 5").
constexpr const char* kPartWords[] = {"điều", "khoản", "điểm", "chương", "mục", "phần", "phụ lục"};

// Lower-case words and phrases that start the predicate or a new clause: an
// unquoted Vietnamese name ends before them. Capitalised, they may belong
// to a name ("Bộ Tư pháp", "Luật Tổ chức Quốc hội"). Single syllables are
// only function words: a content syllable such as "mới", "mở", "giao" or
// "ký" is also part of compounds that occur inside names ("đổi mới", "mở
// rộng", "Bộ Ngoại giao", "đăng ký"); verbs are listed as whole words.
constexpr const char* kVietnameseStops[] = {
    "đã", "sẽ", "đang", "được", "bị", "có", "là", "do", "cho", "với", "nhằm", "để", "tại", "trong",
    "từ", "theo", "thuộc", "của", "này", "đó", "kia", "ấy", "nọ", "khi", "nếu", "mà", "thì", "vì",
    "nên", "hoặc", "hay", "cũng", "đều", "vẫn", "còn", "rằng", "ngày", "tháng", "qua", "sau", "ở",
    "trước", "đến", "tới", "những", "nhiều", "mọi", "như", "cùng", "v.v", "vv", "nhưng", "tuy",
    "không", "chưa", "chỉ", "rất", "đây", "nêu", "trên", "dưới", "giữa", "bởi", "tổ chức",
    "công bố", "thông qua", "ban hành", "phê duyệt", "triển khai", "ký kết", "chủ trì", "phối hợp",
    "chính thức", "vận hành", "khởi động", "tham gia", "thực hiện", "quy định", "hướng dẫn",
    "đề xuất", "nhấn mạnh", "cho biết", "phát biểu", "yêu cầu", "hỗ trợ", "thành lập", "tuyên bố",
    "trở thành", "cung cấp", "bắt đầu", "đưa ra", "kêu gọi", "đạt được", "sửa đổi", "bổ sung",
    "diễn ra", "khai mạc", "bế mạc", "kết thúc", "tập trung", "đánh giá", "cam kết", "thống nhất",
    "chịu trách nhiệm", "báo cáo", "áp dụng", "liên quan", "căn cứ", "chỉ đạo", "đề nghị",
    "xem xét", "quyết định", "ủy quyền", "phân công", "xác định", "ghi nhận", "khẳng định",
    "thúc đẩy", "tăng cường", "đẩy mạnh", "góp phần", "tiến hành", "bao gồm", "gọi là", "cụ thể",
    "thay thế", "hiện hành", "hiện nay", "tiếp tục", "kèm theo", "dẫn đến", "ra mắt", "chậm nhất",
    "định kỳ", "trực tiếp", "điều động", "chất vấn", "miễn nhiệm", "bổ nhiệm", "giải quyết",
    "xử lý", "kiểm tra", "công nhận", "cấp phép", "cấp lại", "thu hồi", "đình chỉ", "tạm đình chỉ",
    "ra quyết định", "ủy thác", "tống đạt", "lựa chọn", "xét xử", "kháng nghị", "hết hiệu lực",
    "có hiệu lực", "số lượng", "kiến nghị", "ít nhất", "tiếp nhận", "bằng văn bản", "thông báo",
    "chấp thuận", "xác nhận", "vào sổ", "đối với", "về việc", "về lĩnh vực", "đồng tổ chức",
    "đồng chủ trì", "phê chuẩn", "vào", "trình", "cấp giấy phép", "tán thành", "triệu tập", "gửi", "giao cho",
    "thẩm định", "bãi bỏ", "chấp thuận", "lấy ý kiến", "rót vốn", "rót thêm", "rót", "đặt",
    "thiết lập", "nằm",
};

// Compounds that begin with a stop word but are ordinary nouns inside names
// ("Trung tâm Ứng cứu khẩn cấp không gian mạng").
constexpr const char* kNotStops[] = {
    "không gian", "không khí", "không quân", "không dây", "không người lái", "chỉ số",
    "chỉ huy", "chỉ tiêu", "trong nước", "sau đại học", "đến hạn", "cho vay",
};

// Honours and titles of merit are quoted in Vietnamese texts like names
// ("Huân chương Lao động", "Chiến sĩ thi đua"), but they are not entities
// of any type here.
constexpr const char* kHonours[] = {
    "huân chương", "huy chương", "bằng khen", "cờ thi đua", "giải thưởng", "kỷ niệm chương",
    "danh hiệu", "chiến sĩ", "chiến sỹ", "anh hùng", "nghệ sĩ", "nghệ nhân", "nhà giáo", "thầy thuốc",
    "bà mẹ", "lao động tiên tiến", "lao động xuất sắc", "tập thể lao động", "đơn vị",
    "gia đình văn hóa", "làng văn hóa",
};

// Words that may sit inside an unquoted Vietnamese name but never end it.
// ("số" is not one: it also means "digital" and ends "Kinh tế số").
constexpr const char* kVietnameseInnerOnly[] = {"và", "về", "các", "năm", "lần", "thứ", "giai", "đoạn"};

// Vietnamese ordinal: "lần thứ" + number or one of these.
constexpr const char* kVietnameseOrdinals[] = {
    "nhất", "hai", "ba", "tư", "bốn", "năm", "sáu", "bảy", "tám", "chín", "mười", "mốt", "một",
};

// Words inside a quoted title that make it a sentence, not a title.
constexpr const char* kPredicateWords[] = {
    "đã", "sẽ", "đang", "bị", "là", "rằng", "is", "are", "was", "were", "will", "shall", "must",
    "should", "would", "has", "have", "had",
};

// English words after a quoted term that make the quote a definition
// ("“Commissioner” means …"), not a title.
constexpr const char* kDefinitionVerbs[] = {"means", "mean", "includes", "include", "refers", "has"};

Phrase MakePhrase(std::string_view words, const Analyzer& analyzer) {
  KeyMaker keys(analyzer);
  Phrase phrase;
  size_t start = 0;
  for (size_t i = 0; i <= words.size(); ++i) {
    if (i == words.size() || words[i] == ' ') {
      if (i > start) {
        const std::string_view w = words.substr(start, i - start);
        phrase.push_back(keys.Key(w, IsAscii(w)));
      }
      start = i + 1;
    }
  }
  return phrase;
}

}  // namespace

const VietnameseLists& Lists(const Analyzer& analyzer) {
  static const VietnameseLists lists = [&analyzer] {
    VietnameseLists l;
    auto key = [&analyzer](const char* w) { return MakePhrase(w, analyzer).front(); };
    for (const auto& [words, type] : kVietnameseHeads) {
      Head h{MakePhrase(words, analyzer), type};
      l.heads_by_first[h.words.front()].push_back(std::move(h));
    }
    for (auto& [_, heads] : l.heads_by_first) {
      std::stable_sort(heads.begin(), heads.end(),
                       [](const Head& a, const Head& b) { return a.words.size() > b.words.size(); });
    }
    for (const char* stop : kVietnameseStops) {
      Phrase p = MakePhrase(stop, analyzer);
      l.stops_by_first[p.front()].push_back(std::move(p));
    }
    for (const char* stop : kNotStops) {
      Phrase p = MakePhrase(stop, analyzer);
      l.not_stops_by_first[p.front()].push_back(std::move(p));
    }
    for (const char* honour : kHonours) {
      Phrase p = MakePhrase(honour, analyzer);
      l.honours_by_first[p.front()].push_back(std::move(p));
    }
    for (const char* w : kNotAHeadBefore) l.not_a_head_before.insert(key(w));
    for (const char* w : kTitleWords) l.title_words.insert(key(w));
    for (const char* w : kPartWords) l.part_words.insert(key(w));
    for (const char* w : kVietnameseInnerOnly) l.inner_only.insert(key(w));
    for (const char* w : kVietnameseOrdinals) l.ordinals.insert(key(w));
    for (const char* w : kPredicateWords) l.predicates.insert(key(w));
    for (const char* w : kDefinitionVerbs) l.definition_verbs.insert(key(w));
    return l;
  }();
  return lists;
}

size_t MatchPhrase(Line& line, size_t i, const Phrase& phrase) {
  for (size_t k = 0; k < phrase.size(); ++k) {
    if (!line.IsWord(i + k) || line.Key(i + k) != phrase[k]) return 0;
    if (k > 0 && !line[i + k].space_before) return 0;
  }
  return phrase.size();
}

bool MatchesAny(Line& line, size_t i, const std::unordered_map<std::string, std::vector<Phrase>>& by_first) {
  const auto it = by_first.find(line.Key(i));
  if (it == by_first.end()) return false;
  return std::any_of(it->second.begin(), it->second.end(),
                     [&](const Phrase& p) { return MatchPhrase(line, i, p) != 0; });
}

bool EndsCompound(Line& line, size_t i) {
  if (i == 0 || !line.IsWord(i - 1)) return false;
  // "tự do" (free): "do" (by, because) here ends a compound, not a name.
  if (line.KeyIs(i, "do")) return line.KeyIs(i - 1, "tự");
  // "bán dẫn đến năm 2030" (semiconductors, to 2030): "dẫn" ends "bán dẫn"
  // here; it does not start "dẫn đến" (leads to).
  if (line.KeyIs(i, "dẫn")) return line.KeyIs(i - 1, "bán");
  // "ứng phó với", "thích ứng với" (respond, adapt to): the verb of a
  // title takes its object ("Chiến lược … ứng phó với biến đổi khí hậu").
  if (line.KeyIs(i, "với")) return line.KeyIs(i - 1, "phó") || (line.KeyIs(i - 1, "ứng") && line.KeyIs(i - 2, "thích"));
  // "chuẩn bị" (prepare), "thiết bị" (equipment), "trang bị" (equip), "dự
  // bị" (reserve): "bị" here is no passive.
  // "hàng không" (aviation): "không" here is no negation ("Cục Hàng không
  // Việt Nam", "ngành hàng không dân dụng").
  if (line.KeyIs(i, "không")) return line.KeyIs(i - 1, "hàng");
  // "tín chỉ" (credit), "chứng chỉ" (certificate), "địa chỉ" (address),
  // "di chỉ" (archaeological site):
  // "chỉ" here is no "only" ("Cơ chế Tín chỉ chung").
  if (line.KeyIs(i, "chỉ")) {
    return line.KeyIs(i - 1, "tín") || line.KeyIs(i - 1, "chứng") || line.KeyIs(i - 1, "địa") || line.KeyIs(i - 1, "di");
  }
  if (line.KeyIs(i, "bị")) {
    return line.KeyIs(i - 1, "chuẩn") || line.KeyIs(i - 1, "thiết") || line.KeyIs(i - 1, "trang") ||
           line.KeyIs(i - 1, "dự");
  }
  return false;
}

bool IsVietnameseStop(Line& line, size_t i, const VietnameseLists& lists) {
  if (!line.IsWord(i) || !line[i].lower) return false;
  if (EndsCompound(line, i)) return false;
  return MatchesAny(line, i, lists.stops_by_first) && !MatchesAny(line, i, lists.not_stops_by_first);
}

const Head* VietnameseHeadAt(Line& line, size_t i, const VietnameseLists& lists, size_t* length) {
  if (!line.IsWord(i) || !line[i].cap || line[i].acronym) return nullptr;
  const auto it = lists.heads_by_first.find(line.Key(i));
  if (it == lists.heads_by_first.end()) return nullptr;
  for (const Head& head : it->second) {
    const size_t n = MatchPhrase(line, i, head.words);
    if (n == 0) continue;
    // "Bộ trưởng", "Cục trưởng": a title, not the organisation.
    if (line.IsWord(i + n) && line[i + n].lower && lists.not_a_head_before.count(line.Key(i + n))) return nullptr;
    // "Hợp tác", "Quan hệ Đối tác" head a name only before a capitalised
    // pair of parties ("Hợp tác Mekong - Nhật Bản"); "Hợp tác xã" is a
    // cooperative, "Hợp tác liên chính phủ" the common noun.
    if (head.type == kRegionalOrg || head.words.front() == "quan") {
      bool pair = line.IsWord(i + n) && line[i + n].cap;
      size_t k = i + n;
      while (pair && k < i + n + 4 && line.IsWord(k) && IsStrong(line[k])) ++k;
      pair = pair && k < line.size() && IsDash(line[k].punct) && line[k].space_before;
      if (!pair) return nullptr;
    }
    *length = n;
    return &head;
  }
  return nullptr;
}

const Head* VietnameseHeadBefore(Line& line, size_t i, const VietnameseLists& lists) {
  const Head* best = nullptr;
  for (size_t n = 1; n <= 4 && n <= i; ++n) {
    const size_t start = i - n;
    if (!line.IsWord(start)) break;
    const auto it = lists.heads_by_first.find(line.Key(start));
    if (it == lists.heads_by_first.end()) continue;
    for (const Head& head : it->second) {
      // "trên cơ sở …" is "on the basis of": a facility only as a name.
      if (line[start].lower && line.KeyIs(start, "cơ") && line.KeyIs(start + 1, "sở")) continue;
      if (head.words.size() == n && MatchPhrase(line, start, head.words) == n) best = &head;
    }
  }
  return best;
}

bool AfterTitleWord(Line& line, size_t i, const VietnameseLists& lists) {
  for (size_t back = 1; back <= 8 && back <= i; ++back) {
    const size_t j = i - back;
    if (!line.IsWord(j)) return false;
    if (line[j].lower && lists.title_words.count(line.Key(j))) return true;
    // "Thủ tướng Chính phủ phê duyệt tại Quyết định …": a verb between ends
    // the title; only its own capitalised words may come between.
    if (line[j].lower && back > 1 && !(j + 1 < line.size() && line[j + 1].cap)) return false;
  }
  return false;
}

}  // namespace policygraph::indexer::discovery
