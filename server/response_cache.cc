#include "server/response_cache.h"

namespace policygraph::server {

ResponseCache::ResponseCache(const Options& options) : options_(options) {}

bool ResponseCache::Follow(uint64_t generation) {
  if (generation < generation_) return false;
  if (generation > generation_) {
    if (!lru_.empty()) ++stats_.invalidations;
    lru_.clear();
    index_.clear();
    bytes_ = 0;
    generation_ = generation;
  }
  return true;
}

void ResponseCache::EvictOne() {
  const Entry& victim = lru_.back();
  bytes_ -= Cost(victim);
  index_.erase(victim.key);
  lru_.pop_back();
  ++stats_.evictions;
}

std::shared_ptr<const std::string> ResponseCache::Get(uint64_t generation, const std::string& key) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = Follow(generation) ? index_.find(key) : index_.end();
  if (it == index_.end()) {
    ++stats_.misses;
    return nullptr;
  }
  lru_.splice(lru_.begin(), lru_, it->second);
  ++stats_.hits;
  return it->second->body;
}

void ResponseCache::Put(uint64_t generation, const std::string& key, std::string body) {
  if (options_.max_entries == 0) return;
  if (key.size() + body.size() > options_.max_bytes / 4) return;
  auto stored = std::make_shared<const std::string>(std::move(body));
  std::lock_guard<std::mutex> lock(mutex_);
  if (!Follow(generation)) return;
  if (auto it = index_.find(key); it != index_.end()) {
    bytes_ -= Cost(*it->second);
    lru_.erase(it->second);
    index_.erase(it);
  }
  lru_.push_front({key, std::move(stored)});
  index_.emplace(key, lru_.begin());
  bytes_ += Cost(lru_.front());
  while (lru_.size() > options_.max_entries || bytes_ > options_.max_bytes) EvictOne();
}

ResponseCache::Stats ResponseCache::stats() const {
  std::lock_guard<std::mutex> lock(mutex_);
  Stats s = stats_;
  s.entries = lru_.size();
  s.bytes = bytes_;
  return s;
}

}  // namespace policygraph::server
