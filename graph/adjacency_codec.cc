#include "graph/adjacency_codec.h"

#include <algorithm>
#include <map>
#include <tuple>
#include <unordered_map>

namespace policygraph::graph {

namespace {

constexpr char kMagic = 'A';
constexpr char kFormat = 3;

void PutVarint(std::string* out, uint64_t v) {
  while (v >= 0x80) {
    out->push_back(static_cast<char>((v & 0x7F) | 0x80));
    v >>= 7;
  }
  out->push_back(static_cast<char>(v));
}

void PutString(std::string* out, std::string_view s) {
  PutVarint(out, s.size());
  out->append(s);
}

void PutU32(std::string* out, uint32_t v) {
  for (int i = 0; i < 4; ++i) out->push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
}

// Reads from a byte range; every getter fails (false) rather than reading
// past the end, and a failure sticks.
class Reader {
 public:
  explicit Reader(std::string_view bytes) : rest_(bytes) {}
  bool Varint(uint64_t* v) {
    *v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (rest_.empty()) return false;
      const auto b = static_cast<unsigned char>(rest_.front());
      rest_.remove_prefix(1);
      *v |= static_cast<uint64_t>(b & 0x7F) << shift;
      if ((b & 0x80) == 0) return true;
    }
    return false;
  }
  bool U32(uint32_t* v) {
    uint64_t x = 0;
    if (!Varint(&x) || x > UINT32_MAX) return false;
    *v = static_cast<uint32_t>(x);
    return true;
  }
  bool String(std::string_view* s) {
    uint64_t n = 0;
    if (!Varint(&n) || n > rest_.size()) return false;
    *s = rest_.substr(0, n);
    rest_.remove_prefix(n);
    return true;
  }
  bool Byte(unsigned char* b) {
    if (rest_.empty()) return false;
    *b = static_cast<unsigned char>(rest_.front());
    rest_.remove_prefix(1);
    return true;
  }
  size_t left() const { return rest_.size(); }

 private:
  std::string_view rest_;
};

// An entry's identity in a record: direction, relation, other end.
using EntryKey = std::tuple<bool, std::string, std::string>;

bool ReadEntry(Reader* r, const std::vector<std::string>& relations, AdjacencyEntryView* e) {
  unsigned char flags = 0;
  uint64_t relation = 0;
  if (!r->String(&e->other) || !r->U32(&e->weight) || !r->U32(&e->evidence_count) || !r->Byte(&flags) ||
      !r->Varint(&relation) || relation >= relations.size() || !r->String(&e->first_date) ||
      !r->String(&e->last_date)) {
    return false;
  }
  e->outgoing = (flags & 1) != 0;
  e->relation_number = static_cast<uint32_t>(relation);
  e->relation = relations[relation];
  return true;
}

}  // namespace

uint32_t OtherEndHash(std::string_view other) {
  uint32_t h = 2166136261u;  // FNV-1a, 32 bits: offset basis and prime
  for (char c : other) {
    h ^= static_cast<unsigned char>(c);
    h *= 16777619u;
  }
  return h;
}

bool AdjacencyOrder(const AdjacencyEntry& a, const AdjacencyEntry& b) {
  if (a.weight != b.weight) return a.weight > b.weight;
  if (a.outgoing != b.outgoing) return a.outgoing;
  if (a.relation != b.relation) return a.relation < b.relation;
  return a.other < b.other;
}

std::string EncodeAdjacency(std::vector<AdjacencyEntry> entries) {
  std::sort(entries.begin(), entries.end(), AdjacencyOrder);
  std::map<std::string_view, uint32_t> relation_numbers;
  for (const auto& e : entries) relation_numbers.emplace(e.relation, 0);
  uint32_t next = 0;
  for (auto& [_, number] : relation_numbers) number = next++;

  std::string body;
  std::vector<uint32_t> offsets;
  offsets.reserve(entries.size());
  for (const auto& e : entries) {
    offsets.push_back(static_cast<uint32_t>(body.size()));
    PutString(&body, e.other);
    PutVarint(&body, e.weight);
    PutVarint(&body, e.evidence_count);
    body.push_back(e.outgoing ? 1 : 0);
    PutVarint(&body, relation_numbers.at(e.relation));
    PutString(&body, e.first_date);
    PutString(&body, e.last_date);
  }
  std::vector<OtherEndKey> keys;
  keys.reserve(entries.size());
  for (const auto& e : entries) keys.push_back(OtherEndKey::Of(e.other));
  std::vector<uint32_t> by_other(entries.size());
  for (uint32_t i = 0; i < by_other.size(); ++i) by_other[i] = i;
  // Stable: entries of one end stay in record order.
  std::stable_sort(by_other.begin(), by_other.end(), [&](uint32_t a, uint32_t b) { return keys[a] < keys[b]; });

  std::string out;
  out.reserve(body.size() + 12 * entries.size() + 64);
  out.push_back(kMagic);
  out.push_back(kFormat);
  PutVarint(&out, entries.size());
  PutVarint(&out, relation_numbers.size());
  for (const auto& [relation, _] : relation_numbers) PutString(&out, relation);
  for (uint32_t o : offsets) PutU32(&out, o);
  for (uint32_t i : by_other) {
    PutU32(&out, keys[i].hash);
    PutU32(&out, offsets[i]);
  }
  out += body;
  return out;
}

