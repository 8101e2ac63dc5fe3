// A node's adjacency record: every edge touching the node, packed in one
// value of the `adjacency` family so that a traversal step reads one value
// instead of scanning the node's out and in keys and decoding a summary per
// edge.
//
// The entries are in the order a traversal follows them: weight descending,
// then the node's outgoing edges before its incoming ones, then relation, then
// the other end (byte order). That is the order the traversal got before, from
// the out and in key scans (outgoing, then incoming, each in key order) and a
// stable sort by weight, so the answers do not change. A second array lists
// the entries by their other end, so that once a result is full the edges to
// the few nodes already in it are found without reading a hub's whole list.
//
// Layout (integers are LEB128 varints unless said otherwise):
//   'A' 3                      magic and format version
//   n                          entries
//   r, then r relations        each a length and its bytes
//   n × u32 little-endian      offset of entry i (from the first entry's byte)
//   n × (u32, u32) l.-e.       the by-other index: for each entry, the hash
//                              of its other end (OtherEndHash) and its
//                              offset, ordered by (hash, other end, offset)
//   entries, each: other end, weight, evidence count, flags (bit 0:
//                  outgoing), relation number, first date, last date
//                  (the three strings each a length and its bytes)
// The index is ordered by the other end's hash, and holds the hash beside
// the offset, so that a lookup walks a dense array of integers and reads an
// entry's other end only where the hashes are equal: in format 2 (index of
// offsets ordered by the ends' bytes) every comparison jumped to a random
// entry of a record of up to ~0.5 MB and compared ids that share their first
// ten bytes ("organisation-00123"), and the lookups of a closed result were
// 28% of a depth-2 traversal. The other end still comes first in an entry,
// and an entry's offset grows with its number, so offsets sort in record
// order.
// The record is maintained with a RocksDB merge operator: each document's
// WriteBatch merges, into both ends' records, the new summary of every edge
// it changed (or its removal), as absolute values, so that applying them in
// sequence order yields exactly the summaries in the out family. The
// operands and their application are here; graph_store.cc wires them up.
// Pure code: no RocksDB types.
#pragma once

#include <compare>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace policygraph::graph {

struct AdjacencyEntry {
  bool outgoing = false;  // the node is the edge's source
  std::string relation;
  std::string other;      // the edge's other end
  uint32_t weight = 0;
  uint32_t evidence_count = 0;
  std::string first_date;
  std::string last_date;
};

// The record's order: see above.
bool AdjacencyOrder(const AdjacencyEntry& a, const AdjacencyEntry& b);

// Encodes `entries` (any order; sorted here). Two entries with the same
// direction, relation and other end are a caller error.
std::string EncodeAdjacency(std::vector<AdjacencyEntry> entries);

// One change to a record: the edge's new summary, or its removal.
struct AdjacencyChange {
  bool remove = false;
  AdjacencyEntry entry;  // for a removal only outgoing, relation, other count
};
std::string EncodeAdjacencyChanges(const std::vector<AdjacencyChange>& changes);

// Applies `operands` (each from EncodeAdjacencyChanges), in order, to `base`
// (a record, or nullptr for none), writing the new record to *out. Returns
// false when the base or an operand is malformed.
bool ApplyAdjacencyChanges(const std::string_view* base, const std::vector<std::string_view>& operands,
                           std::string* out);

// A read-only view of one entry; the views point into the record.
struct AdjacencyEntryView {
  bool outgoing = false;
  uint32_t relation_number = 0;
  std::string_view relation;
  std::string_view other;
  uint32_t weight = 0;
  uint32_t evidence_count = 0;
  std::string_view first_date;
  std::string_view last_date;
};

// The hash the by-other index orders other ends by: 32-bit FNV-1a of the
// bytes. It is part of the stored format, so it is fixed here rather than
// taken from std::hash, whose values the standard library may change.
uint32_t OtherEndHash(std::string_view other);

// An other end as the by-other index orders it: by hash, then bytes.
struct OtherEndKey {
  uint32_t hash = 0;
  std::string_view other;
  static OtherEndKey Of(std::string_view other) { return {OtherEndHash(other), other}; }
  auto operator<=>(const OtherEndKey&) const = default;
};

// A record read back. Entries are decoded on demand, so that a reader can
// stop early; every accessor checks bounds and reports a malformed record
// rather than reading past it.
class Adjacency {
 public:
  // nullopt when `record` is malformed (bad header or arrays out of bounds;
  // entries are checked as they are read). The result owns a copy.
  static std::optional<Adjacency> Parse(std::string record);
  // The same without a copy: `record` stays valid as long as `owner` lives
  // (the store passes a pinned block of its cache), and the result keeps
  // `owner` alive.
  static std::optional<Adjacency> Parse(std::string_view record, std::shared_ptr<const void> owner);

  size_t size() const { return count_; }
  const std::vector<std::string>& relations() const { return relations_; }
  // Entry i (0 <= i < size()) in record order; false if it is malformed.
  bool Entry(size_t i, AdjacencyEntryView* out) const;
  // Where entry i starts (0 <= i < size()): offsets grow with the entry
  // number, so they compare and sort as record order does.
  uint32_t OffsetOf(size_t i) const { return U32At(offsets_ + 4 * i); }
  // The entry starting at `offset` (from OffsetOf or the Find calls); false
  // if it is malformed or out of the record.
  bool EntryAt(uint32_t offset, AdjacencyEntryView* out) const;
  // Appends the offsets of the entries whose other end is `other`, in
  // record order (ascending). Binary search: O(log n) hashes compared.
  void FindOther(std::string_view other, std::vector<uint32_t>* offsets) const;
  // The same for each of `others` (sorted, distinct: the index's order),
  // appending the offsets in no particular order. One pass that gallops
  // through the index, so that k ends cost about k·log(n/k) comparisons of
  // hashes rather than k·log(n), and an end's bytes are read only where
  // the hashes are equal. With `which`, appends beside each offset the
  // place in `others` of the end found there (a caller that numbers the
  // ends need not look each up again).
  void FindOthers(const std::vector<OtherEndKey>& others, std::vector<uint32_t>* offsets,
                  std::vector<uint32_t>* which = nullptr) const;
  // Asks the processor to bring the entry at `offset` into its cache, for
  // a reader about to read many entries at random places: a hint, with no
  // effect on what is read.
  void PrefetchEntry(uint32_t offset) const;

 private:
  Adjacency() = default;
  bool ParseHeader();
  // Inline: the lookups call it once per comparison.
  uint32_t U32At(size_t pos) const {
    uint32_t v = 0;
    for (int i = 0; i < 4; ++i) v |= static_cast<uint32_t>(static_cast<unsigned char>(bytes_[pos + i])) << (8 * i);
    return v;
  }
  std::string_view OtherAt(uint32_t offset) const;  // "" if malformed
  uint32_t IndexHash(size_t pos) const { return U32At(by_other_ + 8 * pos); }
  uint32_t IndexOffset(size_t pos) const { return U32At(by_other_ + 8 * pos + 4); }

  std::shared_ptr<const void> owner_;  // holds what bytes_ points into
  std::string_view bytes_;
  size_t count_ = 0;
  std::vector<std::string> relations_;  // copied: a view into a short bytes_ would not survive a move
  size_t offsets_ = 0;   // position of the offsets array
  size_t by_other_ = 0;  // position of the by-other index
  size_t entries_ = 0;   // position of the first entry
};

}  // namespace policygraph::graph
