// A policygraph server over a data directory, on a free loopback port, for
// tests that talk HTTP to it; stopped and joined on every exit path.
#pragma once

#include <httplib.h>

#include <memory>
#include <string>
#include <thread>

#include "server/http_server.h"

namespace policygraph::testing {

class RunningServer {
 public:
  // Throws std::runtime_error when the server cannot start.
  explicit RunningServer(const std::string& data_dir);
  ~RunningServer();
  RunningServer(const RunningServer&) = delete;
  RunningServer& operator=(const RunningServer&) = delete;

  httplib::Client& client() { return *client_; }
  int port() const { return port_; }

 private:
  std::unique_ptr<server::PolicygraphServer> server_;
  std::thread thread_;
  std::unique_ptr<httplib::Client> client_;
  int port_ = 0;
};

}  // namespace policygraph::testing