std::string EncodeAdjacencyChanges(const std::vector<AdjacencyChange>& changes) {
  std::string out;
  PutVarint(&out, changes.size());
  for (const auto& c : changes) {
    out.push_back(static_cast<char>((c.remove ? 2 : 0) | (c.entry.outgoing ? 1 : 0)));
    PutString(&out, c.entry.relation);
    PutString(&out, c.entry.other);
    if (c.remove) continue;
    PutVarint(&out, c.entry.weight);
    PutVarint(&out, c.entry.evidence_count);
    PutString(&out, c.entry.first_date);
    PutString(&out, c.entry.last_date);
  }
  return out;
}

bool ApplyAdjacencyChanges(const std::string_view* base, const std::vector<std::string_view>& operands,
                           std::string* out) {
  std::map<EntryKey, AdjacencyEntry> entries;
  if (base != nullptr) {
    auto record = Adjacency::Parse(std::string(*base));
    if (!record) return false;
    AdjacencyEntryView v;
    for (size_t i = 0; i < record->size(); ++i) {
      if (!record->Entry(i, &v)) return false;
      AdjacencyEntry e{v.outgoing, std::string(v.relation), std::string(v.other), v.weight,
                       v.evidence_count, std::string(v.first_date), std::string(v.last_date)};
      EntryKey key{e.outgoing, e.relation, e.other};
      entries.emplace(std::move(key), std::move(e));
    }
  }
  for (std::string_view operand : operands) {
    Reader r(operand);
    uint64_t n = 0;
    if (!r.Varint(&n)) return false;
    for (uint64_t i = 0; i < n; ++i) {
      unsigned char flags = 0;
      std::string_view relation, other;
      if (!r.Byte(&flags) || flags > 3 || !r.String(&relation) || !r.String(&other)) return false;
      EntryKey key{(flags & 1) != 0, std::string(relation), std::string(other)};
      if (flags & 2) {
        entries.erase(key);
        continue;
      }
      AdjacencyEntry e;
      e.outgoing = (flags & 1) != 0;
      e.relation = relation;
      e.other = other;
      std::string_view first, last;
      if (!r.U32(&e.weight) || !r.U32(&e.evidence_count) || !r.String(&first) || !r.String(&last)) {
        return false;
      }
      e.first_date = first;
      e.last_date = last;
      entries.insert_or_assign(std::move(key), std::move(e));
    }
    if (r.left() != 0) return false;
  }
  std::vector<AdjacencyEntry> list;
  list.reserve(entries.size());
  for (auto& [_, e] : entries) list.push_back(std::move(e));
  *out = EncodeAdjacency(std::move(list));
  return true;
}

std::optional<Adjacency> Adjacency::Parse(std::string record) {
  auto copy = std::make_shared<const std::string>(std::move(record));
  return Parse(std::string_view(*copy), copy);
}

std::optional<Adjacency> Adjacency::Parse(std::string_view record, std::shared_ptr<const void> owner) {
  Adjacency a;
  a.owner_ = std::move(owner);
  a.bytes_ = record;
  if (!a.ParseHeader()) return std::nullopt;
  return a;
}

