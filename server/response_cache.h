// ResponseCache: a bounded LRU of rendered answers (response bodies), each
// tied to the serving generation it was computed on (serving_index.h).
//
// A key is the request as the handler normalised it (every parameter it
// reads, defaults filled in), so two requests with the same key get the same
// answer from the same generation. An answer is only good for its
// generation: when a request on a newer generation looks up or stores, the
// whole cache is emptied first, and whatever a request on an older one (it
// may still be finishing while the server moves on) offers is not stored.
// Generations are compared by ServingIndex::Read::generation_id(), which
// only grows within a process.
//
// Bounds: at most `max_entries` answers and `max_bytes` of keys and bodies
// together; past either, the least recently used answers are dropped. An
// answer bigger than a quarter of `max_bytes` is not stored at all, so one
// huge page cannot empty the cache.
//
// Thread safety: every method may be called from any thread; one mutex.
// Bodies are handed out as shared_ptr, so a body being sent outlives its
// eviction.
#pragma once

#include <cstdint>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

namespace policygraph::server {

class ResponseCache {
 public:
  struct Options {
    size_t max_entries = 4096;    // Default: 4096 answers
    size_t max_bytes = 64 << 20;  // Default: 64 MiB of keys and bodies
  };

  struct Stats {
    uint64_t hits = 0, misses = 0, evictions = 0, invalidations = 0;
    size_t entries = 0, bytes = 0;
  };

  explicit ResponseCache(const Options& options);
  ResponseCache(const ResponseCache&) = delete;
  ResponseCache& operator=(const ResponseCache&) = delete;

  // The answer stored for `key` on generation `generation`, or nullptr. A
  // hit makes the answer the most recently used.
  std::shared_ptr<const std::string> Get(uint64_t generation, const std::string& key);

  // Stores `body` as the answer for `key` on `generation` (replacing any).
  void Put(uint64_t generation, const std::string& key, std::string body);

  Stats stats() const;

 private:
  struct Entry {
    std::string key;
    std::shared_ptr<const std::string> body;
  };
  // Called with mutex_ held: empties the cache if `generation` is newer
  // than the one it holds; false if it is older (nothing of it is kept).
  bool Follow(uint64_t generation);
  void EvictOne();
  size_t Cost(const Entry& e) const { return e.key.size() + e.body->size(); }

  const Options options_;
  mutable std::mutex mutex_;
  uint64_t generation_ = 0;
  std::list<Entry> lru_;  // most recently used first
  std::unordered_map<std::string, std::list<Entry>::iterator> index_;
  size_t bytes_ = 0;
  Stats stats_;
};

}  // namespace policygraph::server
