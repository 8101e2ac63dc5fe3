// IdTable: the ids a traversal has met, each with a number, in one flat
// table.
//
// A depth-2 walk from a hub asks "is this id in the result, or turned away?"
// for thousands of adjacency entries, with ids read out of a record (string
// views). With a node-based std::unordered_map<std::string, …> every id met
// was an allocation or two and every lookup a chase through a bucket list to
// a node elsewhere on the heap: 8% of a depth-2 traversal at 1M edges
// (docs/PERFORMANCE.md 6d). Here the ids' bytes go one after another into
// one buffer, and the table is an array of (hash, position, length, value)
// probed linearly, so a lookup reads one or two slots of a few kilobytes and
// compares bytes only where the stored hash is the same.
//
// Not thread safe; a table belongs to one traversal.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace policygraph::graph {

class IdTable {
 public:
  static constexpr uint32_t kAbsent = UINT32_MAX;

  // Room for `expected` ids before the first growth. Default: 256.
  explicit IdTable(size_t expected = 256);

  // The value stored with `id`, or kAbsent.
  uint32_t Find(std::string_view id) const;
  // Stores `id` (copied) with `value`, which must not be kAbsent; `id` must
  // not be in the table yet.
  void Insert(std::string_view id, uint32_t value);
  size_t size() const { return size_; }

  // Calls f(id, value) for every id stored, in no particular order. The
  // views stay valid until the next Insert.
  template <typename F>
  void ForEach(F&& f) const {
    for (const Slot& s : slots_) {
      if (s.value != kAbsent) f(std::string_view(bytes_).substr(s.position, s.length), s.value);
    }
  }

 private:
  struct Slot {
    uint32_t hash = 0;
    uint32_t position = 0;  // of the id's bytes in bytes_
    uint32_t length = 0;
    uint32_t value = kAbsent;  // kAbsent: an empty slot
  };
  static uint32_t Hash(std::string_view id);
  void Grow();

  std::vector<Slot> slots_;  // a power of two, at most half full
  std::string bytes_;        // every id stored, one after another
  size_t size_ = 0;
};

}  // namespace policygraph::graph