bool Adjacency::ParseHeader() {
  const std::string_view bytes = bytes_;
  if (bytes.size() < 2 || bytes[0] != kMagic || bytes[1] != kFormat) return false;
  Reader r(bytes.substr(2));
  uint64_t n = 0, relations = 0;
  if (!r.Varint(&n) || !r.Varint(&relations) || relations > r.left()) return false;
  for (uint64_t i = 0; i < relations; ++i) {
    std::string_view relation;
    if (!r.String(&relation)) return false;
    relations_.emplace_back(relation);
  }
  if (n > r.left() / 12) return false;
  count_ = n;
  offsets_ = bytes.size() - r.left();
  by_other_ = offsets_ + 4 * n;
  entries_ = by_other_ + 8 * n;
  return true;
}

bool Adjacency::Entry(size_t i, AdjacencyEntryView* out) const {
  if (i >= count_) return false;
  return EntryAt(OffsetOf(i), out);
}

bool Adjacency::EntryAt(uint32_t offset, AdjacencyEntryView* out) const {
  if (offset >= bytes_.size() - entries_) return false;
  Reader r(bytes_.substr(entries_ + offset));
  return ReadEntry(&r, relations_, out);
}

std::string_view Adjacency::OtherAt(uint32_t offset) const {
  // The lookups' inner loop: the end is the entry's first field, and ids
  // are shorter than 128 bytes, so its length is one byte.
  const size_t pos = entries_ + offset;
  if (offset >= bytes_.size() - entries_) return {};
  const auto length = static_cast<unsigned char>(bytes_[pos]);
  if (length < 0x80) {
    if (length > bytes_.size() - pos - 1) return {};
    return bytes_.substr(pos + 1, length);
  }
  Reader r(bytes_.substr(pos));
  std::string_view other;
  if (!r.String(&other)) return {};
  return other;
}

void Adjacency::FindOther(std::string_view other, std::vector<uint32_t>* offsets) const {
  FindOthers({OtherEndKey::Of(other)}, offsets);
}

void Adjacency::PrefetchEntry(uint32_t offset) const {
  if (offset >= bytes_.size() - entries_) return;
  const char* entry = bytes_.data() + entries_ + offset;
  __builtin_prefetch(entry);
  // An entry (an id, two dates, four small fields) is ~45 bytes, so it often
  // straddles two cache lines: fetch both.
  if (bytes_.size() - entries_ - offset > 48) __builtin_prefetch(entry + 48);
}

void Adjacency::FindOthers(const std::vector<OtherEndKey>& others, std::vector<uint32_t>* offsets,
                           std::vector<uint32_t>* which) const {
  // Searched by hash alone, so that no comparison reads an entry: the run
  // of equal hashes is then checked byte by byte, and an entry found that
  // way is one the caller reads next anyway. Keys come sorted by (hash,
  // end), so every position before lo holds a smaller hash than the next.
  //
  // The check lags the search by kLag matches, each entry fetched when its
  // hash matched: a depth-2 traversal finds most of the ends it looks for,
  // and each match is an entry at a random place in a record of up to
  // ~0.5 MB. Checked at once, each was a cache miss waited for in turn (a
  // fifth of the traversal); fetched ahead, they overlap with the search
  // and with each other.
  constexpr size_t kLag = 16;
  std::pair<uint32_t, const OtherEndKey*> pending[kLag];  // offset, the end it must hold
  size_t matched = 0;
  // Another end may share the hash: keep only the entries of the end sought.
  auto check = [&](const std::pair<uint32_t, const OtherEndKey*>& m) {
    if (OtherAt(m.first) != m.second->other) return;
    offsets->push_back(m.first);
    if (which) which->push_back(static_cast<uint32_t>(m.second - others.data()));
  };
  size_t lo = 0;
  for (const OtherEndKey& key : others) {
    size_t hi = lo;
    for (size_t step = 1; hi < count_ && IndexHash(hi) < key.hash; step *= 2) {
      lo = hi + 1;
      hi += step;
    }
    hi = std::min(hi, count_);
    while (lo < hi) {
      const size_t mid = lo + (hi - lo) / 2;
      if (IndexHash(mid) < key.hash) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    for (size_t p = lo; p < count_ && IndexHash(p) == key.hash; ++p) {
      auto& slot = pending[matched++ % kLag];
      if (matched > kLag) check(slot);
      slot = {IndexOffset(p), &key};
      PrefetchEntry(slot.first);
    }
    if (lo >= count_) break;
  }
  for (size_t m = matched > kLag ? matched - kLag : 0; m < matched; ++m) check(pending[m % kLag]);
}

}  // namespace policygraph::graph
