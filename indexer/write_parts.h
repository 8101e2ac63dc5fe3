// How the writers of a new index share its documents: each writes
// contiguous runs ("parts") into shard databases of their own, which are
// merged in document order afterwards (search_shards.h), so that the index
// is what one writer writes.
//
// The run starts as one part a writer, of about equal text. A writer that
// has finished its part takes the far half of the part with the most text
// left to write: that part now ends where the new one begins. So no writer
// idles
// while another still has much to do, whatever the documents cost (English
// text costs ~1.2 times Vietnamese per byte), and the parts stay few (the
// merge slows with every shard: docs/PERFORMANCE.md 4j).
#pragma once

#include <cstddef>
#include <cstdint>
#include <mutex>
#include <optional>
#include <vector>

namespace policygraph::indexer {

class WriteParts {
 public:
  // `text_before[i]`: the bytes of text of the documents before i (the
  // last entry is the whole run's). Starts with part w for writer w, of
  // about equal text (1 <= writers <= the number of documents). A part is
  // split only if each half would hold at least `min_part_text` bytes and a
  // document, and never into more than `max_parts` parts.
  WriteParts(std::vector<uint64_t> text_before, size_t writers, uint64_t min_part_text, size_t max_parts);

  size_t max_parts() const { return max_parts_; }
  size_t Begin(size_t part) const;
  // Where the part ends now: it may move down until its writer is done.
  size_t End(size_t part) const;

  // Whether the writer of `part` may write document `doc` (the next in
  // order): false once `doc` is past the part's end. Marks it written.
  bool MayWrite(size_t part, size_t doc);

  // For a writer that is free: the far half of the part with the most text
  // left to write, as a new part, or nothing when no part is worth
  // splitting. The new part's writer writes it from its beginning.
  std::optional<size_t> TakeFarHalf();

  // Every part, in document order (the order of the shards to merge).
  std::vector<size_t> InOrder() const;

 private:
  struct Part {
    size_t begin = 0;
    size_t end = 0;
    size_t next = 0;  // the first document not yet written
  };
  uint64_t Text(size_t from, size_t to) const { return text_before_[to] - text_before_[from]; }

  const std::vector<uint64_t> text_before_;
  const uint64_t min_part_text_;
  const size_t max_parts_;
  mutable std::mutex mutex_;
  std::vector<Part> parts_;
};

// Where `parts` contiguous runs of the documents begin (and, last, where the
// last ends), each run about as much text as the others and none empty
// (parts <= the number of documents). `text_before` as above.
std::vector<size_t> SplitByText(const std::vector<uint64_t>& text_before, size_t parts);

}  // namespace policygraph::indexer
