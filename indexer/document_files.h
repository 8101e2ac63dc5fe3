// The files of a corpus, packed: every path's bytes in one buffer and one
// offset per file. A run over a million files keeps the list from the
// first pass to the last (each pass reads each file again), and a
// std::filesystem::path costs ~390 bytes for "/tmp/gen/en/0000/g0000000.md"
// (libstdc++ keeps a list of its components beside the string); here it is
// the path's length and 8 bytes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace policygraph::indexer {

class DocumentFileList {
 public:
  void Add(std::string_view path);
  size_t size() const { return ends_.size(); }
  bool empty() const { return ends_.empty(); }
  // Valid until the list is changed.
  std::string_view operator[](size_t i) const {
    const uint64_t begin = i == 0 ? 0 : ends_[i - 1];
    return std::string_view(bytes_).substr(begin, ends_[i] - begin);
  }
  // Sorts the paths as std::filesystem::path orders them (ComparePaths) and
  // keeps one of each run of paths that compare equal.
  void SortUnique();
  // Bytes held (for measuring).
  size_t MemoryBytes() const { return bytes_.capacity() + ends_.capacity() * sizeof(uint64_t); }

 private:
  std::string bytes_;
  std::vector<uint64_t> ends_;  // where each path ends in bytes_
};

// <0, 0 or >0 as std::filesystem::path(a).compare(path(b)) on POSIX, without
// building either: a path with a root directory (leading slashes) after
// one without, then element by element (names between runs of slashes, an
// empty name after a trailing slash), each compared as bytes.
int ComparePaths(std::string_view a, std::string_view b);

}  // namespace policygraph::indexer
