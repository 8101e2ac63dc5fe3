#include "server/bounded_task_queue.h"

namespace policygraph::server {

namespace {
thread_local bool overflow_request = false;
}

BoundedTaskQueue::BoundedTaskQueue(size_t threads, size_t max_queued) : max_queued_(max_queued) {
  if (threads == 0) threads = 1;
  for (size_t i = 0; i < threads; ++i) workers_.emplace_back([this] { Work(); });
}

BoundedTaskQueue::~BoundedTaskQueue() { shutdown(); }

bool BoundedTaskQueue::IsOverflowRequest() { return overflow_request; }

void BoundedTaskQueue::enqueue(std::function<void()> fn) {
  {
    std::unique_lock<std::mutex> lock(mutex_);
    if (!shutdown_ && jobs_.size() < max_queued_) {
      jobs_.push_back(std::move(fn));
      cond_.notify_one();
      return;
    }
  }
  // Full: the connection still has to be read and closed (httplib hands us
  // no other way to release its socket), but only to be answered 503.
  overflow_request = true;
  fn();
  overflow_request = false;
}

void BoundedTaskQueue::shutdown() {
  {
    std::unique_lock<std::mutex> lock(mutex_);
    if (shutdown_ && workers_.empty()) return;
    shutdown_ = true;
  }
  cond_.notify_all();
  for (auto& t : workers_) {
    if (t.joinable()) t.join();
  }
  workers_.clear();
}

void BoundedTaskQueue::Work() {
  for (;;) {
    std::function<void()> fn;
    {
      std::unique_lock<std::mutex> lock(mutex_);
      cond_.wait(lock, [this] { return shutdown_ || !jobs_.empty(); });
      if (jobs_.empty()) return;  // shut down and drained
      fn = std::move(jobs_.front());
      jobs_.pop_front();
    }
    fn();
  }
}

}  // namespace policygraph::server
