// A fixed pool of worker threads with a bounded queue, for httplib::Server.
//
// Debian's cpp-httplib 0.11.4 ThreadPool queues without limit, so a flood of
// connections grows memory without bound. Past `max_queued` waiting
// connections this queue refuses work: the connection is handled on the
// accepting thread in "overflow" mode, where the server answers 503 at once
// (see IsOverflowRequest) instead of running the request.
#pragma once

#include <httplib.h>

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace policygraph::server {

class BoundedTaskQueue : public httplib::TaskQueue {
 public:
  BoundedTaskQueue(size_t threads, size_t max_queued);
  ~BoundedTaskQueue() override;

  void enqueue(std::function<void()> fn) override;
  void shutdown() override;

  // True while the calling thread handles a connection refused for overflow.
  static bool IsOverflowRequest();

 private:
  void Work();

  const size_t max_queued_;
  std::vector<std::thread> workers_;
  std::deque<std::function<void()>> jobs_;
  std::mutex mutex_;
  std::condition_variable cond_;
  bool shutdown_ = false;
};

}  // namespace policygraph::server
