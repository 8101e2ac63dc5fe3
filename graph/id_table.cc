#include "graph/id_table.h"

#include <functional>

namespace policygraph::graph {

IdTable::IdTable(size_t expected) {
  size_t n = 16;
  while (n < 2 * expected) n *= 2;
  slots_.resize(n);
}

uint32_t IdTable::Hash(std::string_view id) {
  // Any good hash of the bytes will do (nothing is stored): the standard
  // library's reads eight bytes a step, where FNV-1a reads one.
  return static_cast<uint32_t>(std::hash<std::string_view>()(id));
}

uint32_t IdTable::Find(std::string_view id) const {
  const uint32_t hash = Hash(id);
  const size_t mask = slots_.size() - 1;
  for (size_t i = hash & mask;; i = (i + 1) & mask) {
    const Slot& s = slots_[i];
    if (s.value == kAbsent) return kAbsent;
    if (s.hash == hash && s.length == id.size() && std::string_view(bytes_).substr(s.position, s.length) == id) {
      return s.value;
    }
  }
}

void IdTable::Insert(std::string_view id, uint32_t value) {
  if (2 * (size_ + 1) > slots_.size()) Grow();
  const uint32_t hash = Hash(id);
  const size_t mask = slots_.size() - 1;
  size_t i = hash & mask;
  while (slots_[i].value != kAbsent) i = (i + 1) & mask;
  slots_[i] = {hash, static_cast<uint32_t>(bytes_.size()), static_cast<uint32_t>(id.size()), value};
  bytes_.append(id);
  ++size_;
}

void IdTable::Grow() {
  std::vector<Slot> old(slots_.size() * 2);
  old.swap(slots_);
  const size_t mask = slots_.size() - 1;
  for (const Slot& s : old) {
    if (s.value == kAbsent) continue;
    size_t i = s.hash & mask;
    while (slots_[i].value != kAbsent) i = (i + 1) & mask;
    slots_[i] = s;
  }
}

}  // namespace policygraph::graph
