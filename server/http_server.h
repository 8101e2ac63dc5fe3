// PolicygraphServer: the HTTP server over one data directory. Serves the API
// (api.h) and the web UI's static files.
#pragma once

#include <memory>
#include <string>

#include "graph/status.h"

namespace policygraph::server {

struct ServerOptions {
  std::string data_dir;             // holds search/ and graph/
  std::string web_dir;              // static files; "" serves no UI
  std::string host = "127.0.0.1";   // Default: loopback only
  int port = 8080;                  // 0: any free port (see port())
  size_t threads = 8;               // worker threads
  size_t max_queued = 256;          // waiting connections before 503s
  // Search answers kept, rendered, for repeated requests on the same
  // generation of the index (response_cache.h). Default: 4096; 0: none.
  size_t search_cache_entries = 4096;
  size_t search_cache_bytes = 64 << 20;  // Default: 64 MiB
  time_t read_timeout_s = 5;
  time_t write_timeout_s = 5;
  size_t max_payload_bytes = 64 * 1024;  // the API takes no large bodies
};

class PolicygraphServer {
 public:
  // Opens both stores (read-only). NotFound when DATA holds no index.
  static Status Create(const ServerOptions& options, std::unique_ptr<PolicygraphServer>* server);
  ~PolicygraphServer();

  // Binds the listening socket; IOError when the port is taken.
  Status Bind();
  int port() const;
  // Serves until Stop(); call after Bind().
  Status Run();
  // Safe from any thread.
  void Stop();

 private:
  struct Impl;
  explicit PolicygraphServer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace policygraph::server
